/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tick: periodic (tick.c, the PIT fallback) or an hrtimer on a
 * one-shot clock event device (tick-sched.c), which an idle CPU stops.
 */
#ifndef _LINUX_TICK_H
#define _LINUX_TICK_H

#include <linux/types.h>

void update_process_times(int user_tick);
void tick_setup_sched_timer(void);
void tick_nohz_idle_enter(void);
void tick_nohz_idle_exit(void);
bool tick_nohz_tick_stopped(void);

#endif
