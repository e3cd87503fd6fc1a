/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FS_RAMFS_TMPFS_H
#define _FS_RAMFS_TMPFS_H

#include <linux/fs.h>

#define TMPFS_MAGIC	0x01021994

/*
 * A tmpfs inode: the VFS inode plus the pages that hold a regular
 * file's contents, indexed by page number.  A NULL slot is a hole and
 * reads as zeros; it gets a page when written.  Guarded by i_mutex.
 */
struct shmem_inode_info {
	struct page **pages;
	unsigned long nr_slots;
	struct inode vfs_inode;
};

static inline struct shmem_inode_info *SHMEM_I(struct inode *inode)
{
	return container_of(inode, struct shmem_inode_info, vfs_inode);
}

extern const struct file_operations shmem_file_operations;
extern const struct inode_operations shmem_file_inode_operations;
void shmem_truncate_pages(struct inode *inode, loff_t newsize);
extern atomic_long_t shmem_nr_pages;

#endif
