// SPDX-License-Identifier: GPL-2.0
/*
 * Self-tests of timer_list timers, their wheel, and hrtimers (ktest=timer,hrtimer):
 * a timer fires once, not before its expiry, in the context its kind
 * promises (timer_list: softirq; hrtimer: hard interrupt, or softirq in
 * HRTIMER_MODE_SOFT); deleting or cancelling one leaves nothing to fire;
 * a self-re-arming one is stopped by the _sync forms.  (On one CPU a
 * callback cannot be running while process code calls del_timer_sync;
 * the wait for it matters on SMP.)
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/ktest.h>
#include <linux/sched.h>
#include <linux/timer.h>

struct test_timer {
	struct timer_list timer;
	int fired;
	unsigned long fired_at;
	bool in_softirq;
	bool rearm;
};

static void test_timer_fn(struct timer_list *t)
{
	struct test_timer *tt = from_timer(tt, t, timer);

	tt->fired++;
	tt->fired_at = jiffies;
	tt->in_softirq = in_serving_softirq() && !in_hardirq();
	if (tt->rearm)
		mod_timer(&tt->timer, jiffies + 1);
}

static int ktest_timer_list(void)
{
	static struct test_timer a, b;
	unsigned long start;
	bool ok = true;

	timer_setup(&a.timer, test_timer_fn, 0);
	timer_setup(&b.timer, test_timer_fn, 0);

	start = jiffies;
	ok &= KTEST_EXPECT(mod_timer(&a.timer, start + 5) == 0);
	ok &= KTEST_EXPECT(mod_timer(&b.timer, start + 5) == 0);
	ok &= KTEST_EXPECT(mod_timer(&b.timer, start + 8) == 1);	/* was pending */
	ok &= KTEST_EXPECT(timer_pending(&a.timer));
	msleep(100);
	ok &= KTEST_EXPECT(a.fired == 1 && b.fired == 1);
	ok &= KTEST_EXPECT(time_after_eq(a.fired_at, start + 5));
	ok &= KTEST_EXPECT(time_after_eq(b.fired_at, start + 8));
	ok &= KTEST_EXPECT(a.in_softirq && !timer_pending(&a.timer));
	pr_info("ktest: timer: timer_list for 5 jiffies fired once after %lu, in %s context\n",
		a.fired_at - start, a.in_softirq ? "softirq" : "other");

	/* Deleted before it expires: never fires. */
	mod_timer(&a.timer, jiffies + 3);
	ok &= KTEST_EXPECT(del_timer(&a.timer) == 1);
	ok &= KTEST_EXPECT(del_timer(&a.timer) == 0);
	msleep(40);
	ok &= KTEST_EXPECT(a.fired == 1);

	/* A timer that re-arms itself: del_timer_sync stops it for good. */
	b.rearm = true;
	mod_timer(&b.timer, jiffies + 1);
	msleep(40);
	ok &= KTEST_EXPECT(b.fired > 2);
	b.rearm = false;
	del_timer_sync(&b.timer);
	b.fired = 0;
	msleep(20);
	ok &= KTEST_EXPECT(b.fired == 0 && !timer_pending(&b.timer));
	return ok ? 0 : -EINVAL;
}

/*
 * The wheel: timers spread over levels 0-2 each fire once, never early
 * and at most 1/8 of their delay (plus tick and scheduling noise) late; one
 * beyond the wheel's reach and ones deleted in every level never fire.
 */
#define WHEEL_TIMERS	48

static struct wheel_timer {
	struct timer_list timer;
	unsigned long want;
	int fired;
	unsigned long fired_at;
	bool deleted;
} wheel[WHEEL_TIMERS], wheel_far;

static void wheel_fn(struct timer_list *t)
{
	struct wheel_timer *w = from_timer(w, t, timer);

	w->fired++;
	w->fired_at = jiffies;
}

static int ktest_timer_wheel(void)
{
	unsigned long start = jiffies, worst = 0;
	bool ok = true;
	int i;

	for (i = 0; i < WHEEL_TIMERS; i++) {
		/* 1 .. ~190 jiffies: levels 0, 1 and 2 (64 and 504 jiffies apart). */
		unsigned long delay = 1 + (unsigned long)i * i / 12;

		timer_setup(&wheel[i].timer, wheel_fn, 0);
		wheel[i].fired = 0;
		wheel[i].deleted = false;
		wheel[i].want = start + delay;
		mod_timer(&wheel[i].timer, wheel[i].want);
	}
	timer_setup(&wheel_far.timer, wheel_fn, 0);
	mod_timer(&wheel_far.timer, start + 50UL * 365 * 24 * 3600 * HZ);	/* past the wheel */
	/*
	 * Every third one deleted again, from whichever level it is in.  A
	 * one-jiffy timer may already have fired if the (emulated) CPU was
	 * held up since it was set: then del_timer must say so, and it must
	 * be due.
	 */
	for (i = 0; i < WHEEL_TIMERS; i += 3) {
		wheel[i].deleted = del_timer_sync(&wheel[i].timer) == 1;
		if (!wheel[i].deleted)
			ok &= KTEST_EXPECT(wheel[i].fired == 1 &&
					   time_after_eq(jiffies, wheel[i].want));
	}
	msleep(jiffies_to_msecs(190 + 190 / 8 + 10));
	for (i = 0; i < WHEEL_TIMERS; i++) {
		struct wheel_timer *w = &wheel[i];
		unsigned long delay = w->want - start;

		if (w->deleted) {
			ok &= KTEST_EXPECT(w->fired == 0);
			continue;
		}
		ok &= KTEST_EXPECT(w->fired == 1);
		ok &= KTEST_EXPECT(time_after_eq(w->fired_at, w->want));
		/*
		 * The wheel's rounding (1/8) plus a jiffy, and scheduling noise:
		 * an emulated CPU on a loaded host runs late by some jiffies.
		 * A timer in the wrong level or bucket would be far later.
		 */
		ok &= KTEST_EXPECT(w->fired_at - w->want <= delay / 8 + 2 + HZ / 10);
		if (w->fired && w->fired_at - w->want > worst)
			worst = w->fired_at - w->want;
	}
	ok &= KTEST_EXPECT(wheel_far.fired == 0 && timer_pending(&wheel_far.timer));
	ok &= KTEST_EXPECT(del_timer(&wheel_far.timer) == 1);
	pr_info("ktest: timer: wheel: %d timers up to %lu jiffies, at most %lu jiffies late\n",
		WHEEL_TIMERS - (WHEEL_TIMERS + 2) / 3, wheel[WHEEL_TIMERS - 1].want - start, worst);
	return ok ? 0 : -EINVAL;
}

