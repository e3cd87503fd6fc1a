// SPDX-License-Identifier: GPL-2.0
/*
 * sched_attr: sched_setattr/sched_getattr (struct sched_attr and its
 * size rules), the priority ranges, ioprio_set/ioprio_get, membarrier.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
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

int main(void)
{
	lt_begin("sched_attr");
	LT_RUN(set_get);
	LT_RUN(errors);
	LT_RUN(ioprio);
	LT_RUN(membarrier);
	return lt_end();
}
