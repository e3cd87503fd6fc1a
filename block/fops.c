// SPDX-License-Identifier: GPL-2.0
/*
 * Block device files (/dev/vda, /dev/vda1): open finds the struct
 * block_device by the node's device number and points the file at that
 * device's own page cache; read and write are the generic page-cache
 * ones, bounded by the device's size; fsync writes the dirty pages and
 * flushes the disk's volatile cache.  The address-space operations read
 * and write one page as one bio.
 */
#include <linux/kernel.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <asm/page.h>
#include "blk.h"

#define BLKROGET	0x125e
#define BLKGETSIZE	0x1260
#define BLKFLSBUF	0x1261
#define BLKSSZGET	0x1268
#define BLKBSZGET	0x80081270
#define BLKGETSIZE64	0x80081272
#define BLKPBSZGET	0x127b

static struct block_device *I_BDEV(struct inode *inode)
{
	return inode->i_private;
}

/* One page of the device, as one bio; the part past the end reads as zeros. */
static int blkdev_page_io(struct page *page, unsigned int op)
{
	struct block_device *bdev = I_BDEV(page->mapping->host);
	loff_t pos = page_offset(page), size = (loff_t)bdev->bd_nr_sectors << SECTOR_SHIFT;
	unsigned int len;
	struct bio *bio;
	int err;

	if (pos >= size) {
		if (op == REQ_OP_READ)
			memset(page_address(page), 0, PAGE_SIZE);
		return 0;
	}
	len = min_t(loff_t, PAGE_SIZE, size - pos);
	bio = bio_alloc(bdev, 1, op, GFP_KERNEL);
	if (!bio)
		return -ENOMEM;
	bio->bi_sector = pos >> SECTOR_SHIFT;
	bio_add_page(bio, page, len, 0);
	err = submit_bio_wait(bio);
	bio_put(bio);
	if (!err && op == REQ_OP_READ && len < PAGE_SIZE)
		memset((char *)page_address(page) + len, 0, PAGE_SIZE - len);
	return err;
}

static int blkdev_readpage(struct file *file, struct page *page)
{
	return blkdev_page_io(page, REQ_OP_READ);
}

static int blkdev_writepage(struct page *page)
{
	return blkdev_page_io(page, REQ_OP_WRITE);
}

const struct address_space_operations def_blk_aops = {
	.readpage	= blkdev_readpage,
	.writepage	= blkdev_writepage,
};

static int blkdev_open(struct inode *inode, struct file *file)
{
	struct block_device *bdev = blkdev_get_by_dev(inode->i_rdev);

	if (!bdev)
		return -ENXIO;
	if ((file->f_mode & FMODE_WRITE) && bdev->bd_read_only) {
		blkdev_put(bdev);
		return -EACCES;
	}
	file->private_data = bdev;
	file->f_mapping = bdev->bd_inode->i_mapping;
	return 0;
}

static int blkdev_release(struct inode *inode, struct file *file)
{
	blkdev_put(file->private_data);
	return 0;
}

static int blkdev_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	struct block_device *bdev = file->private_data;
	int err = filemap_write_and_wait_range(bdev->bd_inode->i_mapping, start, end);

	if (!err)
		err = blkdev_issue_flush(bdev);
	return err;
}

/*
 * O_DIRECT goes through the cache here (a write is flushed to the disk
 * before it returns), but keeps Linux's rule: offset and length in whole
 * logical blocks, else EINVAL.
 */
static bool blkdev_dio_unaligned(struct kiocb *iocb, struct iov_iter *iter)
{
	struct block_device *bdev = iocb->ki_filp->private_data;
	unsigned int mask = bdev_logical_block_size(bdev) - 1;

	return (iocb->ki_filp->f_flags & O_DIRECT) &&
	       ((iocb->ki_pos & mask) || (iov_iter_count(iter) & mask));
}

static ssize_t blkdev_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	if (blkdev_dio_unaligned(iocb, to))
		return -EINVAL;
	return generic_file_read_iter(iocb, to);
}

static ssize_t blkdev_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct block_device *bdev = iocb->ki_filp->private_data;
	struct inode *inode = bdev->bd_inode;
	loff_t size = i_size_read(inode);
	ssize_t ret;

	if (bdev->bd_read_only)
		return -EPERM;
	if (blkdev_dio_unaligned(iocb, from))
		return -EINVAL;
	if (!iov_iter_count(from))
		return 0;
	if (iocb->ki_pos >= size)
		return -ENOSPC;	/* a device does not grow */
	iov_iter_truncate(from, size - iocb->ki_pos);
	inode_lock(inode);
	ret = generic_perform_write(iocb, from);
	inode_unlock(inode);
	if (ret > 0 && (is_sync_flags(iocb->ki_filp->f_flags) ||
			(iocb->ki_filp->f_flags & O_DIRECT))) {
		int err = blkdev_fsync(iocb->ki_filp, iocb->ki_pos - ret, iocb->ki_pos - 1, 0);

		if (err)
			ret = err;
	}
	return ret;
}

static loff_t blkdev_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = ((struct block_device *)file->private_data)->bd_inode;
	loff_t size = i_size_read(inode), pos;

	switch (whence) {
	case SEEK_SET: pos = offset; break;
	case SEEK_CUR: pos = file->f_pos + offset; break;
	case SEEK_END: pos = size + offset; break;
	default: return -EINVAL;
	}
	if (pos < 0 || pos > size)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

static long blkdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct block_device *bdev = file->private_data;
	void __user *argp = (void __user *)arg;
	u64 size = (u64)bdev->bd_nr_sectors << SECTOR_SHIFT;
	int v;

	switch (cmd) {
	case BLKGETSIZE64:
		return copy_to_user(argp, &size, sizeof(size)) ? -EFAULT : 0;
	case BLKGETSIZE: {
		unsigned long sectors = bdev->bd_nr_sectors;

		return copy_to_user(argp, &sectors, sizeof(sectors)) ? -EFAULT : 0;
	}
	case BLKSSZGET:
		v = bdev_logical_block_size(bdev);
		return copy_to_user(argp, &v, sizeof(v)) ? -EFAULT : 0;
	case BLKPBSZGET:
		v = bdev->bd_disk->queue->physical_block_size;
		return copy_to_user(argp, &v, sizeof(v)) ? -EFAULT : 0;
	case BLKBSZGET:
		v = PAGE_SIZE;
		return copy_to_user(argp, &v, sizeof(v)) ? -EFAULT : 0;
	case BLKROGET:
		v = bdev->bd_read_only;
		return copy_to_user(argp, &v, sizeof(v)) ? -EFAULT : 0;
	case BLKFLSBUF:
		return sync_blockdev(bdev);
	default:
		return -ENOTTY;
	}
}

const struct file_operations def_blk_fops = {
	.open		= blkdev_open,
	.release	= blkdev_release,
	.llseek		= blkdev_llseek,
	.read_iter	= blkdev_read_iter,
	.write_iter	= blkdev_write_iter,
	.fsync		= blkdev_fsync,
	.unlocked_ioctl	= blkdev_ioctl,
};
