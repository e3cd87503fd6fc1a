// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator: physical pages in power-of-two blocks.
 *
 * Each zone keeps one free list per order (free_area[0..MAX_ORDER-1]); a
 * free block of order n is 2^n pages, starts at a pfn that is a multiple
 * of 2^n, and is represented by its first struct page (PG_buddy set,
 * page->private = n, linked through page->lru).  The "buddy" of a block
 * is the block of the same size it was split from: its pfn differs only
 * in bit n, so it is found by arithmetic, not search.
 *
 *   allocating order n: take a block from the smallest non-empty list of
 *   order >= n; while it is bigger than needed, split it in half and put
 *   the upper half on the list one order down (expand).
 *
 *   freeing order n: while the buddy is free and of the same order, take
 *   it off its list and merge; put the merged block on its list
 *   (__free_one_page).
 *
 * Above the free lists sit the watermarks: an allocation that would leave
 * a zone below its low watermark tries the next zone down (Normal ->
 * DMA32 -> DMA); below min it fails, unless it is an atomic or
 * __GFP_HIGH allocation that may use part of the reserve.  Below low
 * kswapd is woken to reclaim in the background; below min a caller that
 * may sleep reclaims directly (mm/vmscan.c).
 *
 * Pages enter the allocator once, at boot (__free_pages_core, from
 * mm_init.c); mm_init.c also sets up the zones and mem_map.  The slab
 * allocator (slub.c) and vmalloc (vmalloc.c) are built on this file.
 *
 * Locking: zone->lock, taken with interrupts off because interrupt
 * handlers allocate with GFP_ATOMIC, guards the free lists.  Reference
 * counts and counters are atomic.  Per-CPU page lists (Linux's pcp)
 * would make order-0 allocation lock-free on the fast path; they come
 * with SMP.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/oom.h>
#include <linux/sched/debug.h>
#include <linux/string.h>
#include <linux/swap.h>
#include <linux/vmstat.h>
#include "internal.h"

struct pglist_data contig_page_data = {
	.node_id = 0,
};

atomic_long_t _totalram_pages;
unsigned long totalreserve_pages;

/* Linux's defaults: recomputed from memory size by init_per_zone_wmark_min. */
int min_free_kbytes = 1024;
static int watermark_scale_factor = 10;	/* in 1/10000 of a zone */

static const char *const zone_names[MAX_NR_ZONES] = {
	[ZONE_DMA]	= "DMA",
	[ZONE_DMA32]	= "DMA32",
	[ZONE_NORMAL]	= "Normal",
};

/* Which watermark an attempt is checked against, and how far below it may go. */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
#define ALLOC_WMARK_MASK	0x03
#define ALLOC_NO_WATERMARKS	0x04	/* a reclaimer's own allocation: all of it */
#define ALLOC_HIGH		0x10	/* __GFP_HIGH: half of min is reserve */
#define ALLOC_HARDER		0x20	/* atomic: a further quarter */

/* Rounds of direct reclaim that freed something but not enough, as Linux's. */
#define MAX_RECLAIM_RETRIES	16

/* ---------------------------------------------------------------- */
/* Free lists                                                        */

static inline void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	__SetPageBuddy(page);
}

static inline unsigned int buddy_order(const struct page *page)
{
	return (unsigned int)page->private;
}

static inline void add_to_free_list(struct page *page, struct zone *zone,
				    unsigned int order)
{
	set_buddy_order(page, order);
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
}

static inline void del_from_free_list(struct page *page, struct zone *zone,
				      unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
}

/*
 * The head of the free block of @order at @buddy_pfn, if there is one to
 * merge with.  A pfn outside the zone (the zone's edge, or beyond the end
 * of memory) has no buddy; pages in holes are reserved, never PG_buddy.
 */
static inline struct page *find_buddy_page(struct zone *zone, unsigned long buddy_pfn,
					   unsigned int order)
{
	struct page *buddy;

	if (!zone_spans_pfn(zone, buddy_pfn))
		return NULL;
	buddy = pfn_to_page(buddy_pfn);
	return PageBuddy(buddy) && buddy_order(buddy) == order ? buddy : NULL;
}

