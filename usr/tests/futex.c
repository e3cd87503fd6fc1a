// SPDX-License-Identifier: GPL-2.0
/*
 * futex(2) and futex_waitv(2) with raw system calls: wait and wake with
 * each clock and time-out form, bitsets, requeue, WAKE_OP, shared
 * futexes between processes, the PI family and requeue-to-PI, robust
 * lists, and the error codes Linux returns.  The pthread-level uses
 * (robust and PI mutexes, the Q5 fast path) are in futex_pthread.c.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "lt.h"

#ifndef SYS_futex_waitv
#define SYS_futex_waitv 449
#endif

/* The futex ABI (linux/futex.h, which musl does not ship). */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_LOCK_PI		6
#define FUTEX_UNLOCK_PI		7
#define FUTEX_TRYLOCK_PI	8
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_WAIT_REQUEUE_PI	11
#define FUTEX_CMP_REQUEUE_PI	12
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define P(op)			((op) | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_PRIVATE		P(FUTEX_WAIT)
#define FUTEX_WAKE_PRIVATE		P(FUTEX_WAKE)
#define FUTEX_REQUEUE_PRIVATE		P(FUTEX_REQUEUE)
#define FUTEX_CMP_REQUEUE_PRIVATE	P(FUTEX_CMP_REQUEUE)
#define FUTEX_WAKE_OP_PRIVATE		P(FUTEX_WAKE_OP)
#define FUTEX_LOCK_PI_PRIVATE		P(FUTEX_LOCK_PI)
#define FUTEX_UNLOCK_PI_PRIVATE		P(FUTEX_UNLOCK_PI)
#define FUTEX_TRYLOCK_PI_PRIVATE	P(FUTEX_TRYLOCK_PI)
#define FUTEX_WAIT_BITSET_PRIVATE	P(FUTEX_WAIT_BITSET)
#define FUTEX_WAKE_BITSET_PRIVATE	P(FUTEX_WAKE_BITSET)
#define FUTEX_WAIT_REQUEUE_PI_PRIVATE	P(FUTEX_WAIT_REQUEUE_PI)
#define FUTEX_CMP_REQUEUE_PI_PRIVATE	P(FUTEX_CMP_REQUEUE_PI)
#define FUTEX_BITSET_MATCH_ANY	0xffffffff
#define FUTEX_WAITERS		0x80000000
#define FUTEX_OWNER_DIED	0x40000000
#define FUTEX_TID_MASK		0x3fffffff
#define FUTEX_OP_SET		0
#define FUTEX_OP_ADD		1
#define FUTEX_OP_OPARG_SHIFT	8
#define FUTEX_OP_CMP_EQ		0
#define FUTEX_OP_CMP_GT		4
#define FUTEX_OP(op, oparg, cmp, cmparg) \
	((((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) | (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))

struct robust_list {
	struct robust_list *next;
};

struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list *list_op_pending;
};

struct lt_futex_waitv {
	uint64_t val;
	uint64_t uaddr;
	uint32_t flags;
	uint32_t __reserved;
};

static long futex(void *uaddr, int op, uint32_t val, const void *timeout_or_val2,
		  void *uaddr2, uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, timeout_or_val2, uaddr2, val3);
}

static long gettid_(void)
{
	return syscall(SYS_gettid);
}

/* A waiter thread: FUTEX_WAIT on *word for value 0, records the result. */
struct waiter {
	pthread_t thread;
	uint32_t *word;
	int op;
	uint32_t bitset;
	volatile int started;
	volatile long ret;
	volatile int err;
	volatile int done;
};

static void *wait_thread(void *arg)
{
	struct waiter *w = arg;

	w->started = 1;
	w->ret = futex(w->word, w->op, 0, NULL, NULL, w->bitset);
	w->err = errno;
	w->done = 1;
	return NULL;
}

static int start_waiter(struct waiter *w, uint32_t *word, int op, uint32_t bitset)
{
	memset(w, 0, sizeof(*w));
	w->word = word;
	w->op = op;
	w->bitset = bitset;
	if (pthread_create(&w->thread, NULL, wait_thread, w))
		return -1;
	while (!w->started)
		sched_yield();
	lt_sleep_ms(20);	/* let it reach the kernel's queue */
	return 0;
}

static int count_done(struct waiter *w, int n)
{
	int i, done = 0;

	lt_sleep_ms(20);
	for (i = 0; i < n; i++)
		done += w[i].done;
	return done;
}

static void join_all(struct waiter *w, int n)
{
	int i;

	for (i = 0; i < n; i++)
		pthread_join(w[i].thread, NULL);
}

LT_CASE(wait_wrong_value_eagain)
{
	uint32_t word = 1;

	LT_CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0), EAGAIN);
	LT_CHECK_ERR(futex(&word, FUTEX_WAIT, 0, NULL, NULL, 0), EAGAIN);
}

