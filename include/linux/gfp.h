/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page allocator's interface, and the GFP ("get free pages") flags
 * every allocation in the kernel passes down to it.
 *
 * A GFP mask says two things.  Where the memory may come from: the zone
 * modifiers (__GFP_DMA, __GFP_DMA32; none means any zone).  And how hard
 * the allocator may try: whether it may sleep and reclaim
 * (__GFP_DIRECT_RECLAIM), whether it may dip into the emergency reserve
 * below the min watermark (__GFP_HIGH), whether to zero the memory.
 * Callers use the combinations: GFP_KERNEL in process context,
 * GFP_ATOMIC in interrupt handlers and under spinlocks, GFP_NOWAIT to
 * fail fast without touching reserves.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <linux/mmzone.h>

#define ___GFP_DMA		0x01u
#define ___GFP_HIGHMEM		0x02u
#define ___GFP_DMA32		0x04u
#define ___GFP_MOVABLE		0x08u
#define ___GFP_RECLAIMABLE	0x10u
#define ___GFP_HIGH		0x20u
#define ___GFP_IO		0x40u
#define ___GFP_FS		0x80u
#define ___GFP_ZERO		0x100u
#define ___GFP_DIRECT_RECLAIM	0x400u
#define ___GFP_KSWAPD_RECLAIM	0x800u
#define ___GFP_WRITE		0x1000u
#define ___GFP_NOWARN		0x2000u
#define ___GFP_RETRY_MAYFAIL	0x4000u
#define ___GFP_NOFAIL		0x8000u
#define ___GFP_NORETRY		0x10000u
#define ___GFP_MEMALLOC		0x20000u
#define ___GFP_COMP		0x40000u
#define ___GFP_NOMEMALLOC	0x80000u
#define ___GFP_HARDWALL		0x100000u
#define ___GFP_ACCOUNT		0x400000u

/* Zone modifiers: the highest zone the memory may come from. */
#define __GFP_DMA		((__force gfp_t)___GFP_DMA)
#define __GFP_HIGHMEM		((__force gfp_t)___GFP_HIGHMEM)	/* no highmem on 64-bit: Normal */
#define __GFP_DMA32		((__force gfp_t)___GFP_DMA32)
#define __GFP_MOVABLE		((__force gfp_t)___GFP_MOVABLE)	/* migratable (user pages) */
#define GFP_ZONEMASK		(__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)

#define __GFP_RECLAIMABLE	((__force gfp_t)___GFP_RECLAIMABLE)	/* slab: shrinkable */
#define __GFP_HARDWALL		((__force gfp_t)___GFP_HARDWALL)	/* cpuset limits apply */
#define __GFP_ACCOUNT		((__force gfp_t)___GFP_ACCOUNT)		/* charge to memcg */

/* Reserves: __GFP_HIGH may go halfway below the min watermark. */
#define __GFP_HIGH		((__force gfp_t)___GFP_HIGH)
#define __GFP_MEMALLOC		((__force gfp_t)___GFP_MEMALLOC)
#define __GFP_NOMEMALLOC	((__force gfp_t)___GFP_NOMEMALLOC)

/* Reclaim: may the allocator sleep, start I/O, call into filesystems? */
#define __GFP_IO		((__force gfp_t)___GFP_IO)
#define __GFP_FS		((__force gfp_t)___GFP_FS)
#define __GFP_DIRECT_RECLAIM	((__force gfp_t)___GFP_DIRECT_RECLAIM)
#define __GFP_KSWAPD_RECLAIM	((__force gfp_t)___GFP_KSWAPD_RECLAIM)
#define __GFP_RECLAIM		(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
#define __GFP_RETRY_MAYFAIL	((__force gfp_t)___GFP_RETRY_MAYFAIL)
#define __GFP_NOFAIL		((__force gfp_t)___GFP_NOFAIL)
#define __GFP_NORETRY		((__force gfp_t)___GFP_NORETRY)

/* Action modifiers. */
#define __GFP_NOWARN		((__force gfp_t)___GFP_NOWARN)	/* no failure report */
#define __GFP_COMP		((__force gfp_t)___GFP_COMP)	/* compound: order kept in head */
#define __GFP_ZERO		((__force gfp_t)___GFP_ZERO)
#define __GFP_WRITE		((__force gfp_t)___GFP_WRITE)

#define GFP_ATOMIC		(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT	(GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT		(__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO		(__GFP_RECLAIM)
#define GFP_NOFS		(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER		(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA			__GFP_DMA
#define GFP_DMA32		__GFP_DMA32
#define GFP_HIGHUSER		(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)

static inline bool gfpflags_allow_blocking(gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

/* The highest zone an allocation with @flags may use. */
static inline enum zone_type gfp_zone(gfp_t flags)
{
	if (flags & __GFP_DMA)
		return ZONE_DMA;
	if (flags & __GFP_DMA32)
		return ZONE_DMA32;
	return ZONE_NORMAL;
}

struct page;

struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);

#define alloc_page(gfp)			alloc_pages(gfp, 0)
#define __get_free_page(gfp)		__get_free_pages((gfp), 0)
#define __free_page(page)		__free_pages((page), 0)
#define free_page(addr)			free_pages((addr), 0)

/* Boot: hand a range of pages the kernel no longer needs to the allocator. */
void __free_pages_core(struct page *page, unsigned int order);

extern int min_free_kbytes;
void setup_per_zone_wmarks(void);
int init_per_zone_wmark_min(void);

/* Is an allocation of 2^@order pages allowed by @zone's watermark @mark? */
bool zone_watermark_ok(struct zone *zone, unsigned int order,
		       unsigned long mark, unsigned int alloc_flags);

#endif /* _LINUX_GFP_H */
