// SPDX-License-Identifier: GPL-2.0
/*
 * Pages for user address spaces: the seed's "How does the kernel handle
 * a page fault?" and "copy-on-write".
 *
 * handle_mm_fault() walks (and builds) the four page-table levels for
 * the faulting address, then decides from the PTE:
 *  - none, anonymous area: demand-zero (do_anonymous_page).  A read maps
 *    the shared zero page read-only; a write gets a fresh zeroed page.
 *  - none, file area (vm_ops->fault, e.g. filemap_fault: the page cache;
 *    shared anonymous memory is a tmpfs file too): a read maps the
 *    file's page (do_read_fault; read-only in a private area), a write
 *    to a private area maps a private copy of it (do_cow_fault), a write
 *    to a shared area maps the file's page writable and dirties it
 *    (do_shared_fault).
 *  - present but read-only, and the area is writable: do_wp_page.  In a
 *    shared area the page is the file's: it is made writable.  In a
 *    private one it is copy-on-write: an anonymous page with one user is
 *    simply made writable; one still shared with a fork relative, the
 *    zero page or a page-cache page is copied first.
 *  - a swap entry (swapops.h): the page was evicted to swap by reclaim;
 *    do_swap_page brings it back from the swap cache or the disk.
 *
 * fork's copy_page_range() is what makes COW happen: for a private
 * writable area it write-protects each PTE in parent and child and
 * takes a page reference, so both share the page until one writes.
 *
 * Each PTE that maps a page holds one reference (page_count) and one
 * map count; each swap entry in a PTE holds one count on its slot
 * (swapfile.c), which fork duplicates and zap frees.
 *
 * Faults run under the read side of mmap_lock, so threads of one process
 * fault at once, and reclaim may evict a page while a handler sleeps.  A
 * handler reads the PTE once, does what may sleep (allocate, read the
 * file, copy), then takes mm->page_table_lock and changes the PTE only if
 * it is still the one it read; otherwise it undoes its work and returns,
 * and the access runs again.  Page tables of the user half are freed
 * only when the whole address space goes (free_pgtables).
 *
 * Kernel page tables (vmalloc, ioremap) are populated by __pmd_alloc and
 * __pte_alloc_kernel at the end: two CPUs may want the same missing
 * table at once, so each allocates without a lock, the first to take
 * page_table_lock installs its page, and the other frees its own.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/pagemap.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/vmstat.h>
#include <linux/mmap_lock.h>
#include <linux/userfaultfd_k.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include "internal.h"
#include "vma_internal.h"

static struct page *zero_page;

#define is_zero_pfn(pfn)	(zero_page && (pfn) == page_to_pfn(zero_page))

unsigned long my_zero_pfn(unsigned long addr)
{
	return page_to_pfn(zero_page);
}

void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	unsigned long rss;

	atomic_long_add(value, &mm->rss_stat[member]);
	rss = get_mm_rss(mm);
	if (rss > mm->hiwater_rss)
		mm->hiwater_rss = rss;
}

/* Peak resident set in KiB, for getrusage's ru_maxrss. */
long get_mm_hiwater_rss_kb(struct mm_struct *mm)
{
	return mm ? (long)(mm->hiwater_rss << (PAGE_SHIFT - 10)) : 0;
}

/*
 * The page-table walk, allocating missing levels.  NULL: out of memory.
 * Faults in one mm run concurrently (mmap_lock read side) and the
 * allocation may sleep, so each new table is installed under
 * page_table_lock only if the entry is still empty; a loser frees its
 * own.  Tables are freed only with the whole address space.
 */
