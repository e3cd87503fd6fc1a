// SPDX-License-Identifier: GPL-2.0
/*
 * sync, fsync, fdatasync.  Every filesystem so far keeps its data in
 * memory only, so there is nothing to write back: the calls check their
 * descriptor and ask the file's ->fsync, which for tmpfs succeeds.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
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
