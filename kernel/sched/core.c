// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler core: which task runs next, and the switch to it.
 *
 * schedule() is called by a task that is going to sleep (it has already
 * set its state to TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE) or that was
 * told to give up the CPU (TIF_NEED_RESCHED, set by the tick or by a
 * wakeup of a more deserving task, acted on when returning to user mode).
 * It takes the sleeper off the run queue, asks the classes for the next
 * task, and context_switch()es: the address space first (CR3), then the
 * registers and stack (switch_to).  A sleeper is put back by
 * try_to_wake_up(), which is what wake_up() on a wait queue ends in.
 *
 * The kernel itself is not preempted: a task in the kernel runs until it
 * sleeps or returns to user mode.  Interrupts still run, and may wake
 * tasks; they only set flags, never switch.
 *
 * Every CPU has its own run queue and runs schedule() on it alone.  Tasks
 * move between CPUs at three moments: a wakeup or fork chooses a CPU
 * (select_task_rq: an idle CPU the task may use, preferably the one it
 * last ran on), a CPU about to go idle pulls a queued task from the
 * busiest other CPU (idle_balance, also run every few ticks by a CPU
 * with less to do: periodic_balance), and a task whose CPU left its
 * affinity mask is taken off at its next schedule() and woken on an
 * allowed CPU (the job Linux's stopper thread does).  A task is moved
 * only while it is on no CPU: p->on_cpu stays set until the switch away
 * from it is complete (finish_task_switch), and the waker of a task
 * still being switched away from waits for it to clear.
 */
#include <linux/kernel.h>
#include <linux/rseq.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/rcupdate.h>
#include <linux/tick.h>
#include <linux/sched/clock.h>
#include <linux/mm_types.h>
#include <linux/sched/mm.h>
#include <asm/pgtable.h>
#include <linux/uaccess.h>
#include <linux/sched/signal.h>
#include <trace/events/sched.h>
#include <asm/mmu_context.h>
#include <asm/smp.h>
#include <asm/switch_to.h>
#include <linux/nmi.h>
#include "sched.h"

DEFINE_PER_CPU(struct rq, runqueues);

/*
 * Weight per nice level: each step is ~10% more or less CPU.  The table
 * and its inverse (2^32 / weight) are Linux's numbers, so relative shares
 * between nice levels match Linux.
 */
const int sched_prio_to_weight[40] = {
	/* -20 */ 88761, 71755, 56483, 46273, 36291,
	/* -15 */ 29154, 23254, 18705, 14949, 11916,
	/* -10 */  9548,  7620,  6100,  4904,  3906,
	/*  -5 */  3121,  2501,  1991,  1586,  1277,
	/*   0 */  1024,   820,   655,   526,   423,
	/*   5 */   335,   272,   215,   172,   137,
	/*  10 */   110,    87,    70,    56,    45,
	/*  15 */    36,    29,    23,    18,    15,
};

const u32 sched_prio_to_wmult[40] = {
	/* -20 */     48388,     59856,     76040,     92818,    118348,
	/* -15 */    147320,    184698,    229616,    287308,    360437,
	/* -10 */    449829,    563644,    704093,    875809,   1099582,
	/*  -5 */   1376151,   1717300,   2157191,   2708050,   3363326,
	/*   0 */   4194304,   5237765,   6557202,   8165337,  10153587,
	/*   5 */  12820798,  15790321,  19976592,  24970740,  31350126,
	/*  10 */  39045157,  49367440,  61356676,  76695844,  95443717,
	/*  15 */ 119304647, 148102320, 186737708, 238609294, 286331153,
};

void set_load_weight(struct task_struct *p)
{
	int idx = p->static_prio - MAX_RT_PRIO;

	if (p->policy == SCHED_IDLE) {
		p->se.load.weight = 3;
		p->se.load.inv_weight = 1431655765;
		return;
	}
	p->se.load.weight = sched_prio_to_weight[idx];
	p->se.load.inv_weight = sched_prio_to_wmult[idx];
}

int normal_prio(struct task_struct *p)
{
	if (task_has_dl_policy(p))
		return MAX_DL_PRIO - 1;
	if (task_has_rt_policy(p))
		return MAX_RT_PRIO - 1 - p->rt_priority;
	return p->static_prio;
}

static void enqueue_task(struct rq *rq, struct task_struct *p, int flags)
{
	p->sched_class->enqueue_task(rq, p, flags);
}

static void dequeue_task(struct rq *rq, struct task_struct *p, int flags)
{
	p->sched_class->dequeue_task(rq, p, flags);
}

void activate_task(struct rq *rq, struct task_struct *p, int flags)
{
	lockdep_assert_held(&rq->lock);
	enqueue_task(rq, p, flags);
	WRITE_ONCE(p->on_rq, 1);
	WRITE_ONCE(rq->nr_running, rq->nr_running + 1);
}

void deactivate_task(struct rq *rq, struct task_struct *p, int flags)
{
	lockdep_assert_held(&rq->lock);
	WRITE_ONCE(p->on_rq, 0);
	WRITE_ONCE(rq->nr_running, rq->nr_running - 1);
	dequeue_task(rq, p, flags);
}

/* Lock @p's run queue, following @p if it moves meanwhile.  p->pi_lock held. */
struct rq *__task_rq_lock(struct task_struct *p)
{
	lockdep_assert_held(&p->pi_lock);
	for (;;) {
		struct rq *rq = task_rq(p);

		spin_lock(&rq->lock);
		if (likely(rq == task_rq(p)))
			return rq;
		spin_unlock(&rq->lock);
	}
}

/* p->pi_lock and @p's run queue's lock, interrupts off: @p cannot move. */
struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	spin_lock_irqsave(&p->pi_lock, *flags);
	return __task_rq_lock(p);
}

