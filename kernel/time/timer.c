// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers (timer_list): call a function from TIMER_SOFTIRQ once
 * jiffies reaches a timer's expiry.
 *
 * Pending timers live in a hierarchical timer wheel, as on Linux: eight
 * levels of 64 buckets.  Level 0 has one bucket per jiffy (the next 64
 * jiffies); each further level's buckets are 8 times coarser (8, 64,
 * 512 ... jiffies), so the wheel spans days while adding, re-arming or
 * deleting a timer costs a list operation, and a tick only looks at the
 * buckets whose time has come (level n is due every 8^n jiffies).  A
 * timer goes to the finest level whose range holds it, its expiry
 * rounded up to that level's granularity: it never fires early, and
 * fires late by at most 1/8 of its delay.  That suits timeouts, which
 * are mostly deleted before they expire; precise wake-ups are hrtimers'
 * job (long schedule_timeout sleeps use one).  Nothing cascades: a
 * timer stays in its bucket until it runs.
 *
 * A per-level bitmap of non-empty buckets gives the next expiry without
 * walking lists; the tick raises TIMER_SOFTIRQ only when it is due, and
 * the idle code asks it how long the tick may stay off.  Callbacks run
 * in softirq context with the lock dropped; running_timer names the one
 * in progress, so del_timer_sync() can wait for it.
 *
 * There is one wheel for all CPUs (Linux has one per CPU).  Any CPU's
 * tick may raise TIMER_SOFTIRQ, but only one CPU at a time runs the
 * wheel (base->expiring): callbacks of the wheel run one after another,
 * never two at once, which keeps running_timer a single pointer.
 */
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

#define LVL_CLK_SHIFT	3			/* each level 8x coarser */
#define LVL_BITS	6
#define LVL_SIZE	(1UL << LVL_BITS)	/* 64 buckets a level */
#define LVL_MASK	(LVL_SIZE - 1)
#define LVL_DEPTH	8
#define LVL_SHIFT(n)	((n) * LVL_CLK_SHIFT)
#define LVL_GRAN(n)	(1UL << LVL_SHIFT(n))
/* The largest delay the coarsest level takes; longer ones wait there and are re-queued. */
#define WHEEL_MAX_DELTA	((LVL_SIZE - 1) * LVL_GRAN(LVL_DEPTH - 1))

/* The bucket index is kept in the timer's flags, above the caller's flags. */
#define TIMER_ARRAYSHIFT	22
#define TIMER_ARRAYMASK		0xFFC00000

struct timer_base {
	spinlock_t lock;
	unsigned long clk;		/* the next jiffy to process */
	unsigned long next_expiry;	/* earliest bucket time; valid if pending */
	bool pending;			/* any timer queued */
	struct timer_list *running_timer;	/* callback in progress */
	bool expiring;			/* a CPU is in run_timer_softirq */
	u64 bitmap[LVL_DEPTH];		/* non-empty buckets */
	struct list_head vectors[LVL_DEPTH * LVL_SIZE];
};

static struct timer_base timer_base = {
	.lock = __SPIN_LOCK_UNLOCKED(timer_base.lock),
};

static unsigned int timer_idx(const struct timer_list *timer)
{
	return (timer->flags & TIMER_ARRAYMASK) >> TIMER_ARRAYSHIFT;
}

/*
 * The bucket for @expires seen from base->clk, and the jiffy at which the
 * wheel will reach it (@bucket_expiry: @expires rounded up to the level).
 */
static unsigned int calc_wheel_index(struct timer_base *base, unsigned long expires,
				     unsigned long *bucket_expiry)
{
	unsigned long delta = expires - base->clk;
	unsigned int lvl;

	if ((long)delta < 0) {
		/* Already due: the bucket the next run looks at first. */
		*bucket_expiry = base->clk;
		return base->clk & LVL_MASK;
	}
	if (delta > WHEEL_MAX_DELTA)
		expires = base->clk + WHEEL_MAX_DELTA;
	/* Level 0 holds 64 jiffies; level n anything < 63 of its buckets away. */
	if (delta < LVL_SIZE) {
		lvl = 0;
	} else {
		for (lvl = 1; lvl < LVL_DEPTH - 1; lvl++)
			if (delta < LVL_MASK * LVL_GRAN(lvl))
				break;
	}
	expires = (expires + LVL_GRAN(lvl) - 1) >> LVL_SHIFT(lvl);
	*bucket_expiry = expires << LVL_SHIFT(lvl);
	return lvl * LVL_SIZE + (expires & LVL_MASK);
}

/* A wheel idle for a while (no tick ran it) catches up before placing timers. */
static void forward_timer_base(struct timer_base *base)
{
	unsigned long jnow = jiffies;

	if (time_after(jnow, base->clk) &&
	    (!base->pending || time_after(base->next_expiry, jnow)))
		base->clk = jnow;
}

