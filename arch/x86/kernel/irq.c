// SPDX-License-Identifier: GPL-2.0
/*
 * From vector to handler.  Every interrupt stub lands in do_IRQ with its
 * vector in orig_ax: local APIC vectors (timer, spurious, error) are
 * handled here; device vectors map back to an IRQ number for the generic
 * layer (kernel/irq).  init_IRQ picks the controllers: the I/O APIC with
 * the local APIC when the MADT describes them, else the legacy PIC.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/hardirq.h>
#include <asm/apic.h>
#include <asm/hardirq.h>
#include <asm/irq_regs.h>
#include <asm/irq_vectors.h>
#include <asm/ptrace.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <linux/cpumask.h>
#include <asm/traps.h>

DEFINE_PER_CPU(irq_cpustat_t, irq_stat);
static unsigned int irq_err_count;	/* APIC errors, all CPUs */

void (*local_timer_handler)(void);
DEFINE_PER_CPU(struct pt_regs *, irq_regs);

void do_IRQ(struct pt_regs *regs)
{
	unsigned int vector = regs->orig_ax;
	struct pt_regs *old_regs = set_irq_regs(regs);

	irq_enter();
	if (vector == LOCAL_TIMER_VECTOR) {
		inc_irq_stat(apic_timer_irqs);
		apic_eoi();
		if (local_timer_handler)
			local_timer_handler();
	} else if (vector == RESCHEDULE_VECTOR) {
		sysvec_reschedule_ipi();
	} else if (vector == CALL_FUNCTION_VECTOR) {
		sysvec_call_function();
	} else if (vector == SPURIOUS_APIC_VECTOR) {
		/* No EOI for spurious interrupts (SDM 11.9). */
		inc_irq_stat(irq_spurious_count);
	} else if (vector == ERROR_APIC_VECTOR) {
		__atomic_fetch_add(&irq_err_count, 1, __ATOMIC_RELAXED);
		apic_write(APIC_ESR, 0);
		pr_err("APIC error on CPU%d: %#x\n", smp_processor_id(),
		       apic_read(APIC_ESR));
		apic_eoi();
	} else if (vector - FIRST_EXTERNAL_VECTOR < NR_IRQS &&
		   irq_desc[vector - FIRST_EXTERNAL_VECTOR].chip) {
		generic_handle_irq(vector - FIRST_EXTERNAL_VECTOR);
	} else {
		pr_warn_once("do_IRQ: no handler for vector %#x\n", vector);
		if (apic_available)
			apic_eoi();
	}
	irq_exit();
	set_irq_regs(old_regs);
}

/* The named rows, in Linux's order, after the numbered IRQ lines. */
int arch_show_interrupts(char *buf, size_t size)
{
	static const struct {
		const char *name, *desc;
		size_t offset;
	} rows[] = {
		{ "NMI", "Non-maskable interrupts", offsetof(irq_cpustat_t, __nmi_count) },
		{ "LOC", "Local timer interrupts", offsetof(irq_cpustat_t, apic_timer_irqs) },
		{ "SPU", "Spurious interrupts", offsetof(irq_cpustat_t, irq_spurious_count) },
		{ "RES", "Rescheduling interrupts", offsetof(irq_cpustat_t, irq_resched_count) },
		{ "CAL", "Function call interrupts", offsetof(irq_cpustat_t, irq_call_count) },
		{ "TLB", "TLB shootdowns", offsetof(irq_cpustat_t, irq_tlb_count) },
	};
	unsigned int cpu, i;
	int len = 0;

	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		len += scnprintf(buf + len, size - len, "%3s:", rows[i].name);
		for_each_online_cpu(cpu) {
			const char *st = (const char *)per_cpu_ptr(&irq_stat, cpu);

			len += scnprintf(buf + len, size - len, " %10u",
					 *(const unsigned int *)(st + rows[i].offset));
		}
		len += scnprintf(buf + len, size - len, "   %s\n", rows[i].desc);
	}
	/* ERR is machine-wide: one number, as Linux prints it. */
	len += scnprintf(buf + len, size - len, "ERR: %10u\n", READ_ONCE(irq_err_count));
	return len;
}

/*
 * The interrupts without an IRQ number still count in /proc/stat's
 * "intr" total: a tickless CPU's timer interrupts are most of it.
 */
u64 arch_irq_stat_cpu(unsigned int cpu)
{
	const irq_cpustat_t *st = per_cpu_ptr(&irq_stat, cpu);

	return (u64)st->__nmi_count + st->apic_timer_irqs + st->irq_spurious_count +
	       st->irq_resched_count + st->irq_call_count + st->irq_tlb_count;
}

u64 arch_irq_stat(void)
{
	return READ_ONCE(irq_err_count);
}

void __init init_IRQ(void)
{
	unsigned int irq;

	legacy_pic_init();
	init_bsp_APIC();
	setup_IO_APIC();
	if (io_apic_available() && apic_available) {
		pr_info("IRQ: routing device interrupts through the I/O APIC\n");
		return;
	}
	for (irq = 0; irq < 16; irq++)
		if (irq != 2)
			legacy_pic_route(irq);
	pr_info("IRQ: routing device interrupts through the legacy 8259 PIC\n");
}
