// SPDX-License-Identifier: GPL-2.0
/*
 * Pinning user pages: take a reference on each page behind a range of
 * the caller's address space, faulting in what is missing the way the
 * program's own access would (a write breaks copy-on-write first), so a
 * driver can keep the pages and reach them through the kernel's mapping
 * long after the system call returned (io_uring's registered buffers).
 * The reference keeps the page from being freed; the range stays the
 * program's to use as before.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mmap_lock.h>
#include <linux/pagemap.h>
#include <linux/sched.h>

/* One page at @addr with a reference, or NULL if the area does not allow it. */
static struct page *pin_one(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	int tries;

	if (!vma || vma->vm_start > addr || !(vma->vm_flags & (write ? VM_WRITE : VM_READ)))
		return NULL;
	for (tries = 0; tries < 2; tries++) {
		pte_t *pte = walk_existing(mm, addr);

		if (pte && pte_present(*pte) && (!write || pte_write(*pte)) &&
		    pfn_valid(pte_pfn(*pte))) {
			struct page *page = pfn_to_page(pte_pfn(*pte));

			get_page(page);
			return page;
		}
		/* For a write, the fault also replaces the shared zero page or a COW copy. */
		if (handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0) & VM_FAULT_ERROR)
			return NULL;
	}
	return NULL;
}

/*
 * Pin @nr_pages pages from page-aligned @start of current's address space
 * into @pages.  Returns @nr_pages, or a negative errno with nothing held.
 */
long pin_user_pages(unsigned long start, unsigned long nr_pages, bool write,
		    struct page **pages)
{
	struct mm_struct *mm = current->mm;
	unsigned long i;

	if (!mm)
		return -EFAULT;
	mmap_write_lock(mm);
	for (i = 0; i < nr_pages; i++) {
		pages[i] = pin_one(mm, start + i * PAGE_SIZE, write);
		if (!pages[i])
			break;
	}
	mmap_write_unlock(mm);
	if (i == nr_pages)
		return nr_pages;
	unpin_user_pages(pages, i);
	return -EFAULT;
}

void unpin_user_pages(struct page **pages, unsigned long nr_pages)
{
	unsigned long i;

	for (i = 0; i < nr_pages; i++)
		put_page(pages[i]);
}