/* Caller holds zone->lock. */
static void __free_one_page(struct page *page, unsigned long pfn,
			    struct zone *zone, unsigned int order)
{
	lockdep_assert_held(&zone->lock);
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = find_buddy_page(zone, buddy_pfn, order);

		if (!buddy)
			break;
		del_from_free_list(buddy, zone, order);
		/* The merged block starts at the lower of the two. */
		if (buddy_pfn < pfn) {
			page = buddy;
			pfn = buddy_pfn;
		}
		order++;
	}
	add_to_free_list(page, zone, order);
}

/*
 * @page heads a block of order @high taken off the free lists; keep its
 * first 2^@low pages and return the upper halves, largest first.
 */
static inline void expand(struct zone *zone, struct page *page,
			  unsigned int low, unsigned int high)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high);
	}
}

/* Caller holds zone->lock. */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	unsigned int current_order;

	lockdep_assert_held(&zone->lock);
	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		page = list_first_entry_or_null(&area->free_list, struct page, lru);
		if (!page)
			continue;
		del_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order);
		return page;
	}
	return NULL;
}

static struct page *rmqueue(struct zone *zone, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue_smallest(zone, order);
	if (page) {
		mod_zone_page_state(zone, NR_FREE_PAGES, -(1L << order));
		count_zid_vm_events(PGALLOC, zone_idx(zone), 1L << order);
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

/* ---------------------------------------------------------------- */
/* Sanity checks: a corrupted struct page is reported, and leaked.   */

static void bad_page(struct page *page, const char *reason)
{
	pr_alert("BUG: Bad page state: pfn:%05lx\n", page_to_pfn(page));
	pr_alert("page:%px refcount:%d mapcount:%d mapping:%px index:%#lx\n",
		 page, page_ref_count(page), atomic_read(&page->_mapcount),
		 page->mapping, page->index);
	pr_alert("flags: %#lx\n", page->flags & ~(ZONES_MASK << ZONES_PGSHIFT));
	pr_alert("page dumped because: %s\n", reason);
	dump_stack();
	/* Whatever uses it may still write to it: never hand it out again. */
	page_mapcount_reset(page);
}

static const char *page_bad_reason(const struct page *page, unsigned long flags)
{
	if (atomic_read(&page->_mapcount) != -1)
		return "nonzero mapcount";
	if (page->mapping)
		return "non-NULL mapping";
	if (page_ref_count(page) != 0)
		return "nonzero _refcount";
	if (page->flags & flags)
		return "page flags set that must be clear";
	return NULL;
}

/* ---------------------------------------------------------------- */
/* Freeing                                                           */

/* Tail pages go back to plain pages: nothing may still point at the head. */
static void free_tail_pages_prepare(struct page *head, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	for (i = 1; i < nr; i++) {
		head[i].compound_head = 0;
		head[i].compound_order = 0;
	}
}

static bool free_pages_prepare(struct page *page, unsigned int order)
{
	const char *reason;

	if (PageHead(page)) {
		free_tail_pages_prepare(page, order);
		__ClearPageHead(page);
	}
	reason = page_bad_reason(page, PAGE_FLAGS_CHECK_AT_FREE);
	if (reason) {
		bad_page(page, reason);
		return false;
	}
	/* Only the zone survives into the free page. */
	page->flags &= ZONES_MASK << ZONES_PGSHIFT;
	page->private = 0;
	return true;
}

static void free_the_page(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	/* A page-cache or anonymous page leaves its LRU list with its last reference. */
	if (unlikely(PageLRU(page) || PageActive(page)))
		__page_cache_release(page);
	if (!free_pages_prepare(page, order))
		return;
	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(page, page_to_pfn(page), zone, order);
	mod_zone_page_state(zone, NR_FREE_PAGES, 1L << order);
	spin_unlock_irqrestore(&zone->lock, flags);
	count_vm_events(PGFREE, 1L << order);
}

/* Drop a reference; true if it was the last.  A free page has none to drop. */
static inline bool put_page_testzero(struct page *page)
{
	if (unlikely(page_ref_count(page) <= 0)) {
		bad_page(page, "freeing a page that is already free");
		return false;
	}
	return page_ref_dec_and_test(page);
}

void __free_pages(struct page *page, unsigned int order)
{
	if (put_page_testzero(page))
		free_the_page(page, order);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}
EXPORT_SYMBOL(free_pages);

void put_page(struct page *page)
{
	page = compound_head(page);
	if (put_page_testzero(page))
		free_the_page(page, compound_order(page));
}

/* ---------------------------------------------------------------- */
/* Allocating                                                        */

bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       unsigned int alloc_flags)
{
	long min = (long)mark;
	long free_pages = (long)zone_page_state(z, NR_FREE_PAGES) - (1L << order) + 1;
	unsigned int o;

	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free_pages <= min)
		return false;
	if (!order)
		return true;
	/* Enough pages are free, but are any of them in a large enough block? */
	for (o = order; o < MAX_ORDER; o++)
		if (READ_ONCE(z->free_area[o].nr_free))
			return true;
	return false;
}

