// SPDX-License-Identifier: GPL-2.0
/*
 * proc_rlimit: RLIMIT_CPU.  A process past its soft CPU limit gets
 * SIGXCPU (and, handling it, again each second), and at the hard limit
 * SIGKILL.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

static volatile int *xcpu_count;

static void on_xcpu(int sig)
{
	(void)sig;
	(*xcpu_count)++;
}

LT_CASE(cpu_limit)
{
	pid_t pid;

	xcpu_count = lt_shared(sizeof(int));
	*xcpu_count = 0;
	pid = fork();
	if (pid == 0) {
		struct rlimit rl = { 1, 2 };

		signal(SIGXCPU, on_xcpu);
		if (setrlimit(RLIMIT_CPU, &rl))
			_exit(1);
		alarm(30);
		for (;;)
			;
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
	LT_CHECK(*xcpu_count >= 1);
}

int main(void)
{
	lt_begin("proc_rlimit");
	LT_RUN(cpu_limit);
	return lt_end();
}
