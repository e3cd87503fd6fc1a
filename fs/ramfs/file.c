// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs regular files: the contents are the file's page cache
 * (mm/filemap.c) and nothing else.  read() and write() are the generic
 * page-cache ones, mmap maps the cached pages themselves, and a page
 * exists only where something was written or mapped writable: a sparse
 * file costs memory in proportion to its data (the cache is an xarray),
 * and its holes read as zeros.  Truncation drops the pages past the new
 * end, after unmapping them from every process (truncate_setsize).
 *
 * Seals (memfd_create's F_ADD_SEALS, mm/memfd.c) are checked here, where
 * the size or the contents would change.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/pagemap.h>
#include <linux/sched/signal.h>
#include <linux/uio.h>
#include <uapi/linux/falloc.h>
#include "tmpfs.h"

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

/* Seals first (EPERM), then the generic limits.  i_mutex held. */
static ssize_t shmem_write_checks(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	unsigned int seals = SHMEM_I(inode)->seals;
	loff_t pos = (iocb->ki_flags & IOCB_APPEND) ? inode->i_size : iocb->ki_pos;

	if (!iov_iter_count(from))
		return 0;
	if (seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE))
		return -EPERM;
	/* Growing is refused; a write across the end stops at it. */
	if ((seals & F_SEAL_GROW) && pos + (loff_t)iov_iter_count(from) > inode->i_size) {
		if (pos >= inode->i_size)
			return -EPERM;
		iov_iter_truncate(from, inode->i_size - pos);
	}
	return generic_write_checks(iocb, from);
}

static ssize_t shmem_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	inode_lock(inode);
	ret = shmem_write_checks(iocb, from);
	if (ret > 0) {
		file_remove_privs(inode);
		ret = generic_perform_write(iocb, from);
		if (ret > 0)
			inode->i_mtime = inode->i_ctime = current_time(inode);
	}
	inode_unlock(inode);
	return ret;
}

static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned int seals = SHMEM_I(file_inode(file))->seals;

	if ((seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)) && (vma->vm_flags & VM_SHARED)) {
		if (vma->vm_flags & VM_WRITE)
			return -EPERM;
		/* Nor may mprotect make it writable later. */
		vma->vm_flags &= ~VM_MAYWRITE;
	}
	return generic_file_mmap(file, vma);
}

static int shmem_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);

	if ((attr->ia_valid & ATTR_SIZE) && S_ISREG(inode->i_mode)) {
		loff_t newsize = attr->ia_size, oldsize = inode->i_size;
		unsigned int seals = SHMEM_I(inode)->seals;

		int err = inode_newsize_ok(inode, newsize);

		if (err)
			return err;
		if ((newsize < oldsize && (seals & F_SEAL_SHRINK)) ||
		    (newsize > oldsize && (seals & F_SEAL_GROW)))
			return -EPERM;
		if (newsize != oldsize) {
			truncate_setsize(inode, newsize);
			inode->i_mtime = inode->i_ctime = current_time(inode);
		}
	}
	setattr_copy(inode, attr);
	return 0;
}

/*
 * fallocate on tmpfs: allocating is putting zeroed pages in the cache
 * (already-present pages keep their data), so later writes and faults
 * cannot run out of memory; without FALLOC_FL_KEEP_SIZE the file grows
 * to cover the range.  FALLOC_FL_PUNCH_HOLE drops the pages wholly inside
 * the range and zeroes the partial ones at its ends, after unmapping
 * them from every process, as truncate does.  Other modes are for
 * filesystems with extents.
 */
