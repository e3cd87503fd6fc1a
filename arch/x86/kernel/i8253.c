// SPDX-License-Identifier: GPL-2.0
/*
 * The 8253/8254 programmable interval timer.  Its 1.193182 MHz clock is
 * the one frequency a PC guarantees, so it is the ruler the TSC and the
 * local APIC timer are measured against; and it is the tick of last
 * resort when there is no local APIC.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/timer.h>

#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_MODE	0x43
#define PIT_GATE	0x61	/* bit 0: channel 2 gate, bit 5: channel 2 output */

/*
 * Let channel 2 count down @ms milliseconds (mode 0: OUT goes high at
 * terminal count) and sample @read_counter and the TSC at both ends.
 * Returns the counter's delta; *@tsc_delta gets the TSC's.
 */
u64 __init pit_calibrate(u64 (*read_counter)(void), unsigned int ms, u64 *tsc_delta)
{
	u32 latch = PIT_TICK_RATE * ms / 1000;
	u64 c0, c1, t0, t1;
	unsigned long loops = 0;

	outb((inb(PIT_GATE) & ~0x02) | 0x01, PIT_GATE);	/* gate on, speaker off */
	outb(0xb0, PIT_MODE);		/* channel 2, lobyte/hibyte, mode 0 */
	outb(latch & 0xff, PIT_CH2);
	outb(latch >> 8, PIT_CH2);

	t0 = rdtsc_ordered();
	c0 = read_counter ? read_counter() : 0;
	while (!(inb(PIT_GATE) & 0x20) && ++loops < 100000000UL)
		;
	c1 = read_counter ? read_counter() : 0;
	t1 = rdtsc_ordered();
	*tsc_delta = t1 - t0;
	return c0 - c1;		/* counters that count down, as the APIC's does */
}

static irqreturn_t pit_timer_interrupt(int irq, void *dev_id)
{
	tick_handle_periodic();
	return IRQ_HANDLED;
}

/* Channel 0, mode 2 (rate generator) at HZ, on IRQ 0. */
void __init setup_pit_timer(void)
{
	u16 latch = (PIT_TICK_RATE + HZ / 2) / HZ;

	outb(0x34, PIT_MODE);
	outb(latch & 0xff, PIT_CH0);
	outb(latch >> 8, PIT_CH0);
	if (request_irq(0, pit_timer_interrupt, IRQF_TIMER, "timer", NULL))
		pr_err("PIT: cannot get IRQ 0; no timer tick\n");
}
