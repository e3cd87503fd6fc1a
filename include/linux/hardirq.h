/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt context bookkeeping.  irq_enter/irq_exit bracket every
 * hardware interrupt handler and move preempt_count's HARDIRQ field;
 * irq_exit (kernel/softirq.c) is also where pending softirqs run once
 * the outermost interrupt is done.
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>

void rcu_irq_enter(void);

static inline void irq_enter(void)
{
	if (!hardirq_count())
		rcu_irq_enter();	/* an interrupt in idle may read RCU data */
	__preempt_count_add(HARDIRQ_OFFSET);
}

void irq_exit(void);

static inline void nmi_enter(void)
{
	__preempt_count_add(NMI_OFFSET + HARDIRQ_OFFSET);
}

static inline void nmi_exit(void)
{
	__preempt_count_sub(NMI_OFFSET + HARDIRQ_OFFSET);
}

#endif
