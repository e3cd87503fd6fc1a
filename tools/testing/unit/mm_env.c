// SPDX-License-Identifier: GPL-2.0
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <linux/vmalloc.h>
#include "../../../mm/internal.h"
#include "mm_env.h"

struct page *mem_map;
unsigned long max_mapnr;
unsigned int nr_cpu_ids = 1;

void mm_env_init(void)
{
	/* Aligned like the direct map, so blocks are aligned virtually too. */
	void *arena = host_alloc_aligned(ARENA_PAGES * PAGE_SIZE, PAGE_SIZE << (MAX_ORDER - 1));

	host_phys_offset = (unsigned long)arena;
	mem_map = host_alloc(ARENA_PAGES * sizeof(struct page));
	max_mapnr = ARENA_PAGES;

	zone_init(ZONE_DMA, 0, DMA_PAGES, DMA_PAGES);
	zone_init(ZONE_DMA32, DMA_PAGES, ARENA_PAGES - DMA_PAGES,
		  ARENA_PAGES - DMA_PAGES - (HOLE_END - HOLE_START));
	zone_init(ZONE_NORMAL, ARENA_PAGES, 0, 0);
	memmap_init_range(0, DMA_PAGES, ZONE_DMA);
	memmap_init_range(DMA_PAGES, ARENA_PAGES, ZONE_DMA32);
	__free_pages_memory(LOW_RESERVED, HOLE_START);
	__free_pages_memory(HOLE_END, ARENA_PAGES);
	init_per_zone_wmark_min();
}

static int cmp_block(const void *a, const void *b)
{
	const struct free_block *x = a, *y = b;

	return x->pfn < y->pfn ? -1 : x->pfn > y->pfn;
}

/* qsort comes from the C library; declared here to keep <stdlib.h> out. */
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

bool buddy_state_take(struct buddy_state *st)
{
	struct zone *zone;
	bool ok = true;

	st->nr = 0;
	st->listed_pages = 0;
	st->free_pages = global_zone_page_state(NR_FREE_PAGES);
	for_each_populated_zone(zone) {
		unsigned int order;

		for (order = 0; order < MAX_ORDER; order++) {
			struct page *page;
			unsigned long n = 0;

			list_for_each_entry(page, &zone->free_area[order].free_list, lru) {
				unsigned long pfn = page_to_pfn(page);

				ok &= CHECK(PageBuddy(page) && page->private == order,
					    "pfn %lu on order-%u list: buddy %d order %lu",
					    pfn, order, PageBuddy(page), page->private);
				ok &= CHECK(IS_ALIGNED(pfn, 1UL << order),
					    "free block pfn %lu misaligned for order %u", pfn, order);
				ok &= CHECK(zone_spans_pfn(zone, pfn) &&
					    zone_spans_pfn(zone, pfn + (1UL << order) - 1),
					    "free block %lu+%u outside zone %s", pfn, order, zone->name);
				ok &= CHECK(pfn_is_usable(pfn) && pfn_is_usable(pfn + (1UL << order) - 1),
					    "free block %lu order %u covers reserved memory", pfn, order);
				if (st->nr < ARENA_PAGES)
					st->blocks[st->nr++] = (struct free_block){
						pfn, order, (unsigned int)zone_idx(zone) };
				st->listed_pages += 1UL << order;
				n++;
			}
			ok &= CHECK(n == zone->free_area[order].nr_free,
				    "zone %s order %u: %lu listed, nr_free %lu", zone->name,
				    order, n, zone->free_area[order].nr_free);
		}
	}
	qsort(st->blocks, st->nr, sizeof(st->blocks[0]), cmp_block);
	ok &= CHECK(st->listed_pages == st->free_pages,
		    "free lists hold %lu pages, NR_FREE_PAGES says %lu",
		    st->listed_pages, st->free_pages);
	return ok;
}

bool buddy_state_equal(const struct buddy_state *a, const struct buddy_state *b)
{
	return a->nr == b->nr && a->free_pages == b->free_pages &&
	       !memcmp(a->blocks, b->blocks, a->nr * sizeof(a->blocks[0]));
}

/* vmalloc needs page tables; it is tested in the kernel (ktest=mm). */
unsigned long vmalloc_nr_pages(void)
{
	return 0;
}

/* Swap (mm/swapfile.c, mm/swap_state.c) needs disks: the host has none. */
long nr_swap_pages, total_swap_pages;
unsigned long nr_swapcache_pages;
