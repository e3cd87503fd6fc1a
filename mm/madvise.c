// SPDX-License-Identifier: GPL-2.0
/*
 * madvise: hints about how memory will be used.  MADV_DONTNEED (and
 * MADV_FREE, treated the same) drop the pages now: a private anonymous
 * page reads back as zeros afterwards, a file page (private COW copies
 * included) as the file's page again.  MADV_SEQUENTIAL, MADV_RANDOM and
 * MADV_NORMAL record the access pattern on the area (VM_SEQ_READ,
 * VM_RAND_READ) for readahead; MADV_WILLNEED reads a file's pages in
 * ahead of the faults.  The other hints are accepted and have no effect.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/tlbflush.h>
#include "vma_internal.h"

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
	case MADV_DONTNEED: case MADV_FREE: case MADV_DONTFORK: case MADV_DOFORK:
	case MADV_MERGEABLE: case MADV_UNMERGEABLE: case MADV_HUGEPAGE:
	case MADV_NOHUGEPAGE: case MADV_DONTDUMP: case MADV_DODUMP:
	case MADV_WIPEONFORK: case MADV_KEEPONFORK: case MADV_COLD: case MADV_PAGEOUT:
		return true;
	default:
		return false;
	}
}

/* Record the access pattern on [s, e) of *vmap, splitting it at the edges. */
static int madvise_set_pattern(struct mm_struct *mm, struct vm_area_struct **vmap,
			       unsigned long s, unsigned long e, int behavior)
{
	struct vm_area_struct *vma = *vmap;
	unsigned long flags = vma->vm_flags & ~(VM_SEQ_READ | VM_RAND_READ);

	if (behavior == MADV_SEQUENTIAL)
		flags |= VM_SEQ_READ;
	else if (behavior == MADV_RANDOM)
		flags |= VM_RAND_READ;
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

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end, len;
	int unmapped_error = 0;

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

	mutex_lock(&mm->mmap_lock);
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
		if (behavior == MADV_NORMAL || behavior == MADV_SEQUENTIAL ||
		    behavior == MADV_RANDOM) {
			int err = madvise_set_pattern(mm, &vma, s, e, behavior);

			if (err) {
				mutex_unlock(&mm->mmap_lock);
				return err;
			}
		} else if (behavior == MADV_WILLNEED && vma->vm_file) {
			force_page_cache_readahead(vma->vm_file,
						   vma->vm_pgoff + ((s - vma->vm_start) >> PAGE_SHIFT),
						   (e - s) >> PAGE_SHIFT);
		} else if (behavior == MADV_DONTNEED || behavior == MADV_FREE) {
			if (vma->vm_flags & VM_LOCKED) {
				mutex_unlock(&mm->mmap_lock);
				return -EINVAL;
			}
			zap_page_range(vma, s, e - s);
		}
		start = e;
		vma = vma->vm_next;
	}
	flush_tlb_mm_range(mm, end - len, end);
	mutex_unlock(&mm->mmap_lock);
	return unmapped_error;
}
