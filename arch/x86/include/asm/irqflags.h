/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Turning interrupts off and on for this CPU.  Code that may run with
 * interrupts already off must use the save/restore pair, never a plain
 * enable, or it re-enables them under its caller.
 */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#include <asm/processor-flags.h>

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	asm volatile("pushf; pop %0" : "=rm"(flags) : : "memory");
	return flags;
}

static inline void arch_local_irq_disable(void)
{
	asm volatile("cli" ::: "memory");
}

static inline void arch_local_irq_enable(void)
{
	asm volatile("sti" ::: "memory");
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		arch_local_irq_enable();
}

static inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}

/* sti takes effect after the next instruction, so "sti; hlt" cannot miss a wake-up. */
static inline void arch_safe_halt(void)
{
	asm volatile("sti; hlt" ::: "memory");
}

#define local_irq_disable()	arch_local_irq_disable()
#define local_irq_enable()	arch_local_irq_enable()
#define local_irq_save(flags)	do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_save_flags(flags)	do { (flags) = arch_local_save_flags(); } while (0)
#define irqs_disabled()		arch_irqs_disabled_flags(arch_local_save_flags())

#endif
