/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Walking and editing page tables, with the names the seed uses:
 *
 *	pgd = pgd_offset(mm, addr);	level 4 (PML4), 512 GiB per entry
 *	p4d = p4d_offset(pgd, addr);	level 5 folded: the same entry
 *	pud = pud_offset(p4d, addr);	level 3 (PDPT), 1 GiB per entry
 *	pmd = pmd_offset(pud, addr);	level 2 (PD), 2 MiB per entry
 *	pte = pte_offset_kernel(pmd, addr);  level 1 (PT), 4 KiB per entry
 *
 * Page tables are reached through the direct map (__va of the physical
 * address an entry holds).
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <asm/pgtable_types.h>
#include <asm/page.h>

#define PGDIR_SHIFT	39
#define P4D_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PTRS_PER_PGD	512
#define PTRS_PER_P4D	1
#define PTRS_PER_PUD	512
#define PTRS_PER_PMD	512
#define PTRS_PER_PTE	512

#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PUD_MASK	(~(PUD_SIZE - 1))
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))

/* The user half is PGD entries 0..255; the kernel half, 256..511, is shared. */
#define USER_PTRS_PER_PGD	256
#define KERNEL_PGD_BOUNDARY	USER_PTRS_PER_PGD
#define TASK_SIZE_MAX		((1UL << 47) - PAGE_SIZE)

#ifndef __ASSEMBLY__
struct mm_struct;
extern struct mm_struct init_mm;

/*
 * The kernel's page-table root (init_mm.pgd).  Its upper half, entries
 * 256..511, all point at PUD pages allocated at boot and never change,
 * so every process's PGD can share them by copying (pgd_alloc).
 */
extern pgd_t init_top_pgt[PTRS_PER_PGD];
#define swapper_pg_dir	init_top_pgt

static inline unsigned long pgd_index(unsigned long a) { return (a >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1); }
static inline unsigned long pud_index(unsigned long a) { return (a >> PUD_SHIFT) & (PTRS_PER_PUD - 1); }
static inline unsigned long pmd_index(unsigned long a) { return (a >> PMD_SHIFT) & (PTRS_PER_PMD - 1); }
static inline unsigned long pte_index(unsigned long a) { return (a >> PAGE_SHIFT) & (PTRS_PER_PTE - 1); }

/* Macros, so that only their users need struct mm_struct's definition. */
#define pgd_offset_pgd(pgd, addr)	((pgd) + pgd_index(addr))
#define pgd_offset(mm, addr)		pgd_offset_pgd((mm)->pgd, (addr))
#define pgd_offset_k(addr)		pgd_offset(&init_mm, (addr))

static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long addr)
{
	return (p4d_t *)pgd;		/* 4-level paging: the p4d is the pgd */
}

static inline pud_t *pud_offset(p4d_t *p4d, unsigned long addr)
{
	return (pud_t *)__va(p4d_val(*p4d) & PTE_PFN_MASK) + pud_index(addr);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return (pmd_t *)__va(pud_val(*pud) & PTE_PFN_MASK) + pmd_index(addr);
}

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)__va(pmd_val(*pmd) & PTE_PFN_MASK) + pte_index(addr);
}
#define pte_offset_map(pmd, addr)	pte_offset_kernel(pmd, addr)

static inline int pgd_none(pgd_t pgd) { return !pgd_val(pgd); }
static inline int pgd_present(pgd_t pgd) { return pgd_val(pgd) & _PAGE_PRESENT; }
static inline int p4d_none(p4d_t p4d) { return !p4d_val(p4d); }
static inline int p4d_present(p4d_t p4d) { return p4d_val(p4d) & _PAGE_PRESENT; }
static inline int pud_none(pud_t pud) { return !pud_val(pud); }
static inline int pud_present(pud_t pud) { return pud_val(pud) & _PAGE_PRESENT; }
static inline int pud_large(pud_t pud) { return (pud_val(pud) & (_PAGE_PSE | _PAGE_PRESENT)) == (_PAGE_PSE | _PAGE_PRESENT); }
static inline int pmd_none(pmd_t pmd) { return !pmd_val(pmd); }
static inline int pmd_present(pmd_t pmd) { return pmd_val(pmd) & _PAGE_PRESENT; }
static inline int pmd_large(pmd_t pmd) { return (pmd_val(pmd) & (_PAGE_PSE | _PAGE_PRESENT)) == (_PAGE_PSE | _PAGE_PRESENT); }
static inline int pte_none(pte_t pte) { return !pte_val(pte); }
static inline int pte_same(pte_t a, pte_t b) { return pte_val(a) == pte_val(b); }
/* Maps a page: accessible, or PROT_NONE (see _PAGE_PROTNONE). */
static inline int pte_present(pte_t pte) { return pte_val(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE); }