void task_rq_unlock(struct rq *rq, struct task_struct *p, unsigned long flags)
{
	spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

/* Both locks, lower CPU first so that two CPUs doing this cannot deadlock.  Interrupts off. */
void double_rq_lock(struct rq *rq1, struct rq *rq2)
{
	if (rq1 == rq2) {
		spin_lock(&rq1->lock);
		return;
	}
	if (rq1->cpu > rq2->cpu)
		swap(rq1, rq2);
	spin_lock(&rq1->lock);
	spin_lock(&rq2->lock);
}

void double_rq_unlock(struct rq *rq1, struct rq *rq2)
{
	spin_unlock(&rq1->lock);
	if (rq1 != rq2)
		spin_unlock(&rq2->lock);
}

/*
 * Holding this_rq's lock, take busiest's too.  Returns true if this_rq's
 * lock had to be dropped for the lock order (the caller re-checks).
 */
static bool double_lock_balance(struct rq *this_rq, struct rq *busiest)
{
	if (spin_trylock(&busiest->lock))
		return false;
	if (busiest->cpu < this_rq->cpu) {
		spin_unlock(&this_rq->lock);
		spin_lock(&busiest->lock);
		spin_lock(&this_rq->lock);
		return true;
	}
	spin_lock(&busiest->lock);
	return false;
}

/*
 * @p goes to @new_cpu's queue next.  Its class re-bases what is relative
 * to the old queue (CFS's vruntime).  Called with p->pi_lock held (a
 * task on no queue) or with both run-queue locks (a queued task).
 */
void set_task_cpu(struct task_struct *p, int new_cpu)
{
	if (task_cpu(p) == (unsigned int)new_cpu)
		return;
	if (p->sched_class->migrate_task_rq)
		p->sched_class->migrate_task_rq(p, new_cpu);
	p->se.nr_migrations++;
	WRITE_ONCE(p->cpu, new_cpu);
}

/* Does @cpu run its idle task with nothing queued? */
bool idle_cpu(int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	return READ_ONCE(rq->curr) == rq->idle && !READ_ONCE(rq->nr_running);
}

/*
 * Tell @rq's current task to give up its CPU at the next chance.  On
 * another CPU that chance comes with the reschedule IPI: its idle loop
 * wakes from hlt, its user mode traps to the kernel.  rq->lock held.
 */
void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	lockdep_assert_held(&rq->lock);
	if (test_tsk_need_resched(curr))
		return;
	set_tsk_need_resched(curr);
	if (rq->cpu != (int)smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

/*
 * @p is running on another CPU: make it enter the kernel (the reschedule
 * IPI), so it sees what was just flagged for it (a signal).
 */
void kick_process(struct task_struct *p)
{
	int cpu = task_cpu(p);

	if (cpu != (int)smp_processor_id() && READ_ONCE(cpu_rq(cpu)->curr) == p)
		smp_send_reschedule(cpu);
}

/* A task became runnable: should it take the CPU from the current one? */
void check_preempt_curr(struct rq *rq, struct task_struct *p)
{
	if (p->sched_class == rq->curr->sched_class)
		p->sched_class->check_preempt_curr(rq, p);
	else if (sched_class_above(p->sched_class, rq->curr->sched_class))
		resched_curr(rq);
}

/* The CPUs @p may be put on now: its mask within the active CPUs, or any active one. */
static unsigned long task_cpu_choices(struct task_struct *p)
{
	unsigned long mask = READ_ONCE(p->cpus_mask) & cpumask_bits(cpu_active_mask)[0];

	if (unlikely(!mask))	/* its CPUs went away: Linux's select_fallback_rq */
		mask = cpumask_bits(cpu_active_mask)[0];
	return mask;
}

/*
 * Must running @p leave @cpu?  Its mask no longer has it, or it is a
 * deadline task admitted on another CPU.
 */
static bool task_must_leave(struct task_struct *p, int cpu)
{
	return !task_allowed_on_cpu(p, cpu) ||
	       (task_has_dl_policy(p) && p->dl.cpu != cpu);
}

/*
 * Which CPU @p should be queued on.  A deadline task goes to the CPU its
 * reservation is admitted on.  Otherwise: the CPU it last ran on if
 * that is idle (its cache is warm there), else any idle CPU it may use,
 * else, for a real-time task, the CPU running the least important task
 * below it, else the allowed CPU with the fewest runnable tasks (the
 * last one, for a wakeup, on a tie).
 */
static int select_task_rq(struct task_struct *p, int flags)
{
	unsigned long mask = task_cpu_choices(p);
	int prev = task_cpu(p), cpu, best = -1;
	unsigned int best_nr = UINT_MAX;

	if (!(mask & (mask - 1)))
		return __builtin_ctzl(mask);
	if (task_has_dl_policy(p) && (mask >> p->dl.cpu) & 1)
		return p->dl.cpu;
	if (!(flags & WF_FORK) && (mask >> prev) & 1 && idle_cpu(prev))
		return prev;
	for_each_cpu(cpu, to_cpumask(&mask))
		if (idle_cpu(cpu))
			return cpu;
	if (rt_prio(p->prio)) {
		int worst = p->prio;

		for_each_cpu(cpu, to_cpumask(&mask)) {
			int prio = READ_ONCE(cpu_rq(cpu)->curr)->prio;

			if (prio > worst) {
				worst = prio;
				best = cpu;
			}
		}
		if (best >= 0)
			return best;
	}
	if (!(flags & WF_FORK) && (mask >> prev) & 1)
		best = prev, best_nr = READ_ONCE(cpu_rq(prev)->nr_running);
	for_each_cpu(cpu, to_cpumask(&mask)) {
		unsigned int nr = READ_ONCE(cpu_rq(cpu)->nr_running);

		if (nr < best_nr) {
			best_nr = nr;
			best = cpu;
		}
	}
	return best;
}

/* Queue @p, on no run queue and on no CPU, on @cpu and wake it there. */
static void ttwu_queue(struct task_struct *p, int cpu, int en_flags)
{
	struct rq *rq = cpu_rq(cpu);

	lockdep_assert_held(&p->pi_lock);
	spin_lock(&rq->lock);
	update_rq_clock(rq);
	if (en_flags & ENQUEUE_WAKEUP) {
		if (p->state == TASK_UNINTERRUPTIBLE)
			rq->nr_uninterruptible--;
		trace_sched_wakeup(p);
	}
	activate_task(rq, p, en_flags);
	WRITE_ONCE(p->state, TASK_RUNNING);
	check_preempt_curr(rq, p);
	spin_unlock(&rq->lock);
}

/* Pick a CPU for @p (WF_* says why it moves) and queue it there. */
static void ttwu_place_and_queue(struct task_struct *p, int wf_flags, int en_flags)
{
	set_task_cpu(p, select_task_rq(p, wf_flags));
	ttwu_queue(p, task_cpu(p), en_flags);
}

/* @p may still be on its run queue (it has not reached schedule()): just mark it running. */
static bool ttwu_runnable(struct task_struct *p)
{
	struct rq *rq = __task_rq_lock(p);
	bool queued = p->on_rq;

	if (queued) {
		trace_sched_wakeup(p);
		WRITE_ONCE(p->state, TASK_RUNNING);
	}
	spin_unlock(&rq->lock);
	return queued;
}

/*
 * Wake @p if its state is in @state.  Returns 1 if it was woken.  Safe
 * from interrupt handlers.
 *
 * The state is read after the waker's condition was written (pi_lock's
 * locked instruction orders them), and set_current_state() orders the
 * sleeper's state before its check of the condition: either the sleeper
 * sees the condition, or the waker sees it sleeping.
 */
static int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	int success = 0;

	spin_lock_irqsave(&p->pi_lock, flags);
	if (!(READ_ONCE(p->state) & state))
		goto unlock;
	success = 1;
	smp_rmb();	/* the state before on_rq, as schedule() wrote them in reverse */
	if (READ_ONCE(p->on_rq) && ttwu_runnable(p))
		goto unlock;
	/*
	 * Off its queue, but possibly still switching away on its CPU: its
	 * registers and stack are not saved until on_cpu clears.
	 */
	while (smp_load_acquire(&p->on_cpu))
		cpu_relax();
	ttwu_place_and_queue(p, WF_TTWU, ENQUEUE_WAKEUP);
unlock:
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return success;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL);
}
EXPORT_SYMBOL(wake_up_process);

