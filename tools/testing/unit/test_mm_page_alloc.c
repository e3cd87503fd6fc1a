// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator (mm/page_alloc.c) on the host, against a model:
 * every block it hands out is inside RAM, aligned to its order, in an
 * allowed zone and overlaps no other live block; the free lists stay
 * consistent with the counters; and once everything is freed, every
 * buddy has merged back: the free lists are exactly those after boot.
 */
#include <stdio.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include "mm_env.h"

static struct buddy_state boot_state, state;

/* No two free blocks of one order may be buddies: they would have merged. */
static bool no_unmerged_buddies(const struct buddy_state *st)
{
	unsigned int i;
	bool ok = true;

	for (i = 0; i + 1 < st->nr; i++) {
		const struct free_block *a = &st->blocks[i], *b = &st->blocks[i + 1];

		if (a->order == b->order && a->order < MAX_ORDER - 1 &&
		    (a->pfn ^ (1UL << a->order)) == b->pfn && a->zone == b->zone)
			ok &= CHECK(false, "free buddies %lu and %lu of order %u unmerged",
				    a->pfn, b->pfn, a->order);
	}
	return ok;
}

static unsigned long isqrt(unsigned long x)
{
	unsigned long r = 0;

	while ((r + 1) * (r + 1) <= x)
		r++;
	return r;
}

static void test_init(void)
{
	unsigned long managed = 0, pages_min, expect_kb;
	struct zone *zone;

	mm_unit_begin("mm_buddy_init");
	CHECK(buddy_state_take(&boot_state), "free lists inconsistent after boot");
	CHECK(boot_state.free_pages == EXPECTED_FREE, "%lu free pages, expected %lu",
	      boot_state.free_pages, EXPECTED_FREE);
	CHECK(totalram_pages() == EXPECTED_FREE, "totalram %lu", totalram_pages());
	no_unmerged_buddies(&boot_state);

	/* min_free_kbytes = sqrt(16 * lowmem KiB), clamped; split by zone size. */
	expect_kb = isqrt(EXPECTED_FREE * 4 * 16);
	expect_kb = expect_kb < 128 ? 128 : expect_kb;
	CHECK((unsigned long)min_free_kbytes == expect_kb, "min_free_kbytes %d, expected %lu",
	      min_free_kbytes, expect_kb);
	pages_min = expect_kb / 4;
	for_each_populated_zone(zone)
		managed += zone_managed_pages(zone);
	CHECK(managed == EXPECTED_FREE, "managed %lu", managed);
	for_each_populated_zone(zone) {
		unsigned long m = zone_managed_pages(zone), min = pages_min * m / managed;
		unsigned long gap = min / 4 > m * 10 / 10000 ? min / 4 : m * 10 / 10000;

		CHECK(min_wmark_pages(zone) == min, "%s min %lu, expected %lu", zone->name,
		      min_wmark_pages(zone), min);
		CHECK(low_wmark_pages(zone) == min + gap && high_wmark_pages(zone) == min + 2 * gap,
		      "%s low/high %lu/%lu", zone->name, low_wmark_pages(zone),
		      high_wmark_pages(zone));
	}
	unit_end();
}

/* ---- the random test ---- */

struct live_block {
	unsigned long pfn;
	unsigned int order;
	unsigned long id;
};

#define MAX_LIVE	4096
static struct live_block live[MAX_LIVE];
static unsigned int nr_live;
static unsigned long live_pages;
static unsigned int owner[ARENA_PAGES];	/* index + 1 into live[], or 0 */

static void mark_block(const struct live_block *b, unsigned int val)
{
	unsigned long i;

	for (i = 0; i < (1UL << b->order); i++)
		owner[b->pfn + i] = val;
}

static void stamp(const struct live_block *b)
{
	unsigned long i;

	for (i = 0; i < (1UL << b->order); i++) {
		unsigned long *p = page_address(pfn_to_page(b->pfn + i));

		p[0] = b->id;
		p[PAGE_SIZE / sizeof(long) - 1] = ~b->id;
	}
}

