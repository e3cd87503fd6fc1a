/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host unit tests: "physical memory" is an arena the test program
 * allocates, with physical address 0 at the arena's start, so __va and
 * __pa are an offset.  Everything else comes from the kernel's header.
 */
#ifndef _UNIT_MM_ASM_PAGE_H
#define _UNIT_MM_ASM_PAGE_H

extern unsigned long host_phys_offset;	/* arena address - its "physical" 0 */

#define __va(x)		((void *)((unsigned long)(x) + host_phys_offset))
#define __pa(x)		((unsigned long)(x) - host_phys_offset)

#include_next <asm/page.h>

#endif
