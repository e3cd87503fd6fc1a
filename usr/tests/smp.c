// SPDX-License-Identifier: GPL-2.0
/*
 * smp: the CPUs as user space sees them, and what must hold across them.
 *
 *  - the CPU counts agree: /sys/devices/system/cpu/online, the blocks of
 *    /proc/cpuinfo, the cpuN lines of /proc/stat, the columns of
 *    /proc/interrupts;
 *  - affinity: pinned to each CPU it may use in turn, a thread runs there
 *    (getcpu, sched_getcpu through the vDSO, /proc/self/stat field 39,
 *    Cpus_allowed_list in /proc/self/status); bad masks are refused;
 *  - TLB shootdown: a thread spinning on a page, on another CPU when
 *    there is one, never reads it after its sibling's munmap or mprotect
 *    has returned, and gets SIGSEGV.
 *
 * With one usable CPU the affinity and shootdown cases still run (both
 * threads share the CPU); with several they cross CPUs, as on Linux
 * with -smp 4.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "lt.h"

static int read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, total = 0;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + total, size - 1 - total)) > 0)
		total += n;
	close(fd);
	buf[total] = '\0';
	return n < 0 ? -1 : (int)total;
}

/* "0-3,5\n": the number of CPUs in a list, or -1 if malformed. */
static int count_cpu_list(const char *s)
{
	int n = 0;

	while (*s && *s != '\n') {
		char *end;
		long a = strtol(s, &end, 10), b;

		if (end == s)
			return -1;
		b = a;
		if (*end == '-') {
			s = end + 1;
			b = strtol(s, &end, 10);
			if (end == s || b < a)
				return -1;
		}
		n += b - a + 1;
		s = end;
		if (*s == ',')
			s++;
	}
	return n;
}

static int count_lines_starting(const char *text, const char *prefix, int digit_after)
{
	size_t len = strlen(prefix);
	const char *p = text;
	int n = 0;

	while (p && *p) {
		if (!strncmp(p, prefix, len) && (!digit_after || (p[len] >= '0' && p[len] <= '9')))
			n++;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return n;
}

static char big[65536];

LT_CASE(counts_agree)
{
	char buf[256];
	int online, possible, n;

	LT_CHECK(read_file("/sys/devices/system/cpu/online", buf, sizeof(buf)) > 0);
	online = count_cpu_list(buf);
	LT_CHECK(online >= 1);
	LT_CHECK(buf[0] == '0');	/* the boot CPU is always online */
	LT_CHECK(read_file("/sys/devices/system/cpu/possible", buf, sizeof(buf)) > 0);
	possible = count_cpu_list(buf);
	LT_CHECK(possible >= online);
	LT_CHECK(read_file("/sys/devices/system/cpu/present", buf, sizeof(buf)) > 0);
	LT_CHECK(count_cpu_list(buf) >= online);

	LT_CHECK(read_file("/proc/cpuinfo", big, sizeof(big)) > 0);
	n = count_lines_starting(big, "processor\t: ", 1);
	LT_CHECK_EQ(n, online);
	LT_CHECK(read_file("/proc/stat", big, sizeof(big)) > 0);
	LT_CHECK_EQ(count_lines_starting(big, "cpu", 1), online);
	LT_CHECK_EQ(count_lines_starting(big, "cpu ", 0), 1);
	LT_CHECK(read_file("/proc/interrupts", big, sizeof(big)) > 0);
	/* The header: one CPUn column per online CPU. */
	n = 0;
	for (const char *p = big; (p = strstr(p, "CPU")) && p < strchr(big, '\n'); p++)
		n++;
	LT_CHECK_EQ(n, online);
	lt_note("%d CPUs online, %d possible, this process may use %ld", online, possible,
		sysconf(_SC_NPROCESSORS_ONLN));
}

static int stat_processor(void)
{
	char buf[1024], *p;
	int field;

	if (read_file("/proc/self/stat", buf, sizeof(buf)) <= 0)
		return -1;
	p = strrchr(buf, ')');	/* comm may hold spaces */
	if (!p)
		return -1;
	/* After ") " comes field 3; field 39 is 36 spaces further. */
	for (field = 2; field < 39 && p; field++)
		p = strchr(p + 1, ' ');
	return p ? atoi(p + 1) : -1;
}

static int status_allowed_list(char *out, size_t size)
{
	char buf[4096], *p, *e;

	if (read_file("/proc/self/status", buf, sizeof(buf)) <= 0)
		return -1;
	p = strstr(buf, "Cpus_allowed_list:\t");
	if (!p)
		return -1;
	p += strlen("Cpus_allowed_list:\t");
	e = strchr(p, '\n');
	if (!e || (size_t)(e - p) >= size)
		return -1;
	memcpy(out, p, e - p);
	out[e - p] = '\0';
	return 0;
}

LT_CASE(affinity_each_cpu)
{
	cpu_set_t all, one, got;
	int cpu, tried = 0;

	CPU_ZERO(&all);
	LT_CHECK_OK(sched_getaffinity(0, sizeof(all), &all));
	LT_CHECK(CPU_COUNT(&all) >= 1);
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		unsigned int now = ~0u, node = ~0u;
		char list[64], want[16];

		if (!CPU_ISSET(cpu, &all))
			continue;
		tried++;
		CPU_ZERO(&one);
		CPU_SET(cpu, &one);
		/* Linux moves the caller before sched_setaffinity returns. */
		LT_CHECK_OK(sched_setaffinity(0, sizeof(one), &one));
		LT_CHECK_EQ(syscall(SYS_getcpu, &now, &node, NULL), 0);
		LT_CHECK_EQ(now, (unsigned int)cpu);
		LT_CHECK_EQ(node, 0);
		LT_CHECK_EQ(sched_getcpu(), cpu);
		LT_CHECK_EQ(stat_processor(), cpu);
		LT_CHECK_OK(status_allowed_list(list, sizeof(list)));
		snprintf(want, sizeof(want), "%d", cpu);
		LT_CHECK(!strcmp(list, want));
		CPU_ZERO(&got);
		LT_CHECK_OK(sched_getaffinity(0, sizeof(got), &got));
		LT_CHECK(CPU_EQUAL(&got, &one));
		/* A sleep and a yield do not move it either. */
		lt_sleep_ms(5);
		sched_yield();
		LT_CHECK_EQ(sched_getcpu(), cpu);
	}
	LT_CHECK_EQ(tried, CPU_COUNT(&all));
	LT_CHECK_OK(sched_setaffinity(0, sizeof(all), &all));
}