LT_CASE(errors)
{
	static uint32_t words[2];
	struct timespec bad = { 0, 1000000000 }, neg = { -1, 0 };
	char *odd = (char *)words + 1;

	LT_CHECK_ERR(futex(odd, FUTEX_WAIT, 0, NULL, NULL, 0), EINVAL);
	LT_CHECK_ERR(futex(odd, FUTEX_WAKE, 1, NULL, NULL, 0), EINVAL);
	LT_CHECK_ERR(futex(NULL, FUTEX_WAIT, 0, NULL, NULL, 0), EFAULT);
	LT_CHECK_ERR(futex((void *)0xffff800000000000UL, FUTEX_WAKE, 1, NULL, NULL, 0), EFAULT);
	LT_CHECK_ERR(futex(&words[0], FUTEX_WAIT, 0, &bad, NULL, 0), EINVAL);
	LT_CHECK_ERR(futex(&words[0], FUTEX_WAIT, 0, &neg, NULL, 0), EINVAL);
	LT_CHECK_ERR(futex(&words[0], FUTEX_WAIT, 0, (void *)8, NULL, 0), EFAULT);
	LT_CHECK_ERR(futex(&words[0], FUTEX_WAIT_BITSET, 0, NULL, NULL, 0), EINVAL);
	LT_CHECK_ERR(futex(&words[0], FUTEX_WAKE_BITSET, 1, NULL, NULL, 0), EINVAL);
	LT_CHECK_ERR(futex(&words[0], 99, 0, NULL, NULL, 0), ENOSYS);
	LT_CHECK_ERR(futex(&words[0], FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, 0), ENOSYS);
	LT_CHECK_ERR(futex(&words[0], FUTEX_REQUEUE, 1, (void *)-1L, &words[1], 0), EINVAL);
	/* WAKE_OP with an unknown operation. */
	LT_CHECK_ERR(futex(&words[0], FUTEX_WAKE_OP, 1, (void *)1, &words[1],
			   FUTEX_OP(7, 0, FUTEX_OP_CMP_EQ, 0)), ENOSYS);
	/* A shared futex in memory that is not mapped. */
	LT_CHECK_ERR(futex((void *)0x10000, FUTEX_WAKE, 1, NULL, NULL, 0), EFAULT);
	/* Nobody waits: wake returns 0, on a private or a shared key. */
	LT_CHECK_EQ(futex(&words[0], FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), 0);
	LT_CHECK_EQ(futex(&words[0], FUTEX_WAKE, INT_MAX, NULL, NULL, 0), 0);
}

static long long elapsed_ms(long long start)
{
	return (lt_now_ns() - start) / 1000000;
}

LT_CASE(timeouts_each_clock)
{
	uint32_t word = 0;
	struct timespec rel = { 0, 50000000 }, abs;
	long long t0;

	/* FUTEX_WAIT: relative, CLOCK_MONOTONIC; no other clock (ENOSYS). */
	t0 = lt_now_ns();
	LT_CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0), ETIMEDOUT);
	LT_CHECK(elapsed_ms(t0) >= 49);
	LT_CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &rel, NULL, 0),
		     ENOSYS);
	/* WAIT_BITSET: absolute, CLOCK_MONOTONIC by default. */
	clock_gettime(CLOCK_MONOTONIC, &abs);
	abs.tv_nsec += 50000000;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	t0 = lt_now_ns();
	LT_CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, &abs, NULL, FUTEX_BITSET_MATCH_ANY),
		     ETIMEDOUT);
	LT_CHECK(elapsed_ms(t0) >= 45);
	/* ... and CLOCK_REALTIME with the flag. */
	clock_gettime(CLOCK_REALTIME, &abs);
	abs.tv_nsec += 50000000;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	t0 = lt_now_ns();
	LT_CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &abs, NULL,
			   FUTEX_BITSET_MATCH_ANY), ETIMEDOUT);
	LT_CHECK(elapsed_ms(t0) >= 45);
	/* A deadline in the past times out at once. */
	abs.tv_sec = 1;
	abs.tv_nsec = 0;
	LT_CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, &abs, NULL, FUTEX_BITSET_MATCH_ANY),
		     ETIMEDOUT);
}

