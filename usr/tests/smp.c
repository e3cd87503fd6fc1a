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
 *    has returned, and gets SIGSEGV; after madvise(MADV_DONTNEED) it
 *    reads zero, never the old data;
 *  - affinity on another thread: sched_setaffinity(tid) moves a running
 *    thread, which sees its CPU change within a bounded time; a pinned
 *    task is never seen elsewhere; children inherit the mask;
 *  - the CPUs run tasks: the affinity mask of a fresh task (what nproc
 *    counts) is every online CPU; with every CPU kept busy, each cpuN
 *    line of /proc/stat advances; N CPU-bound processes on N CPUs run in
 *    parallel (their CPU time adds up to well over their wall time).
 *
 * With one usable CPU the affinity and shootdown cases still run (both
 * threads share the CPU); with several they cross CPUs, as on Linux
 * with -smp 4.  "Several" is the online count of
 * /sys/devices/system/cpu/online: a kernel that lists CPUs online but
 * runs tasks on one of them fails the last three cases.
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
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
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

/* The online CPUs (/sys/devices/system/cpu/online) into @set; their number or -1. */
static int online_cpus(cpu_set_t *set)
{
	char buf[256], *s = buf;
	int n = 0;

	if (read_file("/sys/devices/system/cpu/online", buf, sizeof(buf)) <= 0)
		return -1;
	CPU_ZERO(set);
	while (*s && *s != '\n') {
		char *end;
		long a = strtol(s, &end, 10), b;

		if (end == s || a < 0 || a >= CPU_SETSIZE)
			return -1;
		b = a;
		if (*end == '-') {
			b = strtol(end + 1, &end, 10);
			if (b < a || b >= CPU_SETSIZE)
				return -1;
		}
		for (; a <= b; a++, n++)
			CPU_SET(a, set);
		s = *end == ',' ? end + 1 : end;
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
	volatile int cpu_seen;	/* where the spinner found itself */
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
	s->cpu_seen = sched_getcpu();
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

/*
 * The shootdown cases pin the caller to its CPU (saving its mask here),
 * so the spinner's CPU stays another one.
 */
static cpu_set_t saved_mask;

static void restore_full_mask(void)
{
	sched_setaffinity(0, sizeof(saved_mask), &saved_mask);
}

/* A CPU other than @me in the saved mask, or -1. */
static int other_cpu_than(int me)
{
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &saved_mask) && cpu != me)
			return cpu;
	return -1;
}

enum how { BY_MUNMAP, BY_MPROTECT_NONE, BY_MPROTECT_READ };

static void shootdown(enum how how)
{
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
	static struct spin s;
	cpu_set_t self;
	pthread_t t;
	int round, me = sched_getcpu();

	CPU_ZERO(&self);
	CPU_SET(me, &self);
	LT_CHECK_OK(sched_getaffinity(0, sizeof(saved_mask), &saved_mask));
	LT_CHECK_OK(sched_setaffinity(0, sizeof(self), &self));
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
		s.cpu = other_cpu_than(me);
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
		if (s.cpu >= 0)
			LT_CHECK_EQ(s.cpu_seen, s.cpu);
		if (!round)
			lt_note("spinner on CPU %d, unmapper on CPU %d", s.cpu_seen, sched_getcpu());
		if (how != BY_MUNMAP)
			munmap(p, 4096);
	}
	signal(SIGSEGV, SIG_DFL);
	restore_full_mask();
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


/*
 * MADV_DONTNEED on a private anonymous page drops it: the next read
 * maps the zero page.  A spinner on another CPU that still reads the old
 * data after madvise has returned kept a stale TLB entry.
 */
struct zspin {
	volatile long *page;
	volatile int started, gone, stale, cpu_seen;
	volatile long reads;
	int cpu;
};

