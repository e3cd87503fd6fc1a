/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Clock event devices: hardware that raises an interrupt at a programmed
 * time (the local APIC timer in one-shot or TSC-deadline mode).  The
 * architecture registers one per CPU; the hrtimer code programs it for
 * the earliest pending hrtimer, and its interrupt calls event_handler.
 */
#ifndef _LINUX_CLOCKCHIPS_H
#define _LINUX_CLOCKCHIPS_H

#include <linux/ktime.h>

struct clock_event_device {
	const char *name;
	/* Fire once at @expires (CLOCK_MONOTONIC ns); 0 or -ETIME if past. */
	int (*set_next_ktime)(ktime_t expires, struct clock_event_device *dev);
	void (*set_state_shutdown)(struct clock_event_device *dev);
	void (*event_handler)(struct clock_event_device *dev);
	u64 min_delta_ns;	/* closer than this: program min_delta_ns ahead */
	u64 max_delta_ns;	/* further: program max_delta_ns and re-arm then */
};

void clockevents_register_device(struct clock_event_device *dev);
struct clock_event_device *tick_get_event_device(void);
int tick_program_event(ktime_t expires);
bool tick_oneshot_mode_active(void);
void tick_switch_to_periodic(void);

#endif
