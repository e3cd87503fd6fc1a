// SPDX-License-Identifier: GPL-2.0
/*
 * Futexes as libc uses them: robust mutexes whose owner dies
 * (EOWNERDEAD), priority-inheritance mutexes, pthread_kill, the seed's
 * Q5 fast path (an uncontended lock makes no system call: counted in
 * Lantern's /proc/<pid>/task/<tid>/futex_calls, which Linux lacks), and
 * a stress run: 16 threads x 10,000 wait/wake pairs with no lost
 * wake-up and no memory leaked.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "lt.h"

static long gettid_(void)
{
	return syscall(SYS_gettid);
}

static pthread_mutex_t robust;
static volatile int owner_ready;

static void *die_holding(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&robust);
	owner_ready = 1;
	lt_sleep_ms(30);
	return NULL;	/* exits with the lock held */
}

static int init_mutex(pthread_mutex_t *m, int robust_, int protocol, int pshared)
{
	pthread_mutexattr_t a;

	pthread_mutexattr_init(&a);
	if (robust_)
		pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	pthread_mutexattr_setprotocol(&a, protocol);
	pthread_mutexattr_setpshared(&a, pshared);
	return pthread_mutex_init(m, &a);
}

/* The owner thread dies; the waiter already asleep on the lock gets it. */
static void robust_case(int protocol)
{
	pthread_t t;

	LT_CHECK_EQ(init_mutex(&robust, 1, protocol, PTHREAD_PROCESS_PRIVATE), 0);
	owner_ready = 0;
	LT_CHECK_EQ(pthread_create(&t, NULL, die_holding, NULL), 0);
	while (!owner_ready)
		sched_yield();
	LT_CHECK_EQ(pthread_mutex_lock(&robust), EOWNERDEAD);
	LT_CHECK_EQ(pthread_mutex_consistent(&robust), 0);
	LT_CHECK_EQ(pthread_mutex_unlock(&robust), 0);
	LT_CHECK_EQ(pthread_join(t, NULL), 0);
	/* Consistent again: a plain lock now. */
	LT_CHECK_EQ(pthread_mutex_lock(&robust), 0);
	LT_CHECK_EQ(pthread_mutex_unlock(&robust), 0);
	pthread_mutex_destroy(&robust);
}

LT_CASE(robust_mutex_eownerdead)
{
	robust_case(PTHREAD_PRIO_NONE);
}

LT_CASE(robust_pi_mutex_eownerdead)
{
	robust_case(PTHREAD_PRIO_INHERIT);
}

/* A process-shared robust mutex whose owner process dies. */
LT_CASE(robust_mutex_across_processes)
{
	pthread_mutex_t *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
				  -1, 0);
	pid_t pid;

	LT_CHECK(m != MAP_FAILED);
	LT_CHECK_EQ(init_mutex(m, 1, PTHREAD_PRIO_NONE, PTHREAD_PROCESS_SHARED), 0);
	pid = fork();
	if (pid == 0) {
		pthread_mutex_lock(m);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(pthread_mutex_lock(m), EOWNERDEAD);
	LT_CHECK_EQ(pthread_mutex_consistent(m), 0);
	LT_CHECK_EQ(pthread_mutex_unlock(m), 0);
	munmap(m, 4096);
}

/*
 * A PI robust mutex shared by two processes: the parent sleeps in
 * FUTEX_LOCK_PI when the owner process dies; the kernel passes it the
 * lock with FUTEX_OWNER_DIED (exit_pi_state_list, fixup_pi_owner).
 */
