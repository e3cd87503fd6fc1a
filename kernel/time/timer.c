// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers and sleeping for a while.
 *
 * Pending timers are kept in one list sorted by expiry, so the tick only
 * looks at the head.  Insertion walks the list: fine for the handful of
 * timers a small system has pending at once (sleepers, alarms); a timer
 * wheel is the scalable form of the same idea.  Callbacks run from the
 * tick with interrupts off and the list lock dropped.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

static LIST_HEAD(timer_head);
static DEFINE_SPINLOCK(timer_lock);	/* guards timer_head and every timer's entry */

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

/* From the tick: run every timer whose time has come. */
void run_local_timers(void)
{
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	while (!list_empty(&timer_head)) {
		struct timer_list *t = list_first_entry(&timer_head, struct timer_list, entry);

		if (time_before(jiffies, t->expires))
			break;
		list_del_init(&t->entry);
		spin_unlock(&timer_lock);
		t->function(t);
		spin_lock(&timer_lock);
	}
	spin_unlock_irqrestore(&timer_lock, flags);
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
	del_timer(&timer.timer);
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
