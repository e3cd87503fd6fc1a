/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small fake machine for the mm unit tests: 64 MiB of "physical" RAM
 * in a host arena, ZONE_DMA below 16 MiB and ZONE_DMA32 above, the first
 * MiB reserved and an unaligned hole, set up with the same boot functions
 * the kernel uses (zone_init, memmap_init_range, __free_pages_memory).
 */
#ifndef UNIT_MM_ENV_H
#define UNIT_MM_ENV_H

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include "mm_host.h"
#include "unit.h"

#define ARENA_PAGES	16384UL			/* 64 MiB */
#define DMA_PAGES	4096UL			/* 16 MiB */
#define LOW_RESERVED	256UL			/* the first MiB */
#define HOLE_START	5003UL			/* not RAM: unaligned on purpose */
#define HOLE_END	5081UL
#define EXPECTED_FREE	(ARENA_PAGES - LOW_RESERVED - (HOLE_END - HOLE_START))

void mm_env_init(void);

/* A test group whose reports start from an empty printk log. */
static inline void mm_unit_begin(const char *group)
{
	unit_begin(group);
	log_clear();
}

/* Is @pfn memory the allocator may hand out? */
static inline bool pfn_is_usable(unsigned long pfn)
{
	return pfn >= LOW_RESERVED && pfn < ARENA_PAGES &&
	       (pfn < HOLE_START || pfn >= HOLE_END);
}

/* Every free block of every zone, sorted: the allocator's whole state. */
struct free_block {
	unsigned long pfn;
	unsigned int order;
	unsigned int zone;
};

struct buddy_state {
	unsigned int nr;
	unsigned long free_pages;	/* NR_FREE_PAGES */
	unsigned long listed_pages;	/* sum over the lists */
	struct free_block blocks[ARENA_PAGES];
};

/* Snapshot the free lists; false (with a CHECK failure) if they are inconsistent. */
bool buddy_state_take(struct buddy_state *st);
bool buddy_state_equal(const struct buddy_state *a, const struct buddy_state *b);

#endif
