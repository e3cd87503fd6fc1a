/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The buffer cache (fs/buffer.c): one filesystem block of a block device,
 * seen through the device's page cache.  sb_bread gives the block's bytes
 * (read from the disk if the page is not cached yet); a change is made in
 * b_data, mark_buffer_dirty queues it for writeback, sync_dirty_buffer
 * writes it now.  brelse drops the reference.
 */
#ifndef _LINUX_BUFFER_HEAD_H
#define _LINUX_BUFFER_HEAD_H

#include <linux/blk_types.h>
#include <linux/fs.h>

struct buffer_head {
	struct page *b_page;
	char *b_data;
	sector_t b_blocknr;
	unsigned int b_size;
	struct block_device *b_bdev;
};

struct buffer_head *__bread(struct block_device *bdev, sector_t block, unsigned int size);
void brelse(struct buffer_head *bh);
void mark_buffer_dirty(struct buffer_head *bh);
int sync_dirty_buffer(struct buffer_head *bh);

static inline struct buffer_head *sb_bread(struct super_block *sb, sector_t block)
{
	return __bread(sb->s_bdev, block, sb->s_blocksize);
}

#endif
