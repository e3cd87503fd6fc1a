/* SPDX-License-Identifier: GPL-2.0 */
/* The futex ABI's structures: robust lists and futex_waitv. */
#ifndef _UAPI_LINUX_FUTEX_H
#define _UAPI_LINUX_FUTEX_H

#include <linux/types.h>

/*
 * A robust lock's list link, inside the lock in user memory; the futex
 * word is at futex_offset from it.  Bit 0 of a pointer marks a PI lock.
 */
struct robust_list {
	struct robust_list __user *next;
};

struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list __user *list_op_pending;
};

/* futex_waitv(2): one of the futexes to wait on. */
struct futex_waitv {
	__u64 val;
	__u64 uaddr;
	__u32 flags;
	__u32 __reserved;
};

#define FUTEX2_SIZE_U32		0x02
#define FUTEX2_SIZE_MASK	0x03
#define FUTEX2_PRIVATE		128	/* FUTEX_PRIVATE_FLAG */
#define FUTEX_WAITV_MAX		128

#endif
