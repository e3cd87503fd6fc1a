// SPDX-License-Identifier: GPL-2.0
/*
 * The time-stamp counter: a per-CPU cycle counter, read in one
 * instruction.  Its frequency is measured once at boot against the PIT;
 * after that sched_clock() turns cycles into nanoseconds with a multiply
 * and a shift (no division on the hot path).  printk's timestamps and
 * udelay() use it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched/clock.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/timer.h>

#define CYC2NS_SHIFT	22

unsigned long tsc_khz;
static u64 tsc_boot;		/* TSC at calibration: sched_clock's zero... */
static u64 ns_boot;		/* ...plus the time we guess had passed by then */
static u32 cyc2ns_mul;

u64 sched_clock(void)
{
	u64 cycles;

	if (!cyc2ns_mul)
		return 0;
	cycles = rdtsc() - tsc_boot;
	return ns_boot + (u64)(((unsigned __int128)cycles * cyc2ns_mul) >> CYC2NS_SHIFT);
}

/* sched_clock's parameters, for the vDSO to do the same arithmetic in user space. */
void tsc_get_cyc2ns(u64 *tsc_base, u64 *ns_base, u32 *mult, u32 *shift)
{
	*tsc_base = tsc_boot;
	*ns_base = ns_boot;
	*mult = cyc2ns_mul;
	*shift = CYC2NS_SHIFT;
}

void __init tsc_init(void)
{
	u64 tsc_delta, best = ~0ULL;
	int i;

	if (!boot_cpu_has(X86_FEATURE_TSC))
		panic("CPU has no time-stamp counter");
	/* The smallest of a few short runs: interference only adds time. */
	for (i = 0; i < 5; i++) {
		pit_calibrate(NULL, 10, &tsc_delta);
		if (tsc_delta < best)
			best = tsc_delta;
	}
	tsc_khz = best / 10;
	if (!tsc_khz)
		panic("TSC calibration failed");
	cyc2ns_mul = ((u64)1000000 << CYC2NS_SHIFT) / tsc_khz;
	/* Everything before now counts as time zero, as on Linux. */
	tsc_boot = rdtsc();
	ns_boot = 0;
	pr_info("tsc: Detected %lu.%03lu MHz processor (calibrated against the PIT)\n",
		tsc_khz / 1000, tsc_khz % 1000);
}