static pte_t *walk_alloc(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	p4d_t *p4d = p4d_offset(pgd, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (p4d_none(*p4d)) {
		pud_t *new = pud_alloc_one(mm, addr);

		if (!new)
			return NULL;
		spin_lock(&mm->page_table_lock);
		if (p4d_none(*p4d)) {
			set_p4d(p4d, __p4d(__pa(new) | _PAGE_TABLE));
			new = NULL;
		}
		spin_unlock(&mm->page_table_lock);
		if (new)
			pud_free(mm, new);
	}
	pud = pud_offset(p4d, addr);
	if (pud_none(*pud)) {
		pmd_t *new = pmd_alloc_one(mm, addr);

		if (!new)
			return NULL;
		spin_lock(&mm->page_table_lock);
		if (pud_none(*pud)) {
			set_pud(pud, __pud(__pa(new) | _PAGE_TABLE));
			new = NULL;
		}
		spin_unlock(&mm->page_table_lock);
		if (new)
			pmd_free(mm, new);
	}
	pmd = pmd_offset(pud, addr);
	if (pmd_none(*pmd)) {
		pte_t *new = pte_alloc_one_kernel(mm);

		if (!new)
			return NULL;
		spin_lock(&mm->page_table_lock);
		if (pmd_none(*pmd)) {
			set_pmd(pmd, __pmd(__pa(new) | _PAGE_TABLE));
			new = NULL;
		}
		spin_unlock(&mm->page_table_lock);
		if (new)
			pte_free_kernel(mm, new);
	}
	return pte_offset_kernel(pmd, addr);
}

pte_t *walk_alloc_pte(struct mm_struct *mm, unsigned long addr)
{
	return walk_alloc(mm, addr);
}

/* The PTE for @addr if its page table exists, else NULL. */
pte_t *walk_existing(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	p4d_t *p4d = p4d_offset(pgd, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (!p4d_present(*p4d))
		return NULL;
	pud = pud_offset(p4d, addr);
	if (!pud_present(*pud))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (!pmd_present(*pmd))
		return NULL;
	return pte_offset_kernel(pmd, addr);
}

/*
 * Where the next page table could exist after @addr, whose walk found a
 * missing level: skipping by that level's size keeps a walk over a huge,
 * mostly empty range (a 64 TiB PROT_NONE reserve) short.
 */
unsigned long skip_pgtable_hole(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	if (!p4d_present(*p4d))
		next = (addr + PGDIR_SIZE) & PGDIR_MASK;
	else if (!pud_present(*pud_offset(p4d, addr)))
		next = (addr + PUD_SIZE) & PUD_MASK;
	else
		next = (addr + PMD_SIZE) & PMD_MASK;
	return next > addr ? next : ~0UL;	/* ~0UL: wrapped past the top */
}

/* Which rss counter a mapped page counts in: file (tmpfs) pages are shmem. */
static int mm_counter(const struct page *page)
{
	return page->mapping ? MM_SHMEMPAGES : MM_ANONPAGES;
}

static struct page *alloc_user_page(void)
{
	return alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
}

/*
 * The map count and the counters that follow it: while any PTE maps a
 * page it is in AnonPages (anonymous pages) or Mapped (page-cache
 * pages).  Linux keeps these in mm/rmap.c.
 */
static void page_add_rmap(struct page *page)
{
	if (!atomic_inc_and_test(&page->_mapcount))
		return;
	mod_lruvec_page_state(page, page->mapping ? NR_FILE_MAPPED : NR_ANON_MAPPED, 1);
}

void page_remove_rmap(struct page *page)
{
	if (!atomic_add_negative(-1, &page->_mapcount))
		return;
	mod_lruvec_page_state(page, page->mapping ? NR_FILE_MAPPED : NR_ANON_MAPPED, -1);
}

void map_new_page(struct vm_area_struct *vma, unsigned long addr, pte_t *pte,
		  struct page *page, bool writable, int counter)
{
	pte_t entry = pfn_pte(page_to_pfn(page), vma->vm_page_prot);

	if (writable)
		entry = pte_mkdirty(pte_mkwrite(entry));
	/* An anonymous page's reverse map: the address it is mapped at (rmap.c). */
	if (!page->mapping && counter == MM_ANONPAGES && page_mapcount(page) == 0)
		page->index = addr >> PAGE_SHIFT;
	page_add_rmap(page);
	add_mm_counter(vma->vm_mm, counter, 1);
	set_pte(pte, entry);
}

/* Demand-zero for private areas. */
static unsigned int do_anonymous_page(struct vm_area_struct *vma, unsigned long addr,
				      pte_t *pte, unsigned int flags)
{
	spinlock_t *ptl = &vma->vm_mm->page_table_lock;
	struct page *page;

	if (!(flags & FAULT_FLAG_WRITE)) {
		/* Reads of untouched memory all see the one zero page. */
		spin_lock(ptl);
		if (pte_none(*pte))
			set_pte(pte, pte_wrprotect(pfn_pte(page_to_pfn(zero_page),
							   vma->vm_page_prot)));
		spin_unlock(ptl);
		return 0;
	}
	page = alloc_user_page();
	if (!page)
		return VM_FAULT_OOM;
	spin_lock(ptl);
	if (!pte_none(*pte)) {
		/* Another fault filled it while we allocated: theirs stands. */
		spin_unlock(ptl);
		put_page(page);
		return 0;
	}
	map_new_page(vma, addr, pte, page, true, MM_ANONPAGES);
	spin_unlock(ptl);
	lru_cache_add_inactive_or_unevictable(page);
	return 0;
}

/*
 * A missing PTE in a file area.  The file's fault handler finds the page
 * (with a reference, which the PTE inherits, or which a private write
 * gives back after copying).
 */
static unsigned int do_fault(struct vm_area_struct *vma, unsigned long addr,
			     pte_t *pte, unsigned int flags)
{
	struct vm_fault vmf = {
		.vma = vma,
		.flags = flags,
		.address = addr,
		.pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT),
	};
	spinlock_t *ptl = &vma->vm_mm->page_table_lock;
	unsigned int ret = vma->vm_ops->fault(&vmf);
	struct page *page, *copy = NULL;
	bool writable = false;

	if (ret & VM_FAULT_ERROR)
		return ret;
	page = vmf.page;
	if (flags & FAULT_FLAG_WRITE) {
		if (vma->vm_flags & VM_SHARED) {
			/* do_shared_fault: the store goes to the file's own page. */
			set_page_dirty(page);
			writable = true;
		} else {
			/* do_cow_fault: a private write never reaches the file. */
			copy = alloc_page(GFP_HIGHUSER_MOVABLE);
			if (!copy) {
				put_page(page);
				return VM_FAULT_OOM;
			}
			copy_page(page_address(copy), page_address(page));
			put_page(page);
			page = copy;
			writable = true;
		}
	}
	/* The ->fault and the copy may sleep: another fault may have been first. */
	spin_lock(ptl);
	if (!pte_none(*pte)) {
		spin_unlock(ptl);
		put_page(page);
		return ret & ~VM_FAULT_MAJOR;
	}
	/* do_read_fault: a private area maps the page read-only (no RW in its prot). */
	map_new_page(vma, addr, pte, page, writable, copy ? MM_ANONPAGES : mm_counter(page));
	spin_unlock(ptl);
	if (copy)
		lru_cache_add_inactive_or_unevictable(copy);
	return ret;
}

/*
 * Write to a present, write-protected page of a writable private area:
 * copy-on-write.  The seed's rule: if the page has other users, copy it
 * and map the copy writable; if we are its only user, just make it
 * writable.  The zero page is always copied (it is never ours alone).
 */
static unsigned int do_wp_page(struct vm_area_struct *vma, unsigned long addr,
			       pte_t *pte, pte_t orig)
{
	spinlock_t *ptl = &vma->vm_mm->page_table_lock;
	unsigned long pfn = pte_pfn(orig);
	struct page *old = is_zero_pfn(pfn) ? NULL : pfn_to_page(pfn);
	struct page *new;

	/* Shared areas never copy: the page is the file's, for everyone. */
	if (vma->vm_flags & VM_SHARED) {
		spin_lock(ptl);
		if (!pte_same(*pte, orig)) {
			spin_unlock(ptl);
			return 0;
		}
		count_vm_event(PGREUSE);
		if (old)
			set_page_dirty(old);
		set_pte(pte, pte_mkdirty(pte_mkwrite(orig)));
		spin_unlock(ptl);
		flush_tlb_page(vma, addr);
		return 0;
	}
	/*
	 * An anonymous page still in the swap cache but mapped only here,
	 * its slot referred to by no other swap entry: the slot goes, and
	 * the page is ours alone.
	 */
	if (old && !old->mapping && PageSwapCache(old)) {
		/* A reference of our own first: the PTE may change under us. */
		spin_lock(ptl);
		if (!pte_same(*pte, orig)) {
			spin_unlock(ptl);
			return 0;
		}
		get_page(old);
		spin_unlock(ptl);
		/* Ours, the PTE's and the swap cache's: no one else's. */
		if (page_mapcount(old) == 1 && page_count(old) == 3 && !TestSetPageLocked(old)) {
			try_to_free_swap(old);
			unlock_page(old);
		}
		put_page(old);
	}
	/* An anonymous page nobody else holds: ours to write.  A cache page never is. */
	spin_lock(ptl);
	if (!pte_same(*pte, orig)) {
		spin_unlock(ptl);
		return 0;
	}
	if (old && !old->mapping && page_count(old) == 1) {
		count_vm_event(PGREUSE);
		set_pte(pte, pte_mkdirty(pte_mkwrite(orig)));
		spin_unlock(ptl);
		flush_tlb_page(vma, addr);
		return 0;
	}
	/* Copy it.  Our own reference keeps the old page while we allocate. */
	if (old)
		get_page(old);
	spin_unlock(ptl);
	new = alloc_page(GFP_HIGHUSER_MOVABLE);
	if (!new) {
		if (old)
			put_page(old);
		return VM_FAULT_OOM;
	}
	if (old)
		copy_page(page_address(new), page_address(old));
	else
		clear_page(page_address(new));
	spin_lock(ptl);
	if (!pte_same(*pte, orig)) {
		/* Another fault, or reclaim, changed it while we copied: fault again. */
		spin_unlock(ptl);
		put_page(new);
		if (old)
			put_page(old);
		return 0;
	}
	set_pte(pte, __pte(0));
	flush_tlb_page(vma, addr);
	map_new_page(vma, addr, pte, new, true, MM_ANONPAGES);
	if (old) {
		page_remove_rmap(old);
		add_mm_counter(vma->vm_mm, mm_counter(old), -1);
	}
	spin_unlock(ptl);
	lru_cache_add_inactive_or_unevictable(new);
	if (old) {
		put_page(old);		/* the PTE's reference */
		put_page(old);		/* ours */
	}
	return 0;
}

static unsigned int userfault_at(struct vm_area_struct *vma, unsigned long address,
				 unsigned int flags, unsigned long reason);

/*
 * A swap entry where the page was: bring the page back.  It is in the
 * swap cache still (evicted lately, or read around with a neighbour) or
 * read from the disk now, a major fault.  The PTE gives up its swap
 * entry for the page.  A write fault makes the page this process's own
 * (out of the swap cache, if no other entry shares the slot); a read
 * maps it read-only and leaves it in the cache, so that if it is not
 * written again before reclaim comes back, the copy on disk is still
 * good and it is freed without being written.  mmap_lock held; swapoff
 * calls it too.
 */
unsigned int do_swap_page(struct vm_area_struct *vma, unsigned long addr, pte_t *pte,
			  pte_t orig, unsigned int flags)
{
	swp_entry_t entry = pte_to_swp_entry(orig);
	struct mm_struct *mm = vma->vm_mm;
	unsigned int ret = 0;
	struct page *page;
	bool major = false;
	pte_t new;

	if (!swp_swap_info(entry)) {
		pr_err("swap entry %lx of %s[%d] names no swap slot\n", pte_val(orig),
		       current->comm, current->pid);
		return VM_FAULT_SIGBUS;
	}
	page = lookup_swap_cache(entry);
	if (!page) {
		page = swapin_readahead(entry, GFP_HIGHUSER_MOVABLE, &major);
		if (!page) {
			/* The entry went meanwhile (it was freed): look again. */
			if (!pte_same(*pte, orig))
				return 0;
			return VM_FAULT_OOM;
		}
		if (major)
			ret = VM_FAULT_MAJOR;
	}
	lock_page(page);
	if (!PageSwapCache(page) || page->private != entry.val || !pte_same(*pte, orig))
		goto out_retry;
	if (!PageUptodate(page)) {
		/* The read failed: the data is gone, as Linux says with SIGBUS. */
		pr_err("%s[%d]: swap-in of slot %u:%lu failed\n", current->comm, current->pid,
		       swp_type(entry), swp_offset(entry));
		ret = VM_FAULT_SIGBUS;
		goto out_retry;
	}
	/* Faults in this mm run concurrently: the PTE changes only under its lock. */
	spin_lock(&mm->page_table_lock);
	if (!pte_same(*pte, orig)) {
		spin_unlock(&mm->page_table_lock);
		goto out_retry;
	}
	/* The cache's reference stays the cache's; the one we took becomes the PTE's. */
	add_mm_counter(mm, MM_SWAPENTS, -1);
	new = pfn_pte(page_to_pfn(page), vma->vm_page_prot);
	if (!page_mapped(page))
		page->index = addr >> PAGE_SHIFT;
	page_add_rmap(page);
	add_mm_counter(mm, MM_ANONPAGES, 1);
	swap_free(entry);
	if (pte_swp_uffd_wp(orig))
		new = pte_mkuffd_wp(new);	/* a write still goes to the handler */
	else if ((flags & FAULT_FLAG_WRITE) && page_mapcount(page) == 1 && try_to_free_swap(page))
		new = pte_mkdirty(pte_mkwrite(new));
	else
		new = pte_wrprotect(new);
	new = pte_mkyoung(new);
	set_pte(pte, new);
	spin_unlock(&mm->page_table_lock);
	flush_tlb_page(vma, addr);
	unlock_page(page);
	if (flags & FAULT_FLAG_WRITE && !pte_write(new)) {
		if (pte_uffd_wp(new) && userfaultfd_wp(vma))
			return ret | userfault_at(vma, addr, flags, VM_UFFD_WP);
		ret |= do_wp_page(vma, addr, pte, new);
	}
	return ret;

out_retry:
	unlock_page(page);
	put_page(page);
	return ret;
}

/*
 * An empty PTE in an area registered with a userfaultfd: is this a fault
 * its handler asked to hear of?  Anonymous memory: always a missing
 * page.  A tmpfs file: missing if the page is not in the file either,
 * minor if it is there (only this mapping lacks it).  Pages past the
 * file's end are left to ->fault (SIGBUS).
 */
static unsigned long userfaultfd_none_reason(struct vm_area_struct *vma, unsigned long addr)
{
	struct address_space *mapping;
	struct page *page;
	pgoff_t pgoff;

	if (!vma->vm_file)
		return userfaultfd_missing(vma) ? VM_UFFD_MISSING : 0;
	if (!vma_is_shmem(vma))
		return 0;
	mapping = vma->vm_file->f_mapping;
	pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	if (pgoff >= DIV_ROUND_UP(i_size_read(mapping->host), PAGE_SIZE))
		return 0;
	page = find_get_page(mapping, pgoff);
	if (page) {
		put_page(page);
		return userfaultfd_minor(vma) ? VM_UFFD_MINOR : 0;
	}
	return userfaultfd_missing(vma) ? VM_UFFD_MISSING : 0;
}

static unsigned int userfault_at(struct vm_area_struct *vma, unsigned long address,
				 unsigned int flags, unsigned long reason)
{
	struct vm_fault vmf = {
		.vma = vma,
		.flags = flags,
		.address = address & PAGE_MASK,
		.real_address = address,
		.pgoff = vma->vm_pgoff + (((address & PAGE_MASK) - vma->vm_start) >> PAGE_SHIFT),
	};

	return handle_userfault(&vmf, reason);
}

unsigned int handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			     unsigned int flags)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr = address & PAGE_MASK;
	pte_t *pte = walk_alloc(mm, addr);
	pte_t entry;

	count_vm_event(PGFAULT);
	if (!pte)
		return VM_FAULT_OOM;
	/*
	 * Read once, without the lock: each handler below re-checks under
	 * page_table_lock that the entry is still this one before changing it.
	 */
	entry = READ_ONCE(*pte);
	if (pte_none(entry)) {
		if (userfaultfd_armed(vma)) {
			unsigned long reason = userfaultfd_none_reason(vma, addr);

			if (reason)
				return userfault_at(vma, address, flags, reason);
		}
		if (vma->vm_ops && vma->vm_ops->fault)
			return do_fault(vma, addr, pte, flags);
		return do_anonymous_page(vma, addr, pte, flags);
	}
	if (is_swap_pte(entry))
		return do_swap_page(vma, addr, pte, entry, flags);
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(entry)) {
		/* Write-protected by the userfaultfd: its handler decides, not COW. */
		if (pte_present(entry) && pte_uffd_wp(entry) && userfaultfd_wp(vma))
			return userfault_at(vma, address, flags, VM_UFFD_WP);
		return do_wp_page(vma, addr, pte, entry);
	}
	/* Already fixed (a fault raced with another, or a stale TLB entry). */
	spin_lock(&mm->page_table_lock);
	if (pte_same(*pte, entry))
		set_pte(pte, pte_mkyoung(entry));
	spin_unlock(&mm->page_table_lock);
	flush_tlb_page(vma, addr);
	return 0;
}

