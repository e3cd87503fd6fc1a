// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/system/cpu: the CPU masks as lists ("0-3"), which is
 * where glibc's get_nprocs() and sysconf(_SC_NPROCESSORS_*) look, and a
 * cpuN directory per present CPU with its "online" state.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/sysfs.h>
#include <asm/page.h>

static ssize_t print_online(const struct attribute *attr, char *page)
{
	return cpumap_print_list(page, PAGE_SIZE, cpu_online_mask);
}

static ssize_t print_possible(const struct attribute *attr, char *page)
{
	return cpumap_print_list(page, PAGE_SIZE, cpu_possible_mask);
}

static ssize_t print_present(const struct attribute *attr, char *page)
{
	return cpumap_print_list(page, PAGE_SIZE, cpu_present_mask);
}

/* Present but not online: the CPUs maxcpus= left off, or that failed to start. */
static ssize_t print_offline(const struct attribute *attr, char *page)
{
	struct cpumask off;
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		off.bits[i] = cpu_present_mask->bits[i] & ~cpu_online_mask->bits[i];
	if (cpumask_empty(&off))
		return scnprintf(page, PAGE_SIZE, "\n");
	return cpumap_print_list(page, PAGE_SIZE, &off);
}

static ssize_t print_kernel_max(const struct attribute *attr, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%d\n", NR_CPUS - 1);
}

static const struct attribute cpu_root_attrs[] = {
	{ .name = "online", .mode = 0444, .show = print_online },
	{ .name = "possible", .mode = 0444, .show = print_possible },
	{ .name = "present", .mode = 0444, .show = print_present },
	{ .name = "offline", .mode = 0444, .show = print_offline },
	{ .name = "kernel_max", .mode = 0444, .show = print_kernel_max },
};

/* cpuN/online: one attribute per CPU, which CPU it is from its place in the array. */
static struct attribute cpu_online_attrs[NR_CPUS];

static ssize_t print_cpu_online(const struct attribute *attr, char *page)
{
	unsigned int cpu = attr - cpu_online_attrs;

	return scnprintf(page, PAGE_SIZE, "%d\n", cpu_online(cpu));
}

static int __init cpu_dev_init(void)
{
	struct dentry *system, *cpudir, *dir;
	unsigned int i, cpu;
	char name[16];

	system = sysfs_create_dir(devices_kobj, "system");
	if (IS_ERR_OR_NULL(system))
		return -ENOMEM;
	cpudir = sysfs_create_dir(system, "cpu");
	if (IS_ERR_OR_NULL(cpudir))
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(cpu_root_attrs); i++)
		sysfs_create_file(cpudir, &cpu_root_attrs[i]);
	for_each_present_cpu(cpu) {
		snprintf(name, sizeof(name), "cpu%u", cpu);
		dir = sysfs_create_dir(cpudir, name);
		if (IS_ERR_OR_NULL(dir))
			continue;
		cpu_online_attrs[cpu].name = "online";
		cpu_online_attrs[cpu].mode = 0444;
		cpu_online_attrs[cpu].show = print_cpu_online;
		sysfs_create_file(dir, &cpu_online_attrs[cpu]);
	}
	return 0;
}
device_initcall(cpu_dev_init);
