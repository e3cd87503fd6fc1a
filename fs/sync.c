// SPDX-License-Identifier: GPL-2.0
/*
 * sync, fsync, fdatasync, syncfs, sync_file_range.  Every filesystem so
 * far keeps its data in memory only, so there is nothing to write back:
 * the calls check their descriptor and ask the file's ->fsync, which for
 * tmpfs succeeds.  A disk filesystem's data will go out through its
 * address_space_operations (writepages), called from here.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/overflow.h>
#include <linux/syscalls.h>

static int do_fsync(unsigned int fd, int datasync)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = (f->f_op && f->f_op->fsync) ? f->f_op->fsync(f, 0, MAX_LFS_FILESIZE, datasync)
					  : -EINVAL;
	fput(f);
	return err;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd, 0);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd, 1);
}

SYSCALL_DEFINE0(sync)
{
	writeback_all();	/* mm/page-writeback.c */
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

#define SYNC_FILE_RANGE_WAIT_BEFORE	1
#define SYNC_FILE_RANGE_WRITE		2
#define SYNC_FILE_RANGE_WAIT_AFTER	4
#define VALID_SYNC_FILE_RANGE_FLAGS	(SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | \
					 SYNC_FILE_RANGE_WAIT_AFTER)

/*
 * sync_file_range: start (SYNC_FILE_RANGE_WRITE) and wait for (the WAIT
 * flags) the writeback of bytes [offset, offset + nbytes) only, without
 * the metadata fsync would also write.  nbytes 0 means "to the end".
 * It applies to files with a page cache: anything else (pipes, sockets,
 * character devices) is ESPIPE.  With no backing store the range is
 * already as written as it will ever be.
 */
SYSCALL_DEFINE4(sync_file_range, int, fd, loff_t, offset, loff_t, nbytes, unsigned int, flags)
{
	struct file *f = fget(fd);
	umode_t mode;
	loff_t endbyte;
	int ret = -EINVAL;

	if (!f)
		return -EBADF;
	if (flags & ~VALID_SYNC_FILE_RANGE_FLAGS)
		goto out;
	if (offset < 0 || nbytes < 0 || check_add_overflow(offset, nbytes, &endbyte))
		goto out;
	mode = file_inode(f)->i_mode;
	ret = -ESPIPE;
	if (!S_ISREG(mode) && !S_ISBLK(mode) && !S_ISDIR(mode) && !S_ISLNK(mode))
		goto out;
	ret = 0;
out:
	fput(f);
	return ret;
}
