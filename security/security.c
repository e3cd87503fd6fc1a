// SPDX-License-Identifier: GPL-2.0
/*
 * The security hooks (<linux/security.h>): called by the VFS, the mount
 * code and ptrace after their own permission checks, they give each
 * security module a say.  Landlock is the one here; a module returning
 * an error stops the operation with it.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/path.h>
#include <linux/sched.h>
#include <linux/security.h>
#include <uapi/linux/stat.h>
#include "landlock/landlock.h"

int security_file_open(struct file *file)
{
	return landlock_file_open(file);
}

int security_path_mknod(const struct path *dir, struct dentry *dentry, umode_t mode)
{
	return landlock_path_mknod(dir, mode);
}

int security_path_mkdir(const struct path *dir, struct dentry *dentry)
{
	return landlock_path_mknod(dir, S_IFDIR);
}

int security_path_symlink(const struct path *dir, struct dentry *dentry)
{
	return landlock_path_mknod(dir, S_IFLNK);
}

int security_path_unlink(const struct path *dir, struct dentry *dentry)
{
	return landlock_path_remove(dir, dentry);
}

int security_path_rmdir(const struct path *dir, struct dentry *dentry)
{
	return landlock_path_remove(dir, dentry);
}

int security_path_link(struct dentry *old_dentry, const struct path *new_dir,
		       struct dentry *new_dentry)
{
	return landlock_path_link(old_dentry, new_dir);
}

int security_path_rename(const struct path *old_dir, struct dentry *old_dentry,
			 const struct path *new_dir, struct dentry *new_dentry,
			 unsigned int flags)
{
	return landlock_path_rename(old_dir, old_dentry, new_dir, new_dentry,
				    flags & RENAME_EXCHANGE);
}

int security_sb_mount(void)
{
	return landlock_sb_mount();
}

int security_sb_umount(void)
{
	return landlock_sb_mount();
}

int security_sb_pivotroot(void)
{
	return landlock_sb_mount();
}

int security_ptrace_access_check(struct task_struct *child)
{
	return landlock_ptrace(current, child);
}

int security_ptrace_traceme(struct task_struct *parent)
{
	return landlock_ptrace(parent, current);
}

void security_cred_copy(struct cred *new, const struct cred *old)
{
	landlock_get_domain(old->landlock);
	new->landlock = old->landlock;
}

void security_cred_free(struct cred *cred)
{
	landlock_put_domain(cred->landlock);
}
