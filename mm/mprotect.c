// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect: change the permissions of part of the address space.  The
 * VMAs are split at the edges and given the new flags; existing PTEs get
 * the new protection.  Write permission is never added to a PTE of a
 * private area here: the page may still be shared copy-on-write, and
 * the next write fault decides (do_wp_page).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mmap_lock.h>
#include <asm/tlbflush.h>
#include "vma_internal.h"

static void change_pte_range(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	pgprot_t prot = vma->vm_page_prot;
	unsigned long addr;

	for (addr = start; addr < end; ) {
		pte_t *pte = walk_existing(mm, addr);
		pte_t entry;

		if (!pte) {
			addr = skip_pgtable_hole(mm, addr);
			continue;
		}
		entry = *pte;
		if (pte_present(entry)) {
			bool keep_write = pte_write(entry) && (vma->vm_flags & VM_WRITE) &&
					  !pte_uffd_wp(entry);
			pte_t n = pte_modify(entry, prot);

			/*
			 * Keep hardware bits; a private page keeps RW only if it
			 * had it; a userfaultfd-protected page stays protected.
			 */
			n = __pte(pte_val(n) |
				  (pte_val(entry) & (_PAGE_DIRTY | _PAGE_ACCESSED | _PAGE_UFFD_WP)));
			if (keep_write)
				n = pte_mkwrite(n);
			set_pte(pte, n);
		}
		addr += PAGE_SIZE;
	}
}

int do_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *next;
	unsigned long end, newflags, nstart;
	int err = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start || end > TASK_SIZE_MAX)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM |
		     PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if ((prot & (PROT_GROWSDOWN | PROT_GROWSUP)) == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;

	mmap_write_lock(mm);
	vma = find_vma(mm, start);
	err = -ENOMEM;
	if (!vma || vma->vm_start > start)
		goto out;
	/*
	 * The whole range must be mapped, without holes, and each area must
	 * allow what is asked: a shared mapping of a file opened read-only
	 * has no VM_MAYWRITE, so PROT_WRITE there is EACCES.
	 */
	for (next = vma, nstart = start; next && next->vm_start <= nstart && nstart < end;
	     next = next->vm_next) {
		unsigned long want = (prot & PROT_READ ? VM_READ : 0) |
				     (prot & PROT_WRITE ? VM_WRITE : 0) |
				     (prot & PROT_EXEC ? VM_EXEC : 0);

		if (want & ~(next->vm_flags >> 4) & VM_ACCESS_FLAGS) {
			err = -EACCES;
			goto out;
		}
		nstart = next->vm_end;
	}
	if (nstart < end)
		goto out;

	if (split_vma(mm, vma, start))
		goto out;
	if (vma->vm_start < start)
		vma = vma->vm_next;
	for (; vma && vma->vm_start < end; vma = next) {
		if (vma->vm_end > end && split_vma(mm, vma, end))
			goto out;
		next = vma->vm_next;
		newflags = vma->vm_flags & ~VM_ACCESS_FLAGS;
		newflags |= (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
			    (prot & PROT_EXEC ? VM_EXEC : 0);
		vma->vm_flags = newflags;
		vma->vm_page_prot = vm_get_page_prot(newflags);
		change_pte_range(vma, vma->vm_start, vma->vm_end);
	}
	flush_tlb_mm_range(mm, start, end);
	err = 0;
out:
	mmap_write_unlock(mm);
	return err;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	return do_mprotect(start, len, prot);
}
