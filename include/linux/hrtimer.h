/* SPDX-License-Identifier: GPL-2.0 */
/*
 * High-resolution timers: call a function at a time given in
 * nanoseconds, programmed into the clock event device one-shot, so a
 * timer fires when asked instead of at the next 4 ms tick.  nanosleep,
 * itimers, POSIX timers, timerfd and the tick itself are built on them.
 *
 * A timer expires between its soft expiry (the time asked for) and its
 * hard expiry (soft + the task's timer slack): the device is programmed
 * for the earliest hard expiry, and each interrupt runs every timer whose
 * soft expiry has passed, so nearby timers share one interrupt.
 * HRTIMER_MODE_SOFT timers run from HRTIMER_SOFTIRQ; the others in the
 * hard interrupt, where the callback must be short and must not sleep.
 */
#ifndef _LINUX_HRTIMER_H
#define _LINUX_HRTIMER_H

#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/types.h>

struct task_struct;
struct clock_event_device;

enum hrtimer_restart {
	HRTIMER_NORESTART,
	HRTIMER_RESTART,
};

enum hrtimer_mode {
	HRTIMER_MODE_ABS	= 0x00,
	HRTIMER_MODE_REL	= 0x01,
	HRTIMER_MODE_PINNED	= 0x02,
	HRTIMER_MODE_SOFT	= 0x04,
	HRTIMER_MODE_HARD	= 0x08,
	HRTIMER_MODE_ABS_SOFT	= HRTIMER_MODE_ABS | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_SOFT	= HRTIMER_MODE_REL | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_ABS_HARD	= HRTIMER_MODE_ABS | HRTIMER_MODE_HARD,
	HRTIMER_MODE_REL_HARD	= HRTIMER_MODE_REL | HRTIMER_MODE_HARD,
};

#define HRTIMER_STATE_INACTIVE	0x00
#define HRTIMER_STATE_ENQUEUED	0x01

struct hrtimer_cpu_base;

struct hrtimer {
	struct list_head node;		/* by hard expiry; lock: base->lock */
	struct hrtimer_cpu_base *base;	/* the CPU queue it is (or was last) on */
	ktime_t _softexpires;		/* CLOCK_MONOTONIC */
	ktime_t expires;		/* _softexpires + slack */
	enum hrtimer_restart (*function)(struct hrtimer *);
	clockid_t clockid;		/* the clock the caller's times are in */
	u8 state;
	bool is_soft;
	bool running;			/* callback in progress */
	bool abs_real;			/* absolute wall-clock time: follows clock_settime */
};

struct hrtimer_sleeper {
	struct hrtimer timer;
	struct task_struct *task;	/* NULL once the timer woke it */
};

void hrtimer_init(struct hrtimer *timer, clockid_t clock_id, enum hrtimer_mode mode);
void hrtimer_init_sleeper(struct hrtimer_sleeper *sl, clockid_t clock_id,
			  enum hrtimer_mode mode);
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 delta_ns,
			    enum hrtimer_mode mode);
static inline void hrtimer_start(struct hrtimer *timer, ktime_t tim,
				 enum hrtimer_mode mode)
{
	hrtimer_start_range_ns(timer, tim, 0, mode);
}
int hrtimer_try_to_cancel(struct hrtimer *timer);
int hrtimer_cancel(struct hrtimer *timer);
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval);
ktime_t hrtimer_get_remaining(const struct hrtimer *timer);
bool hrtimer_active(const struct hrtimer *timer);
void hrtimer_sleeper_start_expires(struct hrtimer_sleeper *sl, enum hrtimer_mode mode);

static inline bool hrtimer_is_queued(const struct hrtimer *timer)
{
	return timer->state & HRTIMER_STATE_ENQUEUED;
}

static inline ktime_t hrtimer_get_expires(const struct hrtimer *timer)
{
	return timer->_softexpires;
}

static inline void hrtimer_set_expires_range_ns(struct hrtimer *timer, ktime_t t, u64 delta)
{
	timer->_softexpires = t;
	timer->expires = t + (s64)delta;
}

/* Internal: between the hrtimer core, the tick and the clock event code. */
void hrtimer_interrupt(struct clock_event_device *dev);
void hrtimer_run_queues(void);
ktime_t hrtimer_next_event_without(const struct hrtimer *exclude);
ktime_t hrtimer_clock_offset(clockid_t clock);
void hrtimers_init(void);
void clock_was_set_hrtimers(s64 delta);
long hrtimer_nanosleep(ktime_t rqtp, enum hrtimer_mode mode, clockid_t clockid,
		       ktime_t *left);

#endif
