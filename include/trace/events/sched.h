/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scheduler's tracepoints (events/sched/).  Each trace_*() costs a
 * load and a branch while its event is off; the recording half lives in
 * kernel/trace/trace_points.c.
 */
#ifndef _TRACE_EVENTS_SCHED_H
#define _TRACE_EVENTS_SCHED_H

#include <linux/trace_events.h>

struct task_struct;

extern struct trace_event_call event_sched_switch, event_sched_wakeup,
	event_sched_process_fork, event_sched_process_exec, event_sched_process_exit;

void __trace_sched_switch(bool preempt, struct task_struct *prev, struct task_struct *next);
void __trace_sched_wakeup(struct task_struct *p);
void __trace_sched_process_fork(struct task_struct *parent, struct task_struct *child);
void __trace_sched_process_exec(struct task_struct *p, int old_pid, const char *filename);
void __trace_sched_process_exit(struct task_struct *p);

/* @preempt: @prev was still runnable (its state prints as R+). */
static inline void trace_sched_switch(bool preempt, struct task_struct *prev,
				      struct task_struct *next)
{
	if (unlikely(READ_ONCE(event_sched_switch.enabled)))
		__trace_sched_switch(preempt, prev, next);
}

static inline void trace_sched_wakeup(struct task_struct *p)
{
	if (unlikely(READ_ONCE(event_sched_wakeup.enabled)))
		__trace_sched_wakeup(p);
}

static inline void trace_sched_process_fork(struct task_struct *parent, struct task_struct *child)
{
	if (unlikely(READ_ONCE(event_sched_process_fork.enabled)))
		__trace_sched_process_fork(parent, child);
}

static inline void trace_sched_process_exec(struct task_struct *p, int old_pid,
					    const char *filename)
{
	if (unlikely(READ_ONCE(event_sched_process_exec.enabled)))
		__trace_sched_process_exec(p, old_pid, filename);
}

static inline void trace_sched_process_exit(struct task_struct *p)
{
	if (unlikely(READ_ONCE(event_sched_process_exit.enabled)))
		__trace_sched_process_exit(p);
}

#endif
