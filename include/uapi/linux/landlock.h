/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Landlock's ABI, version 2 as in Linux 6.1 (security/landlock/). */
#ifndef _UAPI_LINUX_LANDLOCK_H
#define _UAPI_LINUX_LANDLOCK_H

#include <linux/types.h>

/* landlock_create_ruleset's first argument. */
struct landlock_ruleset_attr {
	__u64 handled_access_fs;	/* the accesses this ruleset governs */
};

/* landlock_create_ruleset flag: return the ABI version instead. */
#define LANDLOCK_CREATE_RULESET_VERSION	(1U << 0)

/* landlock_add_rule's rule types. */
#define LANDLOCK_RULE_PATH_BENEATH	1

/* A path-beneath rule: what is allowed under an open directory (or on a file). */
struct landlock_path_beneath_attr {
	__u64 allowed_access;
	__s32 parent_fd;
} __attribute__((packed));

#define LANDLOCK_ACCESS_FS_EXECUTE	(1ULL << 0)
#define LANDLOCK_ACCESS_FS_WRITE_FILE	(1ULL << 1)
#define LANDLOCK_ACCESS_FS_READ_FILE	(1ULL << 2)
#define LANDLOCK_ACCESS_FS_READ_DIR	(1ULL << 3)
#define LANDLOCK_ACCESS_FS_REMOVE_DIR	(1ULL << 4)
#define LANDLOCK_ACCESS_FS_REMOVE_FILE	(1ULL << 5)
#define LANDLOCK_ACCESS_FS_MAKE_CHAR	(1ULL << 6)
#define LANDLOCK_ACCESS_FS_MAKE_DIR	(1ULL << 7)
#define LANDLOCK_ACCESS_FS_MAKE_REG	(1ULL << 8)
#define LANDLOCK_ACCESS_FS_MAKE_SOCK	(1ULL << 9)
#define LANDLOCK_ACCESS_FS_MAKE_FIFO	(1ULL << 10)
#define LANDLOCK_ACCESS_FS_MAKE_BLOCK	(1ULL << 11)
#define LANDLOCK_ACCESS_FS_MAKE_SYM	(1ULL << 12)
#define LANDLOCK_ACCESS_FS_REFER	(1ULL << 13)	/* ABI 2 */

#endif /* _UAPI_LINUX_LANDLOCK_H */
