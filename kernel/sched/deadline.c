// SPDX-License-Identifier: GPL-2.0
/*
 * The deadline class: SCHED_DEADLINE, above the real-time class.
 *
 * A task reserves dl_runtime of CPU time in every dl_period, to be used
 * within dl_deadline of the period's start.  The class runs the queued
 * task with the earliest absolute deadline (EDF), and holds each task to
 * its reservation with the constant bandwidth server (CBS): the time it
 * runs is charged to the current instance's runtime, and when that is
 * gone the task is throttled, off the queue until its dl_timer fires at
 * the start of its next period and replenishes it.  A task that wakes
 * with its deadline past, or with more runtime left than it could use by
 * that deadline at its reserved rate, starts a new instance (deadline =
 * now + dl_deadline, runtime = dl_runtime), so sleeping never saves up
 * bandwidth.
 *
 * Admission control keeps the reservations' sum (each runtime / period)
 * within the 95% of a CPU Linux allows by default (sched_rt_runtime_us
 * / sched_rt_period_us) on every CPU: sched_setattr asking for more than
 * any CPU has left is EBUSY.  Each reservation is admitted on one CPU
 * (dl.cpu: the task's own if it fits, else the first with room) and the
 * task runs there, moving at its next schedule() if it was elsewhere.
 * Like Linux, a deadline task must be allowed on every CPU (EPERM) and
 * its affinity cannot be narrowed (EBUSY).
 *
 * Simplified from Linux: partitioned rather than global EDF (a task
 * stays on the CPU that admitted it; no push/pull between CPUs); no
 * bandwidth reclaiming (SCHED_FLAG_RECLAIM is kept and reported, and the
 * task is held to its own runtime); no revised wakeup rule for deadlines
 * shorter than the period; a task leaving the class gives its bandwidth
 * back at once (Linux waits for its "0-lag" time); a deadline task
 * blocked on a PI futex boosts its owner to the top real-time priority,
 * not into this class.
 *
 * Lock: everything here is under the run queue's lock, the dl_timer
 * callback included (it runs in the hard interrupt and takes it);
 * every CPU's total_bw is also under dl_bw_lock, taken inside it, since
 * admission looks at all of them.
 */
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/sched.h>
#include "sched.h"

#define BW_SHIFT		20	/* bandwidths are fractions of 1 << BW_SHIFT */
#define DL_SCALE		10	/* the shortest runtime: 1 << DL_SCALE ns */
#define DL_PERIOD_MIN_US	100ULL	/* sysctl_sched_dl_period_min's default */
#define DL_PERIOD_MAX_US	(1ULL << 22)	/* sysctl_sched_dl_period_max's: ~4 s */
/* sched_rt_runtime_us / sched_rt_period_us: what deadline tasks may reserve. */
#define DL_GLOBAL_RUNTIME_US	950000ULL
#define DL_GLOBAL_PERIOD_US	1000000ULL

static struct task_struct *dl_task_of(struct sched_dl_entity *dl_se)
{
	return container_of(dl_se, struct task_struct, dl);
}

/* Times are compared as a signed difference, so the clock may wrap. */
static bool dl_time_before(u64 a, u64 b)
{
	return (s64)(a - b) < 0;
}

static u64 to_ratio(u64 period, u64 runtime)
{
	return period ? (runtime << BW_SHIFT) / period : 0;
}

static u64 dl_attr_period(const struct sched_attr *attr)
{
	return attr->sched_period ?: attr->sched_deadline;
}

/* Is @attr a reservation Linux would take?  (Its __checkparam_dl rules.) */
bool __checkparam_dl(const struct sched_attr *attr)
{
	u64 period = dl_attr_period(attr);

	if (!attr->sched_deadline)
		return false;
	/* Shorter runtimes could not be charged with any precision. */
	if (attr->sched_runtime < (1ULL << DL_SCALE))
		return false;
	/* The top bit must stay clear: times are compared as signed differences. */
	if ((attr->sched_deadline | attr->sched_period) & (1ULL << 63))
		return false;
	if (period < attr->sched_deadline || attr->sched_deadline < attr->sched_runtime)
		return false;
	return period >= DL_PERIOD_MIN_US * NSEC_PER_USEC &&
	       period <= DL_PERIOD_MAX_US * NSEC_PER_USEC;
}

/*
 * Admission control for @p taking the reservation @attr asks for, or
 * giving its own back when @attr is another policy.  On success the
 * CPU's total follows.  A reservation that shrinks is always allowed.
 */
