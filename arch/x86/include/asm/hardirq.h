/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU counts of the interrupts that have no IRQ line (the local
 * APIC's own, IPIs, NMIs): the named rows of /proc/interrupts.
 */
#ifndef _ASM_X86_HARDIRQ_H
#define _ASM_X86_HARDIRQ_H

#include <asm/percpu.h>

typedef struct {
	unsigned int __nmi_count;		/* NMI */
	unsigned int apic_timer_irqs;		/* LOC */
	unsigned int irq_spurious_count;	/* SPU */
	unsigned int irq_resched_count;		/* RES */
	unsigned int irq_call_count;		/* CAL */
	unsigned int irq_tlb_count;		/* TLB */
} irq_cpustat_t;

DECLARE_PER_CPU(irq_cpustat_t, irq_stat);

#define inc_irq_stat(member)	this_cpu_inc(irq_stat.member)

/* What /proc/stat's "intr" total adds to the numbered IRQs. */
u64 arch_irq_stat_cpu(unsigned int cpu);
u64 arch_irq_stat(void);

#endif
