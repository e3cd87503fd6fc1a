/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* struct sched_attr: sched_setattr(2)/sched_getattr(2), size-versioned. */
#ifndef _UAPI_LINUX_SCHED_TYPES_H
#define _UAPI_LINUX_SCHED_TYPES_H

#include <linux/types.h>

#define SCHED_ATTR_SIZE_VER0	48	/* the first published version */
#define SCHED_ATTR_SIZE_VER1	56	/* + utilization clamps */

struct sched_attr {
	__u32 size;			/* of the caller's struct */
	__u32 sched_policy;
	__u64 sched_flags;		/* SCHED_FLAG_* */
	__s32 sched_nice;		/* SCHED_NORMAL, SCHED_BATCH */
	__u32 sched_priority;		/* SCHED_FIFO, SCHED_RR */
	__u64 sched_runtime;		/* SCHED_DEADLINE, ns */
	__u64 sched_deadline;
	__u64 sched_period;
	__u32 sched_util_min;		/* utilization clamps, 0..1024 */
	__u32 sched_util_max;
};

#define SCHED_FLAG_RESET_ON_FORK	0x01
#define SCHED_FLAG_RECLAIM		0x02
#define SCHED_FLAG_DL_OVERRUN		0x04
#define SCHED_FLAG_KEEP_POLICY		0x08
#define SCHED_FLAG_KEEP_PARAMS		0x10
#define SCHED_FLAG_UTIL_CLAMP_MIN	0x20
#define SCHED_FLAG_UTIL_CLAMP_MAX	0x40
#define SCHED_FLAG_ALL			0x7f

#endif
