// SPDX-License-Identifier: GPL-2.0
/*
 * The xarray (see <linux/xarray.h>): a radix tree of 64-slot nodes.
 *
 * The head node's shift says how tall the tree is: a head with shift s
 * covers indices below 2^(s + 6).  Storing past that grows the tree at
 * the top (the old head becomes slot 0 of a new one); erasing the last
 * entry of a node frees it and its emptied ancestors, and a head left
 * with only slot 0 in use is dropped, so the tree is always as short as
 * its largest index allows.  Leaves (shift 0) hold the entries; every
 * other node's slots hold child nodes.  count is the number of non-NULL
 * slots, which is how a node knows it has become empty.
 */
#include <linux/kernel.h>
#include <linux/bits.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/xarray.h>

#define XA_MAX_SHIFT	60	/* shift of the tallest head: 60 + 6 >= 64 bits */

/*
 * Nodes come from their own cache: at 528 bytes, kmalloc would round
 * each up to 1 KiB.  Users call xa_node_cache_init() once, where they
 * may sleep, before the first store.
 */
static struct kmem_cache *xa_node_cachep;

void xa_node_cache_init(void)
{
	if (!xa_node_cachep)
		xa_node_cachep = kmem_cache_create("xa_node", sizeof(struct xa_node), 0, 0, NULL);
}

/* The largest index under @node. */
static unsigned long xa_node_max(const struct xa_node *node)
{
	if (node->shift + XA_CHUNK_SHIFT >= BITS_PER_LONG)
		return ~0UL;
	return (1UL << (node->shift + XA_CHUNK_SHIFT)) - 1;
}

static unsigned int xa_offset(const struct xa_node *node, unsigned long index)
{
	return (index >> node->shift) & XA_CHUNK_MASK;
}

static struct xa_node *xa_node_alloc(unsigned int shift, struct xa_node *parent,
				     unsigned int offset, gfp_t gfp)
{
	struct xa_node *node;

	if (unlikely(!xa_node_cachep))
		return NULL;
	node = kmem_cache_zalloc(xa_node_cachep, gfp);
	if (node) {
		node->shift = shift;
		node->parent = parent;
		node->offset = offset;
	}
	return node;
}

/* Free @node if it is empty, and each ancestor it leaves empty. */
static void xa_delete_empty(struct xarray *xa, struct xa_node *node)
{
	while (node && !node->count) {
		struct xa_node *parent = node->parent;

		if (parent) {
			parent->slots[node->offset] = NULL;
			parent->count--;
		} else {
			xa->xa_head = NULL;
		}
		kmem_cache_free(xa_node_cachep, node);
		node = parent;
	}
}

/* Drop heads that only lead to slot 0: they add height and nothing else. */
static void xa_shrink(struct xarray *xa)
{
	struct xa_node *head = xa->xa_head;

	while (head && head->shift && head->count == 1 && head->slots[0]) {
		struct xa_node *child = head->slots[0];

		child->parent = NULL;
		child->offset = 0;
		kmem_cache_free(xa_node_cachep, head);
		head = child;
	}
	xa->xa_head = head;
}

/* Grow the tree at the top until @index fits under the head. */
static int xa_expand(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	struct xa_node *head = xa->xa_head;

	if (!head) {
		unsigned int shift = 0;

		while (shift < XA_MAX_SHIFT && (index >> (shift + XA_CHUNK_SHIFT)))
			shift += XA_CHUNK_SHIFT;
		head = xa_node_alloc(shift, NULL, 0, gfp);
		if (!head)
			return -ENOMEM;
		xa->xa_head = head;
		return 0;
	}
	while (index > xa_node_max(head)) {
		struct xa_node *top = xa_node_alloc(head->shift + XA_CHUNK_SHIFT, NULL, 0, gfp);

		if (!top)
			return -ENOMEM;
		top->slots[0] = head;
		top->count = 1;
		head->parent = top;
		head->offset = 0;
		head = top;
		xa->xa_head = head;
	}
	return 0;
}

