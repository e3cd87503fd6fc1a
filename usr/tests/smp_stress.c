// SPDX-License-Identifier: GPL-2.0
/*
 * smp_stress: everything at once, on every CPU, for a minute.
 *
 * In parallel, each worker pinned to one of the CPUs the test may use
 * (spread round-robin):
 *  - forkers: fork, execve /tests/exec_check (which exits at once with
 *    the status the environment names), wait, check that status;
 *  - pipe pairs: a writer and a reader on different CPUs pass
 *    variable-length messages, each with a sequence number and a
 *    checksum; the reader verifies every one, and at the end both agree
 *    on how many went through;
 *  - a futex process: threads on every CPU increment a shared counter
 *    under a mutex (the total must equal the sum of what each added),
 *    and pairs of threads on different CPUs play mutex/condvar ping-pong
 *    (the two sides' counts differ by at most one);
 *  - an mm process: one thread keeps replacing, unmapping,
 *    mprotect-ing and MADV_DONTNEED-ing a 16-page region, shared and
 *    private in turn, while sibling threads on other CPUs read and write
 *    it.  A read sees zero or a stamp the mapper wrote, never anything
 *    else; a SIGSEGV inside the region is expected (counted), anywhere
 *    else it is a failure.
 * Every 10 s a progress line shows the counts, so a hang is visible.
 *
 * At the end: every worker exited 0 (none killed by a signal), the counts
 * agree, the workers ran on every CPU the test may use and, with several
 * CPUs online, on every online CPU (all_cpus_used: the CPUs really run
 * tasks); after dropping the caches, MemFree and Slab are back near
 * their values before the run (no_leak); the kernel logged no BUG,
 * WARNING, Oops, lockdep or soft-lockup report meanwhile
 * (kernel_log_clean).
 *
 * 60 s with several CPUs online, 10 s with one (the 1-CPU pass of the
 * user suite); lt.timeout.smp_stress= gives testinit's limit room.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include "lt.h"

#define MAX_WORKERS	64
#define MM_PAGES	16
#define PAGE		4096
#define STAMP_HI	0x57a4000000000000UL
#define STAMP_MASK	0xffff000000000000UL

struct stats {
	volatile int stop;
	volatile int failed;
	char why[256];
	unsigned long cpus_seen;	/* bit n: a worker ran on CPU n */
	unsigned long forks, exec_bad;
	unsigned long pipe_sent[MAX_WORKERS], pipe_recv[MAX_WORKERS];
	unsigned long mutex_progress, mutex_total, mutex_sum, pingpong[MAX_WORKERS][2];
	unsigned long mm_cycles, mm_faults, mm_reads, mm_bad;
	unsigned long mm_faults_by[MAX_WORKERS], mm_reads_by[MAX_WORKERS];
};

static struct stats *st;
static int in_warmup;		/* the workers of the warm-up round: no progress required */
static int cpus[CPU_SETSIZE], ncpus;

/* The first failure of any worker, for the report. */
static void worker_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void worker_fail(const char *fmt, ...)
{
	va_list ap;

	if (__atomic_exchange_n(&st->failed, 1, __ATOMIC_ACQ_REL))
		return;
	va_start(ap, fmt);
	vsnprintf(st->why, sizeof(st->why), fmt, ap);
	va_end(ap);
}

static void pin(int slot)
{
	cpu_set_t one;

	CPU_ZERO(&one);
	CPU_SET(cpus[slot % ncpus], &one);
	if (sched_setaffinity(0, sizeof(one), &one))
		worker_fail("sched_setaffinity to CPU %d: %s", cpus[slot % ncpus],
			    lt_errname(errno));
}

static void saw_cpu(void)
{
	int c = sched_getcpu();

	if (c >= 0 && c < 64)
		__atomic_fetch_or(&st->cpus_seen, 1UL << c, __ATOMIC_RELAXED);
}

