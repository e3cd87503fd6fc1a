// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time self-tests of memory management (ktest=NAME):
 *
 *   mm                the buddy allocator, kmalloc and vmalloc under
 *                     exhaustion and random use (every counter must come
 *                     back exactly), the kernel page tables' permissions,
 *                     pgd_alloc, the /proc formatters, the initrd release
 *   vmalloc_guard     writes past a vmalloc area: must oops, naming the
 *                     guard page (ends the boot)
 *   slub_double_free, slub_overflow, slub_uaf
 *                     commit the bug on purpose; with slub_debug the
 *                     report must appear and the kernel carry on
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/initrd.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/io.h>
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/special_insns.h>
#include "slab.h"

#define CHECK(cond) do { if (!KTEST_EXPECT(cond)) return -EINVAL; } while (0)

/* The free lists of every zone: after a test they must be as they were. */
struct buddy_snapshot {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages;
};

static void take_snapshot(struct buddy_snapshot *snap)
{
	struct zone *zone;

	for_each_zone(zone) {
		unsigned long flags;
		unsigned int order;

		spin_lock_irqsave(&zone->lock, flags);
		for (order = 0; order < MAX_ORDER; order++)
			snap->nr_free[zone_idx(zone)][order] = zone->free_area[order].nr_free;
		spin_unlock_irqrestore(&zone->lock, flags);
	}
	snap->free_pages = global_zone_page_state(NR_FREE_PAGES);
}

static bool same_snapshot(const struct buddy_snapshot *a, const struct buddy_snapshot *b)
{
	if (a->free_pages != b->free_pages)
		pr_err("ktest: mm: free pages %lu, expected %lu\n", b->free_pages, a->free_pages);
	return !memcmp(a, b, sizeof(*a));
}

/* Every kmalloc cache without empty slabs, so page counts compare exactly. */
static void shrink_kmalloc_caches(void)
{
	unsigned int i;

	for (i = 0; i <= KMALLOC_SHIFT_HIGH; i++)
		if (kmalloc_caches[i])
			kmem_cache_shrink(kmalloc_caches[i]);
	kmem_cache_shrink(kmem_cache);
}

static unsigned long min_wmarks(void)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_populated_zone(zone)
		sum += min_wmark_pages(zone);
	return sum;
}

