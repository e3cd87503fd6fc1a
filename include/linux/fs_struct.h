/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-process filesystem context: the umask now; the root and current
 * directories join it with the VFS.  Shared between tasks with CLONE_FS.
 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/refcount.h>
#include <linux/spinlock.h>

struct task_struct;

struct fs_struct {
	refcount_t users;
	spinlock_t lock;	/* guards umask */
	int umask;
};

extern struct fs_struct init_fs;

int copy_fs(unsigned long clone_flags, struct task_struct *tsk);
void exit_fs(struct task_struct *tsk);

#endif
