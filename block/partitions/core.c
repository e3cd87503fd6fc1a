// SPDX-License-Identifier: GPL-2.0
/*
 * Partition scanning at add_disk: the parsers are tried in order (GPT,
 * whose protective MBR would otherwise look like one big MBR partition,
 * then MBR), and the partitions the first that recognises the disk lists
 * become block devices vda1, vda2...  Whatever the table says is checked
 * against the disk's size: a partition outside the disk is dropped with
 * a warning, never trusted.
 */
#include <linux/kernel.h>
#include <linux/bio.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "check.h"
#include "../blk.h"

int read_part_sector(struct parsed_partitions *state, sector_t n)
{
	struct block_device *bdev = state->disk->part0;
	struct page *page;
	struct bio *bio;
	int err;

	if (n >= bdev->bd_nr_sectors)
		return -EIO;
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	bio = bio_alloc(bdev, 1, REQ_OP_READ, GFP_KERNEL);
	if (!bio) {
		__free_page(page);
		return -ENOMEM;
	}
	bio->bi_sector = n;
	bio_add_page(bio, page, SECTOR_SIZE, 0);
	err = submit_bio_wait(bio);
	bio_put(bio);
	if (!err)
		memcpy(state->buf, page_address(page), SECTOR_SIZE);
	__free_page(page);
	return err;
}

int bdev_scan_partitions(struct gendisk *disk)
{
	struct parsed_partitions *state;
	unsigned int i;
	int found;

	if (disk->minors <= 1)
		return 0;
	state = kzalloc(sizeof(*state), GFP_KERNEL);
	if (!state)
		return -ENOMEM;
	state->buf = kmalloc(SECTOR_SIZE, GFP_KERNEL);
	if (!state->buf) {
		kfree(state);
		return -ENOMEM;
	}
	state->disk = disk;
	found = efi_partition(state);
	if (found == 0)
		found = msdos_partition(state);
	if (found > 0) {
		pr_info(" %s:", disk->disk_name);
		for (i = 1; i < state->next && i < DISK_MAX_PARTS; i++)
			if (state->parts[i].size)
				pr_cont(" %s%u", disk->disk_name, i);
		pr_cont("\n");
		for (i = 1; i < state->next && i < DISK_MAX_PARTS; i++) {
			struct block_device *p;

			if (!state->parts[i].size)
				continue;
			if (bdev_add_partition(disk, i, state->parts[i].from, state->parts[i].size))
				continue;
			p = disk->part[i];
			p->bd_mbr_sig = state->mbr_sig;
			if (state->parts[i].has_uuid)
				memcpy(p->bd_uuid, state->parts[i].uuid, 16);
		}
	}
	kfree(state->buf);
	kfree(state);
	return found < 0 ? found : 0;
}
