// SPDX-License-Identifier: GPL-2.0
/*
 * sched_attr: sched_setattr/sched_getattr (struct sched_attr and its
 * size rules), the priority ranges, ioprio_set/ioprio_get, membarrier.
 * SCHED_DEADLINE: a reservation set and read back, the checks of its
 * parameters, fork refused unless reset-on-fork, admission control (the
 * 95% of each CPU), the reservation holding a CPU hog to its share, and
 * SIGXCPU for an overrun when SCHED_FLAG_DL_OVERRUN asks for it.
 * The deadline tasks are children, so the suite itself stays normal.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

struct attr {
	uint32_t size, sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime, sched_deadline, sched_period;
	uint32_t util_min, util_max;
};

#define SCHED_DEADLINE	6
#define SCHED_FLAG_RESET_ON_FORK	0x01
#define SCHED_FLAG_DL_OVERRUN		0x04
#define MS		1000000ULL
#define IOPRIO_WHO_PROCESS	1
#define IOPRIO_WHO_PGRP		2
#define IOPRIO_WHO_USER		3
#define IOPRIO(class, data)	(((class) << 13) | (data))

static long setattr(pid_t pid, void *a, unsigned int flags)
{
	return syscall(SYS_sched_setattr, pid, a, flags);
}

static long getattr(pid_t pid, void *a, unsigned int size, unsigned int flags)
{
	return syscall(SYS_sched_getattr, pid, a, size, flags);
}

LT_CASE(set_get)
{
	struct attr a, g;
	char big[128];

	memset(&a, 0, sizeof(a));
	a.size = 48;
	a.sched_policy = SCHED_BATCH;
	a.sched_nice = 5;
	LT_CHECK_OK(setattr(0, &a, 0));
	memset(&g, 0xff, sizeof(g));
	LT_CHECK_OK(getattr(0, &g, sizeof(g), 0));
	LT_CHECK_EQ(g.size, sizeof(g));
	LT_CHECK_EQ(g.sched_policy, SCHED_BATCH);
	LT_CHECK_EQ(g.sched_nice, 5);
	LT_CHECK_EQ(getpriority(PRIO_PROCESS, 0), 5);
	LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_BATCH);

	a.sched_policy = SCHED_FIFO;
	a.sched_priority = 10;
	LT_CHECK_OK(setattr(0, &a, 0));
	LT_CHECK_OK(getattr(0, &g, 48, 0));
	LT_CHECK_EQ(g.size, 48);
	LT_CHECK_EQ(g.sched_policy, SCHED_FIFO);
	LT_CHECK_EQ(g.sched_priority, 10);
	a.sched_priority = 0;
	LT_CHECK_ERR(setattr(0, &a, 0), EINVAL);	/* FIFO needs 1..99 */
	a.sched_policy = SCHED_OTHER;
	a.sched_nice = 0;
	LT_CHECK_OK(setattr(0, &a, 0));

	/* A larger struct with a zero tail is fine, a non-zero tail E2BIG. */
	memset(big, 0, sizeof(big));
	memcpy(big, &a, sizeof(a));
	((struct attr *)big)->size = sizeof(big);
	LT_CHECK_OK(setattr(0, big, 0));
	big[100] = 1;
	LT_CHECK_ERR(setattr(0, big, 0), E2BIG);
	LT_CHECK_EQ(((struct attr *)big)->size, 56);	/* what the kernel knows */
	a.size = 47;
	LT_CHECK_ERR(setattr(0, &a, 0), E2BIG);
}

/* A deadline attr: @runtime of every @period, due @deadline after its start (ns). */
static struct attr dl_attr(uint64_t runtime, uint64_t deadline, uint64_t period)
{
	struct attr a;

	memset(&a, 0, sizeof(a));
	a.size = 48;
	a.sched_policy = SCHED_DEADLINE;
	a.sched_runtime = runtime;
	a.sched_deadline = deadline;
	a.sched_period = period;
	return a;
}

