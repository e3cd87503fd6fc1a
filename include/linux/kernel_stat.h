/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU time by kind, in nanoseconds, for /proc/stat's "cpu" lines: the
 * tick charges each one to user, system or idle (kernel/sched/syscalls.c).
 * One set per CPU, written only by that CPU's tick and idle exit; readers
 * on other CPUs may see a value one tick old, never a torn one (64-bit
 * stores).
 */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H

#include <linux/types.h>
#include <asm/percpu.h>

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

DECLARE_PER_CPU(struct kernel_cpustat, kernel_cpustat);
#define kcpustat_this_cpu	this_cpu_ptr(&kernel_cpustat)
#define kcpustat_cpu(cpu)	(*per_cpu_ptr(&kernel_cpustat, cpu))

#endif
