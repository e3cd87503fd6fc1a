// SPDX-License-Identifier: GPL-2.0
/*
 * The soft-lockup detector.  The kernel is not preemptible: code that
 * loops in the kernel without ever calling schedule() keeps every other
 * task off its CPU, with interrupts still running.  Each CPU keeps the
 * time it last scheduled (touch_softlockup_watchdog(), called from
 * schedule()); its own timer tick compares that with now
 * (watchdog_tick()).  After watchdog_thresh seconds it asks the running
 * task to reschedule, as Linux's per-CPU watchdog thread would by waking
 * up: a loop that calls cond_resched() then passes through schedule()
 * and is fine.  After twice watchdog_thresh (20 s by default) the CPU is
 * reported, once per episode, with the stack the tick interrupted:
 *
 *   watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [comm:pid]
 *
 * A tick that interrupted user mode or the idle task resets the clock:
 * neither is stuck in the kernel.  `nowatchdog` or `nosoftlockup` on the
 * command line, soft_watchdog = 0 or watchdog_thresh = 0 in
 * /proc/sys/kernel turn it off.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kstrtox.h>
#include <linux/lockdep.h>
#include <linux/module.h>
#include <linux/nmi.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/smp.h>
#include <asm/irq_regs.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>

int watchdog_thresh = 10;
int soft_watchdog_user_enabled = 1;

static DEFINE_PER_CPU(unsigned long, watchdog_touch_ts);	/* jiffies; 0 = not yet */
static DEFINE_PER_CPU(bool, softlockup_warned);		/* this episode is reported */
static DEFINE_PER_CPU(bool, softlockup_kicked);		/* resched asked this episode */

static int __init nowatchdog_setup(char *str)
{
	soft_watchdog_user_enabled = 0;
	return 1;
}
__setup("nowatchdog", nowatchdog_setup);

static int __init nosoftlockup_setup(char *str)
{
	soft_watchdog_user_enabled = 0;
	return 1;
}
__setup("nosoftlockup", nosoftlockup_setup);

static int __init watchdog_thresh_setup(char *str)
{
	int v;

	if (*str == '=')
		str++;
	if (kstrtoint(str, 10, &v) || v < 0 || v > 60)
		return 0;
	watchdog_thresh = v;
	return 1;
}
__setup("watchdog_thresh", watchdog_thresh_setup);

void touch_softlockup_watchdog(void)
{
	/* jiffies is never 0 after the first tick; 0 means "not yet armed". */
	this_cpu_write(watchdog_touch_ts, jiffies | 1);
	this_cpu_write(softlockup_warned, false);
	this_cpu_write(softlockup_kicked, false);
}
EXPORT_SYMBOL(touch_softlockup_watchdog);

void watchdog_tick(void)
{
	struct pt_regs *regs = get_irq_regs();
	int thresh = READ_ONCE(watchdog_thresh);
	unsigned long touched = this_cpu_read(watchdog_touch_ts), stuck;

	if (!READ_ONCE(soft_watchdog_user_enabled) || thresh <= 0)
		return;
	if (!touched || (regs && user_mode(regs)) || (current->flags & PF_IDLE)) {
		touch_softlockup_watchdog();
		return;
	}
	/*
	 * touched is jiffies | 1 (0 means "never"), so it may be one ahead
	 * of jiffies, which another CPU's tick steps: not a stall.
	 */
	stuck = time_after(jiffies, touched) ? jiffies - touched : 0;
	if (stuck < (unsigned long)thresh * HZ)
		return;
	if (!this_cpu_read(softlockup_kicked)) {
		/* Give a loop that calls cond_resched() its chance first. */
		this_cpu_write(softlockup_kicked, true);
		set_tsk_need_resched(current);
	}
	if (stuck < 2UL * thresh * HZ || this_cpu_read(softlockup_warned))
		return;
	this_cpu_write(softlockup_warned, true);
	pr_emerg("watchdog: BUG: soft lockup - CPU#%d stuck for %lus! [%s:%d]\n",
		 smp_processor_id(), stuck / HZ, current->comm, current->pid);
	print_modules();
	add_taint(TAINT_SOFTLOCKUP, LOCKDEP_STILL_OK);
	if (regs)
		show_regs(regs);
	else
		dump_stack();
}
