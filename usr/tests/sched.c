// SPDX-License-Identifier: GPL-2.0
/*
 * sched: the scheduler as user space sees it.  CPU shares between busy
 * processes (equal nice: equal shares; nice 10 against nice 0: much less),
 * scheduling policies and their parameters, nice values, and sleeping.
 *
 * The share tests measure CPU time (from wait4's rusage), not progress.
 * They are made for one CPU (the default QEMU machine); with several, the
 * nice test adds hogs until they compete.
 *
 * The sched_* calls are raw: musl's sched_setscheduler and friends return
 * ENOSYS on purpose (the Linux calls act on threads, POSIX's on processes).
 * SCHED_FIFO is only ever set in children that do not spin.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#define MS		1000000LL
#define RUN_MS		1000	/* how long the CPU hogs compete */

#ifndef SCHED_RESET_ON_FORK
#define SCHED_RESET_ON_FORK	0x40000000
#endif

struct shared {
	int go;
	long long deadline;
};

static struct shared *sh;

static long setsched(pid_t pid, int policy, int prio)
{
	struct sched_param sp = { .sched_priority = prio };

	return syscall(SYS_sched_setscheduler, pid, policy, &sp);
}

static long getprio(pid_t pid)
{
	struct sched_param sp = { .sched_priority = -1 };

	if (syscall(SYS_sched_getparam, pid, &sp))
		return -1000;
	return sp.sched_priority;
}

/* A child that waits for the start, then spins until the deadline. */
static pid_t hog(int nice)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (nice && setpriority(PRIO_PROCESS, 0, nice))
			_exit(2);
		if (!lt_wait_flag(&sh->go, 1, 5000))
			_exit(3);
		while (lt_now_ns() < sh->deadline)
			;
		_exit(0);
	}
	return pid;
}

/* Reap PID; its CPU time in microseconds, or -1. */
static long long reap_cpu_us(pid_t pid)
{
	struct rusage ru;
	int status;

	if (wait4(pid, &status, 0, &ru) != pid || status != 0)
		return -1;
	return ru.ru_utime.tv_sec * 1000000LL + ru.ru_utime.tv_usec +
	       ru.ru_stime.tv_sec * 1000000LL + ru.ru_stime.tv_usec;
}

/*
 * PAIRS hogs at nice 0 and PAIRS at NICE_B compete for RUN_MS: the CPU
 * time of each group (us), and the wall time.
 */
static int compete(int pairs, int nice_b, long long *a, long long *b, long long *wall)
{
	pid_t pa[8], pb[8];
	long long start, cpu;
	int i, ok = 1;

	memset(sh, 0, sizeof(*sh));
	for (i = 0; i < pairs; i++) {
		pa[i] = hog(0);
		pb[i] = hog(nice_b);
	}
	lt_sleep_ms(20);			/* all waiting for the start */
	start = lt_now_ns();
	sh->deadline = start + RUN_MS * MS;
	sh->go = 1;
	*a = *b = 0;
	for (i = 0; i < pairs; i++) {
		cpu = pa[i] > 0 ? reap_cpu_us(pa[i]) : -1;
		ok &= cpu >= 0;
		*a += cpu;
		cpu = pb[i] > 0 ? reap_cpu_us(pb[i]) : -1;
		ok &= cpu >= 0;
		*b += cpu;
	}
	*wall = (lt_now_ns() - start) / 1000;
	return ok ? 0 : -1;
}

LT_CASE(equal_nice_equal_share)
{
	long long a, b, wall, hi, lo;

	LT_CHECK_EQ(compete(1, 0, &a, &b, &wall), 0);
	lt_note("CPU time %lld us and %lld us in %lld us", a, b, wall);
	hi = a > b ? a : b;
	lo = a > b ? b : a;
	if (a + b < wall / 2)
		LT_FAIL("the hogs got %lld + %lld us of CPU in %lld us", a, b, wall);
	if (lo < hi * 65 / 100)
		LT_FAIL("equal nice, unequal CPU: %lld us vs %lld us (limit: within 35%%)", a, b);
}

/*
 * With CFS weights (1024 vs 110) nice 10 gets about a tenth.  Hogs that
 * each got a whole CPU did not compete: then retry with twice as many
 * (one vCPU is the normal case; this keeps the test meaningful on more).
 */
