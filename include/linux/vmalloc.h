/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmalloc: memory that is contiguous in kernel virtual addresses but made
 * of scattered physical pages, mapped page by page in the vmalloc range
 * (VMALLOC_START..VMALLOC_END).  For large buffers that need not be
 * physically contiguous, where the buddy allocator could not find one
 * block; slower to set up than kmalloc, and every area costs page-table
 * entries and TLB flushes.  ioremap() uses the same address range to map
 * device registers.
 *
 * Each area is followed by an unmapped guard page, so running off the
 * end faults at once ("BUG: vmalloc guard page hit").
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <asm/page.h>
#include <asm/pgtable.h>

#define VM_IOREMAP	0x00000001	/* ioremap() and friends */
#define VM_ALLOC	0x00000002	/* vmalloc() */
#define VM_MAP		0x00000004	/* vmap()ed pages */
#define VM_NO_GUARD	0x00000040	/* no guard page after it */

/* A mapped area: what it is and who made it. */
struct vm_struct {
	void *addr;
	unsigned long size;		/* guard page included */
	unsigned long flags;
	struct page **pages;		/* VM_ALLOC / VM_MAP */
	unsigned int nr_pages;
	phys_addr_t phys_addr;		/* VM_IOREMAP */
	const void *caller;
};

/*
 * A range of the vmalloc address space in use.  Busy areas are kept in
 * an rbtree by address (lookup on vfree and on faults) and in a sorted
 * list (searching for a gap).
 */
struct vmap_area {
	unsigned long va_start;
	unsigned long va_end;		/* guard page included */
	struct rb_node rb_node;
	struct list_head list;
	struct vm_struct *vm;
};

#define VMALLOC_TOTAL	(VMALLOC_END - VMALLOC_START)

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *__vmalloc(unsigned long size, gfp_t gfp);
void *__vmalloc_node_range(unsigned long size, unsigned long start, unsigned long end,
			   gfp_t gfp, pgprot_t prot, const void *caller);
void vfree(const void *addr);
void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot);
void vunmap(const void *addr);

struct page *vmalloc_to_page(const void *addr);
/* The 4 KiB PTE mapping @addr in the kernel's tables, or NULL (none, or a large page). */
pte_t *vmalloc_pte_lookup(unsigned long addr);
unsigned long vmalloc_to_pfn(const void *addr);

static inline bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
struct vm_struct *find_vm_area(const void *addr);
/* Unmap and unlink the area at @addr; the caller frees what it held. */
struct vm_struct *remove_vm_area(const void *addr);
void free_vm_area(struct vm_struct *area);

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot);
void vunmap_range(unsigned long addr, unsigned long end);

/* Pages mapped by vmalloc(), for /proc/meminfo's VmallocUsed. */
unsigned long vmalloc_nr_pages(void);

/*
 * Page-fault oops path: if @addr is the guard page of a vmalloc area,
 * print which area it guards and who allocated it.
 */
bool vmalloc_report_guard_fault(unsigned long addr);

#endif /* _LINUX_VMALLOC_H */
