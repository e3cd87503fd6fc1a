// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/softirqs: how often each softirq vector ran on each CPU (counted
 * in kernel/softirq.c), one column per CPU, one row per vector, in
 * Linux's layout so tools that parse it (mpstat, watch) read it as is.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/seq_file.h>
#include <asm/smp.h>
#include "internal.h"

int softirqs_proc_show(struct seq_file *m, void *v)
{
	unsigned int cpu, i;

	seq_puts(m, "                    ");
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		seq_printf(m, "CPU%-8u", cpu);
	seq_putc(m, '\n');
	for (i = 0; i < NR_SOFTIRQS; i++) {
		seq_printf(m, "%12s:", softirq_to_name[i]);
		for (cpu = 0; cpu < nr_cpu_ids; cpu++)
			seq_printf(m, " %10u", kstat_softirqs_cpu(i, cpu));
		seq_putc(m, '\n');
	}
	return 0;
}