static void dl_child_set_get(void)
{
	struct attr a = dl_attr(10 * MS, 30 * MS, 30 * MS), g;
	struct sched_param sp = { .sched_priority = -1 };
	pid_t pid;

	LT_CHECK_OK(setattr(0, &a, 0));
	memset(&g, 0xff, sizeof(g));
	LT_CHECK_OK(getattr(0, &g, sizeof(g), 0));
	LT_CHECK_EQ(g.sched_policy, SCHED_DEADLINE);
	LT_CHECK_EQ(g.sched_runtime, 10 * MS);
	LT_CHECK_EQ(g.sched_deadline, 30 * MS);
	LT_CHECK_EQ(g.sched_period, 30 * MS);
	LT_CHECK_EQ(g.sched_priority, 0);
	LT_CHECK_EQ(g.sched_flags, 0);
	LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_DEADLINE);
	LT_CHECK_OK(syscall(SYS_sched_getparam, 0, &sp));
	LT_CHECK_EQ(sp.sched_priority, 0);
	/* sched_setscheduler/setparam carry no reservation. */
	sp.sched_priority = 0;
	LT_CHECK_ERR(syscall(SYS_sched_setparam, 0, &sp), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sched_setscheduler, 0, SCHED_DEADLINE, &sp), EINVAL);
	/* A period of 0 means the deadline's. */
	a = dl_attr(2 * MS, 20 * MS, 0);
	LT_CHECK_OK(setattr(0, &a, 0));
	LT_CHECK_OK(getattr(0, &g, sizeof(g), 0));
	LT_CHECK_EQ(g.sched_period, 20 * MS);
	/* The reservation is not inherited: fork is refused without reset-on-fork. */
	LT_CHECK_ERR(fork(), EAGAIN);
	a.sched_flags = SCHED_FLAG_RESET_ON_FORK;
	LT_CHECK_OK(setattr(0, &a, 0));
	pid = fork();
	if (pid == 0)
		_exit(syscall(SYS_sched_getscheduler, 0) == SCHED_OTHER ? 0 : 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* And back to normal. */
	memset(&a, 0, sizeof(a));
	a.size = 48;
	LT_CHECK_OK(setattr(0, &a, 0));
	LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_OTHER);
	_exit(0);
}