/* MAP_POPULATE: fault in every page of [start, start + len) now. */
void mm_populate(unsigned long start, unsigned long len)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr, end = start + PAGE_ALIGN(len);

	mmap_write_lock(mm);
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		unsigned int flags;

		if (!vma || vma->vm_start > addr)
			continue;
		if (!(vma->vm_flags & VM_ACCESS_FLAGS))
			continue;
		flags = (vma->vm_flags & VM_WRITE) ? FAULT_FLAG_WRITE : 0;
		if (handle_mm_fault(vma, addr, flags) & VM_FAULT_ERROR)
			break;
	}
	mmap_write_unlock(mm);
}

/*
 * Drop the page a PTE maps and clear it.  With @only set, an anonymous
 * page (a private COW copy) is kept: only pages of that file go.
 */
void zap_pte(struct mm_struct *mm, pte_t *pte, struct address_space *only)
{
	unsigned long pfn;
	struct page *page;
	pte_t old = *pte;

	if (is_swap_pte(old)) {
		if (only)
			return;		/* a private page, not the file's */
		pte_clear(mm, 0, pte);
		add_mm_counter(mm, MM_SWAPENTS, -1);
		free_swap_and_cache(pte_to_swp_entry(old));
		return;
	}
	if (!pte_present(old))
		return;
	pfn = pte_pfn(old);
	if (is_zero_pfn(pfn) || !pfn_valid(pfn)) {
		pte_clear(mm, 0, pte);
		return;
	}
	page = pfn_to_page(pfn);
	if (only && page->mapping != only)
		return;
	pte_clear(mm, 0, pte);
	if (pte_dirty(old) && page->mapping)
		set_page_dirty(page);
	page_remove_rmap(page);
	add_mm_counter(mm, mm_counter(page), -1);
	/* Its last mapping gone, a swapped-in page need not keep its slot. */
	if (PageSwapCache(page) && !page_mapped(page) && !TestSetPageLocked(page)) {
		try_to_free_swap(page);
		unlock_page(page);
	}
	put_page(page);
}

