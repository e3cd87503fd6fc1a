// SPDX-License-Identifier: GPL-2.0
/*
 * Memory setup on x86-64: the zones the page allocator divides RAM
 * into.  ZONE_DMA is what ISA DMA can reach (16 MiB), ZONE_DMA32 what
 * 32-bit devices can (4 GiB); the rest is ZONE_NORMAL.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <asm/page.h>
#include <asm/pgtable.h>

/* Zones, from the RAM memblock knows, once everything is mapped. */
void __init paging_init(void)
{
	unsigned long max_zone_pfns[MAX_NR_ZONES] = {
		[ZONE_DMA]	= PFN_DOWN(SZ_16M),
		[ZONE_DMA32]	= PFN_DOWN(SZ_4G),
		[ZONE_NORMAL]	= max_pfn,
	};

	free_area_init(max_zone_pfns);
}