/* Order-0 pages until the allocator says no, then all back. */
static int test_buddy_exhaustion(void)
{
	struct buddy_snapshot before, after;
	unsigned long n = 0, limit = totalram_pages() + 16;
	struct page *page, *tmp, *atomic_page;
	LIST_HEAD(pages);

	take_snapshot(&before);
	/* __GFP_NORETRY: a probe for the limit fails there, it calls no OOM killer. */
	while (n < limit && (page = alloc_page(GFP_KERNEL | __GFP_NORETRY | __GFP_NOWARN))) {
		list_add(&page->lru, &pages);
		n++;
	}
	pr_info("ktest: mm: %lu order-0 pages allocated before failure, %lu left free\n",
		n, global_zone_page_state(NR_FREE_PAGES));
	CHECK(n < limit && n > before.free_pages / 2);
	/* GFP_KERNEL stops at the min watermark; atomic callers get the reserve. */
	CHECK(global_zone_page_state(NR_FREE_PAGES) <= min_wmarks() + 1);
	atomic_page = alloc_page(GFP_ATOMIC | __GFP_NOWARN);
	CHECK(atomic_page);
	__free_page(atomic_page);
	CHECK(!alloc_page(GFP_NOWAIT | __GFP_NOWARN));

	list_for_each_entry_safe(page, tmp, &pages, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	take_snapshot(&after);
	CHECK(same_snapshot(&before, &after));
	return 0;
}

/* Higher orders, zones and helpers of the page allocator. */
static int test_buddy_api(void)
{
	struct buddy_snapshot before, after;
	struct page *p4, *dma, *dma32;
	unsigned long addr, zero;
	unsigned int i;

	take_snapshot(&before);
	p4 = alloc_pages(GFP_KERNEL, 4);
	CHECK(p4 && IS_ALIGNED(page_to_pfn(p4), 16));
	CHECK(page_count(p4) == 1 && pfn_valid(page_to_pfn(p4)));
	CHECK(virt_to_page(page_address(p4)) == p4);
	CHECK(page_to_phys(p4) == __pa(page_address(p4)));
	get_page(p4);
	CHECK(page_ref_count(p4) == 2);
	put_page(p4);
	__free_pages(p4, 4);

	dma = alloc_page(GFP_DMA);
	CHECK(dma && page_zonenum(dma) == ZONE_DMA && page_to_phys(dma) < (16UL << 20));
	dma32 = alloc_pages(GFP_DMA32, 2);
	CHECK(dma32 && page_zonenum(dma32) <= ZONE_DMA32 &&
	      page_to_phys(dma32) < (1UL << 32));
	__free_page(dma);
	__free_pages(dma32, 2);

	zero = get_zeroed_page(GFP_KERNEL);
	CHECK(zero);
	for (i = 0; i < PAGE_SIZE / sizeof(long); i++)
		CHECK(((unsigned long *)zero)[i] == 0);
	free_page(zero);
	addr = __get_free_pages(GFP_KERNEL | __GFP_COMP, 3);
	CHECK(addr && compound_order(virt_to_page((void *)addr)) == 3);
	CHECK(compound_head(virt_to_page((void *)(addr + 5 * PAGE_SIZE))) ==
	      virt_to_page((void *)addr));
	put_page(virt_to_page((void *)(addr + PAGE_SIZE)));	/* via a tail page */
	CHECK(!alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER));
	take_snapshot(&after);
	CHECK(same_snapshot(&before, &after));
	return 0;
}

/* 2 KiB objects until memory runs out, chained through themselves. */
static int test_kmalloc_exhaustion(void)
{
	struct buddy_snapshot before, after;
	unsigned long n = 0, limit = totalram_pages() * 2 + 16;
	void **head = NULL, **obj;

	shrink_kmalloc_caches();
	take_snapshot(&before);
	while (n < limit && (obj = kmalloc(2048, GFP_KERNEL | __GFP_NORETRY | __GFP_NOWARN))) {
		*obj = head;
		head = obj;
		n++;
	}
	pr_info("ktest: mm: %lu kmalloc(2048) before failure\n", n);
	CHECK(n < limit && n > before.free_pages);
	while (head) {
		obj = *head;
		kfree(head);
		head = obj;
	}
	shrink_kmalloc_caches();
	take_snapshot(&after);
	CHECK(same_snapshot(&before, &after));
	return 0;
}

static u32 ktest_rand_state = 2463534242u;

static u32 ktest_rand(void)
{
	ktest_rand_state ^= ktest_rand_state << 13;
	ktest_rand_state ^= ktest_rand_state >> 17;
	ktest_rand_state ^= ktest_rand_state << 5;
	return ktest_rand_state;
}

#define RANDOM_SLOTS	512
#define RANDOM_OPS	30000

/* Random sizes, each object filled with a pattern checked on free. */
static int test_kmalloc_random(void)
{
	static void *slot[RANDOM_SLOTS];
	static u32 len[RANDOM_SLOTS];
	struct buddy_snapshot before, after;
	unsigned int i, j;

	shrink_kmalloc_caches();
	take_snapshot(&before);
	for (i = 0; i < RANDOM_OPS; i++) {
		unsigned int s = ktest_rand() % RANDOM_SLOTS;

		if (slot[s]) {
			for (j = 0; j < len[s]; j++)
				CHECK(((u8 *)slot[s])[j] == (u8)(s + j));
			kfree(slot[s]);
			slot[s] = NULL;
			continue;
		}
		/* Mostly small, sometimes past the largest cache. */
		len[s] = (ktest_rand() % 8) ? 1 + ktest_rand() % 600 :
					      1 + ktest_rand() % (3 * KMALLOC_MAX_CACHE_SIZE);
		slot[s] = kmalloc(len[s], GFP_KERNEL);
		CHECK(slot[s] && ksize(slot[s]) >= len[s]);
		for (j = 0; j < len[s]; j++)
			((u8 *)slot[s])[j] = (u8)(s + j);
	}
	for (i = 0; i < RANDOM_SLOTS; i++) {
		kfree(slot[i]);
		slot[i] = NULL;
	}
	shrink_kmalloc_caches();
	take_snapshot(&after);
	CHECK(same_snapshot(&before, &after));
	return 0;
}