static void *zero_spinner(void *arg)
{
	struct zspin *z = arg;

	if (z->cpu >= 0) {
		cpu_set_t one;

		CPU_ZERO(&one);
		CPU_SET(z->cpu, &one);
		sched_setaffinity(0, sizeof(one), &one);
	}
	z->cpu_seen = sched_getcpu();
	z->started = 1;
	for (;;) {
		int gone = __atomic_load_n(&z->gone, __ATOMIC_ACQUIRE);
		long v = *z->page;

		if (gone) {
			/* Read after madvise returned: it must be the zero page. */
			if (v != 0)
				z->stale = 1;
			return NULL;
		}
		if (v != 0x5a5a5a5a5a5a5a5aL && v != 0)
			z->stale = 2;	/* neither the data nor the zero page */
		z->reads++;
	}
}

LT_CASE(shootdown_madvise_dontneed)
{
	static struct zspin z;
	cpu_set_t self;
	pthread_t t;
	int me = sched_getcpu();

	/* Stay on this CPU: the spinner gets another one if there is one. */
	CPU_ZERO(&self);
	CPU_SET(me, &self);
	LT_CHECK_OK(sched_getaffinity(0, sizeof(saved_mask), &saved_mask));
	LT_CHECK_OK(sched_setaffinity(0, sizeof(self), &self));
	for (int round = 0; round < 5; round++) {
		long *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);
		long long t0 = lt_now_ns();

		LT_CHECK(p != MAP_FAILED);
		for (int i = 0; i < 512; i++)
			p[i] = 0x5a5a5a5a5a5a5a5aL;
		memset(&z, 0, sizeof(z));
		z.page = p;
		z.cpu = other_cpu_than(me);
		LT_CHECK_EQ(pthread_create(&t, NULL, zero_spinner, &z), 0);
		while (z.reads < 10000 && lt_now_ns() - t0 < 10000000000LL)
			sched_yield();
		LT_CHECK(z.reads >= 10000);
		LT_CHECK_OK(madvise(p, 4096, MADV_DONTNEED));
		__atomic_store_n(&z.gone, 1, __ATOMIC_RELEASE);
		LT_CHECK_EQ(pthread_join(t, NULL), 0);
		LT_CHECK_EQ(z.stale, 0);
		LT_CHECK_EQ(p[0], 0);
		LT_CHECK_EQ(p[511], 0);
		if (z.cpu >= 0)
			LT_CHECK_EQ(z.cpu_seen, z.cpu);
		if (!round)
			lt_note("spinner on CPU %d, madvise on CPU %d", z.cpu_seen, sched_getcpu());
		munmap(p, 4096);
	}
	restore_full_mask();
}

/*
 * The mask a task starts with (init's, inherited) is every online CPU,
 * and nproc (sysconf(_SC_NPROCESSORS_ONLN): musl counts that mask) says
 * the same.  A kernel that lists CPUs online but schedules on fewer
 * fails here.
 */
LT_CASE(nproc_is_online)
{
	cpu_set_t online, mask;
	int n = online_cpus(&online);

	LT_CHECK(n >= 1);
	CPU_ZERO(&mask);
	LT_CHECK_OK(sched_getaffinity(0, sizeof(mask), &mask));
	if (!CPU_EQUAL(&mask, &online))
		LT_FAIL("sched_getaffinity gives %d CPUs, %d are online", CPU_COUNT(&mask), n);
	LT_CHECK_EQ(sysconf(_SC_NPROCESSORS_ONLN), n);
	lt_note("nproc %ld, online %d", sysconf(_SC_NPROCESSORS_ONLN), n);
}

/* A thread reporting where it runs, until told to stop. */
struct mover {
	volatile int cpu, stop, tid;
};

static void *report_cpu(void *arg)
{
	struct mover *m = arg;

	m->tid = syscall(SYS_gettid);
	while (!__atomic_load_n(&m->stop, __ATOMIC_ACQUIRE)) {
		m->cpu = sched_getcpu();
		for (volatile int i = 0; i < 1000; i++)
			;
	}
	return NULL;
}

