// SPDX-License-Identifier: GPL-2.0
/*
 * Taking pages out of the page cache: truncate (a file shrinks), evict
 * (its inode dies), and the unmapping that must come first.
 *
 * A page still mapped by some process cannot simply leave the cache: the
 * process would keep reading a page that is no longer the file's.  So
 * truncate_pagecache first zaps every PTE that maps the file beyond the
 * new end (unmap_mapping_range, over mapping->i_mmap), private COW
 * copies included, then drops the pages; an access there afterwards is
 * a fault past EOF, SIGBUS.  The page that straddles the new end stays,
 * with its tail zeroed, so growing the file again shows zeros.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/pagemap.h>
#include <linux/string.h>
#include <asm/tlbflush.h>
#include "vma_internal.h"

/* Zero [from, to) of the cached page at @index, if there is one. */
static void zero_partial_page(struct address_space *mapping, pgoff_t index,
			      size_t from, size_t to)
{
	struct page *page = find_lock_page(mapping, index);

	if (!page)
		return;
	memset((char *)page_address(page) + from, 0, to - from);
	unlock_page(page);
	put_page(page);
}

/*
 * Drop the cached pages holding bytes [lstart, lend] (lend inclusive),
 * zeroing the parts of pages only partly inside.  Mapped pages must have
 * been unmapped already.
 */
void truncate_inode_pages_range(struct address_space *mapping, loff_t lstart, loff_t lend)
{
	u64 lend1 = (u64)lend + 1;	/* lend may be MAX_LFS_FILESIZE */
	pgoff_t start = DIV_ROUND_UP(lstart, PAGE_SIZE);
	pgoff_t end = lend1 >> PAGE_SHIFT;		/* first page not wholly inside */
	size_t partial_start = lstart & (PAGE_SIZE - 1);
	size_t partial_end = lend1 & (PAGE_SIZE - 1);
	unsigned long index = start;
	struct page *page;

	if (lend < lstart || !mapping->nrpages)
		return;
	if (partial_start) {
		size_t to = PAGE_SIZE;

		if ((lstart >> PAGE_SHIFT) == (lend >> PAGE_SHIFT))
			to = partial_end ? partial_end : PAGE_SIZE;
		zero_partial_page(mapping, lstart >> PAGE_SHIFT, partial_start, to);
	}
	if (partial_end && end >= start && (lstart >> PAGE_SHIFT) != (lend >> PAGE_SHIFT))
		zero_partial_page(mapping, end, 0, partial_end);
	if (end <= start)
		return;
	for (;;) {
		spin_lock(&mapping->i_pages_lock);
		page = xa_find(&mapping->i_pages, &index, end - 1);
		if (page)
			get_page(page);
		spin_unlock(&mapping->i_pages_lock);
		if (!page)
			break;
		lock_page(page);
		if (page->mapping == mapping)
			delete_from_page_cache(page);
		unlock_page(page);
		put_page(page);
		index++;
		if (!index || index >= end)
			break;
	}
}

void truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	truncate_inode_pages_range(mapping, lstart, MAX_LFS_FILESIZE);
}

/* The inode is going away: nothing maps it any more; drop every page. */
void truncate_inode_pages_final(struct address_space *mapping)
{
	mapping_wb_list_del(mapping);
	truncate_inode_pages(mapping, 0);
	xa_destroy(&mapping->i_pages);
}

void truncate_pagecache(struct inode *inode, loff_t newsize)
{
	struct address_space *mapping = inode->i_mapping;
	loff_t holebegin = ALIGN(newsize, PAGE_SIZE);

	/*
	 * Unmap before and after dropping the pages: a fault between the
	 * two may have mapped one again (it found the old page in the cache).
	 */
	unmap_mapping_range(mapping, holebegin, 0, 1);
	truncate_inode_pages(mapping, newsize);
	unmap_mapping_range(mapping, holebegin, 0, 1);
}

/* Set a new size; on shrinking, the cache beyond it goes.  i_mutex held. */
void truncate_setsize(struct inode *inode, loff_t newsize)
{
	loff_t oldsize = inode->i_size;

	i_size_write(inode, newsize);
	if (newsize < oldsize)
		truncate_pagecache(inode, newsize);
}

void unmap_mapping_range(struct address_space *mapping, loff_t start, loff_t len,
			 int even_cows)
{
	pgoff_t first = start >> PAGE_SHIFT;
	pgoff_t last = len ? (pgoff_t)((start + len - 1) >> PAGE_SHIFT) : ~0UL;
	struct vm_area_struct *vma;

	mutex_lock(&mapping->i_mmap_lock);
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		pgoff_t vfirst = vma->vm_pgoff;
		pgoff_t vlast = vfirst + ((vma->vm_end - vma->vm_start) >> PAGE_SHIFT) - 1;
		unsigned long from, to;

		if (vlast < first || vfirst > last)
			continue;
		from = vma->vm_start + ((max(first, vfirst) - vfirst) << PAGE_SHIFT);
		to = vma->vm_start + ((min(last, vlast) - vfirst + 1) << PAGE_SHIFT);
		zap_mapping_pages(vma, from, to - from,
				  even_cows || (vma->vm_flags & VM_SHARED) ? NULL : mapping);
		flush_tlb_mm_range(vma->vm_mm, from, to);
	}
	mutex_unlock(&mapping->i_mmap_lock);
}

/*
 * Files with a backing store could drop their clean, unmapped pages
 * here (msync MS_INVALIDATE, reclaim).  tmpfs pages are the only copy
 * of the data: they stay.
 */
unsigned long invalidate_mapping_pages(struct address_space *mapping, pgoff_t start,
				       pgoff_t end)
{
	unsigned long index = start, count = 0;
	struct page *page;

	if (!mapping->a_ops || !mapping->a_ops->readpage)
		return 0;
	for (;;) {
		spin_lock(&mapping->i_pages_lock);
		page = xa_find(&mapping->i_pages, &index, end);
		if (page)
			get_page(page);
		spin_unlock(&mapping->i_pages_lock);
		if (!page)
			break;
		lock_page(page);
		/* Ours, the cache's and no PTE's: nobody else holds it. */
		if (page->mapping == mapping && !PageDirty(page) && page_count(page) == 2) {
			delete_from_page_cache(page);
			count++;
		}
		unlock_page(page);
		put_page(page);
		if (index++ >= end || !index)
			break;
	}
	return count;
}