static void enqueue_timer(struct timer_base *base, struct timer_list *timer)
{
	unsigned long bucket_expiry;
	unsigned int idx = calc_wheel_index(base, timer->expires, &bucket_expiry);

	list_add_tail(&timer->entry, &base->vectors[idx]);
	base->bitmap[idx / LVL_SIZE] |= 1ULL << (idx % LVL_SIZE);
	timer->flags = (timer->flags & ~TIMER_ARRAYMASK) | (idx << TIMER_ARRAYSHIFT);
	if (!base->pending || time_before(bucket_expiry, base->next_expiry))
		base->next_expiry = bucket_expiry;
	base->pending = true;
}

static void detach_timer(struct timer_base *base, struct timer_list *timer)
{
	unsigned int idx = timer_idx(timer);

	list_del_init(&timer->entry);
	if (list_empty(&base->vectors[idx]))
		base->bitmap[idx / LVL_SIZE] &= ~(1ULL << (idx % LVL_SIZE));
	/* next_expiry may now be early: harmless, the next run recomputes it. */
}

void add_timer(struct timer_list *timer)
{
	mod_timer(timer, timer->expires);
}
EXPORT_SYMBOL(add_timer);

/* (Re)arm @timer; returns 1 if it was pending. */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct timer_base *base = &timer_base;
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&base->lock, flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		detach_timer(base, timer);
	timer->expires = expires;
	forward_timer_base(base);
	enqueue_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}
EXPORT_SYMBOL(mod_timer);

int del_timer(struct timer_list *timer)
{
	struct timer_base *base = &timer_base;
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&base->lock, flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		detach_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}
EXPORT_SYMBOL(del_timer);

/*
 * Like del_timer, and also wait for a callback in progress to return:
 * afterwards the callback is not running and will not run (unless it
 * re-arms itself, which callers stop first).  Not from the timer's own
 * callback, nor from hard interrupt context.
 */
int del_timer_sync(struct timer_list *timer)
{
	struct timer_base *base = &timer_base;
	int ret;

	for (;;) {
		unsigned long flags;
		bool running;

		ret = del_timer(timer);
		spin_lock_irqsave(&base->lock, flags);
		running = base->running_timer == timer;
		spin_unlock_irqrestore(&base->lock, flags);
		if (!running)
			return ret;
		/*
		 * Another CPU is in the callback (this one is not: callbacks
		 * never sleep and the kernel is not preempted).  From
		 * interrupt context that CPU might be waiting for this one.
		 */
		if (in_interrupt()) {
			pr_warn_once("del_timer_sync from interrupt context\n");
			return ret;
		}
		cpu_relax();
	}
}
EXPORT_SYMBOL(del_timer_sync);

/*
 * The jiffy at which the wheel next reaches a non-empty bucket: per
 * level, the first set bit at or after the level's next due position.
 */
static void recalc_next_expiry(struct timer_base *base)
{
	unsigned long next = 0, clk = base->clk;
	bool any = false;
	unsigned int lvl;

	for (lvl = 0; lvl < LVL_DEPTH; lvl++) {
		u64 map = base->bitmap[lvl];
		unsigned long pos, t;
		unsigned int off;

		if (!map)
			continue;
		/* The level's next due clk: clk rounded up to its granularity. */
		pos = (clk + LVL_GRAN(lvl) - 1) >> LVL_SHIFT(lvl);
		off = pos & LVL_MASK;
		map = (map >> off) | (off ? map << (LVL_SIZE - off) : 0);	/* rotate */
		t = (pos + __builtin_ctzll(map)) << LVL_SHIFT(lvl);
		if (!any || time_before(t, next))
			next = t;
		any = true;
	}
	base->pending = any;
	base->next_expiry = next;
}

/* From the tick, in hard interrupt context: is a bucket due? */
void run_local_timers(void)
{
	struct timer_base *base = &timer_base;
	unsigned long flags;
	bool due;

	spin_lock_irqsave(&base->lock, flags);
	due = base->pending && time_after_eq(jiffies, base->next_expiry);
	spin_unlock_irqrestore(&base->lock, flags);
	if (due)
		raise_softirq(TIMER_SOFTIRQ);
}

/* Move every bucket due at base->clk onto @head.  Lock held. */
static void collect_expired_timers(struct timer_base *base, struct list_head *head)
{
	unsigned long clk = base->clk;
	unsigned int lvl;

	for (lvl = 0; lvl < LVL_DEPTH; lvl++) {
		unsigned int idx = lvl * LVL_SIZE + ((clk >> LVL_SHIFT(lvl)) & LVL_MASK);

		if (base->bitmap[lvl] & (1ULL << (idx % LVL_SIZE))) {
			list_splice_tail_init(&base->vectors[idx], head);
			base->bitmap[lvl] &= ~(1ULL << (idx % LVL_SIZE));
		}
		/* Level n+1 is due only when level n wrapped to its bucket 0. */
		if (clk & (LVL_GRAN(lvl + 1) - 1))
			break;
	}
}

