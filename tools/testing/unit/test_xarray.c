// SPDX-License-Identifier: GPL-2.0
/*
 * lib/xarray.c against a model: random stores and erases at indices
 * drawn from a small set spread over the whole 64-bit range (so the tree
 * grows to full height and shrinks back), with every load and every
 * xa_find walk compared with a sorted table of what should be there.
 * The node count is tracked through the allocator below and must fall
 * back to zero when the array empties (memory follows the entries, not
 * the largest index), and allocation failures injected in the middle of
 * a store must leave the array unchanged and leak nothing.
 */
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include "unit.h"

void *malloc(unsigned long size);
void free(void *p);
void *memset(void *s, int c, unsigned long n);

static long live_nodes;
static long fail_after = -1;	/* >= 0: that many allocations succeed, then one fails */

void *kmalloc(size_t size, gfp_t gfp)
{
	void *p;

	if (fail_after == 0) {
		fail_after = -1;
		return NULL;
	}
	if (fail_after > 0)
		fail_after--;
	p = malloc(size);
	if (p && (gfp & __GFP_ZERO))
		memset(p, 0, size);
	if (p)
		live_nodes++;
	return p;
}

void kfree(const void *p)
{
	if (p) {
		live_nodes--;
		free((void *)p);
	}
}

/* lib/xarray.c keeps its nodes in a cache: one fake cache over kmalloc. */
static int fake_cache;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	(void)name; (void)size; (void)align; (void)flags; (void)ctor;
	return (struct kmem_cache *)&fake_cache;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	(void)s;
	return kmalloc(sizeof(struct xa_node), gfp);
}

void kmem_cache_free(struct kmem_cache *s, void *p)
{
	(void)s;
	kfree(p);
}

#define NKEYS	64

static unsigned long keys[NKEYS];
static void *model[NKEYS];	/* entry at keys[i], or NULL */

static void *val(int i)
{
	return (void *)(unsigned long)(0x1000 + 16 * i);
}

static void make_keys(void)
{
	int i;

	/* Sorted, distinct, from tiny to ~0UL, with neighbours that share leaves. */
	for (i = 0; i < NKEYS; i++) {
		unsigned int bits = (i * 64) / NKEYS;
		unsigned long k = bits ? (1UL << bits) : 0;

		keys[i] = k + (i & 3);
	}
	keys[NKEYS - 1] = ~0UL;
	keys[NKEYS - 2] = ~0UL - 1;
}

static void check_all(struct xarray *xa)
{
	unsigned long index;
	void *entry;
	int i, next = 0;

	for (i = 0; i < NKEYS; i++)
		CHECK(xa_load(xa, keys[i]) == model[i], "load %#lx", keys[i]);
	xa_for_each(xa, index, entry) {
		while (next < NKEYS && !model[next])
			next++;
		if (!CHECK(next < NKEYS, "walk found extra %#lx", index))
			return;
		CHECK(index == keys[next] && entry == model[next],
		      "walk at %#lx, want %#lx", index, keys[next]);
		next++;
	}
	while (next < NKEYS && !model[next])
		next++;
	CHECK(next == NKEYS, "walk missed %#lx", next < NKEYS ? keys[next] : 0);
}

static void random_run(unsigned long ops)
{
	struct xarray xa = XARRAY_INIT;
	unsigned long n;
	int i;

	memset(model, 0, sizeof(model));
	for (n = 0; n < ops; n++) {
		i = unit_rand_below(NKEYS);
		if (unit_rand_below(3)) {
			void *old = xa_store(&xa, keys[i], val(i + (int)(n & 1)), GFP_KERNEL);

			CHECK(old == model[i], "store %#lx returned the wrong old entry", keys[i]);
			model[i] = val(i + (int)(n & 1));
		} else {
			CHECK(xa_erase(&xa, keys[i]) == model[i], "erase %#lx", keys[i]);
			model[i] = NULL;
		}
		if (!(n % 97))
			check_all(&xa);
	}
	check_all(&xa);
	for (i = 0; i < NKEYS; i++)
		xa_erase(&xa, keys[i]);
	CHECK(xa_empty(&xa), "not empty after erasing everything");
	CHECK(live_nodes == 0, "%ld nodes left after erasing everything", live_nodes);
}

static void ranges(void)
{
	struct xarray xa = XARRAY_INIT;
	unsigned long index;

	CHECK(!xa_store(&xa, 5, val(1), GFP_KERNEL), "store 5");
	CHECK(!xa_store(&xa, 1UL << 40, val(2), GFP_KERNEL), "store 2^40");
	CHECK(!xa_store(&xa, 1UL << 31, val(3), GFP_KERNEL), "store 2^31");
	/* A sparse pair far apart costs a path each, not an array. */
	CHECK(live_nodes <= 18, "%ld nodes for three entries", live_nodes);
	index = 6;
	CHECK(xa_find(&xa, &index, ~0UL) == val(3) && index == 1UL << 31, "find after 5");
	index = 6;
	CHECK(!xa_find(&xa, &index, (1UL << 31) - 1), "find bounded by max");
	index = (1UL << 31) + 1;
	CHECK(xa_find(&xa, &index, ~0UL) == val(2) && index == 1UL << 40, "find 2^40");
	index = (1UL << 40) + 1;
	CHECK(!xa_find(&xa, &index, ~0UL), "nothing after 2^40");
	index = 0;
	CHECK(xa_find(&xa, &index, 5) == val(1) && index == 5, "find 5 from 0");
	CHECK(!xa_load(&xa, 4) && !xa_load(&xa, 1UL << 41) && !xa_load(&xa, ~0UL), "holes");
	xa_destroy(&xa);
	CHECK(live_nodes == 0 && xa_empty(&xa), "destroy left %ld nodes", live_nodes);
}

static void alloc_failures(void)
{
	struct xarray xa = XARRAY_INIT;
	long k;

	CHECK(!xa_store(&xa, 3, val(1), GFP_KERNEL), "store 3");
	for (k = 0; k < 40; k++) {
		long before = live_nodes;
		void *ret;

		fail_after = k;
		ret = xa_store(&xa, 1UL << 50, val(2), GFP_KERNEL);
		if (!IS_ERR(ret)) {
			fail_after = -1;
			CHECK(xa_load(&xa, 1UL << 50) == val(2), "store after %ld allocations", k);
			xa_erase(&xa, 1UL << 50);
			CHECK(live_nodes == before, "erase after success left %ld nodes",
			      live_nodes - before);
			break;
		}
		CHECK(PTR_ERR(ret) == -ENOMEM, "failure is -ENOMEM");
		CHECK(live_nodes == before, "failed store at %ld leaked %ld nodes", k,
		      live_nodes - before);
		CHECK(xa_load(&xa, 3) == val(1) && !xa_load(&xa, 1UL << 50),
		      "failed store changed the array");
	}
	CHECK(k > 8 && k < 40, "store never succeeded");
	xa_erase(&xa, 3);
	CHECK(live_nodes == 0, "%ld nodes left", live_nodes);
}

int main(void)
{
	make_keys();
	xa_node_cache_init();

	unit_begin("xarray-ranges");
	ranges();
	unit_end();

	unit_begin("xarray-random");
	unit_seed(11);
	random_run(20000);
	unit_seed(12);
	random_run(200);
	unit_end();

	unit_begin("xarray-enomem");
	alloc_failures();
	unit_end();
	return unit_exit_status();
}
