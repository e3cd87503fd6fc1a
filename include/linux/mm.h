/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory management for the rest of the kernel: from a page frame to its
 * struct page and its kernel address and back, page references, and the
 * memory totals.
 *
 * Physical memory is "flat": mem_map[] has one struct page per page frame
 * number from 0 to max_mapnr, holes included (their pages are reserved),
 * so pfn_to_page() is an array index.  Every frame is also mapped in the
 * kernel's direct map, so a page's kernel address is __va() of its
 * physical address.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/bug.h>
#include <linux/mm_types.h>
#include <linux/mm_vma.h>	/* struct vm_area_struct, as Linux's mm.h gives it */
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <linux/page_ref.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <asm/page.h>
#include <asm/pgtable.h>

extern struct page *mem_map;
extern unsigned long max_mapnr;		/* entries in mem_map */
extern atomic_long_t _totalram_pages;	/* pages managed by the buddy allocator */
extern unsigned long totalreserve_pages; /* kept free by watermarks */

#define ARCH_PFN_OFFSET		0UL

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn - ARCH_PFN_OFFSET < max_mapnr;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - ARCH_PFN_OFFSET);
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + ARCH_PFN_OFFSET;
}

#define page_to_phys(page)	PFN_PHYS(page_to_pfn(page))
#define phys_to_page(phys)	pfn_to_page(PHYS_PFN(phys))
#define virt_to_pfn(kaddr)	PHYS_PFN(__pa(kaddr))
#define virt_to_page(kaddr)	pfn_to_page(virt_to_pfn(kaddr))
#define virt_addr_valid(kaddr)	pfn_valid(virt_to_pfn(kaddr))

/* Every page is in the direct map: no highmem on 64-bit. */
static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}
#define lowmem_page_address(page)	page_address(page)

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(0)->node_zones[page_zonenum(page)];
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(ZONES_MASK << ZONES_PGSHIFT);
	page->flags |= ((unsigned long)zone & ZONES_MASK) << ZONES_PGSHIFT;
}

static inline bool PageTail(const struct page *page)
{
	return READ_ONCE(page->compound_head) & 1;
}

static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	if (head & 1)
		return (struct page *)(head - 1);
	return (struct page *)page;
}

static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? page[1].compound_order : 0;
}

/* The head page of the (possibly compound) allocation holding @kaddr. */
#define virt_to_head_page(kaddr)	compound_head(virt_to_page(kaddr))

static inline int page_count(const struct page *page)
{
	return page_ref_count(page);
}

static inline void get_page(struct page *page)
{
	/* Taking a reference on a free page means someone already lost one. */
	WARN_ON_ONCE(page_ref_count(page) <= 0);
	page_ref_inc(page);
}

/* Drop a reference; the last one frees the page (or compound block). */
void put_page(struct page *page);

static inline unsigned long totalram_pages(void)
{
	return (unsigned long)atomic_long_read(&_totalram_pages);
}

static inline void totalram_pages_add(long count)
{
	atomic_long_add(count, &_totalram_pages);
}

/*
 * Give reserved boot memory [start, end) (kernel virtual addresses,
 * page-aligned inwards) back to the page allocator.  Returns the pages
 * freed; @s names the range in the log.
 */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s);

/*
 * Find or create the page-table page below an entry (mm/memory.c), for
 * building mappings: NULL if no memory.  The kernel half's PGD entries
 * always exist, so there is no p4d/pud allocation for kernel addresses.
 */
int __pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long address);
int __pte_alloc_kernel(pmd_t *pmd);

static inline pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long address)
{
	if (unlikely(pud_none(*pud)) && __pmd_alloc(mm, pud, address))
		return NULL;
	return pmd_offset(pud, address);
}

static inline pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long address)
{
	if (unlikely(pmd_none(*pmd)) && __pte_alloc_kernel(pmd))
		return NULL;
	return pte_offset_kernel(pmd, address);
}

static inline pte_t mk_pte(struct page *page, pgprot_t prot)
{
	return pfn_pte(page_to_pfn(page), prot);
}

/* start_kernel: the allocators, once the architecture set up memory. */
void mm_core_init(void);
/* paging_init: zones and mem_map; @max_zone_pfn[z] is where zone z ends. */
void free_area_init(unsigned long *max_zone_pfn);
/* The architecture's lines of /proc/meminfo (DirectMap4k...). */
int arch_report_meminfo(char *buf, size_t size);

struct mm_struct;
/* Read another process's present pages (/proc/<pid>/cmdline): bytes copied. */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len);
/* ptrace POKETEXT: a write even into a read-only private area (a copy of the page) */
int access_remote_vm_force(struct mm_struct *mm, unsigned long addr, void *buf, int len);
int __access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		       bool write);

/* /proc/meminfo, into @buf; returns the length as snprintf would. */
int meminfo_show(char *buf, size_t size);
/* Free pages that could be had without swapping: MemAvailable. */
long si_mem_available(void);

/*
 * Address-space layout randomization (/proc/sys/kernel/randomize_va_space):
 * 0 off, 1 stack, mmap base, vDSO and PIE base, 2 also the brk.  exec
 * sets PF_RANDOMIZE when it applies to the new program.
 */
extern int randomize_va_space;
/* mm/mlock.c */
bool can_do_mlock(void);
unsigned long mm_locked_pages(struct mm_struct *mm);

unsigned long randomize_stack_top(unsigned long stack_top);
unsigned long randomize_page(unsigned long start, unsigned long range);
unsigned long arch_mmap_rnd(void);
void arch_pick_mmap_layout(struct mm_struct *mm);
unsigned long arch_randomize_brk(struct mm_struct *mm);
unsigned long arch_align_stack(unsigned long sp);

struct vm_area_struct;
/* The name /proc/<pid>/maps shows for an area the architecture made ([vdso]). */
const char *arch_vma_name(struct vm_area_struct *vma);
/* mremap moved the area at @old_start to @new_start (the vDSO follows). */
void arch_remap(struct mm_struct *mm, unsigned long old_start, unsigned long new_start);
/* Areas of kernel-provided pages (the vDSO): mapped at exec, never faulted in. */
int install_special_mapping(struct mm_struct *mm, unsigned long addr, unsigned long len,
			    unsigned long vm_flags, struct page **pages);
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page);
/* Unmap the pages of [@start, @start + @size) in @vma (mmap lock held; no TLB flush). */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size);
/* mm/gup.c: hold the pages behind a user range (io_uring's registered buffers). */
long pin_user_pages(unsigned long start, unsigned long nr_pages, bool write,
		    struct page **pages);
void unpin_user_pages(struct page **pages, unsigned long nr_pages);

#endif /* _LINUX_MM_H */