int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state);
}
EXPORT_SYMBOL(wake_up_state);

/*
 * Scheduler state of a new child: a fair share starting now, never ahead.
 * A deadline task's reservation is its own: its child must be reset to
 * SCHED_NORMAL (SCHED_RESET_ON_FORK), or the fork fails with EAGAIN.
 */
int sched_fork(unsigned long clone_flags, struct task_struct *p)
{
	p->state = TASK_NEW;
	p->on_rq = 0;
	p->on_cpu = 0;
	p->migration_pending = 0;
	p->se.on_rq = 0;
	p->se.exec_start = 0;
	p->se.sum_exec_runtime = 0;
	p->se.prev_sum_exec_runtime = 0;
	p->se.nr_migrations = 0;
	p->nvcsw = p->nivcsw = 0;
	init_dl_task(p);
	/* SCHED_RESET_ON_FORK: the child starts as a normal, non-negative-nice task. */
	if (p->sched_reset_on_fork) {
		if (task_has_rt_policy(p) || task_has_dl_policy(p)) {
			p->policy = SCHED_NORMAL;
			p->rt_priority = 0;
		}
		if (p->static_prio < NICE_TO_PRIO(0))
			p->static_prio = NICE_TO_PRIO(0);
		p->normal_prio = normal_prio(p);
		p->sched_reset_on_fork = 0;
	}
	if (task_has_dl_policy(p))
		return -EAGAIN;
	p->prio = p->normal_prio;
	if (p->policy == SCHED_FIFO || p->policy == SCHED_RR)
		p->sched_class = &rt_sched_class;
	else
		p->sched_class = &fair_sched_class;
	INIT_LIST_HEAD(&p->rt.run_list);
	p->rt.time_slice = RR_TIMESLICE;
	RB_CLEAR_NODE(&p->se.run_node);
	set_load_weight(p);
	/* The child starts on the parent's CPU; wake_up_new_task places it. */
	p->cpu = smp_processor_id();
	if (p->sched_class->task_fork)
		p->sched_class->task_fork(p);
	return 0;
}

