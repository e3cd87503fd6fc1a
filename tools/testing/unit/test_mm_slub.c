// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator (mm/slub.c) on the host, over the buddy allocator:
 * kmalloc of every size class and odd sizes, random use against a model
 * (no two live objects overlap, contents survive, every page comes back),
 * krealloc, constructors as Linux defines them, alignment, cache
 * destruction, /proc text, and slub_debug on a cache of its own.
 */
#include <stdio.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include "../../../mm/internal.h"
#include "../../../mm/slab.h"
#include "mm_env.h"

static const unsigned int size_classes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};

static unsigned int class_for(size_t size)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(size_classes); i++)
		if (size <= size_classes[i])
			return size_classes[i];
	return 0;
}

static void shrink_all(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
}

static unsigned long nr_free(void)
{
	return global_zone_page_state(NR_FREE_PAGES);
}

static void test_size_classes(void)
{
	void *p_dma;
	size_t size;

	mm_unit_begin("mm_kmalloc_classes");
	for (size = 1; size <= 3 * KMALLOC_MAX_CACHE_SIZE; size += size < 600 ? 1 : 97) {
		unsigned char *p = kmalloc(size, GFP_KERNEL);
		unsigned int cls = class_for(size);

		if (!CHECK(p, "kmalloc(%zu) failed", size))
			break;
		CHECK(ksize(p) >= size, "ksize(kmalloc(%zu)) = %zu", size, ksize(p));
		if (cls)
			CHECK(ksize(p) == cls, "kmalloc(%zu) from the %u class, not %zu",
			      size, cls, ksize(p));
		else
			CHECK(ksize(p) == PAGE_SIZE << get_order(size) &&
			      IS_ALIGNED((unsigned long)p, PAGE_SIZE),
			      "large kmalloc(%zu): ksize %zu at %p", size, ksize(p), p);
		CHECK(IS_ALIGNED((unsigned long)p, 8), "kmalloc(%zu) at %p", size, p);
		/* Power-of-two classes are naturally aligned. */
		if (cls && !(cls & (cls - 1)))
			CHECK(IS_ALIGNED((unsigned long)p, cls), "kmalloc-%u object at %p", cls, p);
		memset(p, 0xa7, ksize(p));
		kfree(p);
	}
	CHECK(kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR, "kmalloc(0)");
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	CHECK(ksize(NULL) == 0, "ksize(NULL)");
	CHECK(!kcalloc(SIZE_MAX / 8 + 1, 8, GFP_KERNEL), "kcalloc overflow");
	CHECK(!kmalloc_array(SIZE_MAX, 2, GFP_KERNEL), "kmalloc_array overflow");
	CHECK(!kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN), "too large");

	/* No DMA caches: zone-restricted requests get pages of that zone. */
	size = nr_free();
	p_dma = kmalloc(100, GFP_KERNEL | GFP_DMA);
	CHECK(p_dma && page_zonenum(virt_to_page(p_dma)) == ZONE_DMA && ksize(p_dma) == PAGE_SIZE,
	      "kmalloc(GFP_DMA) at %p", p_dma);
	log_clear();
	kfree(p_dma);
	CHECK(!log_contains("WARNING") && nr_free() == size, "kfree of a GFP_DMA kmalloc");
	unit_end();
}

/* ---- random use ---- */

#define SLOTS		1024
#define GRANULE		8
static void *slot[SLOTS];
static size_t slot_len[SLOTS];
static unsigned int *granule_owner;	/* per 8 bytes of the arena: slot + 1 */

static unsigned int *owner_of(const void *p)
{
	return &granule_owner[((unsigned long)p - host_phys_offset) / GRANULE];
}

static bool claim(unsigned int s, const void *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i += GRANULE) {
		unsigned int *o = owner_of((const char *)p + i);

		if (*o)
			return CHECK(false, "object %p+%zu overlaps live object %u", p, i, *o - 1);
		*o = s + 1;
	}
	return true;
}

static void release(const void *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i += GRANULE)
		*owner_of((const char *)p + i) = 0;
}

static bool intact(unsigned int s)
{
	const unsigned char *p = slot[s];
	size_t i;

	for (i = 0; i < slot_len[s]; i++)
		if (p[i] != (unsigned char)(s * 7 + i))
			return false;
	return true;
}

