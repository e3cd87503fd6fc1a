// SPDX-License-Identifier: GPL-2.0
/*
 * Interval timers: alarm(2), setitimer(2), getitimer(2).
 *
 * Each process has three.  ITIMER_REAL counts wall-clock time and sends
 * SIGALRM when it expires; it is an hrtimer in the process's
 * signal_struct, so it fires when asked rather than at the next tick,
 * and re-arms itself from the hard interrupt with its interval.
 * ITIMER_VIRTUAL (user CPU time, SIGVTALRM) and ITIMER_PROF (user +
 * system, SIGPROF) count down the CPU time the process uses; the tick
 * charges that time, so they are decremented and fired from there
 * (run_posix_cpu_timers in posix-cpu-timers.c) with tick resolution.
 */
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/posix-timers.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <uapi/linux/time_types.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

/* The shortest period ITIMER_REAL re-arms with: no interrupt storm. */
#define IT_REAL_MIN_INCR	(100 * NSEC_PER_USEC)

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

/* Hard interrupt: SIGALRM to the process, and the next period. */
enum hrtimer_restart it_real_fn(struct hrtimer *timer)
{
	struct signal_struct *sig = container_of(timer, struct signal_struct, real_timer);
	siginfo_t info;
	ktime_t incr = sig->it_real_incr;

	memset(&info, 0, sizeof(info));
	info.si_signo = SIGALRM;
	info.si_code = SI_KERNEL;
	group_send_sig_info(SIGALRM, &info, sig->real_timer_task);
	if (!incr)
		return HRTIMER_NORESTART;
	hrtimer_forward(timer, ktime_get(), max_t(ktime_t, incr, IT_REAL_MIN_INCR));
	return HRTIMER_RESTART;
}

/* The last thread of the process is exiting: the timers must not outlive it. */
void exit_itimers(struct signal_struct *sig)
{
	hrtimer_cancel(&sig->real_timer);
	sig->it_real_incr = 0;
	exit_posix_timers(sig);
}

/*
 * execve, after de_thread: POSIX timers go with the old program; the
 * itimers stay, and SIGALRM now goes to @tsk, which may have taken over
 * the process's ID from a leader that no longer exists.
 */
void exec_itimers(struct task_struct *tsk)
{
	exit_posix_timers(tsk->signal);
	spin_lock_irq(&tsk->sighand->siglock);
	if (tsk->signal->real_timer_task)
		tsk->signal->real_timer_task = tsk;
	spin_unlock_irq(&tsk->sighand->siglock);
}

static void get_real(struct signal_struct *sig, struct __kernel_old_itimerval *v)
{
	ktime_t left = 0;

	if (hrtimer_active(&sig->real_timer)) {
		left = hrtimer_get_remaining(&sig->real_timer);
		if (left <= 0)
			left = 1;	/* due now: report the smallest non-zero time */
	}
	v->it_value = ns_to_timeval(left);
	v->it_interval = ns_to_timeval(sig->it_real_incr);
}

static int do_getitimer(int which, struct __kernel_old_itimerval *v)
{
	struct signal_struct *sig = current->signal;
	int ret = 0;

	spin_lock_irq(&current->sighand->siglock);
	switch (which) {
	case ITIMER_REAL:
		get_real(sig, v);
		break;
	case ITIMER_VIRTUAL:
		v->it_value = ns_to_timeval(sig->it_virt_value);
		v->it_interval = ns_to_timeval(sig->it_virt_incr);
		break;
	case ITIMER_PROF:
		v->it_value = ns_to_timeval(sig->it_prof_value);
		v->it_interval = ns_to_timeval(sig->it_prof_incr);
		break;
	default:
		ret = -EINVAL;
	}
	spin_unlock_irq(&current->sighand->siglock);
	return ret;
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
	/*
	 * CPU time is charged a tick at a time: add one, as Linux does, so a
	 * timer never fires before the process used what was asked.
	 */
	if (which != ITIMER_REAL && value)
		value += TICK_NSEC;
	switch (which) {
	case ITIMER_REAL:
		/* Cancelled outside siglock: its callback takes siglock to signal. */
		hrtimer_cancel(&sig->real_timer);
		sig->it_real_incr = incr;
		sig->real_timer_task = current->group_leader;
		if (value)
			hrtimer_start(&sig->real_timer, value, HRTIMER_MODE_REL);
		return 0;
	case ITIMER_VIRTUAL:
		spin_lock_irq(&current->sighand->siglock);
		sig->it_virt_value = value;
		sig->it_virt_incr = incr;
		spin_unlock_irq(&current->sighand->siglock);
		return 0;
	default:	/* ITIMER_PROF: do_getitimer rejected the rest */
		spin_lock_irq(&current->sighand->siglock);
		sig->it_prof_value = value;
		sig->it_prof_incr = incr;
		spin_unlock_irq(&current->sighand->siglock);
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