/* A new task's first wakeup: on the least loaded CPU it may use. */
void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->pi_lock, flags);
	ttwu_place_and_queue(p, WF_FORK, ENQUEUE_INITIAL);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

static struct task_struct *pick_next_task(struct rq *rq, struct task_struct *prev)
{
	const struct sched_class *class;
	struct task_struct *p;

	prev->sched_class->put_prev_task(rq, prev);
	for_each_class(class) {
		p = class->pick_next_task(rq);
		if (p)
			return p;
	}
	BUG();	/* the idle class always has a task */
}

/*
 * Move queued, not running @p from @src to @dst.  Both locks held.
 * Deadline tasks stay: their bandwidth is admitted per CPU.
 */
static bool can_migrate_task(struct task_struct *p, struct rq *src, int dst_cpu)
{
	return p != src->curr && !task_on_cpu(p) && !task_has_dl_policy(p) &&
	       !(p->flags & PF_IDLE) && task_allowed_on_cpu(p, dst_cpu);
}

static void move_queued_task(struct rq *src, struct rq *dst, struct task_struct *p)
{
	lockdep_assert_held(&src->lock);
	lockdep_assert_held(&dst->lock);
	deactivate_task(src, p, 0);
	set_task_cpu(p, dst->cpu);
	activate_task(dst, p, 0);
	check_preempt_curr(dst, p);
}

