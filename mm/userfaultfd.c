// SPDX-License-Identifier: GPL-2.0
/*
 * The memory side of userfaultfd (the descriptor is fs/userfaultfd.c):
 * the ioctls that resolve a fault by putting a page where it was
 * missing, and the write protection a handler sets and lifts.
 *
 * UFFDIO_COPY fills a missing page with a copy of the caller's data,
 * UFFDIO_ZEROPAGE with zeros (the shared zero page in anonymous memory),
 * UFFDIO_CONTINUE maps the page a tmpfs file already has (a minor
 * fault: the page is in the page cache, only this mapping lacks it).
 * Each works page by page on the registering process's mm, refuses a
 * page that is already there (-EEXIST), and reports how many bytes it
 * filled before the first failure.  In a shared tmpfs mapping COPY and
 * ZEROPAGE put the page into the file, as a write would.
 *
 * Write protection is a software bit in the PTE (_PAGE_UFFD_WP) with RW
 * cleared: the write faults, and handle_mm_fault sees the bit and asks
 * the handler instead of doing copy-on-write.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/shmem_fs.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/uaccess.h>
#include <linux/userfaultfd_k.h>
#include <asm/tlbflush.h>
#include "internal.h"
#include "vma_internal.h"

int userfaultfd_validate_range(unsigned long start, unsigned long len)
{
	if ((start & ~PAGE_MASK) || (len & ~PAGE_MASK) || !len)
		return -EINVAL;
	if (start < MMAP_MIN_ADDR || start >= TASK_SIZE)
		return -EINVAL;
	if (len > TASK_SIZE - start)
		return -EINVAL;
	return 0;
}

bool vma_is_shmem(const struct vm_area_struct *vma)
{
	return vma->vm_file && memfd_file_seals_ptr(vma->vm_file);
}

/*
 * Which areas take which modes: missing faults in anonymous memory and
 * tmpfs, write protection in anonymous memory, minor faults in tmpfs
 * (only a file can have a page this mapping lacks).  Areas of kernel
 * pages (the vDSO) take none.
 */
bool vma_can_userfault(const struct vm_area_struct *vma, unsigned long vm_flags)
{
	bool anon = !vma->vm_file && !vma->vm_ops && !(vma->vm_flags & VM_DONTEXPAND);

	if ((vm_flags & VM_UFFD_MINOR) && !vma_is_shmem(vma))
		return false;
	if ((vm_flags & VM_UFFD_WP) && !anon)
		return false;
	return anon || vma_is_shmem(vma);
}

/*
 * The area that holds all of [dst, dst + len), registered with @ctx; NULL
 * if there is none (the ioctls answer -ENOENT, as Linux does).
 */
static struct vm_area_struct *find_dst_vma(struct userfaultfd_ctx *ctx, struct mm_struct *mm,
					   unsigned long dst, unsigned long len)
{
	struct vm_area_struct *vma = find_vma(mm, dst);

	if (!vma || dst < vma->vm_start || dst + len > vma->vm_end)
		return NULL;
	if (vma->vm_userfaultfd_ctx.ctx != ctx)
		return NULL;
	return vma;
}

/* A new page's home in a shared tmpfs mapping: the file, at the page's offset. */
static int shmem_fill_cache(struct vm_area_struct *vma, unsigned long addr, struct page *page)
{
	struct address_space *mapping = vma->vm_file->f_mapping;
	pgoff_t pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	int err;

	if (pgoff >= DIV_ROUND_UP(i_size_read(mapping->host), PAGE_SIZE))
		return -EFAULT;
	__SetPageLocked(page);
	__SetPageSwapBacked(page);
	SetPageUptodate(page);
	err = add_to_page_cache(page, mapping, pgoff, GFP_KERNEL);
	unlock_page(page);
	if (err) {
		ClearPageUptodate(page);
		__ClearPageSwapBacked(page);
		return err;
	}
	set_page_dirty(page);
	return 0;
}

/*
 * Map @page (ours, with one reference that the PTE takes over) at @addr
 * if nothing is there: anonymous memory or a private mapping gets an
 * anonymous page, a shared tmpfs mapping the file's new page.
 */