static DEFINE_SPINLOCK(dl_bw_lock);

/* Does @bw more fit on @cpu?  dl_bw_lock held. */
static bool dl_bw_fits(int cpu, u64 bw)
{
	lockdep_assert_held(&dl_bw_lock);
	return cpu_rq(cpu)->dl.total_bw + bw <=
	       to_ratio(DL_GLOBAL_PERIOD_US, DL_GLOBAL_RUNTIME_US);
}

/*
 * Admit @p's new reservation (or its leaving the class) and choose the
 * CPU it is admitted on.  @rq is @p's, locked.
 */
int sched_dl_overflow(struct rq *rq, struct task_struct *p, const struct sched_attr *attr)
{
	unsigned long active = cpumask_bits(cpu_active_mask)[0];
	u64 old_bw = task_has_dl_policy(p) ? p->dl.dl_bw : 0, new_bw = 0;
	int cpu, ret = 0;

	lockdep_assert_held(&rq->lock);
	if (dl_policy(attr->sched_policy)) {
		if ((READ_ONCE(p->cpus_mask) & active) != active)
			return -EPERM;
		new_bw = to_ratio(dl_attr_period(attr), attr->sched_runtime);
	}
	spin_lock(&dl_bw_lock);
	if (old_bw)
		cpu_rq(p->dl.cpu)->dl.total_bw -= old_bw;
	if (!new_bw)
		goto unlock;
	cpu = old_bw ? p->dl.cpu : rq->cpu;
	if (!dl_bw_fits(cpu, new_bw)) {
		for_each_cpu(cpu, cpu_active_mask)
			if (dl_bw_fits(cpu, new_bw))
				break;
	}
	if (cpu >= (int)nr_cpu_ids || !dl_bw_fits(cpu, new_bw)) {
		ret = -EBUSY;
		if (old_bw)
			cpu_rq(p->dl.cpu)->dl.total_bw += old_bw;	/* keeps the old one */
		goto unlock;
	}
	cpu_rq(cpu)->dl.total_bw += new_bw;
	p->dl.cpu = cpu;
unlock:
	spin_unlock(&dl_bw_lock);
	return ret;
}

/* Forget the current instance; the next enqueue starts a new one.  @p is off the queue. */
void dl_clear_params(struct task_struct *p)
{
	struct sched_dl_entity *dl_se = &p->dl;

	/* Under rq->lock, so the callback is not running here (one CPU): it only can be queued. */
	hrtimer_try_to_cancel(&dl_se->dl_timer);
	dl_se->dl_throttled = 0;
	dl_se->dl_yielded = 0;
	dl_se->dl_overrun = false;
	dl_se->runtime = 0;
	dl_se->deadline = 0;
}

void __setparam_dl(struct task_struct *p, const struct sched_attr *attr)
{
	struct sched_dl_entity *dl_se = &p->dl;

	dl_clear_params(p);
	dl_se->dl_runtime = attr->sched_runtime;
	dl_se->dl_deadline = attr->sched_deadline;
	dl_se->dl_period = dl_attr_period(attr);
	dl_se->dl_bw = to_ratio(dl_se->dl_period, dl_se->dl_runtime);
	dl_se->flags = attr->sched_flags & (SCHED_FLAG_RECLAIM | SCHED_FLAG_DL_OVERRUN);
}

void __getparam_dl(struct task_struct *p, struct sched_attr *attr)
{
	attr->sched_runtime = p->dl.dl_runtime;
	attr->sched_deadline = p->dl.dl_deadline;
	attr->sched_period = p->dl.dl_period;
	attr->sched_flags |= p->dl.flags;
}

/* A fresh instance: a full runtime, due dl_deadline from now. */
static void setup_new_dl_entity(struct rq *rq, struct sched_dl_entity *dl_se)
{
	dl_se->deadline = rq->clock + dl_se->dl_deadline;
	dl_se->runtime = dl_se->dl_runtime;
}

/*
 * The runtime is used up (or given up): add whole periods of runtime,
 * each moving the deadline a period on, until some is left.  If even so
 * the deadline is behind us, the task fell far behind: start afresh.
 */