/* A CPU's fair load: the weights of its runnable fair tasks (nice 0 = 1024). */
static unsigned long rq_load(struct rq *rq)
{
	return READ_ONCE(rq->cfs.load.weight);
}

/*
 * A task queued on @src that may move to @dst_cpu: with @max_weight
 * unlimited (an idle CPU pulling) real-time ones first, then any fair
 * one; otherwise a fair task lighter than @max_weight, so the move
 * narrows the gap rather than flipping it.
 */
static struct task_struct *find_movable_task(struct rq *src, int dst_cpu,
					     unsigned long max_weight)
{
	struct task_struct *p;
	struct rb_node *node;
	int prio;

	for (prio = 0; max_weight == ULONG_MAX && prio < MAX_RT_PRIO && src->rt.rt_nr_running; prio++)
		list_for_each_entry(p, &src->rt.queue[prio], rt.run_list)
			if (can_migrate_task(p, src, dst_cpu))
				return p;
	for (node = rb_first_cached(&src->cfs.tasks_timeline); node; node = rb_next(node)) {
		p = container_of(node, struct task_struct, se.run_node);
		if ((max_weight == ULONG_MAX || p->se.load.weight < max_weight) &&
		    can_migrate_task(p, src, dst_cpu))
			return p;
	}
	return NULL;
}

/*
 * The other active CPU with a task waiting (two runnable) and the
 * heaviest fair load, or for an idle puller the one with most runnable.
 */
static struct rq *find_busiest_queue(struct rq *this_rq, bool idle)
{
	unsigned long best = 0;
	struct rq *busiest = NULL;
	unsigned int cpu;

	for_each_cpu(cpu, cpu_active_mask) {
		struct rq *rq = cpu_rq(cpu);
		unsigned int nr = READ_ONCE(rq->nr_running);
		unsigned long key = idle ? nr : rq_load(rq);

		if (rq != this_rq && nr >= 2 && key > best) {
			best = key;
			busiest = rq;
		}
	}
	return busiest;
}

/*
 * Pull one task from the busiest CPU.  An idle CPU takes any task that
 * waits there; a busy one only a fair task lighter than the difference
 * of the two loads (Linux's rule, roughly: 2+2 nice-0 tasks stay put,
 * nice 0 + nice 0 against nice 10 + nice 10 become two mixed pairs).
 * this_rq->lock held, interrupts off; the lock may be dropped and
 * retaken.  Returns true if a task came over.
 */
static bool pull_one_task(struct rq *this_rq, bool idle)
{
	struct rq *busiest = find_busiest_queue(this_rq, idle);
	unsigned long max_weight = ULONG_MAX;
	struct task_struct *p = NULL;

	lockdep_assert_held(&this_rq->lock);
	if (!busiest)
		return false;
	double_lock_balance(this_rq, busiest);
	update_rq_clock(busiest);
	update_rq_clock(this_rq);
	if (!idle) {
		max_weight = rq_load(busiest) > rq_load(this_rq) ?
			     rq_load(busiest) - rq_load(this_rq) : 0;
	}
	if (busiest->nr_running >= 2 && max_weight)
		p = find_movable_task(busiest, this_rq->cpu, max_weight);
	if (p)
		move_queued_task(busiest, this_rq, p);
	spin_unlock(&busiest->lock);
	return p;
}

/* This CPU is about to run its idle task: take work from a busier one first. */
static void idle_balance(struct rq *this_rq)
{
	if (!cpumask_test_cpu(this_rq->cpu, cpu_active_mask))
		return;
	pull_one_task(this_rq, true);
}

#define BALANCE_INTERVAL	(HZ / 100 ? HZ / 100 : 1)	/* 10 ms */

