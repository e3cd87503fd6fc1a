// SPDX-License-Identifier: GPL-2.0
/*
 * CPU time reported to users: times(2), getrusage(2).
 *
 * Two counters measure a task's CPU time.  The scheduler's runtime
 * (se.sum_exec_runtime) is exact: nanoseconds on the CPU, read from the
 * clock at every switch.  The user/system split is only sampled: each
 * tick charges a whole tick to whichever mode it interrupted
 * (account_process_tick), so a task that runs between ticks is missed and
 * one that happens to be running at each tick is over-charged.
 *
 * What we report takes the best of both, as Linux does (cputime_adjust):
 * the total is the exact runtime, divided between user and system in the
 * proportion the ticks saw.  Because the proportion moves as new ticks
 * arrive, a straight computation could report less user (or system) time
 * than last time; prev_cputime remembers the last report and each part is
 * kept from going backwards, so utime and stime are monotonic, as POSIX
 * programs (and LTP's getrusage/times checks) expect.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

/* @stime * @rtime / @total (stime <= total) without 128-bit arithmetic. */
static u64 scale_stime(u64 stime, u64 rtime, u64 total)
{
	/* Lose low bits of the ratio (not of rtime) until the products fit. */
	while (total > 0xffffffffULL) {
		stime >>= 1;
		total >>= 1;
	}
	return stime * (rtime / total) + stime * (rtime % total) / total;
}

/*
 * Split @rtime in the proportion @utime : @stime, never below @prev.
 * Lock: the caller's (siglock), which keeps updates to @prev whole.
 */
static void cputime_adjust(u64 utime, u64 stime, u64 rtime, struct prev_cputime *prev,
			   u64 *ut, u64 *st)
{
	/* The precise total moved no further than we already reported. */
	if (prev->utime + prev->stime >= rtime)
		goto out;
	if (!stime) {
		utime = rtime;
	} else if (!utime) {
		stime = rtime;
	} else {
		stime = scale_stime(stime, rtime, stime + utime);
		utime = rtime - stime;
	}
	/* Neither part may go back: take from the other what the first needs. */
	if (stime < prev->stime) {
		stime = prev->stime;
		utime = rtime - stime;
	}
	if (utime < prev->utime) {
		utime = prev->utime;
		stime = rtime - utime;
	}
	prev->utime = utime;
	prev->stime = stime;
out:
	*ut = prev->utime;
	*st = prev->stime;
}

void task_cputime_adjusted(struct task_struct *p, u64 *ut, u64 *st)
{
	u64 rtime = task_sched_runtime(p);
	unsigned long flags;

	spin_lock_irqsave(&p->sighand->siglock, flags);
	cputime_adjust(p->utime, p->stime, rtime, &p->prev_cputime, ut, st);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
}

void thread_group_cputime_adjusted(struct task_struct *p, u64 *ut, u64 *st)
{
	u64 rtime = thread_group_sched_runtime(p);
	struct task_usage u;
	unsigned long flags;

	spin_lock_irq(&tasklist_lock);
	thread_group_usage(p, &u);
	spin_unlock_irq(&tasklist_lock);
	spin_lock_irqsave(&p->sighand->siglock, flags);
	cputime_adjust(u.utime, u.stime, rtime, &p->signal->prev_cputime, ut, st);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
}

/*
 * The same for a process being reaped (wait4): every thread has exited,
 * so its runtime no longer moves.  @u is its tick-sampled usage; the
 * caller holds tasklist_lock, which keeps the thread list still.
 */
void dead_group_cputime_adjusted(struct task_struct *p, const struct task_usage *u,
				 u64 *ut, u64 *st)
{
	u64 rtime = p->signal->sum_sched_runtime;
	struct task_struct *t;

	for_each_thread(p, t)
		rtime += t->se.sum_exec_runtime;
	cputime_adjust(u->utime, u->stime, rtime, &p->signal->prev_cputime, ut, st);
}