LT_CASE(deadline_set_get)
{
	pid_t pid = fork();

	if (pid == 0)
		dl_child_set_get();
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(deadline_errors)
{
	struct attr a;

	a = dl_attr(10 * MS, 5 * MS, 30 * MS);		/* runtime > deadline */
	LT_CHECK_ERR(setattr(0, &a, 0), EINVAL);
	a = dl_attr(10 * MS, 40 * MS, 30 * MS);		/* deadline > period */
	LT_CHECK_ERR(setattr(0, &a, 0), EINVAL);
	a = dl_attr(10 * MS, 0, 30 * MS);		/* no deadline */
	LT_CHECK_ERR(setattr(0, &a, 0), EINVAL);
	a = dl_attr(1000, 50 * MS, 50 * MS);		/* runtime under 1024 ns */
	LT_CHECK_ERR(setattr(0, &a, 0), EINVAL);
	a = dl_attr(10000, 50000, 50000);		/* period under 100 us */
	LT_CHECK_ERR(setattr(0, &a, 0), EINVAL);
	a = dl_attr(10 * MS, 30 * MS, 5000 * MS);	/* period over ~4 s */
	LT_CHECK_ERR(setattr(0, &a, 0), EINVAL);
	a = dl_attr(10 * MS, 30 * MS, 30 * MS);
	a.sched_priority = 1;
	LT_CHECK_ERR(setattr(0, &a, 0), EINVAL);
	LT_CHECK_EQ(syscall(SYS_sched_getscheduler, 0), SCHED_OTHER);
}

/*
 * Children reserving 90% each: as many fit as there are CPUs (95% of
 * each), the next is EBUSY; once they exit, their bandwidth is free.
 */
LT_CASE(deadline_admission)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN), i, admitted = 0;
	pid_t pids[9];
	int res[2], hold[2];
	char r;

	LT_CHECK(ncpu >= 1 && ncpu < 8);
	/*
	 * Linux hands back the bandwidth of a task that left the class only
	 * at its "0-lag" time, up to its deadline later: let the earlier
	 * cases' reservations (deadlines of 30 ms at most) lapse.
	 */
	lt_sleep_ms(100);
	LT_CHECK_OK(pipe(res));
	LT_CHECK_OK(pipe(hold));
	for (i = 0; i <= ncpu; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			struct attr a = dl_attr(9 * MS, 10 * MS, 10 * MS);

			close(hold[1]);
			r = setattr(0, &a, 0) == 0 ? 'y' : errno == EBUSY ? 'b' : 'e';
			write(res[1], &r, 1);
			read(hold[0], &r, 1);	/* sleeps: uses none of it */
			_exit(0);
		}
		LT_CHECK_EQ(read(res[0], &r, 1), 1);
		if (r == 'y')
			admitted++;
		else
			LT_CHECK_EQ(r, 'b');
	}
	LT_CHECK_EQ(admitted, ncpu);
	close(hold[1]);
	for (i = 0; i <= ncpu; i++)
		LT_CHECK_WAIT(pids[i], LT_EXITED(0));
	lt_sleep_ms(100);
	pids[0] = fork();
	if (pids[0] == 0) {
		struct attr a = dl_attr(9 * MS, 10 * MS, 10 * MS);

		_exit(setattr(0, &a, 0) == 0 ? 0 : 1);
	}
	LT_CHECK_WAIT(pids[0], LT_EXITED(0));
	close(res[0]);
	close(res[1]);
	close(hold[0]);
}

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/*
 * A hog with 5 ms of every 50: throttled when its runtime is gone, it
 * gets about a tenth of the CPU over a second, not all of it.  The bounds
 * are loose: the runtime is charged at ticks, and the machine is shared.
 */
LT_CASE(deadline_throttles)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct attr a = dl_attr(5 * MS, 50 * MS, 50 * MS);
		uint64_t start, cpu;

		if (setattr(0, &a, 0))
			_exit(2);
		start = clock_ns(CLOCK_MONOTONIC);
		while (clock_ns(CLOCK_MONOTONIC) - start < 1000 * MS)
			;
		cpu = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
		_exit(cpu < 30 * MS ? 3 : cpu > 400 * MS ? 4 : 0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(errors)
{
	struct attr a;

	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	LT_CHECK_ERR(setattr(0, NULL, 0), EINVAL);
	LT_CHECK_ERR(setattr(-1, &a, 0), EINVAL);
	LT_CHECK_ERR(setattr(0, &a, 1000), EINVAL);
	LT_CHECK_ERR(setattr(32767, &a, 0), ESRCH);
	LT_CHECK_ERR(setattr(0, (void *)8, 0), EFAULT);
	a.sched_policy = 1000;
	LT_CHECK_ERR(setattr(0, &a, 0), EINVAL);
	LT_CHECK_ERR(getattr(0, &a, 47, 0), EINVAL);
	LT_CHECK_ERR(getattr(0, &a, 48, 1000), EINVAL);
	LT_CHECK_ERR(getattr(0, NULL, 48, 0), EINVAL);
	LT_CHECK_ERR(getattr(32767, &a, 48, 0), ESRCH);
	LT_CHECK_EQ(sched_get_priority_max(SCHED_DEADLINE), 0);
	LT_CHECK_EQ(sched_get_priority_min(SCHED_DEADLINE), 0);
	LT_CHECK_EQ(sched_get_priority_max(SCHED_RR), 99);
	LT_CHECK_ERR(sched_get_priority_max(1000), EINVAL);
}

LT_CASE(ioprio)
{
	long v = syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0);
	pid_t pid;

	LT_CHECK(v >= 0);
	LT_CHECK_EQ(v >> 13, 0);			/* class "none" until set */
	LT_CHECK_OK(syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO(2, 5)));
	LT_CHECK_EQ(syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0), IOPRIO(2, 5));
	LT_CHECK_EQ(syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, getpid()), IOPRIO(2, 5));
	pid = fork();
	if (pid == 0) {	/* inherited; a group of one reports its own */
		if (setpgid(0, 0))
			_exit(2);
		if (syscall(SYS_ioprio_get, IOPRIO_WHO_PGRP, 0) != IOPRIO(2, 5))
			_exit(3);
		_exit(syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0) == IOPRIO(2, 5) ? 0 : 1);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO(1, 0)));
	LT_CHECK_OK(syscall(SYS_ioprio_set, IOPRIO_WHO_USER, 0, IOPRIO(3, 0)));
	LT_CHECK_ERR(syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO(4, 0)), EINVAL);
	LT_CHECK_ERR(syscall(SYS_ioprio_set, 0, 0, IOPRIO(2, 0)), EINVAL);
	LT_CHECK_ERR(syscall(SYS_ioprio_get, 9, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, 32767), ESRCH);
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(1);
		if (syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO(1, 0)) != -1 || errno != EPERM)
			_exit(2);
		if (syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, getppid(), IOPRIO(2, 0)) != -1 ||
		    errno != EPERM)
			_exit(3);
		_exit(syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO(2, 7)) ? 4 : 0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO(2, 4)));
}

