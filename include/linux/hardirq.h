/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt context bookkeeping.  irq_enter/irq_exit bracket every
 * hardware interrupt handler; in_interrupt() tells code that must not
 * sleep where it is.  irq_exit is where pending softirqs will run.
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <asm/percpu.h>

#define HARDIRQ_OFFSET	(1U << 16)
#define SOFTIRQ_OFFSET	(1U << 8)
#define HARDIRQ_MASK	(0xfU << 16)
#define SOFTIRQ_MASK	(0xffU << 8)

DECLARE_PER_CPU(unsigned int, __preempt_count);

static inline unsigned int preempt_count(void)
{
	return this_cpu_read(__preempt_count);
}

#define in_irq()		(preempt_count() & HARDIRQ_MASK)
#define in_softirq()		(preempt_count() & SOFTIRQ_MASK)
#define in_interrupt()		(preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK))

static inline void irq_enter(void)
{
	this_cpu_add(__preempt_count, HARDIRQ_OFFSET);
}

static inline void irq_exit(void)
{
	this_cpu_add(__preempt_count, -HARDIRQ_OFFSET);
}

#endif
