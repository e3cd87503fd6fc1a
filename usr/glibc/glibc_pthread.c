// SPDX-License-Identifier: GPL-2.0
/*
 * glibc_pthread: the thread tests' core, built with glibc (gcc -static
 * -pthread) instead of musl.  glibc starts threads with clone3 (falling
 * back to clone on ENOSYS), registers robust lists and rseq, and its
 * condition variables and barriers use other futex operations than
 * musl's: a second, independent user of the same kernel interfaces.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "lt.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static __thread long tls = 5;

static void *count_up(void *arg)
{
	int i;

	for (i = 0; i < 10000; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	tls += (intptr_t)arg;
	return (void *)(intptr_t)(tls == 5 + (intptr_t)arg && syscall(SYS_gettid) != getpid() ? 0 : 1);
}

LT_CASE(create_join_mutex)
{
	pthread_t t[8];
	void *ret;
	int i;

	counter = 0;
	for (i = 0; i < 8; i++)
		LT_CHECK_EQ(pthread_create(&t[i], NULL, count_up, (void *)(intptr_t)i), 0);
	for (i = 0; i < 8; i++) {
		LT_CHECK_EQ(pthread_join(t[i], &ret), 0);
		LT_CHECK(ret == NULL);
	}
	LT_CHECK_EQ(counter, 80000);
	LT_CHECK_EQ(tls, 5);
}

static int ready, taken;

static void *consume(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	while (!ready)
		pthread_cond_wait(&cond, &lock);
	taken++;
	pthread_mutex_unlock(&lock);
	return NULL;
}

LT_CASE(condvar_broadcast)
{
	pthread_t t[4];
	int i;

	for (i = 0; i < 4; i++)
		LT_CHECK_EQ(pthread_create(&t[i], NULL, consume, NULL), 0);
	lt_sleep_ms(20);
	pthread_mutex_lock(&lock);
	ready = 1;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
	for (i = 0; i < 4; i++)
		LT_CHECK_EQ(pthread_join(t[i], NULL), 0);
	LT_CHECK_EQ(taken, 4);
}

static pthread_barrier_t barrier;

static void *meet(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&barrier);
	return NULL;
}

LT_CASE(barrier)
{
	pthread_t t[4];
	int i;

	LT_CHECK_EQ(pthread_barrier_init(&barrier, NULL, 5), 0);
	for (i = 0; i < 4; i++)
		LT_CHECK_EQ(pthread_create(&t[i], NULL, meet, NULL), 0);
	pthread_barrier_wait(&barrier);
	for (i = 0; i < 4; i++)
		LT_CHECK_EQ(pthread_join(t[i], NULL), 0);
}

int main(void)
{
	lt_begin("glibc_pthread");
	LT_RUN(create_join_mutex);
	LT_RUN(condvar_broadcast);
	LT_RUN(barrier);
	return lt_end();
}
