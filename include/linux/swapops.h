/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Swap entries: where an evicted anonymous page went, kept in the PTE
 * that used to map it.
 *
 * A swp_entry_t names a slot: the swap device (its type, the index in
 * swap_info[]) and the page-sized slot on it (the offset).  In a PTE it
 * must read as "not present" to the MMU and must not look like the two
 * other non-present PTEs Lantern has: the empty one (all zero) and
 * PROT_NONE (_PAGE_PROTNONE set, page still there).  So on x86-64:
 *
 *   bit 0      0 (not present)
 *   bits 1-5   type
 *   bit 7      the page was userfaultfd write-protected (_PAGE_SWP_UFFD_WP)
 *   bit 8      0 (_PAGE_PROTNONE clear)
 *   bits 10-57 offset (never 0: slot 0 holds the swap header, so a swap
 *              PTE is never all zero)
 */
#ifndef _LINUX_SWAPOPS_H
#define _LINUX_SWAPOPS_H

#include <linux/swap.h>
#include <asm/pgtable.h>

#define SWP_TYPE_SHIFT		1
#define SWP_TYPE_BITS		5
#define SWP_OFFSET_SHIFT	10
#define SWP_OFFSET_BITS		48
#define _PAGE_SWP_UFFD_WP	(1UL << 7)

/* The write protection travels with the page through swap. */
static inline bool pte_swp_uffd_wp(pte_t pte)
{
	return pte_val(pte) & _PAGE_SWP_UFFD_WP;
}

static inline pte_t pte_swp_mkuffd_wp(pte_t pte)
{
	return __pte(pte_val(pte) | _PAGE_SWP_UFFD_WP);
}

static inline swp_entry_t swp_entry(unsigned int type, pgoff_t offset)
{
	swp_entry_t e = { .val = ((unsigned long)type << SWP_OFFSET_BITS) | offset };

	return e;
}

static inline unsigned int swp_type(swp_entry_t e)
{
	return e.val >> SWP_OFFSET_BITS;
}

static inline pgoff_t swp_offset(swp_entry_t e)
{
	return e.val & ((1UL << SWP_OFFSET_BITS) - 1);
}

static inline bool is_swap_pte(pte_t pte)
{
	return !pte_none(pte) && !pte_present(pte);
}

static inline swp_entry_t pte_to_swp_entry(pte_t pte)
{
	unsigned long v = pte_val(pte);

	return swp_entry((v >> SWP_TYPE_SHIFT) & ((1UL << SWP_TYPE_BITS) - 1),
			 (v >> SWP_OFFSET_SHIFT) & ((1UL << SWP_OFFSET_BITS) - 1));
}

static inline pte_t swp_entry_to_pte(swp_entry_t e)
{
	return __pte(((unsigned long)swp_type(e) << SWP_TYPE_SHIFT) |
		     (swp_offset(e) << SWP_OFFSET_SHIFT));
}

#endif /* _LINUX_SWAPOPS_H */
