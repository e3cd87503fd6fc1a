/*
 * timerfd_create/settime/gettime: one-shot and periodic expiry counts,
 * relative and TFD_TIMER_ABSTIME, gettime and the old value, disarming,
 * poll and blocking read, TFD_TIMER_CANCEL_ON_SET (clock_settime makes
 * read fail with ECANCELED), and every error Linux gives bad arguments.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#ifndef TFD_TIMER_CANCEL_ON_SET
#define TFD_TIMER_CANCEL_ON_SET (1 << 1)
#endif

static long long now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct itimerspec its(long long value_ns, long long interval_ns)
{
	struct itimerspec v = {
		.it_value = { value_ns / 1000000000, value_ns % 1000000000 },
		.it_interval = { interval_ns / 1000000000, interval_ns % 1000000000 },
	};
	return v;
}

LT_CASE(one_shot_relative)
{
	struct itimerspec v = its(20000000, 0);
	long long t0 = now_ns(CLOCK_MONOTONIC);
	uint64_t ticks = 0;
	int fd = timerfd_create(CLOCK_MONOTONIC, 0);

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(timerfd_settime(fd, 0, &v, NULL));
	LT_CHECK_EQ(read(fd, &ticks, 8), 8);	/* blocks until it fires */
	LT_CHECK_EQ(ticks, 1);
	LT_CHECK(now_ns(CLOCK_MONOTONIC) - t0 >= 20000000);
	LT_CHECK_OK(timerfd_gettime(fd, &v));
	LT_CHECK(v.it_value.tv_sec == 0 && v.it_value.tv_nsec == 0);	/* disarmed */
	close(fd);
}

LT_CASE(periodic_counts_missed_expiries)
{
	struct itimerspec v = its(5000000, 5000000);
	struct pollfd p;
	uint64_t ticks = 0;
	int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
	long long t0, t1, left;
	long ret;
	int err;

	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(read(fd, &ticks, 8), EAGAIN);	/* not armed yet */
	t0 = now_ns(CLOCK_MONOTONIC);
	LT_CHECK_OK(timerfd_settime(fd, 0, &v, NULL));
	lt_sleep_ms(60);
	p = (struct pollfd){ .fd = fd, .events = POLLIN };
	LT_CHECK_EQ(poll(&p, 1, 0), 1);
	LT_CHECK_EQ(read(fd, &ticks, 8), 8);
	/* 60 ms / 5 ms, or more if the host stalled us past the 60 ms. */
	LT_CHECK(ticks >= 10 && (long long)ticks <= (now_ns(CLOCK_MONOTONIC) - t0) / 5000000 + 1);
	/*
	 * Counted and cleared: the next read finds nothing, unless the
	 * next period ended in between (a loaded host can take 5 ms
	 * between two calls), which the clock then shows.
	 */
	t1 = now_ns(CLOCK_MONOTONIC);
	LT_CHECK_OK(timerfd_gettime(fd, &v));
	left = v.it_value.tv_nsec;
	ret = read(fd, &ticks, 8);
	err = errno;
	if (ret == 8) {
		long long gap = now_ns(CLOCK_MONOTONIC) - t1;

		lt_note("a period ended between two reads: %lld us apart, %lld us were left",
			gap / 1000, left / 1000);
		LT_CHECK(gap >= left && ticks >= 1);
	} else {
		LT_CHECK(ret == -1 && err == EAGAIN);
	}
	LT_CHECK_OK(timerfd_gettime(fd, &v));
	LT_CHECK(v.it_interval.tv_nsec == 5000000);
	LT_CHECK(v.it_value.tv_sec == 0 && v.it_value.tv_nsec > 0 &&
		 v.it_value.tv_nsec <= 5000000);
	/* Disarm, reporting the old setting. */
	v = its(0, 0);
	{
		struct itimerspec old;

		LT_CHECK_OK(timerfd_settime(fd, 0, &v, &old));
		LT_CHECK(old.it_interval.tv_nsec == 5000000);
	}
	lt_sleep_ms(20);
	LT_CHECK_ERR(read(fd, &ticks, 8), EAGAIN);
	close(fd);
}