static void replenish_dl_entity(struct rq *rq, struct sched_dl_entity *dl_se)
{
	if (dl_se->dl_yielded && dl_se->runtime > 0)
		dl_se->runtime = 0;
	dl_se->dl_yielded = 0;
	if (!dl_se->deadline) {
		setup_new_dl_entity(rq, dl_se);
		return;
	}
	if (dl_se->runtime <= 0) {
		u64 n = (u64)(-dl_se->runtime) / dl_se->dl_runtime + 1;

		dl_se->deadline += n * dl_se->dl_period;
		dl_se->runtime += n * dl_se->dl_runtime;
	}
	if (dl_time_before(dl_se->deadline, rq->clock))
		setup_new_dl_entity(rq, dl_se);
}

/*
 * CBS at wakeup: would the runtime left, spent by the deadline, exceed
 * the reserved density (dl_runtime / dl_deadline)?  Compared as
 * runtime * dl_deadline > (deadline - now) * dl_runtime, both sides
 * scaled down so the products fit in 64 bits.
 */
static bool dl_entity_overflow(struct sched_dl_entity *dl_se, u64 now)
{
	u64 left = (dl_se->dl_deadline >> DL_SCALE) * ((u64)dl_se->runtime >> DL_SCALE);
	u64 right = ((dl_se->deadline - now) >> DL_SCALE) * (dl_se->dl_runtime >> DL_SCALE);

	return right < left;
}

static void update_dl_entity(struct rq *rq, struct sched_dl_entity *dl_se)
{
	if (!dl_se->deadline || dl_time_before(dl_se->deadline, rq->clock) ||
	    dl_entity_overflow(dl_se, rq->clock))
		setup_new_dl_entity(rq, dl_se);
}

static void __enqueue_dl_entity(struct rq *rq, struct sched_dl_entity *dl_se)
{
	struct rb_node **link = &rq->dl.root.rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		struct sched_dl_entity *e = rb_entry(*link, struct sched_dl_entity, rb_node);

		parent = *link;
		if (dl_time_before(dl_se->deadline, e->deadline)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(&dl_se->rb_node, parent, link);
	rb_insert_color_cached(&dl_se->rb_node, &rq->dl.root, leftmost);
	rq->dl.dl_nr_running++;
}

static void __dequeue_dl_entity(struct rq *rq, struct sched_dl_entity *dl_se)
{
	if (RB_EMPTY_NODE(&dl_se->rb_node))
		return;
	rb_erase_cached(&dl_se->rb_node, &rq->dl.root);
	RB_CLEAR_NODE(&dl_se->rb_node);
	rq->dl.dl_nr_running--;
}

static struct sched_dl_entity *first_dl_entity(struct rq *rq)
{
	struct rb_node *left = rb_first_cached(&rq->dl.root);

	return left ? rb_entry(left, struct sched_dl_entity, rb_node) : NULL;
}

/* A throttled task waits on the queue again, replenished, when its timer fires. */
static enum hrtimer_restart dl_task_timer(struct hrtimer *timer)
{
	struct sched_dl_entity *dl_se = container_of(timer, struct sched_dl_entity, dl_timer);
	struct task_struct *p = dl_task_of(dl_se);
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);

	/* It may have left the class, or been given new parameters, since. */
	if (!task_has_dl_policy(p) || !dl_se->dl_throttled)
		goto unlock;
	update_rq_clock(rq);
	dl_se->dl_throttled = 0;
	replenish_dl_entity(rq, dl_se);
	if (p->on_rq) {
		__enqueue_dl_entity(rq, dl_se);
		check_preempt_curr(rq, p);
	}
unlock:
	task_rq_unlock(rq, p, flags);
	return HRTIMER_NORESTART;
}

/*
 * Arm the replenishment for the start of the next period.  False if that
 * is already past: the caller replenishes at once.
 */
static bool start_dl_timer(struct rq *rq, struct sched_dl_entity *dl_se)
{
	u64 act = dl_se->deadline - dl_se->dl_deadline + dl_se->dl_period;
	s64 delta = act - rq->clock;

	if (delta <= 0)
		return false;
	hrtimer_start(&dl_se->dl_timer, ns_to_ktime(delta), HRTIMER_MODE_REL_HARD);
	return true;
}

