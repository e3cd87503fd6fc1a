// SPDX-License-Identifier: GPL-2.0
/*
 * fs_execveat: execveat relative to a directory descriptor, by the
 * descriptor itself (AT_EMPTY_PATH: fexecve), AT_SYMLINK_NOFOLLOW on a
 * symlink (ELOOP), bad flags and descriptors; and ETXTBSY both ways: a
 * running program cannot be opened for writing, a file open for writing
 * cannot be executed, and both are allowed again once the other side is
 * gone.  The program run is exec_check in its LT_MODE=exit mode.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_execveat"
#define PROG	"/tests/exec_check"
#define COPY	D "/prog"

static char *const argv0[] = { "exec_check", NULL };
static char *const envp0[] = { "LT_MODE=exit", "LT_CODE=7", NULL };

static long execveat_(int fd, const char *path, int flags)
{
	return lt_syscall(SYS_execveat, fd, (long)path, (long)argv0, (long)envp0, flags, 0);
}

/* Run execveat in a child; its exit status, or 100 + errno if it failed. */
static int run(int fd, const char *path, int flags)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		long r = execveat_(fd, path, flags);

		_exit(100 + (int)-r);
	}
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

static int copy_prog(void)
{
	static char buf[1 << 20];
	int in = open(PROG, O_RDONLY), out;
	ssize_t n;

	if (in < 0)
		return -1;
	n = read(in, buf, sizeof(buf));
	close(in);
	out = open(COPY, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (out < 0 || n <= 0 || write(out, buf, n) != n)
		return -1;
	return close(out);
}

LT_CASE(relative_and_fd)
{
	int dfd = open("/tests", O_RDONLY | O_DIRECTORY), fd = open(COPY, O_RDONLY);
	int pfd = open(COPY, O_PATH);

	LT_CHECK(dfd >= 0 && fd >= 0 && pfd >= 0);
	LT_CHECK_EQ(run(dfd, "exec_check", 0), 7);
	LT_CHECK_EQ(run(AT_FDCWD, PROG, 0), 7);
	LT_CHECK_EQ(run(dfd, PROG, 0), 7);		/* absolute: dfd unused */
	LT_CHECK_EQ(run(fd, "", AT_EMPTY_PATH), 7);
	LT_CHECK_EQ(run(pfd, "", AT_EMPTY_PATH), 7);
	close(dfd);
	close(fd);
	close(pfd);
}

LT_CASE(x_errors)
{
	int dfd = open(D, O_RDONLY | O_DIRECTORY), fd = open(COPY, O_RDONLY);

	LT_CHECK(dfd >= 0 && fd >= 0);
	LT_CHECK_EQ(run(dfd, "lnk", AT_SYMLINK_NOFOLLOW), 100 + ELOOP);
	LT_CHECK_EQ(run(dfd, "lnk", 0), 7);
	LT_CHECK_EQ(run(dfd, "prog", 0x1), 100 + EINVAL);
	LT_CHECK_EQ(run(-1, "prog", 0), 100 + EBADF);
	LT_CHECK_EQ(run(fd, "prog", 0), 100 + ENOTDIR);
	LT_CHECK_EQ(run(fd, "", 0), 100 + ENOENT);
	LT_CHECK_EQ(run(dfd, "", AT_EMPTY_PATH), 100 + EACCES);	/* a directory */
	close(dfd);
	close(fd);
}

LT_CASE(etxtbsy)
{
	int wfd;

	/* Open for writing: it cannot run. */
	wfd = open(COPY, O_WRONLY);
	LT_CHECK(wfd >= 0);
	LT_CHECK_EQ(run(AT_FDCWD, COPY, 0), 100 + ETXTBSY);
	close(wfd);
	LT_CHECK_EQ(run(AT_FDCWD, COPY, 0), 7);
	/* Running (this very program): no writers; readers are fine. */
	LT_CHECK_ERR(open("/tests/fs_execveat", O_WRONLY), ETXTBSY);
	LT_CHECK_ERR(open("/tests/fs_execveat", O_RDWR | O_TRUNC), ETXTBSY);
	LT_CHECK_ERR(truncate("/tests/fs_execveat", 0), ETXTBSY);
	wfd = open("/tests/fs_execveat", O_RDONLY);
	LT_CHECK(wfd >= 0);
	close(wfd);
	/* Once a program has exited, its file may be written again. */
	wfd = open(COPY, O_WRONLY);
	LT_CHECK(wfd >= 0);
	close(wfd);
}

int main(void)
{
	lt_begin("fs_execveat");
	if (lt_fs_setup(D) || copy_prog() || symlink("prog", D "/lnk")) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(relative_and_fd);
	LT_RUN(x_errors);
	LT_RUN(etxtbsy);
	lt_fs_cleanup(D);
	return lt_end();
}