LT_CASE(affinity_bad_masks)
{
	cpu_set_t all, set;
	char buf[256];
	int online, cpu;

	CPU_ZERO(&all);
	LT_CHECK_OK(sched_getaffinity(0, sizeof(all), &all));
	LT_CHECK(read_file("/sys/devices/system/cpu/online", buf, sizeof(buf)) > 0);
	online = count_cpu_list(buf);
	/* No CPU that exists: EINVAL, and the mask is unchanged. */
	CPU_ZERO(&set);
	LT_CHECK_ERR(sched_setaffinity(0, sizeof(set), &set), EINVAL);
	CPU_ZERO(&set);
	CPU_SET(CPU_SETSIZE - 1, &set);
	LT_CHECK_ERR(sched_setaffinity(0, sizeof(set), &set), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sched_setaffinity, 0, sizeof(set), (void *)8), EFAULT);
	LT_CHECK_ERR(syscall(SYS_sched_setaffinity, 999999, sizeof(set), &all), ESRCH);
	/* A mask naming a usable CPU and a missing one keeps just the usable one. */
	for (cpu = 0; cpu < CPU_SETSIZE && !CPU_ISSET(cpu, &all); cpu++)
		;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	CPU_SET(online + 8 < CPU_SETSIZE ? online + 8 : CPU_SETSIZE - 1, &set);
	LT_CHECK_OK(sched_setaffinity(0, sizeof(set), &set));
	CPU_ZERO(&set);
	LT_CHECK_OK(sched_getaffinity(0, sizeof(set), &set));
	LT_CHECK_EQ(CPU_COUNT(&set), 1);
	LT_CHECK(CPU_ISSET(cpu, &set));
	LT_CHECK_OK(sched_setaffinity(0, sizeof(all), &all));
	CPU_ZERO(&set);
	LT_CHECK_OK(sched_getaffinity(0, sizeof(set), &set));
	LT_CHECK(CPU_EQUAL(&set, &all));
}

