// SPDX-License-Identifier: GPL-2.0
/*
 * RCU grace periods (see <linux/rcupdate.h> for the reader's side).
 *
 * A grace period starts when callbacks are waiting and none is running:
 * rcu_state.gp_seq turns odd and every online CPU is marked as owing a
 * quiescent state (its bit in qsmask).  A CPU pays by passing through one:
 * a context switch (rcu_note_context_switch), the idle loop
 * (rcu_idle_enter), or a tick that interrupted user mode or the idle task
 * (rcu_sched_clock_irq).  When the last bit clears, gp_seq turns even:
 * the grace period is over.
 *
 * Each CPU keeps its callbacks in three segments: "done" (their grace
 * period has ended; RCU_SOFTIRQ invokes them), "wait" (waiting for the
 * grace period in progress) and "next" (queued while one was in
 * progress, so they need the next one: a reader that started before
 * call_rcu may have begun after the current period did).  The end of a
 * period moves wait to done and next to wait, and starts the next period
 * if anything waits.
 *
 * An idle CPU is in an "extended quiescent state": it holds no reader
 * and may not take a tick for a long time, so a grace period must not
 * wait for it.  rcu_idle_enter/exit bracket the idle loop's halt and set
 * rcu_data.eqs; a grace period starting meanwhile leaves the CPU out of
 * qsmask.  An interrupt taken in idle may read RCU-protected data, so
 * rcu_irq_enter() leaves the extended quiescent state for the length of
 * the interrupt (softirqs included) and rcu_irq_exit() goes back.  Each
 * side writes its flag and then issues a full barrier before looking at
 * the other's data, so either the grace period sees the CPU busy and
 * waits for it, or the CPU's reader sees the updater's change.  (Linux's
 * dynticks counter does the same job.)  A CPU with callbacks queued
 * keeps its tick while idle (rcu_needs_cpu), so they are run.
 *
 * This is Linux's Tree RCU with a single node: the same state machine,
 * with one qsmask for all CPUs instead of a tree of them.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/completion.h>
#include <linux/init.h>
#include <linux/atomic.h>
#include <linux/mutex.h>
#include <linux/interrupt.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/smp.h>

struct rcu_cblist {
	struct rcu_head *head;
	struct rcu_head **tail;
};

struct rcu_data {
	bool cpu_no_qs;			/* owes a quiescent state this period */
	bool eqs;			/* idle: an extended quiescent state */
	bool irq_from_eqs;		/* in an interrupt taken while in eqs */
	struct rcu_cblist done, wait, next;	/* lock: rcu_state.lock */
};

static struct rcu_state {
	spinlock_t lock;		/* guards all below and every rcu_data */
	unsigned long gp_seq;		/* odd: a grace period is running */
	unsigned long qsmask;		/* CPUs still owing a quiescent state */
	unsigned long completed;	/* grace periods ended, for the log */
} rcu_state = { .lock = __SPIN_LOCK_UNLOCKED(rcu_state.lock) };

static DEFINE_PER_CPU(struct rcu_data, rcu_data);

static void cblist_init(struct rcu_cblist *l)
{
	l->head = NULL;
	l->tail = &l->head;
}

static bool cblist_empty(const struct rcu_cblist *l)
{
	return !l->head;
}

static void cblist_enqueue(struct rcu_cblist *l, struct rcu_head *h)
{
	h->next = NULL;
	*l->tail = h;
	l->tail = &h->next;
}

/* Append all of @from to @to, leaving @from empty. */
static void cblist_splice(struct rcu_cblist *to, struct rcu_cblist *from)
{
	if (cblist_empty(from))
		return;
	*to->tail = from->head;
	to->tail = from->tail;
	cblist_init(from);
}

static bool rcu_gp_in_progress(void)
{
	return rcu_state.gp_seq & 1;
}

static void rcu_gp_end(void);