LT_CASE(wake_counts)
{
	static uint32_t word;
	struct waiter w[3];
	int i;

	for (i = 0; i < 3; i++)
		LT_CHECK_OK(start_waiter(&w[i], &word, FUTEX_WAIT_PRIVATE, 0));
	LT_CHECK_EQ(futex(&word, FUTEX_WAKE_PRIVATE, 2, NULL, NULL, 0), 2);
	LT_CHECK_EQ(count_done(w, 3), 2);
	LT_CHECK_EQ(futex(&word, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0), 1);
	join_all(w, 3);
	for (i = 0; i < 3; i++)
		LT_CHECK_EQ(w[i].ret, 0);
}

LT_CASE(bitsets)
{
	static uint32_t word;
	struct waiter w[2];

	LT_CHECK_OK(start_waiter(&w[0], &word, FUTEX_WAIT_BITSET_PRIVATE, 1));
	LT_CHECK_OK(start_waiter(&w[1], &word, FUTEX_WAIT_BITSET_PRIVATE, 2));
	LT_CHECK_EQ(futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 10, NULL, NULL, 2), 1);
	LT_CHECK_EQ(count_done(w, 2), 1);
	LT_CHECK(w[1].done && !w[0].done);
	/* Plain FUTEX_WAKE matches every bitset. */
	LT_CHECK_EQ(futex(&word, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0), 1);
	join_all(w, 2);
}

LT_CASE(requeue)
{
	static uint32_t cond, mutex;
	struct waiter w[4];
	int i;

	for (i = 0; i < 4; i++)
		LT_CHECK_OK(start_waiter(&w[i], &cond, FUTEX_WAIT_PRIVATE, 0));
	/* The value check fails: nothing moves. */
	LT_CHECK_ERR(futex(&cond, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &mutex, 5), EAGAIN);
	/* Wake 1, move 2: returns 3; one is left on cond. */
	LT_CHECK_EQ(futex(&cond, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &mutex, 0), 3);
	LT_CHECK_EQ(count_done(w, 4), 1);
	LT_CHECK_EQ(futex(&mutex, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0), 2);
	LT_CHECK_EQ(count_done(w, 4), 3);
	/* Plain REQUEUE (no compare): move the last one, then wake it there. */
	LT_CHECK_EQ(futex(&cond, FUTEX_REQUEUE_PRIVATE, 0, (void *)1, &mutex, 0), 1);
	LT_CHECK_EQ(futex(&cond, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0), 0);
	LT_CHECK_EQ(futex(&mutex, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0), 1);
	join_all(w, 4);
}

LT_CASE(wake_op)
{
	static uint32_t a, b;
	struct waiter w[2];

	b = 0;
	LT_CHECK_OK(start_waiter(&w[0], &a, FUTEX_WAIT_PRIVATE, 0));
	LT_CHECK_OK(start_waiter(&w[1], &b, FUTEX_WAIT_PRIVATE, 0));
	/* b = 5; wake one on a; and one on b since b was 0. */
	LT_CHECK_EQ(futex(&a, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &b,
			  FUTEX_OP(FUTEX_OP_SET, 5, FUTEX_OP_CMP_EQ, 0)), 2);
	LT_CHECK_EQ(b, 5);
	join_all(w, 2);
	/* b += 1<<3 (OPARG_SHIFT); the old value 5 is not > 7: no second wake. */
	LT_CHECK_EQ(futex(&a, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &b,
			  FUTEX_OP(FUTEX_OP_ADD | FUTEX_OP_OPARG_SHIFT, 3, FUTEX_OP_CMP_GT, 7)), 0);
	LT_CHECK_EQ(b, 13);
}

