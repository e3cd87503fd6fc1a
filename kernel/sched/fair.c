// SPDX-License-Identifier: GPL-2.0
/*
 * The fair class (CFS): every runnable task should have had the same
 * share of the CPU, weighted by nice level.  Each task keeps vruntime,
 * its CPU time scaled by NICE_0_LOAD / weight, so a heavier (lower nice)
 * task's vruntime grows more slowly.  Runnable tasks sit in a red-black
 * tree ordered by vruntime and the leftmost, the one furthest behind,
 * runs next.
 *
 * A running task keeps the CPU for its slice, the scheduling period
 * (6 ms, or 0.75 ms per task when more than eight run) times its share
 * of the total weight; the tick ends the slice.  A waking task preempts
 * the current one if it is behind by more than the wakeup granularity.
 * min_vruntime, the floor of the tree, never decreases: new and waking
 * tasks are placed relative to it so that sleeping does not bank credit.
 */
#include "sched.h"

static inline struct task_struct *task_of(struct sched_entity *se)
{
	return container_of(se, struct task_struct, se);
}

/* delta * NICE_0_LOAD / weight, with the precomputed inverse weight. */
static u64 calc_delta_fair(u64 delta, struct sched_entity *se)
{
	if (se->load.weight == NICE_0_LOAD)
		return delta;
	return (u64)(((unsigned __int128)delta * NICE_0_LOAD * se->load.inv_weight) >> 32);
}

static u64 sched_period(unsigned int nr_running)
{
	if (nr_running > SCHED_NR_LATENCY)
		return nr_running * SYSCTL_SCHED_MIN_GRANULARITY;
	return SYSCTL_SCHED_LATENCY;
}

/* The wall-clock slice @se is entitled to in one period. */
static u64 sched_slice(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	unsigned int nr = cfs_rq->nr_running + !se->on_rq;
	unsigned long total = cfs_rq->load.weight + (se->on_rq ? 0 : se->load.weight);
	u64 slice = sched_period(nr);

	if (total)
		slice = slice * se->load.weight / total;
	return max(slice, (u64)SYSCTL_SCHED_MIN_GRANULARITY);
}

static bool entity_before(struct sched_entity *a, struct sched_entity *b)
{
	return (s64)(a->vruntime - b->vruntime) < 0;
}

static void update_min_vruntime(struct cfs_rq *cfs_rq)
{
	struct rb_node *leftmost = rb_first_cached(&cfs_rq->tasks_timeline);
	struct sched_entity *curr = cfs_rq->curr;
	u64 vruntime = cfs_rq->min_vruntime;

	if (curr && curr->on_rq)
		vruntime = curr->vruntime;
	if (leftmost) {
		struct sched_entity *se = rb_entry(leftmost, struct sched_entity, run_node);

		if (!curr || !curr->on_rq || entity_before(se, curr))
			vruntime = se->vruntime;
	}
	if ((s64)(vruntime - cfs_rq->min_vruntime) > 0)
		WRITE_ONCE(cfs_rq->min_vruntime, vruntime);
}

/* Charge the running task for the time since it was last charged. */
static void update_curr(struct cfs_rq *cfs_rq, struct rq *rq)
{
	struct sched_entity *curr = cfs_rq->curr;
	u64 now = rq->clock;
	s64 delta;

	if (!curr)
		return;
	delta = now - curr->exec_start;
	if (delta <= 0)
		return;
	curr->exec_start = now;
	curr->sum_exec_runtime += delta;
	curr->vruntime += calc_delta_fair(delta, curr);
	update_min_vruntime(cfs_rq);
}

static void update_curr_fair(struct rq *rq)
{
	update_curr(&rq->cfs, rq);
}

static void __enqueue_entity(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	struct rb_node **link = &cfs_rq->tasks_timeline.rb_root.rb_node;
	struct rb_node *parent = NULL;
	bool leftmost = true;

	while (*link) {
		struct sched_entity *entry;

		parent = *link;
		entry = rb_entry(parent, struct sched_entity, run_node);
		if (entity_before(se, entry)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(&se->run_node, parent, link);
	rb_insert_color_cached(&se->run_node, &cfs_rq->tasks_timeline, leftmost);
}

static void __dequeue_entity(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	rb_erase_cached(&se->run_node, &cfs_rq->tasks_timeline);
	RB_CLEAR_NODE(&se->run_node);
}

/*
 * Where a task enters the timeline: a new task starts one slice behind
 * the others (it must not take over the CPU by forking); a waking task
 * is given at most half a period of credit for having slept.
 */
static void place_entity(struct cfs_rq *cfs_rq, struct sched_entity *se, bool initial)
{
	u64 vruntime = cfs_rq->min_vruntime;

	if (initial)
		vruntime += calc_delta_fair(sched_slice(cfs_rq, se), se);
	else
		vruntime -= SYSCTL_SCHED_LATENCY / 2;
	if ((s64)(vruntime - se->vruntime) > 0 || initial)
		se->vruntime = vruntime;
}

static void enqueue_task_fair(struct rq *rq, struct task_struct *p, int flags)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se = &p->se;

	update_curr(cfs_rq, rq);
	if (flags & ENQUEUE_WAKEUP)
		place_entity(cfs_rq, se, false);
	else if (flags & ENQUEUE_INITIAL)
		place_entity(cfs_rq, se, true);
	if (se != cfs_rq->curr)
		__enqueue_entity(cfs_rq, se);
	se->on_rq = 1;
	cfs_rq->load.weight += se->load.weight;
	cfs_rq->nr_running++;
}

static void dequeue_task_fair(struct rq *rq, struct task_struct *p, int flags)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se = &p->se;

	update_curr(cfs_rq, rq);
	if (se != cfs_rq->curr)
		__dequeue_entity(cfs_rq, se);
	se->on_rq = 0;
	cfs_rq->load.weight -= se->load.weight;
	cfs_rq->nr_running--;
	update_min_vruntime(cfs_rq);
}

