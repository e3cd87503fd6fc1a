// SPDX-License-Identifier: GPL-2.0
/*
 * The tick as an hrtimer, and the tickless idle CPU (NOHZ idle).
 *
 * With a one-shot clock event device the tick is sched_timer, an hrtimer
 * that re-arms itself every TICK_NSEC.  jiffies is derived from
 * CLOCK_MONOTONIC (tick_do_update_jiffies64), so it stays right however
 * many ticks were skipped.
 *
 * When the CPU goes idle, tick_nohz_idle_enter() looks at when anything
 * next needs the CPU: the next hrtimer, the next timer_list timer.  If
 * that is more than a tick away the tick is stopped (or moved to the
 * timer's expiry), so an idle CPU takes no timer interrupts at all:
 * /proc/interrupts' LOC row stops rising.  tick_nohz_idle_exit() restarts
 * it, catching jiffies up and charging the skipped ticks to idle time.
 */
#include <linux/kernel.h>
#include <linux/clockchips.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/tick.h>
#include <linux/timer.h>
#include <asm/irq_regs.h>

struct tick_sched {
	struct hrtimer sched_timer;
	bool tick_stopped;		/* idle with no periodic tick */
	unsigned long idle_jiffies;	/* jiffies when it stopped */
};

/* Per CPU; only its own CPU touches it, with interrupts off. */
static DEFINE_PER_CPU(struct tick_sched, tick_cpu_sched);
/*
 * Every CPU's tick may be the one to step jiffies (whichever gets there
 * first after a tick boundary: there is no single "do_timer" CPU, so an
 * idle CPU 0 with its tick stopped holds nothing up).  jiffies_lock makes
 * the step happen once; the unlocked peek keeps the other CPUs' ticks
 * from queueing on it.
 */
static DEFINE_SPINLOCK(jiffies_lock);
static ktime_t last_jiffies_update;	/* the time jiffies last stepped; lock: jiffies_lock */
static struct clock_event_device *tick_device;

/* Step jiffies for every whole tick since the last step.  Interrupts off. */
static void tick_do_update_jiffies64(ktime_t now)
{
	ktime_t delta;
	u64 ticks;

	if (now - READ_ONCE(last_jiffies_update) < (ktime_t)TICK_NSEC)
		return;
	spin_lock(&jiffies_lock);
	delta = now - last_jiffies_update;
	if (delta < (ktime_t)TICK_NSEC) {
		spin_unlock(&jiffies_lock);
		return;
	}
	ticks = delta / TICK_NSEC;
	WRITE_ONCE(last_jiffies_update, last_jiffies_update + ticks * TICK_NSEC);
	WRITE_ONCE(jiffies_64, jiffies_64 + ticks);
	calc_global_load();
	spin_unlock(&jiffies_lock);
}

static enum hrtimer_restart tick_sched_timer(struct hrtimer *timer)
{
	struct tick_sched *ts = container_of(timer, struct tick_sched, sched_timer);
	struct pt_regs *regs = get_irq_regs();
	ktime_t now = ktime_get();

	tick_do_update_jiffies64(now);
	if (ts->tick_stopped) {
		/* Woken from tickless idle for a timer_list timer: run it only. */
		run_local_timers();
		return HRTIMER_NORESTART;
	}
	update_process_times(regs && user_mode(regs));
	hrtimer_forward(timer, now, TICK_NSEC);
	return HRTIMER_RESTART;
}

void tick_setup_sched_timer(void)
{
	struct tick_sched *ts = this_cpu_ptr(&tick_cpu_sched);

	unsigned long flags;
	ktime_t next;

	hrtimer_init(&ts->sched_timer, CLOCK_MONOTONIC, HRTIMER_MODE_ABS_HARD);
	ts->sched_timer.function = tick_sched_timer;
	/* The boot CPU starts the jiffies clock; the others tick in step with it. */
	spin_lock_irqsave(&jiffies_lock, flags);
	if (!last_jiffies_update)
		last_jiffies_update = ktime_get();
	next = last_jiffies_update + TICK_NSEC;
	spin_unlock_irqrestore(&jiffies_lock, flags);
	hrtimer_start(&ts->sched_timer, next, HRTIMER_MODE_ABS);
}

