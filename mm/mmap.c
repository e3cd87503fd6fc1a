// SPDX-License-Identifier: GPL-2.0
/*
 * The process address space as a set of VMAs: the seed's "malloc ->
 * brk/mmap -> VMAs" step.  mmap() and brk() do not allocate memory; they
 * only create or extend VMAs saying what may be there.  Pages arrive
 * later, one page fault at a time (handle_mm_fault in memory.c).
 *
 * Each VMA is in an address-ordered list and in a red-black tree keyed
 * by address.  Adjacent areas with identical flags and backing are
 * merged, so a program calling brk() a thousand times has one heap VMA.
 * Unmapping or changing part of an area first splits it at the edges.
 *
 * A file mapping's VMA holds a reference on the file (vm_file) and sits
 * in the file's mapping->i_mmap list, so truncate can find and unmap
 * every page of the file any process maps (unmap_mapping_range).  Its
 * pages come from the page cache through vm_ops->fault (mm/filemap.c).
 * MAP_SHARED|MAP_ANONYMOUS memory is an unlinked tmpfs file
 * (shmem_zero_setup), so it works the same way and survives fork.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/mmap_lock.h>
#include <linux/userfaultfd_k.h>
#include <uapi/linux/personality.h>
#include <asm/tlbflush.h>
#include "vma_internal.h"

#define STACK_GUARD_GAP		(256UL << PAGE_SHIFT)	/* Linux's stack_guard_gap */

static struct kmem_cache *vm_area_cachep;

/* x86: any permission implies read; write without exec is NX. */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	unsigned long prot;

	if (!(vm_flags & VM_ACCESS_FLAGS))
		return PAGE_NONE;
	prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;
	/* Private writable pages start read-only: the first write copies (COW). */
	if ((vm_flags & VM_WRITE) && (vm_flags & VM_SHARED))
		prot |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return __pgprot(prot);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (vma) {
		vma->vm_mm = mm;
		RB_CLEAR_NODE(&vma->vm_rb);
		INIT_LIST_HEAD(&vma->shared);
	}
	return vma;
}

static bool vma_is_shared_maywrite(const struct vm_area_struct *vma)
{
	return (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == (VM_SHARED | VM_MAYWRITE);
}

/* Enter a file area in its file's list of mappings. */
void vma_link_file(struct vm_area_struct *vma)
{
	struct address_space *mapping = vma->vm_file->f_mapping;

	mutex_lock(&mapping->i_mmap_lock);
	list_add_tail(&vma->shared, &mapping->i_mmap);
	if (vma_is_shared_maywrite(vma))
		atomic_inc(&mapping->i_mmap_writable);
	mutex_unlock(&mapping->i_mmap_lock);
}

void vma_unlink_file(struct vm_area_struct *vma)
{
	struct address_space *mapping = vma->vm_file->f_mapping;

	if (list_empty(&vma->shared))
		return;
	mutex_lock(&mapping->i_mmap_lock);
	list_del_init(&vma->shared);
	if (vma_is_shared_maywrite(vma))
		atomic_dec(&mapping->i_mmap_writable);
	mutex_unlock(&mapping->i_mmap_lock);
}

struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *vma = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	if (vma) {
		*vma = *orig;
		vma->vm_next = vma->vm_prev = NULL;
		RB_CLEAR_NODE(&vma->vm_rb);
		INIT_LIST_HEAD(&vma->shared);
		if (vma->vm_file) {
			get_file(vma->vm_file);
			vma_link_file(vma);
		}
		if (vma->vm_ops && vma->vm_ops->open)
			vma->vm_ops->open(vma);
	}
	return vma;
}

void vm_area_free(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file) {
		vma_unlink_file(vma);
		fput(vma->vm_file);
	}
	kmem_cache_free(vm_area_cachep, vma);
}

/* The first VMA that ends above @addr (it may start above it too), or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma = rb_entry(node, struct vm_area_struct, vm_rb);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return (vma && vma->vm_start < end) ? vma : NULL;
}

/* The VMA before @addr's position in the list (the last one ending at or below it). */
static struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *next = find_vma(mm, addr);
	struct vm_area_struct *last;

	if (next)
		return next->vm_prev;
	for (last = mm->mmap; last && last->vm_next; last = last->vm_next)
		;
	return last;
}