/* Charge the running deadline task; throttle it when its runtime is gone. */
static void update_curr_dl(struct rq *rq)
{
	struct task_struct *curr = rq->curr;
	struct sched_dl_entity *dl_se = &curr->dl;
	s64 delta;

	if (curr->sched_class != &dl_sched_class)
		return;
	delta = rq->clock - curr->se.exec_start;
	if (delta > 0) {
		curr->se.sum_exec_runtime += delta;
		curr->se.exec_start = rq->clock;
		dl_se->runtime -= delta;
	}
	if (dl_se->dl_throttled || (dl_se->runtime > 0 && !dl_se->dl_yielded))
		return;
	if (!dl_se->dl_yielded && (dl_se->flags & SCHED_FLAG_DL_OVERRUN))
		dl_se->dl_overrun = true;
	__dequeue_dl_entity(rq, dl_se);
	if (start_dl_timer(rq, dl_se)) {
		dl_se->dl_throttled = 1;
	} else {
		replenish_dl_entity(rq, dl_se);
		if (curr->on_rq)
			__enqueue_dl_entity(rq, dl_se);
	}
	resched_curr(rq);
}

static void enqueue_task_dl(struct rq *rq, struct task_struct *p, int flags)
{
	struct sched_dl_entity *dl_se = &p->dl;

	if (dl_se->dl_throttled)
		return;		/* dl_timer puts it back */
	if ((flags & ENQUEUE_WAKEUP) || !dl_se->deadline)
		update_dl_entity(rq, dl_se);
	__enqueue_dl_entity(rq, dl_se);
}

static void dequeue_task_dl(struct rq *rq, struct task_struct *p, int flags)
{
	__dequeue_dl_entity(rq, &p->dl);
}

/* sched_yield: the rest of this instance is given up; back next period. */
static void yield_task_dl(struct rq *rq)
{
	rq->curr->dl.dl_yielded = 1;
	update_curr_dl(rq);
}

static void check_preempt_curr_dl(struct rq *rq, struct task_struct *p)
{
	struct sched_dl_entity *curr = &rq->curr->dl;

	if (curr->dl_throttled || dl_time_before(p->dl.deadline, curr->deadline))
		resched_curr(rq);
}

static void set_next_task_dl(struct rq *rq, struct task_struct *p)
{
	p->se.exec_start = rq->clock;
}

/* The earliest deadline runs; it stays queued while it runs (its key does not change). */
static struct task_struct *pick_next_task_dl(struct rq *rq)
{
	struct sched_dl_entity *dl_se = first_dl_entity(rq);
	struct task_struct *p;

	if (!dl_se)
		return NULL;
	p = dl_task_of(dl_se);
	set_next_task_dl(rq, p);
	return p;
}

static void put_prev_task_dl(struct rq *rq, struct task_struct *p)
{
	update_curr_dl(rq);
}

static void task_tick_dl(struct rq *rq, struct task_struct *p)
{
	update_curr_dl(rq);
	if (!p->dl.dl_throttled && first_dl_entity(rq) != &p->dl)
		resched_curr(rq);
}

/* Its reservation goes back to the CPU; a pending replenishment is dropped. */
static void task_dead_dl(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;

	hrtimer_cancel(&p->dl.dl_timer);
	rq = task_rq_lock(p, &flags);
	if (task_has_dl_policy(p)) {
		spin_lock(&dl_bw_lock);
		cpu_rq(p->dl.cpu)->dl.total_bw -= p->dl.dl_bw;
		spin_unlock(&dl_bw_lock);
	}
	task_rq_unlock(rq, p, flags);
}

void init_dl_task(struct task_struct *p)
{
	struct sched_dl_entity *dl_se = &p->dl;

	RB_CLEAR_NODE(&dl_se->rb_node);
	hrtimer_init(&dl_se->dl_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	dl_se->dl_timer.function = dl_task_timer;
	dl_se->dl_throttled = 0;
	dl_se->dl_yielded = 0;
	dl_se->dl_overrun = false;
	dl_se->runtime = 0;
	dl_se->deadline = 0;
}

void init_dl_rq(struct dl_rq *dl_rq)
{
	dl_rq->root = RB_ROOT_CACHED;
	dl_rq->dl_nr_running = 0;
	dl_rq->total_bw = 0;
}

const struct sched_class dl_sched_class = {
	.enqueue_task		= enqueue_task_dl,
	.dequeue_task		= dequeue_task_dl,
	.yield_task		= yield_task_dl,
	.check_preempt_curr	= check_preempt_curr_dl,
	.pick_next_task		= pick_next_task_dl,
	.put_prev_task		= put_prev_task_dl,
	.set_next_task		= set_next_task_dl,
	.task_tick		= task_tick_dl,
	.update_curr		= update_curr_dl,
	.task_dead		= task_dead_dl,
	.next			= &rt_sched_class,
};