/* rcu_state.lock held.  Start a grace period if callbacks wait for one. */
static void rcu_gp_maybe_start(void)
{
	unsigned int cpu;
	bool needed = false;

	if (rcu_gp_in_progress())
		return;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		needed |= !cblist_empty(&per_cpu(rcu_data, cpu).wait);
	if (!needed)
		return;
	rcu_state.gp_seq++;
	rcu_state.qsmask = 0;
	/* Pairs with the barrier after an eqs flag changes (see the top). */
	smp_mb();
	for_each_online_cpu(cpu) {
		struct rcu_data *rdp = &per_cpu(rcu_data, cpu);

		if (READ_ONCE(rdp->eqs))
			continue;	/* idle: quiescent already */
		rdp->cpu_no_qs = true;
		rcu_state.qsmask |= 1UL << cpu;
	}
	if (!rcu_state.qsmask)
		rcu_gp_end();	/* every CPU was idle */
}

/* rcu_state.lock held.  The last quiescent state came in. */
static void rcu_gp_end(void)
{
	unsigned int cpu;

	rcu_state.gp_seq++;
	rcu_state.completed++;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct rcu_data *rdp = &per_cpu(rcu_data, cpu);

		cblist_splice(&rdp->done, &rdp->wait);
		cblist_splice(&rdp->wait, &rdp->next);
	}
	rcu_gp_maybe_start();
}

/* This CPU passed a quiescent state. */
static void rcu_qs(void)
{
	struct rcu_data *rdp = this_cpu_ptr(&rcu_data);
	unsigned long flags;
	bool invoke = false;

	if (!READ_ONCE(rdp->cpu_no_qs))
		return;
	spin_lock_irqsave(&rcu_state.lock, flags);
	if (rdp->cpu_no_qs && rcu_gp_in_progress()) {
		rdp->cpu_no_qs = false;
		rcu_state.qsmask &= ~(1UL << smp_processor_id());
		if (!rcu_state.qsmask) {
			rcu_gp_end();
			invoke = !cblist_empty(&rdp->done);
		}
	}
	spin_unlock_irqrestore(&rcu_state.lock, flags);
	if (invoke)
		raise_softirq(RCU_SOFTIRQ);
}

/* Called before the run-queue lock is taken: raising a softirq may wake ksoftirqd. */
void rcu_note_context_switch(void)
{
	rcu_qs();
}

/* The idle loop, interrupts off, about to halt. */
void rcu_idle_enter(void)
{
	rcu_qs();
	this_cpu_write(rcu_data.eqs, true);
	smp_mb();
}

/* The idle loop, after the halt: about to schedule. */
void rcu_idle_exit(void)
{
	this_cpu_write(rcu_data.eqs, false);
	smp_mb();
}

/* The outermost interrupt entry. */
void rcu_irq_enter(void)
{
	if (this_cpu_read(rcu_data.eqs)) {
		this_cpu_write(rcu_data.eqs, false);
		this_cpu_write(rcu_data.irq_from_eqs, true);
		smp_mb();
	}
}

/* The outermost interrupt exit, softirqs done: back to idle if it came from there. */
void rcu_irq_exit(void)
{
	if (this_cpu_read(rcu_data.irq_from_eqs)) {
		this_cpu_write(rcu_data.irq_from_eqs, false);
		rcu_qs();	/* the interrupt's readers are over */
		smp_mb();
		this_cpu_write(rcu_data.eqs, true);
	}
}

/* Must this CPU keep its tick while idle?  Yes while it has callbacks. */
bool rcu_needs_cpu(void)
{
	struct rcu_data *rdp = this_cpu_ptr(&rcu_data);

	return !cblist_empty(&rdp->done) || !cblist_empty(&rdp->wait) ||
	       !cblist_empty(&rdp->next);
}

void rcu_sched_clock_irq(int user)
{
	if (user || (current->flags & PF_IDLE))
		rcu_qs();
	if (!cblist_empty(this_cpu_ptr(&rcu_data.done)))
		raise_softirq(RCU_SOFTIRQ);
}

static void rcu_invoke_one(struct rcu_head *h)
{
	unsigned long offset = (unsigned long)h->func;

	if (offset < 4096)
		kfree((void *)h - offset);	/* kfree_rcu */
	else
		h->func(h);
}

