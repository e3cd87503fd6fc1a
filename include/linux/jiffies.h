/* SPDX-License-Identifier: GPL-2.0 */
/*
 * jiffies: the number of timer ticks since boot, HZ per second.  Compare
 * with time_after() and friends, which stay right when the counter wraps.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ		CONFIG_HZ
#define TICK_NSEC	(1000000000UL / HZ)

extern volatile u64 jiffies_64;
#define jiffies		(*(volatile unsigned long *)&jiffies_64)

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return ((unsigned long)m * HZ + 999) / 1000;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * (1000 / HZ));
}

void tick_handle_periodic(void);

#endif