/* Unmap the pages of [start, start + size) in @vma (the area stays). */
void zap_mapping_pages(struct vm_area_struct *vma, unsigned long start, unsigned long size,
		       struct address_space *only)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr, end = start + size;

	for (addr = start; addr < end; ) {
		pte_t *pte = walk_existing(mm, addr);

		if (!pte) {
			addr = skip_pgtable_hole(mm, addr);
			continue;
		}
		zap_pte(mm, pte, only);
		addr += PAGE_SIZE;
		if (!(addr & (PMD_SIZE - 1)))
			cond_resched();
	}
}

void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size)
{
	zap_mapping_pages(vma, start, size, NULL);
}

/*
 * fork: give the child the parent's pages for one area.  Private
 * writable pages become read-only in both (COW); shared ones stay as
 * they are.  Either way the page gains a reference and a mapping.
 */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	struct mm_struct *dst = dst_vma->vm_mm, *src = src_vma->vm_mm;
	bool cow = (src_vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
	unsigned long addr;

	for (addr = src_vma->vm_start; addr < src_vma->vm_end; ) {
		pte_t *src_pte = walk_existing(src, addr), *dst_pte;
		pte_t entry;

		if (!src_pte) {
			addr = skip_pgtable_hole(src, addr);
			continue;
		}
		if (!(addr & (PMD_SIZE - 1)))
			cond_resched();
		if (!pte_none(*src_pte)) {
			unsigned long pfn;

			/* The allocation may reclaim: read the source PTE after it. */
			dst_pte = walk_alloc(dst, addr);
			if (!dst_pte)
				return -ENOMEM;
			entry = *src_pte;
			if (is_swap_pte(entry)) {
				if (!userfaultfd_wp(dst_vma))
					entry = __pte(pte_val(entry) & ~_PAGE_SWP_UFFD_WP);
				/* Both now refer to the slot; the page comes back shared. */
				if (swap_duplicate(pte_to_swp_entry(entry)))
					return -ENOMEM;
				add_mm_counter(dst, MM_SWAPENTS, 1);
				set_pte(dst_pte, entry);
				addr += PAGE_SIZE;
				continue;
			}
			if (!pte_present(entry)) {
				addr += PAGE_SIZE;
				continue;
			}
			pfn = pte_pfn(entry);
			/* The child's area is not registered: its copy is not protected. */
			if (!userfaultfd_wp(dst_vma))
				entry = pte_clear_uffd_wp(entry);
			if (cow && pte_write(entry)) {
				ptep_set_wrprotect(src, addr, src_pte);
				entry = pte_wrprotect(entry);
			}
			if (!is_zero_pfn(pfn)) {
				struct page *page = pfn_to_page(pfn);

				get_page(page);
				page_add_rmap(page);
				add_mm_counter(dst, mm_counter(page), 1);
			}
			set_pte(dst_pte, pte_mkold(entry));
		}
		addr += PAGE_SIZE;
	}
	return 0;
}

