// SPDX-License-Identifier: GPL-2.0
/*
 * Booted with plain "slub_debug": every cache, the kmalloc caches
 * included, has red zones, poisoning and owner tracking.  Heavy random
 * use must produce no report at all; each deliberate bug exactly one,
 * in Linux's words, after which the allocator carries on safely.
 */
#include <stdio.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include "../../../mm/internal.h"
#include "../../../mm/slab.h"
#include "mm_env.h"

#define SLOTS 512

static void test_clean_use(void)
{
	static unsigned char *slot[SLOTS];
	static size_t len[SLOTS];
	unsigned long ops, pages_before;
	struct kmem_cache *cache;
	unsigned int s;

	mm_unit_begin("mm_slub_debug_clean");
	CHECK((kmalloc_caches[6]->flags & (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)) ==
	      (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER), "kmalloc-64 not debugged");
	pages_before = global_zone_page_state(NR_FREE_PAGES);
	unit_seed(5);
	for (ops = 0; ops < 40000; ops++) {
		s = (unsigned int)unit_rand_below(SLOTS);
		if (slot[s]) {
			kfree(slot[s]);
			slot[s] = NULL;
			continue;
		}
		len[s] = 1 + unit_rand_below(unit_rand_below(10) ? 300 : 20000);
		slot[s] = kmalloc(len[s], GFP_KERNEL);
		if (!CHECK(slot[s], "kmalloc(%zu)", len[s]))
			break;
		memset(slot[s], 0x11, len[s]);
	}
	for (s = 0; s < SLOTS; s++)
		kfree(slot[s]);
	CHECK(!log_contains("BUG"), "report on correct use:\n%.2000s", log_text());
	list_for_each_entry(cache, &slab_caches, list)
		kmem_cache_shrink(cache);
	CHECK(global_zone_page_state(NR_FREE_PAGES) == pages_before, "pages not returned");
	unit_end();
}

static unsigned int ctor_calls;

static void ctor(void *obj)
{
	ctor_calls++;
	memset(obj, 0x77, 24);
}

static void test_bugs(void)
{
	unsigned char *p, *q;
	struct kmem_cache *c;

	mm_unit_begin("mm_slub_debug_kmalloc");
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	log_clear();
	kfree(p);
	CHECK(log_count("BUG kmalloc-64 (Not tainted): Object already free") == 1,
	      "double free:\n%s", log_text());

	p = kmalloc(60, GFP_KERNEL);
	log_clear();
	p[64] = 0;		/* past the 64-byte object */
	kfree(p);
	CHECK(log_count("BUG kmalloc-64 (Not tainted): Right Redzone overwritten") == 1 &&
	      log_contains("Redzone  "), "overflow:\n%s", log_text());

	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	p[0] = 0;
	log_clear();
	q = kmalloc(64, GFP_KERNEL);
	CHECK(log_count("BUG kmalloc-64 (Not tainted): Poison overwritten") == 1 && q != p,
	      "use after free:\n%s", log_text());
	kfree(q);

	/* A constructed cache is not poisoned: the ctor's work must survive. */
	c = kmem_cache_create("unit_dbg_ctor", 24, 0, 0, ctor);
	CHECK(c && (c->flags & SLAB_RED_ZONE) && !(c->flags & __OBJECT_POISON),
	      "ctor cache flags %#x", c ? c->flags : 0);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	q = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK(q == p && q[0] == 0x77 && q[23] == 0x77, "constructed state lost under debug");
	kmem_cache_free(c, q);
	kmem_cache_destroy(c);
	unit_end();
}

int main(void)
{
	setup_slub_debug("");
	mm_env_init();
	kmem_cache_init();
	test_clean_use();
	test_bugs();
	return unit_exit_status();
}
