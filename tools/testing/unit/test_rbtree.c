// SPDX-License-Identifier: GPL-2.0
/*
 * lib/rbtree.c: long seeded runs of random inserts, erases and
 * replacements, with the tree checked against a model (a presence array
 * whose index order is the key order) and against the red-black rules:
 * black root, no red node with a red child, one black height everywhere,
 * parent pointers that match, keys in search-tree order.  The walks
 * (rb_first/last/next/prev, postorder) and the cached leftmost are
 * checked on the way.  A small pool is checked after every single
 * operation, because small trees are where the rebalancing cases meet
 * NULL siblings and the root.
 */
#include <linux/rbtree.h>
#include "unit.h"

#define POOL		4096
#define SMALL_POOL	24

struct item {
	struct rb_node node;
	long key;
	bool in_tree;
	bool visited;		/* by the postorder walk */
};

/* items[i].key == 3 * i, so index order is key order. */
static struct item items[POOL];
static struct item spare;	/* stands in for an item in rb_replace_node() */
static struct rb_root_cached tree = RB_ROOT_CACHED;
static size_t in_tree_count;

static bool node_is_black(const struct rb_node *n)
{
	return !n || (n->__rb_parent_color & 1);
}

static struct item *item_of(struct rb_node *n)
{
	return rb_entry(n, struct item, node);
}

static void insert(struct item *it)
{
	struct rb_node **link = &tree.rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (it->key < item_of(parent)->key) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color_cached(&it->node, &tree, leftmost);
	it->in_tree = true;
	in_tree_count++;
}

static void erase(struct item *it)
{
	rb_erase_cached(&it->node, &tree);
	RB_CLEAR_NODE(&it->node);
	it->in_tree = false;
	in_tree_count--;
}

/*
 * Check the subtree at @n (whose parent should be @parent, keys strictly
 * between @lo and @hi) and return its black height, or -1 after a
 * failed check.
 */
static int check_subtree(struct rb_node *n, struct rb_node *parent,
			 long lo, long hi, size_t *count)
{
	int lh, rh;

	if (!n)
		return 1;
	(*count)++;
	if (!CHECK(rb_parent(n) == parent, "key %ld: wrong parent", item_of(n)->key) ||
	    !CHECK(item_of(n)->key > lo && item_of(n)->key < hi,
		   "key %ld outside (%ld, %ld)", item_of(n)->key, lo, hi) ||
	    !CHECK(node_is_black(n) || (node_is_black(n->rb_left) &&
					node_is_black(n->rb_right)),
		   "red key %ld has a red child", item_of(n)->key))
		return -1;
	lh = check_subtree(n->rb_left, n, lo, item_of(n)->key, count);
	rh = check_subtree(n->rb_right, n, item_of(n)->key, hi, count);
	if (lh < 0 || rh < 0)
		return -1;
	if (!CHECK(lh == rh, "key %ld: black heights %d and %d",
		   item_of(n)->key, lh, rh))
		return -1;
	return lh + node_is_black(n);
}

/* The model's nodes, in key order, must be what rb_next() walks. */
static void check_order(size_t pool)
{
	struct rb_node *n = rb_first(&tree.rb_root);
	size_t i;

	for (i = 0; i < pool; i++) {
		if (!items[i].in_tree)
			continue;
		if (!CHECK(n == &items[i].node, "rb_next order: expected key %ld",
			   items[i].key))
			return;
		n = rb_next(n);
	}
	CHECK(n == NULL, "rb_next past the last node");

	n = rb_last(&tree.rb_root);
	for (i = pool; i-- > 0;) {
		if (!items[i].in_tree)
			continue;
		if (!CHECK(n == &items[i].node, "rb_prev order: expected key %ld",
			   items[i].key))
			return;
		n = rb_prev(n);
	}
	CHECK(n == NULL, "rb_prev before the first node");
}

/* Every node once, children before their parent. */
static void check_postorder(void)
{
	struct item *pos, *next;
	size_t seen = 0;
	bool ok = true;

	rbtree_postorder_for_each_entry_safe(pos, next, &tree.rb_root, node) {
		struct rb_node *l = pos->node.rb_left, *r = pos->node.rb_right;

		ok &= !pos->visited;
		ok &= (!l || item_of(l)->visited) && (!r || item_of(r)->visited);
		pos->visited = true;
		seen++;
	}
	CHECK(ok && seen == in_tree_count, "postorder: %zu of %zu nodes, order %s",
	      seen, in_tree_count, ok ? "right" : "wrong");
	for (size_t i = 0; i < POOL; i++)
		items[i].visited = false;
	spare.visited = false;
}

static int height(const struct rb_node *n)
{
	int l, r;

	if (!n)
		return 0;
	l = height(n->rb_left);
	r = height(n->rb_right);
	return 1 + (l > r ? l : r);
}

/* floor(log2(n + 1)), for the balance bound height <= 2 log2(n + 1). */
static int log2_floor(size_t n)
{
	int l = 0;

	while (n >>= 1)
		l++;
	return l;
}

static void check_tree(size_t pool)
{
	struct rb_node *root = tree.rb_root.rb_node;
	size_t count = 0;
	int bh;

	CHECK(node_is_black(root), "red root");
	bh = check_subtree(root, NULL, -1, 1L << 40, &count);
	if (bh < 0)
		return;
	CHECK(count == in_tree_count, "tree has %zu nodes, model %zu",
	      count, in_tree_count);
	/* The point of it all: no path more than twice the shortest. */
	CHECK(height(root) <= 2 * log2_floor(count + 1) + 1,
	      "%zu nodes, height %d", count, height(root));
	CHECK(rb_first_cached(&tree) == rb_first(&tree.rb_root),
	      "cached leftmost is not rb_first");
	CHECK(RB_EMPTY_ROOT(&tree.rb_root) == (in_tree_count == 0), "RB_EMPTY_ROOT");
	check_order(pool);
}

