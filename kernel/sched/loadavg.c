// SPDX-License-Identifier: GPL-2.0
/*
 * The load average: /proc/loadavg's three numbers, as uptime and top show.
 *
 * Every LOAD_FREQ (5 s) the tick samples how many tasks are runnable or
 * in uninterruptible sleep, and folds the count into three exponentially
 * decaying averages with time constants of 1, 5 and 15 minutes:
 *
 *	avenrun = avenrun * e + active * (1 - e),   e = exp(-5 s / period)
 *
 * in fixed point with FSHIFT fractional bits, as Linux's calc_load()
 * does, so the numbers match what a Linux box under the same load shows.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include "sched.h"

unsigned long avenrun[3];		/* FIXED_1 = 1.0; written by the tick only */
static unsigned long calc_load_update;	/* jiffies of the next sample */

/* One decay step: load * e + active * (1 - e), rounded up while it grows. */
static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

/*
 * Runnable (the idle task excepted) plus uninterruptible sleepers, as
 * Linux counts, summed over the CPUs.  A task that sleeps on one CPU and
 * wakes on another moves one unit of nr_uninterruptible between their
 * counters, so a single CPU's count can go "negative"; the sum is right.
 */
static unsigned long calc_load_active(void)
{
	return ((unsigned long)nr_running() + nr_iowait()) * FIXED_1;
}

/* Called from the tick (under jiffies_lock); cheap except once per LOAD_FREQ. */
void calc_global_load(void)
{
	unsigned long active;

	if (time_before(jiffies, calc_load_update))
		return;
	active = calc_load_active();
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
	calc_load_update = jiffies + LOAD_FREQ;
}

void get_avenrun(unsigned long *loads, unsigned long offset, int shift)
{
	for (int i = 0; i < 3; i++)
		loads[i] = (READ_ONCE(avenrun[i]) + offset) << shift;
}

unsigned int nr_running(void)
{
	unsigned int cpu, n = 0;

	for_each_online_cpu(cpu)
		n += READ_ONCE(cpu_rq(cpu)->nr_running);
	return n;
}

unsigned long nr_iowait(void)
{
	unsigned long n = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		n += READ_ONCE(cpu_rq(cpu)->nr_uninterruptible);
	return (long)n < 0 ? 0 : n;
}

unsigned long long nr_context_switches(void)
{
	unsigned long long n = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		n += READ_ONCE(cpu_rq(cpu)->nr_switches);
	return n;
}
