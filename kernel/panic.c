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
#include <linux/panic.h>
#include <linux/console.h>
#include <linux/reboot.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <asm/irqflags.h>
#include <asm/smp.h>
#include <linux/smp.h>

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
	/* A panic while panicking, here or on another CPU: just stop. */
	if (__atomic_exchange_n(&in_panic, true, __ATOMIC_SEQ_CST))
		goto halt;
	oops_in_progress = 1;
	console_verbose();

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	if (!strstarts(buf, "Fatal exception"))
		dump_stack();
	/* The other CPUs stop where they are (an NMI each): one oops in the log. */
	smp_send_stop();
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
EXPORT_SYMBOL(panic);

void __warn(const char *file, int line, void *caller)
{
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %d PID: %d at %s:%d %pS\n", smp_processor_id(),
		current->pid, file, line, caller);
	dump_stack();
	pr_warn("---[ end trace ]---\n");
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
}
EXPORT_SYMBOL(__warn);

/* ------------------------------------------------------------------ */
/* Taint                                                               */

int tainted_mask;

/* Letter when set, letter when clear (' '), and whether modules show it. */
static const struct {
	char c_true;
	bool module;
} taint_flags[TAINT_FLAGS_COUNT] = {
	[TAINT_PROPRIETARY_MODULE]	= { 'P', true },
	[TAINT_FORCED_MODULE]		= { 'F', true },
	[TAINT_CPU_OUT_OF_SPEC]		= { 'S', false },
	[TAINT_FORCED_RMMOD]		= { 'R', false },
	[TAINT_MACHINE_CHECK]		= { 'M', false },
	[TAINT_BAD_PAGE]		= { 'B', false },
	[TAINT_USER]			= { 'U', false },
	[TAINT_DIE]			= { 'D', false },
	[TAINT_OVERRIDDEN_ACPI_TABLE]	= { 'A', false },
	[TAINT_WARN]			= { 'W', false },
	[TAINT_CRAP]			= { 'C', true },
	[TAINT_FIRMWARE_WORKAROUND]	= { 'I', false },
	[TAINT_OOT_MODULE]		= { 'O', true },
	[TAINT_UNSIGNED_MODULE]		= { 'E', true },
	[TAINT_SOFTLOCKUP]		= { 'L', false },
	[TAINT_LIVEPATCH]		= { 'K', true },
	[TAINT_AUX]			= { 'X', true },
	[TAINT_RANDSTRUCT]		= { 'T', true },
};

void add_taint(unsigned int flag, int lockdep_ok)
{
	if (flag < TAINT_FLAGS_COUNT)
		__atomic_fetch_or(&tainted_mask, 1 << flag, __ATOMIC_RELAXED);
}

void add_taint_flags(unsigned long flags)
{
	for (unsigned int i = 0; i < TAINT_FLAGS_COUNT; i++)
		if (flags & (1UL << i))
			add_taint(i, LOCKDEP_STILL_OK);
}

bool test_taint(unsigned int flag)
{
	return flag < TAINT_FLAGS_COUNT && (READ_ONCE(tainted_mask) & (1 << flag));
}

const char *print_tainted(void)
{
	static char buf[TAINT_FLAGS_COUNT + sizeof("Tainted: ")];
	int mask = READ_ONCE(tainted_mask);
	char *s;

	if (!mask)
		return "Not tainted";
	s = buf + scnprintf(buf, sizeof(buf), "Tainted: ");
	for (unsigned int i = 0; i < TAINT_FLAGS_COUNT; i++)
		/* Bit 0 reads 'G' when clear: every module is GPL-compatible. */
		*s++ = (mask & (1 << i)) ? taint_flags[i].c_true : i == 0 ? 'G' : ' ';
	*s = '\0';
	return buf;
}

int module_flags_taint(unsigned long taints, char *buf)
{
	int n = 0;

	for (unsigned int i = 0; i < TAINT_FLAGS_COUNT; i++)
		if (taint_flags[i].module && (taints & (1UL << i)))
			buf[n++] = taint_flags[i].c_true;
	return n;
}
