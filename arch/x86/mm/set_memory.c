// SPDX-License-Identifier: GPL-2.0
/*
 * Changing the protection of kernel pages after they are mapped: module
 * text becomes read-only and executable, module data non-executable
 * (W^X), as Linux's set_memory_*() do.  Only 4 KiB mappings (vmalloc and
 * module space) are handled; the direct map's large pages are never split.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <asm/set_memory.h>
#include <asm/tlbflush.h>

static int change_page_attr(unsigned long addr, int numpages, unsigned long set, unsigned long clear)
{
	unsigned long start = addr, end = addr + ((unsigned long)numpages << PAGE_SHIFT);

	if (!IS_ALIGNED(addr, PAGE_SIZE) || numpages < 0)
		return -EINVAL;
	set &= __supported_pte_mask;
	for (; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = vmalloc_pte_lookup(addr);

		if (!pte || !pte_present(*pte))
			return -EINVAL;
		set_pte(pte, __pte((pte_val(*pte) & ~clear) | set));
	}
	flush_tlb_kernel_range(start, end);
	return 0;
}

int set_memory_ro(unsigned long addr, int numpages)
{
	return change_page_attr(addr, numpages, 0, _PAGE_RW);
}

int set_memory_rw(unsigned long addr, int numpages)
{
	return change_page_attr(addr, numpages, _PAGE_RW, 0);
}

int set_memory_x(unsigned long addr, int numpages)
{
	return change_page_attr(addr, numpages, 0, _PAGE_NX);
}

int set_memory_nx(unsigned long addr, int numpages)
{
	return change_page_attr(addr, numpages, _PAGE_NX, 0);
}
