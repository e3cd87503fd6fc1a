// SPDX-License-Identifier: GPL-2.0
/*
 * The periodic tick: HZ times a second the timer interrupt lands here,
 * from whichever device drives it (the local APIC timer, or the PIT when
 * there is no APIC).  It advances jiffies, charges the interrupted task
 * for its time, runs expired timers and lets the scheduler end a slice.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/timer.h>
#include <asm/irq_regs.h>

volatile u64 jiffies_64;

/* Charge the tick to whoever it interrupted, run due timers, tell the scheduler. */
static void update_process_times(int user_tick)
{
	account_process_tick(current, user_tick);
	run_local_timers();
	scheduler_tick();
}

void tick_handle_periodic(void)
{
	struct pt_regs *regs = get_irq_regs();

	jiffies_64++;
	calc_global_load();
	update_process_times(regs && user_mode(regs));
}
