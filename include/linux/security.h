/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Security hooks (security/security.c): the points where the VFS, mount
 * and ptrace code ask the security modules whether an operation may go
 * ahead, after the ordinary permission checks said yes.  Each returns 0
 * or a negative errno.  Landlock (security/landlock/) is the module that
 * answers today; capabilities are checked where they are needed
 * (security/commoncap.c).
 */
#ifndef _LINUX_SECURITY_H
#define _LINUX_SECURITY_H

#include <linux/types.h>

struct cred;
struct dentry;
struct file;
struct path;
struct task_struct;

int security_file_open(struct file *file);
int security_path_mknod(const struct path *dir, struct dentry *dentry, umode_t mode);
int security_path_mkdir(const struct path *dir, struct dentry *dentry);
int security_path_symlink(const struct path *dir, struct dentry *dentry);
int security_path_unlink(const struct path *dir, struct dentry *dentry);
int security_path_rmdir(const struct path *dir, struct dentry *dentry);
int security_path_link(struct dentry *old_dentry, const struct path *new_dir,
		       struct dentry *new_dentry);
int security_path_rename(const struct path *old_dir, struct dentry *old_dentry,
			 const struct path *new_dir, struct dentry *new_dentry,
			 unsigned int flags);
int security_sb_mount(void);		/* mount, remount, bind, move */
int security_sb_umount(void);
int security_sb_pivotroot(void);
int security_ptrace_access_check(struct task_struct *child);
int security_ptrace_traceme(struct task_struct *parent);

/* Credentials: a module's share of struct cred follows it around. */
void security_cred_copy(struct cred *new, const struct cred *old);
void security_cred_free(struct cred *cred);

#endif /* _LINUX_SECURITY_H */