LT_CASE(membarrier)
{
	long mask = syscall(SYS_membarrier, 0, 0, 0);

	LT_CHECK(mask > 0);
	LT_CHECK(mask & 1);			/* GLOBAL */
	LT_CHECK(mask & (1 << 3));		/* PRIVATE_EXPEDITED */
	LT_CHECK_ERR(syscall(SYS_membarrier, 0, 1, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_membarrier, -1, 0, 0), EINVAL);
	LT_CHECK_OK(syscall(SYS_membarrier, 1, 0, 0));
	LT_CHECK_OK(syscall(SYS_membarrier, 1 << 1, 0, 0));
	LT_CHECK_ERR(syscall(SYS_membarrier, 1 << 3, 0, 0), EPERM);
	LT_CHECK_OK(syscall(SYS_membarrier, 1 << 4, 0, 0));
	LT_CHECK_OK(syscall(SYS_membarrier, 1 << 3, 0, 0));
}

static volatile sig_atomic_t got_xcpu;

static void on_xcpu(int sig)
{
	got_xcpu = sig;
}

LT_CASE(deadline_overrun)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct attr a = dl_attr(2 * MS, 20 * MS, 20 * MS);
		uint64_t start;

		signal(SIGXCPU, on_xcpu);
		a.sched_flags = SCHED_FLAG_DL_OVERRUN;
		if (setattr(0, &a, 0))
			_exit(2);
		if (getattr(0, &a, sizeof(a), 0) || a.sched_flags != SCHED_FLAG_DL_OVERRUN)
			_exit(3);
		start = clock_ns(CLOCK_MONOTONIC);
		while (!got_xcpu && clock_ns(CLOCK_MONOTONIC) - start < 3000 * MS)
			;
		_exit(got_xcpu == SIGXCPU ? 0 : 4);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("sched_attr");
	LT_RUN(set_get);
	LT_RUN(errors);
	LT_RUN(deadline_set_get);
	LT_RUN(deadline_errors);
	LT_RUN(deadline_admission);
	LT_RUN(deadline_throttles);
	LT_RUN(deadline_overrun);
	LT_RUN(ioprio);
	LT_RUN(membarrier);
	return lt_end();
}