static int mfill_install_page(struct vm_area_struct *vma, unsigned long addr,
			      struct page *page, bool wp)
{
	struct mm_struct *mm = vma->vm_mm;
	bool shared = vma->vm_flags & VM_SHARED;
	pte_t *pte;
	int err;

	if (shared) {
		/* The file may have the page already: that is -EEXIST too. */
		err = shmem_fill_cache(vma, addr, page);
		if (err)
			return err;
	}
	pte = walk_alloc_pte(mm, addr);
	if (!pte)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (!pte_none(*pte)) {
		spin_unlock(&mm->page_table_lock);
		return -EEXIST;
	}
	map_new_page(vma, addr, pte, page, (vma->vm_flags & VM_WRITE) && !wp,
		     shared ? MM_SHMEMPAGES : MM_ANONPAGES);
	if (wp)
		set_pte(pte, pte_mkuffd_wp(*pte));
	spin_unlock(&mm->page_table_lock);
	if (!shared)
		lru_cache_add_inactive_or_unevictable(page);
	return 0;
}

/* The zero page, read-only, at @addr of anonymous memory. */
static int mfill_zero_pte(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte = walk_alloc_pte(mm, addr);

	if (!pte)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (!pte_none(*pte)) {
		spin_unlock(&mm->page_table_lock);
		return -EEXIST;
	}
	set_pte(pte, pte_wrprotect(pfn_pte(my_zero_pfn(addr), vma->vm_page_prot)));
	spin_unlock(&mm->page_table_lock);
	return 0;
}

enum mfill_kind { MFILL_COPY, MFILL_ZEROPAGE };

/*
 * COPY and ZEROPAGE: page by page, the data first (the source is the
 * caller's memory and may fault; no lock is held), then the PTE under
 * mmap_lock.  Bytes filled, or the error of the first page.
 */
static long mfill_atomic(struct userfaultfd_ctx *ctx, struct mm_struct *mm, unsigned long dst,
			 unsigned long src, unsigned long len, enum mfill_kind kind, bool wp)
{
	unsigned long done = 0;
	long err = 0;

	while (done < len) {
		unsigned long addr = dst + done;
		struct vm_area_struct *vma;
		struct page *page = NULL;

		if (fatal_signal_pending(current)) {
			err = -EINTR;
			break;
		}
		mmap_read_lock(mm);
		vma = find_dst_vma(ctx, mm, dst, len);
		err = -ENOENT;
		if (!vma)
			goto unlock;
		err = -EINVAL;
		if (!vma_can_userfault(vma, VM_UFFD_MISSING))
			goto unlock;
		if (wp && !userfaultfd_wp(vma))
			goto unlock;
		if (kind == MFILL_ZEROPAGE && !(vma->vm_flags & VM_SHARED)) {
			err = mfill_zero_pte(vma, addr);
			goto unlock;
		}
		mmap_read_unlock(mm);

		page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
		if (!page) {
			err = -ENOMEM;
			break;
		}
		if (kind == MFILL_COPY &&
		    copy_from_user(page_address(page), (void __user *)(src + done), PAGE_SIZE)) {
			put_page(page);
			err = -EFAULT;
			break;
		}

		/* The areas may have changed while we copied: look again. */
		mmap_read_lock(mm);
		vma = find_dst_vma(ctx, mm, dst, len);
		err = -ENOENT;
		if (vma)
			err = mfill_install_page(vma, addr, page, wp);
		if (err)
			put_page(page);
unlock:
		mmap_read_unlock(mm);
		if (err)
			break;
		done += PAGE_SIZE;
		cond_resched();
	}
	return done ? (long)done : err;
}

long mfill_atomic_copy(struct userfaultfd_ctx *ctx, struct mm_struct *mm, unsigned long dst,
		       unsigned long src, unsigned long len, bool wp)
{
	return mfill_atomic(ctx, mm, dst, src, len, MFILL_COPY, wp);
}

long mfill_atomic_zeropage(struct userfaultfd_ctx *ctx, struct mm_struct *mm,
			   unsigned long dst, unsigned long len)
{
	return mfill_atomic(ctx, mm, dst, 0, len, MFILL_ZEROPAGE, false);
}

