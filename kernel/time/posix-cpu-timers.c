// SPDX-License-Identifier: GPL-2.0
/*
 * CPU-time clocks and what counts against them.
 *
 * Every thread has a clock that advances only while it runs on a CPU
 * (CLOCK_THREAD_CPUTIME_ID), and every process one that sums its
 * threads' (CLOCK_PROCESS_CPUTIME_ID).  clock_getcpuclockid() names the
 * clocks of other tasks with negative IDs: ~pid << 3, then bit 2 for
 * "thread" and two bits for which count (PROF: user + system, VIRT:
 * user only, SCHED: the scheduler's precise runtime).
 *
 * Nothing interrupts when a CPU clock reaches a value, so everything
 * that waits on one is checked from the tick, on the task the tick
 * interrupted (run_posix_cpu_timers): POSIX timers on CPU clocks,
 * ITIMER_VIRTUAL (SIGVTALRM) and ITIMER_PROF (SIGPROF), and RLIMIT_CPU
 * (SIGXCPU at the soft limit and every second past it, SIGKILL at the
 * hard one).  Their resolution is therefore one tick.
 */
#include <linux/kernel.h>
#include <linux/posix-timers.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/jiffies.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/time_types.h>

/* The task whose clock @clock names, or NULL; see the comment above. */
static struct task_struct *cpu_clock_task(clockid_t clock)
{
	pid_t pid = CPUCLOCK_PID(clock);
	struct task_struct *p;

	if (CPUCLOCK_WHICH(clock) > CPUCLOCK_SCHED)
		return NULL;
	if (CPUCLOCK_PERTHREAD(clock)) {
		if (!pid)
			return current;
		p = find_task_by_vpid(pid);
		/* A thread's clock is readable only within its process. */
		return p && p->tgid == current->tgid && !p->exit_state ? p : NULL;
	}
	if (!pid)
		return current->group_leader;
	p = find_task_by_vpid(pid);
	return p && thread_group_leader(p) && !(p->exit_state && thread_group_empty(p))
	       ? p : NULL;
}

int posix_cpu_clock_valid(clockid_t clock)
{
	return cpu_clock_task(clock) ? 0 : -EINVAL;
}

/* User and system time of @p's whole process (tick-charged). */
static void group_times(struct task_struct *p, u64 *ut, u64 *st)
{
	struct task_struct *t;

	*ut = p->signal->utime;
	*st = p->signal->stime;
	for_each_thread(p, t) {
		*ut += t->utime;
		*st += t->stime;
	}
}

static u64 sample(int which, struct task_struct *p, bool thread)
{
	u64 ut, st;

	if (which == CPUCLOCK_SCHED)
		return thread ? task_sched_runtime(p) : thread_group_sched_runtime(p);
	if (thread) {
		ut = p->utime;
		st = p->stime;
	} else {
		spin_lock_irq(&tasklist_lock);
		group_times(p, &ut, &st);
		spin_unlock_irq(&tasklist_lock);
	}
	return which == CPUCLOCK_VIRT ? ut : ut + st;
}

int posix_cpu_clock_get(clockid_t clock, u64 *ns)
{
	struct task_struct *p = cpu_clock_task(clock);

	if (!p)
		return -EINVAL;
	*ns = sample(CPUCLOCK_WHICH(clock), p, CPUCLOCK_PERTHREAD(clock));
	return 0;
}

/* What a timer's clock reads, from process context. */
u64 posix_cpu_timer_now(struct k_itimer *timr)
{
	clockid_t c = timr->it_clock;

	if (c == CLOCK_THREAD_CPUTIME_ID)
		return task_sched_runtime(timr->cpu_task);
	if (c == CLOCK_PROCESS_CPUTIME_ID)
		return thread_group_sched_runtime(timr->cpu_task);
	return sample(CPUCLOCK_WHICH(c), timr->cpu_task, CPUCLOCK_PERTHREAD(c));
}

/*
 * Whose clock the timer follows.  Only clocks of the caller's own
 * process: the tick checks the timers of the process it interrupted.
 */
