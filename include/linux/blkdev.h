/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Block devices (block/).  A driver describes a disk with a struct
 * gendisk: its name (vda), size, request queue and operations, and
 * add_disk() makes it visible: /dev/vda, /sys/block/vda, the partitions
 * the partition table lists (vda1, vda2... each a struct block_device
 * that is a window on the whole disk), /proc/partitions.
 *
 * I/O is a struct bio (<linux/bio.h>).  submit_bio() maps a partition's
 * sector to the disk's, checks the range, counts it for /proc/diskstats
 * and hands it to the disk's request queue; the driver finishes it with
 * bio_endio, or from its interrupt with blk_complete_bio.  A block device
 * file (/dev/vda) reads and writes through the page cache of the
 * device's own inode (block/fops.c), which the buffer cache (fs/buffer.c)
 * also uses.
 */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

#include <linux/types.h>
#include <linux/blk_types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/kdev_t.h>
#include <linux/sysfs.h>
#include <linux/atomic.h>

struct gendisk;
struct inode;
struct file;

#define BLOCK_EXT_MAJOR		259	/* partitions past the disk's own minors */
#define DISK_MAX_PARTS		16	/* vda + vda1..vda15 in the disk's minors */
#define DISK_NAME_LEN		32

/* Counters of /proc/diskstats and /sys/block/X/stat, for reads [0] and writes [1] (flush [2]). */
struct disk_stats {
	unsigned long ios[3];
	unsigned long merges[3];
	sector_t sectors[3];
	unsigned long nsecs[3];		/* milliseconds, despite the name: as printed */
	unsigned long io_ticks;
	unsigned int in_flight;
};

struct block_device {
	dev_t bd_dev;
	struct gendisk *bd_disk;
	sector_t bd_start_sect;
	sector_t bd_nr_sectors;
	u8 bd_partno;			/* 0: the whole disk */
	bool bd_read_only;
	struct inode *bd_inode;		/* its page cache */
	atomic_t bd_openers;
	void *bd_holder;		/* a mounted filesystem */
	struct disk_stats bd_stats;
	char bd_name[DISK_NAME_LEN];	/* "vda1" */
	u8 bd_uuid[16];			/* GPT partition GUID, for root=PARTUUID= */
	u32 bd_mbr_sig;			/* MBR disk signature, PARTUUID=SSSSSSSS-PP */
	struct list_head bd_list;	/* all block devices */
	struct dentry *bd_sysfs;
};

struct request_queue {
	spinlock_t queue_lock;
	unsigned int logical_block_size;
	unsigned int physical_block_size;
	unsigned int max_hw_sectors;
	unsigned int nr_hw_queues;
	bool write_cache;		/* volatile cache: flushes mean something */
	bool fua;
	struct gendisk *disk;
};

struct block_device_operations {
	/* Start @bio (already mapped to the whole disk); finish it with bio_endio later. */
	void (*submit_bio)(struct bio *bio);
	int (*getgeo)(struct block_device *bdev, u16 *heads, u8 *sectors);
};

struct gendisk {
	int major, first_minor, minors;
	char disk_name[DISK_NAME_LEN];
	const struct block_device_operations *fops;
	struct request_queue *queue;
	void *private_data;
	struct block_device *part0;
	struct block_device *part[DISK_MAX_PARTS];	/* [0] is part0 */
	unsigned int nr_parts;
	bool read_only;
};

static inline sector_t get_capacity(const struct gendisk *disk)
{
	return disk->part0->bd_nr_sectors;
}

static inline sector_t bdev_nr_sectors(const struct block_device *bdev)
{
	return bdev->bd_nr_sectors;
}

static inline unsigned int bdev_logical_block_size(const struct block_device *bdev)
{
	return bdev->bd_disk->queue->logical_block_size;
}

/* block/genhd.c */
int register_blkdev(unsigned int major, const char *name);
struct gendisk *blk_alloc_disk(void);
void set_capacity(struct gendisk *disk, sector_t sectors);
int add_disk(struct gendisk *disk);
int diskstats_proc_show(struct seq_file *m, void *v);
int partitions_proc_show(struct seq_file *m, void *v);

/* block/bdev.c */
struct block_device *bdev_alloc(struct gendisk *disk, u8 partno, dev_t dev);
struct block_device *blkdev_get_by_dev(dev_t dev);
struct block_device *lookup_bdev_name(const char *name);
/* root=PARTUUID=... and UUID=: the partition, or NULL. */
struct block_device *lookup_bdev_partuuid(const char *uuid);
void blkdev_put(struct block_device *bdev);
int set_blocksize(struct block_device *bdev, int size);
int sync_blockdev(struct block_device *bdev);
int blkdev_issue_flush(struct block_device *bdev);
extern const struct file_operations def_blk_fops;
extern struct list_head all_bdevs;
extern struct mutex bdev_lock;

/* block/partitions/core.c */
int bdev_scan_partitions(struct gendisk *disk);

#endif
