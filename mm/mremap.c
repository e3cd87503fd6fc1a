// SPDX-License-Identifier: GPL-2.0
/*
 * mremap: resize a mapping, moving it if allowed.  Shrinking unmaps the
 * tail.  Growing extends the area in place when the address space after
 * it is free; otherwise, with MREMAP_MAYMOVE, the area moves: a new VMA
 * is made elsewhere and the page-table entries are carried over, so the
 * pages (and their contents) move without being copied.  The system
 * call picks one case: a fixed destination (mremap_to), shrinking,
 * growing in place, or moving; MREMAP_DONTUNMAP moves the pages and
 * leaves the old area in place, empty.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mmap_lock.h>
#include <linux/userfaultfd_k.h>
#include <asm/tlbflush.h>
#include "vma_internal.h"

static int move_page_tables(struct mm_struct *mm, unsigned long old_addr,
			    unsigned long new_addr, unsigned long len)
{
	unsigned long off;

	for (off = 0; off < len; off += PAGE_SIZE) {
		pte_t *src = walk_existing(mm, old_addr + off), *dst;

		if (!src || pte_none(*src))
			continue;
		dst = walk_alloc_pte(mm, new_addr + off);
		if (!dst)
			return -ENOMEM;
		/*
		 * A swap entry moves as it is.  An anonymous page mapped only
		 * here moves its reverse-map address along (rmap.c).
		 */
		if (pte_present(*src) && pfn_valid(pte_pfn(*src))) {
			struct page *page = pfn_to_page(pte_pfn(*src));

			if (!page->mapping && PageSwapBacked(page) && page_mapcount(page) == 1)
				page->index = (new_addr + off) >> PAGE_SHIFT;
		}
		set_pte(dst, ptep_get_and_clear(mm, old_addr + off, src));
	}
	return 0;
}

static unsigned long move_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			      unsigned long old_addr, unsigned long old_len,
			      unsigned long new_len, unsigned long new_addr, bool dontunmap)
{
	struct vm_area_struct *new;

	if (split_vma(mm, vma, old_addr))
		return -ENOMEM;
	if (vma->vm_start < old_addr)
		vma = vma->vm_next;
	if (split_vma(mm, vma, old_addr + old_len))
		return -ENOMEM;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	new->vm_start = new_addr;
	new->vm_end = new_addr + new_len;
	/*
	 * A userfaultfd registration stays with the old range (no
	 * UFFD_FEATURE_EVENT_REMAP to tell its handler of the move): with
	 * MREMAP_DONTUNMAP the next touch of the old range is a missing fault.
	 */
	userfaultfd_drop_vma(new);
	if (move_page_tables(mm, old_addr, new_addr, min(old_len, new_len))) {
		vm_area_free(new);
		return -ENOMEM;
	}
	vma_insert(mm, new);
	/*
	 * The old area's pages now belong to the new one: drop the area, or
	 * with MREMAP_DONTUNMAP keep it, empty, so its next touch faults
	 * (what a userfaultfd-driven live migration wants).  The lock on
	 * the memory went with the pages.
	 */
	if (dontunmap)
		vma->vm_flags &= ~(VM_LOCKED | VM_LOCKONFAULT);
	else
		vma_remove(mm, vma);
	flush_tlb_mm_range(mm, old_addr, old_addr + old_len);
	arch_remap(mm, old_addr, new_addr);
	return new_addr;
}

/* MREMAP_FIXED: move (and resize) to exactly @new_addr, replacing what is there. */
static unsigned long mremap_to(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
			       unsigned long new_addr, unsigned long new_len, bool dontunmap)
{
	unsigned long ret;

	if ((new_addr & ~PAGE_MASK) || new_len > TASK_SIZE_MAX ||
	    new_addr > TASK_SIZE_MAX - new_len)
		return -EINVAL;
	if (new_addr < MMAP_MIN_ADDR && !capable(CAP_SYS_RAWIO))
		return -EPERM;
	/* The ranges may not overlap. */
	if (addr + old_len > new_addr && new_addr + new_len > addr)
		return -EINVAL;
	ret = do_munmap(mm, new_addr, new_len);
	if (ret)
		return ret;
	if (new_len < old_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (ret)
			return ret;
		old_len = new_len;
	}
	return move_vma(mm, find_vma(mm, addr), addr, old_len, new_len, new_addr, dontunmap);
}

