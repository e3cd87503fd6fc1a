// SPDX-License-Identifier: GPL-2.0
/*
 * struct block_device: the whole disk or one partition, found by its
 * dev_t.  Each has an inode on an internal superblock ("bdev") whose page
 * cache holds the device's contents: /dev/vda's read and write, and the
 * buffer cache of a filesystem mounted from it, share those pages, so a
 * block is in memory at most once per device.
 */
#include <linux/kernel.h>
#include <linux/blkdev.h>
#include <linux/bio.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include "blk.h"

LIST_HEAD(all_bdevs);
DEFINE_MUTEX(bdev_lock);
static struct super_block *blockdev_superblock;

extern const struct address_space_operations def_blk_aops;

static const struct super_operations bdev_sops = { };

static struct file_system_type bdev_fs_type = {
	.name		= "bdev",
	.kill_sb	= kill_single_super,
};

struct block_device *bdev_alloc(struct gendisk *disk, u8 partno, dev_t dev)
{
	struct block_device *bdev;
	struct inode *inode;

	if (!blockdev_superblock) {
		blockdev_superblock = sget_nodev(&bdev_fs_type, 0);
		if (!blockdev_superblock)
			return NULL;
		blockdev_superblock->s_op = &bdev_sops;
	}
	bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);
	if (!bdev)
		return NULL;
	inode = new_inode(blockdev_superblock);
	if (!inode) {
		kfree(bdev);
		return NULL;
	}
	inode->i_mode = S_IFBLK | 0600;
	inode->i_rdev = dev;
	inode->i_private = bdev;
	inode->i_data.a_ops = &def_blk_aops;
	bdev->bd_inode = inode;
	bdev->bd_dev = dev;
	bdev->bd_disk = disk;
	bdev->bd_partno = partno;
	if (partno)
		scnprintf(bdev->bd_name, sizeof(bdev->bd_name), "%s%s%u", disk->disk_name,
			  disk->disk_name[strlen(disk->disk_name) - 1] >= '0' &&
			  disk->disk_name[strlen(disk->disk_name) - 1] <= '9' ? "p" : "", partno);
	else
		strscpy(bdev->bd_name, disk->disk_name, sizeof(bdev->bd_name));
	mutex_lock(&bdev_lock);
	list_add_tail(&bdev->bd_list, &all_bdevs);
	mutex_unlock(&bdev_lock);
	return bdev;
}

/* The device's size as its inode's: the page cache stops reading there. */
static void bdev_sync_size(struct block_device *bdev)
{
	i_size_write(bdev->bd_inode, (loff_t)bdev->bd_nr_sectors << SECTOR_SHIFT);
}

struct block_device *blkdev_get_by_dev(dev_t dev)
{
	struct block_device *b, *found = NULL;

	mutex_lock(&bdev_lock);
	list_for_each_entry(b, &all_bdevs, bd_list) {
		if (b->bd_dev == dev) {
			found = b;
			atomic_inc(&b->bd_openers);
			bdev_sync_size(b);
			break;
		}
	}
	mutex_unlock(&bdev_lock);
	return found;
}

struct block_device *lookup_bdev_name(const char *name)
{
	struct block_device *b, *found = NULL;

	mutex_lock(&bdev_lock);
	list_for_each_entry(b, &all_bdevs, bd_list) {
		if (!strcmp(b->bd_name, name)) {
			found = b;
			atomic_inc(&b->bd_openers);
			bdev_sync_size(b);
			break;
		}
	}
	mutex_unlock(&bdev_lock);
	return found;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/*
 * PARTUUID=: a GPT partition's GUID as printed (mixed-endian groups), or
 * SSSSSSSS-PP for MBR (disk signature, partition number).
 */
struct block_device *lookup_bdev_partuuid(const char *uuid)
{
	static const u8 order[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
	struct block_device *b, *found = NULL;
	u8 guid[16];
	bool is_guid = strlen(uuid) == 36;
	unsigned int i = 0, sig = 0, partno = 0;
	const char *p = uuid;

	if (is_guid) {
		for (i = 0; i < 16; i++) {
			int hi, lo;

			if (*p == '-')
				p++;
			hi = hexval(p[0]);
			lo = hi < 0 ? -1 : hexval(p[1]);
			if (lo < 0)
				return NULL;
			guid[order[i]] = hi << 4 | lo;
			p += 2;
		}
	} else {
		for (i = 0; i < 8; i++) {
			int v = hexval(*p++);

			if (v < 0)
				return NULL;
			sig = sig << 4 | v;
		}
		if (*p++ != '-')
			return NULL;
		while (*p) {
			int v = hexval(*p++);

			if (v < 0)
				return NULL;
			partno = partno * 16 + v;
		}
	}
	mutex_lock(&bdev_lock);
	list_for_each_entry(b, &all_bdevs, bd_list) {
		if (!b->bd_partno)
			continue;
		if (is_guid ? !memcmp(b->bd_uuid, guid, 16)
			    : (b->bd_mbr_sig == sig && b->bd_partno == partno && sig)) {
			found = b;
			atomic_inc(&b->bd_openers);
			bdev_sync_size(b);
			break;
		}
	}
	mutex_unlock(&bdev_lock);
	return found;
}

void blkdev_put(struct block_device *bdev)
{
	if (!bdev)
		return;
	/* The last closer leaves nothing dirty in memory only. */
	if (atomic_dec_and_test(&bdev->bd_openers))
		sync_blockdev(bdev);
}

int set_blocksize(struct block_device *bdev, int size)
{
	if (size < 512 || size > (int)PAGE_SIZE || (size & (size - 1)) ||
	    size < (int)bdev_logical_block_size(bdev))
		return -EINVAL;
	return 0;
}

int sync_blockdev(struct block_device *bdev)
{
	return filemap_write_and_wait(bdev->bd_inode->i_mapping);
}

int blkdev_issue_flush(struct block_device *bdev)
{
	struct bio *bio;
	int err;

	if (!bdev->bd_disk->queue->write_cache)
		return 0;
	bio = bio_alloc(bdev, 0, REQ_OP_FLUSH | REQ_PREFLUSH, GFP_KERNEL);
	if (!bio)
		return -ENOMEM;
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err;
}