/*
 * From the tick: every BALANCE_INTERVAL a CPU with tasks waiting wakes an
 * idle CPU, which pulls as it leaves its idle loop (Linux's nohz idle
 * balance kick), and every CPU evens its load with the busiest one.
 * Interrupts off, no lock held.
 */
static void periodic_balance(struct rq *rq)
{
	unsigned int cpu;

	if (time_before(jiffies, rq->next_balance))
		return;
	rq->next_balance = jiffies + BALANCE_INTERVAL;
	if (READ_ONCE(rq->nr_running) >= 2) {
		for_each_cpu(cpu, cpu_active_mask) {
			if (idle_cpu(cpu)) {
				smp_send_reschedule(cpu);
				return;
			}
		}
	}
	spin_lock(&rq->lock);
	pull_one_task(rq, false);
	spin_unlock(&rq->lock);
}

/*
 * sched_setaffinity's work: @p may run only on @new_mask's CPUs from now
 * on.  A queued task on a CPU it may no longer use moves at once; a
 * running one is told to reschedule and moves as it leaves the CPU
 * (__schedule); a sleeping one goes to an allowed CPU when woken.
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask)
{
	unsigned long mask = cpumask_bits(new_mask)[0], flags;
	struct rq *rq, *dst;

	if (!(mask & cpumask_bits(cpu_active_mask)[0]))
		return -EINVAL;
	rq = task_rq_lock(p, &flags);
	WRITE_ONCE(p->cpus_mask, mask);
	if (task_allowed_on_cpu(p, rq->cpu) || (p->flags & PF_IDLE))
		goto out;
	if (p == rq->curr || task_on_cpu(p)) {
		resched_curr(rq);
		goto out;
	}
	if (!p->on_rq)
		goto out;
	dst = cpu_rq(select_task_rq(p, WF_MIGRATE));
	if (dst == rq)
		goto out;
	double_lock_balance(rq, dst);
	/* The lock may have been dropped: it may have started running meanwhile. */
	update_rq_clock(rq);
	update_rq_clock(dst);
	if (p->on_rq && p != rq->curr && !task_on_cpu(p))
		move_queued_task(rq, dst, p);
	else if (p == rq->curr)
		resched_curr(rq);
	spin_unlock(&dst->lock);
out:
	task_rq_unlock(rq, p, flags);
	return 0;
}

/* @p was taken off @rq because its CPU left its mask: queue it on one it may use. */
static void migrate_pending_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->pi_lock, flags);
	ttwu_place_and_queue(p, WF_MIGRATE, 0);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

/*
 * The first thing a task does after switch_to(): release the run-queue
 * lock taken by the schedule() that switched to it, and free the stack
 * of a task that died (it could not free the stack it was running on).
 * Clearing prev->on_cpu hands prev to the other CPUs: it is the last
 * access to prev's stack and registers on this CPU.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	long prev_state = prev->state;
	bool migrate = prev->migration_pending;

	prev->migration_pending = 0;
	smp_store_release(&prev->on_cpu, 0);
	spin_unlock_irq(&rq->lock);
	if (unlikely(migrate))
		migrate_pending_task(prev);
	if (prev_state == TASK_DEAD) {
		if (prev->sched_class->task_dead)
			prev->sched_class->task_dead(prev);
		put_task_struct(prev);
	}
}

/* ret_from_fork calls this: a new task's half of finish_task_switch. */
void schedule_tail(struct task_struct *prev);

void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	/* CLONE_CHILD_SETTID: the child's TID, in the child's memory. */
	if (current->set_child_tid)
		put_user(task_pid_vnr(current), current->set_child_tid);
}

static void context_switch(struct rq *rq, struct task_struct *prev,
			   struct task_struct *next)
{
	struct mm_struct *oldmm = prev->active_mm;

	/* Kernel threads have no mm of their own: they borrow the last one. */
	if (!next->mm) {
		next->active_mm = oldmm;
		mmgrab(oldmm);
	} else {
		switch_mm(oldmm, next->mm, next);
	}
	if (!prev->mm) {
		prev->active_mm = NULL;
		mmdrop(oldmm);
	}
	rseq_preempt(prev);
	WRITE_ONCE(next->cpu, smp_processor_id());
	lockdep_switch_lock(&rq->lock, prev, next);
	switch_to(prev, next, prev);
	finish_task_switch(prev);
}