/* The leaf that holds @index, or NULL. */
static struct xa_node *xa_leaf(struct xarray *xa, unsigned long index)
{
	struct xa_node *node = xa->xa_head;

	if (!node || index > xa_node_max(node))
		return NULL;
	while (node && node->shift)
		node = node->slots[xa_offset(node, index)];
	return node;
}

void *xa_load(struct xarray *xa, unsigned long index)
{
	struct xa_node *leaf = xa_leaf(xa, index);

	return leaf ? leaf->slots[xa_offset(leaf, index)] : NULL;
}

void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	struct xa_node *node;
	void *old;

	if (!entry)
		return xa_erase(xa, index);
	if (xa_expand(xa, index, gfp)) {
		xa_shrink(xa);
		return ERR_PTR(-ENOMEM);
	}
	node = xa->xa_head;
	while (node->shift) {
		unsigned int off = xa_offset(node, index);
		struct xa_node *child = node->slots[off];

		if (!child) {
			child = xa_node_alloc(node->shift - XA_CHUNK_SHIFT, node, off, gfp);
			if (!child) {
				/* Undo the empty nodes this store made on the way down. */
				xa_delete_empty(xa, node);
				xa_shrink(xa);
				return ERR_PTR(-ENOMEM);
			}
			node->slots[off] = child;
			node->count++;
		}
		node = child;
	}
	old = node->slots[xa_offset(node, index)];
	node->slots[xa_offset(node, index)] = entry;
	if (!old)
		node->count++;
	return old;
}

void *xa_erase(struct xarray *xa, unsigned long index)
{
	struct xa_node *leaf = xa_leaf(xa, index);
	unsigned int off;
	void *old;

	if (!leaf)
		return NULL;
	off = xa_offset(leaf, index);
	old = leaf->slots[off];
	if (!old)
		return NULL;
	leaf->slots[off] = NULL;
	leaf->count--;
	xa_delete_empty(xa, leaf);
	xa_shrink(xa);
	return old;
}

void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max)
{
	struct xa_node *node = xa->xa_head;
	unsigned long index = *indexp;

	if (!node || index > xa_node_max(node))
		return NULL;
	while (index <= max) {
		unsigned int want = xa_offset(node, index), off;
		unsigned long span_mask = xa_node_max(node);	/* node spans span_mask + 1 */
		unsigned long base = index & ~span_mask;

		for (off = want; off < XA_CHUNK_SIZE && !node->slots[off]; off++)
			;
		if (off == XA_CHUNK_SIZE) {
			/*
			 * Nothing left here: continue after this node, in the
			 * first ancestor that has slots after it (a node in its
			 * parent's last slot ends where the parent ends).
			 */
			if (!node->parent || span_mask == ~0UL || base + span_mask + 1 == 0)
				return NULL;
			index = base + span_mask + 1;
			while (node->parent && node->offset == XA_CHUNK_SIZE - 1)
				node = node->parent;
			if (!node->parent)
				return NULL;
			node = node->parent;
			continue;
		}
		if (off != want)
			index = base + ((unsigned long)off << node->shift);
		if (!node->shift) {
			if (index > max)
				return NULL;
			*indexp = index;
			return node->slots[off];
		}
		node = node->slots[off];
	}
	return NULL;
}

static void xa_free_nodes(struct xa_node *node)
{
	unsigned int i;

	if (node->shift)
		for (i = 0; i < XA_CHUNK_SIZE; i++)
			if (node->slots[i])
				xa_free_nodes(node->slots[i]);
	kmem_cache_free(xa_node_cachep, node);
}

/* Free every node; the entries themselves are the owner's to free first. */
void xa_destroy(struct xarray *xa)
{
	if (xa->xa_head)
		xa_free_nodes(xa->xa_head);
	xa->xa_head = NULL;
}