static int stopping(void)
{
	return __atomic_load_n(&st->stop, __ATOMIC_ACQUIRE);
}

/* ---- fork / exec / exit ---- */

static void forker(int slot)
{
	unsigned long n = 0;

	pin(slot);
	while (!stopping()) {
		int code = 1 + (slot * 31 + n) % 100, status;
		pid_t pid;

		saw_cpu();
		pid = fork();
		if (pid < 0) {
			worker_fail("forker %d: fork: %s", slot, lt_errname(errno));
			return;
		}
		if (pid == 0) {
			char env_code[32];
			char *argv[] = { "exec_check", NULL };
			char *envp[] = { "LT_MODE=exit", env_code, NULL };

			snprintf(env_code, sizeof(env_code), "LT_CODE=%d", code);
			execve("/tests/exec_check", argv, envp);
			_exit(126);
		}
		if (waitpid(pid, &status, 0) != pid) {
			worker_fail("forker %d: waitpid: %s", slot, lt_errname(errno));
			return;
		}
		if (!WIFEXITED(status) || WEXITSTATUS(status) != code) {
			__atomic_fetch_add(&st->exec_bad, 1, __ATOMIC_RELAXED);
			worker_fail("forker %d: exec_check with LT_CODE=%d: %s", slot, code,
				    lt_status(status));
		}
		__atomic_fetch_add(&st->forks, 1, __ATOMIC_RELAXED);
		n++;
	}
}

/* ---- pipes between CPUs ---- */

struct msg_head {
	uint32_t seq, len;
	uint64_t sum;
};

static uint64_t checksum(const unsigned char *p, size_t n, uint32_t seq)
{
	uint64_t h = 1469598103934665603ULL ^ seq;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	return h;
}

static int read_full(int fd, void *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, (char *)buf + got, n - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return got ? -1 : 0;	/* 0: clean EOF between messages */
		got += r;
	}
	return 1;
}

static int write_full(int fd, const void *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = write(fd, (const char *)buf + done, n - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		done += r;
	}
	return 0;
}

static void pipe_writer(int slot, int fd)
{
	static unsigned char buf[8192];
	uint32_t seq = 0, x = 2463534242u + slot;

	pin(slot);
	while (!stopping()) {
		struct msg_head h;

		saw_cpu();
		x ^= x << 13; x ^= x >> 17; x ^= x << 5;
		h.seq = seq;
		h.len = 1 + x % (sizeof(buf) - 1);
		for (uint32_t i = 0; i < h.len; i++)
			buf[i] = (unsigned char)(x >> (i % 24)) + i;
		h.sum = checksum(buf, h.len, seq);
		if (write_full(fd, &h, sizeof(h)) || write_full(fd, buf, h.len)) {
			worker_fail("pipe %d writer: write: %s", slot, lt_errname(errno));
			return;
		}
		seq++;
		st->pipe_sent[slot] = seq;
	}
}

static void pipe_reader(int slot, int fd)
{
	static unsigned char buf[8192];
	uint32_t seq = 0;

	pin(slot + 1);	/* the next CPU: not the writer's when there are several */
	for (;;) {
		struct msg_head h;
		int r = read_full(fd, &h, sizeof(h));

		saw_cpu();
		if (r == 0)
			break;
		if (r < 0 || h.len == 0 || h.len > sizeof(buf) || read_full(fd, buf, h.len) != 1) {
			worker_fail("pipe %d reader: short message %u", slot, seq);
			return;
		}
		if (h.seq != seq || checksum(buf, h.len, h.seq) != h.sum) {
			worker_fail("pipe %d reader: message %u: seq %u, checksum %s", slot, seq,
				    h.seq, checksum(buf, h.len, h.seq) == h.sum ? "ok" : "wrong");
			return;
		}
		seq++;
		st->pipe_recv[slot] = seq;
	}
}

/* ---- futexes: mutex counting and condvar ping-pong ---- */

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long count_total;

struct pair {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int turn, stop;
	unsigned long count[2];
};

