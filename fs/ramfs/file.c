// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs regular files: contents in whole pages from the page allocator,
 * one slot per page of the file.  Writing past the end grows the slot
 * array; a page is allocated only when something is written into it, so
 * a sparse file costs only its written pages and its holes read as
 * zeros.  Truncation frees the pages past the new end and zeroes the
 * tail of the last one, so growing the file again shows zeros there.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/vmstat.h>
#include "tmpfs.h"

atomic_long_t shmem_nr_pages;

static int shmem_grow_slots(struct shmem_inode_info *info, unsigned long index)
{
	unsigned long n = max(info->nr_slots * 2, 16UL);
	struct page **p;

	if (index < info->nr_slots)
		return 0;
	while (n <= index)
		n *= 2;
	p = krealloc(info->pages, n * sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOSPC;
	memset(p + info->nr_slots, 0, (n - info->nr_slots) * sizeof(*p));
	info->pages = p;
	info->nr_slots = n;
	return 0;
}

static void *shmem_get_page(struct inode *inode, unsigned long index)
{
	struct shmem_inode_info *info = SHMEM_I(inode);
	struct page *page;

	if (shmem_grow_slots(info, index))
		return NULL;
	if (!info->pages[index]) {
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!page)
			return NULL;
		info->pages[index] = page;
		inode->i_blocks += PAGE_SIZE / 512;
		atomic_long_inc(&shmem_nr_pages);
		shmem_page_stat(page, 1);
	}
	return page_address(info->pages[index]);
}

static ssize_t shmem_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	struct shmem_inode_info *info = SHMEM_I(inode);
	loff_t pos = iocb->ki_pos;
	ssize_t done = 0;

	inode_lock(inode);
	while (iov_iter_count(to) && pos < inode->i_size) {
		unsigned long index = pos >> PAGE_SHIFT, offset = pos & (PAGE_SIZE - 1);
		size_t n = min_t(loff_t, PAGE_SIZE - offset, inode->i_size - pos), got;

		n = min(n, iov_iter_count(to));
		if (index < info->nr_slots && info->pages[index])
			got = copy_to_iter((char *)page_address(info->pages[index]) + offset, n, to);
		else
			got = iov_iter_zero(n, to);
		done += got;
		pos += got;
		if (got < n) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	inode->i_atime = current_time(inode);
	inode_unlock(inode);
	if (done > 0)
		iocb->ki_pos = pos;
	return done;
}

/* A write by someone without CAP_FSETID drops set-user-ID and set-group-ID. */
static void file_remove_privs(struct inode *inode)
{
	umode_t kill = 0;

	if (inode->i_mode & S_ISUID)
		kill |= S_ISUID;
	if ((inode->i_mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		kill |= S_ISGID;
	if (kill && !capable(CAP_FSETID))
		inode->i_mode &= ~kill;
}

static ssize_t shmem_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t done = 0;
	loff_t pos;

	inode_lock(inode);
	pos = (iocb->ki_flags & IOCB_APPEND) ? inode->i_size : iocb->ki_pos;
	if (pos >= inode->i_sb->s_maxbytes) {
		inode_unlock(inode);
		return iov_iter_count(from) ? -EFBIG : 0;
	}
	if (iov_iter_count(from))
		file_remove_privs(inode);
	while (iov_iter_count(from)) {
		unsigned long index = pos >> PAGE_SHIFT, offset = pos & (PAGE_SIZE - 1);
		size_t n = min_t(size_t, PAGE_SIZE - offset, iov_iter_count(from)), got;
		char *kaddr = shmem_get_page(inode, index);

		if (!kaddr) {
			if (!done)
				done = -ENOSPC;
			break;
		}
		got = copy_from_iter(kaddr + offset, n, from);
		done += got;
		pos += got;
		if (pos > inode->i_size)
			inode->i_size = pos;
		if (got < n) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	if (done > 0) {
		inode->i_mtime = inode->i_ctime = current_time(inode);
		iocb->ki_pos = pos;
	}
	inode_unlock(inode);
	return done;
}

/* Called with i_mutex held: drop the pages at and after @newsize, zero the partial tail. */
void shmem_truncate_pages(struct inode *inode, loff_t newsize)
{
	struct shmem_inode_info *info = SHMEM_I(inode);
	unsigned long first = (newsize + PAGE_SIZE - 1) >> PAGE_SHIFT, i;
	unsigned long partial = newsize & (PAGE_SIZE - 1);

	for (i = first; i < info->nr_slots; i++) {
		if (info->pages[i]) {
			shmem_page_stat(info->pages[i], -1);
			__free_page(info->pages[i]);
			info->pages[i] = NULL;
			inode->i_blocks -= PAGE_SIZE / 512;
			atomic_long_dec(&shmem_nr_pages);
		}
	}
	if (partial && first - 1 < info->nr_slots && info->pages[first - 1])
		memset((char *)page_address(info->pages[first - 1]) + partial, 0,
		       PAGE_SIZE - partial);
}

static int shmem_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);

	if ((attr->ia_valid & ATTR_SIZE) && S_ISREG(inode->i_mode)) {
		if (attr->ia_size > inode->i_sb->s_maxbytes)
			return -EFBIG;
		if (attr->ia_size < inode->i_size)
			shmem_truncate_pages(inode, attr->ia_size);
		if (attr->ia_size != inode->i_size)
			inode->i_mtime = inode->i_ctime = current_time(inode);
		inode->i_size = attr->ia_size;
	}
	setattr_copy(inode, attr);
	return 0;
}

const struct file_operations shmem_file_operations = {
	.llseek		= generic_file_llseek,
	.read_iter	= shmem_file_read_iter,
	.write_iter	= shmem_file_write_iter,
	.fsync		= noop_fsync,
};

const struct inode_operations shmem_file_inode_operations = {
	.setattr	= shmem_setattr,
	.getattr	= simple_getattr,
};
