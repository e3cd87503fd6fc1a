/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Timers: call a function once, from TIMER_SOFTIRQ, when jiffies reaches
 * "expires" (rounded up by the timer wheel to 1/8 of the delay at most).
 * The callback runs in softirq context: it must not sleep.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/jiffies.h>

struct timer_list {
	struct list_head entry;		/* in its timer wheel bucket */
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;			/* the caller's, and the bucket index (timer.c) */
};

#define MAX_SCHEDULE_TIMEOUT	LONG_MAX

static inline void timer_setup(struct timer_list *timer,
			       void (*func)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->flags = flags;
	timer->expires = 0;
}

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

static inline int timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
#define timer_delete(t)		del_timer(t)
#define timer_delete_sync(t)	del_timer_sync(t)
void run_local_timers(void);
bool timer_next_expiry(unsigned long *expires);
void init_timers(void);
void msleep(unsigned int msecs);

#endif