/* Link @vma in after @prev (NULL: first) and into the tree. */
static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		     struct vm_area_struct *prev)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;

	vma->vm_prev = prev;
	if (prev) {
		vma->vm_next = prev->vm_next;
		prev->vm_next = vma;
	} else {
		vma->vm_next = mm->mmap;
		mm->mmap = vma;
	}
	if (vma->vm_next)
		vma->vm_next->vm_prev = vma;

	while (*link) {
		struct vm_area_struct *v;

		parent = *link;
		v = rb_entry(parent, struct vm_area_struct, vm_rb);
		link = vma->vm_start < v->vm_start ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	mm->map_count++;
}

/* fork: areas are copied in order, so each goes after the previous one. */
void vma_link_after(struct mm_struct *mm, struct vm_area_struct *vma,
		    struct vm_area_struct *prev)
{
	vma_link(mm, vma, prev);
}

static void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_prev)
		vma->vm_prev->vm_next = vma->vm_next;
	else
		mm->mmap = vma->vm_next;
	if (vma->vm_next)
		vma->vm_next->vm_prev = vma->vm_prev;
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	mm->map_count--;
}

static void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if (flags & VM_GROWSDOWN)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		mm->data_vm += npages;
	else if ((flags & (VM_EXEC | VM_WRITE)) == VM_EXEC)
		mm->exec_vm += npages;
}

/* Can @b follow @a as one area?  Same flags, same backing, contiguous offsets. */
static bool can_merge(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       a->vm_file == b->vm_file && a->vm_ops == b->vm_ops &&
	       a->vm_userfaultfd_ctx.ctx == b->vm_userfaultfd_ctx.ctx &&
	       !(a->vm_ops && a->vm_ops->close) &&
	       (!a->vm_file ||
		a->vm_pgoff + ((a->vm_end - a->vm_start) >> PAGE_SHIFT) == b->vm_pgoff);
}

/* Fold @vma into its neighbours where possible.  Returns the surviving VMA. */
static struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	if (next && can_merge(vma, next)) {
		vma->vm_end = next->vm_end;
		vma_unlink(mm, next);
		vm_area_free(next);
	}
	if (prev && can_merge(prev, vma)) {
		prev->vm_end = vma->vm_end;
		vma_unlink(mm, vma);
		vm_area_free(vma);
		return prev;
	}
	return vma;
}

/* Cut @vma in two at @addr; the new piece is the part above @addr. */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *new;

	if (addr <= vma->vm_start || addr >= vma->vm_end)
		return 0;
	if (mm->map_count >= DEFAULT_MAX_MAP_COUNT)
		return -ENOMEM;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	new->vm_start = addr;
	new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	vma_link(mm, new, vma);
	return 0;
}

/* Add a stand-alone area (mremap's destination) at its place in the order. */
void vma_insert(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vma_link(mm, vma, find_vma_prev(mm, vma->vm_start));
	vm_stat_account(mm, vma->vm_flags, (vma->vm_end - vma->vm_start) >> PAGE_SHIFT);
}

/* Drop an area whose pages were moved elsewhere (no unmapping). */
void vma_remove(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vm_stat_account(mm, vma->vm_flags, -(long)((vma->vm_end - vma->vm_start) >> PAGE_SHIFT));
	vma_unlink(mm, vma);
	vm_area_free(vma);
}

/* Move an area's end (growing in place); the tree key, vm_start, is unchanged. */
void vma_set_end(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long end)
{
	vm_stat_account(mm, vma->vm_flags, ((long)end - (long)vma->vm_end) >> PAGE_SHIFT);
	vma->vm_end = end;
}

