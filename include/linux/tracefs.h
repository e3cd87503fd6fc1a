/* SPDX-License-Identifier: GPL-2.0 */
/* tracefs: the tracing control files, at /sys/kernel/tracing (fs/tracefs/inode.c). */
#ifndef _LINUX_TRACEFS_H
#define _LINUX_TRACEFS_H

#include <linux/types.h>

struct dentry;
struct file_operations;

struct dentry *tracefs_create_file(const char *name, umode_t mode, struct dentry *parent,
				   void *data, const struct file_operations *fops);
struct dentry *tracefs_create_dir(const char *name, struct dentry *parent);
void tracefs_remove(struct dentry *dentry);

#endif
