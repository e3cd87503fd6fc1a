// SPDX-License-Identifier: GPL-2.0
/*
 * The periodic tick, and what every tick does.  update_process_times()
 * charges the interrupted task for its time, lets due timer_list timers
 * run (TIMER_SOFTIRQ), reports a quiescent state to RCU if it interrupted
 * user mode or idle, and lets the scheduler end a slice.  It is called
 * HZ times a second while a CPU is busy: from the tick hrtimer when the
 * local APIC runs one-shot (tick-sched.c), or from tick_handle_periodic
 * when the PIT drives a periodic tick (no one-shot device: then hrtimers
 * are run from here too, with tick resolution).
 */
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/nmi.h>
#include <linux/jiffies.h>
#include <linux/posix-timers.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/tick.h>
#include <linux/timer.h>
#include <asm/irq_regs.h>

volatile u64 jiffies_64;
EXPORT_SYMBOL(jiffies_64);

void update_process_times(int user_tick)
{
	account_process_tick(current, user_tick);
	run_posix_cpu_timers(current, user_tick);
	run_local_timers();
	rcu_sched_clock_irq(user_tick);
	scheduler_tick();
	watchdog_tick();
}

void tick_handle_periodic(void)
{
	struct pt_regs *regs = get_irq_regs();

	jiffies_64++;
	calc_global_load();
	hrtimer_run_queues();
	update_process_times(regs && user_mode(regs));
}