/*
 * Remove [start, start + len) from the address space: split the VMAs at
 * the edges, free the pages and drop the areas.  Unmapping nothing is
 * not an error.
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	unsigned long end;
	struct vm_area_struct *vma, *next;

	if ((start & ~PAGE_MASK) || start >= TASK_SIZE_MAX || len > TASK_SIZE_MAX - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	end = start + len;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (split_vma(mm, vma, start))
		return -ENOMEM;
	if (vma->vm_start < start)
		vma = vma->vm_next;
	for (; vma && vma->vm_start < end; vma = next) {
		if (vma->vm_end > end && split_vma(mm, vma, end))
			return -ENOMEM;
		next = vma->vm_next;
		zap_page_range(vma, vma->vm_start, vma->vm_end - vma->vm_start);
		vm_stat_account(mm, vma->vm_flags, -(long)((vma->vm_end - vma->vm_start) >> PAGE_SHIFT));
		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
	flush_tlb_mm_range(mm, start, end);
	return 0;
}

/*
 * A free range of @len bytes: at @addr if it is free (a hint), else the
 * highest gap below mmap_base, as Linux's top-down layout does.
 */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len)
{
	struct vm_area_struct *vma;
	unsigned long high;

	if (len > TASK_SIZE_MAX - MMAP_MIN_ADDR)
		return -ENOMEM;
	if (addr) {
		addr &= PAGE_MASK;	/* a hint is rounded down, as Linux does */
		if (addr >= MMAP_MIN_ADDR && addr <= TASK_SIZE_MAX - len &&
		    !find_vma_intersection(mm, addr, addr + len))
			return addr;
	}
	/* Walk down from mmap_base through the gaps between areas. */
	high = mm->mmap_base;
	vma = find_vma_prev(mm, high);
	for (;;) {
		unsigned long low = vma ? vma->vm_end : MMAP_MIN_ADDR;
		unsigned long next_start = vma && vma->vm_next ? vma->vm_next->vm_start : high;

		/* The gap is [low, min(high, start of the area above)). */
		high = min(high, next_start);
		if (high >= low + len)
			return high - len;
		if (!vma)
			return -ENOMEM;
		high = vma->vm_start;
		vma = vma->vm_prev;
	}
}

static unsigned long calc_vm_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm_flags = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	vm_flags |= (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
		    (prot & PROT_EXEC ? VM_EXEC : 0);
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;
	return vm_flags;
}

/*
 * Create an area [addr, addr + len) with @vm_flags, mapping @file from
 * page @pgoff if given.  mmap_lock held.
 */
static unsigned long mmap_region(struct mm_struct *mm, struct file *file, unsigned long addr,
				 unsigned long len, unsigned long vm_flags, unsigned long pgoff)
{
	struct vm_area_struct *vma, *prev;
	int err;

	/*
	 * Private writable memory and shared anonymous memory are what RAM
	 * and swap must back (Linux's accountable mappings), unless the
	 * caller said MAP_NORESERVE.
	 */
	if (!(vm_flags & VM_NORESERVE) &&
	    (((vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE) ||
	     (!file && (vm_flags & VM_SHARED))) &&
	    __vm_enough_memory(mm, (long)(len >> PAGE_SHIFT)))
		return -ENOMEM;
	err = do_munmap(mm, addr, len);		/* MAP_FIXED replaces what was there */
	if (err)
		return err;
	if (mm->map_count >= DEFAULT_MAX_MAP_COUNT)
		return -ENOMEM;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_pgoff = pgoff;
	/*
	 * Set before the file's mmap: a driver's mmap may fill the page
	 * tables right away (vm_insert_page), with this protection.
	 */
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	if (file) {
		vma->vm_file = get_file(file);
		/* The file's mmap installs vm_ops and may drop VM_MAY* bits (seals). */
		err = file->f_op->mmap(file, vma);
		if (err)
			goto free_vma;
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
		if (err)
			goto free_vma;
	}
	if (vma->vm_file)
		vma_link_file(vma);
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	prev = find_vma_prev(mm, addr);
	vma_link(mm, vma, prev);
	vm_stat_account(mm, vma->vm_flags, len >> PAGE_SHIFT);
	vma_merge(mm, vma);
	return addr;

free_vma:
	vm_area_free(vma);
	return err;
}

/* Everything Linux lets a mapping of a regular file (at most) reach. */
static bool file_mmap_ok(struct file *file, unsigned long pgoff, unsigned long len)
{
	u64 maxsize = S_ISREG(file_inode(file)->i_mode) ? MAX_LFS_FILESIZE : ULONG_MAX;

	if (len > maxsize)
		return false;
	return pgoff <= (maxsize - len) >> PAGE_SHIFT;
}

/* The flags MAP_SHARED ever accepted; MAP_SHARED_VALIDATE refuses the rest. */
#define LEGACY_MAP_MASK	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | \
			 MAP_DENYWRITE | MAP_EXECUTABLE | MAP_UNINITIALIZED | \
			 MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | \
			 MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB)

