// SPDX-License-Identifier: GPL-2.0
/*
 * Block allocation.  Each group's block bitmap has a bit per block of
 * the group (set: in use).  A new block is looked for first in the group
 * of the goal (the previous block of the file, so files stay contiguous),
 * then in the following groups.  The group descriptor's and the
 * superblock's free counts change with the bitmap, under the
 * filesystem's lock.  A block number outside the filesystem, or one
 * freed twice, is corruption and reported, never acted on.
 *
 * Sparse superblocks: with SPARSE_SUPER, only groups 0, 1 and powers of
 * 3, 5 and 7 keep a backup of the superblock and descriptors.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/string.h>
#include "ext2.h"

static bool test_root(unsigned long a, unsigned long b)
{
	for (;;) {
		if (a < b)
			return false;
		if (a == b)
			return true;
		if (a % b)
			return false;
		a /= b;
	}
}

bool ext2_group_has_super(struct super_block *sb, unsigned long group)
{
	if (group <= 1 || !(EXT2_SB(sb)->s_ro_compat & EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER))
		return true;
	if (!(group & 1))
		return false;
	return test_root(group, 3) || test_root(group, 5) || test_root(group, 7);
}

/* The first clear bit at or after @start, wrapping around; @n if none. */
static unsigned long find_zero_bit_from(const u8 *map, unsigned long n, unsigned long start)
{
	unsigned long bit;

	for (bit = start; bit < n; bit++)
		if (!(map[bit >> 3] & (1 << (bit & 7))))
			return bit;
	for (bit = 0; bit < start && bit < n; bit++)
		if (!(map[bit >> 3] & (1 << (bit & 7))))
			return bit;
	return n;
}

u64 ext2_count_free_blocks(struct super_block *sb)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	unsigned long g;
	u64 n = 0;

	for (g = 0; g < sbi->s_groups_count; g++)
		n += ext2_get_group_desc(sb, g, NULL)->bg_free_blocks_count;
	return n;
}

static unsigned long group_blocks(struct super_block *sb, unsigned long g)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	u64 start = sbi->s_first_data_block + (u64)g * sbi->s_blocks_per_group;

	return min_t(u64, sbi->s_blocks_per_group, sbi->s_blocks_count - start);
}

/*
 * Is @block metadata of group @g: its superblock copy and descriptors, or
 * the bitmaps and inode table its descriptor names?  A bitmap that says
 * such a block is free is corrupt; handing the block to a file would let
 * the file's data overwrite (and new blocks are zeroed) the filesystem's
 * own structures.
 */
static bool ext2_in_system_zone(struct super_block *sb, unsigned long g, u64 block)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	struct ext2_group_desc *gd = ext2_get_group_desc(sb, g, NULL);
	u64 start = sbi->s_first_data_block + (u64)g * sbi->s_blocks_per_group;
	u64 it = ext2_gd_inode_table(sb, gd);

	if (block < sbi->s_first_data_block)
		return true;
	if (ext2_group_has_super(sb, g) && block >= start &&
	    block < start + 1 + sbi->s_gdb_count + sbi->s_es->s_reserved_gdt_blocks)
		return true;
	return block == ext2_gd_block_bitmap(sb, gd) || block == ext2_gd_inode_bitmap(sb, gd) ||
	       (block >= it && block < it + sbi->s_itb_per_group);
}