/*
 * sched_setaffinity on another thread, which is running: it must end up
 * on the one CPU its new mask allows, seen from the thread itself, within
 * a bounded time (2 s: Linux moves it at once, through the stopper).
 */
LT_CASE(affinity_moves_other_thread)
{
	static struct mover m;
	cpu_set_t all, one, got;
	pthread_t t;
	int moved = 0;

	CPU_ZERO(&all);
	LT_CHECK_OK(sched_getaffinity(0, sizeof(all), &all));
	memset(&m, 0, sizeof(m));
	m.cpu = -1;
	LT_CHECK_EQ(pthread_create(&t, NULL, report_cpu, &m), 0);
	while (!m.tid)
		sched_yield();
	/* Twice around the allowed CPUs, so each move changes the CPU. */
	for (int pass = 0; pass < 2; pass++) {
		for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
			long long t0;

			if (!CPU_ISSET(cpu, &all))
				continue;
			CPU_ZERO(&one);
			CPU_SET(cpu, &one);
			LT_CHECK_OK(sched_setaffinity(m.tid, sizeof(one), &one));
			CPU_ZERO(&got);
			LT_CHECK_OK(sched_getaffinity(m.tid, sizeof(got), &got));
			LT_CHECK(CPU_EQUAL(&got, &one));
			t0 = lt_now_ns();
			m.cpu = -1;
			while (m.cpu != cpu && lt_now_ns() - t0 < 2000000000LL)
				sched_yield();
			if (m.cpu != cpu) {
				__atomic_store_n(&m.stop, 1, __ATOMIC_RELEASE);
				pthread_join(t, NULL);
				LT_FAIL("thread %d pinned to CPU %d still reports CPU %d after 2 s",
					m.tid, cpu, m.cpu);
			}
			moved++;
		}
	}
	/* Empty and offline-only masks are refused for another thread too. */
	CPU_ZERO(&one);
	LT_CHECK_ERR(sched_setaffinity(m.tid, sizeof(one), &one), EINVAL);
	CPU_SET(CPU_SETSIZE - 1, &one);
	LT_CHECK_ERR(sched_setaffinity(m.tid, sizeof(one), &one), EINVAL);
	__atomic_store_n(&m.stop, 1, __ATOMIC_RELEASE);
	LT_CHECK_EQ(pthread_join(t, NULL), 0);
	LT_CHECK_EQ(moved, 2 * CPU_COUNT(&all));
	lt_note("%d moves over %d CPUs", moved, CPU_COUNT(&all));
}

/*
 * Pinned to CPU k, with a busy process on every CPU pulling at the load
 * balance, a process is never seen anywhere else (sched_getcpu, many
 * samples with sleeps and yields between them), and its fork children
 * and threads inherit the mask.
 */
static void spin_for_ms(long ms)
{
	long long end = lt_now_ns() + ms * 1000000LL;

	while (lt_now_ns() < end)
		;
}

