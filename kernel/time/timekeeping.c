// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's clocks.  CLOCK_MONOTONIC is nanoseconds since boot from
 * the TSC (sched_clock); CLOCK_REALTIME is that plus the wall-clock time
 * of boot, read from the RTC and adjustable with settimeofday.
 */
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/init.h>
#include <linux/sched/clock.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <asm/vdso.h>
#include <linux/timerfd.h>

s64 read_persistent_clock(void);

static s64 boot_offset_ns;	/* realtime - monotonic; lock: tk_lock */
static DEFINE_SPINLOCK(tk_lock);

u64 ktime_get_ns(void)
{
	return sched_clock();
}
EXPORT_SYMBOL(ktime_get_ns);

u64 ktime_get_boottime_ns(void)
{
	return sched_clock();
}
EXPORT_SYMBOL(ktime_get_boottime_ns);

u64 ktime_get_real_ns(void)
{
	return ktime_get_ns() + READ_ONCE(boot_offset_ns);
}
EXPORT_SYMBOL(ktime_get_real_ns);

/* CLOCK_REALTIME - CLOCK_MONOTONIC, for hrtimers on the wall clock. */
s64 ktime_get_real_offset(void)
{
	return READ_ONCE(boot_offset_ns);
}

int do_settimeofday64(const struct timespec64 *ts)
{
	unsigned long flags;
	s64 old;

	if (!timespec64_valid(ts))
		return -EINVAL;
	spin_lock_irqsave(&tk_lock, flags);
	old = boot_offset_ns;
	WRITE_ONCE(boot_offset_ns, (s64)timespec64_to_ns(ts) - (s64)ktime_get_ns());
	update_vsyscall(boot_offset_ns);	/* the vDSO's copy */
	spin_unlock_irqrestore(&tk_lock, flags);
	clock_was_set_hrtimers(boot_offset_ns - old);
	timerfd_clock_was_set();
	return 0;
}

void __init timekeeping_init(void)
{
	s64 sec = read_persistent_clock();

	boot_offset_ns = sec * NSEC_PER_SEC - (s64)ktime_get_ns();
	update_vsyscall(boot_offset_ns);
	pr_info("clock: wall time from the RTC: %lld seconds since 1970\n", sec);
}
