/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a physical page is being used for, as bits in struct page's flags.
 *
 * PageFoo(page) tests PG_foo; SetPageFoo/ClearPageFoo change it with one
 * locked instruction, because another CPU may change a different bit of
 * the same word at the same time.  The __SetPageFoo/__ClearPageFoo forms
 * are plain stores, for pages nobody else can see yet (being allocated
 * or freed) -- the cheaper choice wherever it is allowed.
 *
 * The top ZONES_WIDTH bits of flags are not flags: they hold the zone the
 * page belongs to (page_zonenum()).
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/types.h>
#include <linux/compiler.h>

enum pageflags {
	PG_locked,		/* under I/O or being changed: wait for it */
	PG_referenced,		/* accessed recently (LRU aging) */
	PG_uptodate,		/* contents valid (read from disk) */
	PG_dirty,		/* must be written back before reuse */
	PG_lru,			/* on an LRU list */
	PG_active,		/* on the active LRU list */
	PG_workingset,		/* refaulted soon after eviction */
	PG_slab,		/* holds slab objects (mm/slub.c) */
	PG_reserved,		/* never given to the allocator: kernel image, holes, firmware */
	PG_private,		/* page->private is in use by the owner */
	PG_writeback,		/* being written to disk */
	PG_head,		/* first page of a compound (multi-page) allocation */
	PG_swapcache,		/* in the swap cache */
	PG_swapbacked,		/* anonymous or shmem: backed by swap, not a file */
	PG_reclaim,		/* reclaim wants it freed after writeback */
	PG_unevictable,		/* mlocked or otherwise pinned in memory */
	PG_buddy,		/* free, in the buddy allocator; page->private = order */
	__NR_PAGEFLAGS,
};

#define ZONES_WIDTH	2
#define ZONES_PGSHIFT	(sizeof(unsigned long) * 8 - ZONES_WIDTH)
#define ZONES_MASK	((1UL << ZONES_WIDTH) - 1)

/* Flags a page must not carry when it is freed or handed out. */
#define PAGE_FLAGS_CHECK_AT_FREE					\
	((1UL << PG_lru) | (1UL << PG_locked) | (1UL << PG_private) |	\
	 (1UL << PG_writeback) | (1UL << PG_reserved) | (1UL << PG_slab) | \
	 (1UL << PG_active) | (1UL << PG_unevictable) | (1UL << PG_buddy) | \
	 (1UL << PG_swapcache))
#define PAGE_FLAGS_CHECK_AT_PREP	(((1UL << __NR_PAGEFLAGS) - 1) & ~(1UL << PG_buddy))

struct page;

#define PAGEFLAG(uname, lname)						\
static inline bool Page##uname(const struct page *page)		\
{									\
	return (READ_ONCE(*(const unsigned long *)page) >> PG_##lname) & 1; \
}									\
static inline void SetPage##uname(struct page *page)			\
{									\
	__atomic_fetch_or((unsigned long *)page, 1UL << PG_##lname,	\
			  __ATOMIC_RELAXED);				\
}									\
static inline void ClearPage##uname(struct page *page)			\
{									\
	__atomic_fetch_and((unsigned long *)page, ~(1UL << PG_##lname),	\
			   __ATOMIC_RELAXED);				\
}									\
static inline void __SetPage##uname(struct page *page)			\
{									\
	*(unsigned long *)page |= 1UL << PG_##lname;			\
}									\
static inline void __ClearPage##uname(struct page *page)		\
{									\
	*(unsigned long *)page &= ~(1UL << PG_##lname);			\
}									\
static inline bool TestSetPage##uname(struct page *page)		\
{									\
	return (__atomic_fetch_or((unsigned long *)page,		\
		1UL << PG_##lname, __ATOMIC_ACQUIRE) >> PG_##lname) & 1; \
}									\
static inline bool TestClearPage##uname(struct page *page)		\
{									\
	return (__atomic_fetch_and((unsigned long *)page,		\
		~(1UL << PG_##lname), __ATOMIC_RELEASE) >> PG_##lname) & 1; \
}

/* flags is the first member of struct page (checked in mm_types.h). */
PAGEFLAG(Locked, locked)
PAGEFLAG(Referenced, referenced)
PAGEFLAG(Uptodate, uptodate)
PAGEFLAG(Dirty, dirty)
PAGEFLAG(LRU, lru)
PAGEFLAG(Active, active)
PAGEFLAG(Workingset, workingset)
PAGEFLAG(Slab, slab)
PAGEFLAG(Reserved, reserved)
PAGEFLAG(Private, private)
PAGEFLAG(Writeback, writeback)
PAGEFLAG(Head, head)
PAGEFLAG(SwapCache, swapcache)
PAGEFLAG(SwapBacked, swapbacked)
PAGEFLAG(Reclaim, reclaim)
PAGEFLAG(Unevictable, unevictable)
PAGEFLAG(Buddy, buddy)
#undef PAGEFLAG

#endif /* _LINUX_PAGE_FLAGS_H */
