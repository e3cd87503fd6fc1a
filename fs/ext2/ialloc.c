// SPDX-License-Identifier: GPL-2.0
/*
 * Inode allocation: a bit per inode in each group's inode bitmap.  A new
 * inode goes in its parent directory's group when that has room (files
 * near their directory), else in the first group that has; directories
 * also count in the group's used_dirs.  The on-disk inode is cleared
 * when allocated, and its fields written by ext2_write_inode.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/string.h>
#include <linux/time64.h>
#include "ext2.h"

unsigned long ext2_count_free_inodes(struct super_block *sb)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	unsigned long g, n = 0;

	for (g = 0; g < sbi->s_groups_count; g++)
		n += ext2_get_group_desc(sb, g, NULL)->bg_free_inodes_count;
	return n;
}

/*
 * A free bit in the inode bitmap, but the slot still holds a linked inode
 * (or the inode is in memory): the bitmap is corrupt.  Reusing the slot
 * would wipe a live file and leave its names pointing at a stranger.
 */
static bool ext2_inode_slot_in_use(struct super_block *sb, struct ext2_group_desc *gd,
				   unsigned long ino, unsigned long index)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	struct buffer_head *bh;
	bool used = true;

	if (!ext2_inode_in_memory(sb, ino)) {
		bh = sb_bread(sb, ext2_gd_inode_table(sb, gd) + index / sbi->s_inodes_per_block);
		if (!bh)
			return true;	/* unreadable: certainly not to be handed out */
		used = ((struct ext2_inode *)(bh->b_data + (index % sbi->s_inodes_per_block) *
					     sbi->s_inode_size))->i_links_count != 0;
		brelse(bh);
	}
	if (used)
		ext2_error(sb, "ext2_new_inode", "inode number already in use - inode=%lu", ino);
	return used;
}

struct inode *ext2_new_inode(struct inode *dir, umode_t mode)
{
	struct super_block *sb = dir->i_sb;
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	unsigned long g0 = EXT2_I(dir)->i_block_group, i, ino = 0, group = 0;
	struct ext2_inode_info *ei;
	struct inode *inode;
	int err = -ENOSPC;

	if (ext2_rdonly(sb))
		return ERR_PTR(-EROFS);
	inode = new_inode(sb);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	mutex_lock(&sbi->s_lock);
	for (i = 0; i < sbi->s_groups_count; i++) {
		unsigned long g = (g0 + i) % sbi->s_groups_count, bit;
		struct buffer_head *gbh, *bh;
		struct ext2_group_desc *gd = ext2_get_group_desc(sb, g, &gbh);
		u8 *map;

		if (!gd->bg_free_inodes_count)
			continue;
		bh = sb_bread(sb, ext2_gd_inode_bitmap(sb, gd));
		if (!bh) {
			err = -EIO;
			break;
		}
		map = (u8 *)bh->b_data;
		for (bit = g ? 0 : sbi->s_first_ino - 1; bit < sbi->s_inodes_per_group; bit++) {
			if (map[bit >> 3] & (1 << (bit & 7)))
				continue;
			if (!ext2_inode_slot_in_use(sb, gd, (u64)g * sbi->s_inodes_per_group + bit + 1, bit))
				break;
			/* The bitmap is wrong: keep the bit set, as it should have been, and look on. */
			map[bit >> 3] |= 1 << (bit & 7);
			mark_buffer_dirty(bh);
		}
		if (bit >= sbi->s_inodes_per_group) {
			brelse(bh);
			continue;
		}
		map[bit >> 3] |= 1 << (bit & 7);
		mark_buffer_dirty(bh);
		brelse(bh);
		gd->bg_free_inodes_count--;
		if (S_ISDIR(mode))
			gd->bg_used_dirs_count++;
		mark_buffer_dirty(gbh);
		sbi->s_es->s_free_inodes_count--;
		ext2_sb_dirty(sb);
		ino = (u64)g * sbi->s_inodes_per_group + bit + 1;
		group = g;
		err = 0;
		break;
	}
	mutex_unlock(&sbi->s_lock);
	if (err) {
		inode->i_nlink = 1;
		iput(inode);
		return ERR_PTR(err);
	}
	ei = EXT2_I(inode);
	inode->i_ino = ino;
	inode_init_owner(inode, dir, mode);
	inode->i_blocks = 0;
	inode->i_size = 0;
	memset(ei->i_data, 0, sizeof(ei->i_data));
	ei->i_flags = EXT2_I(dir)->i_flags & ~(EXT2_INDEX_FL | EXT4_EXTENTS_FL | EXT4_INLINE_DATA_FL |
					       EXT4_HUGE_FILE_FL) & 0x000380ff;
	if (!S_ISDIR(mode))
		ei->i_flags &= ~0x00020000u;	/* TOPDIR is for directories */
	ei->i_dtime = 0;
	ei->i_block_group = group;
	ei->i_generation = (u32)ktime_get_ns();
	if (sbi->s_inode_size > EXT2_GOOD_OLD_INODE_SIZE)
		ei->i_extra_isize = 32 <= sbi->s_inode_size - EXT2_GOOD_OLD_INODE_SIZE ? 32 : 0;
	{
		/* A fresh slot: no leftovers of a previous owner past the fields we write. */
		struct buffer_head *bh;
		struct ext2_group_desc *gd = ext2_get_group_desc(sb, group, NULL);
		unsigned long index = (ino - 1) % sbi->s_inodes_per_group;

		bh = sb_bread(sb, ext2_gd_inode_table(sb, gd) + index / sbi->s_inodes_per_block);
		if (bh) {
			memset(bh->b_data + (index % sbi->s_inodes_per_block) * sbi->s_inode_size, 0,
			       sbi->s_inode_size);
			mark_buffer_dirty(bh);
			brelse(bh);
		}
	}
	spin_lock(&sbi->s_hash_lock);
	list_add(&ei->i_hash, &sbi->s_inodes_hash);
	spin_unlock(&sbi->s_hash_lock);
	return inode;
}

void ext2_free_inode(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	unsigned long ino = inode->i_ino, g, bit;
	struct buffer_head *gbh, *bh;
	struct ext2_group_desc *gd;
	u8 *map;

	/* The on-disk inode keeps its dtime and a zero link count, as e2fsck expects. */
	ext2_write_inode(inode);
	if (ino < sbi->s_first_ino || ino > sbi->s_es->s_inodes_count) {
		ext2_error(sb, __func__, "freeing reserved or nonexistent inode %lu", ino);
		return;
	}
	g = (ino - 1) / sbi->s_inodes_per_group;
	bit = (ino - 1) % sbi->s_inodes_per_group;
	mutex_lock(&sbi->s_lock);
	gd = ext2_get_group_desc(sb, g, &gbh);
	bh = sb_bread(sb, ext2_gd_inode_bitmap(sb, gd));
	if (bh) {
		map = (u8 *)bh->b_data;
		if (!(map[bit >> 3] & (1 << (bit & 7)))) {
			ext2_error(sb, __func__, "bit already cleared for inode %lu", ino);
		} else {
			map[bit >> 3] &= ~(1 << (bit & 7));
			mark_buffer_dirty(bh);
			gd->bg_free_inodes_count++;
			if (S_ISDIR(inode->i_mode) && gd->bg_used_dirs_count)
				gd->bg_used_dirs_count--;
			mark_buffer_dirty(gbh);
			sbi->s_es->s_free_inodes_count++;
			ext2_sb_dirty(sb);
		}
		brelse(bh);
	}
	mutex_unlock(&sbi->s_lock);
}