static void set_next_task_fair(struct rq *rq, struct task_struct *p)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se = &p->se;

	if (se->on_rq)
		__dequeue_entity(cfs_rq, se);	/* the running task is not in the tree */
	se->exec_start = rq->clock;
	se->prev_sum_exec_runtime = se->sum_exec_runtime;
	cfs_rq->curr = se;
}

static struct task_struct *pick_next_task_fair(struct rq *rq)
{
	struct rb_node *left = rb_first_cached(&rq->cfs.tasks_timeline);
	struct task_struct *p;

	if (!left)
		return NULL;
	p = task_of(rb_entry(left, struct sched_entity, run_node));
	set_next_task_fair(rq, p);
	return p;
}

static void put_prev_task_fair(struct rq *rq, struct task_struct *p)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se = &p->se;

	update_curr(cfs_rq, rq);
	if (se->on_rq)
		__enqueue_entity(cfs_rq, se);
	cfs_rq->curr = NULL;
}

static void yield_task_fair(struct rq *rq)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *curr = cfs_rq->curr;
	struct rb_node *last;

	if (!curr || cfs_rq->nr_running <= 1)
		return;
	update_curr(cfs_rq, rq);
	/* Go behind every other runnable task. */
	last = rb_last(&cfs_rq->tasks_timeline.rb_root);
	if (last) {
		struct sched_entity *rightmost = rb_entry(last, struct sched_entity, run_node);

		if (entity_before(curr, rightmost))
			curr->vruntime = rightmost->vruntime + 1;
	}
	resched_curr(rq);
}

static void check_preempt_wakeup(struct rq *rq, struct task_struct *p)
{
	struct sched_entity *curr = rq->cfs.curr, *se = &p->se;

	if (!curr)
		return;
	update_curr(&rq->cfs, rq);
	if ((s64)(curr->vruntime - se->vruntime) >
	    (s64)calc_delta_fair(SYSCTL_SCHED_WAKEUP_GRANULARITY, se))
		resched_curr(rq);
}

/* The tick: has the running task used up its slice? */
static void task_tick_fair(struct rq *rq, struct task_struct *curr)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se = &curr->se;
	u64 ran;

	update_curr(cfs_rq, rq);
	if (cfs_rq->nr_running <= 1)
		return;
	ran = se->sum_exec_runtime - se->prev_sum_exec_runtime;
	if (ran > sched_slice(cfs_rq, se))
		resched_curr(rq);
}

static void task_fork_fair(struct task_struct *p)
{
	struct rq *rq = this_rq();
	unsigned long flags;

	spin_lock_irqsave(&rq->lock, flags);
	update_rq_clock(rq);
	update_curr(&rq->cfs, rq);
	p->se.vruntime = rq->cfs.curr ? rq->cfs.curr->vruntime : rq->cfs.min_vruntime;
	spin_unlock_irqrestore(&rq->lock, flags);
}

/*
 * vruntime only means something against its queue's min_vruntime: a
 * task moving to another CPU keeps its lead or lag over that floor, not
 * the raw number (the queues' floors drift apart).
 */
static void migrate_task_rq_fair(struct task_struct *p, int new_cpu)
{
	struct sched_entity *se = &p->se;

	se->vruntime -= READ_ONCE(task_rq(p)->cfs.min_vruntime);
	se->vruntime += READ_ONCE(cpu_rq(new_cpu)->cfs.min_vruntime);
}

static void prio_changed_fair(struct rq *rq, struct task_struct *p, int oldprio)
{
	if (p->on_rq && p != rq->curr)
		check_preempt_wakeup(rq, p);
}

void init_cfs_rq(struct cfs_rq *cfs_rq)
{
	cfs_rq->tasks_timeline = RB_ROOT_CACHED;
	cfs_rq->min_vruntime = (u64)(-(1LL << 20));
}

const struct sched_class fair_sched_class = {
	.enqueue_task		= enqueue_task_fair,
	.dequeue_task		= dequeue_task_fair,
	.yield_task		= yield_task_fair,
	.check_preempt_curr	= check_preempt_wakeup,
	.pick_next_task		= pick_next_task_fair,
	.put_prev_task		= put_prev_task_fair,
	.set_next_task		= set_next_task_fair,
	.task_tick		= task_tick_fair,
	.task_fork		= task_fork_fair,
	.prio_changed		= prio_changed_fair,
	.update_curr		= update_curr_fair,
	.migrate_task_rq	= migrate_task_rq_fair,
	.next			= &idle_sched_class,
};
