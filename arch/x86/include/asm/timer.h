/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TIMER_H
#define _ASM_X86_TIMER_H

#include <linux/types.h>

#define PIT_TICK_RATE	1193182UL	/* the PIT's input clock, Hz */

extern unsigned long tsc_khz;
extern void (*local_timer_handler)(void);

void tsc_init(void);
void tsc_get_cyc2ns(u64 *tsc_base, u64 *ns_base, u32 *mult, u32 *shift);
u64 pit_calibrate(u64 (*read_counter)(void), unsigned int ms, u64 *tsc_delta);
void setup_pit_timer(void);

#endif
