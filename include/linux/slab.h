/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator: small objects carved out of pages (mm/slub.c).
 *
 * A kmem_cache hands out objects of one size.  Subsystems with many
 * objects of one type make their own cache (kmem_cache_create), which
 * keeps them together and can construct them once (ctor) rather than on
 * every allocation; everything else uses kmalloc(), which picks one of
 * the kmalloc-<size> caches, or goes straight to the page allocator above
 * KMALLOC_MAX_CACHE_SIZE.
 *
 * Booting with "slub_debug" turns on red zones, poisoning and owner
 * tracking, so double frees, overflows and uses after free are reported
 * ("BUG kmalloc-64 (Not tainted): ...") instead of corrupting memory.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <asm/page.h>

typedef unsigned int slab_flags_t;

/* Debugging, set per cache by slub_debug=FZPU (or all by plain slub_debug). */
#define SLAB_CONSISTENCY_CHECKS	0x00000100U	/* F: check metadata on every operation */
#define SLAB_RED_ZONE		0x00000400U	/* Z: guard bytes around each object */
#define SLAB_POISON		0x00000800U	/* P: fill free objects with 0x6b */
#define SLAB_STORE_USER		0x00010000U	/* U: remember who allocated and freed */
/* Layout and accounting. */
#define SLAB_HWCACHE_ALIGN	0x00002000U	/* align objects to cache lines */
#define SLAB_CACHE_DMA		0x00004000U	/* slabs from ZONE_DMA */
#define SLAB_CACHE_DMA32	0x00008000U	/* slabs from ZONE_DMA32 */
#define SLAB_PANIC		0x00040000U	/* panic if kmem_cache_create fails */
#define SLAB_RECLAIM_ACCOUNT	0x00020000U	/* counted as SReclaimable */
#define SLAB_ACCOUNT		0x04000000U	/* charged to the memory cgroup, later */

/* kmalloc(0) returns this: not NULL, but any access faults. */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/* Objects of 8 bytes to 8 KiB come from caches; larger ones from pages. */
#define KMALLOC_MIN_SIZE	8
#define KMALLOC_SHIFT_HIGH	13
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE	(PAGE_SIZE << (MAX_ORDER - 1))

struct kmem_cache;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *objp);
unsigned int kmem_cache_size(struct kmem_cache *s);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

void *kmalloc(size_t size, gfp_t gfp);
void kfree(const void *objp);
size_t ksize(const void *objp);
void *krealloc(const void *objp, size_t new_size, gfp_t gfp);

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

/* n * size bytes, or NULL if that product overflows. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc(bytes, gfp);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kmalloc_array(n, size, gfp | __GFP_ZERO);
}

static inline void *krealloc_array(void *p, size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return krealloc(p, bytes, gfp);
}

/* mm/util.c */
char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);

/* /proc/slabinfo, version 2.1, into @buf; returns the length as snprintf would. */
int slabinfo_show(char *buf, size_t size);

#endif /* _LINUX_SLAB_H */
