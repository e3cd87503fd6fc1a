/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width and kernel-wide scalar types.  Kernel code never includes
 * the C library's headers; everything it needs is spelled here with the
 * names Linux uses, so code moved between Lantern and Linux reads the same.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/compiler.h>

typedef unsigned char		u8;
typedef unsigned short		u16;
typedef unsigned int		u32;
typedef unsigned long long	u64;
typedef signed char		s8;
typedef short			s16;
typedef int			s32;
typedef long long		s64;

typedef u8  __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef s8  __s8;
typedef s16 __s16;
typedef s32 __s32;
typedef s64 __s64;

#ifndef __HOST_TEST__
typedef unsigned long		size_t;
typedef long			ssize_t;
typedef long			ptrdiff_t;
typedef unsigned long		uintptr_t;
typedef long			intptr_t;
typedef _Bool			bool;
#define true	1
#define false	0
#define NULL	((void *)0)
#else
/*
 * Host unit tests build lib/ against the compiler's and C library's basic
 * definitions.  <sys/types.h> stays out: its dev_t and loff_t differ from
 * the kernel's, so a test file cannot mix it with kernel headers.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
typedef long			ssize_t;
#endif

/*
 * Network byte order and checksum types.  They are plain integers here
 * (Linux adds sparse annotations); the names say which order a value is
 * in, which is what keeps the conversions in the right places.
 */
typedef u16			__be16;
typedef u32			__be32;
typedef u64			__be64;
typedef u16			__le16;
typedef u32			__le32;
typedef u64			__le64;
typedef u16			__sum16;	/* a folded, complemented checksum */
typedef u32			__wsum;		/* a 32-bit partial checksum */

typedef u64			phys_addr_t;
typedef u64			dma_addr_t;
typedef unsigned int		gfp_t;
typedef long long		loff_t;
typedef int			pid_t;
typedef int			clockid_t;
typedef unsigned int		uid_t;
typedef unsigned int		gid_t;
typedef unsigned int		umode_t;
typedef u32			dev_t;
typedef long			__kernel_long_t;
typedef unsigned long		__kernel_ulong_t;
typedef unsigned int		__poll_t;	/* poll event bits */

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#endif /* _LINUX_TYPES_H */
