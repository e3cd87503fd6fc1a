// SPDX-License-Identifier: GPL-2.0
/*
 * fs_close_range: close_range closes a range of descriptors (holes and
 * a range past the table included), CLOSE_RANGE_CLOEXEC only marks them
 * close-on-exec, CLOSE_RANGE_UNSHARE leaves a CLONE_FILES sibling's
 * table alone, and bad flags or an inverted range are EINVAL.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#ifndef SYS_close_range
#define SYS_close_range	436
#endif
#define CR_UNSHARE	(1U << 1)
#define CR_CLOEXEC	(1U << 2)

static long cr(unsigned a, unsigned b, unsigned f)
{
	return lt_syscall(SYS_close_range, a, b, f, 0, 0, 0);
}

static int is_open(int fd)
{
	return fcntl(fd, F_GETFD) >= 0;
}

LT_CASE(closes_range)
{
	int i;

	for (i = 0; i < 5; i++)
		LT_CHECK(dup2(0, 40 + i) == 40 + i);
	LT_CHECK(dup2(0, 60) == 60);
	close(42);
	LT_CHECK_EQ(cr(41, 43, 0), 0);
	LT_CHECK(is_open(40));
	LT_CHECK(!is_open(41));
	LT_CHECK(!is_open(43));
	LT_CHECK(is_open(44));
	/* Past the end of the table is fine. */
	LT_CHECK_EQ(cr(44, ~0U, 0), 0);
	LT_CHECK(!is_open(44));
	LT_CHECK(!is_open(60));
	LT_CHECK(is_open(40));
	LT_CHECK_EQ(cr(40, 40, 0), 0);
	LT_CHECK(!is_open(40));
	LT_CHECK(is_open(0));
}

LT_CASE(cloexec_marks)
{
	LT_CHECK(dup2(0, 50) == 50);
	LT_CHECK(dup2(0, 51) == 51);
	LT_CHECK_EQ(cr(50, 51, CR_CLOEXEC), 0);
	LT_CHECK_EQ(fcntl(50, F_GETFD), FD_CLOEXEC);
	LT_CHECK_EQ(fcntl(51, F_GETFD), FD_CLOEXEC);
	close(50);
	close(51);
}

LT_CASE(bad_args)
{
	LT_CHECK_EQ(cr(5, 4, 0), -EINVAL);
	LT_CHECK_EQ(cr(0, 1, 1), -EINVAL);
	LT_CHECK_EQ(cr(0, 1, 8), -EINVAL);
	LT_CHECK(is_open(0));
}

static volatile int stop, sibling_saw;
static char stack[65536];

/* Shares the table until the parent unshares: fd 70 must stay open here. */
static int sibling(void *arg)
{
	(void)arg;
	while (!stop)
		;
	sibling_saw = is_open(70);
	return 0;
}

LT_CASE(unshare_keeps_sibling)
{
	pid_t pid = fork();

	if (pid == 0) {
		/* A CLONE_FILES child shares our table; it waits on a flag. */
		pid_t t = clone(sibling, stack + sizeof(stack), CLONE_FILES | CLONE_VM | SIGCHLD, NULL);

		if (t < 0)
			_exit(2);
		if (dup2(0, 70) != 70)
			_exit(3);
		if (cr(70, 70, CR_UNSHARE))
			_exit(4);
		if (is_open(70))
			_exit(5);
		stop = 1;
		waitpid(t, NULL, __WALL);
		_exit(sibling_saw ? 0 : 6);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("fs_close_range");
	LT_RUN(closes_range);
	LT_RUN(cloexec_marks);
	LT_RUN(bad_args);
	LT_RUN(unshare_keeps_sibling);
	return lt_end();
}
