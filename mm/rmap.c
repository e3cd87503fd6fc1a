// SPDX-License-Identifier: GPL-2.0
/*
 * The reverse map: which PTEs map a given page.
 *
 * A page-cache page needs no extra bookkeeping for this: its
 * address_space lists every area that maps the file (i_mmap), and an
 * area covering the page's file offset can map it at exactly one
 * address, vm_start + (index - vm_pgoff) pages.  Walking i_mmap and
 * checking that one PTE in each area finds every mapping -- or a private
 * copy made by a write, which is not this page and is skipped.
 *
 * Anonymous pages would need Linux's anon_vma (a list of the areas a
 * page may be mapped in since fork); Lantern does not have it yet, and
 * reclaim does not evict anonymous pages until there is swap to put
 * them in, so they are aged by PG_referenced alone.
 *
 * Locking: i_mmap_lock keeps the areas on i_mmap.  Reclaim may run
 * inside an allocation made with that lock (or a page table's owner's
 * mmap_lock) held, so it only ever try-locks it and treats a busy lock
 * as "in use": the page is kept, never waited for.  The kernel is not
 * preemptible, so nothing frees a page table during the walk.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/rmap.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include "internal.h"

/* The address of @page in @vma, or 0 if the area does not cover its offset. */
static unsigned long vma_address(struct page *page, struct vm_area_struct *vma)
{
	pgoff_t first = vma->vm_pgoff;
	pgoff_t last = first + ((vma->vm_end - vma->vm_start) >> PAGE_SHIFT) - 1;

	if (page->index < first || page->index > last)
		return 0;
	return vma->vm_start + ((page->index - first) << PAGE_SHIFT);
}

/* The PTE in @vma that maps @page itself, or NULL. */
static pte_t *page_vma_pte(struct page *page, struct vm_area_struct *vma,
			   unsigned long *addrp)
{
	unsigned long addr = vma_address(page, vma);
	pte_t *pte;

	if (!addr)
		return NULL;
	pte = walk_existing(vma->vm_mm, addr);
	if (!pte || !pte_present(*pte) || pte_pfn(*pte) != page_to_pfn(page))
		return NULL;
	*addrp = addr;
	return pte;
}

int page_referenced(struct page *page, unsigned long *vm_flags)
{
	struct address_space *mapping = page->mapping;
	struct vm_area_struct *vma;
	int referenced = 0;

	*vm_flags = 0;
	if (!mapping || PageSwapBacked(page) || !page_mapped(page))
		return 0;
	if (!mutex_trylock(&mapping->i_mmap_lock))
		return 1;
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		unsigned long addr;
		pte_t *pte = page_vma_pte(page, vma, &addr);

		if (!pte)
			continue;
		/* mlocked: always "in use", so reclaim never picks it. */
		if (vma->vm_flags & VM_LOCKED) {
			referenced++;
			*vm_flags |= vma->vm_flags;
			continue;
		}
		if (pte_young(*pte)) {
			/* Clear it so the next scan sees only uses made after this one. */
			set_pte(pte, pte_mkold(*pte));
			flush_tlb_page(vma, addr);
			referenced++;
			*vm_flags |= vma->vm_flags;
		}
	}
	mutex_unlock(&mapping->i_mmap_lock);
	return referenced;
}

bool try_to_unmap(struct page *page)
{
	struct address_space *mapping = page->mapping;
	struct vm_area_struct *vma;

	if (!page_mapped(page))
		return true;
	if (!mapping || PageSwapBacked(page))
		return false;	/* anonymous: needs swap */
	if (!mutex_trylock(&mapping->i_mmap_lock))
		return false;
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		unsigned long addr;
		pte_t *pte = page_vma_pte(page, vma, &addr);

		if (!pte)
			continue;
		if (vma->vm_flags & VM_LOCKED)
			break;		/* mlock pins it: leave every mapping */
		/* A dirty PTE moves its dirt to the page, which writeback then sees. */
		zap_pte(vma->vm_mm, pte, mapping);
		flush_tlb_page(vma, addr);
	}
	mutex_unlock(&mapping->i_mmap_lock);
	return !page_mapped(page);
}
