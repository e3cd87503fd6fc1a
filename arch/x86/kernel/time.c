// SPDX-License-Identifier: GPL-2.0
/*
 * time_init: measure the TSC, then start the tick.  The local APIC timer
 * is preferred (per-CPU, no I/O port traffic): its rate is measured
 * against the PIT like the TSC's, and it becomes the one-shot clock event
 * device behind hrtimers, the tick being one of them (tickless when
 * idle).  If it never fires, the PIT on IRQ 0 drives a periodic tick
 * instead and hrtimers fall back to tick resolution.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/string.h>
#include <linux/tick.h>
#include <linux/clockchips.h>
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/setup.h>
#include <asm/timer.h>

static const char *tick_source = "none";
static const char *tick_mode = "periodic";

static u64 __init read_apic_timer(void)
{
	return apic_read(APIC_TMCCT);
}

static bool __init setup_lapic_tick(void)
{
	u64 tsc_delta, apic_delta;
	if (!apic_available)
		return false;
	/* Let the timer free-run (one-shot from the maximum) while the PIT counts. */
	u64 best_tsc = ~0ULL;
	int i;

	/*
	 * Five runs, keeping the one whose TSC delta is smallest: a run the
	 * host interrupted (a busy machine under emulation) is longer than
	 * 10 ms and would make the tick too fast.
	 */
	apic_delta = 0;
	for (i = 0; i < 5; i++) {
		u64 delta;

		apic_write(APIC_TDCR, APIC_TDR_DIV_16);
		apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
		apic_write(APIC_TMICT, 0xffffffff);
		delta = pit_calibrate(read_apic_timer, 10, &tsc_delta);
		apic_write(APIC_TMICT, 0);
		if (delta && tsc_delta < best_tsc) {
			best_tsc = tsc_delta;
			apic_delta = delta;
		}
	}
	if (!apic_delta)
		return false;
	lapic_timer_period = apic_delta * 100 / HZ;	/* 10 ms measured */
	pr_info("APIC timer: %lu.%03lu MHz bus clock / 16, %lu ticks per jiffy\n",
		(unsigned long)(apic_delta * 16 / 10000),
		(unsigned long)(apic_delta * 16 / 10 % 1000), lapic_timer_period);
	tick_mode = setup_APIC_clockevent();
	tick_setup_sched_timer();
	return true;
}

void __init time_init(void)
{
	tsc_init();
	if (setup_lapic_tick()) {
		tick_source = "local APIC timer";
	} else {
		setup_pit_timer();
		tick_source = "PIT (IRQ 0)";
	}
}

/* Once interrupts are on: make sure the tick really ticks, or fall back. */
static int __init check_timer(void)
{
	unsigned long start = jiffies;

	mdelay(3 * 1000 / HZ + 10);
	if (jiffies == start && apic_available && local_timer_handler) {
		pr_warn("APIC timer did not fire; falling back to the PIT\n");
		tick_switch_to_periodic();
		stop_APIC_timer();
		local_timer_handler = NULL;
		tick_mode = "periodic";
		setup_pit_timer();
		tick_source = "PIT (IRQ 0)";
		start = jiffies;
		mdelay(3 * 1000 / HZ + 10);
	}
	if (jiffies == start)
		pr_err("timer: no tick is arriving\n");
	else
		pr_info("timer: %s tick at %d Hz from the %s%s\n", tick_mode, HZ,
			tick_source, strcmp(tick_mode, "periodic") ? ", stopped when idle" : "");
	return 0;
}
core_initcall(check_timer);
