/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of block/ share. */
#ifndef _BLOCK_BLK_H
#define _BLOCK_BLK_H

#include <linux/blkdev.h>

void blk_account_io_done(struct bio *bio);
void bdev_sysfs_add(struct block_device *bdev, struct dentry *parent);
int bdev_add_partition(struct gendisk *disk, unsigned int partno, sector_t start,
		       sector_t nr_sects);

#endif
