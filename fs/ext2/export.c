// SPDX-License-Identifier: GPL-2.0
/*
 * File handles for ext2 (name_to_handle_at, open_by_handle_at, and what
 * an NFS server would use): a handle is the inode number and the
 * generation the inode got when it was allocated, so a handle outlives
 * renames but not the file -- once the inode is freed, or freed and
 * given to a new file with a new generation, the handle is stale
 * (ESTALE), never someone else's file.
 *
 * The dentry handed back is disconnected: it hangs off the root with no
 * name, as Linux's d_obtain_alias gives before anything reconnects it;
 * opening and reading through it works, its path does not.
 */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/exportfs.h>
#include <linux/fs.h>
#include "ext2.h"

static int ext2_encode_fh(struct inode *inode, u32 *fh, int *max_len, struct inode *parent)
{
	(void)parent;
	if (*max_len < 3) {
		*max_len = 3;
		return FILEID_INVALID;
	}
	fh[0] = (u32)inode->i_ino;
	fh[1] = (u32)((u64)inode->i_ino >> 32);
	fh[2] = EXT2_I(inode)->i_generation;
	*max_len = 3;
	return FILEID_INO64_GEN;
}

static struct dentry *ext2_fh_to_dentry(struct super_block *sb, u32 *fh, int fh_len, int fh_type)
{
	static const struct qstr anon = QSTR_INIT("", 0);
	struct inode *inode;
	struct dentry *d;
	u64 ino;

	if (fh_type != FILEID_INO64_GEN || fh_len < 3)
		return ERR_PTR(-ESTALE);
	ino = fh[0] | ((u64)fh[1] << 32);
	inode = ext2_nfs_get_inode(sb, ino, fh[2]);
	if (IS_ERR(inode))
		return ERR_CAST(inode);
	d = d_alloc(sb->s_root, &anon);
	if (!d) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	d_drop(d);		/* found by handle, never by name */
	d_instantiate(d, inode);
	return d;
}

const struct export_operations ext2_export_ops = {
	.encode_fh	= ext2_encode_fh,
	.fh_to_dentry	= ext2_fh_to_dentry,
};