static struct pair pairs[MAX_WORKERS];
static int npairs;

struct fthread {
	int slot, side, pair;
	unsigned long added;
};

static void *mutex_thread(void *arg)
{
	struct fthread *t = arg;

	pin(t->slot);
	while (!stopping()) {
		saw_cpu();
		for (int i = 0; i < 100; i++) {
			pthread_mutex_lock(&count_lock);
			count_total++;
			pthread_mutex_unlock(&count_lock);
			t->added++;
		}
		__atomic_fetch_add(&st->mutex_progress, 100, __ATOMIC_RELAXED);
	}
	return NULL;
}

static void *pingpong_thread(void *arg)
{
	struct fthread *t = arg;
	struct pair *p = &pairs[t->pair];

	pin(t->slot);
	for (;;) {
		pthread_mutex_lock(&p->lock);
		while (p->turn != t->side && !p->stop)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->stop) {
			pthread_mutex_unlock(&p->lock);
			return NULL;
		}
		p->count[t->side]++;
		p->turn = !t->side;
		pthread_cond_signal(&p->cond);
		pthread_mutex_unlock(&p->lock);
		if (!(p->count[t->side] & 63))
			saw_cpu();
	}
}

static void futex_worker(void)
{
	int nmutex = ncpus < 2 ? 2 : ncpus;
	struct fthread mt[MAX_WORKERS], pt[MAX_WORKERS];
	pthread_t mth[MAX_WORKERS], pth[MAX_WORKERS];
	unsigned long sum = 0;

	npairs = nmutex;
	for (int i = 0; i < nmutex; i++) {
		mt[i] = (struct fthread){ .slot = i };
		if (pthread_create(&mth[i], NULL, mutex_thread, &mt[i])) {
			worker_fail("futex: pthread_create failed");
			_exit(1);
		}
	}
	for (int i = 0; i < npairs; i++) {
		pthread_mutex_init(&pairs[i].lock, NULL);
		pthread_cond_init(&pairs[i].cond, NULL);
		for (int side = 0; side < 2; side++) {
			pt[2 * i + side] = (struct fthread){ .slot = i + side, .side = side, .pair = i };
			if (pthread_create(&pth[2 * i + side], NULL, pingpong_thread,
					   &pt[2 * i + side])) {
				worker_fail("futex: pthread_create failed");
				_exit(1);
			}
		}
	}
	while (!stopping()) {
		unsigned long rounds = 0;

		lt_sleep_ms(200);
		for (int i = 0; i < npairs; i++)
			rounds += pairs[i].count[0];
		st->pingpong[0][0] = rounds;
	}
	for (int i = 0; i < npairs; i++) {
		pthread_mutex_lock(&pairs[i].lock);
		pairs[i].stop = 1;
		pthread_cond_broadcast(&pairs[i].cond);
		pthread_mutex_unlock(&pairs[i].lock);
	}
	for (int i = 0; i < nmutex; i++) {
		pthread_join(mth[i], NULL);
		sum += mt[i].added;
	}
	for (int i = 0; i < 2 * npairs; i++)
		pthread_join(pth[i], NULL);
	st->mutex_total = count_total;
	st->mutex_sum = sum;
	if (count_total != sum)
		worker_fail("futex: counter %lu under the mutex, the threads added %lu",
			    count_total, sum);
	for (int i = 0; i < npairs; i++) {
		unsigned long a = pairs[i].count[0], b = pairs[i].count[1];

		st->pingpong[i][0] = a;
		st->pingpong[i][1] = b;
		/* Side 0 starts: it is never behind, and at most one ahead. */
		if (a != b && a != b + 1)
			worker_fail("futex: ping-pong pair %d: %lu and %lu rounds", i, a, b);
		if (!a && !in_warmup)
			worker_fail("futex: ping-pong pair %d never ran", i);
	}
}

/* ---- mm: a region changing under its readers ---- */

