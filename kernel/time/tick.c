// SPDX-License-Identifier: GPL-2.0
/*
 * The periodic tick: HZ times a second the timer interrupt lands here,
 * from whichever device drives it (the local APIC timer, or the PIT when
 * there is no APIC).  It advances jiffies; the scheduler's time slices
 * and the timer wheel will hang off the same call.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>

volatile u64 jiffies_64;

void tick_handle_periodic(void)
{
	jiffies_64++;
}