static void __schedule(void)
{
	struct rq *rq = this_rq();
	struct task_struct *prev = rq->curr, *next;

	local_irq_disable();
	spin_lock(&rq->lock);
	update_rq_clock(rq);
	clear_tsk_thread_flag(prev, TIF_NEED_RESCHED);

	/* Going to sleep?  A pending signal cancels an interruptible sleep. */
	if (prev->state != TASK_RUNNING) {
		if ((prev->state & TASK_INTERRUPTIBLE) && signal_pending(prev)) {
			prev->state = TASK_RUNNING;
		} else if ((prev->state & TASK_WAKEKILL) && fatal_signal_pending(prev)) {
			prev->state = TASK_RUNNING;
		} else {
			if (prev->state == TASK_UNINTERRUPTIBLE)
				rq->nr_uninterruptible++;
			deactivate_task(rq, prev, DEQUEUE_SLEEP);
		}
		prev->nvcsw++;
	} else if (prev != rq->idle) {
		prev->nivcsw++;		/* still runnable: it was preempted */
		if (unlikely(task_must_leave(prev, rq->cpu) && prev->on_rq)) {
			/* Its mask no longer has this CPU: requeue it elsewhere once off it. */
			deactivate_task(rq, prev, 0);
			prev->migration_pending = 1;
		}
	}

	if (!rq->nr_running)
		idle_balance(rq);
	next = pick_next_task(rq, prev);
	if (next == prev) {
		spin_unlock_irq(&rq->lock);
		return;
	}
	rq->nr_switches++;
	trace_sched_switch(prev->state == TASK_RUNNING, prev, next);
	rq->curr = next;
	next->on_cpu = 1;
	context_switch(rq, prev, next);
}

void schedule(void)
{
	schedule_debug();
	touch_softlockup_watchdog();
	rcu_note_context_switch();
	__schedule();
}
EXPORT_SYMBOL(schedule);

/*
 * The tick: charge the running task and let its class decide whether
 * its time is up.  Runs in the timer interrupt, on every CPU that ticks.
 */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	spin_lock(&rq->lock);
	update_rq_clock(rq);
	curr = rq->curr;
	curr->sched_class->task_tick(rq, curr);
	spin_unlock(&rq->lock);
	periodic_balance(rq);
}

void set_user_nice(struct task_struct *p, long nice)
{
	struct rq *rq;
	unsigned long flags;
	bool queued, running;
	int old_prio;

	nice = clamp(nice, (long)MIN_NICE, (long)MAX_NICE);
	rq = task_rq_lock(p, &flags);
	update_rq_clock(rq);
	/* Out of the queue while the weight changes, or the sums go wrong. */
	running = p == rq->curr;
	queued = p->on_rq;
	if (running)
		p->sched_class->put_prev_task(rq, p);
	if (queued)
		dequeue_task(rq, p, 0);
	p->static_prio = NICE_TO_PRIO(nice);
	set_load_weight(p);
	old_prio = p->prio;
	p->normal_prio = normal_prio(p);
	if (!task_has_rt_policy(p))
		p->prio = p->normal_prio;
	if (queued)
		enqueue_task(rq, p, 0);
	if (running)
		p->sched_class->set_next_task(rq, p);
	if (p->sched_class->prio_changed)
		p->sched_class->prio_changed(rq, p, old_prio);
	task_rq_unlock(rq, p, flags);
}

/*
 * Priority inheritance (PI futexes): run @p at @prio, or back at its own
 * normal_prio when the boost ends.  An RT priority puts it in the RT
 * class even if its policy is not; policy and nice are left alone.  A
 * deadline task outranks every boost and is left alone; a deadline
 * waiter (prio -1) boosts to the top RT priority, as there is no
 * deadline inheritance here.
 */
void rt_mutex_setprio(struct task_struct *p, int prio)
{
	struct rq *rq;
	unsigned long flags;
	bool queued, running;
	int old_prio;

	prio = max(prio, 0);
	rq = task_rq_lock(p, &flags);
	old_prio = p->prio;
	if (prio == old_prio || p->exit_state || task_has_dl_policy(p)) {
		task_rq_unlock(rq, p, flags);
		return;
	}
	update_rq_clock(rq);
	running = p == rq->curr;
	queued = p->on_rq;
	if (running)
		p->sched_class->put_prev_task(rq, p);
	if (queued)
		dequeue_task(rq, p, 0);
	p->prio = prio;
	p->sched_class = rt_prio(prio) ? &rt_sched_class : &fair_sched_class;
	if (queued)
		enqueue_task(rq, p, 0);
	if (running)
		p->sched_class->set_next_task(rq, p);
	resched_curr(rq);
	task_rq_unlock(rq, p, flags);
}

