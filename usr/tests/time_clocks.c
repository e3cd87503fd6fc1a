/*
 * The clocks: every clock ID Linux accepts reads, with the resolution
 * Linux reports (1 ns for the high-resolution ones, a tick for the
 * coarse ones); CPU-time clocks of a busy thread advance and of a
 * sleeping one do not; adjtimex/clock_adjtime read the NTP state,
 * validate their modes and need CAP_SYS_TIME to change anything.
 * Raw system calls where the vDSO would answer instead of the kernel.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#ifndef CLOCK_BOOTTIME_ALARM
#define CLOCK_REALTIME_ALARM 8
#define CLOCK_BOOTTIME_ALARM 9
#endif
#ifndef ADJ_OFFSET_SS_READ
#define ADJ_OFFSET_SS_READ 0xa001
#endif

static long long sys_now(clockid_t clk)
{
	struct timespec ts;

	if (syscall(SYS_clock_gettime, clk, &ts))
		return -1;
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long sys_res(clockid_t clk)
{
	struct timespec ts;

	if (syscall(SYS_clock_getres, clk, &ts))
		return -1;
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

LT_CASE(every_clock_reads)
{
	static const clockid_t clocks[] = {
		CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID,
		CLOCK_THREAD_CPUTIME_ID, CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE,
		CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME, CLOCK_REALTIME_ALARM,
		CLOCK_BOOTTIME_ALARM, CLOCK_TAI,
	};
	struct timespec ts;
	unsigned i;

	for (i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		if (sys_now(clocks[i]) < 0)
			LT_FAIL("clock %d does not read (errno %d)", (int)clocks[i], errno);
		if (sys_res(clocks[i]) <= 0)
			LT_FAIL("clock %d has no resolution", (int)clocks[i]);
	}
	LT_CHECK_ERR(syscall(SYS_clock_gettime, 10, &ts), EINVAL);
	LT_CHECK_ERR(syscall(SYS_clock_gettime, 16, &ts), EINVAL);
	LT_CHECK_ERR(syscall(SYS_clock_getres, 10, &ts), EINVAL);
	LT_CHECK_ERR(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, (void *)8), EFAULT);
	LT_CHECK_OK(syscall(SYS_clock_getres, CLOCK_MONOTONIC, NULL));
}

LT_CASE(resolutions)
{
	LT_CHECK_EQ(sys_res(CLOCK_REALTIME), 1);
	LT_CHECK_EQ(sys_res(CLOCK_MONOTONIC), 1);
	LT_CHECK_EQ(sys_res(CLOCK_MONOTONIC_RAW), 1);
	LT_CHECK_EQ(sys_res(CLOCK_BOOTTIME), 1);
	LT_CHECK_EQ(sys_res(CLOCK_PROCESS_CPUTIME_ID), 1);
	LT_CHECK_EQ(sys_res(CLOCK_THREAD_CPUTIME_ID), 1);
	/* Coarse clocks advance with the tick: 1-10 ms at HZ 100-1000. */
	LT_CHECK(sys_res(CLOCK_MONOTONIC_COARSE) >= 1000000);
	LT_CHECK(sys_res(CLOCK_MONOTONIC_COARSE) <= 10000000);
	LT_CHECK_EQ(sys_res(CLOCK_REALTIME_COARSE), sys_res(CLOCK_MONOTONIC_COARSE));
}

LT_CASE(clocks_agree)
{
	long long mono = sys_now(CLOCK_MONOTONIC);
	long long coarse = sys_now(CLOCK_MONOTONIC_COARSE);
	long long boot = sys_now(CLOCK_BOOTTIME);
	long long real = sys_now(CLOCK_REALTIME), rcoarse = sys_now(CLOCK_REALTIME_COARSE);

	/* Coarse is never ahead of the precise clock, and at most a tick behind. */
	LT_CHECK(coarse <= sys_now(CLOCK_MONOTONIC));
	LT_CHECK(coarse > mono - 20000000);
	LT_CHECK(boot >= mono);
	LT_CHECK(rcoarse <= sys_now(CLOCK_REALTIME) && rcoarse > real - 20000000);
	LT_CHECK(real > 1500000000LL * 1000000000LL);	/* after 2017: the RTC was read */
}