LT_CASE(nice_10_gets_less)
{
	long long a, b, wall;
	int pairs;

	for (pairs = 1; pairs <= 4; pairs *= 2) {
		LT_CHECK_EQ(compete(pairs, 10, &a, &b, &wall), 0);
		lt_note("%d hog(s) at nice 0: %lld us, %d at nice 10: %lld us of CPU in %lld us",
			pairs, a, pairs, b, wall);
		if (a + b < 2 * pairs * wall * 9 / 10)
			break;
	}
	if (pairs > 4)
		LT_FAIL("the hogs never competed for a CPU");
	if (b * 2 >= a)
		LT_FAIL("nice 10 got %lld us of CPU, nice 0 %lld us: expected less than half",
			b, a);
	if (b * 50 < a)
		LT_FAIL("nice 10 starved: %lld us of CPU against %lld us", b, a);
}

/* A sleeping process uses (almost) no CPU. */
LT_CASE(sleep_uses_no_cpu)
{
	long long cpu;
	pid_t pid;

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		lt_sleep_ms(200);
		_exit(0);
	}
	cpu = reap_cpu_us(pid);
	LT_CHECK(cpu >= 0);
	if (cpu > 20000)
		LT_FAIL("sleeping 200 ms took %lld us of CPU", cpu);
}

LT_CASE(priority_ranges)
{
	static const struct { int policy, min, max; } r[] = {
		{ SCHED_OTHER, 0, 0 }, { SCHED_FIFO, 1, 99 }, { SCHED_RR, 1, 99 },
		{ SCHED_BATCH, 0, 0 }, { SCHED_IDLE, 0, 0 },
	};

	for (unsigned int i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		LT_CHECK_EQ(syscall(SYS_sched_get_priority_min, r[i].policy), r[i].min);
		LT_CHECK_EQ(syscall(SYS_sched_get_priority_max, r[i].policy), r[i].max);
	}
	LT_CHECK_ERR(syscall(SYS_sched_get_priority_min, 42), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sched_get_priority_max, -1), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sched_get_priority_max, 4), EINVAL);	/* unused number */
}

/* Policies and priorities round-trip (as root; in a child). */
LT_CASE(policy_round_trip)
{
	pid_t pid;

	LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_OTHER);
	LT_CHECK_EQ(getprio(0), 0);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct sched_param sp = { .sched_priority = 60 };

		LT_CHECK_EQ(setsched(0, SCHED_FIFO, 50), 0);
		LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_FIFO);
		LT_CHECK_EQ(getprio(0), 50);
		LT_CHECK_EQ(syscall(SYS_sched_setparam, 0, &sp), 0);
		LT_CHECK_EQ(getprio(0), 60);
		LT_CHECK_EQ(setsched(0, SCHED_RR, 99), 0);
		LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_RR);
		LT_CHECK_EQ(getprio(0), 99);
		LT_CHECK_EQ(setsched(0, SCHED_BATCH, 0), 0);
		LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_BATCH);
		LT_CHECK_EQ(setsched(0, SCHED_IDLE, 0), 0);
		LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_IDLE);
		LT_CHECK_EQ(setsched(0, SCHED_OTHER, 0), 0);
		LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_OTHER);
		LT_CHECK_EQ(getprio(0), 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* Another process's policy, set and read by pid. */
LT_CASE(policy_of_other_process)
{
	int *go = lt_shared(sizeof(int));
	pid_t pid;

	LT_CHECK(go);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK(lt_wait_flag(go, 1, 5000));
		LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_RR);
		LT_CHECK_EQ(getprio(0), 7);
		_exit(0);
	}
	LT_CHECK_EQ(setsched(pid, SCHED_RR, 7), 0);
	LT_CHECK_EQ(syscall(SYS_sched_getscheduler, pid), SCHED_RR);
	LT_CHECK_EQ(getprio(pid), 7);
	*go = 1;
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/*
 * SCHED_RESET_ON_FORK: the flag shows in getscheduler, and a child of a
 * real-time process starts as SCHED_OTHER.
 */