/* TIMER_SOFTIRQ: run every timer whose bucket the wheel has reached. */
static void run_timer_softirq(struct softirq_action *h)
{
	struct timer_base *base = &timer_base;
	unsigned long flags;
	LIST_HEAD(expired);

	spin_lock_irqsave(&base->lock, flags);
	if (base->expiring) {
		/* Another CPU is at it; its loop catches up with jiffies. */
		spin_unlock_irqrestore(&base->lock, flags);
		return;
	}
	base->expiring = true;
	while (time_after_eq(jiffies, base->clk)) {
		/* Nothing due before next_expiry: jump there. */
		if (!base->pending)
			base->clk = jiffies + 1;
		else if (time_before(base->clk, base->next_expiry))
			base->clk = time_before(jiffies, base->next_expiry) ? jiffies + 1
									      : base->next_expiry;
		if (time_after(base->clk, jiffies))
			break;
		collect_expired_timers(base, &expired);
		base->clk++;
		while (!list_empty(&expired)) {
			struct timer_list *t = list_first_entry(&expired, struct timer_list, entry);
			void (*fn)(struct timer_list *) = t->function;

			list_del_init(&t->entry);
			if (time_before(jiffies, t->expires)) {
				/* Parked beyond the wheel's reach: queue it again. */
				enqueue_timer(base, t);
				continue;
			}
			base->running_timer = t;
			spin_unlock_irqrestore(&base->lock, flags);
			fn(t);
			spin_lock_irqsave(&base->lock, flags);
			base->running_timer = NULL;
		}
		recalc_next_expiry(base);
	}
	base->expiring = false;
	spin_unlock_irqrestore(&base->lock, flags);
}

/* The jiffy the wheel next has work at, or false if no timer is pending. */
bool timer_next_expiry(unsigned long *expires)
{
	struct timer_base *base = &timer_base;
	unsigned long flags;
	bool any;

	spin_lock_irqsave(&base->lock, flags);
	any = base->pending;
	if (any)
		*expires = base->next_expiry;
	spin_unlock_irqrestore(&base->lock, flags);
	return any;
}

void __init init_timers(void)
{
	unsigned int i;

	for (i = 0; i < LVL_DEPTH * LVL_SIZE; i++)
		INIT_LIST_HEAD(&timer_base.vectors[i]);
	timer_base.clk = jiffies;
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = from_timer(timeout, t, timer);

	wake_up_process(timeout->task);
}

/*
 * Sleep until @timeout jiffies pass or someone wakes us, in the state the
 * caller set.  Returns the jiffies left (0 when the time ran out).
 *
 * Short timeouts (level 0 of the wheel, under 64 jiffies) are wheel
 * timers, exact to the jiffy.  Longer ones would be rounded up to their
 * level's granularity (1/8 late), and callers here compute timeouts from
 * deadlines (poll, futex, sigtimedwait), so those sleep on an hrtimer.
 */
long schedule_timeout(long timeout)
{
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = timeout + jiffies;
	if (timeout < (long)LVL_SIZE) {
		struct process_timer timer;

		timer.task = current;
		timer_setup(&timer.timer, process_timeout, 0);
		mod_timer(&timer.timer, expire);
		schedule();
		del_timer_sync(&timer.timer);
	} else {
		struct hrtimer_sleeper t;

		hrtimer_init_sleeper(&t, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
		hrtimer_start(&t.timer, (ktime_t)timeout * TICK_NSEC, HRTIMER_MODE_REL_HARD);
		schedule();
		hrtimer_cancel(&t.timer);
		if (!READ_ONCE(t.task))
			return 0;	/* the time ran out (jiffies may lag the hrtimer) */
	}
	timeout = expire - jiffies;
	return timeout < 0 ? 0 : timeout;
}
EXPORT_SYMBOL(schedule_timeout);

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_interruptible);

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_uninterruptible);

/*
 * msleep: a coarse kernel sleep, so a wheel timer as on Linux (a jiffy
 * more than asked, never less), leaving hrtimers to precise sleepers.
 */
void msleep(unsigned int msecs)
{
	unsigned long expire = jiffies + msecs_to_jiffies(msecs) + 1;
	struct process_timer timer;

	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	while (time_before(jiffies, expire)) {
		__set_current_state(TASK_UNINTERRUPTIBLE);
		mod_timer(&timer.timer, expire);
		schedule();
		del_timer_sync(&timer.timer);
	}
	__set_current_state(TASK_RUNNING);
}
EXPORT_SYMBOL(msleep);