static int ctor_calls;

static void test_ctor(void *obj)
{
	ctor_calls++;
	memset(obj, 0x3c, 40);
}

static int test_kmalloc_api(void)
{
	struct kmem_cache *s;
	char *p, *q;
	void *objs[10];
	unsigned int i;

	CHECK(kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
	CHECK(!kcalloc(SIZE_MAX / 2, 4, GFP_KERNEL));
	CHECK(!kmalloc_array(3, SIZE_MAX / 2, GFP_KERNEL));
	p = kzalloc(100, GFP_KERNEL);
	CHECK(p && ksize(p) == 128 && !memchr_inv(p, 0, 100));
	memset(p, 'x', 100);
	q = krealloc(p, 3000, GFP_KERNEL);
	CHECK(q && ksize(q) >= 3000 && !memchr_inv(q, 'x', 100));
	kfree(q);
	p = kmalloc(100 * 1024, GFP_KERNEL);	/* pages, not a cache */
	CHECK(p && ksize(p) == 128 * 1024 && !PageSlab(virt_to_head_page(p)));
	kfree(p);
	p = kstrdup("lantern", GFP_KERNEL);
	q = kstrndup("lantern", 4, GFP_KERNEL);
	CHECK(p && q && !strcmp(p, "lantern") && !strcmp(q, "lant"));
	kfree(p);
	kfree(q);

	s = kmem_cache_create("ktest_ctor", 40, 0, SLAB_HWCACHE_ALIGN, test_ctor);
	CHECK(s && s->align == 64);
	ctor_calls = 0;
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		CHECK(objs[i] && IS_ALIGNED((unsigned long)objs[i], 64));
		CHECK(!memchr_inv(objs[i], 0x3c, 40));
	}
	/* Objects come back constructed: the ctor ran once per object, per slab. */
	CHECK(ctor_calls == (int)s->objects);
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(s, objs[i]);
	objs[0] = kmem_cache_alloc(s, GFP_KERNEL);
	CHECK(ctor_calls == (int)s->objects && !memchr_inv(objs[0], 0x3c, 40));
	kmem_cache_free(s, objs[0]);
	kmem_cache_destroy(s);
	return 0;
}

/* The leaf entry for @addr: flags the test expects set and clear. */
static bool check_prot(const char *what, const void *addr, unsigned long set,
		       unsigned long clear)
{
	unsigned int level;
	pte_t *pte = lookup_address((unsigned long)addr, &level);
	unsigned long v = pte ? pte_val(*pte) : 0;

	set &= __supported_pte_mask;
	clear &= __supported_pte_mask;
	pr_info("ktest: mm: %-14s %016lx: %016lx (%s)\n", what, (unsigned long)addr, v,
		level == PG_LEVEL_1G ? "1G" : level == PG_LEVEL_2M ? "2M" :
		level == PG_LEVEL_4K ? "4K" : "none");
	return pte && (v & set) == set && !(v & clear);
}