static bool stamp_intact(const struct live_block *b)
{
	unsigned long i;

	for (i = 0; i < (1UL << b->order); i++) {
		unsigned long *p = page_address(pfn_to_page(b->pfn + i));

		if (p[0] != b->id || p[PAGE_SIZE / sizeof(long) - 1] != ~b->id)
			return false;
	}
	return true;
}

static unsigned int random_order(void)
{
	unsigned int r = (unsigned int)unit_rand_below(100);

	if (r < 55)
		return 0;
	if (r < 80)
		return 1 + (unsigned int)unit_rand_below(3);
	if (r < 95)
		return 4 + (unsigned int)unit_rand_below(3);
	return 7 + (unsigned int)unit_rand_below(4);
}

static gfp_t random_gfp(void)
{
	static const gfp_t gfps[] = {
		GFP_KERNEL, GFP_KERNEL, GFP_KERNEL, GFP_USER, GFP_HIGHUSER_MOVABLE,
		GFP_ATOMIC, GFP_NOWAIT, GFP_DMA, GFP_DMA32, GFP_KERNEL | __GFP_ZERO,
		GFP_KERNEL | __GFP_COMP,
	};

	return gfps[unit_rand_below(ARRAY_SIZE(gfps))] | __GFP_NOWARN;
}

static bool check_new_block(struct page *page, unsigned int order, gfp_t gfp)
{
	unsigned long pfn = page_to_pfn(page), i, n = 1UL << order;
	bool ok = true;

	ok &= CHECK(IS_ALIGNED(pfn, n), "order-%u block at pfn %lu misaligned", order, pfn);
	ok &= CHECK(pfn + n <= ARENA_PAGES, "block %lu+%lu past the arena", pfn, n);
	if (!ok)
		return false;
	for (i = 0; i < n; i++) {
		ok &= CHECK(pfn_is_usable(pfn + i), "pfn %lu is reserved or a hole", pfn + i);
		ok &= CHECK(!owner[pfn + i], "pfn %lu handed out twice", pfn + i);
		if (!ok)
			return false;
	}
	ok &= CHECK(page_count(page) == 1 && !PageBuddy(page) && !PageReserved(page),
		    "new page: count %d flags %#lx", page_count(page), page->flags);
	if (gfp & __GFP_DMA)
		ok &= CHECK(pfn + n <= DMA_PAGES && page_zonenum(page) == ZONE_DMA,
			    "GFP_DMA block at pfn %lu", pfn);
	if ((gfp & __GFP_COMP) && order)
		ok &= CHECK(PageHead(page) && compound_order(page) == order &&
			    compound_head(page + n - 1) == page, "compound order %u", order);
	if (gfp & __GFP_ZERO) {
		const unsigned char *p = page_address(page);

		for (i = 0; i < (n << PAGE_SHIFT); i++)
			if (p[i]) {
				ok &= CHECK(false, "__GFP_ZERO page not zero at byte %lu", i);
				break;
			}
	}
	return ok;
}

static void free_live(unsigned int idx)
{
	struct live_block b = live[idx];

	CHECK(stamp_intact(&b), "block at pfn %lu (order %u) overwritten", b.pfn, b.order);
	mark_block(&b, 0);
	/* A compound block may be freed through any of its pages. */
	if (PageHead(pfn_to_page(b.pfn)) && unit_rand_below(2))
		put_page(pfn_to_page(b.pfn + (1UL << b.order) - 1));
	else
		__free_pages(pfn_to_page(b.pfn), b.order);
	live_pages -= 1UL << b.order;
	live[idx] = live[--nr_live];
	if (idx < nr_live)
		mark_block(&live[idx], idx + 1);
}

