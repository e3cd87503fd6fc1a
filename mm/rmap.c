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
 * An anonymous page has no file to ask.  Linux keeps an anon_vma per
 * area and fork family for it; Lantern's simpler rule uses what fork
 * preserves: a page keeps the address it was first mapped at
 * (page->index, set by the fault that mapped it and by mremap), and
 * every address space that shares it -- fork relatives -- maps it at
 * that same address.  So the walk visits each address space on
 * init_mm.mmlist and looks at the one PTE at that address.  A page whose
 * mappings moved apart (mremap in one relative) is not found everywhere,
 * stays mapped and is simply not evicted.
 *
 * try_to_unmap of an anonymous page (in the swap cache already) turns
 * each PTE into the page's swap entry, one slot count per PTE.
 *
 * Locking: i_mmap_lock keeps the areas on i_mmap; each address space's
 * mmap_lock (read side) keeps its page tables from being freed (munmap or
 * exit on another CPU) and its page_table_lock keeps its faults off the
 * PTE while it is looked at and changed.
 * Reclaim may run inside an allocation made with either lock held, so it
 * only ever try-locks them and treats a busy lock as "in use": the page
 * is kept, never waited for.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/rmap.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include "internal.h"

/*
 * Hold @mm's page tables still for the walk: the read side of mmap_lock
 * keeps them from being freed (munmap, exit take the write side), if no
 * writer has it; page_table_lock keeps faults (read side) off the PTEs.
 *
 * One writer may walk anyway: a task forking holds its own mm's write
 * side for the whole copy (dup_mmap), and the copy's allocations may need
 * exactly that mm's pages reclaimed -- often the only memory there is.
 * Between two copy steps the parent's areas and page tables are whole and
 * nobody else can change them, so while it copies, that task alone may
 * reclaim from them (current->reclaim_own_mm).  Linux's rmap reaches
 * them through anon_vma locks instead of mmap_lock.
 */
static bool rmap_trylock_mm(struct mm_struct *mm)
{
	if (mm == current->reclaim_own_mm)
		mmap_assert_write_locked(mm);
	else if (!mmap_read_trylock(mm))
		return false;
	spin_lock(&mm->page_table_lock);
	return true;
}

static void rmap_unlock_mm(struct mm_struct *mm)
{
	spin_unlock(&mm->page_table_lock);
	if (mm != current->reclaim_own_mm)
		mmap_read_unlock(mm);
}

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

/* The PTE in @mm mapping anonymous @page at the address it keeps in index. */
static pte_t *anon_page_pte(struct page *page, struct mm_struct *mm, unsigned long *addrp)
{
	unsigned long addr = page->index << PAGE_SHIFT;
	pte_t *pte;

	if (addr >= TASK_SIZE_MAX)
		return NULL;
	pte = walk_existing(mm, addr);
	if (!pte || !pte_present(*pte) || pte_pfn(*pte) != page_to_pfn(page))
		return NULL;
	*addrp = addr;
	return pte;
}

/* The flags of @mm's area at @addr (0 if none). */
static unsigned long anon_vm_flags(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start <= addr ? vma->vm_flags : 0;
}

static int page_referenced_anon(struct page *page, unsigned long *vm_flags)
{
	int referenced = 0, left = page_mapcount(page);
	struct mm_struct *mm;

	spin_lock(&mmlist_lock);
	list_for_each_entry(mm, &init_mm.mmlist, mmlist) {
		unsigned long addr, flags;
		pte_t *pte;

		if (!rmap_trylock_mm(mm)) {
			referenced++;	/* busy: counts as in use */
			continue;
		}
		pte = anon_page_pte(page, mm, &addr);
		if (!pte) {
			rmap_unlock_mm(mm);
			continue;
		}
		flags = anon_vm_flags(mm, addr);
		if (flags & VM_LOCKED) {
			referenced++;
			*vm_flags |= flags;
		} else if (pte_young(*pte)) {
			set_pte(pte, pte_mkold(*pte));
			flush_tlb_mm_range(mm, addr, addr + PAGE_SIZE);
			referenced++;
			*vm_flags |= flags;
		}
		rmap_unlock_mm(mm);
		if (--left <= 0)
			break;
	}
	spin_unlock(&mmlist_lock);
	return referenced;
}

