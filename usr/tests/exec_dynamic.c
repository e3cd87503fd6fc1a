// SPDX-License-Identifier: GPL-2.0
/*
 * exec_dynamic: dynamically linked glibc programs.  The kernel maps the
 * program and glibc's ld.so (PT_INTERP); ld.so then maps libc.so.6 from
 * its file with mmap.  Both ways of starting one: through PT_INTERP, and
 * ld.so run as a command with the program as its argument.  Waits on
 * Lantern for file-backed mmap (LANTERN_SKIP in user-tests.sh).
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define LDSO		"/lib64/ld-linux-x86-64.so.2"
#define GLIBC_HELLO	"/tests/data/hello-glibc"

/* Run @argv[0] with stdout into @out; returns the wait status or -1. */
static int run_capture(char *const argv[], char *out, size_t size)
{
	int fds[2], status;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	while (len + 1 < size && (n = read(fds[0], out + len, size - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(fds[0]);
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

LT_CASE(through_pt_interp)
{
	char *argv[] = { GLIBC_HELLO, "x", NULL }, out[256];

	LT_CHECK_EQ(run_capture(argv, out, sizeof(out)), 0);
	if (strcmp(out, "hello from glibc, argc=2\n"))
		LT_FAIL("output: %s", out);
}

LT_CASE(ldso_as_command)
{
	char *argv[] = { LDSO, GLIBC_HELLO, NULL }, out[256];

	LT_CHECK_EQ(run_capture(argv, out, sizeof(out)), 0);
	if (strcmp(out, "hello from glibc, argc=1\n"))
		LT_FAIL("output: %s", out);
}

int main(void)
{
	lt_begin("exec_dynamic");
	LT_RUN(through_pt_interp);
	LT_RUN(ldso_as_command);
	return lt_end();
}