int ext2_new_block(struct inode *inode, u64 goal, u64 *block)
{
	struct super_block *sb = inode->i_sb;
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	unsigned long g0, i;
	int err = -ENOSPC;

	if (ext2_rdonly(sb))
		return -EROFS;
	if (goal < sbi->s_first_data_block || goal >= sbi->s_blocks_count)
		goal = sbi->s_first_data_block + (u64)EXT2_I(inode)->i_block_group * sbi->s_blocks_per_group;
	g0 = (goal - sbi->s_first_data_block) / sbi->s_blocks_per_group;
	mutex_lock(&sbi->s_lock);
	for (i = 0; i < sbi->s_groups_count; i++) {
		unsigned long g = (g0 + i) % sbi->s_groups_count, n = group_blocks(sb, g), bit, start = 0;
		struct buffer_head *gbh, *bh;
		struct ext2_group_desc *gd = ext2_get_group_desc(sb, g, &gbh);
		u8 *map;

		if (!gd->bg_free_blocks_count)
			continue;
		bh = sb_bread(sb, ext2_gd_block_bitmap(sb, gd));
		if (!bh) {
			err = -EIO;
			break;
		}
		map = (u8 *)bh->b_data;
		if (g == g0)
			start = (goal - sbi->s_first_data_block) % sbi->s_blocks_per_group;
		bit = find_zero_bit_from(map, n, start);
		while (bit < n && ext2_in_system_zone(sb, g, sbi->s_first_data_block +
						       (u64)g * sbi->s_blocks_per_group + bit)) {
			/* Leave it marked in use, as it always should have been, and look on. */
			ext2_error(sb, "ext2_new_blocks", "Allocating block in system zone - block = %llu",
				   sbi->s_first_data_block + (u64)g * sbi->s_blocks_per_group + bit);
			map[bit >> 3] |= 1 << (bit & 7);
			mark_buffer_dirty(bh);
			bit = find_zero_bit_from(map, n, bit);
		}
		if (bit >= n) {
			brelse(bh);
			ext2_error(sb, __func__, "group %lu claims %u free blocks but its bitmap is full",
				   g, gd->bg_free_blocks_count);
			err = -EUCLEAN;
			break;
		}
		map[bit >> 3] |= 1 << (bit & 7);
		mark_buffer_dirty(bh);
		brelse(bh);
		gd->bg_free_blocks_count--;
		mark_buffer_dirty(gbh);
		sbi->s_es->s_free_blocks_count--;
		ext2_sb_dirty(sb);
		*block = sbi->s_first_data_block + (u64)g * sbi->s_blocks_per_group + bit;
		err = 0;
		break;
	}
	mutex_unlock(&sbi->s_lock);
	if (!err) {
		/* A new block must not show old contents: zero it in the cache. */
		struct buffer_head *bh = sb_bread(sb, *block);

		if (!bh)
			return -EIO;
		memset(bh->b_data, 0, sb->s_blocksize);
		mark_buffer_dirty(bh);
		brelse(bh);
	}
	return err;
}

void ext2_free_blocks(struct inode *inode, u64 block, unsigned long count)
{
	struct super_block *sb = inode->i_sb;
	struct ext2_sb_info *sbi = EXT2_SB(sb);

	mutex_lock(&sbi->s_lock);
	for (; count; count--, block++) {
		unsigned long g, bit;
		struct buffer_head *gbh, *bh;
		struct ext2_group_desc *gd;
		u8 *map;

		if (block < sbi->s_first_data_block || block >= sbi->s_blocks_count) {
			ext2_error(sb, __func__, "freeing block %llu outside the filesystem", block);
			break;
		}
		g = (block - sbi->s_first_data_block) / sbi->s_blocks_per_group;
		bit = (block - sbi->s_first_data_block) % sbi->s_blocks_per_group;
		if (ext2_in_system_zone(sb, g, block)) {
			ext2_error(sb, __func__, "Freeing blocks in system zones - Block = %llu", block);
			continue;
		}
		gd = ext2_get_group_desc(sb, g, &gbh);
		bh = sb_bread(sb, ext2_gd_block_bitmap(sb, gd));
		if (!bh)
			break;
		map = (u8 *)bh->b_data;
		if (!(map[bit >> 3] & (1 << (bit & 7)))) {
			brelse(bh);
			ext2_error(sb, __func__, "bit already cleared for block %llu", block);
			continue;
		}
		map[bit >> 3] &= ~(1 << (bit & 7));
		mark_buffer_dirty(bh);
		brelse(bh);
		gd->bg_free_blocks_count++;
		mark_buffer_dirty(gbh);
		sbi->s_es->s_free_blocks_count++;
		ext2_sb_dirty(sb);
	}
	mutex_unlock(&sbi->s_lock);
}
