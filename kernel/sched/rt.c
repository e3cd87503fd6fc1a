// SPDX-License-Identifier: GPL-2.0
/*
 * The real-time class: SCHED_FIFO and SCHED_RR.  One FIFO queue per
 * priority (0 most important .. 99) and a bitmap of non-empty queues, so
 * picking the next task is "first set bit, head of that queue".  A FIFO
 * task runs until it blocks or yields; an RR task also yields when its
 * time slice (100 ms) runs out, to the back of its priority's queue.
 * Any runnable real-time task runs before every fair task.
 */
#include <linux/bitops.h>
#include <linux/sched/sysctl.h>
#include "sched.h"

/* RR_TIMESLICE in milliseconds, as /proc/sys/kernel/sched_rr_timeslice_ms shows it. */
const int sysctl_sched_rr_timeslice = RR_TIMESLICE * 1000 / HZ;

static inline struct task_struct *rt_task_of(struct sched_rt_entity *rt_se)
{
	return container_of(rt_se, struct task_struct, rt);
}

static void enqueue_task_rt(struct rq *rq, struct task_struct *p, int flags)
{
	struct rt_rq *rt_rq = &rq->rt;

	list_add_tail(&p->rt.run_list, &rt_rq->queue[p->prio]);
	__set_bit(p->prio, rt_rq->bitmap);
	p->rt.on_rq = 1;
	rt_rq->rt_nr_running++;
}

static void dequeue_task_rt(struct rq *rq, struct task_struct *p, int flags)
{
	struct rt_rq *rt_rq = &rq->rt;

	list_del_init(&p->rt.run_list);
	if (list_empty(&rt_rq->queue[p->prio]))
		__clear_bit(p->prio, rt_rq->bitmap);
	p->rt.on_rq = 0;
	rt_rq->rt_nr_running--;
}

static void requeue_task_rt(struct rq *rq, struct task_struct *p)
{
	list_move_tail(&p->rt.run_list, &rq->rt.queue[p->prio]);
}

static void update_curr_rt(struct rq *rq)
{
	struct task_struct *curr = rq->curr;
	s64 delta = rq->clock - curr->se.exec_start;

	if (curr->sched_class != &rt_sched_class || delta <= 0)
		return;
	curr->se.sum_exec_runtime += delta;
	curr->se.exec_start = rq->clock;
}

static void yield_task_rt(struct rq *rq)
{
	requeue_task_rt(rq, rq->curr);
	resched_curr(rq);
}

static void check_preempt_curr_rt(struct rq *rq, struct task_struct *p)
{
	if (p->prio < rq->curr->prio)
		resched_curr(rq);
}

static void set_next_task_rt(struct rq *rq, struct task_struct *p)
{
	p->se.exec_start = rq->clock;
}

static struct task_struct *pick_next_task_rt(struct rq *rq)
{
	struct rt_rq *rt_rq = &rq->rt;
	unsigned long idx;
	struct task_struct *p;

	if (!rt_rq->rt_nr_running)
		return NULL;
	idx = find_first_bit(rt_rq->bitmap, MAX_RT_PRIO);
	p = rt_task_of(list_first_entry(&rt_rq->queue[idx],
					struct sched_rt_entity, run_list));
	set_next_task_rt(rq, p);
	return p;
}

static void put_prev_task_rt(struct rq *rq, struct task_struct *p)
{
	update_curr_rt(rq);
}

static void task_tick_rt(struct rq *rq, struct task_struct *p)
{
	update_curr_rt(rq);
	if (p->policy != SCHED_RR || --p->rt.time_slice)
		return;
	p->rt.time_slice = RR_TIMESLICE;
	/* Only worth a switch if someone else shares the priority. */
	if (p->rt.run_list.prev != p->rt.run_list.next) {
		requeue_task_rt(rq, p);
		resched_curr(rq);
	}
}

static void prio_changed_rt(struct rq *rq, struct task_struct *p, int oldprio)
{
	if (p == rq->curr && p->prio > oldprio)
		resched_curr(rq);
	else if (p != rq->curr && p->on_rq)
		check_preempt_curr_rt(rq, p);
}

void init_rt_rq(struct rt_rq *rt_rq)
{
	int i;

	for (i = 0; i < MAX_RT_PRIO; i++)
		INIT_LIST_HEAD(&rt_rq->queue[i]);
	rt_rq->bitmap[0] = rt_rq->bitmap[1] = 0;
	rt_rq->rt_nr_running = 0;
}

const struct sched_class rt_sched_class = {
	.enqueue_task		= enqueue_task_rt,
	.dequeue_task		= dequeue_task_rt,
	.yield_task		= yield_task_rt,
	.check_preempt_curr	= check_preempt_curr_rt,
	.pick_next_task		= pick_next_task_rt,
	.put_prev_task		= put_prev_task_rt,
	.set_next_task		= set_next_task_rt,
	.task_tick		= task_tick_rt,
	.prio_changed		= prio_changed_rt,
	.update_curr		= update_curr_rt,
	.next			= &fair_sched_class,
};
