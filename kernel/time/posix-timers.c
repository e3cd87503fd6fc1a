// SPDX-License-Identifier: GPL-2.0
/*
 * The POSIX clock calls: clock_gettime, clock_getres, clock_settime,
 * clock_nanosleep and nanosleep, and the older gettimeofday, time and
 * settimeofday.  CPU-time clocks read the scheduler's runtime counters.
 *
 * Sleeps are hrtimers (kernel/time/hrtimer.c): the sleeper is woken by
 * the clock event interrupt programmed for its deadline, not by the next
 * 4 ms tick, and never before the time asked for (POSIX's promise).
 *
 * POSIX interval timers (timer_create & co., at the end) belong to a
 * process and are numbered from 0 within it.  When one expires it sends
 * its signal (SIGEV_SIGNAL to the process, SIGEV_THREAD_ID to one thread,
 * SIGEV_NONE: nothing, only timer_gettime shows it ran) carrying
 * si_code SI_TIMER and the timer's ID.  While that signal waits to be
 * taken, further expiries are not queued but counted: the count goes
 * into si_overrun when the signal is dequeued and timer_getoverrun
 * returns it afterwards.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/mutex.h>
#include <linux/posix-timers.h>
#include <linux/slab.h>
#include <linux/time_namespace.h>
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
	case CLOCK_REALTIME_ALARM:	/* the alarm clocks read as their base clocks */
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_BOOTTIME_ALARM:
		*ns = ktime_get_boottime_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		*ns = thread_group_sched_runtime(current);
		return 0;
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = task_sched_runtime(current);
		return 0;
	default:
		/* Another task's CPU clock (clock_getcpuclockid), or nothing. */
		return which < 0 ? posix_cpu_clock_get(which, ns) : -EINVAL;
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

	if (err)
		return err;
	/* As the caller's time namespace sees it (the vDSO adds the same). */
	return put_timespec64(ns + timens_clock_offset(which_clock), tp);
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
	if (!timespec64_valid(&ts))
		return -EINVAL;		/* before the right to set, as Linux */
	if (!capable(CAP_SYS_TIME))
		return -EPERM;
	return do_settimeofday64(&ts);
}

static long nanosleep_common(clockid_t clock, int flags, const struct timespec64 *t,
			     struct __kernel_timespec __user *rmtp)
{
	enum hrtimer_mode mode = (flags & TIMER_ABSTIME) ? HRTIMER_MODE_ABS : HRTIMER_MODE_REL;
	ktime_t left = 0, tim;
	long ret;

	if (!timespec64_valid(t))
		return -EINVAL;
	tim = timespec64_to_ns(t);
	/* A deadline on the namespace's clock, as the host's clock will reach it. */
	if (flags & TIMER_ABSTIME)
		tim = timens_ktime_to_host(clock, tim);
	ret = hrtimer_nanosleep(tim, mode, clock, &left);
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
	case CLOCK_PROCESS_CPUTIME_ID:
		goto cpu_clock;
	case CLOCK_THREAD_CPUTIME_ID:	/* (musl answers EINVAL itself) */
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		return -EOPNOTSUPP;	/* Linux has no timers on these */
	default:
		if (which_clock < 0)
			goto cpu_clock;
		return -EINVAL;
	}
	if (get_timespec64(&t, rqtp))
		return -EFAULT;
	return nanosleep_common(which_clock, flags, &t, rmtp);

cpu_clock:
	if (get_timespec64(&t, rqtp))
		return -EFAULT;
	if (!timespec64_valid(&t))
		return -EINVAL;
	{
		ktime_t left = 0;
		long ret = posix_cpu_nsleep(which_clock, flags, timespec64_to_ns(&t), &left);

		if (ret == -EINTR && rmtp && !(flags & TIMER_ABSTIME) &&
		    put_timespec64(left, rmtp))
			return -EFAULT;
		return ret;
	}
}

/*
 * The kernel's idea of the time zone: only what settimeofday stored, for
 * programs that still ask gettimeofday (the clock itself is always UTC).
 */
static struct __kernel_timezone sys_tz;

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
		struct __kernel_timezone ktz = READ_ONCE(sys_tz);

		if (copy_to_user(tz, &ktz, sizeof(ktz)))
			return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE2(settimeofday, struct __kernel_old_timeval __user *, tv,
		struct __kernel_timezone __user *, tz)
{
	struct __kernel_old_timeval ktv;
	struct __kernel_timezone ktz;
	struct timespec64 ts;