static size_t random_size(void)
{
	unsigned int r = (unsigned int)unit_rand_below(100);

	if (r < 70)
		return 1 + unit_rand_below(256);
	if (r < 95)
		return 1 + unit_rand_below(KMALLOC_MAX_CACHE_SIZE);
	return 1 + unit_rand_below(5 * KMALLOC_MAX_CACHE_SIZE);
}

static void drop(unsigned int s)
{
	CHECK(intact(s), "object %u (%zu bytes) corrupted", s, slot_len[s]);
	release(slot[s], slot_len[s]);
	kfree(slot[s]);
	slot[s] = NULL;
}

static void test_random(void)
{
	unsigned long pages_before, slab_before, ops;
	unsigned int s;

	mm_unit_begin("mm_kmalloc_random");
	granule_owner = host_alloc(ARENA_PAGES * PAGE_SIZE / GRANULE * sizeof(unsigned int));
	shrink_all();
	pages_before = nr_free();
	slab_before = global_node_page_state(NR_SLAB_UNRECLAIMABLE);
	unit_seed(77);
	for (ops = 0; ops < 80000; ops++) {
		s = (unsigned int)unit_rand_below(SLOTS);
		if (slot[s]) {
			drop(s);
			continue;
		}
		slot_len[s] = random_size();
		slot[s] = kmalloc(slot_len[s], unit_rand_below(4) ? GFP_KERNEL :
					       GFP_KERNEL | __GFP_ZERO);
		if (!CHECK(slot[s], "kmalloc(%zu) failed", slot_len[s]))
			break;
		CHECK(ksize(slot[s]) >= slot_len[s], "ksize");
		if (!claim(s, slot[s], slot_len[s]))
			break;
		for (size_t i = 0; i < slot_len[s]; i++)
			((unsigned char *)slot[s])[i] = (unsigned char)(s * 7 + i);
	}
	for (s = 0; s < SLOTS; s++)
		if (slot[s])
			drop(s);
	shrink_all();
	CHECK(nr_free() == pages_before, "%lu pages free after freeing all, %lu before",
	      nr_free(), pages_before);
	CHECK(global_node_page_state(NR_SLAB_UNRECLAIMABLE) == slab_before,
	      "slab pages %lu, %lu before", global_node_page_state(NR_SLAB_UNRECLAIMABLE),
	      slab_before);
	host_free(granule_owner);
	unit_end();
}

static void test_krealloc_and_copies(void)
{
	unsigned char *p, *q;
	char *s;
	size_t i, sizes[] = { 10, 60, 64, 65, 500, 3000, 9000, 70000, 100, 5 };

	mm_unit_begin("mm_krealloc");
	p = krealloc(NULL, 10, GFP_KERNEL);
	CHECK(p, "krealloc(NULL)");
	for (i = 0; i < 10; i++)
		p[i] = (unsigned char)i;
	for (i = 1; i < ARRAY_SIZE(sizes); i++) {
		size_t keep = sizes[i - 1] < sizes[i] ? sizes[i - 1] : sizes[i], j;

		q = krealloc(p, sizes[i], GFP_KERNEL);
		if (!CHECK(q && ksize(q) >= sizes[i], "krealloc to %zu", sizes[i]))
			break;
		for (j = 0; j < keep; j++)
			if (q[j] != (unsigned char)j) {
				CHECK(false, "krealloc %zu -> %zu lost byte %zu", sizes[i - 1],
				      sizes[i], j);
				break;
			}
		for (j = 0; j < sizes[i]; j++)
			q[j] = (unsigned char)j;
		p = q;
	}
	CHECK(krealloc(p, 0, GFP_KERNEL) == ZERO_SIZE_PTR, "krealloc(p, 0)");

	s = kstrdup("memory", GFP_KERNEL);
	CHECK(s && !strcmp(s, "memory"), "kstrdup");
	kfree(s);
	s = kstrndup("memory", 3, GFP_KERNEL);
	CHECK(s && !strcmp(s, "mem"), "kstrndup");
	kfree(s);
	p = kmemdup("\x01\x02\x03", 3, GFP_KERNEL);
	CHECK(p && p[0] == 1 && p[2] == 3 && ksize(p) == 8, "kmemdup");
	kfree(p);
	CHECK(!kstrdup(NULL, GFP_KERNEL), "kstrdup(NULL)");
	unit_end();
}

/* ---- caches ---- */

static unsigned int ctor_calls;

static void ctor40(void *obj)
{
	ctor_calls++;
	memset(obj, 0xc7, 40);
}

static bool constructed(const void *obj)
{
	const unsigned char *p = obj;
	unsigned int i;

	for (i = 0; i < 40; i++)
		if (p[i] != 0xc7)
			return false;
	return true;
}

