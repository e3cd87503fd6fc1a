// SPDX-License-Identifier: GPL-2.0
/*
 * High-resolution timers (see <linux/hrtimer.h> for the model).
 *
 * Each CPU keeps its pending hrtimers in one list sorted by hard expiry,
 * in CLOCK_MONOTONIC nanoseconds (times on other clocks are converted
 * when the timer is started).  Whenever the head changes, the clock event
 * device (the local APIC timer) is programmed one-shot for it; its
 * interrupt lands in hrtimer_interrupt, which runs the expired hard
 * timers, raises HRTIMER_SOFTIRQ for the expired soft ones, and programs
 * the device for whatever is next.  The periodic tick is itself an
 * hrtimer (kernel/time/tick-sched.c), which is what lets an idle CPU
 * stop it.  Without a one-shot device (the PIT fallback) the periodic
 * tick runs the queues instead: hrtimers then have tick resolution.
 *
 * A sorted list is Linux's timerqueue (a red-black tree) simplified: a
 * CPU has a few pending hrtimers, not thousands.
 *
 * A timer belongs to the queue of the CPU that last started it
 * (timer->base): starting it again from another CPU moves it there, since
 * only its own CPU can program a local APIC.  Whoever touches a timer
 * locks the base it names and re-checks that it still names it
 * (lock_hrtimer_base), as the timer may be moving.  A timer whose
 * callback is running stays where it is until the callback returns, so
 * hrtimer_cancel() knows which CPU to wait for.
 */
#include <linux/kernel.h>
#include <linux/clockchips.h>
#include <linux/hrtimer.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <asm/smp.h>
#include <uapi/linux/time_types.h>

struct hrtimer_cpu_base {
	spinlock_t lock;		/* guards everything below and every queued timer */
	struct list_head active;	/* by hard expiry */
	struct hrtimer *running;	/* callback in progress */
	bool softirq_activated;		/* expired soft timers wait for the softirq */
	ktime_t expires_next;		/* what the device is programmed for */
};

static DEFINE_PER_CPU(struct hrtimer_cpu_base, hrtimer_bases);

/* clock - CLOCK_MONOTONIC, for converting absolute times. */
ktime_t hrtimer_clock_offset(clockid_t clock)
{
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:
		return ktime_get_real_offset();
	default:
		return 0;	/* MONOTONIC, BOOTTIME (no suspend, so equal) */
	}
}

void hrtimer_init(struct hrtimer *timer, clockid_t clock_id, enum hrtimer_mode mode)
{
	INIT_LIST_HEAD(&timer->node);
	timer->_softexpires = timer->expires = 0;
	timer->function = NULL;
	timer->clockid = clock_id;
	timer->state = HRTIMER_STATE_INACTIVE;
	timer->is_soft = mode & HRTIMER_MODE_SOFT;
	timer->running = false;
	timer->abs_real = false;
	timer->base = this_cpu_ptr(&hrtimer_bases);
}
EXPORT_SYMBOL(hrtimer_init);

/* Lock the base @timer is on, following it if it moves meanwhile. */
static struct hrtimer_cpu_base *lock_hrtimer_base(struct hrtimer *timer,
						  unsigned long *flags)
{
	for (;;) {
		struct hrtimer_cpu_base *base = READ_ONCE(timer->base);

		if (unlikely(!base)) {	/* zeroed, never hrtimer_init()ed: adopt it */
			WRITE_ONCE(timer->base, this_cpu_ptr(&hrtimer_bases));
			continue;
		}
		spin_lock_irqsave(&base->lock, *flags);
		if (likely(base == timer->base))
			return base;
		spin_unlock_irqrestore(&base->lock, *flags);
	}
}

/*
 * Called with base->lock held: program the device for the next event.
 * Only the local device can be programmed; a remote CPU whose first timer
 * went away takes a harmless early interrupt, and one whose queue got an
 * earlier timer is running that timer's callback, after which it
 * reprograms itself (only a running timer is ever queued remotely).
 */
