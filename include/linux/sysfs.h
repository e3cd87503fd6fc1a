/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysfs without kobjects (fs/sysfs/mount.c): directories are dentries
 * the kernel makes under /sys, files are attributes whose show prints
 * into a page and whose store parses what was written.
 */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/types.h>

struct dentry;

struct attribute {
	const char *name;
	umode_t mode;
	ssize_t (*show)(const struct attribute *attr, char *page);
	ssize_t (*store)(const struct attribute *attr, const char *buf, size_t count);
};

/* The top directories; NULL parent means /sys itself. */
extern struct dentry *sysfs_root;
extern struct dentry *kernel_kobj, *class_kobj, *devices_kobj, *module_kobj;
extern struct dentry *bus_kobj, *block_kobj;

struct dentry *sysfs_create_dir(struct dentry *parent, const char *name);
int sysfs_create_file(struct dentry *parent, const struct attribute *attr);
/* Remove a directory (with all inside it) or file; drops the caller's reference. */
void sysfs_remove(struct dentry *dentry);
void sysfs_remove_file(struct dentry *parent, const struct attribute *attr);

#endif
