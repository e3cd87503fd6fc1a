/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>

#define MSEC_PER_SEC	1000L
#define USEC_PER_MSEC	1000L
#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define USEC_PER_SEC	1000000L
#define NSEC_PER_SEC	1000000000L

struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

static inline u64 timespec64_to_ns(const struct timespec64 *ts)
{
	return (u64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

static inline struct timespec64 ns_to_timespec64(u64 ns)
{
	struct timespec64 ts = { .tv_sec = ns / NSEC_PER_SEC, .tv_nsec = ns % NSEC_PER_SEC };

	return ts;
}

static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && (unsigned long)ts->tv_nsec < NSEC_PER_SEC;
}

/* kernel/time/timekeeping.c */
u64 ktime_get_ns(void);			/* CLOCK_MONOTONIC */
u64 ktime_get_real_ns(void);		/* CLOCK_REALTIME */
u64 ktime_get_boottime_ns(void);
s64 ktime_get_real_offset(void);
void timekeeping_init(void);
/* The architecture's battery-backed clock (the CMOS RTC): seconds since 1970. */
s64 read_persistent_clock(void);
int do_settimeofday64(const struct timespec64 *ts);

#endif