/* Two processes, one MAP_SHARED word: a shared futex meets, a private one does not. */
LT_CASE(shared_across_fork)
{
	uint32_t *word = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			      -1, 0);
	volatile uint32_t *ready = word + 1;
	pid_t pid;
	long n = 0;
	int i;

	LT_CHECK(word != MAP_FAILED);
	pid = fork();
	if (pid == 0) {
		*ready = 1;
		_exit(futex(word, FUTEX_WAIT, 0, NULL, NULL, 0) == 0 ? 0 : 1);
	}
	while (!*ready)
		sched_yield();
	/* The private key (mm, address) is not the child's. */
	for (i = 0; i < 10; i++) {
		lt_sleep_ms(10);
		LT_CHECK_EQ(futex(word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), 0);
	}
	for (i = 0; i < 200 && n == 0; i++) {
		n = futex(word, FUTEX_WAKE, 1, NULL, NULL, 0);
		if (!n)
			lt_sleep_ms(5);
	}
	LT_CHECK_EQ(n, 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	munmap(word, 4096);
}

/* ---- PI ------------------------------------------------------------------- */

static uint32_t pi_word;
static volatile int pi_waiter_state;

static void *pi_locker(void *arg)
{
	(void)arg;
	pi_waiter_state = 1;
	if (futex(&pi_word, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0))
		return (void *)1;
	pi_waiter_state = 2;
	/* We own it: the word holds our TID (maybe with FUTEX_WAITERS). */
	if ((pi_word & FUTEX_TID_MASK) != (uint32_t)gettid_())
		return (void *)2;
	return (void *)(intptr_t)(futex(&pi_word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0) ? 3 : 0);
}

LT_CASE(pi_lock_unlock)
{
	pthread_t t;
	void *ret;

	pi_word = 0;
	/* Free: LOCK_PI takes it in the kernel; again is EDEADLK. */
	LT_CHECK_EQ(futex(&pi_word, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0), 0);
	LT_CHECK_EQ(pi_word, (uint32_t)gettid_());
	LT_CHECK_ERR(futex(&pi_word, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0), EDEADLK);
	LT_CHECK_ERR(futex(&pi_word, FUTEX_TRYLOCK_PI_PRIVATE, 0, NULL, NULL, 0), EDEADLK);
	/* A contender sleeps; FUTEX_WAITERS appears; UNLOCK_PI hands it over. */
	pi_waiter_state = 0;
	LT_CHECK_EQ(pthread_create(&t, NULL, pi_locker, NULL), 0);
	while (!pi_waiter_state)
		sched_yield();
	lt_sleep_ms(30);
	LT_CHECK_EQ(pi_waiter_state, 1);
	LT_CHECK_EQ(pi_word, (uint32_t)gettid_() | FUTEX_WAITERS);
	LT_CHECK_EQ(futex(&pi_word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0), 0);
	LT_CHECK_EQ(pthread_join(t, &ret), 0);
	LT_CHECK(ret == NULL);
	LT_CHECK_EQ(pi_word, 0);
}

LT_CASE(pi_errors)
{
	struct timespec abs = { 1, 0 };	/* CLOCK_REALTIME, long past */
	long tid = gettid_();

	/* Not ours to unlock. */
	pi_word = 0;
	LT_CHECK_ERR(futex(&pi_word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0), EPERM);
	pi_word = (uint32_t)tid + 1;
	LT_CHECK_ERR(futex(&pi_word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0), EPERM);
	/* An owner TID that is no task. */
	pi_word = 0x3ffffff0;
	LT_CHECK_ERR(futex(&pi_word, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0), ESRCH);
	LT_CHECK_ERR(futex(&pi_word, FUTEX_TRYLOCK_PI_PRIVATE, 0, NULL, NULL, 0), ESRCH);
	/* Held by our parent (testinit), a live task: trylock fails, lock times out. */
	pi_word = getppid();
	LT_CHECK_ERR(futex(&pi_word, FUTEX_TRYLOCK_PI_PRIVATE, 0, NULL, NULL, 0), EAGAIN);
	LT_CHECK_ERR(futex(&pi_word, FUTEX_LOCK_PI_PRIVATE, 0, &abs, NULL, 0), ETIMEDOUT);
	LT_CHECK_EQ(pi_word & FUTEX_WAITERS, FUTEX_WAITERS);
	/* A free word with OWNER_DIED: taken, the bit kept for the taker to see. */
	pi_word = FUTEX_OWNER_DIED;
	LT_CHECK_EQ(futex(&pi_word, FUTEX_TRYLOCK_PI_PRIVATE, 0, NULL, NULL, 0), 0);
	LT_CHECK_EQ(pi_word, (uint32_t)tid | FUTEX_OWNER_DIED);
	pi_word = 0;
}

static uint32_t rq_cond, rq_mutex;
static volatile int rq_state;

