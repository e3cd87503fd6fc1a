/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FS_RAMFS_TMPFS_H
#define _FS_RAMFS_TMPFS_H

#include <linux/fs.h>
#include <linux/xattr.h>

#define TMPFS_MAGIC	0x01021994

/*
 * A tmpfs inode: the VFS inode (whose page cache, i_data, is the file's
 * only copy of its contents) and the file's seals (F_SEAL_*; memfds made
 * with MFD_ALLOW_SEALING start with none, every other file with
 * F_SEAL_SEAL), and its extended attributes.  seals changes under i_mutex.
 */
struct shmem_inode_info {
	unsigned int seals;
	struct simple_xattrs xattrs;	/* security.*, trusted.*, user.* */
	struct inode vfs_inode;
};

static inline struct shmem_inode_info *SHMEM_I(struct inode *inode)
{
	return container_of(inode, struct shmem_inode_info, vfs_inode);
}

extern const struct file_operations shmem_file_operations;
extern const struct inode_operations shmem_file_inode_operations;
extern const struct address_space_operations shmem_aops;
ssize_t shmem_listxattr(struct dentry *dentry, char *buffer, size_t size);
struct inode *shmem_get_inode(struct super_block *sb, const struct inode *dir,
			      umode_t mode, dev_t dev);

#endif