/*
 * Grow in place if [addr, addr + old_len) ends the area and the space
 * after it is free.  A file area simply covers more of the file; pages
 * past the file's end are SIGBUS, as with mmap.
 */
static bool vma_expandable(struct vm_area_struct *vma, unsigned long addr,
			   unsigned long old_len, unsigned long new_len)
{
	return addr + old_len == vma->vm_end &&
	       (!vma->vm_next || vma->vm_next->vm_start >= addr + new_len) &&
	       addr + new_len <= TASK_SIZE_MAX;
}

/* Check the arguments; 0 if the call may go on. */
static long mremap_check_args(unsigned long addr, unsigned long old_len,
			      unsigned long new_len, unsigned long flags)
{
	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	/* Moving out and leaving the old area empty: a move of the same size. */
	if ((flags & MREMAP_DONTUNMAP) && (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	if (old_len > TASK_SIZE_MAX || new_len > TASK_SIZE_MAX ||
	    addr > TASK_SIZE_MAX - new_len || addr > TASK_SIZE_MAX - old_len)
		return -EINVAL;		/* no range may wrap around */
	if (!PAGE_ALIGN(new_len))
		return -EINVAL;
	return 0;
}

/* The area holding all of [addr, addr + old_len), or an error. */
static struct vm_area_struct *mremap_find_vma(struct mm_struct *mm, unsigned long addr,
					      unsigned long old_len)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma || vma->vm_start > addr)
		return ERR_PTR(-EFAULT);
	if (!old_len)
		return ERR_PTR(-EINVAL);	/* duplicating a shared mapping: not supported */
	if (old_len > vma->vm_end - addr)
		return ERR_PTR(-EFAULT);
	return vma;
}

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len,
		unsigned long, new_len, unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	bool dontunmap = flags & MREMAP_DONTUNMAP;
	struct vm_area_struct *vma;
	unsigned long ret;

	ret = mremap_check_args(addr, old_len, new_len, flags);
	if (ret)
		return ret;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);

	mmap_write_lock(mm);
	vma = mremap_find_vma(mm, addr, old_len);
	if (IS_ERR(vma)) {
		ret = PTR_ERR(vma);
	} else if (new_len > old_len && (vma->vm_flags & VM_DONTEXPAND)) {
		/* Areas of kernel pages (the vDSO) never grow: nothing backs more. */
		ret = -EFAULT;
	} else if (dontunmap && (vma->vm_flags & VM_DONTEXPAND)) {
		ret = -EINVAL;
	} else if (flags & MREMAP_FIXED) {
		ret = mremap_to(mm, addr, old_len, new_addr, new_len, dontunmap);
	} else if (dontunmap) {
		/* As with mmap, new_addr is a hint here; still, a well-formed one. */
		if ((new_addr & ~PAGE_MASK) || new_addr > TASK_SIZE_MAX - new_len) {
			ret = -EINVAL;
			goto out;
		}
		new_addr = get_unmapped_area(mm, new_addr, new_len);
		ret = IS_ERR_VALUE(new_addr) ? new_addr :
		      move_vma(mm, vma, addr, old_len, new_len, new_addr, true);
	} else if (new_len <= old_len) {
		/* Shrinking: unmap the tail. */
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (!ret)
			ret = addr;
	} else if (vma_expandable(vma, addr, old_len, new_len)) {
		vma_set_end(mm, vma, addr + new_len);
		ret = addr;
	} else if (!(flags & MREMAP_MAYMOVE)) {
		ret = -ENOMEM;
	} else {
		new_addr = get_unmapped_area(mm, 0, new_len);
		ret = IS_ERR_VALUE(new_addr) ? new_addr :
		      move_vma(mm, vma, addr, old_len, new_len, new_addr, false);
	}
out:
	mmap_write_unlock(mm);
	return ret;
}
