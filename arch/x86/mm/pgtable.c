// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table pages: allocating them (pgalloc.h), giving a new address
 * space its root, and walking the tables to see how an address
 * translates -- the seed's four-level walk, used by the oops printer,
 * the self-tests and, later, /proc.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/pgalloc.h>
#include <asm/pgtable.h>

#define GFP_PGTABLE_KERNEL	(GFP_KERNEL | __GFP_ZERO)

static void *pgtable_page_alloc(struct mm_struct *mm)
{
	unsigned long page = __get_free_page(GFP_PGTABLE_KERNEL);

	if (!page)
		return NULL;
	mod_node_page_state(NODE_DATA(0), NR_PAGETABLE, 1);
	atomic_long_add(PAGE_SIZE, &mm->pgtables_bytes);
	return (void *)page;
}

static void pgtable_page_free(struct mm_struct *mm, void *table)
{
	mod_node_page_state(NODE_DATA(0), NR_PAGETABLE, -1);
	atomic_long_sub(PAGE_SIZE, &mm->pgtables_bytes);
	free_page((unsigned long)table);
}

pte_t *pte_alloc_one_kernel(struct mm_struct *mm)
{
	return pgtable_page_alloc(mm);
}

void pte_free_kernel(struct mm_struct *mm, pte_t *pte)
{
	pgtable_page_free(mm, pte);
}

pmd_t *pmd_alloc_one(struct mm_struct *mm, unsigned long addr)
{
	return pgtable_page_alloc(mm);
}

void pmd_free(struct mm_struct *mm, pmd_t *pmd)
{
	pgtable_page_free(mm, pmd);
}

pud_t *pud_alloc_one(struct mm_struct *mm, unsigned long addr)
{
	return pgtable_page_alloc(mm);
}

void pud_free(struct mm_struct *mm, pud_t *pud)
{
	pgtable_page_free(mm, pud);
}

/*
 * The kernel half never changes after boot (init_64.c pre-populates
 * every entry), so a copy taken now stays right forever.
 */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = pgtable_page_alloc(mm);

	if (!pgd)
		return NULL;
	memcpy(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	return pgd;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	pgtable_page_free(mm, pgd);
}

pte_t *lookup_address(unsigned long addr, unsigned int *level)
{
	pgd_t *pgd = pgd_offset_k(addr);
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;

	*level = PG_LEVEL_NONE;
	if (!pgd_present(*pgd))
		return NULL;
	pud = pud_offset(p4d_offset(pgd, addr), addr);
	if (!pud_present(*pud))
		return NULL;
	if (pud_large(*pud)) {
		*level = PG_LEVEL_1G;
		return (pte_t *)pud;
	}
	pmd = pmd_offset(pud, addr);
	if (!pmd_present(*pmd))
		return NULL;
	if (pmd_large(*pmd)) {
		*level = PG_LEVEL_2M;
		return (pte_t *)pmd;
	}
	pte = pte_offset_kernel(pmd, addr);
	if (!pte_present(*pte))
		return NULL;
	*level = PG_LEVEL_4K;
	return pte;
}
EXPORT_SYMBOL_GPL(lookup_address);

/*
 * One line, as Linux's oops prints it: "PGD 1a03067 P4D 1a03067 PUD ...".
 * The P4D is printed although it is the PGD entry again, so the line
 * reads the same as on a five-level kernel.
 */
phys_addr_t dump_pagetable_walk(pgd_t *pgd_base, unsigned long addr)
{
	pgd_t *pgd = pgd_offset_pgd(pgd_base, addr);
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;
	phys_addr_t phys = (phys_addr_t)-1;

	pr_info("PGD %lx ", pgd_val(*pgd));
	if (!pgd_present(*pgd))
		goto out;
	p4d = p4d_offset(pgd, addr);
	pr_cont("P4D %lx ", p4d_val(*p4d));
	if (!p4d_present(*p4d))
		goto out;
	pud = pud_offset(p4d, addr);
	pr_cont("PUD %lx ", pud_val(*pud));
	if (!pud_present(*pud))
		goto out;
	if (pud_large(*pud)) {
		phys = (pud_val(*pud) & PTE_PFN_MASK & PUD_MASK) | (addr & ~PUD_MASK);
		goto out;
	}
	pmd = pmd_offset(pud, addr);
	pr_cont("PMD %lx ", pmd_val(*pmd));
	if (!pmd_present(*pmd))
		goto out;
	if (pmd_large(*pmd)) {
		phys = (pmd_val(*pmd) & PTE_PFN_MASK & PMD_MASK) | (addr & ~PMD_MASK);
		goto out;
	}
	pte = pte_offset_kernel(pmd, addr);
	pr_cont("PTE %lx", pte_val(*pte));
	if (pte_present(*pte))
		phys = (pte_val(*pte) & PTE_PFN_MASK) | (addr & ~PAGE_MASK);
out:
	pr_cont("\n");
	return phys;
}
