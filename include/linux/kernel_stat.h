/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU time by kind, in nanoseconds, for /proc/stat's "cpu" lines: the
 * tick charges each one to user, system or idle (kernel/sched/cputime.c).
 * One CPU for now: a single set of counters, written by the tick only.
 */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H

#include <linux/types.h>

enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

struct kernel_cpustat {
	u64 cpustat[NR_STATS];
};

extern struct kernel_cpustat kernel_cpustat;

#endif