/* Free every page table of the user half (the address space is empty). */
void free_pgtables(struct mm_struct *mm)
{
	int i, j, k;

	for (i = 0; i < USER_PTRS_PER_PGD; i++) {
		pgd_t *pgd = mm->pgd + i;
		pud_t *pud;

		if (!pgd_present(*pgd))
			continue;
		pud = (pud_t *)__va(pgd_val(*pgd) & PTE_PFN_MASK);
		for (j = 0; j < PTRS_PER_PUD; j++) {
			pmd_t *pmd;

			if (!pud_present(pud[j]))
				continue;
			pmd = (pmd_t *)__va(pud_val(pud[j]) & PTE_PFN_MASK);
			for (k = 0; k < PTRS_PER_PMD; k++)
				if (pmd_present(pmd[k]))
					pte_free_kernel(mm, (pte_t *)__va(pmd_val(pmd[k]) & PTE_PFN_MASK));
			pmd_free(mm, pmd);
		}
		pud_free(mm, pud);
		set_pgd(pgd, __pgd(0));
	}
}

void __init zero_page_init(void)
{
	zero_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!zero_page)
		panic("cannot allocate the zero page");
}

int __pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long address)
{
	pmd_t *new = pmd_alloc_one(mm, address);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (pud_none(*pud)) {
		pud_populate(mm, pud, new);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pmd_free(mm, new);
	return 0;
}

int __pte_alloc_kernel(pmd_t *pmd)
{
	pte_t *new = pte_alloc_one_kernel(&init_mm);

	if (!new)
		return -ENOMEM;
	spin_lock(&init_mm.page_table_lock);
	if (pmd_none(*pmd)) {
		pmd_populate_kernel(&init_mm, pmd, new);
		new = NULL;
	}
	spin_unlock(&init_mm.page_table_lock);
	if (new)
		pte_free_kernel(&init_mm, new);
	return 0;
}

/*
 * Read up to @len bytes at @addr of another address space into @buf
 * (/proc/<pid>/cmdline and environ).  Only pages already present are
 * read: nothing is faulted in on the owner's behalf, so the copy stops
 * at the first missing page.  Returns the bytes copied.
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len)
{
	int done = 0;

	mmap_write_lock(mm);
	while (done < len) {
		unsigned long off = addr & ~PAGE_MASK;
		int n = min_t(int, len - done, PAGE_SIZE - off);
		pte_t *pte = walk_existing(mm, addr);

		if (pte && is_swap_pte(*pte)) {
			/* Swapped out: the owner's own read would bring it back. */
			struct vm_area_struct *vma = find_vma(mm, addr);

			if (!vma || vma->vm_start > addr ||
			    (handle_mm_fault(vma, addr & PAGE_MASK, 0) & VM_FAULT_ERROR))
				break;
			pte = walk_existing(mm, addr);
		}
		if (!pte || !pte_present(*pte) || !pfn_valid(pte_pfn(*pte)))
			break;
		memcpy(buf + done, page_address(pfn_to_page(pte_pfn(*pte))) + off, n);
		done += n;
		addr += n;
	}
	mmap_write_unlock(mm);
	return done;
}