LT_CASE(affinity_pinned_stays_and_inherits)
{
	cpu_set_t all, one, got;
	pid_t hogs[CPU_SETSIZE];
	int nhogs = 0, k = -1, n, pinned;
	pid_t pid;

	CPU_ZERO(&all);
	LT_CHECK_OK(sched_getaffinity(0, sizeof(all), &all));
	n = CPU_COUNT(&all);
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &all))
			k = cpu;	/* the last: not the boot CPU when there are several */
	for (int i = 0; i < n; i++) {
		pid_t h = fork();

		if (h == 0) {
			spin_for_ms(3000);
			_exit(0);
		}
		LT_CHECK(h > 0);
		hogs[nhogs++] = h;
	}
	pid = fork();
	if (pid == 0) {
		CPU_ZERO(&one);
		CPU_SET(k, &one);
		if (sched_setaffinity(0, sizeof(one), &one))
			_exit(2);
		for (int i = 0; i < 20000; i++) {
			if (sched_getcpu() != k)
				_exit(3);
			if (i % 1000 == 0)
				lt_sleep_ms(1);
			else if (i % 100 == 0)
				sched_yield();
		}
		/* A child of the pinned task starts pinned to the same CPU. */
		pinned = fork();
		if (pinned == 0) {
			CPU_ZERO(&got);
			if (sched_getaffinity(0, sizeof(got), &got) || !CPU_EQUAL(&got, &one))
				_exit(4);
			for (int i = 0; i < 2000; i++)
				if (sched_getcpu() != k)
					_exit(5);
			_exit(0);
		}
		if (pinned < 0)
			_exit(6);
		{
			int st;

			if (waitpid(pinned, &st, 0) != pinned)
				_exit(7);
			_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 8);
		}
	}
	LT_CHECK(pid > 0);
	{
		int st = lt_wait(pid);

		for (int i = 0; i < nhogs; i++)
			LT_CHECK_WAIT(hogs[i], LT_EXITED(0));
		if (st != LT_EXITED(0))
			LT_FAIL("pinned child (CPU %d): %s (2: setaffinity, 3: seen elsewhere, "
				"4: child's mask, 5: child seen elsewhere)", k, lt_status(st));
	}
}

/* CPU time of the reaped children so far, in seconds. */
static double children_cpu_before;

static void children_cpu(void)
{
	struct rusage ru;

	if (!getrusage(RUSAGE_CHILDREN, &ru))
		children_cpu_before = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
				      ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* Sum of the time columns (user .. steal) of /proc/stat's cpuN lines. */
static int stat_busy_ticks(long long *busy, int max)
{
	char *p = big;
	int n = 0;

	if (read_file("/proc/stat", big, sizeof(big)) <= 0)
		return -1;
	while ((p = strstr(p, "\ncpu"))) {
		long long v[8] = { 0 };
		int cpu;

		p += 4;
		if (*p < '0' || *p > '9')
			continue;
		if (sscanf(p, "%d %lld %lld %lld %lld %lld %lld %lld %lld", &cpu, &v[0], &v[1],
			   &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) != 9 || cpu < 0 || cpu >= max)
			return -1;
		/* user nice system idle iowait irq softirq steal: not idle, not iowait */
		busy[cpu] = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
		n = cpu + 1 > n ? cpu + 1 : n;
	}
	return n;
}

/*
 * One busy process per online CPU for 2 s: every CPU's busy time in
 * /proc/stat grows by at least a tenth of that (Linux under QEMU's
 * single-threaded TCG accounts about a quarter: a vCPU waiting for its
 * turn on the host thread misses ticks).  That proves each CPU runs
 * tasks and its tick accounts them.
 */
LT_CASE(stat_every_cpu_ticks)
{
	static long long before[CPU_SETSIZE], after[CPU_SETSIZE];
	cpu_set_t online;
	pid_t kids[CPU_SETSIZE];
	int n = online_cpus(&online), nk = 0;
	long hz = sysconf(_SC_CLK_TCK);

	LT_CHECK(n >= 1);
	LT_CHECK(stat_busy_ticks(before, CPU_SETSIZE) >= n);
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		pid_t k;

		if (!CPU_ISSET(cpu, &online))
			continue;
		k = fork();
		if (k == 0) {
			cpu_set_t one;

			/* Pinned where allowed; a kernel that refuses still has to spread them. */
			CPU_ZERO(&one);
			CPU_SET(cpu, &one);
			sched_setaffinity(0, sizeof(one), &one);
			spin_for_ms(2000);
			_exit(0);
		}
		LT_CHECK(k > 0);
		kids[nk++] = k;
	}
	for (int i = 0; i < nk; i++)
		LT_CHECK_WAIT(kids[i], LT_EXITED(0));
	LT_CHECK(stat_busy_ticks(after, CPU_SETSIZE) >= n);
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, &online))
			continue;
		if (after[cpu] - before[cpu] < 2 * hz / 10)
			LT_FAIL("cpu%d: %lld busy ticks in 2 s of a busy process per CPU (want >= %ld)",
				cpu, after[cpu] - before[cpu], 2 * hz / 10);
	}
	lt_note("cpu0 +%lld ticks, cpu%d +%lld ticks", after[0] - before[0], n - 1,
		after[n - 1] - before[n - 1]);
}

