// SPDX-License-Identifier: GPL-2.0
/*
 * mincore: which pages of a range are in memory.  A page is resident if
 * a PTE maps it, or, in a file area, if the file's page cache holds it
 * (a page another process brought in, or one written with write(), is
 * resident here before this process touches it).  Anonymous memory
 * never touched is not.  One byte per page, bit 0 set if resident.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/mmap_lock.h>
#include "vma_internal.h"

static unsigned char mincore_page(struct address_space *mapping, pgoff_t index)
{
	struct page *page = find_get_page(mapping, index);
	unsigned char present = 0;

	if (page) {
		present = PageUptodate(page);
		put_page(page);
	}
	return present;
}

/*
 * Fill @vec for up to @pages pages from @addr, within one area.
 * Returns the pages done, or -ENOMEM if @addr is not mapped.
 */
static long do_mincore(unsigned long addr, unsigned long pages, unsigned char *vec)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end, i, nr;

	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma || addr < vma->vm_start) {
		mmap_read_unlock(mm);
		return -ENOMEM;
	}
	end = min(vma->vm_end, addr + (pages << PAGE_SHIFT));
	nr = (end - addr) >> PAGE_SHIFT;
	for (i = 0; i < nr; i++) {
		unsigned long a = addr + (i << PAGE_SHIFT);
		pte_t *pte = walk_existing(mm, a);

		if (pte && pte_present(*pte)) {
			vec[i] = 1;
		} else if (pte && is_swap_pte(*pte)) {
			/* Swapped out: resident only if still in the swap cache. */
			struct page *page = lookup_swap_cache(pte_to_swp_entry(*pte));

			vec[i] = page && PageUptodate(page);
			if (page)
				put_page(page);
		} else if (vma->vm_file)
			vec[i] = mincore_page(vma->vm_file->f_mapping,
					      vma->vm_pgoff + ((a - vma->vm_start) >> PAGE_SHIFT));
		else
			vec[i] = 0;
	}
	mmap_read_unlock(mm);
	return nr;
}

SYSCALL_DEFINE3(mincore, unsigned long, start, size_t, len, unsigned char __user *, vec)
{
	unsigned long pages;
	unsigned char *tmp;
	long retval = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!access_ok((void __user *)start, len))
		return -ENOMEM;
	pages = (len >> PAGE_SHIFT) + ((len & ~PAGE_MASK) != 0);
	if (!access_ok(vec, pages))
		return -EFAULT;
	tmp = (unsigned char *)__get_free_page(GFP_KERNEL);
	if (!tmp)
		return -EAGAIN;
	while (pages) {
		/* A page of results at a time: copied out without mmap_lock. */
		retval = do_mincore(start, min(pages, PAGE_SIZE), tmp);
		if (retval <= 0)
			break;
		if (copy_to_user(vec, tmp, retval)) {
			retval = -EFAULT;
			break;
		}
		pages -= retval;
		vec += retval;
		start += retval << PAGE_SHIFT;
		retval = 0;
	}
	free_page((unsigned long)tmp);
	return retval;
}