static char *region;
static __thread sigjmp_buf touch_jb;
static __thread int touch_armed, touch_slot;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	char *a = si->si_addr;

	(void)sig;
	(void)uc;
	if (touch_armed && a >= region && a < region + MM_PAGES * PAGE) {
		__atomic_fetch_add(&st->mm_faults, 1, __ATOMIC_RELAXED);
		st->mm_faults_by[touch_slot]++;
		siglongjmp(touch_jb, 1);
	}
	worker_fail("mm: SIGSEGV at %p outside the region %p", (void *)a, (void *)region);
	_exit(3);
}

static void *toucher(void *arg)
{
	int slot = (int)(intptr_t)arg;
	volatile unsigned long i = slot, reads = 0;

	touch_slot = slot;
	pin(slot);
	while (!stopping()) {
		unsigned long *w;
		unsigned long v;

		i = i * 1103515245 + 12345;
		w = (unsigned long *)(region + (i >> 8) % MM_PAGES * PAGE);
		/* SA_NODEFER: the handler leaves the mask alone, nothing to restore. */
		if (sigsetjmp(touch_jb, 0)) {
			touch_armed = 0;
			continue;
		}
		touch_armed = 1;
		v = __atomic_load_n(w, __ATOMIC_RELAXED);
		if (v && (v & STAMP_MASK) != STAMP_HI) {
			__atomic_fetch_add(&st->mm_bad, 1, __ATOMIC_RELAXED);
			worker_fail("mm: read %#lx from the region: neither zero nor a stamp", v);
		}
		reads++;	/* counted before the write, which faults on read-only pages */
		w[1] = STAMP_HI | slot;	/* a write, where the protection allows */
		touch_armed = 0;
		if (!(reads & 1023)) {
			__atomic_fetch_add(&st->mm_reads, 1024, __ATOMIC_RELAXED);
			saw_cpu();
		}
	}
	__atomic_fetch_add(&st->mm_reads, reads & 1023, __ATOMIC_RELAXED);
	st->mm_reads_by[slot] = reads;
	return NULL;
}

static void stamp_region(unsigned long gen)
{
	for (int p = 0; p < MM_PAGES; p++)
		*(volatile unsigned long *)(region + p * PAGE) = STAMP_HI | gen;
}