static void test_ctor(void)
{
	struct kmem_cache *s = kmem_cache_create("unit_ctor", 40, 0, 0, ctor40);
	void *objs[256], *again;
	unsigned int i, n;

	mm_unit_begin("mm_slab_ctor");
	if (!CHECK(s, "kmem_cache_create"))
		goto out;
	n = s->objects;
	CHECK(n >= 8 && n < ARRAY_SIZE(objs), "%u objects per slab", n);
	/*
	 * Linux's rule: the constructor runs when a slab is made, once for
	 * each object in it; a freed object is assumed to be back in its
	 * constructed state and is not constructed again.
	 */
	objs[0] = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(ctor_calls == n, "%u ctor calls for a new slab of %u", ctor_calls, n);
	CHECK(objs[0] && constructed(objs[0]), "object not constructed");
	kmem_cache_free(s, objs[0]);
	again = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(again == objs[0] && constructed(again) && ctor_calls == n,
	      "reuse: same %d, constructed %d, ctor calls %u", again == objs[0],
	      constructed(again), ctor_calls);
	objs[0] = again;
	for (i = 1; i <= n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(ctor_calls == 2 * n, "second slab: %u ctor calls", ctor_calls);
	for (i = 0; i <= n; i++) {
		CHECK(constructed(objs[i]), "object %u", i);
		kmem_cache_free(s, objs[i]);
	}
	log_clear();
	kmem_cache_destroy(s);
	CHECK(!log_contains("still has objects"), "destroy of an empty cache complained");
out:
	unit_end();
}

static void test_alignment(void)
{
	struct { unsigned int size, align; slab_flags_t flags; unsigned int expect; } c[] = {
		{ 100, 128, 0, 128 },
		{ 24, 256, 0, 256 },
		{ 40, 0, SLAB_HWCACHE_ALIGN, 64 },
		{ 20, 0, SLAB_HWCACHE_ALIGN, 32 },	/* small objects share a line */
		{ 13, 0, 0, 8 },
	};
	unsigned int i, j;

	mm_unit_begin("mm_slab_align");
	for (i = 0; i < ARRAY_SIZE(c); i++) {
		struct kmem_cache *s = kmem_cache_create("unit_align", c[i].size, c[i].align,
							 c[i].flags, NULL);
		void *objs[40];

		if (!CHECK(s, "create %u/%u", c[i].size, c[i].align))
			continue;
		CHECK(s->align == c[i].expect, "size %u align %u: cache align %u, expected %u",
		      c[i].size, c[i].align, s->align, c[i].expect);
		for (j = 0; j < ARRAY_SIZE(objs); j++) {
			objs[j] = kmem_cache_zalloc(s, GFP_KERNEL);
			CHECK(objs[j] && IS_ALIGNED((unsigned long)objs[j], c[i].expect),
			      "object %p not %u-aligned", objs[j], c[i].expect);
			CHECK(kmem_cache_size(s) == c[i].size, "kmem_cache_size");
		}
		for (j = 0; j < ARRAY_SIZE(objs); j++)
			kmem_cache_free(s, objs[j]);
		kmem_cache_destroy(s);
	}
	CHECK(!kmem_cache_create("unit_bad", 64, 48, 0, NULL), "alignment 48 accepted");
	unit_end();
}

static void test_destroy_busy(void)
{
	struct kmem_cache *s = kmem_cache_create("unit_busy", 64, 0, 0, NULL);
	void *obj = kmem_cache_alloc(s, GFP_KERNEL);

	mm_unit_begin("mm_slab_destroy");
	kmem_cache_destroy(s);
	CHECK(log_contains("kmem_cache_destroy unit_busy: Slab cache still has objects"),
	      "no complaint about live objects");
	kmem_cache_free(s, obj);	/* the cache survived */
	log_clear();
	kmem_cache_destroy(s);
	CHECK(!log_contains("still has objects"), "second destroy complained");
	unit_end();
}

static void test_proc_text(void)
{
	static char buf[16384];
	char line[128];
	struct zone *zone = &NODE_DATA(0)->node_zones[ZONE_DMA32];
	unsigned int order;
	int len = 0;

	mm_unit_begin("mm_proc_text");
	buddyinfo_show(buf, sizeof(buf));
	len = snprintf(line, sizeof(line), "Node 0, zone    DMA32 ");
	for (order = 0; order < MAX_ORDER; order++)
		len += snprintf(line + len, sizeof(line) - len, "%6lu ",
				zone->free_area[order].nr_free);
	CHECK(strstr(buf, "Node 0, zone      DMA ") == buf, "buddyinfo starts: %.40s", buf);
	CHECK(strstr(buf, line) != NULL, "buddyinfo lacks '%s'", line);

	meminfo_show(buf, sizeof(buf));
	snprintf(line, sizeof(line), "MemTotal:       %8lu kB\nMemFree:        %8lu kB\n",
		 totalram_pages() * 4, nr_free() * 4);
	CHECK(strstr(buf, line) == buf, "meminfo starts:\n%.80s", buf);
	CHECK(strstr(buf, "\nSlab:  ") && strstr(buf, "\nVmallocTotal:   34359738367 kB\n"),
	      "meminfo lines");

	slabinfo_show(buf, sizeof(buf));
	CHECK(strstr(buf, "slabinfo - version: 2.1\n# name            <active_objs>") == buf,
	      "slabinfo header");
	CHECK(strstr(buf, "\nkmalloc-64 ") && strstr(buf, " : tunables    0    0    0 : slabdata "),
	      "slabinfo lines");
	unit_end();
}

/* ---- slub_debug on one cache ---- */

static void test_debug_cache(void)
{
	struct kmem_cache *s;
	unsigned char *p, *q, *leaked;
	unsigned int i;

	mm_unit_begin("mm_slub_debug_cache");
	setup_slub_debug("=FZPU,unit_dbg");
	s = kmem_cache_create("unit_dbg", 64, 0, 0, NULL);
	if (!CHECK(s && (s->flags & SLAB_RED_ZONE) && (s->flags & __OBJECT_POISON),
		   "slub_debug=FZPU,unit_dbg not applied"))
		goto out;
	CHECK(!(kmalloc_caches[6]->flags & SLAB_RED_ZONE), "debug leaked to kmalloc-64");

	p = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(p[0] == 0x5a && p[63] == 0x5a, "fresh object not poisoned with 0x5a");
	kmem_cache_free(s, p);
	CHECK(p[0] == 0x6b && p[62] == 0x6b && p[63] == 0xa5, "free object poison");

	log_clear();
	kmem_cache_free(s, p);		/* double free */
	CHECK(log_contains("BUG unit_dbg (Not tainted): Object already free") &&
	      log_contains("FIX unit_dbg: Object not freed"), "double free:\n%s", log_text());

	p = kmem_cache_alloc(s, GFP_KERNEL);
	log_clear();
	p[64] = 1;			/* overflow into the right red zone */
	kmem_cache_free(s, p);
	CHECK(log_contains("BUG unit_dbg (Not tainted): Right Redzone overwritten") &&
	      log_contains("Allocated in "), "overflow:\n%s", log_text());

	q = kmem_cache_alloc(s, GFP_KERNEL);
	log_clear();
	q[-1] = 1;			/* underflow into the left red zone */
	kmem_cache_free(s, q);
	CHECK(log_contains("Left Redzone overwritten"), "underflow:\n%s", log_text());

	q = kmem_cache_alloc(s, GFP_KERNEL);
	log_clear();
	kmem_cache_free(s, q + 8);	/* not an object's start */
	CHECK(log_contains("Invalid object pointer"), "bad pointer:\n%s", log_text());
	kmem_cache_free(s, q);

	leaked = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, leaked);
	leaked[5] = 0;			/* use after free */
	log_clear();
	q = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(log_contains("BUG unit_dbg (Not tainted): Poison overwritten") &&
	      log_contains("Object leaked, not reused"), "use after free:\n%s", log_text());
	CHECK(q && q != leaked, "the corrupted object was handed out");
	kmem_cache_free(s, q);

	/* The corrupted objects stay out of circulation; nothing else is reported. */
	log_clear();
	for (i = 0; i < 200; i++) {
		void *o = kmem_cache_alloc(s, GFP_KERNEL);

		CHECK(o != leaked && o != p, "leaked object %p reused", o);
		kmem_cache_free(s, o);
	}
	CHECK(!log_contains("BUG"), "spurious report:\n%s", log_text());
out:
	unit_end();
}

int main(void)
{
	mm_env_init();
	kmem_cache_init();
	test_size_classes();
	test_random();
	test_krealloc_and_copies();
	test_ctor();
	test_alignment();
	test_destroy_busy();
	test_proc_text();
	test_debug_cache();
	return unit_exit_status();
}
