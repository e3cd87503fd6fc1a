// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time self-tests of the x86 foundation (ktest=NAME on the command
 * line).  ud2, pagefault and kthread_oops end the boot with an oops on
 * purpose: the test runner checks that the oops names the right exception
 * and task and has a symbolized backtrace.  The others check the tick and the serial
 * interrupt path and return.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/ktest.h>
#include <linux/ktime.h>
#include <linux/serial_8250.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/utsname.h>
#include <asm/io.h>
#include <asm/uaccess.h>

static noinline int ktest_ud2(void)
{
	asm volatile("ud2");
	return -EINVAL;		/* not reached */
}
DEFINE_KTEST(ud2, ktest_ud2);

static noinline int ktest_pagefault(void)
{
	/* Below 4 GiB and not RAM: unmapped once the identity map is gone. */
	volatile unsigned long *p = (volatile unsigned long *)0xdead000UL;

	*p = 0x1234;
	return -EINVAL;
}
DEFINE_KTEST(pagefault, ktest_pagefault);

/*
 * The oops header names the task that was running: here a kernel thread
 * of its own, so the runner can tell "PID: <n> Comm: ktest_oops" from
 * the idle task or kernel_init.
 */
static noinline int ktest_oops_thread(void *unused)
{
	asm volatile("ud2");
	return 0;
}

static int ktest_kthread_oops(void)
{
	struct task_struct *k = kthread_run(ktest_oops_thread, NULL, "ktest_oops");

	if (IS_ERR(k))
		return PTR_ERR(k);
	for (;;)	/* the thread's oops ends the boot */
		msleep(1000);
}
DEFINE_KTEST(kthread_oops, ktest_kthread_oops);

/* An exception-table fixup turns a bad kernel read into -EFAULT. */
static int ktest_nofault(void)
{
	u8 byte = 0;
	bool ok = true;

	ok &= KTEST_EXPECT(copy_from_kernel_nofault(&byte, (void *)0x10, 1) == -EFAULT);
	ok &= KTEST_EXPECT(copy_from_kernel_nofault(&byte, linux_banner, 1) == 0);
	ok &= KTEST_EXPECT(byte == 'L');
	return ok ? 0 : -EINVAL;
}
DEFINE_KTEST(nofault, ktest_nofault);

/*
 * The tick runs at HZ as measured by the TSC: ~HZ/4 jiffies in 250 ms.
 * The wait is one spin on the clock, not mdelay(250): mdelay is 250
 * one-millisecond spins, and a host that takes the CPU away for 5 ms
 * in the middle of one stretches that one to 5 ms, so on a loaded host
 * mdelay(250) lasted 680 ms and the tick looked three times too fast.
 * The elapsed time is measured, not assumed, for the same reason.
 */
static int ktest_timer(void)
{
	unsigned long start = jiffies, ticks, want;
	u64 t0 = ktime_get(), ms;

	while (ktime_get() - t0 < 250 * NSEC_PER_MSEC)
		cpu_relax();
	ticks = jiffies - start;
	ms = (ktime_get() - t0) / NSEC_PER_MSEC;
	want = ms * HZ / 1000;
	pr_info("ktest: timer: %lu jiffies in %llu ms (HZ=%d)\n", ticks, ms, HZ);
	/* +-50%: a wrong HZ (100 or 1000 instead of 250) is still far outside. */
	return KTEST_EXPECT(ticks >= want / 2 && ticks <= want * 3 / 2) ? 0 : -EINVAL;
}
DEFINE_KTEST(timer, ktest_timer);

/*
 * The serial receive interrupt: the runner types a line; it must arrive
 * through IRQ 4 (the count in the interrupt table must rise).
 */
static int ktest_serial(void)
{
	unsigned char line[64];
	unsigned int before = irq_desc[4].kstat_irqs[0];
	unsigned long deadline = jiffies + 20 * HZ;
	char table[2048];
	int n = 0;

	pr_info("ktest: serial: type a line\n");
	while (n < (int)sizeof(line) - 1 && time_before(jiffies, deadline)) {
		n += serial8250_read(line + n, sizeof(line) - 1 - n);
		if (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			break;
		asm volatile("sti; hlt");
	}
	line[n] = '\0';
	strim((char *)line);
	show_interrupts(table, sizeof(table));
	pr_info("ktest: serial: got '%s' through %u interrupts\n%s", line,
		irq_desc[4].kstat_irqs[0] - before, table);
	return KTEST_EXPECT(n > 0 && irq_desc[4].kstat_irqs[0] > before) ? 0 : -EIO;
}
DEFINE_KTEST(serial, ktest_serial);
