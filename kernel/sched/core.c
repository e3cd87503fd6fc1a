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
	enqueue_task(rq, p, flags);
	p->on_rq = 1;
	rq->nr_running++;
}

void deactivate_task(struct rq *rq, struct task_struct *p, int flags)
{
	p->on_rq = 0;
	rq->nr_running--;
	dequeue_task(rq, p, flags);
}

/* A task became runnable: should it take the CPU from the current one? */
void check_preempt_curr(struct rq *rq, struct task_struct *p)
{
	if (p->sched_class == rq->curr->sched_class)
		p->sched_class->check_preempt_curr(rq, p);
	else if (sched_class_above(p->sched_class, rq->curr->sched_class))
		resched_curr(rq);
}

/*
 * Wake @p if its state is in @state.  Returns 1 if it was woken.  Safe
 * from interrupt handlers.
 */
static int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	struct rq *rq = task_rq(p);
	unsigned long flags;
	int success = 0;

	spin_lock_irqsave(&rq->lock, flags);
	if (!(READ_ONCE(p->state) & state))
		goto out;
	success = 1;
	trace_sched_wakeup(p);
	if (!p->on_rq) {
		update_rq_clock(rq);
		if (p->state == TASK_UNINTERRUPTIBLE)
			rq->nr_uninterruptible--;
		activate_task(rq, p, ENQUEUE_WAKEUP);
		check_preempt_curr(rq, p);
	}
	WRITE_ONCE(p->state, TASK_RUNNING);
out:
	spin_unlock_irqrestore(&rq->lock, flags);
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
	p->se.on_rq = 0;
	p->se.exec_start = 0;
	p->se.sum_exec_runtime = 0;
	p->se.prev_sum_exec_runtime = 0;
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
	if (p->sched_class->task_fork)
		p->sched_class->task_fork(p);
	return 0;
}

void wake_up_new_task(struct task_struct *p)
{
	struct rq *rq = task_rq(p);
	unsigned long flags;

	spin_lock_irqsave(&rq->lock, flags);
	update_rq_clock(rq);
	WRITE_ONCE(p->state, TASK_RUNNING);
	activate_task(rq, p, ENQUEUE_INITIAL);
	check_preempt_curr(rq, p);
	spin_unlock_irqrestore(&rq->lock, flags);
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
 * The first thing a task does after switch_to(): release the run-queue
 * lock taken by the schedule() that switched to it, and free the stack
 * of a task that died (it could not free the stack it was running on).
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	long prev_state = prev->state;

	prev->on_cpu = 0;
	spin_unlock_irq(&rq->lock);
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
	}

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
 * its time is up.  Runs in the timer interrupt.
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
}

void set_user_nice(struct task_struct *p, long nice)
{
	struct rq *rq = task_rq(p);
	unsigned long flags;
	bool queued, running;
	int old_prio;

	nice = clamp(nice, (long)MIN_NICE, (long)MAX_NICE);
	spin_lock_irqsave(&rq->lock, flags);
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
	spin_unlock_irqrestore(&rq->lock, flags);
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
	struct rq *rq = task_rq(p);
	unsigned long flags;
	bool queued, running;
	int old_prio;

	prio = max(prio, 0);
	spin_lock_irqsave(&rq->lock, flags);
	old_prio = p->prio;
	if (prio == old_prio || p->exit_state || task_has_dl_policy(p)) {
		spin_unlock_irqrestore(&rq->lock, flags);
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
	spin_unlock_irqrestore(&rq->lock, flags);
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
	struct rq *rq = task_rq(p);
	int policy = attr->sched_policy, ret = 0;
	unsigned long flags;
	bool queued, running;

	spin_lock_irqsave(&rq->lock, flags);
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
	spin_unlock_irqrestore(&rq->lock, flags);
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
		tick_nohz_idle_exit();
		schedule();
	}
}

void __init sched_init(void)
{
	struct rq *rq = this_rq();

	spin_lock_init(&rq->lock);
	init_cfs_rq(&rq->cfs);
	init_rt_rq(&rq->rt);
	init_dl_rq(&rq->dl);
	rq->cpu = 0;
	/*
	 * The boot thread becomes this CPU's idle task once init is started.
	 * It runs on init_mm and holds a reference for it, like every kernel
	 * thread borrowing an mm, so init_mm's count never reaches zero.
	 */
	mmgrab(&init_mm);
	current->active_mm = &init_mm;
	rq->curr = rq->idle = current;
	current->sched_class = &idle_sched_class;
	init_dl_task(current);
	current->flags |= PF_IDLE;
	current->on_cpu = 1;
}
