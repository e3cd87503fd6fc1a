// SPDX-License-Identifier: GPL-2.0
/*
 * mlock: keeping memory resident.
 *
 * A locked area (VM_LOCKED) has all its pages faulted in when it is
 * locked and keeps them: MADV_DONTNEED refuses it.  Lantern has no swap
 * and never reclaims anonymous pages, so "resident" is guaranteed by
 * faulting everything in up front; with MLOCK_ONFAULT / MCL_ONFAULT
 * (VM_LOCKONFAULT) the pages are only kept once they are touched.
 *
 * mlockall(MCL_FUTURE) puts VM_LOCKED into mm->def_flags, which every
 * later mmap inherits.  Locks belong to the address space: fork's child
 * and exec's new image start unlocked.
 *
 * How much may be locked is RLIMIT_MEMLOCK, unless the caller has
 * CAP_IPC_LOCK; with the limit 0 and no capability mlock is EPERM.  The
 * locked total is counted from the areas themselves (mm_locked_pages), so
 * munmap, mremap and splits never have to keep a separate counter right.
 */
#include <linux/kernel.h>
#include <uapi/linux/capability.h>
#include <linux/cred.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/mmap_lock.h>
#include "vma_internal.h"

bool can_do_mlock(void)
{
	return rlimit(RLIMIT_MEMLOCK) != 0 || capable(CAP_IPC_LOCK);
}

/* Pages in locked areas (VmLck).  mmap_lock held, or a racy read for /proc. */
unsigned long mm_locked_pages(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long pages = 0;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		if (vma->vm_flags & VM_LOCKED)
			pages += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	return pages;
}

/* Locked pages inside [start, end): relocking them costs nothing. */
static unsigned long locked_in_range(struct mm_struct *mm, unsigned long start,
				     unsigned long end)
{
	struct vm_area_struct *vma;
	unsigned long pages = 0;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma->vm_next)
		if (vma->vm_flags & VM_LOCKED)
			pages += (min(end, vma->vm_end) - max(start, vma->vm_start)) >> PAGE_SHIFT;
	return pages;
}

/*
 * May @len more bytes of locked memory be added (mmap with MAP_LOCKED or
 * under MCL_FUTURE)?  mmap_lock held.
 */
int mlock_future_check(struct mm_struct *mm, unsigned long flags, unsigned long len)
{
	unsigned long locked, limit;

	if (!(flags & VM_LOCKED) || capable(CAP_IPC_LOCK))
		return 0;
	locked = (len >> PAGE_SHIFT) + mm_locked_pages(mm);
	limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	return locked > limit ? -EAGAIN : 0;
}

/*
 * Fault in every page of the locked, not lock-on-fault areas inside
 * [start, end).  Areas without access (PROT_NONE) stay empty, as on Linux;
 * a file area beyond its end stops at the SIGBUS.
 */
void populate_locked_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;

	mmap_write_lock(mm);
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma->vm_next) {
		unsigned long addr, s = max(start, vma->vm_start), e = min(end, vma->vm_end);
		unsigned int flags;

		if ((vma->vm_flags & VM_LOCKED_MASK) != VM_LOCKED ||
		    !(vma->vm_flags & VM_ACCESS_FLAGS))
			continue;
		flags = (vma->vm_flags & VM_WRITE) ? FAULT_FLAG_WRITE : 0;
		for (addr = s; addr < e; addr += PAGE_SIZE)
			if (handle_mm_fault(vma, addr, flags) & VM_FAULT_ERROR)
				break;
	}
	mmap_write_unlock(mm);
}

/* Give [start, end) of @vma the lock bits @newflags, splitting it at the edges. */
static int mlock_fixup(struct mm_struct *mm, struct vm_area_struct **vmap,
		       unsigned long start, unsigned long end, unsigned long newflags)
{
	struct vm_area_struct *vma = *vmap;

	if ((vma->vm_flags & VM_LOCKED_MASK) == newflags)
		return 0;
	if (split_vma(mm, vma, start))
		return -ENOMEM;
	if (vma->vm_start < start)
		vma = vma->vm_next;
	if (split_vma(mm, vma, end))
		return -ENOMEM;
	vma->vm_flags = (vma->vm_flags & ~VM_LOCKED_MASK) | newflags;
	*vmap = vma;
	return 0;
}

