/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual memory areas: a process's address space is a sorted set of
 * non-overlapping VMAs, each a range [vm_start, vm_end) with one set of
 * permissions and one backing: anonymous memory, or a file's page cache
 * (vm_file, from vm_pgoff on; shared anonymous memory is an unlinked
 * tmpfs file too).
 * They are kept both in a list in address order (for walking) and in a
 * red-black tree (find_vma in O(log n) on every page fault).
 *
 * Lock: mm->mmap_lock (an rwsem, <linux/mmap_lock.h>) guards the set of
 * VMAs: written to change it, read to walk it; page faults hold the read
 * side and fill PTEs under mm->page_table_lock.  Never copy to or from
 * user memory while holding the write side: the copy may fault and need
 * the lock.
 */
#ifndef _LINUX_MM_VMA_H
#define _LINUX_MM_VMA_H

#include <linux/mm_types.h>
#include <linux/list.h>
#include <linux/rbtree.h>

#define VM_NONE		0x00000000
#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_SHARED	0x00000008
#define VM_MAYREAD	0x00000010
#define VM_MAYWRITE	0x00000020
#define VM_MAYEXEC	0x00000040
#define VM_MAYSHARE	0x00000080
#define VM_GROWSDOWN	0x00000100
#define VM_UFFD_MISSING	0x00000200	/* userfaultfd: report missing pages */
#define VM_UFFD_WP	0x00001000	/* userfaultfd: report writes to wp-marked pages */
#define VM_LOCKED	0x00002000
#define VM_SEQ_READ	0x00008000	/* MADV_SEQUENTIAL */
#define VM_RAND_READ	0x00010000	/* MADV_RANDOM */
#define VM_DONTCOPY	0x00020000
#define VM_DONTEXPAND	0x00040000
#define VM_ACCOUNT	0x00100000
#define VM_NORESERVE	0x00200000
#define VM_WIPEONFORK	0x02000000
#define VM_DONTDUMP	0x04000000
#define VM_LOCKONFAULT	0x00080000	/* VM_LOCKED, but pages come in as they fault */
#define VM_LOCKED_MASK	(VM_LOCKED | VM_LOCKONFAULT)
#define VM_UFFD_MINOR	(1UL << 41)	/* userfaultfd: report cached but unmapped pages */
#define __VM_UFFD_FLAGS	(VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR)
#define VM_STACK	VM_GROWSDOWN
#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)

/* Room left below the stack before mmap areas start (Linux: at least 128 MiB). */
#define MMAP_STACK_RESERVE	(128UL << 20)

struct file;
struct page;
struct vm_area_struct;
struct userfaultfd_ctx;

/* The userfaultfd an area is registered with (fs/userfaultfd.c), or NULL. */
struct vm_userfaultfd_ctx {
	struct userfaultfd_ctx *ctx;
};

/* What a fault handler (vm_ops->fault) is asked and answers. */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned int flags;		/* FAULT_FLAG_* */
	unsigned long address;		/* page-aligned */
	unsigned long real_address;	/* as the CPU reported it */
	pgoff_t pgoff;			/* page index in the file */
	struct page *page;		/* out: the page, with a reference */
};

struct vm_operations_struct {
	/* Find the page for a missing PTE; returns 0 or VM_FAULT_* bits. */
	unsigned int (*fault)(struct vm_fault *vmf);
	/*
	 * A copy of the area was made (fork, split, mremap) / the area goes
	 * away (munmap, exit, exec).  SysV shm counts attaches with them.
	 * Areas with a close never merge: each one is counted.
	 */
	void (*open)(struct vm_area_struct *vma);
	void (*close)(struct vm_area_struct *vma);
};

struct vm_area_struct {
	unsigned long vm_start;		/* first byte */
	unsigned long vm_end;		/* first byte after */
	struct vm_area_struct *vm_next, *vm_prev;	/* address order */
	struct rb_node vm_rb;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;		/* PTE bits for pages of this area */
	unsigned long vm_flags;		/* VM_* */
	unsigned long vm_pgoff;		/* offset in the backing object, pages */
	struct file *vm_file;		/* the mapped file, with a reference, or NULL */
	const struct vm_operations_struct *vm_ops;
	struct list_head shared;	/* in vm_file's mapping->i_mmap */
	void *vm_private_data;		/* the vm_ops' own (shm: the segment) */
	/* With VM_UFFD_*: whose userfaultfd hears of this area's faults. */
	struct vm_userfaultfd_ctx vm_userfaultfd_ctx;
};

/* Results of handle_mm_fault */
#define VM_FAULT_OOM		0x0001
#define VM_FAULT_SIGBUS		0x0002
#define VM_FAULT_MAJOR		0x0004
#define VM_FAULT_SIGSEGV	0x0040
#define VM_FAULT_NOPAGE		0x0100	/* the handler installed the PTE itself */
#define VM_FAULT_RETRY		0x0400	/* mmap_lock was dropped: fault again */
#define VM_FAULT_ERROR		(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)

/* Flags for handle_mm_fault */
#define FAULT_FLAG_WRITE	0x01
/* The caller can take VM_FAULT_RETRY: the handler may drop mmap_lock and sleep. */
#define FAULT_FLAG_ALLOW_RETRY	0x04
#define FAULT_FLAG_KILLABLE	0x10
#define FAULT_FLAG_TRIED	0x20
#define FAULT_FLAG_USER		0x40
#define FAULT_FLAG_INSTRUCTION	0x100

#define MM_ANONPAGES		0
#define MM_SHMEMPAGES		1
#define MM_SWAPENTS		2	/* swap entries in its PTEs */
#define NR_MM_COUNTERS		3

/* Pages the address space has resident (Linux counts file pages too; we do not yet). */
static inline unsigned long get_mm_rss(struct mm_struct *mm)
{
	return atomic_long_read(&mm->rss_stat[MM_ANONPAGES]) +
	       atomic_long_read(&mm->rss_stat[MM_SHMEMPAGES]);
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start, unsigned long end);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
unsigned int handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			     unsigned int flags);
pgprot_t vm_get_page_prot(unsigned long vm_flags);
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long offset);
int do_mprotect(unsigned long start, size_t len, unsigned long prot);
int vm_munmap(unsigned long addr, size_t len);
/* The same with mmap_lock held (ipc/shm.c maps segments with them). */
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff,
		      bool *populate);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
void mm_populate(unsigned long start, unsigned long len);
/* mm/memory.c: the PTE of @addr if its table exists; where the next table may be. */
pte_t *walk_existing(struct mm_struct *mm, unsigned long addr);
unsigned long skip_pgtable_hole(struct mm_struct *mm, unsigned long addr);
int setup_stack_vma(struct mm_struct *mm, unsigned long start, unsigned long end);
/* Cut @vma in two at @addr (mmap_lock written); 0 or -ENOMEM. */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr);

#endif
