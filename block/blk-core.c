// SPDX-License-Identifier: GPL-2.0
/*
 * submit_bio: the entry to the block layer.  A bio addressed to a
 * partition is remapped to the whole disk (sector + the partition's
 * start); one that runs past the end of its device fails with an I/O
 * error rather than reaching the driver.  Every bio is counted in the
 * device's statistics (/proc/diskstats), then passed to the disk's
 * driver through its queue (one queue per disk, bio-based: the driver
 * keeps its own list when its hardware ring is full).
 *
 * Completion: a driver's interrupt handler calls blk_complete_bio, which
 * puts the bio on a list and raises BLOCK_SOFTIRQ; the softirq runs the
 * submitters' end_io callbacks with interrupts on, so a slow callback
 * (waking a reader, freeing pages) never lengthens the hard interrupt.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include "blk.h"
#include <trace/events/block.h>

static DEFINE_SPINLOCK(blk_done_lock);
static struct bio *blk_done_head, **blk_done_tail = &blk_done_head;

/* I/O to a partition counts for the partition and for its whole disk, as on Linux. */
static void blk_account_io_start(struct bio *bio)
{
	struct block_device *bdev = bio->bi_bdev, *disk = bdev->bd_disk->part0;
	unsigned int op = bio_op(bio), i = op == REQ_OP_FLUSH ? 2 : op_is_write(op);
	unsigned long flags;

	bio->bi_start_ns = ktime_get_ns();
	spin_lock_irqsave(&blk_done_lock, flags);
	bdev->bd_stats.ios[i]++;
	bdev->bd_stats.sectors[i] += bio->bi_size >> SECTOR_SHIFT;
	bdev->bd_stats.in_flight++;
	if (disk != bdev) {
		disk->bd_stats.ios[i]++;
		disk->bd_stats.sectors[i] += bio->bi_size >> SECTOR_SHIFT;
		disk->bd_stats.in_flight++;
	}
	spin_unlock_irqrestore(&blk_done_lock, flags);
}

static void blk_account_one(struct block_device *bdev, unsigned int i, unsigned long ms)
{
	bdev->bd_stats.nsecs[i] += ms;
	bdev->bd_stats.io_ticks += ms;
	if (bdev->bd_stats.in_flight)
		bdev->bd_stats.in_flight--;
}

void blk_account_io_done(struct bio *bio)
{
	struct block_device *bdev = bio->bi_bdev;
	unsigned int op = bio_op(bio), i = op == REQ_OP_FLUSH ? 2 : op_is_write(op);
	unsigned long ms, flags;

	if (!bdev || !bio->bi_start_ns)
		return;
	ms = (ktime_get_ns() - bio->bi_start_ns) / 1000000;
	spin_lock_irqsave(&blk_done_lock, flags);
	blk_account_one(bdev, i, ms);
	if (bdev->bd_disk->part0 != bdev)
		blk_account_one(bdev->bd_disk->part0, i, ms);
	spin_unlock_irqrestore(&blk_done_lock, flags);
	bio->bi_start_ns = 0;
}

void submit_bio(struct bio *bio)
{
	struct block_device *bdev = bio->bi_bdev;
	struct gendisk *disk = bdev->bd_disk;
	unsigned int op = bio_op(bio);

	if (op == REQ_OP_WRITE && bdev->bd_read_only) {
		bio->bi_status = BLK_STS_IOERR;
		goto fail;
	}
	if (op != REQ_OP_FLUSH &&
	    (bio->bi_size & (SECTOR_SIZE - 1) ||
	     bio->bi_sector + (bio->bi_size >> SECTOR_SHIFT) > bdev->bd_nr_sectors ||
	     bio->bi_sector + (bio->bi_size >> SECTOR_SHIFT) < bio->bi_sector)) {
		pr_err("%s: I/O past the end: sector %llu + %u bytes, device has %llu sectors\n",
		       bdev->bd_name, bio->bi_sector, bio->bi_size, bdev->bd_nr_sectors);
		bio->bi_status = BLK_STS_IOERR;
		goto fail;
	}
	blk_account_io_start(bio);
	if (bdev->bd_partno) {
		/* The partition counted it; the disk's driver sees a disk sector. */
		bio->bi_sector += bdev->bd_start_sect;
	}
	trace_block_rq_insert(bio);
	disk->fops->submit_bio(bio);
	return;
fail:
	if (bio->bi_end_io)
		bio->bi_end_io(bio);
}

void blk_complete_bio(struct bio *bio)
{
	unsigned long flags;

	trace_block_rq_complete(bio);
	bio->bi_next = NULL;
	spin_lock_irqsave(&blk_done_lock, flags);
	*blk_done_tail = bio;
	blk_done_tail = &bio->bi_next;
	spin_unlock_irqrestore(&blk_done_lock, flags);
	raise_softirq(BLOCK_SOFTIRQ);
}

static void blk_done_softirq(struct softirq_action *h)
{
	struct bio *list, *bio;
	unsigned long flags;

	spin_lock_irqsave(&blk_done_lock, flags);
	list = blk_done_head;
	blk_done_head = NULL;
	blk_done_tail = &blk_done_head;
	spin_unlock_irqrestore(&blk_done_lock, flags);
	while ((bio = list)) {
		list = bio->bi_next;
		bio->bi_next = NULL;
		bio_endio(bio);
	}
}

static int __init blk_softirq_init(void)
{
	open_softirq(BLOCK_SOFTIRQ, blk_done_softirq);
	return 0;
}
core_initcall(blk_softirq_init);
