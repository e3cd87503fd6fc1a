// SPDX-License-Identifier: GPL-2.0
/*
 * ext4 extent trees, read-only.  i_block holds a header and up to four
 * entries; an inner node's entries (extent_idx) point to blocks that are
 * nodes one level down, a leaf's entries (extent) map a run of logical
 * blocks to a run of physical ones.  Entries are sorted by logical block:
 * the right one is the last whose start is not past the block wanted.
 * Every node's header is checked (magic, entry count within the node's
 * room, depth one less than its parent's) before it is used, and depth
 * is bounded, so a corrupt tree is an error, never a loop.
 */
#include <linux/kernel.h>
#include "ext2.h"

#define EXT4_MAX_DEPTH		5
#define EXT_INIT_MAX_LEN	32768

static int ext4_check_header(struct inode *inode, const struct ext4_extent_header *eh,
			     unsigned int room, int depth)
{
	if (eh->eh_magic != EXT4_EXT_MAGIC || eh->eh_entries > eh->eh_max || eh->eh_max > room ||
	    (depth >= 0 && eh->eh_depth != depth) || eh->eh_depth > EXT4_MAX_DEPTH)
		return ext2_error(inode->i_sb, "ext4_ext_check_inode",
				  "inode #%lu: bad extent header (magic %#x, entries %u, max %u, depth %u)",
				  inode->i_ino, eh->eh_magic, eh->eh_entries, eh->eh_max, eh->eh_depth);
	return 0;
}

int ext4_ext_map_block(struct inode *inode, u64 lblock, u64 *phys)
{
	struct super_block *sb = inode->i_sb;
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	const struct ext4_extent_header *eh = (const void *)EXT2_I(inode)->i_data;
	struct buffer_head *bh = NULL;
	int depth, err;

	*phys = 0;
	err = ext4_check_header(inode, eh, (sizeof(EXT2_I(inode)->i_data) - sizeof(*eh)) / 12, -1);
	if (err)
		return err;
	depth = eh->eh_depth;
	for (;;) {
		unsigned int i, n = eh->eh_entries;

		if (!n)
			break;	/* empty: a hole */
		if (depth == 0) {
			const struct ext4_extent *ex = (const void *)(eh + 1);

			for (i = n; i-- > 0;) {
				u32 len = ex[i].ee_len > EXT_INIT_MAX_LEN ? ex[i].ee_len - EXT_INIT_MAX_LEN
									   : ex[i].ee_len;
				u64 start = ((u64)ex[i].ee_start_hi << 32) | ex[i].ee_start_lo;

				if (ex[i].ee_block > lblock)
					continue;
				if (lblock >= (u64)ex[i].ee_block + len)
					break;	/* in the gap after this extent: a hole */
				if (ex[i].ee_len > EXT_INIT_MAX_LEN)
					break;	/* preallocated, unwritten: reads as zeros */
				*phys = start + (lblock - ex[i].ee_block);
				if (*phys < sbi->s_first_data_block || *phys >= sbi->s_blocks_count) {
					*phys = 0;
					err = ext2_error(sb, __func__, "inode #%lu: extent points outside the filesystem",
							 inode->i_ino);
				}
				break;
			}
			break;
		} else {
			const struct ext4_extent_idx *ix = (const void *)(eh + 1);
			u64 leaf;

			for (i = n; i-- > 1;)
				if (ix[i].ei_block <= lblock)
					break;
			if (ix[i].ei_block > lblock && i == 0)
				break;	/* before the first entry: a hole */
			leaf = ((u64)ix[i].ei_leaf_hi << 32) | ix[i].ei_leaf_lo;
			if (leaf < sbi->s_first_data_block || leaf >= sbi->s_blocks_count) {
				err = ext2_error(sb, __func__, "inode #%lu: extent index points outside the filesystem",
						 inode->i_ino);
				break;
			}
			brelse(bh);
			bh = sb_bread(sb, leaf);
			if (!bh) {
				err = -EIO;
				break;
			}
			eh = (const void *)bh->b_data;
			depth--;
			err = ext4_check_header(inode, eh, (sb->s_blocksize - sizeof(*eh)) / 12, depth);
			if (err)
				break;
		}
	}
	brelse(bh);
	return err;
}
