// SPDX-License-Identifier: GPL-2.0
/*
 * panic(): the kernel has found a state it cannot continue from.  It says
 * why, shows how it got there, and then follows panic=: N > 0 reboots
 * after N seconds, N < 0 reboots at once, 0 (the default) halts.  In test
 * mode (any ktest= option) without an explicit panic=, the VM exits with
 * a failure status instead, so the test runner never waits for a timeout
 * to learn of a crash.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/ktest.h>
#include <linux/console.h>
#include <linux/reboot.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <asm/irqflags.h>
#include <asm/smp.h>

int panic_timeout;
static bool panic_timeout_set;

static int __init panic_setup(char *str)
{
	if (kstrtoint(str, 0, &panic_timeout))
		pr_warn("panic=: not a number: %s\n", str);
	else
		panic_timeout_set = true;
	return 1;
}
__setup("panic=", panic_setup);

void panic(const char *fmt, ...)
{
	static char buf[1024];
	static bool in_panic;
	va_list args;

	local_irq_disable();
	if (in_panic)		/* a panic while panicking: just stop */
		goto halt;
	in_panic = true;
	oops_in_progress = 1;
	console_verbose();

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	if (!strstarts(buf, "Fatal exception"))
		dump_stack();
	console_flush_on_panic();

	if (ktest_mode && !panic_timeout_set) {
		pr_emerg("---[ end Kernel panic: test mode, exiting VM with failure ]---\n");
		qemu_debug_exit(1);
	}
	if (panic_timeout > 0) {
		pr_emerg("Rebooting in %d seconds..\n", panic_timeout);
		mdelay((unsigned long)panic_timeout * 1000);
	}
	if (panic_timeout != 0)
		machine_restart();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
halt:
	machine_halt();
}

void __warn(const char *file, int line, void *caller)
{
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %d PID: %d at %s:%d %pS\n", smp_processor_id(),
		current->pid, file, line, caller);
	dump_stack();
	pr_warn("---[ end trace ]---\n");
}