static int ktest_timer(void)
{
	int ret = ktest_timer_list();

	return ret ? ret : ktest_timer_wheel();
}
DEFINE_KTEST(timer, ktest_timer);

struct test_hrtimer {
	struct hrtimer timer;
	int fired;
	ktime_t fired_at;
	unsigned int count;	/* preempt_count in the callback */
	int periods;		/* > 0: re-arm that many more times */
	ktime_t period;
};

static enum hrtimer_restart test_hrtimer_fn(struct hrtimer *t)
{
	struct test_hrtimer *th = container_of(t, struct test_hrtimer, timer);

	th->fired++;
	th->fired_at = ktime_get();
	th->count = preempt_count();
	if (th->periods > 0) {
		th->periods--;
		hrtimer_forward(t, th->fired_at, th->period);
		return HRTIMER_RESTART;
	}
	return HRTIMER_NORESTART;
}

static void wait_fired(struct test_hrtimer *th, int n)
{
	unsigned long timeout = jiffies + HZ;

	while (READ_ONCE(th->fired) < n && time_before(jiffies, timeout))
		msleep(1);
}

static int ktest_hrtimer(void)
{
	static struct test_hrtimer hard, soft, per;
	ktime_t start, late;
	bool ok = true;

	hrtimer_init(&hard.timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	hard.timer.function = test_hrtimer_fn;
	start = ktime_get();
	hrtimer_start(&hard.timer, ms_to_ktime(2), HRTIMER_MODE_REL_HARD);
	wait_fired(&hard, 1);
	late = hard.fired_at - start - ms_to_ktime(2);
	ok &= KTEST_EXPECT(hard.fired == 1 && late >= 0);
	ok &= KTEST_EXPECT(hard.count & HARDIRQ_MASK);
	pr_info("ktest: hrtimer: 2 ms hrtimer fired %lld us late, in %s context\n",
		late / 1000, (hard.count & HARDIRQ_MASK) ? "hardirq" : "other");

	hrtimer_init(&soft.timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	soft.timer.function = test_hrtimer_fn;
	start = ktime_get();
	hrtimer_start(&soft.timer, ms_to_ktime(1), HRTIMER_MODE_REL_SOFT);
	wait_fired(&soft, 1);
	ok &= KTEST_EXPECT(soft.fired == 1 && soft.fired_at - start >= ms_to_ktime(1));
	ok &= KTEST_EXPECT((soft.count & SOFTIRQ_OFFSET) && !(soft.count & HARDIRQ_MASK));
	pr_info("ktest: hrtimer: soft hrtimer fired in %s context\n",
		(soft.count & SOFTIRQ_OFFSET) ? "softirq" : "other");

	/* Cancelled while pending: never fires. */
	hrtimer_start(&hard.timer, ms_to_ktime(5), HRTIMER_MODE_REL_HARD);
	ok &= KTEST_EXPECT(hrtimer_is_queued(&hard.timer));
	ok &= KTEST_EXPECT(hrtimer_cancel(&hard.timer) == 1);
	ok &= KTEST_EXPECT(hrtimer_cancel(&hard.timer) == 0);
	msleep(20);
	ok &= KTEST_EXPECT(hard.fired == 1);

	/* Periodic through hrtimer_forward: 5 firings 1 ms apart. */
	hrtimer_init(&per.timer, CLOCK_MONOTONIC, HRTIMER_MODE_ABS_HARD);
	per.timer.function = test_hrtimer_fn;
	per.periods = 4;
	per.period = ms_to_ktime(1);
	start = ktime_get();
	hrtimer_start(&per.timer, start + ms_to_ktime(1), HRTIMER_MODE_ABS_HARD);
	wait_fired(&per, 5);
	ok &= KTEST_EXPECT(per.fired == 5 && per.fired_at - start >= ms_to_ktime(5));
	ok &= KTEST_EXPECT(!hrtimer_active(&per.timer));
	return ok ? 0 : -EINVAL;
}
DEFINE_KTEST(hrtimer, ktest_hrtimer);
