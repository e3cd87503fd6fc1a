/* SPDX-License-Identifier: GPL-2.0 */
/*
 * File handles (fs/fhandle.c): a filesystem that can name its files by
 * something stabler than a path (an inode number) fills in
 * export_operations, so name_to_handle_at can encode a file and
 * open_by_handle_at find it again, even after renames.
 */
#ifndef _LINUX_EXPORTFS_H
#define _LINUX_EXPORTFS_H

#include <linux/types.h>

struct dentry;
struct inode;
struct super_block;

#define MAX_HANDLE_SZ	128

/* handle_type values: the layout of the u32 words. */
#define FILEID_INO64_GEN	0x81	/* ino (two words, low first), generation */

struct export_operations {
	/*
	 * Fill @fh with up to *@max_len u32 words naming @inode; set
	 * *@max_len to the words used (or needed) and return the handle
	 * type, or 255 (FILEID_INVALID) if *@max_len is too small.
	 */
	int (*encode_fh)(struct inode *inode, u32 *fh, int *max_len, struct inode *parent);
	/* The dentry a handle names (with a reference), or an ERR_PTR. */
	struct dentry *(*fh_to_dentry)(struct super_block *sb, u32 *fh, int fh_len, int fh_type);
};

#define FILEID_INVALID	0xff

#endif
