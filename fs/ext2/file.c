// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 regular files: reads are the generic page-cache ones (the pages
 * filled by ext2_readpage); a write first makes sure every block it
 * touches exists on disk (so writeback never has to allocate and an
 * ENOSPC is reported to the writer), then copies into the page cache.
 * fsync writes the file's pages, then the device's dirty blocks (the
 * inode and the bitmaps live there) and flushes the disk's cache.
 */
#include <linux/kernel.h>
#include <linux/blkdev.h>
#include <linux/cred.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/uio.h>
#include "ext2.h"

static ssize_t ext2_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct inode *inode = file_inode(file);
	struct super_block *sb = inode->i_sb;
	ssize_t ret;
	u64 first, last, b;

	if (ext2_rdonly(sb))
		return -EROFS;
	inode_lock(inode);
	ret = generic_write_checks(iocb, from);
	if (ret <= 0)
		goto out;
	first = iocb->ki_pos / sb->s_blocksize;
	last = (iocb->ki_pos + iov_iter_count(from) - 1) / sb->s_blocksize;
	for (b = first; b <= last; b++) {
		u64 phys;
		int err = ext2_get_block(inode, b, true, &phys);

		if (err) {
			/* Write what fits: the blocks before this one exist. */
			if (b == first) {
				ret = err;
				goto out;
			}
			iov_iter_truncate(from, b * sb->s_blocksize - iocb->ki_pos);
			break;
		}
	}
	if ((inode->i_mode & (S_ISUID | S_ISGID)) && !capable(CAP_FSETID))
		inode->i_mode &= ~(S_ISUID | ((inode->i_mode & S_IXGRP) ? S_ISGID : 0));
	ret = generic_perform_write(iocb, from);
	if (ret > 0) {
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
};