LT_CASE(robust_pi_owner_dies_while_waited)
{
	struct shared {
		pthread_mutex_t m;
		volatile int locked;
	} *s = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	LT_CHECK(s != MAP_FAILED);
	LT_CHECK_EQ(init_mutex(&s->m, 1, PTHREAD_PRIO_INHERIT, PTHREAD_PROCESS_SHARED), 0);
	pid = fork();
	if (pid == 0) {
		pthread_mutex_lock(&s->m);
		s->locked = 1;
		lt_sleep_ms(50);
		_exit(0);
	}
	while (!s->locked)
		sched_yield();
	LT_CHECK_EQ(pthread_mutex_lock(&s->m), EOWNERDEAD);
	LT_CHECK_EQ(pthread_mutex_consistent(&s->m), 0);
	LT_CHECK_EQ(pthread_mutex_unlock(&s->m), 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	munmap(s, 4096);
}

static pthread_mutex_t pi_mutex;
static long pi_counter;

static void *pi_count(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 5000; i++) {
		pthread_mutex_lock(&pi_mutex);
		pi_counter++;
		if (i % 500 == 0)
			sched_yield();	/* hold it across a switch: contention */
		pthread_mutex_unlock(&pi_mutex);
	}
	return NULL;
}

static void *pi_trylock(void *arg)
{
	(void)arg;
	return (void *)(intptr_t)pthread_mutex_trylock(&pi_mutex);
}

LT_CASE(pi_mutex)
{
	pthread_t t[8];
	void *ret;
	int i;

	LT_CHECK_EQ(init_mutex(&pi_mutex, 0, PTHREAD_PRIO_INHERIT, PTHREAD_PROCESS_PRIVATE), 0);
	pi_counter = 0;
	for (i = 0; i < 8; i++)
		LT_CHECK_EQ(pthread_create(&t[i], NULL, pi_count, NULL), 0);
	for (i = 0; i < 8; i++)
		LT_CHECK_EQ(pthread_join(t[i], NULL), 0);
	LT_CHECK_EQ(pi_counter, 8 * 5000);
	/* Held here: another thread's trylock is EBUSY. */
	LT_CHECK_EQ(pthread_mutex_lock(&pi_mutex), 0);
	LT_CHECK_EQ(pthread_create(&t[0], NULL, pi_trylock, NULL), 0);
	LT_CHECK_EQ(pthread_join(t[0], &ret), 0);
	LT_CHECK_EQ((intptr_t)ret, EBUSY);
	LT_CHECK_EQ(pthread_mutex_unlock(&pi_mutex), 0);
	pthread_mutex_destroy(&pi_mutex);
}

/*
 * Priority inversion, and what inheritance does about it (one CPU, or
 * all threads on one): LOW (FIFO 10) holds a PI mutex, HIGH (FIFO 30)
 * blocks on it, MEDIUM (FIFO 20) spins for 300 ms.  Without inheritance
 * MEDIUM starves LOW, and HIGH waits out MEDIUM's whole spin; with it
 * LOW runs at HIGH's priority, finishes its 20 ms of work, and HIGH gets
 * the lock long before MEDIUM is done.
 */
static pthread_mutex_t inv_mutex;
static volatile int inv_locked, inv_go;
static volatile long long high_got_ns, medium_done_ns;

static int set_fifo(int prio)
{
	struct sched_param sp = { .sched_priority = prio };

	return pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp);
}

static long long thread_cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void *inv_low(void *arg)
{
	long long end;

	(void)arg;
	set_fifo(10);
	pthread_mutex_lock(&inv_mutex);
	inv_locked = 1;
	while (!inv_go)
		;
	end = thread_cpu_ns() + 20000000LL;
	while (thread_cpu_ns() < end)
		;
	pthread_mutex_unlock(&inv_mutex);
	return NULL;
}

static void *inv_high(void *arg)
{
	(void)arg;
	set_fifo(30);
	pthread_mutex_lock(&inv_mutex);
	high_got_ns = lt_now_ns();
	pthread_mutex_unlock(&inv_mutex);
	return NULL;
}

static void *inv_medium(void *arg)
{
	long long end;

	(void)arg;
	set_fifo(20);
	while (!inv_go)
		;
	end = lt_now_ns() + 300000000LL;
	while (lt_now_ns() < end)
		;
	medium_done_ns = lt_now_ns();
	return NULL;
}

