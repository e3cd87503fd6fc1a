/* SPDX-License-Identifier: GPL-2.0 */
/*
 * POSIX interval timers (timer_create): one struct k_itimer per timer,
 * on its process's signal->posix_timers list.  A timer on a wall or
 * monotonic clock is an hrtimer; one on a CPU-time clock is checked by
 * the tick (kernel/time/posix-cpu-timers.c).
 */
#ifndef _LINUX_POSIX_TIMERS_H
#define _LINUX_POSIX_TIMERS_H

#include <linux/hrtimer.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <uapi/linux/siginfo.h>

struct task_struct;
struct signal_struct;

/* A timer's ID within its process, as the system calls pass it. */
typedef int timer_t;

#define SIGEV_SIGNAL	0
#define SIGEV_NONE	1
#define SIGEV_THREAD	2
#define SIGEV_THREAD_ID	4

/* The x86-64 struct sigevent (64 bytes). */
struct sigevent {
	sigval_t sigev_value;
	int sigev_signo;
	int sigev_notify;
	union {
		int _pad[12];
		int _tid;
	} _sigev_un;
};

/* Encoded clock IDs of other tasks' CPU clocks (clock_getcpuclockid). */
#define CPUCLOCK_PROF		0
#define CPUCLOCK_VIRT		1
#define CPUCLOCK_SCHED		2
#define CPUCLOCK_PERTHREAD_MASK	4
#define CPUCLOCK_WHICH(clock)	((clock) & 3)
#define CPUCLOCK_PERTHREAD(clock) (((clock) & CPUCLOCK_PERTHREAD_MASK) != 0)
#define CPUCLOCK_PID(clock)	((pid_t)~((clock) >> 3))

struct k_itimer {
	struct list_head list;		/* signal->posix_timers; siglock */
	int it_id;
	clockid_t it_clock;
	int it_sigev_notify;		/* SIGEV_*, THREAD_ID folded into it_group */
	int it_sigev_signo;
	sigval_t it_sigev_value;
	bool it_group;			/* signal to the process, not one thread */
	struct task_struct *it_task;	/* gets the signal (a reference held) */
	spinlock_t it_lock;		/* guards the overrun counts */
	int it_overrun;			/* expiries while its signal was queued */
	int it_overrun_last;		/* it_overrun when the last signal was taken */
	bool it_requeue_pending;	/* signal queued; re-arm when it is taken */
	ktime_t it_interval;		/* ns; 0: one-shot */
	struct hrtimer timer;		/* wall and monotonic clocks */
	/* CPU-time clocks: expiry on the clock, and the armed list (siglock). */
	struct task_struct *cpu_task;	/* whose clock: a thread, or the leader */
	u64 cpu_expires;
	struct list_head cpu_entry;
	bool cpu_armed;
	struct task_struct *it_sleeper;	/* clock_nanosleep on a CPU clock: wake it */
};

/* kernel/time/posix-timers.c */
bool posix_timer_fire(struct k_itimer *timr, int missed);
void posixtimer_dequeued(siginfo_t *info);
void exit_posix_timers(struct signal_struct *sig);
bool posix_clock_is_cpu(clockid_t clock);

/* kernel/time/posix-cpu-timers.c */
int posix_cpu_clock_get(clockid_t clock, u64 *ns);
int posix_cpu_clock_valid(clockid_t clock);
int posix_cpu_timer_init(struct k_itimer *timr);
u64 posix_cpu_timer_now(struct k_itimer *timr);
void posix_cpu_timer_arm(struct k_itimer *timr, u64 expires);
void posix_cpu_timer_disarm(struct k_itimer *timr);
void run_posix_cpu_timers(struct task_struct *p, int user_tick);
long posix_cpu_nsleep(clockid_t clock, int flags, ktime_t t, ktime_t *left);

/* kernel/signal.c */
int send_timer_signal(siginfo_t *info, struct task_struct *t, bool group);

#endif