static inline int pte_write(pte_t pte) { return pte_val(pte) & _PAGE_RW; }
static inline int pte_dirty(pte_t pte) { return pte_val(pte) & _PAGE_DIRTY; }
static inline int pte_young(pte_t pte) { return pte_val(pte) & _PAGE_ACCESSED; }
static inline int pte_user(pte_t pte) { return pte_val(pte) & _PAGE_USER; }
static inline int pte_exec(pte_t pte) { return !(pte_val(pte) & _PAGE_NX); }

/*
 * userfaultfd write protection: a software bit in a present PTE whose RW
 * is clear; a write to it is reported to the userfaultfd, not handled
 * as copy-on-write.
 */
static inline int pte_uffd_wp(pte_t pte) { return pte_val(pte) & _PAGE_UFFD_WP; }
static inline pte_t pte_mkuffd_wp(pte_t pte) { return __pte((pte_val(pte) | _PAGE_UFFD_WP) & ~_PAGE_RW); }
static inline pte_t pte_clear_uffd_wp(pte_t pte) { return __pte(pte_val(pte) & ~_PAGE_UFFD_WP); }
static inline pte_t pte_mkwrite(pte_t pte) { return __pte(pte_val(pte) | _PAGE_RW); }
static inline pte_t pte_wrprotect(pte_t pte) { return __pte(pte_val(pte) & ~_PAGE_RW); }
static inline pte_t pte_mkdirty(pte_t pte) { return __pte(pte_val(pte) | _PAGE_DIRTY); }
static inline pte_t pte_mkclean(pte_t pte) { return __pte(pte_val(pte) & ~_PAGE_DIRTY); }
static inline pte_t pte_mkyoung(pte_t pte) { return __pte(pte_val(pte) | _PAGE_ACCESSED); }
static inline pte_t pte_mkold(pte_t pte) { return __pte(pte_val(pte) & ~_PAGE_ACCESSED); }

static inline unsigned long pte_pfn(pte_t pte) { return (pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT; }
static inline unsigned long pmd_pfn(pmd_t pmd) { return (pmd_val(pmd) & PTE_PFN_MASK) >> PAGE_SHIFT; }
static inline unsigned long pud_pfn(pud_t pud) { return (pud_val(pud) & PTE_PFN_MASK) >> PAGE_SHIFT; }
static inline pgprot_t pte_pgprot(pte_t pte) { return __pgprot(pte_val(pte) & PTE_FLAGS_MASK); }

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((phys_addr_t)pfn << PAGE_SHIFT) | pgprot_val(prot));
}

static inline pte_t pte_modify(pte_t pte, pgprot_t newprot)
{
	return __pte((pte_val(pte) & PTE_PFN_MASK) | pgprot_val(newprot));
}

static inline void set_pte(pte_t *ptep, pte_t pte) { WRITE_ONCE(ptep->pte, pte_val(pte)); }
static inline void set_pmd(pmd_t *pmdp, pmd_t pmd) { WRITE_ONCE(pmdp->pmd, pmd_val(pmd)); }
static inline void set_pud(pud_t *pudp, pud_t pud) { WRITE_ONCE(pudp->pud, pud_val(pud)); }
static inline void set_p4d(p4d_t *p4dp, p4d_t p4d) { WRITE_ONCE(p4dp->p4d, p4d_val(p4d)); }
static inline void set_pgd(pgd_t *pgdp, pgd_t pgd) { WRITE_ONCE(pgdp->pgd, pgd_val(pgd)); }
static inline void pte_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep) { set_pte(ptep, __pte(0)); }

/* Atomically read and clear: the CPU may set accessed/dirty concurrently. */
static inline pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	return __pte(__atomic_exchange_n(&ptep->pte, 0, __ATOMIC_SEQ_CST));
}

static inline void ptep_set_wrprotect(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	__atomic_fetch_and(&ptep->pte, ~_PAGE_RW, __ATOMIC_SEQ_CST);
}

/*
 * Print how @addr translates through @pgd, level by level (the seed's
 * walk, for tests and debugging).  Returns the physical address or -1.
 */
phys_addr_t dump_pagetable_walk(pgd_t *pgd, unsigned long addr);

/*
 * The leaf entry mapping kernel address @addr in init_mm (a PUD or PMD
 * entry for 1 GiB / 2 MiB pages, cast to pte_t), and its size in *level;
 * NULL if nothing maps it.
 */
pte_t *lookup_address(unsigned long addr, unsigned int *level);

/* Boot: build the kernel page tables and switch to them (init_64.c). */
void init_mem_mapping(void);
/* Boot: zones and mem_map, once the page tables map all of RAM. */
void paging_init(void);
#endif

#endif