LT_CASE(reset_on_fork)
{
	pid_t pid;

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		pid_t k;

		LT_CHECK_EQ(setsched(0, SCHED_FIFO | SCHED_RESET_ON_FORK, 5), 0);
		LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_FIFO | SCHED_RESET_ON_FORK);
		k = fork();
		LT_CHECK(k >= 0);
		if (k == 0) {
			LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_OTHER);
			LT_CHECK_EQ(getprio(0), 0);
			_exit(0);
		}
		LT_CHECK_WAIT(k, LT_EXITED(0));
		/* Without the flag, the policy is inherited. */
		LT_CHECK_EQ(setsched(0, SCHED_RR, 3), 0);
		k = fork();
		LT_CHECK(k >= 0);
		if (k == 0) {
			LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_RR);
			LT_CHECK_EQ(getprio(0), 3);
			_exit(0);
		}
		LT_CHECK_WAIT(k, LT_EXITED(0));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(policy_errors)
{
	struct sched_param sp = { 0 };

	LT_CHECK_ERR(setsched(0, 42, 0), EINVAL);
	LT_CHECK_ERR(setsched(0, SCHED_FIFO, 0), EINVAL);
	LT_CHECK_ERR(setsched(0, SCHED_FIFO, 100), EINVAL);
	LT_CHECK_ERR(setsched(0, SCHED_RR, -1), EINVAL);
	LT_CHECK_ERR(setsched(0, SCHED_OTHER, 1), EINVAL);
	LT_CHECK_ERR(setsched(-1, SCHED_OTHER, 0), EINVAL);
	LT_CHECK_ERR(setsched(0x3fffffff, SCHED_OTHER, 0), ESRCH);
	LT_CHECK_ERR(syscall(SYS_sched_getscheduler, -1), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sched_getscheduler, 0x3fffffff), ESRCH);
	LT_CHECK_ERR(syscall(SYS_sched_getparam, -1, &sp), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sched_getparam, 0x3fffffff, &sp), ESRCH);
	sp.sched_priority = 5;
	LT_CHECK_ERR(syscall(SYS_sched_setparam, 0, &sp), EINVAL);	/* OTHER: 0 only */
	LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_OTHER);
}

/*
 * The raw getpriority returns 20 - nice (1..40, so that no value looks
 * like an error); musl's wrapper turns it back into the nice value.
 * Nice is clamped to -20..19.
 */
LT_CASE(nice_values)
{
	int *flags = lt_shared(2 * sizeof(int));	/* [0]: child ready, [1]: go */
	pid_t pid;

	LT_CHECK(flags);
	LT_CHECK_EQ(syscall(SYS_getpriority, PRIO_PROCESS, 0), 20);
	LT_CHECK_EQ(getpriority(PRIO_PROCESS, 0), 0);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(setpriority(PRIO_PROCESS, 0, 5));
		LT_CHECK_EQ(syscall(SYS_getpriority, PRIO_PROCESS, 0), 15);
		LT_CHECK_EQ(getpriority(PRIO_PROCESS, 0), 5);
		LT_CHECK_OK(setpriority(PRIO_PROCESS, 0, 100));
		LT_CHECK_EQ(getpriority(PRIO_PROCESS, 0), 19);
		LT_CHECK_EQ(syscall(SYS_getpriority, PRIO_PROCESS, 0), 1);
		LT_CHECK_OK(setpriority(PRIO_PROCESS, 0, -100));	/* root */
		LT_CHECK_EQ(getpriority(PRIO_PROCESS, 0), -20);
		LT_CHECK_EQ(syscall(SYS_getpriority, PRIO_PROCESS, 0), 40);
		flags[0] = 1;
		LT_CHECK(lt_wait_flag(&flags[1], 1, 5000));
		LT_CHECK_EQ(getpriority(PRIO_PROCESS, 0), 7);	/* set by the parent */
		_exit(0);
	}
	LT_CHECK(lt_wait_flag(&flags[0], 1, 5000));
	LT_CHECK_OK(setpriority(PRIO_PROCESS, pid, 7));
	LT_CHECK_EQ(getpriority(PRIO_PROCESS, pid), 7);
	flags[1] = 1;
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(getpriority(PRIO_PROCESS, 0), 0);
	LT_CHECK_ERR(syscall(SYS_getpriority, 3, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_setpriority, 3, 0, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_getpriority, PRIO_PROCESS, 0x3fffffff), ESRCH);
	LT_CHECK_ERR(syscall(SYS_setpriority, PRIO_PROCESS, 0x3fffffff, 0), ESRCH);
}