static int test_page_tables(void)
{
	unsigned long page = __get_free_page(GFP_KERNEL);
	pgd_t *pgd;

	CHECK(page);
	CHECK((read_cr3() & PTE_PFN_MASK) == __pa_symbol(init_top_pgt));
	CHECK(check_prot("text", _stext, _PAGE_PRESENT, _PAGE_RW | _PAGE_NX));
	CHECK(check_prot("rodata", __start_rodata, _PAGE_PRESENT | _PAGE_NX, _PAGE_RW));
	CHECK(check_prot("data", _sdata, _PAGE_PRESENT | _PAGE_RW | _PAGE_NX, 0));
	CHECK(check_prot("bss", __bss_start, _PAGE_PRESENT | _PAGE_RW | _PAGE_NX, 0));
	CHECK(check_prot("direct map", (void *)page, _PAGE_PRESENT | _PAGE_RW | _PAGE_NX, 0));
	CHECK(check_prot("text alias", __va(__pa_symbol(_stext)),
			 _PAGE_PRESENT | _PAGE_NX, _PAGE_RW));
	CHECK(!lookup_address(0xdead000UL, &(unsigned int){ 0 }));
	CHECK(dump_pagetable_walk(init_mm.pgd, (unsigned long)_stext) == __pa_symbol(_stext));
	CHECK(dump_pagetable_walk(init_mm.pgd, page + 0x123) == __pa(page) + 0x123);
	CHECK(dump_pagetable_walk(init_mm.pgd, 0xdead000UL) == (phys_addr_t)-1);
	free_page(page);

	/* A new address space shares the whole kernel half and nothing else. */
	pgd = pgd_alloc(&init_mm);
	CHECK(pgd);
	CHECK(!memcmp(pgd + KERNEL_PGD_BOUNDARY, init_mm.pgd + KERNEL_PGD_BOUNDARY,
		      (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t)));
	CHECK(!memchr_inv(pgd, 0, KERNEL_PGD_BOUNDARY * sizeof(pgd_t)));
	pgd_free(&init_mm, pgd);
	return 0;
}

static int test_vmalloc(void)
{
	unsigned long used = vmalloc_nr_pages(), size = 5 * PAGE_SIZE + 100, i;
	struct buddy_snapshot before, after;
	unsigned int level;
	u8 *v, *z;
	void __iomem *io;

	shrink_kmalloc_caches();
	take_snapshot(&before);
	v = vmalloc(size);
	CHECK(v && is_vmalloc_addr(v) && vmalloc_nr_pages() == used + 6);
	for (i = 0; i < size; i++)
		v[i] = (u8)i;
	for (i = 0; i < 6; i++) {
		struct page *pg = vmalloc_to_page(v + i * PAGE_SIZE);

		CHECK(pg && *(u8 *)page_address(pg) == (u8)(i * PAGE_SIZE));
	}
	CHECK(check_prot("vmalloc", v, _PAGE_PRESENT | _PAGE_RW | _PAGE_NX, 0));
	CHECK(!lookup_address((unsigned long)v + 6 * PAGE_SIZE, &level));	/* guard */
	z = vzalloc(3 * PAGE_SIZE);
	CHECK(z && !memchr_inv(z, 0, 3 * PAGE_SIZE));
	CHECK(z >= v + 7 * PAGE_SIZE || z + 4 * PAGE_SIZE <= v);
	vfree(v);
	vfree(z);
	CHECK(vmalloc_nr_pages() == used);

	/* Device registers: uncached, outside RAM. */
	io = ioremap(0xfec00000, 0x20);
	CHECK(io && is_vmalloc_addr((void *)io));
	CHECK(check_prot("ioremap", (void *)io, _PAGE_PCD | _PAGE_PWT | _PAGE_NX, 0));
	iounmap(io);

	shrink_kmalloc_caches();
	take_snapshot(&after);
	CHECK(same_snapshot(&before, &after));
	return 0;
}

static int test_proc_text(void)
{
	const size_t size = 16 * 1024;
	char *buf = kmalloc(size, GFP_KERNEL);
	int ok = 1;

	CHECK(buf);
	meminfo_show(buf, size);
	ok &= KTEST_EXPECT(strstr(buf, "MemTotal:") == buf);
	ok &= KTEST_EXPECT(strstr(buf, "\nSUnreclaim:") && strstr(buf, "\nVmallocTotal:   34359738367 kB\n"));
	buddyinfo_show(buf, size);
	ok &= KTEST_EXPECT(strstr(buf, "Node 0, zone      DMA ") == buf);
	slabinfo_show(buf, size);
	ok &= KTEST_EXPECT(strstr(buf, "slabinfo - version: 2.1\n") == buf);
	ok &= KTEST_EXPECT(strstr(buf, "\nkmalloc-64 ") != NULL);
	kfree(buf);
	return ok ? 0 : -EINVAL;
}

