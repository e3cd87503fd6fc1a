/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A page's reference count (_refcount): how many users hold the page.
 * The allocator hands out pages with a count of 1; the page goes back to
 * it when the count drops to 0 (put_page).  Only these helpers touch
 * _refcount, so a debugging hook has one place to go.
 */
#ifndef _LINUX_PAGE_REF_H
#define _LINUX_PAGE_REF_H

#include <linux/atomic.h>
#include <linux/mm_types.h>

static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

/* A page just handed out by the allocator has exactly one user. */
static inline void init_page_count(struct page *page)
{
	set_page_count(page, 1);
}

static inline void page_ref_inc(struct page *page)
{
	atomic_inc(&page->_refcount);
}

static inline void page_ref_dec(struct page *page)
{
	atomic_dec(&page->_refcount);
}

static inline int page_ref_dec_return(struct page *page)
{
	return atomic_dec_return(&page->_refcount);
}

static inline bool page_ref_dec_and_test(struct page *page)
{
	return atomic_dec_and_test(&page->_refcount);
}

/* Take a reference only if the page is not already on its way to being freed. */
static inline bool page_ref_add_unless(struct page *page, int nr, int u)
{
	return atomic_add_unless(&page->_refcount, nr, u);
}

static inline void page_mapcount_reset(struct page *page)
{
	atomic_set(&page->_mapcount, -1);
}

static inline int page_mapcount(const struct page *page)
{
	return atomic_read(&page->_mapcount) + 1;
}

/* Mapped by at least one PTE. */
static inline bool page_mapped(const struct page *page)
{
	return page_mapcount(page) > 0;
}

#endif /* _LINUX_PAGE_REF_H */
