/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page-table entries of x86-64 4-level paging (Intel SDM vol. 3, 4.5):
 * each level is a page of 512 eight-byte entries holding a physical
 * frame address and permission bits.  The types are structs so that a
 * pte can never be mixed up with a plain number or another level's entry.
 */
#ifndef _ASM_X86_PGTABLE_TYPES_H
#define _ASM_X86_PGTABLE_TYPES_H

#include <linux/types.h>
#include <asm/page_64_types.h>

#define _PAGE_BIT_PRESENT	0
#define _PAGE_BIT_RW		1
#define _PAGE_BIT_USER		2
#define _PAGE_BIT_PWT		3
#define _PAGE_BIT_PCD		4
#define _PAGE_BIT_ACCESSED	5
#define _PAGE_BIT_DIRTY		6
#define _PAGE_BIT_PSE		7	/* 2 MiB / 1 GiB leaf at PMD / PUD level */
#define _PAGE_BIT_GLOBAL	8
#define _PAGE_BIT_SOFTW1	9	/* available to software */
#define _PAGE_BIT_SOFTW2	10	/* available to software */
#define _PAGE_BIT_UFFD_WP	_PAGE_BIT_SOFTW2	/* userfaultfd write-protected */
#define _PAGE_BIT_NX		63

#define _PAGE_PRESENT	(1UL << _PAGE_BIT_PRESENT)
#define _PAGE_RW	(1UL << _PAGE_BIT_RW)
#define _PAGE_USER	(1UL << _PAGE_BIT_USER)
#define _PAGE_PWT	(1UL << _PAGE_BIT_PWT)
#define _PAGE_PCD	(1UL << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED	(1UL << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY	(1UL << _PAGE_BIT_DIRTY)
#define _PAGE_PSE	(1UL << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL	(1UL << _PAGE_BIT_GLOBAL)
#define _PAGE_SOFTW1	(1UL << _PAGE_BIT_SOFTW1)
#define _PAGE_UFFD_WP	(1UL << _PAGE_BIT_UFFD_WP)
#define _PAGE_NX	(1UL << _PAGE_BIT_NX)

/* Physical address bits of an entry (52-bit physical addresses). */
#define PTE_PFN_MASK	0x000ffffffffff000UL
#define PTE_FLAGS_MASK	(~PTE_PFN_MASK)

#ifndef __ASSEMBLY__
typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long pud; } pud_t;
typedef struct { unsigned long p4d; } p4d_t;
typedef struct { unsigned long pgd; } pgd_t;
typedef struct { unsigned long pgprot; } pgprot_t;

#define pte_val(x)	((x).pte)
#define pmd_val(x)	((x).pmd)
#define pud_val(x)	((x).pud)
#define p4d_val(x)	((x).p4d)
#define pgd_val(x)	((x).pgd)
#define pgprot_val(x)	((x).pgprot)

#define __pte(x)	((pte_t) { (x) })
#define __pmd(x)	((pmd_t) { (x) })
#define __pud(x)	((pud_t) { (x) })
#define __p4d(x)	((p4d_t) { (x) })
#define __pgd(x)	((pgd_t) { (x) })
#define __pgprot(x)	((pgprot_t) { (x) })

/* Table entries pointing at the next level: user bit set, so the leaf decides. */
#define _PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

#define __PAGE_KERNEL		(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | \
				 _PAGE_GLOBAL | _PAGE_NX)
#define PAGE_KERNEL		__pgprot(__PAGE_KERNEL)
#define PAGE_KERNEL_RO		__pgprot(__PAGE_KERNEL & ~_PAGE_RW)
#define PAGE_KERNEL_EXEC	__pgprot(__PAGE_KERNEL & ~_PAGE_NX)
#define PAGE_KERNEL_ROX		__pgprot(__PAGE_KERNEL & ~(_PAGE_RW | _PAGE_NX))
#define PAGE_KERNEL_NOCACHE	__pgprot(__PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)
#define PAGE_KERNEL_LARGE	__pgprot(__PAGE_KERNEL | _PAGE_PSE)

/*
 * Bits the CPU accepts: NX is reserved (a fault if set) on CPUs without
 * it, so every kernel mapping is masked with this (init_64.c sets it).
 */
extern unsigned long __supported_pte_mask;

/* The size of the page a leaf entry maps (lookup_address). */
enum pg_level {
	PG_LEVEL_NONE,
	PG_LEVEL_4K,
	PG_LEVEL_2M,
	PG_LEVEL_1G,
	PG_LEVEL_NUM
};

/* User mappings; write permission for COW pages is granted by the fault. */
/*
 * PROT_NONE pages stay mapped but inaccessible: the present bit is
 * cleared and the global bit (meaningless in user PTEs) marks the entry
 * as still holding its page, as Linux's _PAGE_PROTNONE does.
 */
#define _PAGE_PROTNONE		_PAGE_GLOBAL
#define PAGE_NONE		__pgprot(_PAGE_PROTNONE | _PAGE_ACCESSED)
#define PAGE_SHARED		__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_SHARED_EXEC	__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_COPY		__pgprot(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_COPY_EXEC		__pgprot(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_READONLY		PAGE_COPY
#define PAGE_READONLY_EXEC	PAGE_COPY_EXEC
#endif

#endif
