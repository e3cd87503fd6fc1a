// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU masks (include/linux/cpumask.h) and the files that show them:
 * /sys/devices/system/cpu/{possible,present,online} print them in list
 * form, "0-3".  The boot CPU is possible, present, online and active
 * from the first instruction; the others join in smp_init().
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/time64.h>

struct cpumask __cpu_possible_mask = { .bits = { 1 } };
struct cpumask __cpu_present_mask = { .bits = { 1 } };
struct cpumask __cpu_online_mask = { .bits = { 1 } };
struct cpumask __cpu_active_mask = { .bits = { 1 } };

/* Runs of consecutive CPUs collapse to "a-b", runs are comma-separated. */
int cpumap_print_list(char *buf, size_t size, const struct cpumask *m)
{
	unsigned int cpu, first;
	int len = 0;

	for (cpu = cpumask_first(m); cpu < NR_CPUS; ) {
		first = cpu;
		while (cpu + 1 < NR_CPUS && cpumask_test_cpu(cpu + 1, m))
			cpu++;
		if (cpu == first)
			len += scnprintf(buf + len, size - len, "%s%u", len ? "," : "", first);
		else
			len += scnprintf(buf + len, size - len, "%s%u-%u", len ? "," : "",
					 first, cpu);
		cpu = cpumask_next(cpu, m);
	}
	len += scnprintf(buf + len, size - len, "\n");
	return len;
}

