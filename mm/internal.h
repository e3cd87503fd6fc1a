/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interfaces between the files of mm/ that the rest of the kernel has no
 * business calling: boot-time zone and mem_map setup (page_alloc.c for
 * mm_init.c and the host unit tests), and the allocators' init entry
 * points in the order mm_core_init() runs them.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/mmzone.h>

void zone_init(enum zone_type idx, unsigned long start_pfn,
	       unsigned long spanned, unsigned long present);
void memmap_init_range(unsigned long start_pfn, unsigned long end_pfn,
		       enum zone_type zone);
void __free_pages_memory(unsigned long start_pfn, unsigned long end_pfn);

/* memory.c, for reclaim's try_to_unmap (rmap.c). */
void zap_pte(struct mm_struct *mm, pte_t *pte, struct address_space *only);
/* memory.c, for the anonymous reverse map (rmap.c) and swapoff (swapfile.c). */
void page_remove_rmap(struct page *page);
void add_mm_counter(struct mm_struct *mm, int member, long value);
unsigned int do_swap_page(struct vm_area_struct *vma, unsigned long addr, pte_t *pte,
			  pte_t orig, unsigned int flags);

/* memory.c, for userfaultfd's page filling (userfaultfd.c). */
void map_new_page(struct vm_area_struct *vma, unsigned long addr, pte_t *pte,
		  struct page *page, bool writable, int counter);
unsigned long my_zero_pfn(unsigned long addr);

void kmem_cache_init(void);
void vmalloc_init(void);

#endif /* _MM_INTERNAL_H */