	/* As Linux: the arguments are checked before the caller's right to set. */
	if (tv) {
		if (copy_from_user(&ktv, tv, sizeof(ktv)))
			return -EFAULT;
		if (ktv.tv_usec < 0 || ktv.tv_usec >= USEC_PER_SEC || ktv.tv_sec < 0)
			return -EINVAL;
	}
	if (tz && copy_from_user(&ktz, tz, sizeof(ktz)))
		return -EFAULT;
	if ((tv || tz) && !capable(CAP_SYS_TIME))
		return -EPERM;
	if (tz) {
		if (ktz.tz_minuteswest > 15 * 60 || ktz.tz_minuteswest < -15 * 60)
			return -EINVAL;
		WRITE_ONCE(sys_tz, ktz);
	}
	if (!tv)
		return 0;
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

/* ---- POSIX interval timers ---------------------------------------------- */

/* Serialises the timer calls of all processes against timer_delete. */
static DEFINE_MUTEX(posix_timers_mutex);

bool posix_clock_is_cpu(clockid_t clock)
{
	return clock == CLOCK_PROCESS_CPUTIME_ID || clock == CLOCK_THREAD_CPUTIME_ID ||
	       clock < 0;
}

/*
 * The timer expired (@missed more periods passed unseen): signal, or
 * count an overrun if its last signal is still queued.  Returns true if
 * a signal was queued (a periodic hrtimer then waits for it to be taken
 * before re-arming, so a tiny interval cannot flood the CPU).
 */
bool posix_timer_fire(struct k_itimer *timr, int missed)
{
	siginfo_t info;
	unsigned long flags;
	int sent = 0;

	if (timr->it_sigev_notify != SIGEV_NONE) {
		memset(&info, 0, sizeof(info));
		info.si_signo = timr->it_sigev_signo;
		info.si_code = SI_TIMER;
		info.f._sifields._timer._tid = timr->it_id;
		info.f._sifields._timer._sigval = timr->it_sigev_value;
		sent = send_timer_signal(&info, timr->it_task, timr->it_group);
	}
	spin_lock_irqsave(&timr->it_lock, flags);
	if (sent == -EBUSY)
		missed++;		/* its last signal is still queued */
	if (timr->it_overrun > INT_MAX - missed)
		timr->it_overrun = INT_MAX;	/* DELAYTIMER_MAX */
	else
		timr->it_overrun += missed;
	if (sent == 1 && timr->it_interval)
		timr->it_requeue_pending = true;
	spin_unlock_irqrestore(&timr->it_lock, flags);
	return sent == 1;
}

static enum hrtimer_restart posix_timer_fn(struct hrtimer *t)
{
	struct k_itimer *timr = container_of(t, struct k_itimer, timer);
	ktime_t now;

	if (posix_timer_fire(timr, 0) || !timr->it_interval)
		return HRTIMER_NORESTART;	/* re-armed when the signal is taken */
	/*
	 * Nothing queued (SIGEV_NONE, an ignored signal): keep running, but
	 * at most once a tick, as Linux does, so nobody sees a storm.
	 */
	now = ktime_get();
	if (timr->it_interval < (ktime_t)TICK_NSEC)
		now += TICK_NSEC;
	hrtimer_forward(t, now, timr->it_interval);
	return HRTIMER_RESTART;
}

/* Find timer @id of the current process.  siglock held. */
static struct k_itimer *__lock_timer(timer_t id)
{
	struct k_itimer *timr;

	list_for_each_entry(timr, &current->signal->posix_timers, list)
		if (timr->it_id == id)
			return timr;
	return NULL;
}

static struct k_itimer *find_timer(timer_t id)
{
	struct k_itimer *timr;

