// SPDX-License-Identifier: GPL-2.0
/*
 * The LRU lists: how reclaim knows which pages were used least recently.
 *
 * Every page that reclaim could free is on one of its node's lists
 * (mmzone.h's struct lruvec): page-cache pages from the moment they are
 * added to a file's cache, anonymous pages from their first fault.  Each
 * kind has two lists, Linux's two-list scheme:
 *
 *   inactive  where new pages start; reclaim takes its victims from the
 *             tail (mm/vmscan.c)
 *   active    pages used again while inactive; reclaim only moves them
 *             back to the inactive list when that one runs short
 *
 * A page earns its way to the active list by being used twice: a read()
 * sets PG_referenced the first time and activates the page the second
 * (mark_page_accessed); a mapped page is judged by the accessed bits of
 * the PTEs that map it, which reclaim reads through the reverse map
 * (mm/rmap.c).  So a file streamed through once stays inactive and is
 * the first to go, and the working set survives it.
 *
 * A page leaves its list when its last reference goes (put_page calls
 * __page_cache_release), or while reclaim holds it isolated.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_inline.h>
#include <linux/mmzone.h>
#include <linux/spinlock.h>
#include <linux/swap.h>
#include <linux/vmstat.h>

void lru_init(struct pglist_data *pgdat)
{
	struct lruvec *lruvec = node_lruvec(pgdat);
	int lru;

	for (lru = 0; lru < NR_LRU_LISTS; lru++)
		INIT_LIST_HEAD(&lruvec->lists[lru]);
	spin_lock_init(&lruvec->lru_lock);
}

/* A page just put in use (new anonymous page, new page-cache page): inactive head. */
void lru_cache_add(struct page *page)
{
	struct lruvec *lruvec = node_lruvec(NODE_DATA(0));
	unsigned long flags;

	if (WARN_ON_ONCE(PageLRU(page)))
		return;
	spin_lock_irqsave(&lruvec->lru_lock, flags);
	SetPageLRU(page);
	add_page_to_lru_list(page, lruvec);
	spin_unlock_irqrestore(&lruvec->lru_lock, flags);
}

/* A new anonymous page: Linux's name for the fault path's call. */
void lru_cache_add_inactive_or_unevictable(struct page *page)
{
	__SetPageSwapBacked(page);
	lru_cache_add(page);
}

/* Inactive to active, if the page is still on a list (not isolated by reclaim). */
static void activate_page(struct page *page)
{
	struct lruvec *lruvec = node_lruvec(NODE_DATA(0));
	unsigned long flags;

	spin_lock_irqsave(&lruvec->lru_lock, flags);
	if (PageLRU(page) && !PageActive(page) && !PageUnevictable(page)) {
		del_page_from_lru_list(page, lruvec);
		SetPageActive(page);
		add_page_to_lru_list(page, lruvec);
		count_vm_event(PGACTIVATE);
	}
	spin_unlock_irqrestore(&lruvec->lru_lock, flags);
}

/*
 * A use seen by the kernel itself (read(), write()): the first marks the
 * page referenced, the second, while it is still inactive, activates it.
 */
void mark_page_accessed(struct page *page)
{
	if (!PageReferenced(page)) {
		SetPageReferenced(page);
	} else if (!PageActive(page) && PageLRU(page)) {
		activate_page(page);
		ClearPageReferenced(page);
	}
}

/* The last reference is gone: off the list before the page is freed. */
void __page_cache_release(struct page *page)
{
	struct lruvec *lruvec = node_lruvec(NODE_DATA(0));
	unsigned long flags;

	spin_lock_irqsave(&lruvec->lru_lock, flags);
	if (PageLRU(page)) {
		del_page_from_lru_list(page, lruvec);
		__ClearPageLRU(page);
	}
	spin_unlock_irqrestore(&lruvec->lru_lock, flags);
	__ClearPageActive(page);
}
