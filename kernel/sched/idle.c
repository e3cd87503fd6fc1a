// SPDX-License-Identifier: GPL-2.0
/*
 * The idle class holds exactly one task per CPU, the idle task, chosen
 * only when no other class has anything runnable.  Its loop is
 * cpu_startup_entry() in core.c.
 */
#include "sched.h"

static struct task_struct *pick_next_task_idle(struct rq *rq)
{
	return rq->idle;
}

static void enqueue_task_idle(struct rq *rq, struct task_struct *p, int flags)
{
	WARN_ON_ONCE(1);	/* the idle task never sleeps, so never wakes */
}

static void dequeue_task_idle(struct rq *rq, struct task_struct *p, int flags)
{
	WARN_ON_ONCE(1);
}

static void check_preempt_curr_idle(struct rq *rq, struct task_struct *p)
{
	resched_curr(rq);
}

static void put_prev_task_idle(struct rq *rq, struct task_struct *p)
{
}

static void set_next_task_idle(struct rq *rq, struct task_struct *p)
{
}

static void task_tick_idle(struct rq *rq, struct task_struct *p)
{
}

const struct sched_class idle_sched_class = {
	.enqueue_task		= enqueue_task_idle,
	.dequeue_task		= dequeue_task_idle,
	.check_preempt_curr	= check_preempt_curr_idle,
	.pick_next_task		= pick_next_task_idle,
	.put_prev_task		= put_prev_task_idle,
	.set_next_task		= set_next_task_idle,
	.task_tick		= task_tick_idle,
	.next			= NULL,
};
