/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocating and freeing page-table pages, and hooking them into the
 * level above ("populate").  A page-table page is an ordinary zeroed page
 * from the buddy allocator, counted in NR_PAGETABLE (/proc/meminfo's
 * PageTables) and in its mm's pgtables_bytes.
 *
 * Boot-time tables (init_64.c) come from memblock instead, before the
 * buddy allocator exists, and are never freed.
 */
#ifndef _ASM_X86_PGALLOC_H
#define _ASM_X86_PGALLOC_H

#include <linux/mm_types.h>
#include <asm/page.h>
#include <asm/pgtable.h>

pte_t *pte_alloc_one_kernel(struct mm_struct *mm);
void pte_free_kernel(struct mm_struct *mm, pte_t *pte);
pmd_t *pmd_alloc_one(struct mm_struct *mm, unsigned long addr);
void pmd_free(struct mm_struct *mm, pmd_t *pmd);
pud_t *pud_alloc_one(struct mm_struct *mm, unsigned long addr);
void pud_free(struct mm_struct *mm, pud_t *pud);

/*
 * A new address space's root: the user half empty, the kernel half
 * copied from init_mm, so it shares every kernel mapping.
 */
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);

static inline void pmd_populate_kernel(struct mm_struct *mm, pmd_t *pmd, pte_t *pte)
{
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
}

static inline void pud_populate(struct mm_struct *mm, pud_t *pud, pmd_t *pmd)
{
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
}

/* Four levels: the p4d is the pgd entry itself. */
static inline void p4d_populate(struct mm_struct *mm, p4d_t *p4d, pud_t *pud)
{
	set_p4d(p4d, __p4d(__pa(pud) | _KERNPG_TABLE));
}

#endif /* _ASM_X86_PGALLOC_H */
