/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host unit tests run in user space, where cli/sti fault: interrupts are
 * a flag the tests can look at (all locking paths must restore it).
 */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#include <asm/processor-flags.h>

extern unsigned long host_irq_flags;

static inline unsigned long arch_local_save_flags(void)
{
	return host_irq_flags;
}

static inline void arch_local_irq_disable(void)
{
	host_irq_flags &= ~X86_EFLAGS_IF;
}

static inline void arch_local_irq_enable(void)
{
	host_irq_flags |= X86_EFLAGS_IF;
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = host_irq_flags;

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	host_irq_flags = flags;
}

static inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}

#define local_irq_disable()	arch_local_irq_disable()
#define local_irq_enable()	arch_local_irq_enable()
#define local_irq_save(flags)	do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_save_flags(flags)	do { (flags) = arch_local_save_flags(); } while (0)
#define irqs_disabled()		arch_irqs_disabled_flags(arch_local_save_flags())

#endif