/* Set the lock bits on every area of [start, start + len); a hole is ENOMEM. */
static int apply_vma_lock_flags(struct mm_struct *mm, unsigned long start, size_t len,
				unsigned long flags)
{
	unsigned long end = start + len, nstart;
	struct vm_area_struct *vma;

	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	for (nstart = start; ; ) {
		unsigned long tmp = min(end, vma->vm_end);
		int err = mlock_fixup(mm, &vma, nstart, tmp, flags);

		if (err)
			return err;
		nstart = tmp;
		if (nstart >= end)
			return 0;
		vma = vma->vm_next;
		if (!vma || vma->vm_start != nstart)
			return -ENOMEM;
	}
}

static int do_mlock(unsigned long start, size_t len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long locked, limit;
	int err;

	if (!can_do_mlock())
		return -EPERM;
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	locked = len >> PAGE_SHIFT;

	mmap_write_lock(mm);
	locked += mm_locked_pages(mm);
	if (locked > limit && !capable(CAP_IPC_LOCK))
		locked -= locked_in_range(mm, start, start + len);
	if (locked > limit && !capable(CAP_IPC_LOCK)) {
		mmap_write_unlock(mm);
		return -ENOMEM;
	}
	err = apply_vma_lock_flags(mm, start, len, flags);
	mmap_write_unlock(mm);
	if (err)
		return err;
	populate_locked_range(mm, start, start + len);
	return 0;
}

SYSCALL_DEFINE2(mlock, unsigned long, start, size_t, len)
{
	return do_mlock(start, len, VM_LOCKED);
}

SYSCALL_DEFINE3(mlock2, unsigned long, start, size_t, len, int, flags)
{
	unsigned long vm_flags = VM_LOCKED;

	if (flags & ~MLOCK_ONFAULT)
		return -EINVAL;
	if (flags & MLOCK_ONFAULT)
		vm_flags |= VM_LOCKONFAULT;
	return do_mlock(start, len, vm_flags);
}

SYSCALL_DEFINE2(munlock, unsigned long, start, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int err;

	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	mmap_write_lock(mm);
	err = apply_vma_lock_flags(mm, start, len, 0);
	mmap_write_unlock(mm);
	return err;
}

/* mlockall/munlockall: the future default, then (MCL_CURRENT) every area now. */
static int apply_mlockall_flags(struct mm_struct *mm, int flags)
{
	unsigned long to_add = 0;
	struct vm_area_struct *vma;

	mm->def_flags &= ~VM_LOCKED_MASK;
	if (flags & MCL_FUTURE) {
		mm->def_flags |= VM_LOCKED;
		if (flags & MCL_ONFAULT)
			mm->def_flags |= VM_LOCKONFAULT;
		if (!(flags & MCL_CURRENT))
			return 0;
	}
	if (flags & MCL_CURRENT) {
		to_add = VM_LOCKED;
		if (flags & MCL_ONFAULT)
			to_add |= VM_LOCKONFAULT;
	}
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		vma->vm_flags = (vma->vm_flags & ~VM_LOCKED_MASK) | to_add;
	return 0;
}

SYSCALL_DEFINE1(mlockall, int, flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long limit;
	int err = -ENOMEM;

	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) ||
	    flags == MCL_ONFAULT)
		return -EINVAL;
	if (!can_do_mlock())
		return -EPERM;
	limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;

	mmap_write_lock(mm);
	if (!(flags & MCL_CURRENT) || mm->total_vm <= limit || capable(CAP_IPC_LOCK))
		err = apply_mlockall_flags(mm, flags);
	mmap_write_unlock(mm);
	if (!err && (flags & MCL_CURRENT) && !(flags & MCL_ONFAULT))
		populate_locked_range(mm, 0, TASK_SIZE_MAX);
	return err;
}

SYSCALL_DEFINE0(munlockall)
{
	struct mm_struct *mm = current->mm;

	mmap_write_lock(mm);
	apply_mlockall_flags(mm, 0);
	mmap_write_unlock(mm);
	return 0;
}