/*
 * What the open file allows: a shared writable mapping needs a file
 * open for writing; a shared mapping of a read-only open can never gain
 * PROT_WRITE (no VM_MAYWRITE) and does not count as shared for COW;
 * any mapping needs read access; the file must know how to be mapped.
 */
static int mmap_file_checks(struct file *file, unsigned long prot, unsigned long flags,
			    unsigned long *vm_flags, unsigned long pgoff, unsigned long len)
{
	if (!file_mmap_ok(file, pgoff, len))
		return -EOVERFLOW;
	switch (flags & MAP_TYPE) {
	case MAP_SHARED_VALIDATE:
		if (flags & ~LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		fallthrough;
	case MAP_SHARED:
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		*vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (!(file->f_mode & FMODE_WRITE))
			*vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		fallthrough;
	case MAP_PRIVATE:
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
		if (!file->f_op || !file->f_op->mmap)
			return -ENODEV;
		if (*vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		return 0;
	default:
		return -EINVAL;
	}
}

/* mmap: anonymous memory or a file's pages.  mmap_lock held. */
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff,
		      bool *populate)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags;
	int err;

	*populate = false;
	if (!len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE_MAX)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (!file) {
		/* MAP_SHARED_VALIDATE is for files; Linux 6.1 refuses it for anonymous memory. */
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			if (flags & MAP_GROWSDOWN)
				return -EINVAL;
			pgoff = 0;
			break;
		case MAP_PRIVATE:
			break;
		default:
			return -EINVAL;
		}
	} else if ((flags & MAP_TYPE) != MAP_SHARED && (flags & MAP_TYPE) != MAP_PRIVATE &&
		   (flags & MAP_TYPE) != MAP_SHARED_VALIDATE) {
		return -EINVAL;
	}
	if (rlimit(RLIMIT_AS) != RLIM_INFINITY &&
	    ((mm->total_vm << PAGE_SHIFT) + len) > rlimit(RLIMIT_AS))
		return -ENOMEM;

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (addr > TASK_SIZE_MAX - len)
			return -ENOMEM;
		/* The first 64 KiB stay unmapped: a kernel NULL dereference must fault. */
		if (addr < MMAP_MIN_ADDR && !capable(CAP_SYS_RAWIO))
			return -EPERM;
		if ((flags & MAP_FIXED_NOREPLACE) &&
		    find_vma_intersection(mm, addr, addr + len))
			return -EEXIST;
	} else {
		addr = get_unmapped_area(mm, addr, len);
		if (IS_ERR_VALUE(addr))
			return addr;
	}
	/* personality(READ_IMPLIES_EXEC): what can be read can be run. */
	if ((prot & PROT_READ) && (current->personality & READ_IMPLIES_EXEC))
		prot |= PROT_EXEC;
	vm_flags = calc_vm_flags(prot, flags) | mm->def_flags;
	if (flags & MAP_LOCKED) {
		if (!can_do_mlock())
			return -EPERM;
		vm_flags |= VM_LOCKED;
	}
	err = mlock_future_check(mm, vm_flags, len);
	if (err)
		return err;
	if (file) {
		err = mmap_file_checks(file, prot, flags, &vm_flags, pgoff, len);
		if (err)
			return err;
	} else if ((flags & MAP_TYPE) == MAP_SHARED) {
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	}
	addr = mmap_region(mm, file, addr, len, vm_flags, pgoff);
	if (!IS_ERR_VALUE(addr) && (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE)
		*populate = true;
	/* A locked area is resident from the start (mlock.c). */
	if (!IS_ERR_VALUE(addr) && (vm_flags & VM_LOCKED_MASK) == VM_LOCKED)
		*populate = true;
	return addr;
}

