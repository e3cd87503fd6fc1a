// SPDX-License-Identifier: GPL-2.0
/*
 * Provokes the kernel's own bug reports on request, for the module
 * tests (tools/testing/module-tests.sh).  Writing to /proc/test_lockup:
 *
 *   softlockup N  spin N seconds in the kernel, interrupts on, never
 *                 scheduling: the soft-lockup detector must report it
 *   abba          take lock A then B, later B then A (no deadlock: one
 *                 task), which the lock validator reports as circular
 *   sleep         mutex_lock() under a spinlock: sleeping in atomic context
 *   unlock        release a mutex nobody holds: bad unlock balance
 *   irqsafe       take a spinlock in a hard interrupt (an hrtimer), then
 *                 with interrupts on: inconsistent lock state
 *
 * Everything but softlockup needs `lockdep` on the command line to be
 * reported; the write still succeeds without it.
 */
#include <linux/module.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>
#include <linux/kstrtox.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/special_insns.h>

static DEFINE_SPINLOCK(test_lock_a);
static DEFINE_SPINLOCK(test_lock_b);
static DEFINE_MUTEX(test_mutex);
static DEFINE_SPINLOCK(test_atomic_lock);
static DEFINE_SPINLOCK(test_irq_lock);
static struct hrtimer test_timer;
static int test_timer_fired;

/* Keeps each test function on the stack in the reports (no jump to the last callee). */
#define no_tail_call()	asm volatile("" ::: "memory")

static noinline void test_lockup_spin(unsigned int seconds)
{
	unsigned long end = jiffies + seconds * HZ;

	pr_info("test_lockup: spinning for %u s with interrupts on\n", seconds);
	while (time_before(jiffies, end))
		cpu_relax();
	pr_info("test_lockup: done spinning\n");
}

static noinline void test_lockup_ab(void)
{
	spin_lock(&test_lock_a);
	spin_lock(&test_lock_b);
	spin_unlock(&test_lock_b);
	spin_unlock(&test_lock_a);
}

static noinline void test_lockup_ba(void)
{
	spin_lock(&test_lock_b);
	spin_lock(&test_lock_a);
	spin_unlock(&test_lock_a);
	spin_unlock(&test_lock_b);
}

static noinline void test_lockup_sleep(void)
{
	spin_lock(&test_atomic_lock);
	mutex_lock(&test_mutex);
	mutex_unlock(&test_mutex);
	spin_unlock(&test_atomic_lock);
	no_tail_call();
}

static noinline void test_lockup_unlock(void)
{
	/*
	 * Taken and released by the book; then the owner field is set by
	 * hand, as a stray store would, so only the validator (which
	 * tracks what this task holds) can tell the second release is bogus.
	 */
	mutex_lock(&test_mutex);
	mutex_unlock(&test_mutex);
	WRITE_ONCE(test_mutex.owner, current);
	mutex_unlock(&test_mutex);
	no_tail_call();
}

static enum hrtimer_restart test_lockup_timer_fn(struct hrtimer *t)
{
	spin_lock(&test_irq_lock);	/* in the timer interrupt: hard-irq context */
	WRITE_ONCE(test_timer_fired, 1);
	spin_unlock(&test_irq_lock);
	return HRTIMER_NORESTART;
}

static noinline int test_lockup_irqsafe(void)
{
	unsigned long end = jiffies + HZ;

	hrtimer_init(&test_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	test_timer.function = test_lockup_timer_fn;
	hrtimer_start(&test_timer, ms_to_ktime(2), HRTIMER_MODE_REL_HARD);
	while (!READ_ONCE(test_timer_fired) && time_before(jiffies, end))
		cpu_relax();
	if (!READ_ONCE(test_timer_fired)) {
		hrtimer_cancel(&test_timer);
		return -ETIMEDOUT;
	}
	/* The bug: the same lock with interrupts on. */
	spin_lock(&test_irq_lock);
	spin_unlock(&test_irq_lock);
	no_tail_call();
	return 0;
}

static ssize_t test_lockup_write(struct file *file, const char __user *ubuf, size_t count,
				 loff_t *ppos)
{
	char buf[32], *arg;
	unsigned int n;

	if (!count || count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	strim(buf);
	arg = strchr(buf, ' ');
	if (arg)
		*arg++ = '\0';
	if (!strcmp(buf, "softlockup")) {
		if (!arg || kstrtouint(arg, 10, &n) || n > 120)
			return -EINVAL;
		test_lockup_spin(n);
	} else if (!strcmp(buf, "abba") && !arg) {
		test_lockup_ab();
		test_lockup_ba();
	} else if (!strcmp(buf, "sleep") && !arg) {
		test_lockup_sleep();
	} else if (!strcmp(buf, "unlock") && !arg) {
		test_lockup_unlock();
	} else if (!strcmp(buf, "irqsafe") && !arg) {
		int err = test_lockup_irqsafe();

		if (err)
			return err;
	} else {
		return -EINVAL;
	}
	return count;
}

static const struct proc_ops test_lockup_ops = {
	.proc_write	= test_lockup_write,
};

static int __init test_lockup_init(void)
{
	if (!proc_create("test_lockup", 0200, NULL, &test_lockup_ops))
		return -ENOMEM;
	return 0;
}

static void __exit test_lockup_exit(void)
{
	remove_proc_entry("test_lockup", NULL);
}

module_init(test_lockup_init);
module_exit(test_lockup_exit);
MODULE_LICENSE("GPL");