	spin_lock_irq(&current->sighand->siglock);
	timr = __lock_timer(id);
	spin_unlock_irq(&current->sighand->siglock);
	return timr;
}

/*
 * The timer's signal was dequeued (siglock held, by the taking thread of
 * the same process): hand it the overruns gathered since it was queued.
 */
void posixtimer_dequeued(siginfo_t *info)
{
	struct k_itimer *timr;

	list_for_each_entry(timr, &current->signal->posix_timers, list) {
		if (timr->it_id != info->f._sifields._timer._tid)
			continue;
		spin_lock(&timr->it_lock);
		if (timr->it_requeue_pending && !posix_clock_is_cpu(timr->it_clock)) {
			/* Re-arm now, counting the periods that passed meanwhile. */
			u64 n = hrtimer_forward(&timr->timer, ktime_get(), timr->it_interval);

			timr->it_overrun += n > INT_MAX ? INT_MAX : (int)n - 1;
			if (timr->it_overrun < 0)
				timr->it_overrun = INT_MAX;
			hrtimer_start(&timr->timer, hrtimer_get_expires(&timr->timer) +
				      hrtimer_clock_offset(timr->timer.clockid), HRTIMER_MODE_ABS);
		}
		timr->it_requeue_pending = false;
		timr->it_overrun_last = timr->it_overrun;
		timr->it_overrun = 0;
		spin_unlock(&timr->it_lock);
		info->f._sifields._timer._overrun = timr->it_overrun_last;
		return;
	}
}

/* The target of the timer's notification, a reference taken; ERR_PTR. */
static struct task_struct *good_sigevent(const struct sigevent *ev, bool *group)
{
	struct task_struct *t = current->group_leader;

	*group = true;
	if (ev->sigev_notify & SIGEV_THREAD_ID) {
		t = find_task_by_vpid(ev->_sigev_un._tid);
		if (!t || t->tgid != current->tgid || t->exit_state)
			return ERR_PTR(-EINVAL);
		*group = false;
	}
	switch (ev->sigev_notify & ~SIGEV_THREAD_ID) {
	case SIGEV_SIGNAL:
	case SIGEV_THREAD:
		if (ev->sigev_signo <= 0 || ev->sigev_signo > _NSIG)
			return ERR_PTR(-EINVAL);
		break;
	case SIGEV_NONE:
		if (ev->sigev_notify & SIGEV_THREAD_ID)
			return ERR_PTR(-EINVAL);
		break;
	default:
		return ERR_PTR(-EINVAL);
	}
	get_task_struct(t);
	return t;
}

static int timer_clock_valid(clockid_t clock)
{
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_TAI:
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		return 0;
	case CLOCK_REALTIME_ALARM:
	case CLOCK_BOOTTIME_ALARM:
		/* No suspend to wake from: they run as their plain clocks. */
		return capable(CAP_WAKE_ALARM) ? 0 : -EPERM;
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		return -EOPNOTSUPP;
	default:
		return clock < 0 ? posix_cpu_clock_valid(clock) : -EINVAL;
	}
}

static clockid_t hrtimer_clock_of(clockid_t clock)
{
	if (clock == CLOCK_REALTIME_ALARM)
		return CLOCK_REALTIME;
	if (clock == CLOCK_BOOTTIME_ALARM)
		return CLOCK_BOOTTIME;
	return clock;
}

SYSCALL_DEFINE3(timer_create, clockid_t, which_clock,
		struct sigevent __user *, timer_event_spec,
		timer_t __user *, created_timer_id)
{
	struct signal_struct *sig = current->signal;
	struct k_itimer *timr;
	struct sigevent ev;
	int ret;

	ret = timer_clock_valid(which_clock);
	if (ret)
		return ret;
	if (timer_event_spec && copy_from_user(&ev, timer_event_spec, sizeof(ev)))
		return -EFAULT;
	timr = kzalloc(sizeof(*timr), GFP_KERNEL);
	if (!timr)
		return -ENOMEM;
	spin_lock_init(&timr->it_lock);
	INIT_LIST_HEAD(&timr->cpu_entry);
	timr->it_clock = which_clock;

	mutex_lock(&posix_timers_mutex);
	spin_lock_irq(&current->sighand->siglock);
	timr->it_id = sig->next_posix_timer_id;
	/* IDs are ints that wrap; skip one still in use. */
	while (__lock_timer(timr->it_id))
		timr->it_id = (timr->it_id + 1) & INT_MAX;
	sig->next_posix_timer_id = (timr->it_id + 1) & INT_MAX;
	spin_unlock_irq(&current->sighand->siglock);

	if (timer_event_spec) {
		timr->it_task = good_sigevent(&ev, &timr->it_group);
		if (IS_ERR(timr->it_task)) {
			ret = PTR_ERR(timr->it_task);
			goto out_free;
		}
		timr->it_sigev_notify = ev.sigev_notify & ~SIGEV_THREAD_ID;
		timr->it_sigev_signo = ev.sigev_signo;
		timr->it_sigev_value = ev.sigev_value;
	} else {
		/* No sigevent: SIGALRM to the process, carrying the timer's ID. */
		timr->it_task = current->group_leader;
		get_task_struct(timr->it_task);
		timr->it_group = true;
		timr->it_sigev_notify = SIGEV_SIGNAL;
		timr->it_sigev_signo = SIGALRM;
		timr->it_sigev_value.sival_int = timr->it_id;
	}
	if (posix_clock_is_cpu(which_clock)) {
		ret = posix_cpu_timer_init(timr);
		if (ret)
			goto out_put;
	} else {
		hrtimer_init(&timr->timer, hrtimer_clock_of(which_clock), HRTIMER_MODE_ABS);
		timr->timer.function = posix_timer_fn;
	}
	if (put_user(timr->it_id, created_timer_id)) {
		ret = -EFAULT;
		goto out_cpu;
	}
	spin_lock_irq(&current->sighand->siglock);
	list_add_tail(&timr->list, &sig->posix_timers);
	spin_unlock_irq(&current->sighand->siglock);
	mutex_unlock(&posix_timers_mutex);
	return 0;

out_cpu:
	if (timr->cpu_task)
		put_task_struct(timr->cpu_task);
out_put:
	put_task_struct(timr->it_task);
out_free:
	mutex_unlock(&posix_timers_mutex);
	kfree(timr);
	return ret;
}

