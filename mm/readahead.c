// SPDX-License-Identifier: GPL-2.0
/*
 * readahead(2): bring a range of a file into the page cache before it is
 * read, the same work as fadvise's POSIX_FADV_WILLNEED, for regular files
 * opened for reading only.  A file without a backing store (tmpfs) has
 * nothing to read in; the call still checks its arguments.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE3(readahead, int, fd, loff_t, offset, size_t, count)
{
	struct file *f = fget(fd);
	int ret = -EBADF;

	if (!f)
		return -EBADF;
	if (!(f->f_mode & FMODE_READ))
		goto out;
	ret = -EINVAL;
	if (!f->f_mapping || !f->f_mapping->a_ops || !S_ISREG(file_inode(f)->i_mode))
		goto out;
	ret = vfs_fadvise(f, offset, (loff_t)count, 3 /* POSIX_FADV_WILLNEED */);
out:
	fput(f);
	return ret;
}
