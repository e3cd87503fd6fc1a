/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the slab allocator: struct kmem_cache, shared by mm/slub.c, the
 * self-tests and the host unit tests.  Nothing outside mm/ looks inside.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/slab.h>

/* Internal: free objects are poisoned (P, and the cache has no ctor). */
#define __OBJECT_POISON		0x80000000U
#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
				 SLAB_POISON | SLAB_STORE_USER)

/*
 * A slab is 2^order pages holding @objects objects, each @size bytes
 * apart.  Debugging adds metadata around the object:
 *
 *   | left red zone | object (object_size) | right red zone | free pointer | alloc track | free track |
 *   ^ red_left_pad    ^ the pointer users get  ... inuse ^     ^ offset
 *
 * Without debugging (and without a constructor) the free pointer lives
 * inside the free object itself, at offset 0, and size is object_size
 * rounded up to the alignment.
 *
 * Locking: lock (irqsave; kfree may be called from interrupts) guards
 * the partial list, every slab's freelist/inuse, and the counters.  The
 * layout fields are set at creation and read-only after; the list link
 * is under slab_caches_lock.
 */
struct kmem_cache {
	const char *name;
	unsigned int object_size;	/* what the creator asked for */
	unsigned int size;		/* object plus metadata, aligned: the stride */
	unsigned int align;
	unsigned int offset;		/* free pointer, from the object start */
	unsigned int inuse;		/* object plus right red zone */
	unsigned int red_left_pad;
	unsigned int order;		/* pages per slab: 2^order */
	unsigned int objects;		/* objects per slab */
	unsigned int min_partial;	/* empty slabs kept for reuse */
	slab_flags_t flags;
	void (*ctor)(void *);
	int refcount;
	struct list_head list;		/* slab_caches */

	spinlock_t lock;
	struct list_head partial;	/* slabs with free and used objects (or empty) */
	unsigned long nr_partial;
	unsigned long nr_slabs;
	unsigned long total_objects;	/* in all slabs */
	unsigned long active_objects;	/* handed out (leaked corrupt ones included) */
};

extern struct kmem_cache *kmem_cache;		/* the cache of kmem_caches */
extern struct list_head slab_caches;
extern struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

/* Debug reports so far ("BUG <cache> ..."), for self-tests. */
extern atomic_t slab_bug_reports;

/* slub_debug's option string ("", "=FZ", "=Z,kmalloc-64,..."), parsed. */
int setup_slub_debug(char *str);

unsigned int kmalloc_index(size_t size);

#endif /* _MM_SLAB_H */