static void *requeue_pi_waiter(void *arg)
{
	long ret;

	(void)arg;
	rq_state = 1;
	ret = futex(&rq_cond, FUTEX_WAIT_REQUEUE_PI_PRIVATE, 0, NULL, &rq_mutex, 0);
	if (ret)
		return (void *)(intptr_t)errno;
	rq_state = 2;
	if ((rq_mutex & FUTEX_TID_MASK) != (uint32_t)gettid_())
		return (void *)-1;
	return (void *)(intptr_t)(futex(&rq_mutex, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0) ? -2 : 0);
}

LT_CASE(requeue_pi)
{
	pthread_t t;
	void *ret;

	LT_CHECK_ERR(futex(&rq_cond, FUTEX_WAIT_REQUEUE_PI_PRIVATE, 0, NULL, &rq_cond, 0), EINVAL);
	LT_CHECK_ERR(futex(&rq_cond, FUTEX_CMP_REQUEUE_PI_PRIVATE, 2, (void *)1, &rq_mutex, 0),
		     EINVAL);
	/* The mutex is held: the waiter is moved onto it, then handed it. */
	rq_cond = 0;
	rq_mutex = 0;
	rq_state = 0;
	LT_CHECK_EQ(futex(&rq_mutex, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0), 0);
	LT_CHECK_EQ(pthread_create(&t, NULL, requeue_pi_waiter, NULL), 0);
	while (!rq_state)
		sched_yield();
	lt_sleep_ms(30);
	/* Plain wakes and requeues do not touch a requeue-PI waiter. */
	LT_CHECK_ERR(futex(&rq_cond, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), EINVAL);
	LT_CHECK_EQ(futex(&rq_cond, FUTEX_CMP_REQUEUE_PI_PRIVATE, 1, (void *)1, &rq_mutex, 0), 1);
	lt_sleep_ms(20);
	LT_CHECK_EQ(rq_state, 1);
	LT_CHECK_EQ(rq_mutex, (uint32_t)gettid_() | FUTEX_WAITERS);
	LT_CHECK_EQ(futex(&rq_mutex, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0), 0);
	LT_CHECK_EQ(pthread_join(t, &ret), 0);
	LT_CHECK(ret == NULL);
	LT_CHECK_EQ(rq_mutex, 0);
	/* The mutex is free: the waiter gets it at once. */
	rq_state = 0;
	LT_CHECK_EQ(pthread_create(&t, NULL, requeue_pi_waiter, NULL), 0);
	while (!rq_state)
		sched_yield();
	lt_sleep_ms(30);
	LT_CHECK_EQ(futex(&rq_cond, FUTEX_CMP_REQUEUE_PI_PRIVATE, 1, (void *)1, &rq_mutex, 0), 1);
	LT_CHECK_EQ(pthread_join(t, &ret), 0);
	LT_CHECK(ret == NULL);
}

/* ---- futex_waitv ------------------------------------------------------------ */

static uint32_t wv_words[2];
static struct lt_futex_waitv wv[2];
static volatile long wv_ret = -100;

static void *waitv_thread(void *arg)
{
	(void)arg;
	wv_ret = syscall(SYS_futex_waitv, wv, 2, 0, NULL, 0);
	return NULL;
}

