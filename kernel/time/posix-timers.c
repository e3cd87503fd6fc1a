// SPDX-License-Identifier: GPL-2.0
/*
 * The POSIX clock calls: clock_gettime, clock_getres, clock_settime,
 * clock_nanosleep and nanosleep, and the older gettimeofday, time and
 * settimeofday.  CPU-time clocks read the scheduler's runtime counters.
 *
 * Sleeps are hrtimers (kernel/time/hrtimer.c): the sleeper is woken by
 * the clock event interrupt programmed for its deadline, not by the next
 * 4 ms tick, and never before the time asked for (POSIX's promise).
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/uaccess.h>
#include <uapi/linux/time_types.h>

static int clock_read_ns(clockid_t which, u64 *ns)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_TAI:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_BOOTTIME:
		*ns = ktime_get_boottime_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		*ns = thread_group_sched_runtime(current);
		return 0;
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = task_sched_runtime(current);
		return 0;
	default:
		return -EINVAL;
	}
}

static int put_timespec64(u64 ns, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec ts = {
		.tv_sec = ns / NSEC_PER_SEC,
		.tv_nsec = ns % NSEC_PER_SEC,
	};

	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

static int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = kts.tv_nsec;
	return 0;
}

SYSCALL_DEFINE2(clock_gettime, clockid_t, which_clock,
		struct __kernel_timespec __user *, tp)
{
	u64 ns;
	int err = clock_read_ns(which_clock, &ns);

	return err ? err : put_timespec64(ns, tp);
}

SYSCALL_DEFINE2(clock_getres, clockid_t, which_clock,
		struct __kernel_timespec __user *, tp)
{
	u64 ns;
	int err = clock_read_ns(which_clock, &ns);

	if (err)
		return err;
	if (!tp)
		return 0;
	/* The coarse clocks tick; the others read the TSC. */
	ns = (which_clock == CLOCK_REALTIME_COARSE || which_clock == CLOCK_MONOTONIC_COARSE)
	     ? TICK_NSEC : 1;
	return put_timespec64(ns, tp);
}

SYSCALL_DEFINE2(clock_settime, clockid_t, which_clock,
		const struct __kernel_timespec __user *, tp)
{
	struct timespec64 ts;

	if (which_clock != CLOCK_REALTIME)
		return -EINVAL;		/* the others cannot be set */
	if (get_timespec64(&ts, tp))
		return -EFAULT;
	if (!capable(CAP_SYS_TIME))
		return -EPERM;
	return do_settimeofday64(&ts);
}

static long nanosleep_common(clockid_t clock, int flags, const struct timespec64 *t,
			     struct __kernel_timespec __user *rmtp)
{
	enum hrtimer_mode mode = (flags & TIMER_ABSTIME) ? HRTIMER_MODE_ABS : HRTIMER_MODE_REL;
	ktime_t left = 0;
	long ret;

	if (!timespec64_valid(t))
		return -EINVAL;
	ret = hrtimer_nanosleep((ktime_t)timespec64_to_ns(t), mode, clock, &left);
	if (ret == -EINTR && rmtp && !(flags & TIMER_ABSTIME) &&
	    put_timespec64(left, rmtp))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 t;

	if (get_timespec64(&t, rqtp))
		return -EFAULT;
	return nanosleep_common(CLOCK_MONOTONIC, 0, &t, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, clockid_t, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 t;

	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_TAI:
		break;
	case CLOCK_THREAD_CPUTIME_ID:
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		return -EOPNOTSUPP;	/* clocks nobody can sleep on (yet) */
	default:
		return -EINVAL;
	}
	if (get_timespec64(&t, rqtp))
		return -EFAULT;
	return nanosleep_common(which_clock, flags, &t, rmtp);
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		struct __kernel_timezone __user *, tz)
{
	if (tv) {
		u64 ns = ktime_get_real_ns();
		struct __kernel_old_timeval ktv = {
			.tv_sec = ns / NSEC_PER_SEC,
			.tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC,
		};

		if (copy_to_user(tv, &ktv, sizeof(ktv)))
			return -EFAULT;
	}
	if (tz) {
		struct __kernel_timezone ktz = { 0, 0 };

		if (copy_to_user(tz, &ktz, sizeof(ktz)))
			return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE2(settimeofday, struct __kernel_old_timeval __user *, tv,
		struct __kernel_timezone __user *, tz)
{
	struct __kernel_old_timeval ktv;
	struct timespec64 ts;

	if (!tv)
		return 0;
	if (copy_from_user(&ktv, tv, sizeof(ktv)))
		return -EFAULT;
	if (ktv.tv_usec < 0 || ktv.tv_usec >= USEC_PER_SEC)
		return -EINVAL;
	if (!capable(CAP_SYS_TIME))
		return -EPERM;
	ts.tv_sec = ktv.tv_sec;
	ts.tv_nsec = ktv.tv_usec * NSEC_PER_USEC;
	return do_settimeofday64(&ts);
}

SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long t = ktime_get_real_ns() / NSEC_PER_SEC;

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}