/*
 * The shootdown: the spinner reads the page in a loop and checks, before
 * each read, whether the sibling has already finished taking the page
 * away.  A read that succeeds after that is a stale TLB entry.
 */
struct spin {
	volatile int *page;
	volatile int started, gone, faulted, stale;
	volatile long reads;
	int write;		/* spin writing rather than reading */
	int cpu;		/* -1: anywhere */
	sigjmp_buf jb;
};

static __thread struct spin *my_spin;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	if (my_spin && si->si_addr == (void *)my_spin->page) {
		my_spin->faulted = 1;
		siglongjmp(my_spin->jb, 1);
	}
	_exit(LT_CHILD_FAILED);
}

static void *spinner(void *arg)
{
	struct spin *s = arg;

	my_spin = s;
	if (s->cpu >= 0) {
		cpu_set_t one;

		CPU_ZERO(&one);
		CPU_SET(s->cpu, &one);
		sched_setaffinity(0, sizeof(one), &one);
	}
	if (sigsetjmp(s->jb, 1))
		return NULL;
	s->started = 1;
	for (;;) {
		int gone = __atomic_load_n(&s->gone, __ATOMIC_ACQUIRE);

		if (s->write)
			*s->page = 1;
		else
			(void)*s->page;
		if (gone) {
			s->stale = 1;
			return NULL;
		}
		s->reads++;
	}
}

/* A CPU other than the caller's in its mask, or -1. */
static int other_cpu(void)
{
	cpu_set_t all;
	int me = sched_getcpu();

	if (sched_getaffinity(0, sizeof(all), &all))
		return -1;
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &all) && cpu != me)
			return cpu;
	return -1;
}

enum how { BY_MUNMAP, BY_MPROTECT_NONE, BY_MPROTECT_READ };

static void shootdown(enum how how)
{
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
	static struct spin s;
	pthread_t t;
	int round;

	LT_CHECK_OK(sigaction(SIGSEGV, &sa, NULL));
	for (round = 0; round < 5; round++) {
		void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);
		struct timespec t0, t1;

		LT_CHECK(p != MAP_FAILED);
		memset(p, 1, 4096);
		memset(&s, 0, sizeof(s));
		s.page = p;
		s.write = how == BY_MPROTECT_READ;
		s.cpu = other_cpu();
		LT_CHECK_EQ(pthread_create(&t, NULL, spinner, &s), 0);
		/* Until it has read the page many times: its TLB holds the entry. */
		clock_gettime(CLOCK_MONOTONIC, &t0);
		while (s.reads < 10000 && !s.faulted) {
			clock_gettime(CLOCK_MONOTONIC, &t1);
			if (t1.tv_sec - t0.tv_sec > 10)
				break;
			sched_yield();
		}
		LT_CHECK(s.reads >= 10000);
		if (how == BY_MUNMAP)
			LT_CHECK_OK(munmap(p, 4096));
		else
			LT_CHECK_OK(mprotect(p, 4096, how == BY_MPROTECT_NONE ? PROT_NONE :
									      PROT_READ));
		__atomic_store_n(&s.gone, 1, __ATOMIC_RELEASE);
		LT_CHECK_EQ(pthread_join(t, NULL), 0);
		LT_CHECK_EQ(s.stale, 0);
		LT_CHECK_EQ(s.faulted, 1);
		if (!round)
			lt_note("spinner on CPU %d, unmapper on CPU %d", s.cpu, sched_getcpu());
		if (how != BY_MUNMAP)
			munmap(p, 4096);
	}
	signal(SIGSEGV, SIG_DFL);
}

LT_CASE(shootdown_munmap)
{
	shootdown(BY_MUNMAP);
}

LT_CASE(shootdown_mprotect_none)
{
	shootdown(BY_MPROTECT_NONE);
}

LT_CASE(shootdown_mprotect_readonly)
{
	shootdown(BY_MPROTECT_READ);
}

int main(void)
{
	lt_begin("smp");
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
	mkdir("/sys", 0555);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	LT_RUN(counts_agree);
	LT_RUN(affinity_each_cpu);
	LT_RUN(affinity_bad_masks);
	LT_RUN(shootdown_munmap);
	LT_RUN(shootdown_mprotect_none);
	LT_RUN(shootdown_mprotect_readonly);
	return lt_end();
}
