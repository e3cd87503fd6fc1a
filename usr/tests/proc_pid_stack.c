// SPDX-License-Identifier: GPL-2.0
/*
 * proc_pid_stack: the seed's exploration files for a sleeping task.  A
 * child blocks in read(2) on an empty pipe; then /proc/<pid>/wchan names
 * the function it waits in (pipe_read), /proc/<pid>/syscall gives read's
 * number and its arguments, and /proc/<pid>/stack (root only) lists its
 * kernel stack from pipe_read up.  A task reading its own syscall file
 * sees that read, its wchan is 0 (it runs), and a non-root process may
 * not read another's stack or syscall.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "lt.h"

#define P	"/proc"

static int setup(void)
{
	struct stat st;

	mkdir(P, 0555);
	if (stat(P "/self", &st) && mount("proc", P, "proc", 0, NULL))
		return -1;
	return 0;
}

/* Wait (bounded) until @pid sleeps: state S in /proc/<pid>/stat. */
static int wait_sleeping(pid_t pid)
{
	char path[64], buf[512], *p;

	snprintf(path, sizeof(path), P "/%d/stat", pid);
	for (int i = 0; i < 500; i++) {
		if (lt_read_file(path, buf, sizeof(buf)) > 0 && (p = strrchr(buf, ')')) && p[2] == 'S')
			return 0;
		lt_sleep_ms(10);
	}
	return -1;
}

static pid_t reader(int fds[2])
{
	pid_t pid;
	char c;

	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		_exit(read(fds[0], &c, 1) == 1 ? 0 : 1);
	}
	return pid;
}

LT_CASE(sleeping_reader)
{
	char path[64], buf[4096], want[64];
	int fds[2];
	pid_t pid = reader(fds);

	LT_CHECK(pid > 0);
	LT_CHECK_OK(wait_sleeping(pid));
	lt_sleep_ms(50);	/* S is set just before the switch; let it finish */
	snprintf(path, sizeof(path), P "/%d/wchan", pid);
	LT_CHECK(lt_read_file(path, buf, sizeof(buf)) > 0);
	if (strcmp(buf, "pipe_read"))
		LT_FAIL("wchan: '%s'", buf);
	snprintf(path, sizeof(path), P "/%d/syscall", pid);
	LT_CHECK(lt_read_file(path, buf, sizeof(buf)) > 0);
	snprintf(want, sizeof(want), "0 0x%x 0x", fds[0]);
	if (strncmp(buf, want, strlen(want)))
		LT_FAIL("syscall: '%s', expected '%s...'", buf, want);
	LT_CHECK(strstr(buf, " 0x1 ") != NULL);	/* count */
	snprintf(path, sizeof(path), P "/%d/stack", pid);
	LT_CHECK(lt_read_file(path, buf, sizeof(buf)) > 0);
	/* Both kernels start past the scheduler: pipe_read is the first frame. */
	if (strncmp(buf, "[<0>] pipe_read+0x", 18))
		LT_FAIL("stack:\n%s", buf);
	LT_CHECK_EQ(write(fds[1], "x", 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(fds[0]);
	close(fds[1]);
}

LT_CASE(running_self)
{
	char buf[256];

	/* Its own file shows the read(2) of that file. */
	LT_CHECK(lt_read_file(P "/self/syscall", buf, sizeof(buf)) > 0);
	LT_CHECK(!strncmp(buf, "0 0x", 4));
	LT_CHECK(lt_read_file(P "/self/wchan", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "0"));
}

/* Another user's task: no stack, no syscall (EACCES); wchan says nothing ("0"). */
LT_CASE(not_root)
{
	char path[64];
	int fds[2];
	pid_t pid = reader(fds), child;

	LT_CHECK(pid > 0);
	LT_CHECK_OK(wait_sleeping(pid));
	child = fork();
	if (child == 0) {
		char buf[256];

		if (setgid(65534) || setuid(65534))
			_exit(2);
		snprintf(path, sizeof(path), P "/%d/stack", pid);
		if (open(path, O_RDONLY) >= 0 || errno != EACCES)
			_exit(3);
		snprintf(path, sizeof(path), P "/%d/syscall", pid);
		if (open(path, O_RDONLY) >= 0 || errno != EACCES)
			_exit(4);
		snprintf(path, sizeof(path), P "/%d/wchan", pid);
		if (lt_read_file(path, buf, sizeof(buf)) < 0 || strcmp(buf, "0"))
			_exit(5);
		_exit(0);
	}
	LT_CHECK_WAIT(child, LT_EXITED(0));
	LT_CHECK_EQ(write(fds[1], "x", 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	lt_begin("proc_pid_stack");
	if (setup()) {
		printf("FAIL proc_pid_stack/setup: cannot mount proc (errno %d)\n", errno);
		return 1;
	}
	LT_RUN(sleeping_reader);
	LT_RUN(running_self);
	LT_RUN(not_root);
	return lt_end();
}
