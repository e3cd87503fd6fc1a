// SPDX-License-Identifier: GPL-2.0
/*
 * Magic SysRq: one-letter commands that reach the kernel however stuck
 * user space is.  Linux takes them from the keyboard (Alt-SysRq-<key>),
 * a serial BREAK, or a write to /proc/sysrq-trigger; Lantern has the
 * last, which root can always use (kernel.sysrq only masks the keyboard).
 *
 * The keys are the ones Lantern can carry out: b (reboot now), c (crash:
 * a panic, from the writer's context), l (backtrace of every CPU's
 * current task) and o (power off).  Any other key prints the list, as in
 * Linux.  The header line is printed whatever the console level, so the
 * person at the console sees the key was taken.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched/debug.h>
#include <linux/sysrq.h>
#include <asm/smp.h>

struct sysrq_key_op {
	int key;
	void (*handler)(int key);
	const char *help_msg;		/* "name(key)" in the help line */
	const char *action_msg;		/* printed when the key is taken */
};

static void sysrq_handle_reboot(int key)
{
	machine_restart();
}

static void sysrq_handle_crash(int key)
{
	panic("sysrq triggered crash");
}

/* Each active CPU prints its own stack, interrupted where it was (as an NMI backtrace would). */
static void sysrq_showregs_func(void *unused)
{
	pr_info("NMI backtrace for cpu %d\n", smp_processor_id());
	dump_stack();
}

static void sysrq_handle_showallcpus(int key)
{
	unsigned int cpu;

	/* One at a time, so the stacks do not interleave in the log. */
	for_each_cpu(cpu, cpu_active_mask)
		smp_call_function_single(cpu, sysrq_showregs_func, NULL, 1);
}

static void sysrq_handle_poweroff(int key)
{
	kernel_power_off();
}

static const struct sysrq_key_op sysrq_key_table[] = {
	{ 'b', sysrq_handle_reboot, "reboot(b)", "Resetting" },
	{ 'c', sysrq_handle_crash, "crash(c)", "Trigger a crash" },
	{ 'l', sysrq_handle_showallcpus, "show-backtrace-all-active-cpus(l)",
	  "Show backtrace of all active CPUs" },
	{ 'o', sysrq_handle_poweroff, "poweroff(o)", "Power Off" },
};

void handle_sysrq(int key)
{
	int orig_loglevel = console_loglevel;
	char help[160];
	size_t len = 0;

	/* The header reaches the console even under "quiet"; then the old level. */
	console_loglevel = 7;
	for (size_t i = 0; i < ARRAY_SIZE(sysrq_key_table); i++) {
		const struct sysrq_key_op *op = &sysrq_key_table[i];

		if (op->key != key)
			continue;
		pr_info("sysrq: %s\n", op->action_msg);
		console_loglevel = orig_loglevel;
		op->handler(key);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(sysrq_key_table); i++)
		len += scnprintf(help + len, sizeof(help) - len, " %s",
				 sysrq_key_table[i].help_msg);
	pr_info("sysrq: HELP :%s\n", help);
	console_loglevel = orig_loglevel;
}

/* As Linux 6.1: the first byte written is the key; the rest is ignored. */
ssize_t write_sysrq_trigger(struct file *file, const char *buf, size_t count,
			    loff_t *ppos)
{
	if (count)
		handle_sysrq(buf[0]);
	return count;
}