LT_CASE(pi_boosts_owner)
{
	pthread_t low, high, medium;
	cpu_set_t one;

	/* Everyone on CPU 0 (a multi-CPU oracle would hide the inversion). */
	CPU_ZERO(&one);
	CPU_SET(0, &one);
	LT_CHECK_OK(sched_setaffinity(0, sizeof(one), &one));
	LT_CHECK_EQ(set_fifo(40), 0);
	LT_CHECK_EQ(init_mutex(&inv_mutex, 0, PTHREAD_PRIO_INHERIT, PTHREAD_PROCESS_PRIVATE), 0);
	inv_locked = inv_go = 0;
	high_got_ns = medium_done_ns = 0;
	LT_CHECK_EQ(pthread_create(&low, NULL, inv_low, NULL), 0);
	while (!inv_locked)
		lt_sleep_ms(1);
	LT_CHECK_EQ(pthread_create(&high, NULL, inv_high, NULL), 0);
	lt_sleep_ms(10);	/* HIGH blocks in FUTEX_LOCK_PI */
	LT_CHECK_EQ(pthread_create(&medium, NULL, inv_medium, NULL), 0);
	lt_sleep_ms(10);
	inv_go = 1;
	pthread_join(medium, NULL);
	pthread_join(high, NULL);
	pthread_join(low, NULL);
	pthread_setschedparam(pthread_self(), SCHED_OTHER, &(struct sched_param){ 0 });
	pthread_mutex_destroy(&inv_mutex);
	LT_CHECK(high_got_ns && medium_done_ns);
	lt_note("HIGH got the lock %lld ms before MEDIUM's 300 ms spin ended",
		(medium_done_ns - high_got_ns) / 1000000);
	LT_CHECK(medium_done_ns - high_got_ns > 150000000LL);
}

static volatile int killed_tid;

static void on_usr1(int sig)
{
	(void)sig;
	killed_tid = gettid_();
}

static void *pause_once(void *arg)
{
	*(volatile long *)arg = gettid_();
	pause();
	return NULL;
}

LT_CASE(pthread_kill)
{
	volatile long tid = 0;
	pthread_t t;

	signal(SIGUSR1, on_usr1);
	killed_tid = 0;
	LT_CHECK_EQ(pthread_create(&t, NULL, pause_once, (void *)&tid), 0);
	while (!tid)
		sched_yield();
	lt_sleep_ms(10);
	LT_CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
	LT_CHECK_EQ(pthread_join(t, NULL), 0);
	LT_CHECK_EQ(killed_tid, tid);
	LT_CHECK_EQ(pthread_kill(pthread_self(), 0), 0);
	signal(SIGUSR1, SIG_DFL);
}

/* -1 where the kernel keeps no count (Linux). */
static long futex_calls(void)
{
	char path[64], buf[32];
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/task/%ld/futex_calls", gettid_());
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return strtol(buf, NULL, 10);
}

static void *hold_briefly(void *arg)
{
	pthread_mutex_lock(arg);
	lt_sleep_ms(20);
	pthread_mutex_unlock(arg);
	return NULL;
}

/*
 * The seed's Q5: uncontended, lock and unlock are atomic instructions
 * in user space: 100,000 of them make no futex call.  Contended, they do.
 */
LT_CASE(fast_path_makes_no_syscall)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	long before, after;
	pthread_t t;
	int i;

	before = futex_calls();
	for (i = 0; i < 100000; i++) {
		pthread_mutex_lock(&m);
		pthread_mutex_unlock(&m);
	}
	after = futex_calls();
	if (before < 0) {
		lt_note("no futex_calls file on this kernel: the count is Lantern's");
		return;
	}
	LT_CHECK_EQ(after - before, 0);
	/* The slow path: someone holds it, so we sleep in FUTEX_WAIT. */
	LT_CHECK_EQ(pthread_create(&t, NULL, hold_briefly, &m), 0);
	lt_sleep_ms(5);
	before = futex_calls();
	pthread_mutex_lock(&m);
	after = futex_calls();
	pthread_mutex_unlock(&m);
	LT_CHECK_EQ(pthread_join(t, NULL), 0);
	LT_CHECK(after - before >= 1);
	lt_note("uncontended: 0 futex calls per 100000 lock/unlock; contended: %ld", after - before);
}

