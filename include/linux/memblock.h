/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time memory allocator, used from the moment the
 * firmware's memory map is known until the page allocator takes over
 * (mm_core_init -> memblock_free_all).
 *
 * It is two sorted lists of physical ranges: "memory" (RAM the firmware
 * reported) and "reserved" (ranges in use: the kernel image, the
 * initramfs, firmware areas, and everything memblock_alloc() handed out).
 * Free memory is memory minus reserved.  Allocation takes the highest
 * free range that fits, below current_limit (what the page tables map
 * so far), so low memory stays free for devices that need it.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>
#include <linux/init.h>

#define INIT_MEMBLOCK_REGIONS	128
#define MEMBLOCK_ALLOC_ANYWHERE	(~(phys_addr_t)0)

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	phys_addr_t total_size;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;	/* allocations end below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

extern unsigned long max_pfn;		/* highest RAM pfn + 1 */
extern unsigned long max_low_pfn;	/* highest RAM pfn + 1 below 4 GiB */

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
void memblock_free(void *ptr, size_t size);

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
/* Zeroed memory, by its direct-map address; NULL if none fits. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);

void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_memory(phys_addr_t addr);
void memblock_dump_all(void);

/*
 * Iterate over free (memory and not reserved) ranges, lowest first:
 *	u64 i; phys_addr_t start, end;
 *	for_each_free_mem_range(i, &start, &end) ...
 */
bool __next_free_mem_range(u64 *idx, phys_addr_t *out_start, phys_addr_t *out_end);
#define for_each_free_mem_range(i, p_start, p_end)			\
	for (i = 0; __next_free_mem_range(&i, p_start, p_end); )

#define for_each_mem_region(rgn)					\
	for (rgn = memblock.memory.regions;				\
	     rgn < memblock.memory.regions + memblock.memory.cnt; rgn++)
#define for_each_reserved_mem_region(rgn)				\
	for (rgn = memblock.reserved.regions;				\
	     rgn < memblock.reserved.regions + memblock.reserved.cnt; rgn++)

/* mm_init.c: release every free range to the buddy allocator. */
void memblock_free_all(void);
/* From then on memblock_alloc() is a bug, and says so. */
void memblock_mark_done(void);

#endif /* _LINUX_MEMBLOCK_H */
