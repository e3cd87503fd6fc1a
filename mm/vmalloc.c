// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc: virtually contiguous kernel memory from scattered pages.
 *
 * The vmalloc range (VMALLOC_START..VMALLOC_END, 32 TiB) is handed out in
 * areas.  An area is a vmap_area (the address range, in an rbtree and a
 * sorted list under vmap_area_lock) and a vm_struct (what is mapped
 * there, and who asked).  Every area is one page longer than requested:
 * that last page is never mapped, so an overrun faults on the guard page
 * instead of running into the next area.
 *
 *   vmalloc(size):  area -> one alloc_page() per page -> map each in the
 *                   kernel page tables (init_mm), creating PMD and PTE
 *                   pages as needed (mm/memory.c)
 *   vfree(addr):    unmap, flush the TLB range, free pages and area
 *   ioremap():      area -> map the device's physical range uncached
 *                   (arch/x86/mm/ioremap.c)
 *
 * The PGD entries for this range were created at boot (init_64.c) and
 * are shared by every address space, so a new mapping here is visible
 * everywhere without being copied into each process's page tables.
 *
 * A gap is found by walking the sorted list: linear in the number of
 * areas, which is small today.  Linux keeps the free space in an
 * augmented rbtree to find gaps in O(log n); that is the next step if
 * vmalloc-heavy users (modules, large tables) arrive.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/instruction_pointer.h>
#include <linux/mm.h>
#include <linux/rbtree.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include "internal.h"

/* Guards vmap_area_root, vmap_area_list and the areas' ranges. */
static DEFINE_SPINLOCK(vmap_area_lock);
static struct rb_root vmap_area_root = RB_ROOT;
static LIST_HEAD(vmap_area_list);
static bool vmap_initialized;
static atomic_long_t nr_vmalloc_pages;

unsigned long vmalloc_nr_pages(void)
{
	return (unsigned long)atomic_long_read(&nr_vmalloc_pages);
}

/* ---------------------------------------------------------------- */
/* Address space                                                     */

/* The area containing @addr (guard page included).  Caller holds the lock. */
static struct vmap_area *__find_vmap_area(unsigned long addr)
{
	struct rb_node *n = vmap_area_root.rb_node;

	lockdep_assert_held(&vmap_area_lock);
	while (n) {
		struct vmap_area *va = rb_entry(n, struct vmap_area, rb_node);

		if (addr < va->va_start)
			n = n->rb_left;
		else if (addr >= va->va_end)
			n = n->rb_right;
		else
			return va;
	}
	return NULL;
}

static void insert_vmap_area(struct vmap_area *va, struct list_head *next)
{
	struct rb_node **p = &vmap_area_root.rb_node, *parent = NULL;

	while (*p) {
		struct vmap_area *tmp = rb_entry(*p, struct vmap_area, rb_node);

		parent = *p;
		p = va->va_start < tmp->va_start ? &(*p)->rb_left : &(*p)->rb_right;
	}
	rb_link_node(&va->rb_node, parent, p);
	rb_insert_color(&va->rb_node, &vmap_area_root);
	list_add_tail(&va->list, next);
}

/* First fit: the lowest gap of @size bytes, @align-aligned, in [vstart, vend). */
static struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
					 unsigned long vstart, unsigned long vend)
{
	struct vmap_area *va, *tmp;
	struct list_head *next = &vmap_area_list;
	unsigned long addr;

	va = kmalloc(sizeof(*va), GFP_KERNEL);
	if (!va)
		return NULL;
	spin_lock(&vmap_area_lock);
	addr = ALIGN(vstart, align);
	list_for_each_entry(tmp, &vmap_area_list, list) {
		if (addr + size <= tmp->va_start) {
			next = &tmp->list;
			break;
		}
		addr = max(addr, ALIGN(tmp->va_end, align));
	}
	if (addr + size < addr || addr + size > vend) {
		spin_unlock(&vmap_area_lock);
		kfree(va);
		return NULL;
	}
	va->va_start = addr;
	va->va_end = addr + size;
	va->vm = NULL;
	insert_vmap_area(va, next);
	spin_unlock(&vmap_area_lock);
	return va;
}

static void free_vmap_area(struct vmap_area *va)
{
	spin_lock(&vmap_area_lock);
	rb_erase(&va->rb_node, &vmap_area_root);
	list_del(&va->list);
	spin_unlock(&vmap_area_lock);
	kfree(va);
}

static struct vm_struct *__get_vm_area_range(unsigned long size, unsigned long flags,
					     unsigned long start, unsigned long end,
					     const void *caller);

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	return __get_vm_area_range(size, flags, VMALLOC_START, VMALLOC_END, caller);
}

