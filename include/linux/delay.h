/* SPDX-License-Identifier: GPL-2.0 */
/* Busy-wait delays, calibrated against the TSC.  Never sleep; may spin long. */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);

static inline void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}

#endif
