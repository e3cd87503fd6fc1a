// SPDX-License-Identifier: GPL-2.0
/*
 * fadvise64: a program tells the kernel how it will use a range of a
 * file, so the page cache can prepare.  POSIX_FADV_WILLNEED reads the
 * range in now (force_page_cache_readahead), POSIX_FADV_DONTNEED drops
 * the range's clean, unmapped pages (invalidate_mapping_pages: tmpfs
 * pages are always dirty, so they stay), RANDOM marks the open file
 * FMODE_RANDOM (for a readahead that would read less), NORMAL and
 * SEQUENTIAL clear it, NOREUSE is only accepted.  None of it changes what a read returns: it is advice.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/pagemap.h>
#include <linux/syscalls.h>

#define POSIX_FADV_NORMAL	0
#define POSIX_FADV_RANDOM	1
#define POSIX_FADV_SEQUENTIAL	2
#define POSIX_FADV_WILLNEED	3
#define POSIX_FADV_DONTNEED	4
#define POSIX_FADV_NOREUSE	5

int vfs_fadvise(struct file *file, loff_t offset, loff_t len, int advice)
{
	struct inode *inode = file_inode(file);
	struct address_space *mapping = file->f_mapping;
	pgoff_t start, end;
	loff_t endbyte;

	if (S_ISFIFO(inode->i_mode))
		return -ESPIPE;
	if (!mapping || len < 0 || offset < 0)
		return -EINVAL;
	/* The last byte of the range; len 0 means "to the end of the file". */
	if (!len || check_add_overflow(offset, len - 1, &endbyte))
		endbyte = MAX_LFS_FILESIZE;
	switch (advice) {
	case POSIX_FADV_NORMAL:
	case POSIX_FADV_SEQUENTIAL:
		file->f_mode &= ~FMODE_RANDOM;
		break;
	case POSIX_FADV_RANDOM:
		file->f_mode |= FMODE_RANDOM;
		break;
	case POSIX_FADV_WILLNEED:
		start = offset >> PAGE_SHIFT;
		end = endbyte >> PAGE_SHIFT;
		force_page_cache_readahead(file, start, end - start + 1);
		break;
	case POSIX_FADV_NOREUSE:
		break;
	case POSIX_FADV_DONTNEED:
		/* Only whole pages: a partial page at either end may still be wanted. */
		start = DIV_ROUND_UP(offset, PAGE_SIZE);
		if (endbyte == MAX_LFS_FILESIZE) {
			end = (pgoff_t)-1;
		} else {
			end = (endbyte + 1) >> PAGE_SHIFT;
			if (!end)
				break;
			end--;
		}
		if (end >= start)
			invalidate_mapping_pages(mapping, start, end);
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

SYSCALL_DEFINE4(fadvise64, int, fd, loff_t, offset, size_t, len, int, advice)
{
	struct file *f = fget(fd);
	int ret;

	if (!f)
		return -EBADF;
	ret = vfs_fadvise(f, offset, (loff_t)len, advice);
	fput(f);
	return ret;
}