static long long elapsed_ms_since(long long start)
{
	return (lt_now_ns() - start) / MS;
}

/* Sleeps last at least as long as asked (and not absurdly longer). */
LT_CASE(sleeps)
{
	struct timespec ts = { 0, 30 * MS }, abs;
	long long start;

	start = lt_now_ns();
	LT_CHECK_EQ(syscall(SYS_nanosleep, &ts, NULL), 0);
	LT_CHECK(elapsed_ms_since(start) >= 30 && elapsed_ms_since(start) < 1000);

	start = lt_now_ns();
	LT_CHECK_EQ(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL), 0);
	LT_CHECK(elapsed_ms_since(start) >= 30 && elapsed_ms_since(start) < 1000);

	/* Absolute: until MONOTONIC (or REALTIME) reaches the target. */
	clock_gettime(CLOCK_MONOTONIC, &abs);
	abs.tv_nsec += 40 * MS;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_nsec -= 1000000000;
		abs.tv_sec++;
	}
	LT_CHECK_EQ(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL), 0);
	LT_CHECK(lt_now_ns() >= abs.tv_sec * 1000000000LL + abs.tv_nsec);
	clock_gettime(CLOCK_REALTIME, &abs);
	abs.tv_nsec += 40 * MS;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_nsec -= 1000000000;
		abs.tv_sec++;
	}
	LT_CHECK_EQ(syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &abs, NULL), 0);
	clock_gettime(CLOCK_REALTIME, &ts);
	LT_CHECK(ts.tv_sec > abs.tv_sec || (ts.tv_sec == abs.tv_sec && ts.tv_nsec >= abs.tv_nsec));

	/* A target in the past, or zero length: straight back. */
	start = lt_now_ns();
	abs.tv_sec = 1;
	abs.tv_nsec = 0;
	LT_CHECK_EQ(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL), 0);
	ts.tv_sec = ts.tv_nsec = 0;
	LT_CHECK_EQ(syscall(SYS_nanosleep, &ts, NULL), 0);
	LT_CHECK(elapsed_ms_since(start) < 500);
}

LT_CASE(sleep_errors)
{
	struct timespec ts = { 0, 1000000000 };

	LT_CHECK_ERR(syscall(SYS_nanosleep, &ts, NULL), EINVAL);
	ts.tv_nsec = -1;
	LT_CHECK_ERR(syscall(SYS_nanosleep, &ts, NULL), EINVAL);
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	LT_CHECK_ERR(syscall(SYS_nanosleep, &ts, NULL), EINVAL);
	ts.tv_sec = 0;
	ts.tv_nsec = 1000;
	LT_CHECK_ERR(syscall(SYS_clock_nanosleep, 100, 0, &ts, NULL), EINVAL);
	/* A thread's CPU clock cannot be slept on: EOPNOTSUPP, not EINVAL. */
	LT_CHECK_ERR(syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &ts, NULL),
		     EOPNOTSUPP);
	ts.tv_nsec = 1000000000;
	LT_CHECK_ERR(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL), EINVAL);
}

LT_CASE(yield)
{
	long long start = lt_now_ns();

	for (int i = 0; i < 1000; i++)
		LT_CHECK_EQ(syscall(SYS_sched_yield), 0);
	LT_CHECK(lt_now_ns() - start < 2000 * MS);
}

int main(void)
{
	lt_begin("sched");
	sh = lt_shared(sizeof(*sh));
	LT_RUN(equal_nice_equal_share);
	LT_RUN(nice_10_gets_less);
	LT_RUN(sleep_uses_no_cpu);
	LT_RUN(priority_ranges);
	LT_RUN(policy_round_trip);
	LT_RUN(policy_of_other_process);
	LT_RUN(reset_on_fork);
	LT_RUN(policy_errors);
	LT_RUN(nice_values);
	LT_RUN(sleeps);
	LT_RUN(sleep_errors);
	LT_RUN(yield);
	return lt_end();
}
