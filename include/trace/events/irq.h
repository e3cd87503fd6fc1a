/* SPDX-License-Identifier: GPL-2.0 */
/* Interrupt and softirq tracepoints (events/irq/); recorded in kernel/trace/trace_points.c. */
#ifndef _TRACE_EVENTS_IRQ_H
#define _TRACE_EVENTS_IRQ_H

#include <linux/trace_events.h>

extern struct trace_event_call event_irq_handler_entry, event_irq_handler_exit,
	event_softirq_entry, event_softirq_exit;

void __trace_irq_handler_entry(int irq, const char *name);
void __trace_irq_handler_exit(int irq, int ret);
void __trace_softirq(struct trace_event_call *call, unsigned int vec);

static inline void trace_irq_handler_entry(int irq, const char *name)
{
	if (unlikely(READ_ONCE(event_irq_handler_entry.enabled)))
		__trace_irq_handler_entry(irq, name);
}

/* @ret: the handler's irqreturn_t (IRQ_HANDLED or not). */
static inline void trace_irq_handler_exit(int irq, int ret)
{
	if (unlikely(READ_ONCE(event_irq_handler_exit.enabled)))
		__trace_irq_handler_exit(irq, ret);
}

static inline void trace_softirq_entry(unsigned int vec)
{
	if (unlikely(READ_ONCE(event_softirq_entry.enabled)))
		__trace_softirq(&event_softirq_entry, vec);
}

static inline void trace_softirq_exit(unsigned int vec)
{
	if (unlikely(READ_ONCE(event_softirq_exit.enabled)))
		__trace_softirq(&event_softirq_exit, vec);
}

#endif