static struct vm_struct *__get_vm_area_range(unsigned long size, unsigned long flags,
					     unsigned long start, unsigned long end,
					     const void *caller)
{
	struct vm_struct *area;
	struct vmap_area *va;

	if (WARN(!vmap_initialized, "vmalloc area requested before vmalloc_init\n"))
		return NULL;
	size = PAGE_ALIGN(size);
	if (!size)
		return NULL;
	if (!(flags & VM_NO_GUARD))
		size += PAGE_SIZE;
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	va = alloc_vmap_area(size, PAGE_SIZE, start, end);
	if (!va) {
		kfree(area);
		return NULL;
	}
	area->addr = (void *)va->va_start;
	area->size = size;
	area->flags = flags;
	area->caller = caller;
	spin_lock(&vmap_area_lock);
	va->vm = area;
	spin_unlock(&vmap_area_lock);
	return area;
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va;
	struct vm_struct *vm = NULL;

	spin_lock(&vmap_area_lock);
	va = __find_vmap_area((unsigned long)addr);
	if (va && va->va_start == (unsigned long)addr)
		vm = va->vm;
	spin_unlock(&vmap_area_lock);
	return vm;
}

static unsigned long get_vm_area_size(const struct vm_struct *area)
{
	return area->size - ((area->flags & VM_NO_GUARD) ? 0 : PAGE_SIZE);
}

struct vm_struct *remove_vm_area(const void *addr)
{
	struct vmap_area *va;
	struct vm_struct *vm;

	spin_lock(&vmap_area_lock);
	va = __find_vmap_area((unsigned long)addr);
	if (!va || va->va_start != (unsigned long)addr || !va->vm) {
		spin_unlock(&vmap_area_lock);
		return NULL;
	}
	vm = va->vm;
	spin_unlock(&vmap_area_lock);
	vunmap_range(va->va_start, va->va_start + get_vm_area_size(vm));
	free_vmap_area(va);
	return vm;
}

void free_vm_area(struct vm_struct *area)
{
	struct vm_struct *ret = remove_vm_area(area->addr);

	WARN_ON(ret != area);
	kfree(area);
}

/* ---------------------------------------------------------------- */
/* Page tables                                                       */

static pte_t *vmalloc_pte_alloc(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);
	pud_t *pud = pud_offset(p4d_offset(pgd, addr), addr);
	pmd_t *pmd = pmd_alloc(&init_mm, pud, addr);

	return pmd ? pte_alloc_kernel(pmd, addr) : NULL;
}

/* The PTE for @addr if its page tables exist, else NULL (also set_memory_*()). */
pte_t *vmalloc_pte_lookup(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return NULL;
	pud = pud_offset(p4d_offset(pgd, addr), addr);
	if (pud_none(*pud) || pud_large(*pud))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(*pmd) || pmd_large(*pmd))
		return NULL;
	return pte_offset_kernel(pmd, addr);
}

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	unsigned long start = addr;

	prot = __pgprot(pgprot_val(prot) & __supported_pte_mask);
	for (; addr < end; addr += PAGE_SIZE, phys_addr += PAGE_SIZE) {
		pte_t *pte = vmalloc_pte_alloc(addr);

		if (!pte) {
			vunmap_range(start, addr);
			return -ENOMEM;
		}
		WARN_ON(!pte_none(*pte));
		set_pte(pte, pfn_pte(phys_addr >> PAGE_SHIFT, prot));
	}
	return 0;
}

static int vmap_pages_range(unsigned long addr, unsigned long end,
			    struct page **pages, pgprot_t prot)
{
	unsigned long start = addr;

	prot = __pgprot(pgprot_val(prot) & __supported_pte_mask);
	for (; addr < end; addr += PAGE_SIZE, pages++) {
		pte_t *pte = vmalloc_pte_alloc(addr);

		if (!pte) {
			vunmap_range(start, addr);
			return -ENOMEM;
		}
		WARN_ON(!pte_none(*pte));
		set_pte(pte, mk_pte(*pages, prot));
	}
	return 0;
}

/* Page-table pages stay: the range will be mapped again. */
void vunmap_range(unsigned long addr, unsigned long end)
{
	unsigned long start = addr;

	for (; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = vmalloc_pte_lookup(addr);

		if (pte)
			ptep_get_and_clear(&init_mm, addr, pte);
	}
	flush_tlb_kernel_range(start, end);
}

struct page *vmalloc_to_page(const void *vmalloc_addr)
{
	pte_t *pte = vmalloc_pte_lookup((unsigned long)vmalloc_addr);

	if (!pte || !pte_present(*pte))
		return NULL;
	return pfn_to_page(pte_pfn(*pte));
}

unsigned long vmalloc_to_pfn(const void *vmalloc_addr)
{
	struct page *page = vmalloc_to_page(vmalloc_addr);

	return page ? page_to_pfn(page) : 0;
}

/* ---------------------------------------------------------------- */
/* vmalloc / vfree / vmap                                            */

static void free_area_pages(struct vm_struct *area)
{
	unsigned int i;

	for (i = 0; i < area->nr_pages; i++)
		__free_page(area->pages[i]);
	kfree(area->pages);
}

