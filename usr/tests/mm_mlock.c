// SPDX-License-Identifier: GPL-2.0
/*
 * mm_mlock: mlock, mlock2, munlock, mlockall, munlockall and MAP_LOCKED.
 * Locked memory shows as VmLck in /proc/self/status; RLIMIT_MEMLOCK bounds
 * it for a process without CAP_IPC_LOCK (ENOMEM, EAGAIN for mmap, EPERM
 * when the limit is 0); a hole in the range is ENOMEM; fork's child and
 * MCL_FUTURE's later mappings follow Linux's rules.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define PAGE	4096UL
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)
#define PROC	"/t_mlock_proc"

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT	1
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT	4
#endif

/* VmLck of this process in kB, -1 if /proc has none. */
static long vmlck_kb(void)
{
	char buf[4096], *p;

	if (lt_read_file(PROC "/self/status", buf, sizeof(buf)) <= 0)
		return -1;
	p = strstr(buf, "VmLck:");
	return p ? strtol(p + 6, NULL, 10) : -1;
}

static char *amap(size_t len, int flags)
{
	return mmap(NULL, len, RW, ANON | flags, -1, 0);
}

LT_CASE(lock_unlock)
{
	char *p = amap(4 * PAGE, 0);
	long base = vmlck_kb();

	LT_CHECK(p != MAP_FAILED);
	LT_CHECK(base >= 0);
	/* An unaligned start rounds down, the length covers the last byte. */
	LT_CHECK_OK(mlock(p + 100, 2 * PAGE));
	LT_CHECK_EQ(vmlck_kb(), base + 12);
	LT_CHECK_EQ(p[PAGE], 0);
	/* Relocking a locked range is free; unlocking part of it splits. */
	LT_CHECK_OK(mlock(p, PAGE));
	LT_CHECK_EQ(vmlck_kb(), base + 12);
	LT_CHECK_OK(munlock(p + PAGE, PAGE));
	LT_CHECK_EQ(vmlck_kb(), base + 8);
	/* A locked area refuses MADV_DONTNEED. */
	LT_CHECK_ERR(madvise(p, PAGE, MADV_DONTNEED), EINVAL);
	LT_CHECK_OK(munlock(p, 4 * PAGE));
	LT_CHECK_EQ(vmlck_kb(), base);
	LT_CHECK_OK(mlock(p, 0));
	munmap(p, 4 * PAGE);
}

LT_CASE(holes_and_flags)
{
	char *p = amap(3 * PAGE, 0);

	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_OK(munmap(p + PAGE, PAGE));
	LT_CHECK_ERR(mlock(p, 3 * PAGE), ENOMEM);
	LT_CHECK_ERR(munlock(p, 3 * PAGE), ENOMEM);
	LT_CHECK_ERR(mlock(p + PAGE, PAGE), ENOMEM);
	LT_CHECK_ERR(syscall(SYS_mlock2, p, PAGE, 2), EINVAL);
	LT_CHECK_ERR(syscall(SYS_mlock2, p, PAGE, -1), EINVAL);
	LT_CHECK_OK(syscall(SYS_mlock2, p, PAGE, MLOCK_ONFAULT));
	LT_CHECK_OK(munlock(p, PAGE));
	LT_CHECK_ERR(mlockall(0), EINVAL);
	LT_CHECK_ERR(mlockall(MCL_ONFAULT), EINVAL);
	LT_CHECK_ERR(mlockall(8), EINVAL);
	munmap(p, 3 * PAGE);
}

LT_CASE(mlockall_future)
{
	long base = vmlck_kb();
	char *p;

	LT_CHECK_OK(mlockall(MCL_FUTURE));
	LT_CHECK_EQ(vmlck_kb(), base);
	p = amap(2 * PAGE, 0);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(vmlck_kb(), base + 8);
	LT_CHECK_OK(munlockall());
	LT_CHECK_EQ(vmlck_kb(), 0);
	p[0] = 1;
	LT_CHECK_OK(mlockall(MCL_CURRENT));
	LT_CHECK(vmlck_kb() >= 8);
	LT_CHECK_OK(munlockall());
	LT_CHECK_EQ(vmlck_kb(), 0);
	munmap(p, 2 * PAGE);
}

LT_CASE(fork_unlocks)
{
	char *p = amap(PAGE, MAP_LOCKED);
	pid_t pid;

	LT_CHECK(p != MAP_FAILED);
	LT_CHECK(vmlck_kb() >= 4);
	pid = fork();
	if (pid == 0)
		_exit(vmlck_kb() == 0 ? 0 : LT_CHILD_FAILED);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	munmap(p, PAGE);
	LT_CHECK_EQ(vmlck_kb(), 0);
}

/* Without CAP_IPC_LOCK, RLIMIT_MEMLOCK decides. */
LT_CASE(memlock_limit)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct rlimit one = { PAGE, PAGE }, zero = { 0, 0 };
		char *p = amap(2 * PAGE, 0);

		if (p == MAP_FAILED || setrlimit(RLIMIT_MEMLOCK, &one) || setuid(65534))
			_exit(1);
		if (mlock(p, PAGE))
			_exit(2);
		if (mlock(p, 2 * PAGE) != -1 || errno != ENOMEM)
			_exit(3);
		if (mlock(p, PAGE))		/* already locked: no more */
			_exit(4);
		if (mmap(NULL, PAGE, RW, ANON | MAP_LOCKED, -1, 0) != MAP_FAILED || errno != EAGAIN)
			_exit(5);
		if (mlockall(MCL_CURRENT) != -1 || errno != ENOMEM)
			_exit(6);
		if (setrlimit(RLIMIT_MEMLOCK, &zero))
			_exit(7);
		if (mlock(p, PAGE) != -1 || errno != EPERM)
			_exit(8);
		if (mlockall(MCL_FUTURE) != -1 || errno != EPERM)
			_exit(9);
		if (munlock(p, 2 * PAGE))
			_exit(10);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	mkdir(PROC, 0555);
	mount("proc", PROC, "proc", 0, NULL);
	lt_begin("mm_mlock");
	LT_RUN(lock_unlock);
	LT_RUN(holes_and_flags);
	LT_RUN(mlockall_future);
	LT_RUN(fork_unlocks);
	LT_RUN(memlock_limit);
	return lt_end();
}