static void test_random(void)
{
	unsigned long ops, failures = 0, id = 1;

	mm_unit_begin("mm_buddy_random");
	unit_seed(20240611);
	for (ops = 0; ops < 60000; ops++) {
		bool do_free = nr_live && (unit_rand_below(2) || nr_live == MAX_LIVE ||
					   live_pages > ARENA_PAGES * 6 / 10);

		if (do_free) {
			free_live((unsigned int)unit_rand_below(nr_live));
		} else {
			unsigned int order = random_order();
			gfp_t gfp = random_gfp();
			struct page *page = alloc_pages(gfp, order);
			struct live_block *b;

			if (!page) {
				failures++;
				continue;
			}
			if (!check_new_block(page, order, gfp))
				break;
			b = &live[nr_live++];
			*b = (struct live_block){ page_to_pfn(page), order, id++ };
			mark_block(b, nr_live);
			stamp(b);
			live_pages += 1UL << order;
		}
		if (ops % 5000 == 0) {
			CHECK(buddy_state_take(&state), "free lists inconsistent at op %lu", ops);
			CHECK(state.free_pages == EXPECTED_FREE - live_pages,
			      "op %lu: %lu free, model says %lu", ops, state.free_pages,
			      EXPECTED_FREE - live_pages);
			no_unmerged_buddies(&state);
		}
	}
	printf("# unit/mm_buddy_random: %lu operations, %lu allocations failed\n", ops, failures);
	while (nr_live)
		free_live(nr_live - 1);
	CHECK(buddy_state_take(&state), "free lists inconsistent after freeing all");
	CHECK(buddy_state_equal(&boot_state, &state),
	      "free lists differ from boot: %u blocks / %lu pages vs %u / %lu",
	      state.nr, state.free_pages, boot_state.nr, boot_state.free_pages);
	CHECK(!log_contains("Bad page"), "unexpected report: %s", log_text());
	unit_end();
}

/* ---- exhaustion and watermarks ---- */

static unsigned long sum_min_wmarks(void)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_populated_zone(zone)
		sum += min_wmark_pages(zone);
	return sum;
}

static unsigned int exhaust(gfp_t gfp, struct list_head *pages)
{
	struct page *page;
	unsigned int n = 0;

	while ((page = alloc_page(gfp | __GFP_NOWARN))) {
		list_add(&page->lru, pages);
		n++;
	}
	return n;
}

static void free_list(struct list_head *pages)
{
	struct page *page, *tmp;

	list_for_each_entry_safe(page, tmp, pages, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
}

static void test_exhaustion(void)
{
	LIST_HEAD(pages);
	struct zone *dma = &NODE_DATA(0)->node_zones[ZONE_DMA];
	unsigned long dma_free_before = zone_page_state(dma, NR_FREE_PAGES);
	unsigned int n_dma, n_kernel, n_atomic;
	struct page *page;

	mm_unit_begin("mm_buddy_exhaust");
	/* GFP_DMA drains only ZONE_DMA, down to its min watermark. */
	n_dma = exhaust(GFP_DMA, &pages);
	CHECK(zone_page_state(dma, NR_FREE_PAGES) <= min_wmark_pages(dma) &&
	      n_dma + zone_page_state(dma, NR_FREE_PAGES) == dma_free_before,
	      "GFP_DMA: %u pages, %lu left in DMA", n_dma, zone_page_state(dma, NR_FREE_PAGES));
	list_for_each_entry(page, &pages, lru)
		CHECK(page_zonenum(page) == ZONE_DMA, "GFP_DMA page from zone %d",
		      page_zonenum(page));
	free_list(&pages);

	n_kernel = exhaust(GFP_KERNEL, &pages);
	CHECK(global_zone_page_state(NR_FREE_PAGES) <= sum_min_wmarks(),
	      "GFP_KERNEL stopped with %lu free, min watermarks %lu",
	      global_zone_page_state(NR_FREE_PAGES), sum_min_wmarks());
	CHECK(!alloc_page(GFP_NOWAIT | __GFP_NOWARN), "GFP_NOWAIT went below min");
	n_atomic = exhaust(GFP_ATOMIC, &pages);
	CHECK(n_atomic > 0 && global_zone_page_state(NR_FREE_PAGES) > 0,
	      "GFP_ATOMIC got %u reserve pages, %lu left", n_atomic,
	      global_zone_page_state(NR_FREE_PAGES));
	CHECK(n_kernel + n_atomic + global_zone_page_state(NR_FREE_PAGES) == EXPECTED_FREE,
	      "pages unaccounted for");
	log_clear();
	CHECK(!alloc_page(GFP_KERNEL), "allocation below min succeeded");
	CHECK(log_contains("page allocation failure: order:0"), "no failure warning");
	free_list(&pages);
	CHECK(buddy_state_take(&state), "free lists inconsistent");
	CHECK(buddy_state_equal(&boot_state, &state), "free lists differ from boot");
	unit_end();
}

/* ---- reference counts, compound pages, misuse ---- */

static void test_refs_and_misuse(void)
{
	struct page *page, *comp;
	unsigned long free_before = global_zone_page_state(NR_FREE_PAGES);
	unsigned long i;

	mm_unit_begin("mm_buddy_refcount");
	page = alloc_pages(GFP_KERNEL, 2);
	CHECK(page && page_count(page) == 1, "fresh page count");
	get_page(page);
	CHECK(page_ref_count(page) == 2, "get_page");
	__free_pages(page, 2);
	CHECK(global_zone_page_state(NR_FREE_PAGES) == free_before - 4,
	      "freed while a reference was held");
	__free_pages(page, 2);
	CHECK(global_zone_page_state(NR_FREE_PAGES) == free_before, "last reference");

	/* Freeing a free page is reported and changes nothing. */
	log_clear();
	__free_pages(page, 2);
	CHECK(log_contains("BUG: Bad page state") &&
	      log_contains("freeing a page that is already free"), "double free not reported");
	CHECK(global_zone_page_state(NR_FREE_PAGES) == free_before, "double free counted");

	comp = alloc_pages(GFP_KERNEL | __GFP_COMP | __GFP_ZERO, 3);
	CHECK(comp && PageHead(comp) && compound_order(comp) == 3, "compound head");
	for (i = 1; i < 8; i++)
		CHECK(PageTail(comp + i) && compound_head(comp + i) == comp, "tail %lu", i);
	put_page(comp + 5);
	CHECK(global_zone_page_state(NR_FREE_PAGES) == free_before, "put_page via tail");
	page = alloc_pages(GFP_KERNEL, 3);
	for (i = 0; i < 8; i++)
		CHECK(!PageTail(page + i) && !PageHead(page + i), "stale compound state");
	__free_pages(page, 3);
	CHECK(!alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER), "order MAX_ORDER");
	CHECK(buddy_state_take(&state) && buddy_state_equal(&boot_state, &state),
	      "free lists differ from boot");
	unit_end();
}

