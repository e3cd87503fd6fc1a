/* SPDX-License-Identifier: GPL-2.0 */
/*
 * userfaultfd, the kernel side: what the fault path and the VMA code ask
 * of an area registered with a userfaultfd (fs/userfaultfd.c), and the
 * operations that resolve its faults (mm/userfaultfd.c).
 */
#ifndef _LINUX_USERFAULTFD_K_H
#define _LINUX_USERFAULTFD_K_H

#include <linux/mm_vma.h>
#include <uapi/linux/userfaultfd.h>

struct userfaultfd_ctx;

/* Queue a fault for the handler, drop mmap_lock, sleep: VM_FAULT_RETRY or an error. */
unsigned int handle_userfault(struct vm_fault *vmf, unsigned long reason);

static inline bool userfaultfd_missing(const struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_MISSING;
}

static inline bool userfaultfd_wp(const struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_WP;
}

static inline bool userfaultfd_minor(const struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_MINOR;
}

static inline bool userfaultfd_armed(const struct vm_area_struct *vma)
{
	return vma->vm_flags & __VM_UFFD_FLAGS;
}

/*
 * A copy of an area that leaves the registration behind: fork's child
 * and mremap's destination (no UFFD_FEATURE_EVENT_FORK/REMAP here, and
 * without them Linux drops it too).
 */
static inline void userfaultfd_drop_vma(struct vm_area_struct *vma)
{
	vma->vm_userfaultfd_ctx.ctx = NULL;
	vma->vm_flags &= ~__VM_UFFD_FLAGS;
}

/* A page-aligned, non-empty range of user addresses: 0, else -EINVAL. */
int userfaultfd_validate_range(unsigned long start, unsigned long len);
/* vm.unprivileged_userfaultfd */
extern int sysctl_unprivileged_userfaultfd;

/* Areas that may be registered: anonymous memory and tmpfs (shmem) files. */
bool vma_is_shmem(const struct vm_area_struct *vma);
bool vma_can_userfault(const struct vm_area_struct *vma, unsigned long vm_flags);

/* mm/userfaultfd.c: fill or protect pages of @ctx's mm; bytes done or -errno. */
long mfill_atomic_copy(struct userfaultfd_ctx *ctx, struct mm_struct *mm,
		       unsigned long dst, unsigned long src, unsigned long len, bool wp);
long mfill_atomic_zeropage(struct userfaultfd_ctx *ctx, struct mm_struct *mm,
			   unsigned long dst, unsigned long len);
long mfill_atomic_continue(struct userfaultfd_ctx *ctx, struct mm_struct *mm,
			   unsigned long dst, unsigned long len);
int mwriteprotect_range(struct userfaultfd_ctx *ctx, struct mm_struct *mm,
			unsigned long start, unsigned long len, bool wp);
/* Set or clear the uffd-wp mark of the PTEs of [start, end) in @vma (present or swapped). */
void uffd_wp_range(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		   bool wp);

#endif /* _LINUX_USERFAULTFD_K_H */
