/* SPDX-License-Identifier: GPL-2.0 */
/* The load average (kernel/sched/loadavg.c) and the run-queue counts /proc shows. */
#ifndef _LINUX_SCHED_LOADAVG_H
#define _LINUX_SCHED_LOADAVG_H

#include <linux/jiffies.h>

#define FSHIFT		11			/* bits of fraction */
#define FIXED_1		(1 << FSHIFT)		/* 1.0 */
#define LOAD_FREQ	(5 * HZ + 1)		/* 5 s; the +1 keeps off the tick's beat */
#define EXP_1		1884			/* FIXED_1 / exp(5 s / 1 min) */
#define EXP_5		2014			/* FIXED_1 / exp(5 s / 5 min) */
#define EXP_15		2037			/* FIXED_1 / exp(5 s / 15 min) */

#define LOAD_INT(x)	((x) >> FSHIFT)
#define LOAD_FRAC(x)	LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

extern unsigned long avenrun[3];
void get_avenrun(unsigned long *loads, unsigned long offset, int shift);
void calc_global_load(void);
unsigned int nr_running(void);
unsigned long nr_iowait(void);
unsigned long long nr_context_switches(void);

#endif
