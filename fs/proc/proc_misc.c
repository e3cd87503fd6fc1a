// SPDX-License-Identifier: GPL-2.0
/*
 * The short files: /proc/uptime, loadavg, version and cmdline, and the
 * counters of /proc/vmstat.
 *
 * uptime is seconds since boot and the idle time summed over CPUs;
 * loadavg is the three averages kernel/sched/loadavg.c keeps, then
 * "running/total" tasks and the last pid handed out.
 */
#include <linux/kernel.h>
#include <linux/pid_namespace.h>
#include <linux/init.h>
#include <linux/kernel_stat.h>
#include <linux/cpumask.h>
#include <linux/sched/loadavg.h>
#include <linux/sched/task.h>
#include <linux/time64.h>
#include <linux/time_namespace.h>
#include <uapi/linux/time_types.h>
#include <linux/utsname.h>
#include <linux/vmstat.h>
#include "internal.h"


int uptime_proc_show(struct seq_file *m, void *v)
{
	/* The reader's time namespace shifts uptime, not the idle time. */
	u64 up = ktime_get_boottime_ns() + timens_clock_offset(CLOCK_BOOTTIME), idle = 0;
	unsigned int cpu;

	/* As Linux: the idle time of all CPUs together, so it can exceed uptime. */
	for_each_online_cpu(cpu)
		idle += kcpustat_cpu(cpu).cpustat[CPUTIME_IDLE];

	seq_printf(m, "%llu.%02llu %llu.%02llu\n", up / NSEC_PER_SEC,
		   up % NSEC_PER_SEC / (NSEC_PER_SEC / 100), idle / NSEC_PER_SEC,
		   idle % NSEC_PER_SEC / (NSEC_PER_SEC / 100));
	return 0;
}

int loadavg_proc_show(struct seq_file *m, void *v)
{
	unsigned long avnrun[3];

	get_avenrun(avnrun, FIXED_1 / 200, 0);	/* + 0.005: round to two decimals */
	seq_printf(m, "%lu.%02lu %lu.%02lu %lu.%02lu %u/%d %d\n",
		   LOAD_INT(avnrun[0]), LOAD_FRAC(avnrun[0]),
		   LOAD_INT(avnrun[1]), LOAD_FRAC(avnrun[1]),
		   LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]),
		   nr_running(), nr_threads, READ_ONCE(task_active_pid_ns(current)->last_pid));
	return 0;
}

int version_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, linux_banner);
	return 0;
}

int cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", saved_command_line ? saved_command_line : "");
	return 0;
}

int vmstat_proc_show(struct seq_file *m, void *v)
{
	const char *const *name = vmstat_text;
	unsigned long events[NR_VM_EVENT_ITEMS];
	int i;

	for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		seq_printf(m, "%s %lu\n", *name++, global_zone_page_state(i));
	for (i = 0; i < NR_VM_NODE_STAT_ITEMS; i++)
		seq_printf(m, "%s %lu\n", *name++, global_node_page_state(i));
	all_vm_events(events);
	for (i = 0; i < NR_VM_EVENT_ITEMS; i++)
		seq_printf(m, "%s %lu\n", *name++, events[i]);
	return 0;
}