/*
 * UFFDIO_CONTINUE: map the file's own page.  It must be there (-EFAULT
 * otherwise: the handler was to put it in the file first).  Writable in
 * a shared writable mapping; a private one maps it read-only and a
 * write copies it, as for any file page.
 */
long mfill_atomic_continue(struct userfaultfd_ctx *ctx, struct mm_struct *mm,
			   unsigned long dst, unsigned long len)
{
	unsigned long done = 0;
	long err = 0;

	mmap_read_lock(mm);
	while (done < len) {
		unsigned long addr = dst + done;
		struct vm_area_struct *vma = find_dst_vma(ctx, mm, dst, len);
		struct address_space *mapping;
		struct page *page;
		bool writable;
		pgoff_t pgoff;
		pte_t *pte;

		err = -ENOENT;
		if (!vma)
			break;
		err = -EINVAL;
		if (!userfaultfd_minor(vma))
			break;
		mapping = vma->vm_file->f_mapping;
		pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
		err = -EFAULT;
		if (pgoff >= DIV_ROUND_UP(i_size_read(mapping->host), PAGE_SIZE))
			break;
		page = find_get_page(mapping, pgoff);
		if (!page)
			break;
		err = -ENOMEM;
		pte = walk_alloc_pte(mm, addr);
		if (!pte) {
			put_page(page);
			break;
		}
		writable = (vma->vm_flags & (VM_SHARED | VM_WRITE)) == (VM_SHARED | VM_WRITE);
		spin_lock(&mm->page_table_lock);
		if (!pte_none(*pte)) {
			spin_unlock(&mm->page_table_lock);
			put_page(page);
			err = -EEXIST;
			break;
		}
		if (writable)
			set_page_dirty(page);
		map_new_page(vma, addr, pte, page, writable, MM_SHMEMPAGES);
		spin_unlock(&mm->page_table_lock);
		err = 0;
		done += PAGE_SIZE;
	}
	mmap_read_unlock(mm);
	return done ? (long)done : err;
}

/*
 * Set or clear the protection on the pages of [start, end).
 * Clearing leaves RW off: the next write takes the ordinary write fault
 * (copy-on-write if the page is shared).  Atomic updates: the CPU may set
 * accessed and dirty bits meanwhile.
 */
void uffd_wp_range(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		   bool wp)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr;

	for (addr = start; addr < end; ) {
		pte_t *pte = walk_existing(mm, addr);

		if (!pte) {
			addr = skip_pgtable_hole(mm, addr);
			continue;
		}
		/* Faults and reclaim change PTEs under this lock, one at a time. */
		spin_lock(&mm->page_table_lock);
		if (is_swap_pte(*pte)) {
			/* Swapped out: the mark waits in the swap entry (swapops.h). */
			if (wp)
				set_pte(pte, pte_swp_mkuffd_wp(*pte));
			else
				set_pte(pte, __pte(pte_val(*pte) & ~_PAGE_SWP_UFFD_WP));
		} else if (pte_present(*pte)) {
			if (wp) {
				__atomic_fetch_and(&pte->pte, ~_PAGE_RW, __ATOMIC_SEQ_CST);
				__atomic_fetch_or(&pte->pte, _PAGE_UFFD_WP, __ATOMIC_SEQ_CST);
			} else {
				__atomic_fetch_and(&pte->pte, ~_PAGE_UFFD_WP, __ATOMIC_SEQ_CST);
			}
		}
		spin_unlock(&mm->page_table_lock);
		addr += PAGE_SIZE;
		if (!(addr & (PMD_SIZE - 1)))
			cond_resched();
	}
	flush_tlb_mm_range(mm, start, end);
}

int mwriteprotect_range(struct userfaultfd_ctx *ctx, struct mm_struct *mm,
			unsigned long start, unsigned long len, bool wp)
{
	struct vm_area_struct *vma;
	int err = -ENOENT;

	mmap_read_lock(mm);
	vma = find_dst_vma(ctx, mm, start, len);
	if (vma && userfaultfd_wp(vma)) {
		uffd_wp_range(vma, start, start + len, wp);
		err = 0;
	}
	mmap_read_unlock(mm);
	return err;
}
