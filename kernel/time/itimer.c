// SPDX-License-Identifier: GPL-2.0
/*
 * Interval timers: alarm(2), setitimer(2), getitimer(2).
 *
 * ITIMER_REAL counts wall-clock time and sends SIGALRM to the process
 * when it expires, then re-arms itself with the interval if there is
 * one.  It is a timer_list in the process's signal_struct, so it has
 * jiffy resolution (1/HZ) and fires in the timer interrupt, where the
 * callback may only queue the signal.  ITIMER_VIRTUAL and ITIMER_PROF
 * (user and user+system CPU time) keep and report their values but do
 * not fire yet: that needs CPU-time accounting at every tick.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <uapi/linux/time_types.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

struct __kernel_old_itimerval {
	struct __kernel_old_timeval it_interval;
	struct __kernel_old_timeval it_value;
};

static u64 timeval_to_ns(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

static struct __kernel_old_timeval ns_to_timeval(u64 ns)
{
	/* Round up: a timer that is still armed never reads as zero. */
	u64 us = (ns + NSEC_PER_USEC - 1) / NSEC_PER_USEC;
	struct __kernel_old_timeval tv = {
		.tv_sec = us / USEC_PER_SEC,
		.tv_usec = us % USEC_PER_SEC,
	};

	return tv;
}

static unsigned long ns_to_jiffies(u64 ns)
{
	return (ns + TICK_NSEC - 1) / TICK_NSEC;
}

/* Timer interrupt: SIGALRM to the process, and the next period. */
void it_real_fn(struct timer_list *timer)
{
	struct signal_struct *sig = from_timer(sig, timer, real_timer);
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = SIGALRM;
	info.si_code = SI_KERNEL;
	group_send_sig_info(SIGALRM, &info, sig->real_timer_task);
	if (sig->it_real_incr)
		mod_timer(&sig->real_timer, jiffies + sig->it_real_incr);
}

/* The last thread of the process is exiting: the timer must not outlive it. */
void exit_itimers(struct signal_struct *sig)
{
	del_timer_sync(&sig->real_timer);
	sig->it_real_incr = 0;
}

static void get_real(struct signal_struct *sig, struct __kernel_old_itimerval *v)
{
	long left = 0;

	if (timer_pending(&sig->real_timer)) {
		left = (long)(sig->real_timer.expires - jiffies);
		if (left <= 0)
			left = 1;	/* due now: report the smallest non-zero time */
	}
	v->it_value = ns_to_timeval((u64)left * TICK_NSEC);
	v->it_interval = ns_to_timeval((u64)sig->it_real_incr * TICK_NSEC);
}

static int do_getitimer(int which, struct __kernel_old_itimerval *v)
{
	struct signal_struct *sig = current->signal;

	switch (which) {
	case ITIMER_REAL:
		spin_lock_irq(&current->sighand->siglock);
		get_real(sig, v);
		spin_unlock_irq(&current->sighand->siglock);
		return 0;
	case ITIMER_VIRTUAL:
		v->it_value = ns_to_timeval(sig->it_virt_value);
		v->it_interval = ns_to_timeval(sig->it_virt_incr);
		return 0;
	case ITIMER_PROF:
		v->it_value = ns_to_timeval(sig->it_prof_value);
		v->it_interval = ns_to_timeval(sig->it_prof_incr);
		return 0;
	default:
		return -EINVAL;
	}
}

static bool timeval_valid(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < USEC_PER_SEC;
}

static int do_setitimer(int which, const struct __kernel_old_itimerval *v,
			struct __kernel_old_itimerval *old)
{
	struct signal_struct *sig = current->signal;
	u64 value = timeval_to_ns(&v->it_value), incr = timeval_to_ns(&v->it_interval);
	int ret = do_getitimer(which, old);

	if (ret)
		return ret;
	switch (which) {
	case ITIMER_REAL:
		spin_lock_irq(&current->sighand->siglock);
		del_timer(&sig->real_timer);
		sig->it_real_incr = ns_to_jiffies(incr);
		sig->real_timer_task = current->group_leader;
		if (value)
			mod_timer(&sig->real_timer, jiffies + ns_to_jiffies(value));
		spin_unlock_irq(&current->sighand->siglock);
		return 0;
	case ITIMER_VIRTUAL:
		sig->it_virt_value = value;
		sig->it_virt_incr = incr;
		return 0;
	default:	/* ITIMER_PROF: do_getitimer rejected the rest */
		sig->it_prof_value = value;
		sig->it_prof_incr = incr;
		return 0;
	}
}

SYSCALL_DEFINE2(getitimer, int, which, struct __kernel_old_itimerval __user *, value)
{
	struct __kernel_old_itimerval v;
	int ret = do_getitimer(which, &v);

	if (!ret && copy_to_user(value, &v, sizeof(v)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE3(setitimer, int, which, struct __kernel_old_itimerval __user *, value,
		struct __kernel_old_itimerval __user *, ovalue)
{
	struct __kernel_old_itimerval v, old;
	int ret;

	/* A NULL value disarms, as Linux has long (if reluctantly) accepted. */
	if (value) {
		if (copy_from_user(&v, value, sizeof(v)))
			return -EFAULT;
		if (!timeval_valid(&v.it_value) || !timeval_valid(&v.it_interval))
			return -EINVAL;
	} else {
		memset(&v, 0, sizeof(v));
	}
	ret = do_setitimer(which, &v, &old);
	if (!ret && ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return ret;
}

/* alarm(2): ITIMER_REAL in whole seconds; returns the seconds that were left. */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct __kernel_old_itimerval v = { .it_value = { .tv_sec = seconds } }, old;

	do_setitimer(ITIMER_REAL, &v, &old);
	/* Rounded to the nearest second, but never 0 while still armed. */
	if ((!old.it_value.tv_sec && old.it_value.tv_usec) || old.it_value.tv_usec >= 500000)
		old.it_value.tv_sec++;
	return old.it_value.tv_sec;
}
