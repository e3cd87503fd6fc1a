/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Converting between the kernel's views of an address: the direct map
 * (__va/__pa) and the kernel image mapping (__pa_symbol).
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <asm/page_64_types.h>

#ifndef __ASSEMBLY__
#include <linux/types.h>
#include <asm/sections.h>

#define PAGE_OFFSET	((unsigned long)__PAGE_OFFSET)

static inline unsigned long __phys_addr(unsigned long x)
{
	/* Kernel image addresses are above __START_KERNEL_map. */
	if (x >= __START_KERNEL_map)
		return x - __START_KERNEL_map;
	return x - PAGE_OFFSET;
}

/* Host unit tests define their own pair, over a fake physical memory. */
#ifndef __va
#define __pa(x)		__phys_addr((unsigned long)(x))
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))
#endif
#define __pa_symbol(x)	((unsigned long)(x) - __START_KERNEL_map)

#define PFN_PHYS(pfn)	((phys_addr_t)(pfn) << PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGN_DOWN(x)	((x) & PAGE_MASK)

/* The smallest order n with (PAGE_SIZE << n) >= @size; size 0 is order 0. */
static inline __attribute__((__const__)) unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	size = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	while ((1UL << order) < size)
		order++;
	return order;
}

#endif


#ifndef __ASSEMBLY__
/* Whole-page copy and clear, "rep" string instructions: fast on every x86. */
static inline void clear_page(void *page)
{
	unsigned long cnt = PAGE_SIZE / 8;

	asm volatile("rep stosq" : "+D"(page), "+c"(cnt) : "a"(0UL) : "memory");
}

static inline void copy_page(void *to, const void *from)
{
	unsigned long cnt = PAGE_SIZE / 8;

	asm volatile("rep movsq" : "+D"(to), "+S"(from), "+c"(cnt) : : "memory");
}
#endif

#endif
