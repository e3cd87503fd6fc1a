/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lockup detectors (kernel/watchdog.c).  Only the soft one exists:
 * a CPU that stays in the kernel without scheduling for 2 *
 * watchdog_thresh seconds is reported, with the stack it is stuck on.
 */
#ifndef _LINUX_NMI_H
#define _LINUX_NMI_H

/* The CPU scheduled (or otherwise proved it is not stuck): restart its clock. */
void touch_softlockup_watchdog(void);
/* From each CPU's timer tick: has this CPU been stuck too long? */
void watchdog_tick(void);

extern int watchdog_thresh;		/* seconds; soft lockup at twice this */
extern int soft_watchdog_user_enabled;	/* /proc/sys/kernel/soft_watchdog */

#endif
