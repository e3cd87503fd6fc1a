/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-process filesystem context: the root (chroot) and current
 * directories and the umask.  Shared between tasks with CLONE_FS.
 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/path.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>

struct task_struct;

/* Locking: lock guards root, pwd and umask; users is atomic. */
struct fs_struct {
	refcount_t users;
	spinlock_t lock;
	int umask;
	struct path root, pwd;
};

extern struct fs_struct init_fs;

int copy_fs(unsigned long clone_flags, struct task_struct *tsk);
void exit_fs(struct task_struct *tsk);
void free_fs_struct(struct fs_struct *fs);
void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
void get_fs_root(struct fs_struct *fs, struct path *root);
void get_fs_pwd(struct fs_struct *fs, struct path *pwd);
int current_umask(void);

#endif