/* In-kernel mmap on current->mm (exec uses it); takes the lock itself. */
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long offset)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;
	bool populate;

	if (offset & ~PAGE_MASK)
		return -EINVAL;
	mmap_write_lock(mm);
	ret = do_mmap(file, addr, len, prot, flags, offset >> PAGE_SHIFT, &populate);
	mmap_write_unlock(mm);
	if (populate)
		mm_populate(ret, len);
	return ret;
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	struct file *file = NULL;
	unsigned long ret;

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	ret = vm_mmap(file, addr, len, prot, flags, off);
	if (file)
		fput(file);
	return ret;
}

int vm_munmap(unsigned long addr, size_t len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mmap_write_lock(mm);
	ret = do_munmap(mm, addr, len);
	mmap_write_unlock(mm);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return vm_munmap(addr, len);
}

/*
 * brk: move the end of the heap.  Growing adds to (or creates) the heap
 * area; shrinking unmaps.  The return value is the new break on success
 * and the old one on failure, which is how the C library tells.
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk;

	mmap_write_lock(mm);
	if (brk < mm->start_brk)
		goto out;
	if (rlimit(RLIMIT_DATA) != RLIM_INFINITY &&
	    brk - mm->start_brk > rlimit(RLIMIT_DATA))
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk == oldbrk) {
		mm->brk = brk;
		goto out;
	}
	if (brk <= mm->brk) {
		if (!do_munmap(mm, newbrk, oldbrk - newbrk))
			mm->brk = brk;
		goto out;
	}
	/* Growing: leave the guard gap below the next area (the stack). */
	if (find_vma_intersection(mm, oldbrk, newbrk + PAGE_SIZE))
		goto out;
	if (!IS_ERR_VALUE(mmap_region(mm, NULL, oldbrk, newbrk - oldbrk,
				      VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE |
				      VM_MAYEXEC, 0)))
		mm->brk = brk;
out:
	brk = mm->brk;
	mmap_write_unlock(mm);
	return brk;
}

/*
 * Grow a VM_GROWSDOWN area down to cover @address, keeping the guard gap
 * to the area below and the stack within RLIMIT_STACK.
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct vm_area_struct *prev = vma->vm_prev;
	unsigned long new_start = ALIGN_DOWN(address, PAGE_SIZE);

	if (!(vma->vm_flags & VM_GROWSDOWN))
		return -EFAULT;
	if (new_start < MMAP_MIN_ADDR)
		return -ENOMEM;
	if (prev && new_start - prev->vm_end < STACK_GUARD_GAP && !(prev->vm_flags & VM_GROWSDOWN))
		return -ENOMEM;
	if (vma->vm_end - new_start > rlimit(RLIMIT_STACK))
		return -ENOMEM;
	vm_stat_account(vma->vm_mm, vma->vm_flags, (vma->vm_start - new_start) >> PAGE_SHIFT);
	/* The start is the tree key, but the order of areas does not change. */
	vma->vm_start = new_start;
	return 0;
}

/* exec: the new program's stack area [start, end). */
int setup_stack_vma(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long ret;

	mmap_write_lock(mm);
	ret = mmap_region(mm, NULL, start, end - start,
			  VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC |
			  VM_GROWSDOWN, 0);
	mmap_write_unlock(mm);
	return IS_ERR_VALUE(ret) ? (int)ret : 0;
}

/* Tear down every area of a dying address space. */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma = mm->mmap, *next;

	for (; vma; vma = next) {
		next = vma->vm_next;
		zap_page_range(vma, vma->vm_start, vma->vm_end - vma->vm_start);
		vm_area_free(vma);
	}
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->map_count = 0;
	free_pgtables(mm);
}

