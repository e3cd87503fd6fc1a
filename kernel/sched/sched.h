/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scheduler internals.  Each CPU has a run queue (struct rq) holding one
 * sub-queue per scheduling class; pick_next_task asks the classes in
 * priority order (deadline, rt, then fair, then idle) and the first with
 * a task wins.  A class is a table of operations (struct sched_class), so core.c
 * never needs to know how a class orders its tasks.
 *
 * Lock order: p->pi_lock -> rq->lock, both with interrupts off (the tick
 * and wakeups from interrupt handlers take them too).  Two run-queue
 * locks nest in CPU order (double_rq_lock).  p->pi_lock serializes the
 * wakeups of @p: the waker that finds it off every run queue chooses its
 * CPU.  task_rq(p) may change under anyone holding neither that rq's lock
 * nor p->pi_lock: task_rq_lock() takes both and re-checks.
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/kernel.h>
#include <linux/rbtree.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/jiffies.h>
#include <linux/sched/clock.h>
#include <uapi/linux/sched/types.h>

#define NICE_0_LOAD		1024UL
#define RR_TIMESLICE		(100 * HZ / 1000)	/* 100 ms */

/* CFS tunables, ns (Linux's defaults for one CPU). */
#define SYSCTL_SCHED_LATENCY		6000000ULL
#define SYSCTL_SCHED_MIN_GRANULARITY	750000ULL
#define SYSCTL_SCHED_WAKEUP_GRANULARITY	1000000ULL
#define SCHED_NR_LATENCY		8

struct rq;

#define ENQUEUE_WAKEUP		0x01
#define ENQUEUE_INITIAL		0x02
#define DEQUEUE_SLEEP		0x01

/* Why select_task_rq() is asked. */
#define WF_TTWU			0x01	/* a wakeup */
#define WF_FORK			0x02	/* a new task */
#define WF_MIGRATE		0x04	/* its CPU was taken from its mask */

struct sched_class {
	void (*enqueue_task)(struct rq *rq, struct task_struct *p, int flags);
	void (*dequeue_task)(struct rq *rq, struct task_struct *p, int flags);
	void (*yield_task)(struct rq *rq);
	void (*check_preempt_curr)(struct rq *rq, struct task_struct *p);
	struct task_struct *(*pick_next_task)(struct rq *rq);
	void (*put_prev_task)(struct rq *rq, struct task_struct *p);
	void (*set_next_task)(struct rq *rq, struct task_struct *p);
	void (*task_tick)(struct rq *rq, struct task_struct *p);
	void (*task_fork)(struct task_struct *p);
	void (*prio_changed)(struct rq *rq, struct task_struct *p, int oldprio);
	void (*update_curr)(struct rq *rq);
	/* @p is dead and switched away from; no rq->lock held. */
	void (*task_dead)(struct task_struct *p);
	/* @p (not queued anywhere) moves to @new_cpu; p->pi_lock or both rq locks held. */
	void (*migrate_task_rq)(struct task_struct *p, int new_cpu);
	const struct sched_class *next;	/* the next lower class */
};

extern const struct sched_class dl_sched_class;
extern const struct sched_class rt_sched_class;
extern const struct sched_class fair_sched_class;
extern const struct sched_class idle_sched_class;
#define sched_class_highest	(&dl_sched_class)
#define for_each_class(class) \
	for (class = sched_class_highest; class; class = class->next)

/* Does class @a run its tasks before class @b's? */
static inline bool sched_class_above(const struct sched_class *a, const struct sched_class *b)
{
	for (a = a->next; a; a = a->next)
		if (a == b)
			return true;
	return false;
}

struct cfs_rq {
	struct load_weight load;	/* sum of the queued tasks' weights */
	unsigned int nr_running;
	u64 min_vruntime;		/* never decreases: the floor for newcomers */
	struct rb_root_cached tasks_timeline;
	struct sched_entity *curr;	/* running, and so not in the tree */
};

struct rt_rq {
	unsigned long bitmap[2];	/* which of the 100 queues are non-empty */
	struct list_head queue[MAX_RT_PRIO];
	unsigned int rt_nr_running;
};

struct dl_rq {
	struct rb_root_cached root;	/* queued deadline tasks, earliest deadline leftmost */
	unsigned int dl_nr_running;
	u64 total_bw;			/* the reservations admitted on this CPU (BW_SHIFT) */
};

struct rq {
	spinlock_t lock;
	unsigned int nr_running;
	u64 nr_switches;
	u64 clock;			/* ns, sched_clock() at the last update */
	struct cfs_rq cfs;
	struct rt_rq rt;
	struct dl_rq dl;
	struct task_struct *curr;
	struct task_struct *idle;
	unsigned long nr_uninterruptible;	/* summed over CPUs; one CPU's may wrap */
	unsigned long next_balance;	/* jiffies of the next periodic balance */
	int cpu;
};

DECLARE_PER_CPU(struct rq, runqueues);
#define cpu_rq(cpu)	per_cpu_ptr(&runqueues, (cpu))
#define this_rq()	this_cpu_ptr(&runqueues)
#define task_rq(p)	cpu_rq(task_cpu(p))
#define cpu_of(rq)	((rq)->cpu)

/* Running on its CPU right now (or still being switched away from). */
static inline bool task_on_cpu(struct task_struct *p)
{
	return READ_ONCE(p->on_cpu);
}

static inline bool task_allowed_on_cpu(struct task_struct *p, int cpu)
{
	return (READ_ONCE(p->cpus_mask) >> cpu) & 1;
}

struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags);
void task_rq_unlock(struct rq *rq, struct task_struct *p, unsigned long flags);
struct rq *__task_rq_lock(struct task_struct *p);
void double_rq_lock(struct rq *rq1, struct rq *rq2);
void double_rq_unlock(struct rq *rq1, struct rq *rq2);
void set_task_cpu(struct task_struct *p, int new_cpu);
bool idle_cpu(int cpu);

static inline void update_rq_clock(struct rq *rq)
{
	rq->clock = sched_clock();
}

void resched_curr(struct rq *rq);

static inline int rt_prio(int prio)
{
	return prio < MAX_RT_PRIO;
}

static inline int rt_policy(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

static inline int task_has_rt_policy(struct task_struct *p)
{
	return rt_policy(p->policy);
}

static inline int dl_policy(int policy)
{
	return policy == SCHED_DEADLINE;
}

static inline int task_has_dl_policy(struct task_struct *p)
{
	return dl_policy(p->policy);
}

extern const int sched_prio_to_weight[40];
extern const u32 sched_prio_to_wmult[40];

void set_load_weight(struct task_struct *p);
void init_cfs_rq(struct cfs_rq *cfs_rq);
void init_rt_rq(struct rt_rq *rt_rq);
void init_dl_rq(struct dl_rq *dl_rq);

/* kernel/sched/deadline.c: the parts the core and the system calls use. */
void init_dl_task(struct task_struct *p);
bool __checkparam_dl(const struct sched_attr *attr);
int sched_dl_overflow(struct rq *rq, struct task_struct *p, const struct sched_attr *attr);
void __setparam_dl(struct task_struct *p, const struct sched_attr *attr);
void __getparam_dl(struct task_struct *p, struct sched_attr *attr);
void dl_clear_params(struct task_struct *p);
int sched_setattr_nocheck(struct task_struct *p, const struct sched_attr *attr);
void activate_task(struct rq *rq, struct task_struct *p, int flags);
void deactivate_task(struct rq *rq, struct task_struct *p, int flags);
void check_preempt_curr(struct rq *rq, struct task_struct *p);
int normal_prio(struct task_struct *p);

#endif