/* RCU_SOFTIRQ: run the callbacks whose grace period has ended. */
static void rcu_core(struct softirq_action *unused)
{
	struct rcu_data *rdp = this_cpu_ptr(&rcu_data);
	struct rcu_cblist ready;
	unsigned long flags;

	cblist_init(&ready);
	spin_lock_irqsave(&rcu_state.lock, flags);
	cblist_splice(&ready, &rdp->done);
	spin_unlock_irqrestore(&rcu_state.lock, flags);
	while (ready.head) {
		struct rcu_head *h = ready.head;

		ready.head = h->next;
		rcu_invoke_one(h);
	}
}

/*
 * Queue @func(@head) for after a grace period.  Any context; the
 * callback runs in softirq context and must not sleep.
 */
void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	struct rcu_data *rdp;
	unsigned long flags;

	head->func = func;
	spin_lock_irqsave(&rcu_state.lock, flags);
	rdp = this_cpu_ptr(&rcu_data);
	if (rcu_gp_in_progress()) {
		cblist_enqueue(&rdp->next, head);
	} else {
		cblist_enqueue(&rdp->wait, head);
		rcu_gp_maybe_start();
	}
	spin_unlock_irqrestore(&rcu_state.lock, flags);
}

void __kfree_rcu(struct rcu_head *head, unsigned long offset)
{
	call_rcu(head, (rcu_callback_t)offset);
}

struct rcu_synchronize {
	struct rcu_head head;
	struct completion completion;
};

static void wakeme_after_rcu(struct rcu_head *head)
{
	struct rcu_synchronize *rs = container_of(head, struct rcu_synchronize, head);

	complete(&rs->completion);
}

/*
 * Wait until every read section that had begun when it was called has
 * ended.  Sleeps: process context only, never inside a read section.
 */
void synchronize_rcu(void)
{
	struct rcu_synchronize rs;

	if (preempt_count() & (PREEMPT_MASK | HARDIRQ_MASK | SOFTIRQ_MASK))
		pr_warn_once("synchronize_rcu in atomic context (preempt_count %#x)\n",
			     preempt_count());
	init_completion(&rs.completion);
	call_rcu(&rs.head, wakeme_after_rcu);
	wait_for_completion(&rs.completion);
}

static DEFINE_MUTEX(rcu_barrier_mutex);
static DEFINE_PER_CPU(struct rcu_head, rcu_barrier_head);
static atomic_t rcu_barrier_cpu_count;
static struct completion rcu_barrier_completion;

static void rcu_barrier_callback(struct rcu_head *unused)
{
	if (atomic_dec_and_test(&rcu_barrier_cpu_count))
		complete(&rcu_barrier_completion);
}

/* On each CPU, by IPI: queue the barrier's callback behind the others. */
static void rcu_barrier_func(void *unused)
{
	atomic_inc(&rcu_barrier_cpu_count);
	call_rcu(this_cpu_ptr(&rcu_barrier_head), rcu_barrier_callback);
}

/*
 * Wait for every callback queued so far, on any CPU, to have run.
 * Callbacks run in queue order on their CPU, so one more on each CPU,
 * all waited for, is enough.  The count starts at one so that it cannot
 * reach zero before every CPU has queued its callback.
 */
void rcu_barrier(void)
{
	mutex_lock(&rcu_barrier_mutex);
	init_completion(&rcu_barrier_completion);
	atomic_set(&rcu_barrier_cpu_count, 1);
	on_each_cpu(rcu_barrier_func, NULL, 1);
	if (atomic_dec_and_test(&rcu_barrier_cpu_count))
		complete(&rcu_barrier_completion);
	wait_for_completion(&rcu_barrier_completion);
	mutex_unlock(&rcu_barrier_mutex);
}

void __init rcu_init(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct rcu_data *rdp = &per_cpu(rcu_data, cpu);

		cblist_init(&rdp->done);
		cblist_init(&rdp->wait);
		cblist_init(&rdp->next);
	}
	open_softirq(RCU_SOFTIRQ, rcu_core);
}
