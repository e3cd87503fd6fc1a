// SPDX-License-Identifier: GPL-2.0
/* Busy-wait delays measured with the TSC. */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/special_insns.h>
#include <asm/timer.h>

static void delay_tsc(u64 cycles)
{
	u64 start = rdtsc_ordered();

	while (rdtsc_ordered() - start < cycles)
		cpu_relax();
}

void udelay(unsigned long usecs)
{
	/* Before calibration, an I/O port write takes about a microsecond. */
	if (!tsc_khz) {
		while (usecs--)
			io_delay();
		return;
	}
	delay_tsc((u64)usecs * tsc_khz / 1000);
}
EXPORT_SYMBOL(udelay);

void ndelay(unsigned long nsecs)
{
	if (!tsc_khz) {
		udelay(DIV_ROUND_UP(nsecs, 1000));
		return;
	}
	delay_tsc(DIV_ROUND_UP((u64)nsecs * tsc_khz, 1000000));
}
EXPORT_SYMBOL(ndelay);