static void prep_compound_page(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	__SetPageHead(page);
	for (i = 1; i < nr; i++)
		page[i].compound_head = (unsigned long)page + 1;
	page[1].compound_order = (unsigned char)order;
}

static void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	set_page_count(page, 1);
	page->private = 0;
	if (gfp & __GFP_ZERO) {
		unsigned int i;

		/* Whole pages: clear_page's 8-byte stores, not memset's bytes. */
		for (i = 0; i < (1U << order); i++)
			clear_page(page_address(page + i));
	}
	if ((gfp & __GFP_COMP) && order)
		prep_compound_page(page, order);
}

static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags)
{
	int idx;

	/* The highest zone allowed first; lower zones are scarcer. */
	for (idx = gfp_zone(gfp); idx >= 0; idx--) {
		struct zone *zone = &NODE_DATA(0)->node_zones[idx];
		struct page *page;

		if (!populated_zone(zone))
			continue;
		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !zone_watermark_ok(zone, order,
				       wmark_pages(zone, alloc_flags & ALLOC_WMARK_MASK),
				       alloc_flags))
			continue;
		while ((page = rmqueue(zone, order))) {
			const char *reason = page_bad_reason(page, PAGE_FLAGS_CHECK_AT_PREP);

			if (!reason) {
				prep_new_page(page, order, gfp);
				return page;
			}
			bad_page(page, reason);		/* leaked; try another */
		}
	}
	return NULL;
}

/*
 * Below the low watermark: kswapd (mm/vmscan.c) frees memory in the
 * background until the zones are back above high, so that most
 * allocations never have to reclaim themselves.
 */
static void wake_all_kswapds(unsigned int order, gfp_t gfp)
{
	wakeup_kswapd(order);
}

static unsigned int gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;

	if (gfp & __GFP_HIGH) {
		alloc_flags |= ALLOC_HIGH;
		/* Atomic callers cannot wait for memory: give them more. */
		if (!(gfp & __GFP_DIRECT_RECLAIM))
			alloc_flags |= ALLOC_HARDER;
	}
	return alloc_flags;
}

static void warn_alloc(gfp_t gfp, unsigned int order)
{
	struct zone *zone;

	pr_warn("page allocation failure: order:%u, mode:%#x\n", order, gfp);
	for_each_populated_zone(zone)
		pr_warn("Node 0 %s free:%lukB min:%lukB low:%lukB high:%lukB managed:%lukB\n",
			zone->name, zone_page_state(zone, NR_FREE_PAGES) << 2,
			min_wmark_pages(zone) << 2, low_wmark_pages(zone) << 2,
			high_wmark_pages(zone) << 2, zone_managed_pages(zone) << 2);
	dump_stack();
}

/*
 * Reclaim freed nothing this time: another reclaimer may hold the pages
 * it would have taken (isolated, locked, being written to swap), or the
 * pass only aged them.  Try again, up to MAX_RECLAIM_RETRIES passes in a
 * row, while reclaim has something left to free (Linux's
 * should_reclaim_retry): out of memory is when it has not, or when that
 * many passes in a row freed nothing.
 */