LT_CASE(cpu_clocks_busy_and_asleep)
{
	long long t0 = sys_now(CLOCK_THREAD_CPUTIME_ID), p0 = sys_now(CLOCK_PROCESS_CPUTIME_ID);
	long long start = lt_now_ns(), t1;
	volatile unsigned long spin = 0;

	while (lt_now_ns() - start < 50000000)
		spin++;
	t1 = sys_now(CLOCK_THREAD_CPUTIME_ID);
	LT_CHECK(t1 - t0 >= 20000000);	/* mostly ours, even under a busy host */
	/* p0 was read a little after t0: allow for the system calls between. */
	LT_CHECK(sys_now(CLOCK_PROCESS_CPUTIME_ID) - p0 >= t1 - t0 - 1000000);
	lt_sleep_ms(50);
	LT_CHECK(sys_now(CLOCK_THREAD_CPUTIME_ID) - t1 < 10000000);
}

static long long tv_ns(const struct timeval *tv)
{
	return tv->tv_sec * 1000000000LL + tv->tv_usec * 1000LL;
}

/*
 * getrusage and times report the precise CPU time (the CPU clock), split
 * between user and system as the ticks saw it, and neither part ever
 * goes back between calls.
 */
LT_CASE(rusage_is_precise_and_monotonic)
{
	long long start = lt_now_ns(), before, after, sum;
	struct rusage ru, last = { 0 };
	volatile unsigned long spin = 0;
	struct tms t;
	int i = 0;

	while (lt_now_ns() - start < 100000000) {
		for (int j = 0; j < 20000; j++)
			spin++;
		if (i++ % 4 == 0)
			getppid();	/* a little system time too */
		before = sys_now(CLOCK_PROCESS_CPUTIME_ID);
		LT_CHECK_OK(getrusage(RUSAGE_SELF, &ru));
		after = sys_now(CLOCK_PROCESS_CPUTIME_ID);
		sum = tv_ns(&ru.ru_utime) + tv_ns(&ru.ru_stime);
		if (sum > after || sum < before - 2000000)
			LT_FAIL("rusage %lld ns outside the CPU clock's [%lld, %lld]", sum, before, after);
		if (tv_ns(&ru.ru_utime) < tv_ns(&last.ru_utime) ||
		    tv_ns(&ru.ru_stime) < tv_ns(&last.ru_stime))
			LT_FAIL("rusage went back: user %lld -> %lld, system %lld -> %lld",
				tv_ns(&last.ru_utime), tv_ns(&ru.ru_utime),
				tv_ns(&last.ru_stime), tv_ns(&ru.ru_stime));
		last = ru;
	}
	LT_CHECK(tv_ns(&ru.ru_utime) > 0);
	LT_CHECK(times(&t) != (clock_t)-1);
	/* Clock ticks (USER_HZ 100): no more than the CPU clock says. */
	LT_CHECK((t.tms_utime + t.tms_stime) * 10000000LL <= sys_now(CLOCK_PROCESS_CPUTIME_ID));
	LT_CHECK(t.tms_utime + t.tms_stime >= 5);
	LT_CHECK_OK(getrusage(RUSAGE_THREAD, &ru));
	LT_CHECK(tv_ns(&ru.ru_utime) + tv_ns(&ru.ru_stime) <= sys_now(CLOCK_THREAD_CPUTIME_ID));
}

static volatile int spin_stop;

static void *spinner(void *arg)
{
	(void)arg;
	while (!spin_stop)
		;
	return NULL;
}

