// SPDX-License-Identifier: GPL-2.0
/*
 * madvise: hints about how memory will be used.  MADV_DONTNEED (and
 * MADV_FREE, treated the same, for private anonymous memory) drop the
 * pages now: a private anonymous page reads back as zeros afterwards, a
 * file page (private COW copies included) as the file's page again.
 * MADV_REMOVE punches a hole in a shared file.  MADV_SEQUENTIAL, MADV_RANDOM
 * and MADV_NORMAL record the access pattern on the area (VM_SEQ_READ,
 * VM_RAND_READ) for readahead; MADV_WILLNEED reads a file's pages in
 * ahead of the faults.  MADV_DONTFORK/DOFORK decide whether fork copies
 * the area at all (VM_DONTCOPY), MADV_WIPEONFORK/KEEPONFORK whether the
 * child gets it empty (VM_WIPEONFORK), MADV_DONTDUMP/DODUMP whether a
 * core dump includes it.  Locked areas refuse the hints that would drop
 * their pages (EINVAL).  COLD, PAGEOUT and the huge-page hints have no
 * effect: there is no swap and no huge pages.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mmap_lock.h>
#include <asm/tlbflush.h>
#include "vma_internal.h"

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
	case MADV_DONTNEED: case MADV_FREE: case MADV_REMOVE: case MADV_DONTFORK:
	case MADV_DOFORK: case MADV_HUGEPAGE: case MADV_NOHUGEPAGE: case MADV_DONTDUMP:
	case MADV_DODUMP: case MADV_WIPEONFORK: case MADV_KEEPONFORK: case MADV_COLD:
	case MADV_PAGEOUT:
		return true;
	default:
		/* MADV_MERGEABLE/UNMERGEABLE too: there is no KSM, as on a Linux without it. */
		return false;
	}
}

/* The area's flags after @behavior, or -EINVAL where the area can't take it. */
static long madvise_new_flags(struct vm_area_struct *vma, int behavior)
{
	unsigned long flags = vma->vm_flags;

	switch (behavior) {
	case MADV_NORMAL:
		return flags & ~(VM_SEQ_READ | VM_RAND_READ);
	case MADV_SEQUENTIAL:
		return (flags & ~VM_RAND_READ) | VM_SEQ_READ;
	case MADV_RANDOM:
		return (flags & ~VM_SEQ_READ) | VM_RAND_READ;
	case MADV_DONTFORK:
		return flags | VM_DONTCOPY;
	case MADV_DOFORK:
		return flags & ~VM_DONTCOPY;
	case MADV_WIPEONFORK:
		/* Only private anonymous memory can start over as zeros. */
		if (vma->vm_file || (flags & VM_SHARED))
			return -EINVAL;
		return flags | VM_WIPEONFORK;
	case MADV_KEEPONFORK:
		return flags & ~VM_WIPEONFORK;
	case MADV_DONTDUMP:
		return flags | VM_DONTDUMP;
	case MADV_DODUMP:
		return flags & ~VM_DONTDUMP;
	default:
		return flags;
	}
}

/* Give [s, e) of *vmap the flags @flags, splitting it at the edges. */
static int madvise_update_vma(struct mm_struct *mm, struct vm_area_struct **vmap,
			      unsigned long s, unsigned long e, unsigned long flags)
{
	struct vm_area_struct *vma = *vmap;

	if (flags == vma->vm_flags)
		return 0;
	if (split_vma(mm, vma, s))
		return -ENOMEM;
	if (vma->vm_start < s)
		vma = vma->vm_next;
	if (split_vma(mm, vma, e))
		return -ENOMEM;
	vma->vm_flags = flags;
	*vmap = vma;
	return 0;
}

/*
 * MADV_REMOVE: free the file's backing store under [s, e) -- a hole
 * punched in a memory file system's file: the pages leave the page cache
 * and every mapping of them, and read back as zeros.  Only through a
 * shared writable mapping, since it changes the file.
 */
static int madvise_remove(struct vm_area_struct *vma, unsigned long s, unsigned long e)
{
	struct address_space *mapping;
	loff_t offset;

	if (!vma->vm_file || (vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return -EINVAL;
	mapping = vma->vm_file->f_mapping;
	offset = ((loff_t)vma->vm_pgoff << PAGE_SHIFT) + (s - vma->vm_start);
	unmap_mapping_range(mapping, offset, e - s, 1);
	truncate_inode_pages_range(mapping, offset, offset + (e - s) - 1);
	return 0;
}

/* One area's part [s, e) of the range; mmap_lock held. */
static int madvise_vma(struct mm_struct *mm, struct vm_area_struct **vmap,
		       unsigned long s, unsigned long e, int behavior)
{
	struct vm_area_struct *vma = *vmap;
	long flags;

	switch (behavior) {
	case MADV_WILLNEED:
		if (vma->vm_file)
			force_page_cache_readahead(vma->vm_file,
						   vma->vm_pgoff + ((s - vma->vm_start) >> PAGE_SHIFT),
						   (e - s) >> PAGE_SHIFT);
		return 0;
	case MADV_FREE:
		/* Lazy freeing is for private anonymous memory only. */
		if (vma->vm_file || (vma->vm_flags & VM_SHARED))
			return -EINVAL;
		fallthrough;
	case MADV_DONTNEED:
		if (vma->vm_flags & VM_LOCKED)
			return -EINVAL;
		zap_page_range(vma, s, e - s);
		return 0;
	case MADV_REMOVE:
		if (vma->vm_flags & VM_LOCKED)
			return -EINVAL;
		return madvise_remove(vma, s, e);
	case MADV_COLD:
	case MADV_PAGEOUT:
		/*
		 * Locked pages stay where they are.  Otherwise a hint: there is
		 * no swap, so anonymous pages have nowhere to go.
		 */
		return (vma->vm_flags & VM_LOCKED) ? -EINVAL : 0;
	case MADV_HUGEPAGE:
	case MADV_NOHUGEPAGE:
		return 0;
	}
	flags = madvise_new_flags(vma, behavior);
	if (flags < 0)
		return flags;
	return madvise_update_vma(mm, vmap, s, e, flags);
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end, len;
	int unmapped_error = 0, err;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;

	mmap_write_lock(mm);
	vma = find_vma(mm, start);
	while (start < end) {
		unsigned long s, e;

		if (!vma) {
			unmapped_error = -ENOMEM;
			break;
		}
		if (vma->vm_start > start) {
			unmapped_error = -ENOMEM;	/* a hole: finish, then say so */
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		s = max(start, vma->vm_start);
		e = min(end, vma->vm_end);
		err = madvise_vma(mm, &vma, s, e, behavior);
		if (err) {
			flush_tlb_mm_range(mm, end - len, end);
			mmap_write_unlock(mm);
			return err;
		}
		start = e;
		vma = vma->vm_next;
	}
	flush_tlb_mm_range(mm, end - len, end);
	mmap_write_unlock(mm);
	return unmapped_error;
}
