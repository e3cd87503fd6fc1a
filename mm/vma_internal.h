/* SPDX-License-Identifier: GPL-2.0 */
/* Shared between the files of mm/ that manage user address spaces. */
#ifndef _MM_VMA_INTERNAL_H
#define _MM_VMA_INTERNAL_H

#include <linux/mm_vma.h>

#define DEFAULT_MAX_MAP_COUNT	65530
#define MMAP_MIN_ADDR		65536UL	/* Linux's default vm.mmap_min_addr */

struct page;
struct address_space;

/* mm/mmap.c */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);
void vma_link_after(struct mm_struct *mm, struct vm_area_struct *vma,
		    struct vm_area_struct *prev);
void vma_insert(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_remove(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_set_end(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long end);
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len);

/* mm/memory.c */
pte_t *walk_alloc_pte(struct mm_struct *mm, unsigned long addr);
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size);
void zap_mapping_pages(struct vm_area_struct *vma, unsigned long start, unsigned long size,
		       struct address_space *only);
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma);
void free_pgtables(struct mm_struct *mm);
void zero_page_init(void);

/* mm/mlock.c */
int mlock_future_check(struct mm_struct *mm, unsigned long flags, unsigned long len);
void populate_locked_range(struct mm_struct *mm, unsigned long start, unsigned long end);

#endif