static long shmem_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);
	struct address_space *mapping = inode->i_mapping;
	unsigned int seals;
	loff_t end = offset + len, hole_start, hole_end;
	pgoff_t index;
	long err = 0;

	if (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE))
		return -EOPNOTSUPP;
	inode_lock(inode);
	seals = SHMEM_I(inode)->seals;
	if (mode & FALLOC_FL_PUNCH_HOLE) {
		err = -EPERM;
		if (seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE))
			goto out;
		/* Whole pages leave every mapping; partial ones only zero. */
		hole_start = ALIGN(offset, PAGE_SIZE);
		hole_end = end & ~(loff_t)(PAGE_SIZE - 1);
		if (hole_end > hole_start)
			unmap_mapping_range(mapping, hole_start, hole_end - hole_start, 1);
		truncate_inode_pages_range(mapping, offset, end - 1);
		err = 0;
		goto changed;
	}
	err = -EPERM;
	if ((seals & F_SEAL_GROW) && end > inode->i_size && !(mode & FALLOC_FL_KEEP_SIZE))
		goto out;
	err = inode_newsize_ok(inode, end);
	if (err)
		goto out;
	for (index = offset >> PAGE_SHIFT; index <= (pgoff_t)((end - 1) >> PAGE_SHIFT); index++) {
		bool created;
		struct page *page;

		if (fatal_signal_pending(current)) {
			err = -EINTR;
			goto out;
		}
		page = find_or_create_page(mapping, index, GFP_HIGHUSER_MOVABLE, &created);
		if (!page) {
			err = -ENOSPC;
			goto out;
		}
		if (created) {
			SetPageUptodate(page);
			set_page_dirty(page);
		}
		unlock_page(page);
		put_page(page);
	}
	if (!(mode & FALLOC_FL_KEEP_SIZE) && end > inode->i_size)
		i_size_write(inode, end);
changed:
	inode->i_ctime = current_time(inode);
	if (mode & FALLOC_FL_PUNCH_HOLE)
		inode->i_mtime = inode->i_ctime;
out:
	inode_unlock(inode);
	return err;
}

/* st_blocks counts the pages the file holds, not its size. */
static int shmem_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
			 unsigned int flags)
{
	struct inode *inode = d_inode(path->dentry);

	inode->i_blocks = inode->i_mapping->nrpages << (PAGE_SHIFT - 9);
	return simple_getattr(path, stat, request_mask, flags);
}

/*
 * SEEK_DATA and SEEK_HOLE see tmpfs's sparseness: a page in the cache is
 * data (even if it holds zeros), a missing one is a hole, as on Linux.
 * The end of the file is a hole too; past it is ENXIO.
 */
static loff_t shmem_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);
	struct address_space *mapping = inode->i_mapping;
	unsigned long index;
	loff_t size, pos;
	struct page *page;

	if (whence != SEEK_DATA && whence != SEEK_HOLE)
		return generic_file_llseek(file, offset, whence);
	inode_lock(inode);
	size = i_size_read(inode);
	pos = -ENXIO;
	if (offset < 0 || offset >= size)
		goto out;
	index = offset >> PAGE_SHIFT;
	spin_lock(&mapping->i_pages_lock);
	if (whence == SEEK_DATA) {
		page = xa_find(&mapping->i_pages, &index, ULONG_MAX);
		pos = page ? max_t(loff_t, offset, (loff_t)index << PAGE_SHIFT) : size;
		if (pos >= size)
			pos = -ENXIO;
	} else {
		while (xa_load(&mapping->i_pages, index))
			index++;
		pos = min_t(loff_t, max_t(loff_t, offset, (loff_t)index << PAGE_SHIFT), size);
	}
	spin_unlock(&mapping->i_pages_lock);
	if (pos >= 0)
		file->f_pos = pos;
out:
	inode_unlock(inode);
	return pos;
}

const struct file_operations shmem_file_operations = {
	.llseek		= shmem_file_llseek,
	.read_iter	= generic_file_read_iter,
	.write_iter	= shmem_file_write_iter,
	.mmap		= shmem_mmap,
	.fsync		= noop_fsync,
	.fallocate	= shmem_fallocate,
};

const struct inode_operations shmem_file_inode_operations = {
	.setattr	= shmem_setattr,
	.getattr	= shmem_getattr,
	.listxattr	= shmem_listxattr,
};

/* No backing store: a page that is not in the cache is a hole. */
const struct address_space_operations shmem_aops = {
	.readpage	= NULL,
};
