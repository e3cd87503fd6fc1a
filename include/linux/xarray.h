/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An xarray maps an unsigned long index to a pointer, and costs memory in
 * proportion to the entries it holds, not to the largest index: it is a
 * radix tree of 64-slot nodes, each level consuming six bits of the
 * index, as tall as the largest index needs.  The page cache keys a
 * file's pages by page index in one (address_space.i_pages), so a file
 * with one byte written at offset 2^40 holds one page and a handful of
 * nodes.
 *
 * Entries are kernel pointers (never NULL, never an ERR_PTR).  The
 * functions take no lock: the owner serializes every call on one array
 * (the page cache: mapping->i_pages_lock).  xa_store allocates nodes
 * with the gfp it is given.
 */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/types.h>

#define XA_CHUNK_SHIFT	6
#define XA_CHUNK_SIZE	(1UL << XA_CHUNK_SHIFT)
#define XA_CHUNK_MASK	(XA_CHUNK_SIZE - 1)

struct xa_node {
	unsigned char shift;		/* index bits below this node's slots */
	unsigned char offset;		/* slot in the parent */
	unsigned char count;		/* non-NULL slots */
	struct xa_node *parent;
	void *slots[XA_CHUNK_SIZE];
};

struct xarray {
	/*
	 * NULL (empty), or a node covering indices below
	 * 2^(head->shift + XA_CHUNK_SHIFT).
	 */
	struct xa_node *xa_head;
};

#define XARRAY_INIT	{ .xa_head = NULL }

static inline void xa_init(struct xarray *xa)
{
	xa->xa_head = NULL;
}

static inline bool xa_empty(const struct xarray *xa)
{
	return !xa->xa_head;
}

/* Make the node cache (idempotent; may sleep): before the first xa_store. */
void xa_node_cache_init(void);
void *xa_load(struct xarray *xa, unsigned long index);
/* Old entry at @index (or NULL); ERR_PTR(-ENOMEM) when a node could not be had. */
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
/* The first entry at an index in [*indexp, max]; *indexp is set to its index. */
void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max);
void xa_destroy(struct xarray *xa);

/* Each present entry with index in [start, max], in index order. */
#define xa_for_each_range(xa, index, entry, start, max)			\
	for ((index) = (start), (entry) = xa_find((xa), &(index), (max));	\
	     (entry);							\
	     (entry) = ((index) == (max) ? NULL :			\
			((index)++, xa_find((xa), &(index), (max)))))

#define xa_for_each(xa, index, entry)	xa_for_each_range(xa, index, entry, 0, ~0UL)

#endif /* _LINUX_XARRAY_H */