/* Sleeping on the process CPU clock: until the other threads used that much. */
LT_CASE(nanosleep_on_cpu_clocks)
{
	struct timespec req = { 0, 30000000 }, abs;
	long long c0;
	pthread_t th;

	LT_CHECK_EQ(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL), EINVAL);	/* musl */
	LT_CHECK_ERR(syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL),
		     EOPNOTSUPP);
	LT_CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC_RAW, 0, &req, NULL), EOPNOTSUPP);
	spin_stop = 0;
	LT_CHECK_EQ(pthread_create(&th, NULL, spinner, NULL), 0);
	c0 = sys_now(CLOCK_PROCESS_CPUTIME_ID);
	LT_CHECK_EQ(clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &req, NULL), 0);
	LT_CHECK(sys_now(CLOCK_PROCESS_CPUTIME_ID) - c0 >= 30000000);
	c0 = sys_now(CLOCK_PROCESS_CPUTIME_ID) + 20000000;
	abs.tv_sec = c0 / 1000000000;
	abs.tv_nsec = c0 % 1000000000;
	LT_CHECK_EQ(clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, TIMER_ABSTIME, &abs, NULL), 0);
	LT_CHECK(sys_now(CLOCK_PROCESS_CPUTIME_ID) >= c0);
	spin_stop = 1;
	pthread_join(th, NULL);
}

LT_CASE(adjtimex_reads_state)
{
	struct timex tx;
	int state;

	memset(&tx, 0, sizeof(tx));
	state = adjtimex(&tx);
	LT_CHECK(state >= 0 && state <= 5);	/* TIME_OK .. TIME_ERROR */
	LT_CHECK(tx.tick >= 9000 && tx.tick <= 11000);	/* us per USER_HZ tick */
	LT_CHECK_EQ(tx.tolerance, 500 << 16);	/* 500 ppm, scaled */
	LT_CHECK(tx.time.tv_sec > 1500000000);
	memset(&tx, 0, sizeof(tx));
	tx.modes = ADJ_OFFSET_SS_READ;	/* adjtime(NULL, &old) */
	LT_CHECK(adjtimex(&tx) >= 0);
	LT_CHECK_OK(syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx));
}

LT_CASE(adjtimex_modes_validated)
{
	struct timex tx;

	memset(&tx, 0, sizeof(tx));
	tx.modes = 0x8000;	/* ADJ_ADJTIME without ADJ_OFFSET */
	LT_CHECK_ERR(adjtimex(&tx), EINVAL);
	memset(&tx, 0, sizeof(tx));
	tx.modes = ADJ_TICK;
	tx.tick = 8999;
	LT_CHECK_ERR(adjtimex(&tx), EINVAL);
	tx.tick = 11001;
	LT_CHECK_ERR(adjtimex(&tx), EINVAL);
	memset(&tx, 0, sizeof(tx));
	tx.modes = ADJ_SETOFFSET;
	tx.time.tv_usec = -1;
	LT_CHECK_ERR(adjtimex(&tx), EINVAL);
	tx.time.tv_usec = 1000000;
	LT_CHECK_ERR(adjtimex(&tx), EINVAL);
	LT_CHECK_ERR(syscall(SYS_adjtimex, (void *)8), EFAULT);
	LT_CHECK_ERR(syscall(SYS_clock_adjtime, CLOCK_MONOTONIC, &tx), EOPNOTSUPP);
	LT_CHECK_ERR(syscall(SYS_clock_adjtime, 16, &tx), EINVAL);
	LT_CHECK_ERR(syscall(SYS_clock_adjtime, CLOCK_REALTIME, (void *)8), EFAULT);
}

LT_CASE(adjtimex_set_needs_cap_sys_time)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct timex tx;

		if (setuid(65534))
			_exit(2);
		memset(&tx, 0, sizeof(tx));
		if (adjtimex(&tx) < 0)	/* reading is for everyone */
			_exit(3);
		tx.modes = ADJ_MAXERROR;
		if (adjtimex(&tx) != -1 || errno != EPERM)
			_exit(4);
		tx.modes = 0x8001;	/* adjtime(&delta, NULL) */
		if (adjtimex(&tx) != -1 || errno != EPERM)
			_exit(5);
		tx.modes = ADJ_OFFSET_SS_READ;	/* but it may read the slew */
		if (adjtimex(&tx) < 0)
			_exit(6);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/*
 * settimeofday: bad values are EINVAL before the missing CAP_SYS_TIME is
 * EPERM; the time zone, only a stored value, reads back through
 * gettimeofday and is refused beyond +-15 hours.
 */