/* ---- stress ------------------------------------------------------------------- */

#define PAIRS		16	/* 8 pairs = 16 threads */
#define ROUNDS		10000

struct pingpong {
	volatile uint32_t turn;		/* 0: ping's turn, 1: pong's */
	long count[2];
};

static struct pingpong pp[PAIRS / 2];

static void futex_wait_val(volatile uint32_t *w, uint32_t v)
{
	syscall(SYS_futex, w, 0 | 128, v, NULL, NULL, 0);
}

static void futex_wake_one(volatile uint32_t *w)
{
	syscall(SYS_futex, w, 1 | 128, 1, NULL, NULL, 0);
}

/* Each side waits for its turn, takes it, hands it over and wakes the other. */
static void *pingpong_side(void *arg)
{
	intptr_t id = (intptr_t)arg;
	struct pingpong *p = &pp[id / 2];
	uint32_t me = id & 1;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		while (__atomic_load_n(&p->turn, __ATOMIC_ACQUIRE) != me)
			futex_wait_val(&p->turn, !me);
		p->count[me]++;
		__atomic_store_n(&p->turn, !me, __ATOMIC_RELEASE);
		futex_wake_one(&p->turn);
	}
	return NULL;
}

static long mem_free_kb(void)
{
	char buf[4096], *p;
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strstr(buf, "MemFree:");
	return p ? strtol(p + 8, NULL, 10) : -1;
}

static int run_pingpong(void)
{
	pthread_t t[PAIRS];
	intptr_t i;

	memset(pp, 0, sizeof(pp));
	for (i = 0; i < PAIRS; i++)
		if (pthread_create(&t[i], NULL, pingpong_side, (void *)i))
			return -1;
	for (i = 0; i < PAIRS; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < PAIRS / 2; i++)
		if (pp[i].count[0] != ROUNDS || pp[i].count[1] != ROUNDS)
			return -1;
	return 0;
}

/* A lost wake-up hangs a pair (the harness's time-out catches it). */
LT_CASE(stress_16_threads_no_lost_wakeup_no_leak)
{
	long before, after;
	long long t0;

	LT_CHECK_OK(run_pingpong());	/* warm-up: stacks cached by libc, slabs grown */
	before = mem_free_kb();
	t0 = lt_now_ns();
	LT_CHECK_OK(run_pingpong());
	LT_CHECK_OK(run_pingpong());
	LT_CHECK_OK(run_pingpong());
	after = mem_free_kb();
	LT_CHECK(before > 0 && after > 0);
	/*
	 * Three runs: leaked kernel stacks and task structs would be 3 x 16
	 * x 20+ kB; Linux's own MemFree moves by some tens of kB meanwhile.
	 */
	LT_CHECK(before - after < 256);
	lt_note("3 x 16 threads x %d wait/wake pairs in %lld ms; MemFree %ld -> %ld kB", ROUNDS,
		(lt_now_ns() - t0) / 1000000, before, after);
}

int main(void)
{
	lt_begin("futex_pthread");
	mkdir("/proc", 0555);
	if (access("/proc/self", F_OK))
		mount("proc", "/proc", "proc", 0, NULL);
	LT_RUN(robust_mutex_eownerdead);
	LT_RUN(robust_pi_mutex_eownerdead);
	LT_RUN(robust_mutex_across_processes);
	LT_RUN(robust_pi_owner_dies_while_waited);
	LT_RUN(pi_mutex);
	LT_RUN(pi_boosts_owner);
	LT_RUN(pthread_kill);
	LT_RUN(fast_path_makes_no_syscall);
	LT_RUN(stress_16_threads_no_lost_wakeup_no_leak);
	return lt_end();
}