static ktime_t ts_to_ktime(const struct __kernel_timespec *ts)
{
	if (ts->tv_sec >= KTIME_MAX / NSEC_PER_SEC)
		return KTIME_MAX;
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

static void ktime_to_ts(ktime_t t, struct __kernel_timespec *ts)
{
	ts->tv_sec = t / NSEC_PER_SEC;
	ts->tv_nsec = t % NSEC_PER_SEC;
}

static void common_timer_get(struct k_itimer *timr, struct __kernel_itimerspec *cur)
{
	ktime_t left = 0;

	memset(cur, 0, sizeof(*cur));
	ktime_to_ts(timr->it_interval, &cur->it_interval);
	if (posix_clock_is_cpu(timr->it_clock)) {
		if (timr->cpu_armed) {
			u64 now = posix_cpu_timer_now(timr);

			left = timr->cpu_expires > now ? timr->cpu_expires - now : 1;
		}
	} else if (hrtimer_active(&timr->timer)) {
		left = hrtimer_get_remaining(&timr->timer);
		/* Due but not yet run: still armed, so never report 0. */
		if (left <= 0)
			left = 1;
	}
	ktime_to_ts(left, &cur->it_value);
}

static void common_timer_del(struct k_itimer *timr)
{
	if (posix_clock_is_cpu(timr->it_clock))
		posix_cpu_timer_disarm(timr);
	else
		hrtimer_cancel(&timr->timer);
}

static int common_timer_set(struct k_itimer *timr, int flags,
			    const struct __kernel_itimerspec *new)
{
	ktime_t value = ts_to_ktime(&new->it_value);
	unsigned long irqflags;

	common_timer_del(timr);
	spin_lock_irqsave(&timr->it_lock, irqflags);
	timr->it_overrun = 0;
	timr->it_overrun_last = 0;
	timr->it_requeue_pending = false;
	spin_unlock_irqrestore(&timr->it_lock, irqflags);
	timr->it_interval = value ? ts_to_ktime(&new->it_interval) : 0;
	if (!value)
		return 0;		/* disarmed */
	if (posix_clock_is_cpu(timr->it_clock)) {
		u64 now = posix_cpu_timer_now(timr);

		if (!(flags & TIMER_ABSTIME))
			value = value > (ktime_t)(U64_MAX / 2 - now) ? KTIME_MAX : now + value;
		posix_cpu_timer_arm(timr, value);
		return 0;
	}
	if (!(flags & TIMER_ABSTIME) && value > KTIME_MAX / 2)
		value = KTIME_MAX / 2;	/* centuries: never, without overflowing */
	if (flags & TIMER_ABSTIME)
		value = timens_ktime_to_host(timr->it_clock, value);
	/*
	 * A relative time counts elapsed time even on the wall clock: it must
	 * not move when the clock is set, so it runs on CLOCK_MONOTONIC (as
	 * Linux); an absolute one stays on its clock and follows it.
	 */
	hrtimer_init(&timr->timer, (flags & TIMER_ABSTIME) ? hrtimer_clock_of(timr->it_clock)
							   : CLOCK_MONOTONIC, HRTIMER_MODE_ABS);
	timr->timer.function = posix_timer_fn;
	hrtimer_start(&timr->timer, value,
		      (flags & TIMER_ABSTIME) ? HRTIMER_MODE_ABS : HRTIMER_MODE_REL);
	return 0;
}

static bool itimerspec_ok(const struct __kernel_itimerspec *v)
{
	return v->it_value.tv_sec >= 0 && v->it_value.tv_nsec >= 0 &&
	       v->it_value.tv_nsec < NSEC_PER_SEC && v->it_interval.tv_sec >= 0 &&
	       v->it_interval.tv_nsec >= 0 && v->it_interval.tv_nsec < NSEC_PER_SEC;
}

SYSCALL_DEFINE4(timer_settime, timer_t, timer_id, int, flags,
		const struct __kernel_itimerspec __user *, new_setting,
		struct __kernel_itimerspec __user *, old_setting)
{
	struct __kernel_itimerspec new, old;
	struct k_itimer *timr;
	int ret = 0;

	if (!new_setting)
		return -EINVAL;
	if (copy_from_user(&new, new_setting, sizeof(new)))
		return -EFAULT;
	if (!itimerspec_ok(&new))
		return -EINVAL;
	mutex_lock(&posix_timers_mutex);
	timr = find_timer(timer_id);
	if (!timr) {
		ret = -EINVAL;
		goto out;
	}
	common_timer_get(timr, &old);
	ret = common_timer_set(timr, flags, &new);
	if (!ret && old_setting && copy_to_user(old_setting, &old, sizeof(old)))
		ret = -EFAULT;
out:
	mutex_unlock(&posix_timers_mutex);
	return ret;
}

SYSCALL_DEFINE2(timer_gettime, timer_t, timer_id,
		struct __kernel_itimerspec __user *, setting)
{
	struct __kernel_itimerspec cur;
	struct k_itimer *timr;
	int ret = 0;

	mutex_lock(&posix_timers_mutex);
	timr = find_timer(timer_id);
	if (!timr)
		ret = -EINVAL;
	else
		common_timer_get(timr, &cur);
	mutex_unlock(&posix_timers_mutex);
	if (!ret && copy_to_user(setting, &cur, sizeof(cur)))
		ret = -EFAULT;
	return ret;
}

SYSCALL_DEFINE1(timer_getoverrun, timer_t, timer_id)
{
	struct k_itimer *timr;
	int ret;

	mutex_lock(&posix_timers_mutex);
	timr = find_timer(timer_id);
	ret = timr ? READ_ONCE(timr->it_overrun_last) : -EINVAL;
	mutex_unlock(&posix_timers_mutex);
	return ret;
}

/* Stop @timr and free it; its queued signal, if any, stays (as on Linux). */
static void release_posix_timer(struct k_itimer *timr)
{
	common_timer_del(timr);
	if (timr->cpu_task)
		put_task_struct(timr->cpu_task);
	put_task_struct(timr->it_task);
	kfree(timr);
}

SYSCALL_DEFINE1(timer_delete, timer_t, timer_id)
{
	struct k_itimer *timr;

	mutex_lock(&posix_timers_mutex);
	spin_lock_irq(&current->sighand->siglock);
	timr = __lock_timer(timer_id);
	if (timr)
		list_del(&timr->list);
	spin_unlock_irq(&current->sighand->siglock);
	if (timr)
		release_posix_timer(timr);
	mutex_unlock(&posix_timers_mutex);
	return timr ? 0 : -EINVAL;
}

/* The process is exiting or exec'ing: its timers go with the old image. */
void exit_posix_timers(struct signal_struct *sig)
{
	struct k_itimer *timr;

	mutex_lock(&posix_timers_mutex);
	for (;;) {
		spin_lock_irq(&current->sighand->siglock);
		timr = list_first_entry_or_null(&sig->posix_timers, struct k_itimer, list);
		if (timr)
			list_del(&timr->list);
		spin_unlock_irq(&current->sighand->siglock);
		if (!timr)
			break;
		release_posix_timer(timr);
	}
	mutex_unlock(&posix_timers_mutex);
}
