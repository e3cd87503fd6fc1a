/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_SYSCTL_H
#define _LINUX_SCHED_SYSCTL_H

/* The SCHED_RR time slice in milliseconds: /proc/sys/kernel/sched_rr_timeslice_ms. */
extern const int sysctl_sched_rr_timeslice;

#endif
