// SPDX-License-Identifier: GPL-2.0
/*
 * The buffer cache, built on the block device's page cache: block n of
 * size s is bytes n*s..n*s+s-1 of the device, so it lives in page
 * (n*s)/PAGE_SIZE of the device inode's mapping.  A buffer_head is only
 * a handle on those bytes (page reference, address, block number): two
 * sb_bread calls for the same block see the same memory, and a block
 * device file open at the same time sees it too.  Dirtiness is the
 * page's: writeback writes the whole page that holds a dirty block.
 */
#include <linux/kernel.h>
#include <linux/blkdev.h>
#include <linux/buffer_head.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/slab.h>

struct buffer_head *__bread(struct block_device *bdev, sector_t block, unsigned int size)
{
	struct address_space *mapping = bdev->bd_inode->i_mapping;
	u64 pos = (u64)block * size;
	struct buffer_head *bh;
	struct page *page;
	bool created;
	int err = 0;

	if (!size || pos + size > (u64)bdev->bd_nr_sectors << SECTOR_SHIFT || pos / size != block)
		return NULL;	/* beyond the device: a corrupt block number */
	page = find_or_create_page(mapping, pos >> PAGE_SHIFT, GFP_KERNEL, &created);
	if (!page)
		return NULL;
	if (!PageUptodate(page)) {
		err = mapping->a_ops->readpage(NULL, page);
		if (!err)
			SetPageUptodate(page);
	}
	unlock_page(page);
	if (err) {
		put_page(page);
		return NULL;
	}
	bh = kmalloc(sizeof(*bh), GFP_KERNEL);
	if (!bh) {
		put_page(page);
		return NULL;
	}
	bh->b_page = page;
	bh->b_data = (char *)page_address(page) + (pos & (PAGE_SIZE - 1));
	bh->b_blocknr = block;
	bh->b_size = size;
	bh->b_bdev = bdev;
	return bh;
}

void brelse(struct buffer_head *bh)
{
	if (!bh)
		return;
	put_page(bh->b_page);
	kfree(bh);
}

void mark_buffer_dirty(struct buffer_head *bh)
{
	set_page_dirty(bh->b_page);
}

int sync_dirty_buffer(struct buffer_head *bh)
{
	lock_page(bh->b_page);
	return write_one_page(bh->b_page);
}