/*
 * N CPU-bound processes (N = online CPUs, at most 4) for 2 s of wall
 * time: their CPU time (rusage of the children) over the wall time is
 * the parallelism.  On several CPUs it must be well above 1 (> 2.0 for
 * 4, generous for TCG); on one CPU it cannot exceed 1, and the
 * processes still get the CPU between them.  Each also says which CPUs
 * it ran on: with several CPUs they must not all share one.
 */
LT_CASE(parallel_cpu_bound)
{
	cpu_set_t online;
	int n = online_cpus(&online), np;
	volatile unsigned long *seen = lt_shared(4096);
	pid_t kids[4];
	struct rusage ru;
	long long t0, wall;
	double cpu_s, par, want;
	unsigned long cpus = 0;

	LT_CHECK(n >= 1 && seen);
	np = n < 4 ? n : 4;
	if (np == 1)
		np = 2;		/* one CPU: two processes must share it */
	t0 = lt_now_ns();
	for (int i = 0; i < np; i++) {
		pid_t k = fork();

		if (k == 0) {
			long long end = lt_now_ns() + 2000000000LL;
			unsigned long mine = 0;

			while (lt_now_ns() < end) {
				int c = sched_getcpu();

				if (c >= 0 && c < 64)
					mine |= 1UL << c;
				for (volatile int j = 0; j < 20000; j++)
					;
			}
			__atomic_fetch_or(&seen[0], mine, __ATOMIC_RELAXED);
			_exit(0);
		}
		LT_CHECK(k > 0);
		kids[i] = k;
	}
	for (int i = 0; i < np; i++)
		LT_CHECK_WAIT(kids[i], LT_EXITED(0));
	wall = lt_now_ns() - t0;
	LT_CHECK_OK(getrusage(RUSAGE_CHILDREN, &ru));
	/* Earlier cases' children are in there too: take only what this one added. */
	cpu_s = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
		ru.ru_stime.tv_usec / 1e6;
	cpu_s -= children_cpu_before;
	par = cpu_s / (wall / 1e9);
	cpus = seen[0];
	lt_note("%d processes on %d online CPUs: %.2f s CPU in %.2f s wall, parallelism %.2f, "
		"ran on %d CPUs", np, n, cpu_s, wall / 1e9, par, __builtin_popcountl(cpus));
	if (n == 1) {
		LT_CHECK(par < 1.15);
		LT_CHECK(par > 0.5);
		return;
	}
	want = n >= 4 ? 2.0 : 0.65 * n;
	if (par <= want)
		LT_FAIL("parallelism %.2f of %d processes on %d CPUs, want > %.1f", par, np, n, want);
	LT_CHECK(__builtin_popcountl(cpus) >= 2);
}

static cpu_set_t start_mask;

#define RUN(name) do {							\
	LT_RUN(name);							\
	sched_setaffinity(0, sizeof(start_mask), &start_mask);		\
} while (0)

int main(void)
{
	lt_begin("smp");
	/* A failed case may leave the caller pinned: each case starts from this. */
	sched_getaffinity(0, sizeof(start_mask), &start_mask);
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
	mkdir("/sys", 0555);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	RUN(counts_agree);
	RUN(affinity_each_cpu);
	RUN(affinity_bad_masks);
	RUN(shootdown_munmap);
	RUN(shootdown_mprotect_none);
	RUN(shootdown_mprotect_readonly);
	RUN(shootdown_madvise_dontneed);
	RUN(nproc_is_online);
	RUN(affinity_moves_other_thread);
	RUN(affinity_pinned_stays_and_inherits);
	RUN(stat_every_cpu_ticks);
	children_cpu();
	RUN(parallel_cpu_bound);
	return lt_end();
}