static const struct sched_class *policy_class(int policy)
{
	if (dl_policy(policy))
		return &dl_sched_class;
	return rt_policy(policy) ? &rt_sched_class : &fair_sched_class;
}

/*
 * Change @p's policy, priority and deadline reservation as @attr says
 * (sched_setattr without the permission checks; the caller validated
 * @attr).  The task moves between classes if needed.  -EBUSY if a
 * reservation does not fit what the CPU has left.
 */
int sched_setattr_nocheck(struct task_struct *p, const struct sched_attr *attr)
{
	int policy = attr->sched_policy, ret = 0;
	unsigned long flags;
	bool queued, running;
	struct rq *rq = task_rq_lock(p, &flags);

	update_rq_clock(rq);
	if (dl_policy(policy) || task_has_dl_policy(p)) {
		ret = sched_dl_overflow(rq, p, attr);
		if (ret)
			goto unlock;
	}
	running = p == rq->curr;
	queued = p->on_rq;
	if (running)
		p->sched_class->put_prev_task(rq, p);
	if (queued)
		dequeue_task(rq, p, 0);

	if (dl_policy(policy))
		__setparam_dl(p, attr);
	else if (task_has_dl_policy(p))
		dl_clear_params(p);
	p->policy = policy;
	p->rt_priority = rt_policy(policy) ? attr->sched_priority : 0;
	p->normal_prio = normal_prio(p);
	p->prio = p->normal_prio;
	set_load_weight(p);
	p->sched_class = policy_class(policy);

	if (queued)
		enqueue_task(rq, p, 0);
	if (running)
		p->sched_class->set_next_task(rq, p);
	/* Whoever is now most deserving gets the CPU at the next chance. */
	resched_curr(rq);
unlock:
	task_rq_unlock(rq, p, flags);
	return ret;
}

int sched_setscheduler_nocheck(struct task_struct *p, int policy, int prio)
{
	struct sched_attr attr = { .sched_policy = policy, .sched_priority = prio };

	return sched_setattr_nocheck(p, &attr);
}

/*
 * The idle task: what a CPU runs when no class has anything.  It halts
 * until an interrupt, then lets schedule() look again.  The check and
 * the halt happen with interrupts off ("sti; hlt" enables them only once
 * halted), so a wakeup between them cannot be slept through.
 */
void __noreturn cpu_startup_entry(void)
{
	for (;;) {
		local_irq_disable();
		rcu_idle_enter();			/* idle is a quiescent state */
		if (!need_resched()) {
			tick_nohz_idle_enter();		/* no tick while idle */
			arch_safe_halt();
		}
		local_irq_enable();
		rcu_idle_exit();
		tick_nohz_idle_exit();
		schedule();
	}
}

/*
 * @idle becomes @cpu's idle task: the boot thread on CPU 0, a fresh task
 * for each other CPU (smpboot.c).  Idle tasks run on init_mm and hold a
 * reference for it, like every kernel thread borrowing an mm, so
 * init_mm's count never reaches zero.
 */
void init_idle(struct task_struct *idle, int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	mmgrab(&init_mm);
	idle->active_mm = &init_mm;
	idle->sched_class = &idle_sched_class;
	init_dl_task(idle);
	idle->flags |= PF_IDLE;
	idle->cpus_mask = 1UL << cpu;
	idle->cpu = cpu;
	idle->on_cpu = 1;
	idle->on_rq = 0;
	idle->state = TASK_RUNNING;
	rq->curr = rq->idle = idle;
}

void __init sched_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);

		spin_lock_init(&rq->lock);
		init_cfs_rq(&rq->cfs);
		init_rt_rq(&rq->rt);
		init_dl_rq(&rq->dl);
		rq->cpu = cpu;
	}
	/* The boot thread becomes CPU 0's idle task once init is started. */
	init_idle(current, 0);
}
