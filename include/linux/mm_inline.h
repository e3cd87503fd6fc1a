/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Putting a page on, and taking it off, its LRU list, with the
 * NR_ZONE_* counters (/proc/meminfo's Active/Inactive lines) kept in
 * step.  Callers hold the lruvec's lru_lock.
 */
#ifndef _LINUX_MM_INLINE_H
#define _LINUX_MM_INLINE_H

#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/vmstat.h>

/* Swap-backed pages (anonymous, tmpfs) age on the anon lists. */
static inline bool page_is_file_lru(const struct page *page)
{
	return !PageSwapBacked(page);
}

static inline enum lru_list page_lru(const struct page *page)
{
	enum lru_list lru = page_is_file_lru(page) ? LRU_INACTIVE_FILE : LRU_INACTIVE_ANON;

	if (PageUnevictable(page))
		return LRU_UNEVICTABLE;
	if (PageActive(page))
		lru = (enum lru_list)(lru + LRU_ACTIVE);
	return lru;
}

static inline void update_lru_size(struct page *page, enum lru_list lru, long nr)
{
	mod_zone_page_state(page_zone(page),
			    (enum zone_stat_item)(NR_ZONE_LRU_BASE + lru), nr);
}

static inline void add_page_to_lru_list(struct page *page, struct lruvec *lruvec)
{
	enum lru_list lru = page_lru(page);

	update_lru_size(page, lru, 1);
	list_add(&page->lru, &lruvec->lists[lru]);
}

static inline void del_page_from_lru_list(struct page *page, struct lruvec *lruvec)
{
	list_del(&page->lru);
	update_lru_size(page, page_lru(page), -1);
}

#endif /* _LINUX_MM_INLINE_H */
