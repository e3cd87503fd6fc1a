/*
 * Interval timers: ITIMER_REAL at microsecond precision (no rounding to
 * the tick) and periodic, ITIMER_VIRTUAL and ITIMER_PROF counting down
 * the CPU time a busy process uses and firing SIGVTALRM / SIGPROF,
 * alarm's remaining seconds, RLIMIT_CPU (SIGXCPU at the soft limit,
 * SIGKILL at the hard one), and the errors of bad arguments.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

static volatile int hits[65];

static void on_sig(int sig)
{
	hits[sig]++;
}

static void handle(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sig;
	sigaction(sig, &sa, NULL);
	hits[sig] = 0;
}

static void set_timer(int which, long value_us, long interval_us)
{
	struct itimerval v = {
		.it_interval = { interval_us / 1000000, interval_us % 1000000 },
		.it_value = { value_us / 1000000, value_us % 1000000 },
	};

	setitimer(which, &v, NULL);
}

LT_CASE(real_precise_and_periodic)
{
	struct itimerval v;
	long long t0 = lt_now_ns();

	handle(SIGALRM);
	set_timer(ITIMER_REAL, 10000, 10000);
	LT_CHECK_OK(getitimer(ITIMER_REAL, &v));
	/* Exactly what was set, not rounded up to a 4 ms tick. */
	LT_CHECK_EQ(v.it_interval.tv_sec, 0);
	LT_CHECK_EQ(v.it_interval.tv_usec, 10000);
	LT_CHECK(v.it_value.tv_sec == 0 && v.it_value.tv_usec > 0 && v.it_value.tv_usec <= 10000);
	while (hits[SIGALRM] < 3 && lt_now_ns() - t0 < 2000000000LL)
		pause();
	set_timer(ITIMER_REAL, 0, 0);
	LT_CHECK(hits[SIGALRM] >= 3);
	LT_CHECK(lt_now_ns() - t0 >= 30000000);
	LT_CHECK_OK(getitimer(ITIMER_REAL, &v));
	LT_CHECK(v.it_value.tv_sec == 0 && v.it_value.tv_usec == 0);
}

static void cpu_timer(int which, int sig)
{
	struct itimerval v;
	long long t0 = lt_now_ns();
	volatile unsigned long spin = 0;
	long first;

	handle(sig);
	set_timer(which, 100000, 0);
	LT_CHECK_OK(getitimer(which, &v));
	first = v.it_value.tv_usec + v.it_value.tv_sec * 1000000;
	/* Linux adds a tick to the value (a partial one is charged whole). */
	LT_CHECK(first > 0 && first <= 100000 + 10000);
	/* Busy in user mode until it fires (at most 10 s of wall time). */
	while (!hits[sig] && lt_now_ns() - t0 < 10000000000LL)
		spin++;
	LT_CHECK_EQ(hits[sig], 1);
	LT_CHECK_OK(getitimer(which, &v));
	LT_CHECK(v.it_value.tv_sec == 0 && v.it_value.tv_usec == 0);	/* one-shot: spent */
}

LT_CASE(virtual_fires_on_user_time)
{
	cpu_timer(ITIMER_VIRTUAL, SIGVTALRM);
}

LT_CASE(prof_fires_on_cpu_time)
{
	cpu_timer(ITIMER_PROF, SIGPROF);
}

LT_CASE(prof_counts_down_while_busy)
{
	struct itimerval v;
	long long t0 = lt_now_ns();
	volatile unsigned long spin = 0;

	handle(SIGPROF);
	set_timer(ITIMER_PROF, 5000000, 0);
	while (lt_now_ns() - t0 < 100000000LL)
		spin++;
	LT_CHECK_OK(getitimer(ITIMER_PROF, &v));
	LT_CHECK(v.it_value.tv_sec < 5);
	/* Sleeping uses no CPU: the value stays. */
	set_timer(ITIMER_PROF, 5000000, 0);
	lt_sleep_ms(50);
	LT_CHECK_OK(getitimer(ITIMER_PROF, &v));
	LT_CHECK(v.it_value.tv_sec * 1000000 + v.it_value.tv_usec > 4900000);
	set_timer(ITIMER_PROF, 0, 0);
}

LT_CASE(alarm_seconds_left)
{
	handle(SIGALRM);
	LT_CHECK_EQ(alarm(10), 0);
	LT_CHECK_EQ(alarm(5), 10);
	LT_CHECK_EQ(alarm(0), 5);
	LT_CHECK_EQ(alarm(0), 0);
}

LT_CASE(rlimit_cpu)
{
	volatile int *xcpu = lt_shared(sizeof(int));
	pid_t pid = fork();

	if (pid == 0) {
		struct rlimit rl = { 1, 2 };
		struct sigaction sa;
		volatile unsigned long spin = 0;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_sig;
		sigaction(SIGXCPU, &sa, NULL);
		if (setrlimit(RLIMIT_CPU, &rl))
			_exit(1);
		for (;;) {
			spin++;
			*xcpu = hits[SIGXCPU];
		}
	}
	LT_CHECK(pid > 0);
	/* SIGXCPU after 1 s of CPU, then SIGKILL at the hard limit of 2 s. */
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
	LT_CHECK(*xcpu >= 1);
}

LT_CASE(errors)
{
	struct itimerval v;

	memset(&v, 0, sizeof(v));
	LT_CHECK_ERR(setitimer(3, &v, NULL), EINVAL);
	LT_CHECK_ERR(getitimer(3, &v), EINVAL);
	LT_CHECK_ERR(getitimer(-1, &v), EINVAL);
	v.it_value.tv_usec = 1000000;
	LT_CHECK_ERR(setitimer(ITIMER_REAL, &v, NULL), EINVAL);
	v.it_value.tv_usec = -1;
	LT_CHECK_ERR(setitimer(ITIMER_REAL, &v, NULL), EINVAL);
	LT_CHECK_ERR(syscall(SYS_setitimer, ITIMER_REAL, (void *)8, NULL), EFAULT);
	LT_CHECK_ERR(syscall(SYS_getitimer, ITIMER_REAL, (void *)8), EFAULT);
}

int main(void)
{
	lt_begin("itimer");
	LT_RUN(real_precise_and_periodic);
	LT_RUN(virtual_fires_on_user_time);
	LT_RUN(prof_fires_on_cpu_time);
	LT_RUN(prof_counts_down_while_busy);
	LT_RUN(alarm_seconds_left);
	LT_RUN(rlimit_cpu);
	LT_RUN(errors);
	return lt_end();
}