static void hrtimer_reprogram(struct hrtimer_cpu_base *base)
{
	struct hrtimer *timer;
	ktime_t next = KTIME_MAX;

	lockdep_assert_held(&base->lock);
	if (base != this_cpu_ptr(&hrtimer_bases))
		return;

	list_for_each_entry(timer, &base->active, node) {
		if (timer->is_soft && base->softirq_activated)
			continue;
		next = timer->expires;
		break;
	}
	if (next == base->expires_next || !tick_oneshot_mode_active())
		return;
	base->expires_next = next;
	tick_program_event(next);
}

static void enqueue_hrtimer(struct hrtimer_cpu_base *base, struct hrtimer *timer)
{
	struct hrtimer *t;

	list_for_each_entry(t, &base->active, node) {
		if (timer->expires < t->expires) {
			list_add_tail(&timer->node, &t->node);
			goto queued;
		}
	}
	list_add_tail(&timer->node, &base->active);
queued:
	timer->state = HRTIMER_STATE_ENQUEUED;
}

static bool remove_hrtimer(struct hrtimer *timer)
{
	if (!hrtimer_is_queued(timer))
		return false;
	list_del_init(&timer->node);
	timer->state = HRTIMER_STATE_INACTIVE;
	return true;
}

/*
 * (Re)start @timer to expire at @tim (on the timer's clock if absolute,
 * from now if relative), any time up to @delta_ns later.
 */
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 delta_ns,
			    enum hrtimer_mode mode)
{
	struct hrtimer_cpu_base *base, *new_base = this_cpu_ptr(&hrtimer_bases);
	unsigned long flags;

	ktime_t offset = hrtimer_clock_offset(timer->clockid);

	if (mode & HRTIMER_MODE_REL)
		tim = ktime_get() + tim;
	else
		tim -= offset;
	base = lock_hrtimer_base(timer, &flags);
	/* A time on the wall clock moves when the wall clock is set. */
	timer->abs_real = !(mode & HRTIMER_MODE_REL) && offset;
	remove_hrtimer(timer);
	if (base != new_base && base->running != timer) {
		/* Move to this CPU, whose device we can program. */
		WRITE_ONCE(timer->base, new_base);
		spin_unlock(&base->lock);
		base = new_base;
		spin_lock(&base->lock);
	}
	hrtimer_set_expires_range_ns(timer, tim, delta_ns);
	if (timer->expires < timer->_softexpires)	/* overflowed */
		timer->expires = KTIME_MAX;
	enqueue_hrtimer(base, timer);
	hrtimer_reprogram(base);
	spin_unlock_irqrestore(&base->lock, flags);
}
EXPORT_SYMBOL(hrtimer_start_range_ns);

/* 1: was queued and is now not; 0: was not queued; -1: callback running. */
int hrtimer_try_to_cancel(struct hrtimer *timer)
{
	struct hrtimer_cpu_base *base;
	unsigned long flags;
	int ret;

	base = lock_hrtimer_base(timer, &flags);
	if (base->running == timer) {
		ret = -1;
	} else {
		ret = remove_hrtimer(timer);
		if (ret)
			hrtimer_reprogram(base);
	}
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}
EXPORT_SYMBOL(hrtimer_try_to_cancel);

/*
 * Cancel and wait for a callback in progress.  Not from the callback
 * itself.  The callback runs on another CPU (this one is here, not in
 * it: callbacks never sleep and the kernel is not preempted), and is
 * short, so spinning is the right wait.
 */
int hrtimer_cancel(struct hrtimer *timer)
{
	for (;;) {
		int ret = hrtimer_try_to_cancel(timer);

		if (ret >= 0)
			return ret;
		cpu_relax();
	}
}
EXPORT_SYMBOL(hrtimer_cancel);

bool hrtimer_active(const struct hrtimer *timer)
{
	return hrtimer_is_queued(timer) || READ_ONCE(timer->running);
}
EXPORT_SYMBOL(hrtimer_active);

/* Time left until the soft expiry (negative if past). */
ktime_t hrtimer_get_remaining(const struct hrtimer *timer)
{
	return timer->_softexpires - ktime_get();
}