LT_CASE(absolute_times)
{
	static const clockid_t clocks[] = { CLOCK_MONOTONIC, CLOCK_REALTIME, CLOCK_BOOTTIME };
	unsigned int i;

	for (i = 0; i < 3; i++) {
		long long deadline = now_ns(clocks[i]) + 10000000;
		struct itimerspec v = its(deadline, 0);
		uint64_t ticks;
		int fd = timerfd_create(clocks[i], 0);

		LT_CHECK(fd >= 0);
		LT_CHECK_OK(timerfd_settime(fd, TFD_TIMER_ABSTIME, &v, NULL));
		LT_CHECK_EQ(read(fd, &ticks, 8), 8);
		LT_CHECK_EQ(ticks, 1);
		LT_CHECK(now_ns(clocks[i]) >= deadline);
		/* A time already past fires at once. */
		v = its(1, 0);
		LT_CHECK_OK(timerfd_settime(fd, TFD_TIMER_ABSTIME, &v, NULL));
		LT_CHECK_EQ(read(fd, &ticks, 8), 8);
		close(fd);
	}
}

/* Setting the wall clock cancels a CANCEL_ON_SET timer (needs CAP_SYS_TIME). */
LT_CASE(cancel_on_set)
{
	struct itimerspec v = its(now_ns(CLOCK_REALTIME) + 3600LL * 1000000000, 0);
	struct timespec now;
	uint64_t ticks;
	int fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK);

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &v, NULL));
	LT_CHECK_ERR(read(fd, &ticks, 8), EAGAIN);
	clock_gettime(CLOCK_REALTIME, &now);
	LT_CHECK_OK(clock_settime(CLOCK_REALTIME, &now));
	LT_CHECK_ERR(read(fd, &ticks, 8), ECANCELED);
	close(fd);
}

LT_CASE(errors)
{
	struct itimerspec v = its(1000000, 0), bad = its(0, 0);
	uint32_t small;
	int fd = timerfd_create(CLOCK_MONOTONIC, 0), nonfd;

	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(syscall(SYS_timerfd_create, 1234, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_timerfd_create, CLOCK_MONOTONIC, 0x1), EINVAL);
	LT_CHECK_ERR(syscall(SYS_timerfd_create, CLOCK_PROCESS_CPUTIME_ID, 0), EINVAL);
	LT_CHECK_ERR(timerfd_settime(fd, 0x10, &v, NULL), EINVAL);
	bad.it_value.tv_nsec = 1000000000;
	LT_CHECK_ERR(timerfd_settime(fd, 0, &bad, NULL), EINVAL);
	bad = its(0, 0);
	bad.it_interval.tv_nsec = -1;
	LT_CHECK_ERR(timerfd_settime(fd, 0, &bad, NULL), EINVAL);
	LT_CHECK_ERR(syscall(SYS_timerfd_settime, fd, 0, (void *)8, NULL), EFAULT);
	LT_CHECK_ERR(syscall(SYS_timerfd_gettime, fd, (void *)8), EFAULT);
	LT_CHECK_ERR(timerfd_settime(999, 0, &v, NULL), EBADF);
	LT_CHECK_ERR(timerfd_gettime(999, &v), EBADF);
	nonfd = open("/", O_RDONLY);
	LT_CHECK_ERR(timerfd_settime(nonfd, 0, &v, NULL), EINVAL);
	LT_CHECK_ERR(timerfd_gettime(nonfd, &v), EINVAL);
	close(nonfd);
	LT_CHECK_ERR(read(fd, &small, 4), EINVAL);
	close(fd);
	fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	LT_CHECK(fd >= 0);
	LT_CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	LT_CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
	close(fd);
}

int main(void)
{
	lt_begin("timerfd");
	LT_RUN(one_shot_relative);
	LT_RUN(periodic_counts_missed_expiries);
	LT_RUN(absolute_times);
	LT_RUN(cancel_on_set);
	LT_RUN(errors);
	return lt_end();
}
