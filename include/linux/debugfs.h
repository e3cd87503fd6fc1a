/* SPDX-License-Identifier: GPL-2.0 */
/* debugfs: files for kernel developers, at /sys/kernel/debug (fs/debugfs/inode.c). */
#ifndef _LINUX_DEBUGFS_H
#define _LINUX_DEBUGFS_H

#include <linux/types.h>

struct dentry;
struct file_operations;

struct dentry *debugfs_create_file(const char *name, umode_t mode, struct dentry *parent,
				   void *data, const struct file_operations *fops);
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);
void debugfs_remove(struct dentry *dentry);
struct vfsmount;
typedef struct vfsmount *(*debugfs_automount_t)(struct dentry *, void *);
struct dentry *debugfs_create_automount(const char *name, struct dentry *parent,
					debugfs_automount_t f, void *data);
#define debugfs_remove_recursive debugfs_remove

#endif
