// SPDX-License-Identifier: GPL-2.0
/*
 * madvise: hints about how memory will be used.  MADV_DONTNEED (and
 * MADV_FREE, treated the same) drop the pages now: a private anonymous
 * page reads back as zeros afterwards, a shared one as the object's page.
 * The other hints are accepted and have no effect.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
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
		if (behavior == MADV_DONTNEED || behavior == MADV_FREE) {
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
