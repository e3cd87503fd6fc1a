/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The grab-bag every kernel file includes: arithmetic helpers, printk,
 * the string formatting and parsing entry points, and panic().
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/export.h>

#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]))

#define __ALIGN_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#define ALIGN(x, a)		__ALIGN_MASK(x, (__typeof__(x))(a) - 1)
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define PTR_ALIGN(p, a)		((__typeof__(p))ALIGN((unsigned long)(p), (a)))

#define U8_MAX		((u8)~0U)
#define U16_MAX		((u16)~0U)
#define U32_MAX		((u32)~0U)
#define U64_MAX		((u64)~0ULL)
#define S32_MAX		((s32)(U32_MAX >> 1))
#define S32_MIN		((s32)(-S32_MAX - 1))
#define S64_MAX		((s64)(U64_MAX >> 1))
#ifndef INT_MAX
#define INT_MAX		((int)(~0U >> 1))
#define INT_MIN		(-INT_MAX - 1)
#define UINT_MAX	(~0U)
#define LONG_MAX	((long)(~0UL >> 1))
#define LONG_MIN	(-LONG_MAX - 1)
#define ULONG_MAX	(~0UL)
#endif
#ifndef SIZE_MAX
#define SIZE_MAX	(~(size_t)0)
#endif

__printf(1, 2) __cold __noreturn void panic(const char *fmt, ...);

/* How far the boot got: checks that only make sense once tasks sleep use it. */
extern enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_SCHEDULING,	/* kthreadd runs: tasks sleep and wake */
	SYSTEM_RUNNING,		/* initcalls done, init about to start */
} system_state;

#endif /* _LINUX_KERNEL_H */