/* The clock event device: one-shot from now on, its interrupt to hrtimers. */
void clockevents_register_device(struct clock_event_device *dev)
{
	dev->event_handler = hrtimer_interrupt;
	tick_device = dev;
}

struct clock_event_device *tick_get_event_device(void)
{
	return tick_device;
}

bool tick_oneshot_mode_active(void)
{
	return tick_device != NULL;
}

/* Fall back to a periodic tick from elsewhere (the PIT): no one-shot device. */
void tick_switch_to_periodic(void)
{
	struct tick_sched *ts = this_cpu_ptr(&tick_cpu_sched);

	if (tick_device && tick_device->set_state_shutdown)
		tick_device->set_state_shutdown(tick_device);
	tick_device = NULL;
	hrtimer_try_to_cancel(&ts->sched_timer);
}

/* Program the device for @expires, clamped to what it can do. */
int tick_program_event(ktime_t expires)
{
	struct clock_event_device *dev = tick_device;
	ktime_t now, delta;

	if (!dev)
		return -ENODEV;
	if (expires == KTIME_MAX) {
		if (dev->set_state_shutdown)
			dev->set_state_shutdown(dev);
		return 0;
	}
	now = ktime_get();
	delta = expires - now;
	if (delta < (ktime_t)dev->min_delta_ns)
		expires = now + dev->min_delta_ns;
	else if (delta > (ktime_t)dev->max_delta_ns)
		expires = now + dev->max_delta_ns;
	return dev->set_next_ktime(expires, dev);
}

bool tick_nohz_tick_stopped(void)
{
	return this_cpu_ptr(&tick_cpu_sched)->tick_stopped;
}

/* When the timer_list wheel next needs the CPU, or KTIME_MAX. */
static ktime_t next_timer_list_event(void)
{
	unsigned long expires;

	if (!timer_next_expiry(&expires))
		return KTIME_MAX;
	if (time_before_eq(expires, jiffies))
		return 0;
	return READ_ONCE(last_jiffies_update) + (ktime_t)(expires - jiffies) * TICK_NSEC;
}

/* Idle loop, interrupts off, about to halt: stop the tick if nothing needs it. */
void tick_nohz_idle_enter(void)
{
	struct tick_sched *ts = this_cpu_ptr(&tick_cpu_sched);
	ktime_t now, next, next_timer;

	if (!tick_device || need_resched() || local_softirq_pending() || rcu_needs_cpu())
		return;
	now = ktime_get();
	tick_do_update_jiffies64(now);
	next = hrtimer_next_event_without(&ts->sched_timer);
	next_timer = next_timer_list_event();
	if (next_timer < next)
		next = next_timer;
	if (next - now < (ktime_t)TICK_NSEC)
		return;		/* something due within a tick: keep ticking */
	if (!ts->tick_stopped) {
		ts->tick_stopped = true;
		ts->idle_jiffies = jiffies;
	}
	if (next_timer == KTIME_MAX)
		hrtimer_try_to_cancel(&ts->sched_timer);
	else
		hrtimer_start(&ts->sched_timer, next_timer, HRTIMER_MODE_ABS);
}

/* Leaving idle: catch jiffies up, charge the idle ticks, restart the tick. */
void tick_nohz_idle_exit(void)
{
	struct tick_sched *ts = this_cpu_ptr(&tick_cpu_sched);
	unsigned long flags;

	local_irq_save(flags);
	if (ts->tick_stopped) {
		tick_do_update_jiffies64(ktime_get());
		kcpustat_this_cpu->cpustat[CPUTIME_IDLE] +=
			(u64)(jiffies - ts->idle_jiffies) * TICK_NSEC;
		ts->tick_stopped = false;
		hrtimer_start(&ts->sched_timer, READ_ONCE(last_jiffies_update) + TICK_NSEC,
			      HRTIMER_MODE_ABS);
	}
	local_irq_restore(flags);
}