LT_CASE(waitv)
{
	struct timespec ts;
	pthread_t t;
	int i;

	for (i = 0; i < 2; i++) {
		wv_words[i] = 0;
		wv[i] = (struct lt_futex_waitv) { .val = 0, .uaddr = (uintptr_t)&wv_words[i],
						   .flags = 2 | FUTEX_PRIVATE_FLAG };
	}
	LT_CHECK_EQ(pthread_create(&t, NULL, waitv_thread, NULL), 0);
	lt_sleep_ms(30);
	LT_CHECK_EQ(wv_ret, -100);
	LT_CHECK_EQ(futex(&wv_words[1], FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), 1);
	LT_CHECK_EQ(pthread_join(t, NULL), 0);
	LT_CHECK_EQ(wv_ret, 1);		/* the index of the futex that woke it */
	/* A word that changed: EAGAIN.  Time-outs are absolute on the given clock. */
	wv_words[0] = 7;
	LT_CHECK_ERR(syscall(SYS_futex_waitv, wv, 2, 0, NULL, 0), EAGAIN);
	wv_words[0] = 0;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_nsec += 20000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	LT_CHECK_ERR(syscall(SYS_futex_waitv, wv, 2, 0, &ts, CLOCK_MONOTONIC), ETIMEDOUT);
	LT_CHECK_ERR(syscall(SYS_futex_waitv, wv, 2, 0, &ts, CLOCK_BOOTTIME), EINVAL);
	LT_CHECK_ERR(syscall(SYS_futex_waitv, wv, 0, 0, NULL, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_futex_waitv, wv, 129, 0, NULL, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_futex_waitv, wv, 2, 1, NULL, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_futex_waitv, NULL, 2, 0, NULL, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_futex_waitv, (void *)8, 2, 0, NULL, 0), EFAULT);
	wv[1].flags = 3;	/* a 64-bit futex: not supported */
	LT_CHECK_ERR(syscall(SYS_futex_waitv, wv, 2, 0, NULL, 0), EINVAL);
	wv[1].flags = 2;
	wv[1].__reserved = 1;
	LT_CHECK_ERR(syscall(SYS_futex_waitv, wv, 2, 0, NULL, 0), EINVAL);
	wv[1].__reserved = 0;
	wv[1].uaddr++;
	LT_CHECK_ERR(syscall(SYS_futex_waitv, wv, 2, 0, NULL, 0), EINVAL);
}

/* ---- robust lists ---------------------------------------------------------- */

struct robust_lock {
	struct robust_list link;
	uint32_t word;
};

struct robust_area {
	struct robust_list_head head;
	struct robust_lock lock;
	volatile int registered;
};

/*
 * A child process registers a robust list holding a lock in shared
 * memory and dies holding it; the parent, sleeping on the lock as a
 * contender, is woken and finds FUTEX_OWNER_DIED.
 */
LT_CASE(robust_list_owner_died)
{
	struct robust_area *ra = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	struct robust_list_head *head;
	uint32_t seen;
	size_t len;
	pid_t pid;

	LT_CHECK(ra != MAP_FAILED);
	LT_CHECK_ERR(syscall(SYS_set_robust_list, &ra->head, sizeof(ra->head) - 1), EINVAL);
	LT_CHECK_EQ(syscall(SYS_get_robust_list, 0, &head, &len), 0);
	LT_CHECK_EQ(len, sizeof(ra->head));
	LT_CHECK_ERR(syscall(SYS_get_robust_list, 999999, &head, &len), ESRCH);
	LT_CHECK_ERR(syscall(SYS_get_robust_list, 0, (void *)8, &len), EFAULT);

	pid = fork();
	if (pid == 0) {
		ra->head.list.next = &ra->lock.link;
		ra->lock.link.next = &ra->head.list;
		ra->head.futex_offset = offsetof(struct robust_lock, word);
		ra->head.list_op_pending = NULL;
		ra->lock.word = getpid();
		if (syscall(SYS_set_robust_list, &ra->head, sizeof(ra->head)))
			_exit(1);
		ra->registered = 1;
		lt_sleep_ms(50);	/* the parent starts waiting */
		_exit(0);
	}
	while (!ra->registered)
		sched_yield();
	/* Wait as a contender would: FUTEX_WAITERS set, then sleep on that value. */
	seen = ra->lock.word | FUTEX_WAITERS;
	ra->lock.word = seen;
	LT_CHECK_ERR(futex(&ra->lock.word, FUTEX_WAIT, seen + 1, NULL, NULL, 0), EAGAIN);
	LT_CHECK_EQ(futex(&ra->lock.word, FUTEX_WAIT, seen, NULL, NULL, 0), 0);
	/* The TID is gone, OWNER_DIED set, the waiters bit kept. */
	LT_CHECK_EQ(ra->lock.word, FUTEX_OWNER_DIED | FUTEX_WAITERS);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	munmap(ra, 4096);
}

int main(void)
{
	lt_begin("futex");
	LT_RUN(wait_wrong_value_eagain);
	LT_RUN(errors);
	LT_RUN(timeouts_each_clock);
	LT_RUN(wake_counts);
	LT_RUN(bitsets);
	LT_RUN(requeue);
	LT_RUN(wake_op);
	LT_RUN(shared_across_fork);
	LT_RUN(pi_lock_unlock);
	LT_RUN(pi_errors);
	LT_RUN(requeue_pi);
	LT_RUN(waitv);
	LT_RUN(robust_list_owner_died);
	return lt_end();
}
