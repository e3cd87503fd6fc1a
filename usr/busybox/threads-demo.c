// SPDX-License-Identifier: GPL-2.0
/*
 * threads-demo [N]: a process with N+1 threads that sleep until it is
 * killed, for watching threads from the busybox shell:
 *
 *	threads-demo 3 &
 *	ps -T                      (one line per thread)
 *	ls /proc/$!/task           (their TIDs)
 *	cat /proc/$!/status        (Tgid, Pid, Threads)
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

int main(int argc, char **argv)
{
	int i, n = argc > 1 ? atoi(argv[1]) : 3;
	pthread_t t;

	for (i = 0; i < n; i++)
		if (pthread_create(&t, NULL, sleeper, NULL))
			return 1;
	printf("threads-demo: pid %d runs %d threads\n", getpid(), n + 1);
	fflush(stdout);
	for (;;)
		pause();
}
