// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 regular files: reads are the generic page-cache ones (the pages
 * filled by ext2_readpage); a write first makes sure every block it
 * touches exists on disk (so writeback never has to allocate and an
 * ENOSPC is reported to the writer), then copies into the page cache,
 * a chunk at a time.
 * fsync writes the file's pages, then the device's dirty blocks (the
 * inode and the bitmaps live there) and flushes the disk's cache.
 */
#include <linux/kernel.h>
#include <linux/blkdev.h>
#include <linux/cred.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/sched/signal.h>
#include <linux/uio.h>
#include "ext2.h"

/*
 * Blocks are allocated this many bytes of the write at a time, just ahead
 * of the copy: a write of a huge count from a short buffer must not fill
 * the disk before the copy finds where the buffer ends.
 */
#define EXT2_WRITE_CHUNK	(256 * 1024)

/* Make sure every block of [pos, pos + *len) exists; shorten *len to what does. */
static int ext2_alloc_range(struct inode *inode, loff_t pos, size_t *len)
{
	unsigned long bs = inode->i_sb->s_blocksize;
	u64 first = pos / bs, last = (pos + *len - 1) / bs, b;

	for (b = first; b <= last; b++) {
		u64 phys;
		int err = ext2_get_block(inode, b, true, &phys);

		if (err) {
			if (b == first)
				return err;
			*len = b * bs - pos;	/* write what fits */
			return 0;
		}
	}
	return 0;
}

static ssize_t ext2_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct inode *inode = file_inode(file);
	struct super_block *sb = inode->i_sb;
	unsigned long bs = sb->s_blocksize;
	loff_t alloc_end = 0;
	ssize_t ret, written = 0;

	if (ext2_rdonly(sb))
		return -EROFS;
	inode_lock(inode);
	ret = generic_write_checks(iocb, from);
	if (ret <= 0)
		goto out;
	if ((inode->i_mode & (S_ISUID | S_ISGID)) && !capable(CAP_FSETID))
		inode->i_mode &= ~(S_ISUID | ((inode->i_mode & S_IXGRP) ? S_ISGID : 0));
	while (iov_iter_count(from)) {
		size_t left = iov_iter_count(from);
		size_t chunk = min_t(size_t, left, EXT2_WRITE_CHUNK - iocb->ki_pos % EXT2_WRITE_CHUNK);
		size_t want = chunk;

		ret = ext2_alloc_range(inode, iocb->ki_pos, &chunk);
		if (ret)
			break;
		alloc_end = iocb->ki_pos + chunk;
		iov_iter_truncate(from, chunk);
		ret = generic_perform_write(iocb, from);
		iov_iter_reexpand(from, iov_iter_count(from) + left - chunk);
		if (ret <= 0)
			break;
		written += ret;
		if ((size_t)ret < chunk || chunk < want || fatal_signal_pending(current))
			break;
	}
	/*
	 * A short copy (a fault in the user's buffer, a fatal signal) leaves
	 * blocks allocated past the end of the file: give them back, so
	 * that nothing but the file's data holds disk space.
	 */
	if (DIV_ROUND_UP(alloc_end, bs) > DIV_ROUND_UP(inode->i_size, bs)) {
		truncate_pagecache(inode, inode->i_size);
		ext2_truncate_blocks(inode, inode->i_size);
	}
	if (written) {
		ret = written;
		inode->i_mtime = inode->i_ctime = current_time(inode);
		ext2_write_inode(inode);
	}
out:
	inode_unlock(inode);
	if (ret > 0 && (is_sync_flags(file->f_flags) || (file->f_flags & O_DIRECT) ||
			(iocb->ki_flags & 0))) {
		int err = file->f_op->fsync(file, iocb->ki_pos - ret, iocb->ki_pos - 1, 0);

		if (err)
			ret = err;
	}
	return ret;
}

int ext2_fsync(struct file *file, loff_t start, loff_t end, int datasync);

int ext2_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	struct inode *inode = file_inode(file);
	struct super_block *sb = inode->i_sb;
	int err, err2;

	if (ext2_rdonly(sb))
		return 0;
	err = filemap_write_and_wait_range(inode->i_mapping, start, end);
	err2 = sync_blockdev(sb->s_bdev);
	if (!err)
		err = err2;
	err2 = blkdev_issue_flush(sb->s_bdev);
	return err ? err : err2;
}

const struct file_operations ext2_file_operations = {
	.llseek		= generic_file_llseek,
	.read_iter	= generic_file_read_iter,
	.write_iter	= ext2_file_write_iter,
	.mmap		= generic_file_mmap,
	.fsync		= ext2_fsync,
};

const struct inode_operations ext2_file_inode_operations = {
	.setattr	= ext2_setattr,
	.getattr	= ext2_getattr,
	.listxattr	= ext2_listxattr,
};
