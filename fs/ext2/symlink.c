// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 symbolic links.  A short target (fewer than 60 bytes) is stored in
 * the inode's block-pointer array itself ("fast" symlink, no data block);
 * a longer one fills the first data block.  The slow kind is read once
 * and kept with the inode.  A target length that does not fit either
 * place is corruption.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "ext2.h"

static const char *ext2_get_link(struct dentry *dentry, struct inode *inode)
{
	struct ext2_inode_info *ei = EXT2_I(inode);
	struct buffer_head *bh;
	char *target;
	int err;

	if (inode->i_size <= 0 || inode->i_size >= (loff_t)inode->i_sb->s_blocksize) {
		ext2_error(inode->i_sb, __func__, "symlink inode %lu: bad size %lld", inode->i_ino,
			   inode->i_size);
		return ERR_PTR(-EUCLEAN);
	}
	/* Fast when it has no blocks (ext4 with extents: always a block via the tree). */
	if (inode->i_size < (loff_t)sizeof(ei->i_data) && !(ei->i_flags & EXT4_EXTENTS_FL) &&
	    ext2_data_blocks(inode) == 0) {
		((char *)ei->i_data)[inode->i_size] = '\0';
		return (const char *)ei->i_data;
	}
	if (ei->i_slow_link)
		return ei->i_slow_link;
	bh = ext2_bread(inode, 0, false, &err);
	if (!bh)
		return ERR_PTR(err ? err : -EUCLEAN);
	target = kmalloc(inode->i_size + 1, GFP_KERNEL);
	if (!target) {
		brelse(bh);
		return ERR_PTR(-ENOMEM);
	}
	memcpy(target, bh->b_data, inode->i_size);
	target[inode->i_size] = '\0';
	brelse(bh);
	ei->i_slow_link = target;
	return target;
}

const struct inode_operations ext2_symlink_inode_operations = {
	.get_link	= ext2_get_link,
	.setattr	= ext2_setattr,
	.getattr	= ext2_getattr,
	.listxattr	= ext2_listxattr,
};