static void reset(void)
{
	tree = RB_ROOT_CACHED;
	in_tree_count = 0;
	for (size_t i = 0; i < POOL; i++) {
		items[i].key = 3 * (long)i;
		items[i].in_tree = false;
		RB_CLEAR_NODE(&items[i].node);
	}
}

/* Swap item @i out for the spare and back: two rb_replace_node_cached(). */
static void replace_round_trip(size_t i, size_t pool)
{
	spare.key = items[i].key;
	rb_replace_node_cached(&items[i].node, &spare.node, &tree);
	items[i].in_tree = false;
	/* The spare is not in the model, so only the structure is checked. */
	CHECK(rb_first_cached(&tree) == rb_first(&tree.rb_root),
	      "leftmost after replace");
	rb_replace_node_cached(&spare.node, &items[i].node, &tree);
	items[i].in_tree = true;
	check_tree(pool);
}

/* @ops random operations over the first @pool items, checked every @every. */
static void random_run(size_t pool, long ops, long every)
{
	reset();
	for (long op = 1; op <= ops; op++) {
		size_t i = unit_rand_below(pool);

		if (!items[i].in_tree) {
			insert(&items[i]);
		} else if (unit_rand_below(16) == 0) {
			replace_round_trip(i, pool);
		} else {
			erase(&items[i]);
			CHECK(RB_EMPTY_NODE(&items[i].node) && !rb_next(&items[i].node),
			      "erased node not empty");
		}
		if (op % every == 0) {
			check_tree(pool);
			check_postorder();
		}
	}
	/* Empty the tree through rb_first_cached, as a scheduler would. */
	while (in_tree_count) {
		erase(item_of(rb_first_cached(&tree)));
		if (in_tree_count % 64 == 0)
			check_tree(pool);
	}
	check_tree(pool);
}

/* Fill in ascending, then descending order: the rotation-heavy cases. */
static void sorted_runs(void)
{
	reset();
	for (size_t i = 0; i < POOL; i++)
		insert(&items[i]);
	check_tree(POOL);
	for (size_t i = 0; i < POOL; i += 2)
		erase(&items[i]);
	check_tree(POOL);
	reset();
	for (size_t i = POOL; i-- > 0;)
		insert(&items[i]);
	check_tree(POOL);
	for (size_t i = POOL; i-- > 0;)
		erase(&items[i]);
	check_tree(POOL);
}

static bool key_less(struct rb_node *a, const struct rb_node *b)
{
	return item_of(a)->key < rb_entry(b, struct item, node)->key;
}

static int key_cmp(const void *key, const struct rb_node *n)
{
	long k = *(const long *)key;
	long nk = rb_entry(n, struct item, node)->key;

	return (k > nk) - (k < nk);
}

/* rb_add_cached keeps equal keys in insertion order; rb_find finds keys. */
static void helper_run(void)
{
	struct rb_node *n;
	long last_key = -1, key;
	size_t last_index = 0;
	bool ordered = true;

	reset();
	for (size_t i = 0; i < 1000; i++) {
		struct rb_node *left;

		items[i].key = unit_rand_below(50);
		left = rb_add_cached(&items[i].node, &tree, key_less);
		items[i].in_tree = true;
		in_tree_count++;
		CHECK((left != NULL) == (rb_first_cached(&tree) == &items[i].node),
		      "rb_add_cached leftmost report");
	}
	for (n = rb_first_cached(&tree); n; n = rb_next(n)) {
		struct item *it = item_of(n);
		size_t index = it - items;

		ordered &= it->key > last_key ||
			   (it->key == last_key && index > last_index);
		last_key = it->key;
		last_index = index;
	}
	CHECK(ordered, "equal keys out of insertion order");
	for (key = -1; key <= 50; key++) {
		bool exists = false;

		for (size_t i = 0; i < 1000; i++)
			exists |= items[i].key == key;
		n = rb_find(&key, &tree.rb_root, key_cmp);
		CHECK(n ? item_of(n)->key == key : !exists, "rb_find %ld", key);
	}

	/* rb_add on a plain root. */
	{
		struct rb_root root = RB_ROOT;
		long k = 2 * POOL + 1;

		for (size_t i = 1000; i < 1100; i++) {
			items[i].key = 3 * (long)i;
			rb_add(&items[i].node, &root, key_less);
		}
		CHECK(rb_first(&root) == &items[1000].node &&
		      rb_last(&root) == &items[1099].node, "rb_add order");
		CHECK(rb_find(&k, &root, key_cmp) == NULL, "rb_find missing key");
	}
}

int main(void)
{
	unit_begin("rbtree-small");
	random_run(1, 100, 1);
	random_run(2, 1000, 1);
	random_run(5, 5000, 1);
	random_run(SMALL_POOL, 50000, 1);
	unit_end();

	unit_begin("rbtree-random");
	random_run(POOL, 100000, 1000);
	random_run(POOL / 4, 100000, 997);
	unit_end();

	unit_begin("rbtree-sorted");
	sorted_runs();
	unit_end();

	unit_begin("rbtree-helpers");
	helper_run();
	unit_end();
	return unit_exit_status();
}
