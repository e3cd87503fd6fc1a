/* SPDX-License-Identifier: GPL-2.0 */
/* Functions shared between the files of fs/ and nobody else. */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <linux/fs.h>
#include <linux/namei.h>

/* namei.c */
int may_create(struct inode *dir, struct dentry *child);
struct file *do_filp_open(int dfd, struct filename *name, int flags, umode_t mode);
struct file *do_file_open_path(const struct path *path, int flags);

/* file_table.c */
void __fput_release(struct file *file);

/* char_dev.c */
void chrdev_init(void);

/* ramfs */
extern const struct file_operations ramfs_file_operations;

#endif
