// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/stat: CPU time by kind since boot (user, nice, system, idle, ...
 * in USER_HZ ticks, charged by the tick in account_process_tick), the
 * interrupt counts, context switches, boot time, forks and the run
 * queue right now.  top and vmstat compute CPU percentages from two
 * reads of the "cpu" line.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/kernel_stat.h>
#include <asm/hardirq.h>
#include <linux/sched/loadavg.h>
#include <linux/sched/task.h>
#include <linux/time64.h>
#include <uapi/linux/time_types.h>
#include <linux/smp.h>
#include <linux/string.h>
#include "internal.h"


/* The columns in /proc/stat's order, which is not the enum's. */
static const enum cpu_usage_stat stat_columns[] = {
	CPUTIME_USER, CPUTIME_NICE, CPUTIME_SYSTEM, CPUTIME_IDLE, CPUTIME_IOWAIT,
	CPUTIME_IRQ, CPUTIME_SOFTIRQ, CPUTIME_STEAL, CPUTIME_GUEST, CPUTIME_GUEST_NICE,
};

static void show_cpu_line(struct seq_file *m, const char *name, const u64 *cpustat)
{
	seq_puts(m, name);
	for (unsigned int i = 0; i < ARRAY_SIZE(stat_columns); i++)
		seq_printf(m, " %llu", cpustat[stat_columns[i]] / (NSEC_PER_SEC / USER_HZ));
	seq_putc(m, '\n');
}

static unsigned long long irq_total(int irq)
{
	unsigned long long n = 0;

	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
		n += irq_desc[irq].kstat_irqs[cpu];
	return n;
}

/*
 * "intr <total> <irq 0> <irq 1> ...": the total also counts what has no
 * IRQ number (local timer, IPIs, NMIs, APIC errors), as Linux's does,
 * so it agrees with the sum of /proc/interrupts' rows.
 */
static void show_intr_line(struct seq_file *m)
{
	unsigned long long sum = arch_irq_stat();

	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
		sum += arch_irq_stat_cpu(cpu);
	for (int irq = 0; irq < NR_IRQS; irq++)
		sum += irq_total(irq);
	seq_printf(m, "intr %llu", sum);
	for (int irq = 0; irq < NR_IRQS; irq++)
		seq_printf(m, " %llu", irq_total(irq));
	seq_putc(m, '\n');
}

/* "softirq <total> <HI> <TIMER> ...": each vector summed over the CPUs. */
static void show_softirq_line(struct seq_file *m)
{
	unsigned long long per_vec[NR_SOFTIRQS] = { 0 }, sum = 0;

	for (unsigned int i = 0; i < NR_SOFTIRQS; i++) {
		for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
			per_vec[i] += kstat_softirqs_cpu(i, cpu);
		sum += per_vec[i];
	}
	seq_printf(m, "softirq %llu", sum);
	for (unsigned int i = 0; i < NR_SOFTIRQS; i++)
		seq_printf(m, " %llu", per_vec[i]);
	seq_putc(m, '\n');
}

int stat_proc_show(struct seq_file *m, void *v)
{
	u64 btime = (ktime_get_real_ns() - ktime_get_ns()) / NSEC_PER_SEC;

	u64 total[NR_STATS] = { 0 };
	unsigned int cpu, i;
	char name[16];

	for_each_online_cpu(cpu)
		for (i = 0; i < NR_STATS; i++)
			total[i] += kcpustat_cpu(cpu).cpustat[i];
	show_cpu_line(m, "cpu ", total);
	for_each_online_cpu(cpu) {
		snprintf(name, sizeof(name), "cpu%u", cpu);
		show_cpu_line(m, name, kcpustat_cpu(cpu).cpustat);
	}
	show_intr_line(m);
	seq_printf(m, "ctxt %llu\nbtime %llu\nprocesses %lu\nprocs_running %u\n"
		   "procs_blocked %lu\n",
		   nr_context_switches(), btime, total_forks, nr_running(), nr_iowait());
	show_softirq_line(m);
	return 0;
}