/**
 * __vmalloc_node_range - vmalloc inside a chosen window of addresses
 * @size: bytes wanted
 * @start: lowest address the mapping may start at
 * @end: the mapping must end below this
 * @gfp: for the pages
 * @prot: page protection of the mapping
 * @caller: for /proc/vmallocinfo
 *
 * vmalloc() is this with the vmalloc window and PAGE_KERNEL; module_alloc()
 * asks for the module window, which lies within 2 GiB of the kernel image
 * so module code compiled with -mcmodel=kernel reaches the kernel.
 */
void *__vmalloc_node_range(unsigned long size, unsigned long start, unsigned long end,
			   gfp_t gfp, pgprot_t prot, const void *caller)
{
	struct vm_struct *area;
	unsigned long addr, nr_pages = PAGE_ALIGN(size) >> PAGE_SHIFT;

	if (!size || nr_pages > totalram_pages())
		return NULL;
	area = __get_vm_area_range(size, VM_ALLOC, start, end, caller);
	if (!area)
		return NULL;
	addr = (unsigned long)area->addr;
	area->pages = kcalloc(nr_pages, sizeof(struct page *), GFP_KERNEL | (gfp & __GFP_NOWARN));
	if (!area->pages)
		goto out_free_area;
	for (area->nr_pages = 0; area->nr_pages < nr_pages; area->nr_pages++) {
		struct page *page = alloc_page(gfp);

		if (!page)
			goto out_free_pages;
		area->pages[area->nr_pages] = page;
	}
	if (vmap_pages_range(addr, addr + (nr_pages << PAGE_SHIFT), area->pages, prot))
		goto out_free_pages;
	atomic_long_add(nr_pages, &nr_vmalloc_pages);
	return area->addr;

out_free_pages:
	free_area_pages(area);
out_free_area:
	free_vm_area(area);
	if (!(gfp & __GFP_NOWARN))
		pr_warn("vmalloc: allocation failure: %lu bytes\n", size);
	return NULL;
}

static void *__vmalloc_caller(unsigned long size, gfp_t gfp, const void *caller)
{
	return __vmalloc_node_range(size, VMALLOC_START, VMALLOC_END, gfp, PAGE_KERNEL, caller);
}

void *__vmalloc(unsigned long size, gfp_t gfp)
{
	return __vmalloc_caller(size, gfp, __builtin_return_address(0));
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL, __builtin_return_address(0));
}
EXPORT_SYMBOL(vmalloc);

void *vzalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL | __GFP_ZERO, __builtin_return_address(0));
}
EXPORT_SYMBOL(vzalloc);

/* Not from interrupt context: vmap_area_lock is taken with interrupts on. */
void vfree(const void *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = remove_vm_area(addr);
	if (WARN(!area, "Trying to vfree() nonexistent vm area (%px)\n", addr))
		return;
	if (area->flags & VM_ALLOC) {
		atomic_long_sub(area->nr_pages, &nr_vmalloc_pages);
		free_area_pages(area);
	}
	kfree(area);
}
EXPORT_SYMBOL(vfree);

/* Map existing pages contiguously; the caller keeps owning the pages. */
void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot)
{
	struct vm_struct *area;
	unsigned long addr;

	if (!count || count > totalram_pages())
		return NULL;
	area = get_vm_area_caller((unsigned long)count << PAGE_SHIFT, flags | VM_MAP,
				  __builtin_return_address(0));
	if (!area)
		return NULL;
	addr = (unsigned long)area->addr;
	if (vmap_pages_range(addr, addr + ((unsigned long)count << PAGE_SHIFT), pages, prot)) {
		free_vm_area(area);
		return NULL;
	}
	return area->addr;
}

void vunmap(const void *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = remove_vm_area(addr);
	if (WARN(!area || !(area->flags & VM_MAP), "Trying to vunmap() nonexistent vm area (%px)\n", addr))
		return;
	kfree(area);
}

/* ---------------------------------------------------------------- */

/*
 * The page-fault handler's oops path calls this with interrupts off, on
 * a CPU that may hold vmap_area_lock itself: so only a trylock.
 */
bool vmalloc_report_guard_fault(unsigned long addr)
{
	struct vmap_area *va;
	bool hit = false;

	if (!is_vmalloc_addr((void *)addr) || !spin_trylock(&vmap_area_lock))
		return false;
	va = __find_vmap_area(addr);
	if (va && va->vm && !(va->vm->flags & VM_NO_GUARD) &&
	    addr >= va->va_end - PAGE_SIZE) {
		pr_alert("BUG: vmalloc guard page hit at %016lx (area %#lx-%#lx, allocated by %pS)\n",
			 addr, va->va_start, va->va_end - PAGE_SIZE - 1, va->vm->caller);
		hit = true;
	}
	spin_unlock(&vmap_area_lock);
	return hit;
}

void __init vmalloc_init(void)
{
	vmap_initialized = true;
}
