/* SPDX-License-Identifier: GPL-2.0 */
/* The registers an interrupt handler interrupted (for tick accounting). */
#ifndef _ASM_X86_IRQ_REGS_H
#define _ASM_X86_IRQ_REGS_H

#include <asm/percpu.h>

struct pt_regs;
DECLARE_PER_CPU(struct pt_regs *, irq_regs);

static inline struct pt_regs *get_irq_regs(void)
{
	return this_cpu_read(irq_regs);
}

static inline struct pt_regs *set_irq_regs(struct pt_regs *new_regs)
{
	struct pt_regs *old = this_cpu_read(irq_regs);

	this_cpu_write(irq_regs, (unsigned long)new_regs);
	return old;
}

#endif
