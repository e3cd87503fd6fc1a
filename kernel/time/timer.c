// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers (timer_list) and sleeping for a while.
 *
 * Pending timers are kept in one list sorted by expiry, so the tick only
 * looks at the head: fine for the handful of timers a small system has
 * pending at once (timeouts, the kmsg poll).  The tick raises
 * TIMER_SOFTIRQ when the head is due; run_timer_softirq calls the
 * callbacks in softirq context (interrupts on, no sleeping), with the
 * list lock dropped.  base->running_timer names the callback in
 * progress, so del_timer_sync() can wait for it to finish.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

static LIST_HEAD(timer_head);
static DEFINE_SPINLOCK(timer_lock);	/* guards timer_head, running_timer, every entry */
static struct timer_list *running_timer;	/* callback in progress; lock: timer_lock */

static void __add_timer(struct timer_list *timer)
{
	struct timer_list *t;

	list_for_each_entry(t, &timer_head, entry) {
		if (time_before(timer->expires, t->expires)) {
			list_add_tail(&timer->entry, &t->entry);
			return;
		}
	}
	list_add_tail(&timer->entry, &timer_head);
}

void add_timer(struct timer_list *timer)
{
	mod_timer(timer, timer->expires);
}

/* (Re)arm @timer; returns 1 if it was pending. */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		list_del_init(&timer->entry);
	timer->expires = expires;
	__add_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		list_del_init(&timer->entry);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

/*
 * Like del_timer, and also wait for a callback in progress to return:
 * afterwards the callback is not running and will not run (unless it
 * re-arms itself, which callers stop first).  Not from the timer's own
 * callback, nor from hard interrupt context.
 */
int del_timer_sync(struct timer_list *timer)
{
	int ret;

	for (;;) {
		unsigned long flags;
		bool running;

		ret = del_timer(timer);
		spin_lock_irqsave(&timer_lock, flags);
		running = running_timer == timer;
		spin_unlock_irqrestore(&timer_lock, flags);
		if (!running)
			return ret;
		/* On one CPU it can only be running under us if we preempted it. */
		if (in_interrupt()) {
			pr_warn_once("del_timer_sync from interrupt context\n");
			return ret;
		}
		schedule();
	}
}

/* From the tick, in hard interrupt context: is a timer due? */
void run_local_timers(void)
{
	struct timer_list *t;
	unsigned long flags;
	bool due = false;

	spin_lock_irqsave(&timer_lock, flags);
	if (!list_empty(&timer_head)) {
		t = list_first_entry(&timer_head, struct timer_list, entry);
		due = time_after_eq(jiffies, t->expires);
	}
	spin_unlock_irqrestore(&timer_lock, flags);
	if (due)
		raise_softirq(TIMER_SOFTIRQ);
}

/* TIMER_SOFTIRQ: run every timer whose time has come. */
static void run_timer_softirq(struct softirq_action *h)
{
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	while (!list_empty(&timer_head)) {
		struct timer_list *t = list_first_entry(&timer_head, struct timer_list, entry);
		void (*fn)(struct timer_list *) = t->function;

		if (time_before(jiffies, t->expires))
			break;
		list_del_init(&t->entry);
		running_timer = t;
		spin_unlock_irqrestore(&timer_lock, flags);
		fn(t);
		spin_lock_irqsave(&timer_lock, flags);
		running_timer = NULL;
	}
	spin_unlock_irqrestore(&timer_lock, flags);
}

/* The earliest pending expiry in jiffies, or false if none is pending. */
bool timer_next_expiry(unsigned long *expires)
{
	unsigned long flags;
	bool any;

	spin_lock_irqsave(&timer_lock, flags);
	any = !list_empty(&timer_head);
	if (any)
		*expires = list_first_entry(&timer_head, struct timer_list, entry)->expires;
	spin_unlock_irqrestore(&timer_lock, flags);
	return any;
}

void __init init_timers(void)
{
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
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
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
	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	mod_timer(&timer.timer, expire);
	schedule();
	del_timer_sync(&timer.timer);
	timeout = expire - jiffies;
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
