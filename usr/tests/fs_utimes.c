// SPDX-License-Identifier: GPL-2.0
/*
 * fs_utimes: the older time-setting calls, made raw (musl routes its
 * utimes() through utimensat): utime with whole seconds, utimes and
 * futimesat with microseconds, NULL for "now", futimesat relative to a
 * directory fd and on the fd itself, and their bad input (usec out of
 * range, bad pointers, missing files).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_utimes"
#define F	D "/f"

struct k_timeval { long tv_sec, tv_usec; };
struct k_utimbuf { long actime, modtime; };

static long sys(long n, long a, long b, long c)
{
	return lt_syscall(n, a, b, c, 0, 0, 0);
}

LT_CASE(utime_seconds)
{
	struct k_utimbuf ub = { 1000, 2000 };
	struct stat st;

	LT_CHECK_EQ(sys(SYS_utime, (long)F, (long)&ub, 0), 0);
	LT_CHECK_OK(stat(F, &st));
	LT_CHECK_EQ(st.st_atim.tv_sec, 1000);
	LT_CHECK_EQ(st.st_mtim.tv_sec, 2000);
	LT_CHECK_EQ(st.st_mtim.tv_nsec, 0);
	LT_CHECK_EQ(sys(SYS_utime, (long)F, 0, 0), 0);
	LT_CHECK_OK(stat(F, &st));
	LT_CHECK(st.st_mtim.tv_sec > 100000);
	LT_CHECK_EQ(sys(SYS_utime, (long)F, 1, 0), -EFAULT);
	LT_CHECK_EQ(sys(SYS_utime, (long)D "/nope", (long)&ub, 0), -ENOENT);
}

LT_CASE(utimes_micro)
{
	struct k_timeval tv[2] = { { 3000, 5 }, { 4000, 999999 } };
	struct stat st;

	LT_CHECK_EQ(sys(SYS_utimes, (long)F, (long)tv, 0), 0);
	LT_CHECK_OK(stat(F, &st));
	LT_CHECK_EQ(st.st_atim.tv_sec, 3000);
	LT_CHECK_EQ(st.st_atim.tv_nsec, 5000);
	LT_CHECK_EQ(st.st_mtim.tv_sec, 4000);
	LT_CHECK_EQ(st.st_mtim.tv_nsec, 999999000);
	tv[1].tv_usec = 1000000;
	LT_CHECK_EQ(sys(SYS_utimes, (long)F, (long)tv, 0), -EINVAL);
	tv[1].tv_usec = -1;
	LT_CHECK_EQ(sys(SYS_utimes, (long)F, (long)tv, 0), -EINVAL);
	LT_CHECK_EQ(sys(SYS_utimes, (long)F, 8, 0), -EFAULT);
}

LT_CASE(futimesat_dirfd)
{
	struct k_timeval tv[2] = { { 5000, 0 }, { 6000, 0 } };
	struct stat st;
	int dfd = open(D, O_RDONLY | O_DIRECTORY), fd;

	LT_CHECK(dfd >= 0);
	LT_CHECK_EQ(sys(SYS_futimesat, dfd, (long)"f", (long)tv), 0);
	LT_CHECK_OK(stat(F, &st));
	LT_CHECK_EQ(st.st_mtim.tv_sec, 6000);
	/* No name: the descriptor's own file. */
	fd = open(F, O_RDWR);
	LT_CHECK(fd >= 0);
	tv[1].tv_sec = 7000;
	LT_CHECK_EQ(sys(SYS_futimesat, fd, 0, (long)tv), 0);
	LT_CHECK_OK(stat(F, &st));
	LT_CHECK_EQ(st.st_mtim.tv_sec, 7000);
	/* A relative name needs a directory. */
	LT_CHECK_EQ(sys(SYS_futimesat, fd, (long)"f", (long)tv), -ENOTDIR);
	LT_CHECK_EQ(sys(SYS_futimesat, 9999, (long)"f", (long)tv), -EBADF);
	close(fd);
	close(dfd);
}

LT_CASE(not_owner_needs_now)
{
	struct k_utimbuf ub = { 1, 2 };
	pid_t pid;

	LT_CHECK_OK(chmod(F, 0666));
	pid = fork();
	if (pid == 0) {
		if (setuid(1000))
			_exit(2);
		/* Explicit times need ownership; "now" only write permission. */
		if (sys(SYS_utime, (long)F, (long)&ub, 0) != -EPERM)
			_exit(3);
		if (sys(SYS_utime, (long)F, 0, 0) != 0)
			_exit(4);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("fs_utimes");
	if (lt_fs_setup(D) || lt_put_file(F, "x", 1, 0644)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(utime_seconds);
	LT_RUN(utimes_micro);
	LT_RUN(futimesat_dirfd);
	LT_RUN(not_owner_needs_now);
	lt_fs_cleanup(D);
	return lt_end();
}