/*
 * Move an expired periodic timer's expiry forward by whole @intervals
 * past @now; returns how many intervals were skipped (the overrun + 1).
 */
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval)
{
	ktime_t delta = now - timer->_softexpires, slack;
	u64 orun = 1;

	if (delta < 0 || interval <= 0)
		return 0;
	slack = timer->expires - timer->_softexpires;
	if (delta >= interval) {
		orun = delta / interval;
		timer->_softexpires += orun * interval;
		if (timer->_softexpires > now)
			return orun;
		orun++;
	}
	timer->_softexpires += interval;
	timer->expires = timer->_softexpires + slack;
	return orun;
}
EXPORT_SYMBOL(hrtimer_forward);

/* Called with base->lock held; drops it around the callback. */
static void __run_hrtimer(struct hrtimer_cpu_base *base, struct hrtimer *timer,
			  unsigned long *flags)
{
	enum hrtimer_restart (*fn)(struct hrtimer *) = timer->function;
	enum hrtimer_restart restart;

	lockdep_assert_held(&base->lock);
	remove_hrtimer(timer);
	base->running = timer;
	timer->running = true;
	spin_unlock_irqrestore(&base->lock, *flags);
	restart = fn(timer);
	spin_lock_irqsave(&base->lock, *flags);
	if (restart == HRTIMER_RESTART && !hrtimer_is_queued(timer))
		enqueue_hrtimer(base, timer);
	timer->running = false;
	base->running = NULL;
}

/* Run every timer of the given kind whose soft expiry has passed. */
static void __hrtimer_run_queues(struct hrtimer_cpu_base *base, ktime_t now,
				 bool soft, unsigned long *flags)
{
	struct hrtimer *timer;

restart:
	list_for_each_entry(timer, &base->active, node) {
		if (timer->_softexpires > now)
			continue;
		if (timer->is_soft != soft) {
			if (timer->is_soft && !base->softirq_activated) {
				base->softirq_activated = true;
				raise_softirq_irqoff(HRTIMER_SOFTIRQ);
			}
			continue;
		}
		__run_hrtimer(base, timer, flags);
		goto restart;	/* the list changed while unlocked */
	}
}

/* The clock event device's interrupt, in one-shot mode. */
void hrtimer_interrupt(struct clock_event_device *dev)
{
	struct hrtimer_cpu_base *base = this_cpu_ptr(&hrtimer_bases);
	unsigned long flags;

	spin_lock_irqsave(&base->lock, flags);
	base->expires_next = KTIME_MAX;
	__hrtimer_run_queues(base, ktime_get(), false, &flags);
	hrtimer_reprogram(base);
	spin_unlock_irqrestore(&base->lock, flags);
}

/* Low-resolution mode: the periodic tick runs the queues. */
void hrtimer_run_queues(void)
{
	struct hrtimer_cpu_base *base = this_cpu_ptr(&hrtimer_bases);
	unsigned long flags;

	spin_lock_irqsave(&base->lock, flags);
	__hrtimer_run_queues(base, ktime_get(), false, &flags);
	spin_unlock_irqrestore(&base->lock, flags);
}

static void hrtimer_run_softirq(struct softirq_action *h)
{
	struct hrtimer_cpu_base *base = this_cpu_ptr(&hrtimer_bases);
	unsigned long flags;

	spin_lock_irqsave(&base->lock, flags);
	base->softirq_activated = false;
	__hrtimer_run_queues(base, ktime_get(), true, &flags);
	base->expires_next = KTIME_MAX;	/* force: soft timers count again */
	hrtimer_reprogram(base);
	spin_unlock_irqrestore(&base->lock, flags);
}

/* The earliest hard expiry of any timer but @exclude (the tick), for NOHZ. */
ktime_t hrtimer_next_event_without(const struct hrtimer *exclude)
{
	struct hrtimer_cpu_base *base = this_cpu_ptr(&hrtimer_bases);
	struct hrtimer *timer;
	ktime_t next = KTIME_MAX;
	unsigned long flags;

	spin_lock_irqsave(&base->lock, flags);
	list_for_each_entry(timer, &base->active, node) {
		if (timer != exclude) {
			next = timer->expires;
			break;
		}
	}
	spin_unlock_irqrestore(&base->lock, flags);
	return next;
}