/* fork: copy every area; private writable pages become copy-on-write. */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp, *prev = NULL;
	int retval = 0;

	mmap_write_lock(oldmm);
	/* Our own allocations may reclaim the parent's pages (rmap_trylock_mm). */
	current->reclaim_own_mm = oldmm;
	mm->total_vm = oldmm->total_vm;
	mm->data_vm = oldmm->data_vm;
	mm->exec_vm = oldmm->exec_vm;
	mm->stack_vm = oldmm->stack_vm;
	for (mpnt = oldmm->mmap; mpnt; mpnt = mpnt->vm_next) {
		if (mpnt->vm_flags & VM_DONTCOPY)
			continue;
		tmp = vm_area_dup(mpnt);
		if (!tmp) {
			retval = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		/* Memory locks are not inherited, nor is a userfaultfd registration. */
		tmp->vm_flags &= ~VM_LOCKED_MASK;
		userfaultfd_drop_vma(tmp);
		vma_link_after(mm, tmp, prev);
		prev = tmp;
		/* MADV_WIPEONFORK: the child's copy starts empty (zero-filled). */
		if (mpnt->vm_flags & VM_WIPEONFORK)
			continue;
		retval = copy_page_range(tmp, mpnt);
		if (retval)
			break;
	}
	/* The parent's now write-protected PTEs must not linger in its TLB. */
	flush_tlb_mm_range(oldmm, 0, TASK_SIZE_MAX);
	current->reclaim_own_mm = NULL;
	mmap_write_unlock(oldmm);
	return retval;
}

void __init vma_cache_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct),
					   0, SLAB_PANIC, NULL);
}

/*
 * remap_file_pages: the old non-linear mappings.  Linux 6.1 emulates the
 * call with an mmap of the same file over the range (MAP_FIXED), so the
 * range ends up mapping the file from @pgoff; only a whole shared file
 * area qualifies, and prot must be 0 (EINVAL otherwise).
 */
SYSCALL_DEFINE5(remap_file_pages, unsigned long, start, unsigned long, size,
		unsigned long, prot, unsigned long, pgoff, unsigned long, flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long ret = -EINVAL;
	bool populate = false;
	struct file *file;

	if (prot)
		return -EINVAL;
	start &= PAGE_MASK;
	size &= PAGE_MASK;
	if (start + size <= start)
		return -EINVAL;
	if (pgoff + (size >> PAGE_SHIFT) < pgoff)
		return -EINVAL;
	mmap_write_lock(mm);
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start > start || !(vma->vm_flags & VM_SHARED) || !vma->vm_file ||
	    start + size > vma->vm_end)
		goto out;
	prot = (vma->vm_flags & VM_READ ? PROT_READ : 0) |
	       (vma->vm_flags & VM_WRITE ? PROT_WRITE : 0) |
	       (vma->vm_flags & VM_EXEC ? PROT_EXEC : 0);
	flags = (flags & MAP_NONBLOCK) | MAP_SHARED | MAP_FIXED | MAP_POPULATE;
	file = get_file(vma->vm_file);
	ret = do_mmap(file, start, size, prot, flags, pgoff, &populate);
	fput(file);
out:
	mmap_write_unlock(mm);
	if (populate)
		mm_populate(ret, size);
	return IS_ERR_VALUE(ret) ? ret : 0;
}

/*
 * exec: an area of @len bytes at @addr holding the kernel's @pages (the
 * vDSO and its data page).  Callers set VM_DONTEXPAND, so it never
 * merges with a user mapping next to it.
 */
int install_special_mapping(struct mm_struct *mm, unsigned long addr, unsigned long len,
			    unsigned long vm_flags, struct page **pages)
{
	struct vm_area_struct *vma;
	unsigned long ret, off;
	int err = 0;

	mmap_write_lock(mm);
	ret = mmap_region(mm, NULL, addr, len, vm_flags, 0);
	if (IS_ERR_VALUE(ret)) {
		err = ret;
		goto out;
	}
	vma = find_vma(mm, addr);
	for (off = 0; off < len && !err; off += PAGE_SIZE)
		err = vm_insert_page(vma, addr + off, pages[off >> PAGE_SHIFT]);
out:
	mmap_write_unlock(mm);
	return err;
}
