/* SPDX-License-Identifier: GPL-2.0 */
/* Landlock's pieces, for security/security.c's hooks and each other. */
#ifndef _SECURITY_LANDLOCK_LANDLOCK_H
#define _SECURITY_LANDLOCK_LANDLOCK_H

#include <linux/types.h>
#include "ruleset.h"

struct dentry;
struct file;
struct path;
struct task_struct;

int landlock_file_open(struct file *file);
int landlock_path_mknod(const struct path *dir, umode_t mode);
int landlock_path_remove(const struct path *dir, struct dentry *dentry);
int landlock_path_link(struct dentry *old_dentry, const struct path *new_dir);
int landlock_path_rename(const struct path *old_dir, struct dentry *old_dentry,
			 const struct path *new_dir, struct dentry *new_dentry, bool exchange);
int landlock_sb_mount(void);
int landlock_ptrace(const struct task_struct *tracer, const struct task_struct *tracee);

#endif