static bool should_reclaim_retry(gfp_t gfp, unsigned int order, unsigned long progress,
				 int *no_progress_loops)
{
	if (progress && order <= PAGE_ALLOC_COSTLY_ORDER) {
		*no_progress_loops = 0;
		return true;
	}
	if (++*no_progress_loops > MAX_RECLAIM_RETRIES)
		return false;
	return reclaim_worth_retrying(gfp, order);
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	might_sleep_if(gfpflags_allow_blocking(gfp));
	if (order >= MAX_ORDER) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW);
	if (likely(page))
		return page;

	/* Slow path: below low in every zone allowed. */
	if (gfp & __GFP_KSWAPD_RECLAIM)
		wake_all_kswapds(order, gfp);
	page = get_page_from_freelist(gfp, order, gfp_to_alloc_flags(gfp));
	if (page)
		return page;
	/*
	 * Reclaim itself needs memory to free memory (kswapd's writeback
	 * reads a file's block map): the reserve below min is for it.
	 */
	if (gfp_pfmemalloc_allowed(gfp)) {
		page = get_page_from_freelist(gfp, order, ALLOC_NO_WATERMARKS);
		if (page)
			return page;
	}
	/*
	 * Below min: a caller that may wait frees pages itself (direct
	 * reclaim) and tries again while reclaim makes progress or could
	 * (should_reclaim_retry).  When it cannot, a small allocation asks
	 * the OOM killer for a victim and waits for its memory
	 * (alloc_pages_may_oom).
	 */
	if (gfp & __GFP_DIRECT_RECLAIM) {
		int no_progress_loops = 0, tries = 0;
		long oom_waits = 0;

		for (;;) {
			unsigned long progress = try_to_free_pages(gfp, order);

			page = get_page_from_freelist(gfp, order, gfp_to_alloc_flags(gfp));
			if (page)
				return page;
			if (++tries <= 4 * MAX_RECLAIM_RETRIES &&
			    should_reclaim_retry(gfp, order, progress, &no_progress_loops))
				continue;
			if (!alloc_pages_may_oom(gfp, order, oom_waits++))
				break;
			tries = 0;
		}
	}
	if (!(gfp & __GFP_NOWARN))
		warn_alloc(gfp, order);
	return NULL;
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)page_address(page) : 0;
}
EXPORT_SYMBOL(__get_free_pages);

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}
EXPORT_SYMBOL(get_zeroed_page);

/* ---------------------------------------------------------------- */
/* Boot: zones, struct pages, and the memory that enters the lists.  */

void __init zone_init(enum zone_type idx, unsigned long start_pfn,
		      unsigned long spanned, unsigned long present)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	struct zone *zone = &pgdat->node_zones[idx];
	unsigned int order;

	zone->zone_pgdat = pgdat;
	zone->name = zone_names[idx];
	zone->zone_start_pfn = start_pfn;
	zone->spanned_pages = spanned;
	zone->present_pages = present;
	atomic_long_set(&zone->managed_pages, 0);
	spin_lock_init(&zone->lock);
	for (order = 0; order < MAX_ORDER; order++) {
		INIT_LIST_HEAD(&zone->free_area[order].free_list);
		zone->free_area[order].nr_free = 0;
	}
	if (present && (int)idx >= pgdat->nr_zones)
		pgdat->nr_zones = idx + 1;
	pgdat->node_present_pages += present;
}

/*
 * Every struct page starts reserved, owned by nobody, in @zone; memory
 * that turns out to be free is released with __free_pages_core.
 */
void __init memmap_init_range(unsigned long start_pfn, unsigned long end_pfn,
			      enum zone_type zone)
{
	unsigned long pfn;

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		memset(page, 0, sizeof(*page));
		set_page_zone(page, zone);
		__SetPageReserved(page);
		init_page_count(page);
		page_mapcount_reset(page);
		INIT_LIST_HEAD(&page->lru);
	}
}

/* Give a block of boot memory to the allocator: it is now "managed". */
void __init __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	for (i = 0; i < nr; i++) {
		__ClearPageReserved(&page[i]);
		set_page_count(&page[i], 0);
	}
	atomic_long_add(nr, &page_zone(page)->managed_pages);
	totalram_pages_add(nr);
	set_page_count(page, 1);
	__free_pages(page, order);
}