/* The initramfs is reserved; releasing it gives its pages to the allocator. */
static int test_initrd_release(void)
{
	unsigned long before = global_zone_page_state(NR_FREE_PAGES), pages;

	if (!initrd_start)
		return 0;
	pages = (PAGE_ALIGN(initrd_end) - PAGE_ALIGN_DOWN(initrd_start)) >> PAGE_SHIFT;
	CHECK(PageReserved(virt_to_page((void *)initrd_start)));
	free_initrd_mem(initrd_start, initrd_end);
	CHECK(global_zone_page_state(NR_FREE_PAGES) == before + pages);
	CHECK(!initrd_start);
	return 0;
}

static int ktest_mm(void)
{
	int (*const tests[])(void) = {
		test_buddy_api, test_buddy_exhaustion, test_kmalloc_api,
		test_kmalloc_exhaustion, test_kmalloc_random, test_page_tables,
		test_vmalloc, test_proc_text, test_initrd_release,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tests); i++) {
		int ret = tests[i]();

		if (ret) {
			pr_err("ktest: mm: subtest %u (%ps) failed\n", i, tests[i]);
			return ret;
		}
	}
	return 0;
}
DEFINE_KTEST(mm, ktest_mm);

/* ---------------------------------------------------------------- */

static noinline int ktest_vmalloc_guard(void)
{
	volatile u8 *p = vmalloc(2 * PAGE_SIZE);

	if (!p)
		return -ENOMEM;
	p[2 * PAGE_SIZE] = 1;	/* one byte past the end: the guard page */
	return -EINVAL;
}
DEFINE_KTEST(vmalloc_guard, ktest_vmalloc_guard);

static bool slub_debug_on(void)
{
	const slab_flags_t need = SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER;

	if ((kmalloc_caches[kmalloc_index(64)]->flags & need) == need)
		return true;
	pr_err("ktest: needs slub_debug on the command line; not committing the bug\n");
	return false;
}

/* Each expects exactly one "BUG kmalloc-64" report, and a kernel that goes on. */
static int expect_one_report(int before)
{
	void *p = kmalloc(64, GFP_KERNEL);

	CHECK(atomic_read(&slab_bug_reports) == before + 1);
	CHECK(p);
	kfree(p);
	CHECK(atomic_read(&slab_bug_reports) == before + 1);
	return 0;
}

static noinline int ktest_slub_double_free(void)
{
	int before = atomic_read(&slab_bug_reports);
	void *p;

	if (!slub_debug_on())
		return -EINVAL;
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	kfree(p);
	return expect_one_report(before);
}
DEFINE_KTEST(slub_double_free, ktest_slub_double_free);

static noinline int ktest_slub_overflow(void)
{
	int before = atomic_read(&slab_bug_reports);
	u8 *p;

	if (!slub_debug_on())
		return -EINVAL;
	p = kmalloc(64, GFP_KERNEL);
	p[64] = 0x42;		/* one past the end: the right red zone */
	kfree(p);
	return expect_one_report(before);
}
DEFINE_KTEST(slub_overflow, ktest_slub_overflow);

static noinline int ktest_slub_uaf(void)
{
	int before = atomic_read(&slab_bug_reports);
	u8 *volatile p;

	if (!slub_debug_on())
		return -EINVAL;
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	p[10] = 0x42;		/* after free: the poison is broken */
	/* The next allocation finds the freed object first, and refuses it. */
	return expect_one_report(before);
}
DEFINE_KTEST(slub_uaf, ktest_slub_uaf);
