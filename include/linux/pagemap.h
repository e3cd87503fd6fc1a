/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page cache: the pages of a file's contents, found by
 * (address_space, page index).  read(), write() and every mapping of
 * the file go through the same pages, so they see the same bytes at
 * once (mm/filemap.c).  Removing pages: mm/truncate.c.
 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/uio.h>

void address_space_init_once(struct address_space *mapping, struct inode *host);

/* The page at @index with a reference for the caller, or NULL. */
struct page *find_get_page(struct address_space *mapping, pgoff_t index);
/* The same, locked. */
struct page *find_lock_page(struct address_space *mapping, pgoff_t index);
/*
 * The page at @index, locked and referenced; a missing one is added as
 * a zeroed page (not uptodate unless the caller says so).  NULL: no memory.
 * *@created says which, if not NULL.
 */
struct page *find_or_create_page(struct address_space *mapping, pgoff_t index,
				 gfp_t gfp, bool *created);
/* Insert a new locked @page; -EEXIST if the slot is taken, -ENOMEM. */
int add_to_page_cache(struct page *page, struct address_space *mapping,
		      pgoff_t index, gfp_t gfp);
/* Take a locked page out of its cache (and drop the cache's reference). */
void delete_from_page_cache(struct page *page);

void lock_page(struct page *page);
void unlock_page(struct page *page);
bool set_page_dirty(struct page *page);

/* mm/page-writeback.c: writing dirty pages of files with a backing store. */
void mapping_mark_dirty(struct address_space *mapping);
void mapping_wb_list_del(struct address_space *mapping);
int write_one_page(struct page *page);
int filemap_fdatawrite_range(struct address_space *mapping, loff_t start, loff_t end);
int filemap_write_and_wait_range(struct address_space *mapping, loff_t start, loff_t end);
int filemap_write_and_wait(struct address_space *mapping);
/* sync(2): every dirty page of every file, then each filesystem's sync_fs. */
void writeback_all(void);

/* read_iter and write_iter for files whose contents live in the page cache. */
ssize_t filemap_read(struct kiocb *iocb, struct iov_iter *to, ssize_t already_read);
ssize_t generic_file_read_iter(struct kiocb *iocb, struct iov_iter *to);
ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *from);
ssize_t generic_write_checks(struct kiocb *iocb, struct iov_iter *from);
int inode_newsize_ok(const struct inode *inode, loff_t offset);

/* Mappings: the fault handler and the file_operations.mmap that installs it. */
unsigned int filemap_fault(struct vm_fault *vmf);
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
int generic_file_readonly_mmap(struct file *file, struct vm_area_struct *vma);
extern const struct vm_operations_struct generic_file_vm_ops;
/* MADV_WILLNEED: bring [index, index + nr) into the cache now. */
void force_page_cache_readahead(struct file *file, pgoff_t index, unsigned long nr);

/* mm/truncate.c */
void truncate_inode_pages_range(struct address_space *mapping, loff_t lstart, loff_t lend);
void truncate_inode_pages(struct address_space *mapping, loff_t lstart);
void truncate_inode_pages_final(struct address_space *mapping);
void truncate_pagecache(struct inode *inode, loff_t newsize);
void truncate_setsize(struct inode *inode, loff_t newsize);
/* Zap every PTE mapping file bytes [start, start + len) (len 0: to the end). */
void unmap_mapping_range(struct address_space *mapping, loff_t start, loff_t len,
			 int even_cows);
/* Drop clean, unmapped cache pages of a file with a backing store. */
unsigned long invalidate_mapping_pages(struct address_space *mapping, pgoff_t start,
				       pgoff_t end);

/* mm/mmap.c: the VMAs mapping a file */
void vma_link_file(struct vm_area_struct *vma);
void vma_unlink_file(struct vm_area_struct *vma);

static inline loff_t page_offset(const struct page *page)
{
	return (loff_t)page->index << PAGE_SHIFT;
}

#endif /* _LINUX_PAGEMAP_H */