/* pgalloc_<zone> counts pages handed out from that zone, pgfree pages given back. */
static void test_vm_events(void)
{
	unsigned long before[NR_VM_EVENT_ITEMS], after[NR_VM_EVENT_ITEMS];
	struct page *dma, *dma32;

	mm_unit_begin("mm_vm_events");
	all_vm_events(before);
	dma = alloc_pages(GFP_DMA, 3);
	dma32 = alloc_pages(GFP_KERNEL, 2);
	all_vm_events(after);
	CHECK(dma && page_zonenum(dma) == ZONE_DMA, "GFP_DMA page from ZONE_DMA");
	CHECK(dma32 && page_zonenum(dma32) == ZONE_DMA32, "GFP_KERNEL page from ZONE_DMA32");
	CHECK(after[PGALLOC_DMA] - before[PGALLOC_DMA] == 8, "pgalloc_dma %lu",
	      after[PGALLOC_DMA] - before[PGALLOC_DMA]);
	CHECK(after[PGALLOC_DMA32] - before[PGALLOC_DMA32] == 4, "pgalloc_dma32 %lu",
	      after[PGALLOC_DMA32] - before[PGALLOC_DMA32]);
	CHECK(after[PGFREE] == before[PGFREE], "pgfree moved on allocation");
	__free_pages(dma, 3);
	__free_pages(dma32, 2);
	all_vm_events(after);
	CHECK(after[PGFREE] - before[PGFREE] == 12, "pgfree %lu", after[PGFREE] - before[PGFREE]);
	CHECK(!strcmp(vmstat_text[NR_VM_ZONE_STAT_ITEMS + NR_VM_NODE_STAT_ITEMS + PGFAULT],
		      "pgfault"), "vmstat_text out of step with the enums");
	unit_end();
}

int main(void)
{
	mm_env_init();
	test_init();
	test_random();
	test_exhaustion();
	test_refs_and_misuse();
	test_vm_events();
	return unit_exit_status();
}
