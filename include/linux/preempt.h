/* SPDX-License-Identifier: GPL-2.0 */
/*
 * preempt_count: one per-CPU word that says which context the CPU is in.
 * Its fields are Linux's:
 *
 *   bits  0- 7  PREEMPT  preempt_disable() depth
 *   bits  8-15  SOFTIRQ  bit 8 = serving a softirq; local_bh_disable()
 *                        adds 2 per level (SOFTIRQ_DISABLE_OFFSET), so
 *                        "disabled" and "running" are told apart
 *   bits 16-19  HARDIRQ  hardware interrupt nesting (irq_enter/irq_exit)
 *   bits 20-23  NMI      NMI nesting
 *
 * in_interrupt() is "any of the interrupt fields": code that must not
 * sleep.  in_task() is "process context": not in an NMI, not in a hard
 * interrupt, not serving a softirq (bottom halves merely disabled still
 * count as task context, as on Linux).  The kernel is not preemptible,
 * so the PREEMPT field only records nesting for now.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H


#define PREEMPT_BITS	8
#define SOFTIRQ_BITS	8
#define HARDIRQ_BITS	4
#define NMI_BITS	4

#define PREEMPT_SHIFT	0
#define SOFTIRQ_SHIFT	(PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT	(SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT	(HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x)	((1U << (x)) - 1)
#define PREEMPT_MASK	(__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK	(__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK	(__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK	(__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET	(1U << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET	(1U << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET	(1U << HARDIRQ_SHIFT)
#define NMI_OFFSET	(1U << NMI_SHIFT)

#define SOFTIRQ_DISABLE_OFFSET	(2 * SOFTIRQ_OFFSET)

#ifdef __HOST_TEST__
/* Host-built tests (tools/testing): one thread, never atomic, no GS base. */
static inline unsigned int preempt_count(void) { return 0; }
static inline void __preempt_count_add(int val) { (void)val; }
static inline void __preempt_count_sub(int val) { (void)val; }
#else
#include <asm/percpu.h>

DECLARE_PER_CPU(unsigned int, __preempt_count);

static inline unsigned int preempt_count(void)
{
	return this_cpu_read(__preempt_count);
}

static inline void __preempt_count_add(int val)
{
	this_cpu_add(__preempt_count, val);
}

static inline void __preempt_count_sub(int val)
{
	this_cpu_add(__preempt_count, -val);
}
#endif

#define hardirq_count()	(preempt_count() & HARDIRQ_MASK)
#define softirq_count()	(preempt_count() & SOFTIRQ_MASK)
#define irq_count()	(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK))

#define in_nmi()		(preempt_count() & NMI_MASK)
#define in_hardirq()		(hardirq_count())
#define in_irq()		in_hardirq()
#define in_softirq()		(softirq_count())
#define in_serving_softirq()	(softirq_count() & SOFTIRQ_OFFSET)
#define in_interrupt()		(irq_count())
#define in_task()		(!(preempt_count() & \
				   (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)))

#define preempt_disable()	__preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable()	__preempt_count_sub(PREEMPT_OFFSET)

#endif
