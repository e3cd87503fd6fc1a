/* SPDX-License-Identifier: GPL-2.0 */
/* ktime_t: a time in nanoseconds, signed, as hrtimers and clock events use it. */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include <linux/types.h>
#include <linux/time64.h>

typedef s64 ktime_t;

#define KTIME_MAX	((s64)~((u64)1 << 63))

static inline ktime_t ktime_get(void)
{
	return (ktime_t)ktime_get_ns();
}

static inline ktime_t ktime_add_ns(ktime_t kt, u64 ns)
{
	return kt + (s64)ns;
}

static inline s64 ktime_to_ns(ktime_t kt)
{
	return kt;
}

static inline ktime_t ns_to_ktime(u64 ns)
{
	return (ktime_t)ns;
}

#define ms_to_ktime(ms)	((ktime_t)(ms) * NSEC_PER_MSEC)
#define us_to_ktime(us)	((ktime_t)(us) * NSEC_PER_USEC)

#endif