/*
 * /proc/<pid>/mem: read or write @len bytes at @addr of another address
 * space, faulting pages in as the owner's own access would (a write
 * breaks copy-on-write).  Only areas the owner could access that way
 * are reached: a write into a read-only mapping stops there (Linux's
 * FOLL_FORCE, which lets debuggers patch text, is not done).  Returns
 * the bytes copied, 0 if the first page could not be reached.
 */
/*
 * ptrace's POKETEXT writes where the program may not: a breakpoint into
 * read-only text (Linux's FOLL_FORCE).  The private area gets its own
 * copy of the page first, still read-only to the program, so neither
 * the file nor a fork relative sees the write.  Returns the PTE to write
 * through, or NULL.  mmap_lock held.
 */
static pte_t *force_private_page(struct vm_area_struct *vma, unsigned long addr)
{
	pte_t *pte = walk_existing(vma->vm_mm, addr);
	struct page *old, *new;
	unsigned long pfn;
	pte_t orig;

	if (!pte || !pte_present(*pte)) {
		if (handle_mm_fault(vma, addr, 0) & VM_FAULT_ERROR)
			return NULL;
		pte = walk_existing(vma->vm_mm, addr);
		if (!pte || !pte_present(*pte))
			return NULL;
	}
	orig = *pte;
	pfn = pte_pfn(orig);
	if (!pfn_valid(pfn))
		return NULL;
	old = is_zero_pfn(pfn) ? NULL : pfn_to_page(pfn);
	if (old && !old->mapping && page_count(old) == 1)
		return pte;	/* already this program's alone */
	new = alloc_page(GFP_HIGHUSER_MOVABLE);
	if (!new)
		return NULL;
	if (!pte_same(*pte, orig)) {
		put_page(new);	/* evicted meanwhile */
		return NULL;
	}
	if (old)
		copy_page(page_address(new), page_address(old));
	else
		clear_page(page_address(new));
	set_pte(pte, __pte(0));
	flush_tlb_page(vma, addr & PAGE_MASK);
	lru_cache_add_inactive_or_unevictable(new);
	map_new_page(vma, addr & PAGE_MASK, pte, new, false, MM_ANONPAGES);
	if (old) {
		page_remove_rmap(old);
		add_mm_counter(vma->vm_mm, mm_counter(old), -1);
		put_page(old);
	}
	return pte;
}