int posix_cpu_timer_init(struct k_itimer *timr)
{
	struct task_struct *p;

	if (timr->it_clock == CLOCK_THREAD_CPUTIME_ID)
		p = current;
	else if (timr->it_clock == CLOCK_PROCESS_CPUTIME_ID)
		p = current->group_leader;
	else
		p = cpu_clock_task(timr->it_clock);
	if (!p || p->tgid != current->tgid)
		return -EINVAL;
	get_task_struct(p);
	timr->cpu_task = p;
	return 0;
}

void posix_cpu_timer_arm(struct k_itimer *timr, u64 expires)
{
	spin_lock_irq(&current->sighand->siglock);
	timr->cpu_expires = expires;
	if (!timr->cpu_armed)
		list_add_tail(&timr->cpu_entry, &current->signal->cpu_timers);
	timr->cpu_armed = true;
	spin_unlock_irq(&current->sighand->siglock);
}

void posix_cpu_timer_disarm(struct k_itimer *timr)
{
	spin_lock_irq(&current->sighand->siglock);
	if (timr->cpu_armed)
		list_del_init(&timr->cpu_entry);
	timr->cpu_armed = false;
	spin_unlock_irq(&current->sighand->siglock);
}

/* A timer's clock, read from the tick (no runqueue locking: the value is
 * at most one tick old, which is the resolution here anyway). */
static u64 tick_sample(struct k_itimer *timr)
{
	clockid_t c = timr->it_clock;
	struct task_struct *p = timr->cpu_task, *t;
	int which = CPUCLOCK_SCHED;
	bool thread = c == CLOCK_THREAD_CPUTIME_ID;
	u64 ut, st, ns;

	if (c < 0) {
		which = CPUCLOCK_WHICH(c);
		thread = CPUCLOCK_PERTHREAD(c);
	}
	if (which != CPUCLOCK_SCHED) {
		if (thread) {
			ut = p->utime;
			st = p->stime;
		} else {
			group_times(p, &ut, &st);
		}
		return which == CPUCLOCK_VIRT ? ut : ut + st;
	}
	if (thread)
		return p->se.sum_exec_runtime;
	ns = p->signal->sum_sched_runtime;
	for_each_thread(p, t)
		ns += t->se.sum_exec_runtime;
	return ns;
}

/* Count one tick down on an interval timer; true when it expires. */
static bool itimer_tick(u64 *value, u64 incr)
{
	if (!*value)
		return false;
	if (*value > TICK_NSEC) {
		*value -= TICK_NSEC;
		return false;
	}
	*value = incr;
	return true;
}

#define MAX_FIRE_PER_TICK	8

/*
 * From the tick, in hard interrupt context, for the task it interrupted
 * (after account_process_tick charged it).  Decisions are made under
 * siglock; the signals are sent after it is dropped, as sending takes it.
 */