static enum hrtimer_restart hrtimer_wakeup(struct hrtimer *timer)
{
	struct hrtimer_sleeper *t = container_of(timer, struct hrtimer_sleeper, timer);
	struct task_struct *task = t->task;

	WRITE_ONCE(t->task, NULL);
	if (task)
		wake_up_process(task);
	return HRTIMER_NORESTART;
}

static u64 current_timer_slack_ns(void)
{
	return current->policy == SCHED_FIFO || current->policy == SCHED_RR ?
	       0 : current->timer_slack_ns;
}

void hrtimer_init_sleeper(struct hrtimer_sleeper *sl, clockid_t clock_id,
			  enum hrtimer_mode mode)
{
	hrtimer_init(&sl->timer, clock_id, mode);
	sl->timer.function = hrtimer_wakeup;
	sl->task = current;
}

/*
 * Sleep until @rqtp (relative, or absolute on @clockid).  Returns 0, or
 * -EINTR with the time left in *@left when a signal ends the sleep.
 * The task's timer slack (prctl PR_SET_TIMERSLACK, 50 us by default, 0
 * for real-time tasks) lets the wake-up come that much late, so nearby
 * sleepers share one interrupt.
 */
long hrtimer_nanosleep(ktime_t rqtp, enum hrtimer_mode mode, clockid_t clockid,
		       ktime_t *left)
{
	struct hrtimer_sleeper t;

	hrtimer_init_sleeper(&t, clockid, mode | HRTIMER_MODE_HARD);
	set_current_state(TASK_INTERRUPTIBLE);
	hrtimer_start_range_ns(&t.timer, rqtp, current_timer_slack_ns(), mode);
	while (READ_ONCE(t.task) && !signal_pending(current)) {
		schedule();
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	hrtimer_cancel(&t.timer);
	if (!t.task)
		return 0;
	*left = hrtimer_get_remaining(&t.timer);
	if (*left < 0)
		*left = 0;
	return -EINTR;
}

/*
 * CLOCK_REALTIME was set, moving it by @delta ns against CLOCK_MONOTONIC:
 * timers for an absolute wall-clock time now fall due @delta earlier (a
 * timer for 12:00 fires at 12:00 by the new clock, as POSIX asks);
 * relative ones keep their monotonic expiry.
 */
void clock_was_set_hrtimers(s64 delta)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct hrtimer_cpu_base *base = per_cpu_ptr(&hrtimer_bases, cpu);
		struct hrtimer *timer, *next;
		unsigned long flags;
		LIST_HEAD(moved);

		spin_lock_irqsave(&base->lock, flags);
		list_for_each_entry_safe(timer, next, &base->active, node) {
			if (!timer->abs_real)
				continue;
			list_move_tail(&timer->node, &moved);
			/* Saturating: a timer at KTIME_MAX ("never") stays there. */
			if (delta < 0 && timer->expires > KTIME_MAX + delta) {
				timer->_softexpires = timer->expires = KTIME_MAX;
				continue;
			}
			timer->_softexpires -= delta;
			timer->expires -= delta;
		}
		while (!list_empty(&moved)) {
			timer = list_first_entry(&moved, struct hrtimer, node);
			list_del_init(&timer->node);
			enqueue_hrtimer(base, timer);
		}
		if ((int)cpu == (int)smp_processor_id())
			hrtimer_reprogram(base);
		spin_unlock_irqrestore(&base->lock, flags);
	}
}

void __init hrtimers_init(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct hrtimer_cpu_base *base = per_cpu_ptr(&hrtimer_bases, cpu);

		spin_lock_init(&base->lock);
		INIT_LIST_HEAD(&base->active);
		base->expires_next = KTIME_MAX;
	}
	open_softirq(HRTIMER_SOFTIRQ, hrtimer_run_softirq);
}