static void mm_worker(void)
{
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_NODEFER };
	int nt = ncpus < 2 ? 2 : ncpus;
	pthread_t th[MAX_WORKERS];
	unsigned long gen = 0;
	size_t len = MM_PAGES * PAGE;

	sigaction(SIGSEGV, &sa, NULL);
	region = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (region == MAP_FAILED) {
		worker_fail("mm: mmap: %s", lt_errname(errno));
		_exit(1);
	}
	stamp_region(gen);
	for (int i = 0; i < nt; i++)
		if (pthread_create(&th[i], NULL, toucher, (void *)(intptr_t)(i + 1))) {
			worker_fail("mm: pthread_create failed");
			_exit(1);
		}
	pin(0);
	while (!stopping()) {
		int shared = gen & 1;
		void *p;

		saw_cpu();
		switch (gen % 4) {
		case 0:		/* gone, then a fresh mapping in its place */
			if (munmap(region, len))
				worker_fail("mm: munmap: %s", lt_errname(errno));
			sched_yield();
			p = mmap(region, len, PROT_READ | PROT_WRITE,
				 (shared ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS | MAP_FIXED,
				 -1, 0);
			if (p != region)
				worker_fail("mm: mmap MAP_FIXED: %s", lt_errname(errno));
			break;
		case 1:		/* replaced in one step, no gap */
			p = mmap(region, len, PROT_READ | PROT_WRITE,
				 (shared ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS | MAP_FIXED,
				 -1, 0);
			if (p != region)
				worker_fail("mm: mmap MAP_FIXED: %s", lt_errname(errno));
			break;
		case 2:		/* no access, read-only, back */
			if (mprotect(region, len, PROT_NONE))
				worker_fail("mm: mprotect NONE: %s", lt_errname(errno));
			sched_yield();
			if (mprotect(region + len / 2, len / 2, PROT_READ))
				worker_fail("mm: mprotect READ: %s", lt_errname(errno));
			sched_yield();
			if (mprotect(region, len, PROT_READ | PROT_WRITE))
				worker_fail("mm: mprotect RW: %s", lt_errname(errno));
			break;
		case 3:		/* the pages dropped: zero on the next touch */
			if (madvise(region, len, MADV_DONTNEED))
				worker_fail("mm: madvise: %s", lt_errname(errno));
			break;
		}
		gen++;
		stamp_region(gen & 0xffffffff);
		__atomic_fetch_add(&st->mm_cycles, 1, __ATOMIC_RELAXED);
		/* On a shared CPU the readers run in the yields: one with the region usable too. */
		sched_yield();
	}
	for (int i = 0; i < nt; i++)
		pthread_join(th[i], NULL);
}

/* ---- the run ---- */

static int online_count;
static unsigned long allowed_bits, online_bits;
static long free_before, slab_before, free_after, slab_after;
static int kmsg_fd = -1;

static long meminfo(const char *key)
{
	static char buf[8192];
	char *p;

	if (lt_read_file("/proc/meminfo", buf, sizeof(buf)) < 0)
		return -1;
	p = strstr(buf, key);
	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

static void drop_caches(void)
{
	int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);

	sync();
	if (fd >= 0) {
		(void)!write(fd, "3", 1);
		close(fd);
	}
}

static unsigned long parse_cpu_list(const char *s)
{
	unsigned long bits = 0;

	while (*s && *s != '\n') {
		char *end;
		long a = strtol(s, &end, 10), b = a;

		if (end == s)
			return 0;
		if (*end == '-')
			b = strtol(end + 1, &end, 10);
		for (; a <= b && a < 64; a++)
			bits |= 1UL << a;
		s = *end == ',' ? end + 1 : end;
	}
	return bits;
}

static pid_t spawn(void (*fn)(int), int arg)
{
	pid_t pid = fork();

	if (pid == 0) {
		fn(arg);
		_exit(st->failed ? 1 : 0);
	}
	return pid;
}

static void futex_entry(int arg)
{
	(void)arg;
	futex_worker();
}

static void mm_entry(int arg)
{
	(void)arg;
	mm_worker();
}

struct worker {
	pid_t pid;
	const char *what;
};

/* Returns the number of workers that did not exit 0; @warmup: no progress required. */
static int stress(int seconds, int warmup)
{
	struct worker w[MAX_WORKERS * 2];
	int nw = 0, npipes = ncpus < 2 ? 2 : ncpus, bad = 0;
	long long t0 = lt_now_ns();

	memset(st, 0, sizeof(*st));
	in_warmup = warmup;
	for (int i = 0; i < ncpus; i++)
		w[nw++] = (struct worker){ spawn(forker, i), "forker" };
	for (int i = 0; i < npipes; i++) {
		int fds[2];
		pid_t pid;

		if (pipe(fds))
			return -1;
		pid = fork();
		if (pid == 0) {
			close(fds[0]);
			pipe_writer(i, fds[1]);
			_exit(st->failed ? 1 : 0);
		}
		w[nw++] = (struct worker){ pid, "pipe writer" };
		pid = fork();
		if (pid == 0) {
			close(fds[1]);
			pipe_reader(i, fds[0]);
			_exit(st->failed ? 1 : 0);
		}
		w[nw++] = (struct worker){ pid, "pipe reader" };
		close(fds[0]);
		close(fds[1]);
	}
	w[nw++] = (struct worker){ spawn(futex_entry, 0), "futex" };
	w[nw++] = (struct worker){ spawn(mm_entry, 0), "mm" };
	for (int i = 0; i < nw; i++)
		if (w[i].pid < 0)
			worker_fail("fork of a %s: %s", w[i].what, lt_errname(errno));

	for (int s = 1; s <= seconds && !st->failed; s++) {
		lt_sleep_ms(1000 - (lt_now_ns() - t0) / 1000000 % 1000);
		if (!warmup && (s % 10 == 0 || s == seconds)) {
			unsigned long sent = 0, pp = st->pingpong[0][0];

			for (int i = 0; i < npipes; i++)
				sent += st->pipe_sent[i];
			lt_note("%3d s: %lu fork+exec, %lu pipe messages, %lu mutex increments, "
				"%lu ping-pongs, %lu mm cycles, %lu mm reads, %lu mm faults, CPUs seen %#lx",
				s, st->forks, sent, st->mutex_progress, pp, st->mm_cycles,
				st->mm_reads, st->mm_faults, st->cpus_seen);
		}
	}
	__atomic_store_n(&st->stop, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < nw; i++) {
		int status;

		if (w[i].pid <= 0)
			continue;
		status = lt_wait(w[i].pid);
		if (status != LT_EXITED(0)) {
			bad++;
			if (!st->failed || WIFSIGNALED(status) || status == LT_WAIT_TIMEDOUT)
				worker_fail("%s (pid %d): %s", w[i].what, w[i].pid, lt_status(status));
		}
	}
	for (int i = 0; i < npipes; i++)
		if (st->pipe_sent[i] != st->pipe_recv[i])
			worker_fail("pipe %d: %lu messages sent, %lu received", i, st->pipe_sent[i],
				    st->pipe_recv[i]);
	/* A 2 s warm-up on one busy CPU may not reach every worker's first round. */
	if (warmup)
		return bad;
	for (int i = 0; i < npipes; i++)
		if (!st->pipe_sent[i])
			worker_fail("pipe %d: no message went through", i);
	if (!st->forks)
		worker_fail("no fork+exec completed");
	if (!st->mm_cycles || !st->mm_reads)
		worker_fail("mm: %lu cycles, %lu reads; reads/faults of touchers 1-4: %lu/%lu "
			    "%lu/%lu %lu/%lu %lu/%lu", st->mm_cycles, st->mm_reads,
			    st->mm_reads_by[1], st->mm_faults_by[1], st->mm_reads_by[2],
			    st->mm_faults_by[2], st->mm_reads_by[3], st->mm_faults_by[3],
			    st->mm_reads_by[4], st->mm_faults_by[4]);
	return bad;
}

LT_CASE(run)
{
	int seconds = online_count > 1 ? 60 : 10;
	unsigned long sent = 0;

	/* A short round first: slabs, page tables and libc caches grow to size. */
	stress(2, 1);
	if (st->failed)
		LT_FAIL("warm-up: %s", st->why);
	drop_caches();
	free_before = meminfo("MemFree:");
	slab_before = meminfo("Slab:");
	if (kmsg_fd >= 0)
		lseek(kmsg_fd, 0, SEEK_END);

	stress(seconds, 0);
	if (st->failed)
		LT_FAIL("%s", st->why);
	for (int i = 0; i < MAX_WORKERS; i++)
		sent += st->pipe_sent[i];
	lt_note("%d s on CPUs %#lx: %lu fork+exec, %lu pipe messages, %lu mutex increments, "
		"%lu mm cycles (%lu faults)", seconds, st->cpus_seen, st->forks, sent,
		st->mutex_total, st->mm_cycles, st->mm_faults);
	drop_caches();
	free_after = meminfo("MemFree:");
	slab_after = meminfo("Slab:");
}

/*
 * The workers ran on every CPU they were pinned to, and those are every
 * online CPU: a kernel whose other CPUs run no tasks fails here.
 */
LT_CASE(all_cpus_used)
{
	LT_CHECK(st->cpus_seen != 0);
	if ((st->cpus_seen & allowed_bits) != allowed_bits)
		LT_FAIL("workers pinned to CPUs %#lx were seen on %#lx", allowed_bits,
			st->cpus_seen);
	if ((st->cpus_seen & online_bits) != online_bits)
		LT_FAIL("CPUs %#lx online, workers seen on %#lx only", online_bits, st->cpus_seen);
}

/*
 * Thousands of processes, threads, pipes and mappings later, with the
 * caches dropped, the memory is back: a leaked page per fork would be
 * megabytes.  The tolerance covers per-CPU page lists and slab pages
 * that stay partly used (Linux -smp 4 moves by a few hundred kB).
 */
LT_CASE(no_leak)
{
	if (free_before <= 0 || free_after <= 0)
		LT_FAIL("no MemFree before and after the run (the run failed, or no /proc/meminfo)");
	lt_note("MemFree %ld -> %ld kB, Slab %ld -> %ld kB", free_before, free_after,
		slab_before, slab_after);
	if (free_before - free_after > 4096)
		LT_FAIL("MemFree fell by %ld kB over the run", free_before - free_after);
	if (slab_before > 0 && slab_after - slab_before > 2048)
		LT_FAIL("Slab grew by %ld kB over the run", slab_after - slab_before);
}

/* Does this kernel log text report a kernel bug or a lock problem? */
static int is_report(const char *msg)
{
	static const char *const words[] = {
		"BUG", "WARNING", "Oops", "lockdep", "soft lockup", "circular locking",
		"general protection fault", "Kernel panic",
	};

	for (unsigned int i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		const char *p = msg;

		while ((p = strstr(p, words[i]))) {
			/* A word of its own: "DEBUG" is no BUG. */
			if (p == msg || !((p[-1] >= 'A' && p[-1] <= 'Z') ||
					  (p[-1] >= 'a' && p[-1] <= 'z')))
				return 1;
			p++;
		}
	}
	return 0;
}

LT_CASE(kernel_log_clean)
{
	char rec[1024];
	int reports = 0;

	LT_CHECK(kmsg_fd >= 0);
	for (;;) {
		ssize_t n = read(kmsg_fd, rec, sizeof(rec) - 1);
		char *msg;

		if (n < 0 && errno == EPIPE)
			continue;
		if (n <= 0)
			break;
		rec[n] = '\0';
		rec[strcspn(rec, "\n")] = '\0';
		msg = strchr(rec, ';');
		if (!msg || (atoi(rec) >> 3) != 0 || !is_report(msg + 1))
			continue;
		if (!reports++)
			lt_note("kernel log: %.200s", msg + 1);
	}
	if (reports)
		LT_FAIL("%d kernel log lines report a bug during the run", reports);
}

int main(void)
{
	char buf[256];
	cpu_set_t all;

	lt_begin("smp_stress");
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
	mkdir("/sys", 0555);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	if (access("/dev/kmsg", F_OK))
		mknod("/dev/kmsg", S_IFCHR | 0600, makedev(1, 11));
	kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	st = lt_shared(sizeof(*st));
	if (lt_read_file("/sys/devices/system/cpu/online", buf, sizeof(buf)) > 0)
		online_bits = parse_cpu_list(buf);
	online_count = __builtin_popcountl(online_bits);
	CPU_ZERO(&all);
	sched_getaffinity(0, sizeof(all), &all);
	for (int c = 0; c < CPU_SETSIZE && ncpus < MAX_WORKERS / 2; c++)
		if (CPU_ISSET(c, &all)) {
			cpus[ncpus++] = c;
			if (c < 64)
				allowed_bits |= 1UL << c;
		}
	if (!st || !ncpus || !online_count) {
		printf("FAIL smp_stress/run: no shared memory, affinity mask or online CPUs\n");
		return 1;
	}
	LT_RUN(run);
	LT_RUN(all_cpus_used);
	LT_RUN(no_leak);
	LT_RUN(kernel_log_clean);
	return lt_end();
}