void run_posix_cpu_timers(struct task_struct *p, int user_tick)
{
	struct signal_struct *sig = p->signal;
	struct k_itimer *fire[MAX_FIRE_PER_TICK], *timr;
	struct task_struct *wake[MAX_FIRE_PER_TICK];
	int missed[MAX_FIRE_PER_TICK];
	bool vtalrm = false, prof = false, xcpu = false, kill = false;
	unsigned long flags, soft, hard;
	int i, n = 0;

	if (p->flags & (PF_IDLE | PF_KTHREAD | PF_EXITING) || !sig)
		return;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	if (user_tick)
		vtalrm = itimer_tick(&sig->it_virt_value, sig->it_virt_incr);
	prof = itimer_tick(&sig->it_prof_value, sig->it_prof_incr);

	/* A deadline task overran its runtime and asked to hear of it (deadline.c). */
	if (READ_ONCE(p->dl.dl_overrun)) {
		WRITE_ONCE(p->dl.dl_overrun, false);
		xcpu = true;
	}
	soft = READ_ONCE(sig->rlim[RLIMIT_CPU].rlim_cur);
	hard = READ_ONCE(sig->rlim[RLIMIT_CPU].rlim_max);
	if (soft != RLIM_INFINITY) {
		u64 ut, st, secs;

		group_times(p, &ut, &st);
		secs = (ut + st) / NSEC_PER_SEC;
		if (hard != RLIM_INFINITY && secs >= hard) {
			kill = true;
		} else if (secs >= soft) {
			/* Linux's way to say it again each second: raise the soft limit. */
			xcpu = true;
			if (soft < hard)
				sig->rlim[RLIMIT_CPU].rlim_cur = soft + 1;
		}
	}

	list_for_each_entry(timr, &sig->cpu_timers, cpu_entry) {
		u64 now;

		if (n == MAX_FIRE_PER_TICK)
			break;		/* the rest on the next tick */
		now = tick_sample(timr);
		if (now < timr->cpu_expires)
			continue;
		missed[n] = 0;
		if (timr->it_interval) {
			u64 k = (now - timr->cpu_expires) / timr->it_interval + 1;

			timr->cpu_expires += k * timr->it_interval;
			missed[n] = k - 1 > INT_MAX ? INT_MAX : (int)(k - 1);
		}
		fire[n++] = timr;
	}
	for (i = 0; i < n; i++) {
		/* A sleeper's timer lives on its stack: not touched once disarmed. */
		wake[i] = fire[i]->it_sleeper;
		if (!fire[i]->it_interval) {
			list_del_init(&fire[i]->cpu_entry);
			fire[i]->cpu_armed = false;
		}
	}
	spin_unlock_irqrestore(&p->sighand->siglock, flags);

	for (i = 0; i < n; i++) {
		if (wake[i])
			wake_up_process(wake[i]);
		else
			posix_timer_fire(fire[i], missed[i]);
	}
	if (vtalrm)
		group_send_sig_info(SIGVTALRM, NULL, p);
	if (prof)
		group_send_sig_info(SIGPROF, NULL, p);
	if (kill)
		group_send_sig_info(SIGKILL, NULL, p);
	else if (xcpu)
		group_send_sig_info(SIGXCPU, NULL, p);
}

/*
 * clock_nanosleep on a process CPU clock: until the process has used
 * that much CPU (other threads' time counts; ours does not pass while we
 * sleep).  A timer like timer_create's, on our stack, whose expiry the
 * tick turns into a wake-up.  A thread's own clock cannot advance while
 * it sleeps, so Linux refuses it (EINVAL).
 */
long posix_cpu_nsleep(clockid_t clock, int flags, ktime_t t, ktime_t *left)
{
	struct k_itimer timr;
	u64 now, expires;
	long ret = 0;

	if (clock == CLOCK_THREAD_CPUTIME_ID ||
	    (clock < 0 && CPUCLOCK_PERTHREAD(clock) &&
	     (!CPUCLOCK_PID(clock) || CPUCLOCK_PID(clock) == task_pid_vnr(current))))
		return -EINVAL;
	memset(&timr, 0, sizeof(timr));
	spin_lock_init(&timr.it_lock);
	INIT_LIST_HEAD(&timr.cpu_entry);
	timr.it_clock = clock;
	timr.it_sigev_notify = SIGEV_NONE;
	timr.it_sleeper = current;
	ret = posix_cpu_timer_init(&timr);
	if (ret)
		return ret;
	now = posix_cpu_timer_now(&timr);
	expires = (flags & TIMER_ABSTIME) ? (u64)t : now + t;
	if (expires <= now)
		goto out;
	posix_cpu_timer_arm(&timr, expires);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!READ_ONCE(timr.cpu_armed) || signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	if (READ_ONCE(timr.cpu_armed)) {
		posix_cpu_timer_disarm(&timr);
		now = posix_cpu_timer_now(&timr);
		*left = expires > now ? expires - now : 0;
		ret = -EINTR;
	}
out:
	put_task_struct(timr.cpu_task);
	return ret;
}