/* Every PTE mapping anonymous @page (locked, in the swap cache) becomes its swap entry. */
static bool try_to_unmap_anon(struct page *page)
{
	swp_entry_t entry = { .val = page->private };
	struct mm_struct *mm;

	if (!PageSwapCache(page))
		return false;
	spin_lock(&mmlist_lock);
	list_for_each_entry(mm, &init_mm.mmlist, mmlist) {
		unsigned long addr;
		pte_t *pte, old;

		if (!rmap_trylock_mm(mm))
			break;		/* busy: the page stays */
		pte = anon_page_pte(page, mm, &addr);
		if (!pte) {
			rmap_unlock_mm(mm);
			continue;
		}
		if ((anon_vm_flags(mm, addr) & VM_LOCKED) || swap_duplicate(entry)) {
			rmap_unlock_mm(mm);
			break;		/* mlock pins it, or no slot count left */
		}
		old = ptep_get_and_clear(mm, addr, pte);
		flush_tlb_mm_range(mm, addr, addr + PAGE_SIZE);
		if (pte_dirty(old))
			SetPageDirty(page);
		set_pte(pte, pte_uffd_wp(old) ? pte_swp_mkuffd_wp(swp_entry_to_pte(entry)) :
						swp_entry_to_pte(entry));
		page_remove_rmap(page);
		add_mm_counter(mm, MM_ANONPAGES, -1);
		add_mm_counter(mm, MM_SWAPENTS, 1);
		put_page(page);		/* the PTE's reference */
		rmap_unlock_mm(mm);
		if (!page_mapped(page))
			break;
	}
	spin_unlock(&mmlist_lock);
	return !page_mapped(page);
}

int page_referenced(struct page *page, unsigned long *vm_flags)
{
	struct address_space *mapping = page->mapping;
	struct vm_area_struct *vma;
	int referenced = 0;

	*vm_flags = 0;
	if (!page_mapped(page))
		return 0;
	if (!mapping && PageSwapBacked(page))
		return page_referenced_anon(page, vm_flags);
	if (!mapping || PageSwapBacked(page))
		return 0;
	if (!mutex_trylock(&mapping->i_mmap_lock))
		return 1;
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		unsigned long addr;
		pte_t *pte;

		if (!rmap_trylock_mm(vma->vm_mm)) {
			referenced++;	/* busy: counts as in use */
			continue;
		}
		pte = page_vma_pte(page, vma, &addr);
		/* mlocked: always "in use", so reclaim never picks it. */
		if (pte && (vma->vm_flags & VM_LOCKED)) {
			referenced++;
			*vm_flags |= vma->vm_flags;
		} else if (pte && pte_young(*pte)) {
			/* Clear it so the next scan sees only uses made after this one. */
			set_pte(pte, pte_mkold(*pte));
			flush_tlb_page(vma, addr);
			referenced++;
			*vm_flags |= vma->vm_flags;
		}
		rmap_unlock_mm(vma->vm_mm);
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
	if (!mapping && PageSwapBacked(page))
		return try_to_unmap_anon(page);
	if (!mapping || PageSwapBacked(page))
		return false;	/* shmem: not swapped */
	if (!mutex_trylock(&mapping->i_mmap_lock))
		return false;
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		unsigned long addr;
		pte_t *pte;
		bool pinned;

		if (!rmap_trylock_mm(vma->vm_mm))
			break;		/* busy: the page stays */
		pte = page_vma_pte(page, vma, &addr);
		pinned = pte && (vma->vm_flags & VM_LOCKED);	/* mlock: leave every mapping */
		if (pte && !pinned) {
			/* A dirty PTE moves its dirt to the page, which writeback then sees. */
			zap_pte(vma->vm_mm, pte, mapping);
			flush_tlb_page(vma, addr);
		}
		rmap_unlock_mm(vma->vm_mm);
		if (pinned)
			break;
	}
	mutex_unlock(&mapping->i_mmap_lock);
	return !page_mapped(page);
}