LT_CASE(settimeofday_checks)
{
	/* minuteswest stays 0: on Linux a first non-zero one warps the clock. */
	struct timezone tz = { 0, 1 }, got = { -1, -1 }, old;
	struct timeval tv;
	pid_t pid = fork();

	if (pid == 0) {
		struct timeval bad_sec = { -1, 0 }, bad_usec = { 0, -1 }, big_usec = { 0, 1000000 };
		struct timeval ok = { 100, 100 };

		if (setuid(65534))
			_exit(2);
		if (syscall(SYS_settimeofday, &bad_sec, NULL) != -1 || errno != EINVAL)
			_exit(3);
		if (syscall(SYS_settimeofday, &bad_usec, NULL) != -1 || errno != EINVAL)
			_exit(4);
		if (syscall(SYS_settimeofday, &big_usec, NULL) != -1 || errno != EINVAL)
			_exit(5);
		if (syscall(SYS_settimeofday, &ok, NULL) != -1 || errno != EPERM)
			_exit(6);
		if (syscall(SYS_settimeofday, (void *)8, NULL) != -1 || errno != EFAULT)
			_exit(7);
		struct timespec neg = { -1, 0 };
		if (clock_settime(CLOCK_REALTIME, &neg) != -1 || errno != EINVAL)
			_exit(8);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(syscall(SYS_gettimeofday, &tv, &old));
	LT_CHECK_OK(syscall(SYS_settimeofday, NULL, &tz));
	LT_CHECK_OK(syscall(SYS_gettimeofday, &tv, &got));
	LT_CHECK_EQ(got.tz_minuteswest, 0);
	LT_CHECK_EQ(got.tz_dsttime, 1);
	tz.tz_minuteswest = 16 * 60;
	LT_CHECK_ERR(syscall(SYS_settimeofday, NULL, &tz), EINVAL);
	LT_CHECK_OK(syscall(SYS_settimeofday, NULL, &old));
}

LT_CASE(adjtimex_set_reads_back)
{
	struct timex tx, saved, now;

	memset(&saved, 0, sizeof(saved));
	LT_CHECK(adjtimex(&saved) >= 0);
	memset(&tx, 0, sizeof(tx));
	tx.modes = ADJ_MAXERROR | ADJ_ESTERROR | ADJ_FREQUENCY;
	tx.maxerror = saved.maxerror > 1000 ? saved.maxerror - 1000 : 1000;
	tx.esterror = 1234;
	tx.freq = saved.freq + 65536;	/* +1 ppm */
	LT_CHECK(adjtimex(&tx) >= 0);
	memset(&now, 0, sizeof(now));
	LT_CHECK(adjtimex(&now) >= 0);
	LT_CHECK(now.maxerror >= tx.maxerror);	/* it grows as time passes */
	LT_CHECK_EQ(now.esterror, 1234);
	LT_CHECK_EQ(now.freq, saved.freq + 65536);
	saved.modes = ADJ_MAXERROR | ADJ_ESTERROR | ADJ_FREQUENCY;
	LT_CHECK(adjtimex(&saved) >= 0);
}

int main(void)
{
	lt_begin("time_clocks");
	LT_RUN(every_clock_reads);
	LT_RUN(resolutions);
	LT_RUN(clocks_agree);
	LT_RUN(cpu_clocks_busy_and_asleep);
	LT_RUN(rusage_is_precise_and_monotonic);
	LT_RUN(nanosleep_on_cpu_clocks);
	LT_RUN(adjtimex_reads_state);
	LT_RUN(adjtimex_modes_validated);
	LT_RUN(adjtimex_set_needs_cap_sys_time);
	LT_RUN(settimeofday_checks);
	LT_RUN(adjtimex_set_reads_back);
	return lt_end();
}
