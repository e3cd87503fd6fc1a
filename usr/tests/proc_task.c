// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/task/<tid>: one directory per thread, with the thread's
 * own stat, status and comm; /proc/<pid>/status counts the threads and
 * tells Tgid from Pid.  Also sched_getaffinity/sched_setaffinity (a mask
 * of CPUs that exist) and getcpu.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "lt.h"

#define NTHREADS 3

static volatile int stop;
static volatile long tids[NTHREADS];

static void *park(void *arg)
{
	tids[(long)arg] = syscall(SYS_gettid);
	while (!stop)
		lt_sleep_ms(5);
	return NULL;
}

static long status_field(const char *buf, const char *name)
{
	const char *p = strstr(buf, name);

	return p ? strtol(p + strlen(name), NULL, 10) : -1;
}

static pthread_t threads[NTHREADS];

static int start_threads(void)
{
	long i;

	stop = 0;
	for (i = 0; i < NTHREADS; i++) {
		tids[i] = 0;
		if (pthread_create(&threads[i], NULL, park, (void *)i))
			return -1;
	}
	for (i = 0; i < NTHREADS; i++)
		while (!tids[i])
			sched_yield();
	return 0;
}

static void stop_threads(void)
{
	int i;

	stop = 1;
	for (i = 0; i < NTHREADS; i++)
		pthread_join(threads[i], NULL);
}

LT_CASE(task_dir_lists_threads)
{
	DIR *d;
	struct dirent *e;
	int seen = 0, self = 0, i;

	LT_CHECK_OK(start_threads());
	d = opendir("/proc/self/task");
	if (!d) {
		stop_threads();
		LT_FAIL("opendir /proc/self/task: %s", lt_errname(errno));
	}
	while ((e = readdir(d))) {
		long tid = strtol(e->d_name, NULL, 10);

		if (tid == getpid())
			self++;
		for (i = 0; i < NTHREADS; i++)
			if (tid == tids[i])
				seen++;
	}
	closedir(d);
	stop_threads();
	LT_CHECK_EQ(self, 1);
	LT_CHECK_EQ(seen, NTHREADS);
}

LT_CASE(task_status_and_stat)
{
	char path[64], buf[4096];
	long tid;

	LT_CHECK_OK(start_threads());
	tid = tids[1];
	LT_CHECK(lt_read_file("/proc/self/status", buf, sizeof(buf)) > 0);
	LT_CHECK_EQ(status_field(buf, "Threads:"), NTHREADS + 1);
	LT_CHECK_EQ(status_field(buf, "Tgid:"), getpid());
	LT_CHECK_EQ(status_field(buf, "\nPid:"), getpid());
	snprintf(path, sizeof(path), "/proc/self/task/%ld/status", tid);
	LT_CHECK(lt_read_file(path, buf, sizeof(buf)) > 0);
	LT_CHECK_EQ(status_field(buf, "Tgid:"), getpid());
	LT_CHECK_EQ(status_field(buf, "\nPid:"), tid);
	snprintf(path, sizeof(path), "/proc/self/task/%ld/stat", tid);
	LT_CHECK(lt_read_file(path, buf, sizeof(buf)) > 0);
	LT_CHECK_EQ(strtol(buf, NULL, 10), tid);
	snprintf(path, sizeof(path), "/proc/self/task/%ld/comm", tid);
	LT_CHECK(lt_read_file(path, buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "proc_task\n"));
	/* Another process's TID is not a thread of ours. */
	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", getppid());
	LT_CHECK_ERR(open(path, O_RDONLY), ENOENT);
	stop_threads();
	/*
	 * Gone threads are gone from the directory too.  pthread_join
	 * returns when the kernel clears the thread's TID word, a moment
	 * before the thread is released; on another CPU that moment can be
	 * seen (on Linux too), so give it a second.
	 */
	snprintf(path, sizeof(path), "/proc/self/task/%ld", tid);
	for (int i = 0; i < 1000 && access(path, F_OK) == 0; i++)
		usleep(1000);
	LT_CHECK_ERR(access(path, F_OK), ENOENT);
}

/* utime + stime (clock ticks) from a stat file: fields 14 and 15. */
static long stat_cpu_ticks(const char *path)
{
	char buf[1024], *p;
	long ut, st;

	if (lt_read_file(path, buf, sizeof(buf)) <= 0 || !(p = strrchr(buf, ')')))
		return -1;
	if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %ld %ld", &ut, &st) != 2)
		return -1;
	return ut + st;
}

static void *burn(void *arg)
{
	long long end = lt_now_ns() + 150000000LL;

	(void)arg;
	while (lt_now_ns() < end)
		;
	return NULL;
}

/* The process's stat counts a thread that is gone; the thread's own does not. */
LT_CASE(stat_times_whole_process)
{
	char path[64];
	pthread_t t;
	long proc, self;

	LT_CHECK_EQ(pthread_create(&t, NULL, burn, NULL), 0);
	LT_CHECK_EQ(pthread_join(t, NULL), 0);
	snprintf(path, sizeof(path), "/proc/self/task/%ld/stat", (long)syscall(SYS_gettid));
	proc = stat_cpu_ticks("/proc/self/stat");
	self = stat_cpu_ticks(path);
	LT_CHECK(proc >= 0 && self >= 0);
	LT_CHECK(proc - self >= 10);	/* 150 ms at 100 ticks a second, some slack */
}

LT_CASE(affinity)
{
	cpu_set_t set, one;
	unsigned cpu = ~0u, node = ~0u;
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	CPU_ZERO(&set);
	LT_CHECK_OK(sched_getaffinity(0, sizeof(set), &set));
	LT_CHECK_EQ(CPU_COUNT(&set), n);
	LT_CHECK(CPU_ISSET(0, &set));
	LT_CHECK_EQ(syscall(SYS_getcpu, &cpu, &node, NULL), 0);
	LT_CHECK(cpu < (unsigned)n);
	LT_CHECK_EQ(node, 0);
	/* Only CPU 0, then back: and a mask of CPUs that do not exist is EINVAL. */
	CPU_ZERO(&one);
	CPU_SET(0, &one);
	LT_CHECK_OK(sched_setaffinity(0, sizeof(one), &one));
	CPU_ZERO(&one);
	LT_CHECK_OK(sched_getaffinity(0, sizeof(one), &one));
	LT_CHECK_EQ(CPU_COUNT(&one), 1);
	CPU_ZERO(&one);
	CPU_SET(1000, &one);
	LT_CHECK_ERR(sched_setaffinity(0, sizeof(one), &one), EINVAL);
	LT_CHECK_OK(sched_setaffinity(0, sizeof(set), &set));
	/* The kernel's mask is 8 bytes here; a buffer too small for it: EINVAL. */
	LT_CHECK_ERR(syscall(SYS_sched_getaffinity, 0, 4, &one), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sched_getaffinity, 0, sizeof(one), (void *)8), EFAULT);
	LT_CHECK_ERR(sched_getaffinity(999999, sizeof(one), &one), ESRCH);
}

int main(void)
{
	lt_begin("proc_task");
	/* The test initramfs mounts nothing. */
	mkdir("/proc", 0555);
	if (access("/proc/self", F_OK))
		mount("proc", "/proc", "proc", 0, NULL);
	LT_RUN(task_dir_lists_threads);
	LT_RUN(task_status_and_stat);
	LT_RUN(stat_times_whole_process);
	LT_RUN(affinity);
	return lt_end();
}