/* The PTE of @addr, faulted in as @write needs; NULL if it cannot be. */
static pte_t *remote_vm_pte(struct vm_area_struct *vma, unsigned long addr, bool write,
			    bool force)
{
	pte_t *pte;

	if (write && force && !(vma->vm_flags & (VM_WRITE | VM_SHARED)) &&
	    (vma->vm_flags & VM_MAYWRITE))
		return force_private_page(vma, addr);
	if (!(vma->vm_flags & (write ? VM_WRITE : VM_READ)))
		return NULL;
	pte = walk_existing(vma->vm_mm, addr);
	if (!pte || !pte_present(*pte) || (write && !pte_write(*pte))) {
		if (handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0) & VM_FAULT_ERROR)
			return NULL;
		pte = walk_existing(vma->vm_mm, addr);
		if (!pte || !pte_present(*pte))
			return NULL;
	}
	return pte;
}

static int access_remote_vm_flags(struct mm_struct *mm, unsigned long addr, void *buf,
				  int len, bool write, bool force)
{
	int done = 0;

	mmap_write_lock(mm);
	while (done < len) {
		unsigned long off = addr & ~PAGE_MASK;
		int n = min_t(int, len - done, PAGE_SIZE - off);
		struct vm_area_struct *vma = find_vma(mm, addr);
		pte_t *pte;
		char *kaddr;

		if (!vma || addr < vma->vm_start)
			break;
		pte = remote_vm_pte(vma, addr, write, force);
		if (!pte || !pfn_valid(pte_pfn(*pte)))
			break;
		kaddr = (char *)page_address(pfn_to_page(pte_pfn(*pte))) + off;
		if (write)
			memcpy(kaddr, buf + done, n);
		else
			memcpy(buf + done, kaddr, n);
		done += n;
		addr += n;
	}
	mmap_write_unlock(mm);
	return done;
}

int __access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		       bool write)
{
	return access_remote_vm_flags(mm, addr, buf, len, write, false);
}

int access_remote_vm_force(struct mm_struct *mm, unsigned long addr, void *buf, int len)
{
	return access_remote_vm_flags(mm, addr, buf, len, true, true);
}

/*
 * Map a page the kernel owns (a vDSO page) at @addr of @vma, read-only
 * or as the area's protection says.  It gains a reference and a mapping
 * like any other page, so unmap, fork and exit need nothing special;
 * a write to it (after mprotect) copies it, as a private page would.
 */
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page)
{
	pte_t *pte;

	if (addr < vma->vm_start || addr >= vma->vm_end)
		return -EFAULT;
	pte = walk_alloc(vma->vm_mm, addr);
	if (!pte)
		return -ENOMEM;
	if (!pte_none(*pte))
		return -EBUSY;
	get_page(page);
	map_new_page(vma, addr, pte, page, false, MM_ANONPAGES);
	return 0;
}
EXPORT_SYMBOL(vm_insert_page);
