// SPDX-License-Identifier: GPL-2.0
/*
 * fork's error paths, walked by fault injection: /proc/self/fail-nth
 * (Linux's fault-injection file) set to N makes the N-th fallible step
 * of the next fork fail.  For N = 1, 2, ... until a fork succeeds, every
 * rung of copy_process's cleanup ladder runs; repeated five times, any
 * object a rung forgets to free shows up as growth in /proc/slabinfo
 * (files_struct, mm_struct, signal_struct ...), and pages in MemFree.
 *
 * Linux has fail-nth only with CONFIG_FAULT_INJECTION (Debian's kernel
 * lacks it): there the cases note that and check the plain fork path.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "lt.h"

#define MAX_CACHES	64
#define ROUNDS		5

struct slab_count {
	char name[32];
	long active;
};

static int read_slabs(struct slab_count *c)
{
	static char buf[16384];
	char *line;
	int n = 0;

	if (lt_read_file("/proc/slabinfo", buf, sizeof(buf)) < 0)
		return -1;
	for (line = strtok(buf, "\n"); line && n < MAX_CACHES; line = strtok(NULL, "\n")) {
		if (line[0] == '#' || !strncmp(line, "slabinfo", 8))
			continue;
		if (sscanf(line, "%31s %ld", c[n].name, &c[n].active) == 2)
			n++;
	}
	return n;
}

static long mem_free_kb(void)
{
	char buf[4096], *p;

	if (lt_read_file("/proc/meminfo", buf, sizeof(buf)) < 0)
		return -1;
	p = strstr(buf, "MemFree:");
	return p ? strtol(p + 8, NULL, 10) : -1;
}

static int set_fail_nth(int n)
{
	char num[16];
	int fd = open("/proc/self/fail-nth", O_WRONLY), len, ret;

	if (fd < 0)
		return -1;
	len = snprintf(num, sizeof(num), "%d", n);
	ret = write(fd, num, len) == len ? 0 : -1;
	close(fd);
	return ret;
}

static int get_fail_nth(void)
{
	char buf[16];

	if (lt_read_file("/proc/self/fail-nth", buf, sizeof(buf)) < 0)
		return -1;
	return atoi(buf);
}

/*
 * Fork with the n-th step failing, for n = 1, 2 ... until a fork
 * succeeds.  Returns the number of failed forks, or -1 with *why set.
 */
static int walk_fork_failures(const char **why)
{
	int n, failed = 0;

	for (n = 1; n < 64; n++) {
		pid_t pid;
		int status;

		if (set_fail_nth(n)) {
			*why = "write fail-nth";
			return -1;
		}
		pid = fork();
		if (pid == 0)
			_exit(0);
		if (pid > 0) {
			set_fail_nth(0);
			if (waitpid(pid, &status, 0) != pid || status != 0) {
				*why = "child of the successful fork";
				return -1;
			}
			return failed;
		}
		if (errno != ENOMEM && errno != EAGAIN) {
			*why = "fork failed with an unexpected errno";
			return -1;
		}
		if (get_fail_nth() != 0) {
			*why = "fork failed but fail-nth did not fire";
			return -1;
		}
		failed++;
	}
	*why = "fork never succeeded";
	return -1;
}

LT_CASE(every_step_fails_cleanly)
{
	struct slab_count before[MAX_CACHES], after[MAX_CACHES];
	const char *why = "";
	long free_before, free_after;
	int nb, na, i, j, r, steps = 0;

	if (access("/proc/self/fail-nth", F_OK)) {
		pid_t pid = fork();

		lt_note("no /proc/self/fail-nth (%s): plain fork only", lt_errname(errno));
		if (pid == 0)
			_exit(0);
		LT_CHECK(pid > 0);
		LT_CHECK_WAIT(pid, LT_EXITED(0));
		return;
	}
	/* Warm up: caches grow their first slabs, the page allocator settles. */
	if (walk_fork_failures(&why) < 0)
		LT_FAIL("warm-up: %s (errno %s)", why, lt_errname(errno));
	nb = read_slabs(before);
	free_before = mem_free_kb();
	LT_CHECK(nb > 0 && free_before > 0);
	for (r = 0; r < ROUNDS; r++) {
		steps = walk_fork_failures(&why);
		if (steps < 0)
			LT_FAIL("round %d: %s (errno %s)", r, why, lt_errname(errno));
	}
	/* At least: task, creds, sighand, signal, fs, files, mm, thread, pid. */
	LT_CHECK(steps >= 8);
	na = read_slabs(after);
	free_after = mem_free_kb();
	for (i = 0; i < nb; i++)
		for (j = 0; j < na; j++)
			if (!strcmp(before[i].name, after[j].name) &&
			    after[j].active - before[i].active >= ROUNDS)
				LT_FAIL("slab %s grew from %ld to %ld objects over %d rounds",
					after[j].name, before[i].active, after[j].active, ROUNDS);
	/* A leaked stack or page table would be ROUNDS x pages. */
	LT_CHECK(free_before - free_after < 4 * ROUNDS);
	lt_note("%d failing steps walked %d times; MemFree %ld -> %ld kB", steps, ROUNDS,
		free_before, free_after);
}

LT_CASE(fail_nth_is_per_task)
{
	pid_t pid;

	if (access("/proc/self/fail-nth", F_OK))
		return;
	LT_CHECK_OK(set_fail_nth(1000));
	LT_CHECK_EQ(get_fail_nth(), 1000);
	/* Far beyond fork's steps: it succeeds, and the child is not armed. */
	pid = fork();
	if (pid == 0)
		_exit(get_fail_nth());
	LT_CHECK(pid > 0);
	LT_CHECK(get_fail_nth() < 1000);	/* fork's steps counted down */
	LT_CHECK_OK(set_fail_nth(0));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(get_fail_nth(), 0);
}

int main(void)
{
	lt_begin("proc_fork_fail");
	/* The test initramfs mounts nothing. */
	mkdir("/proc", 0555);
	if (access("/proc/self", F_OK))
		mount("proc", "/proc", "proc", 0, NULL);
	LT_RUN(every_step_fails_cleanly);
	LT_RUN(fail_nth_is_per_task);
	return lt_end();
}