/* Release [start_pfn, end_pfn) in the largest naturally aligned blocks. */
void __init __free_pages_memory(unsigned long start_pfn, unsigned long end_pfn)
{
	while (start_pfn < end_pfn) {
		unsigned int order = MAX_ORDER - 1;

		if (start_pfn)
			order = min_t(unsigned int, order, __ffs(start_pfn));
		while (start_pfn + (1UL << order) > end_pfn)
			order--;
		__free_pages_core(pfn_to_page(start_pfn), order);
		start_pfn += 1UL << order;
	}
}

static void adjust_managed_page_count(struct page *page, long count)
{
	atomic_long_add(count, &page_zone(page)->managed_pages);
	totalram_pages_add(count);
}

unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long pos = PAGE_ALIGN((unsigned long)start);
	unsigned long stop = (unsigned long)end & PAGE_MASK;
	unsigned long pages = 0;

	for (; pos < stop; pos += PAGE_SIZE) {
		struct page *page = virt_to_page((void *)pos);

		/*
		 * Only reserved RAM goes to the allocator.  The boot loader may
		 * have put part of the initramfs where the firmware's memory map
		 * says "reserved" (QEMU does, below its ACPI tables, when they
		 * grow with many devices): those pages have no initialized
		 * struct page and are not ours to give away.
		 */
		if (!pfn_valid(PHYS_PFN(__pa(pos))) || !PageReserved(page))
			continue;
		pages++;
		if (poison >= 0)
			memset((void *)pos, poison, PAGE_SIZE);
		__ClearPageReserved(page);
		set_page_count(page, 1);
		adjust_managed_page_count(page, 1);
		__free_page(page);
	}
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}

/* ---------------------------------------------------------------- */
/* Watermarks                                                        */

static void calculate_totalreserve_pages(void)
{
	struct zone *zone;
	unsigned long reserve = 0;

	for_each_populated_zone(zone)
		reserve += min(high_wmark_pages(zone), zone_managed_pages(zone));
	totalreserve_pages = reserve;
}

/*
 * Split min_free_kbytes between the zones in proportion to their size;
 * low and high sit above min by a quarter of min, or by
 * watermark_scale_factor of the zone if that is more.
 */
void setup_per_zone_wmarks(void)
{
	unsigned long pages_min = (unsigned long)min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *zone;

	for_each_populated_zone(zone)
		lowmem_pages += zone_managed_pages(zone);
	if (!lowmem_pages)
		return;
	for_each_populated_zone(zone) {
		unsigned long managed = zone_managed_pages(zone);
		unsigned long min = pages_min * managed / lowmem_pages;
		unsigned long gap = max(min >> 2,
					managed * (unsigned long)watermark_scale_factor / 10000);
		unsigned long flags;

		spin_lock_irqsave(&zone->lock, flags);
		zone->_watermark[WMARK_MIN] = min;
		zone->_watermark[WMARK_LOW] = min + gap;
		zone->_watermark[WMARK_HIGH] = min + 2 * gap;
		spin_unlock_irqrestore(&zone->lock, flags);
	}
	calculate_totalreserve_pages();
}

static unsigned long int_sqrt_ul(unsigned long x)
{
	unsigned long r = 0, bit = 1UL << (BITS_PER_LONG - 2);

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

/*
 * min_free_kbytes grows with the square root of memory, as in Linux:
 * sqrt(lowmem_kbytes * 16), so 16 MiB of RAM keeps 512 KiB in reserve,
 * 1 GiB keeps ~4 MiB, 16 GiB ~16 MiB; clamped to [128 KiB, 256 MiB].
 */
int __init init_per_zone_wmark_min(void)
{
	unsigned long lowmem_kbytes = totalram_pages() * (PAGE_SIZE >> 10);
	unsigned long kbytes = int_sqrt_ul(lowmem_kbytes * 16);

	min_free_kbytes = (int)clamp_t(unsigned long, kbytes, 128, 262144);
	setup_per_zone_wmarks();
	return 0;
}
