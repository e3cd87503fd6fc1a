// SPDX-License-Identifier: GPL-2.0
/*
 * Page reclaim: freeing memory that is in use but can be given back.
 *
 * When an allocation finds a zone below its low watermark it wakes
 * kswapd0, this node's reclaim thread, which frees pages in the
 * background until every zone is above its high watermark, then sleeps.
 * If memory runs out faster than kswapd frees it and the free pages fall
 * below min, the allocating task reclaims itself (direct reclaim,
 * try_to_free_pages) before failing.  Both run the same scan:
 *
 *   shrink_lruvec      how much of each list to look at this round: a
 *                      share (size >> priority) that grows from 1/4096
 *                      of the list to all of it as rounds fail
 *   shrink_active_list keeps the inactive list from running dry: pages
 *                      from the active tail move to the inactive head
 *                      (mapped executable pages still in use stay)
 *   shrink_inactive_list takes pages from the inactive tail and decides
 *                      for each (shrink_page_list):
 *                        used since the last look  -> keep / activate
 *                        anonymous, no slot yet    -> a swap slot and the
 *                                                     swap cache (add_to_swap)
 *                        mapped                    -> try_to_unmap (rmap.c):
 *                                                     anon PTEs become swap
 *                                                     entries
 *                        dirty file page           -> write it back (kswapd
 *                                                     only) and keep it
 *                                                     for the next round
 *                        dirty anon page           -> write it to swap
 *                                                     (swap_writepage), then
 *                                                     free it
 *                        clean, unused             -> out of the page or
 *                                                     swap cache, freed
 *
 * Anonymous pages are scanned only while there is free swap; how hard,
 * against file pages, is vm.swappiness (0..200: the anon share of 200),
 * except that with almost no page cache left anon is all there is.
 * Shared anonymous memory and tmpfs pages are never written to swap:
 * they stay (their lists are aged, not emptied).
 * /proc/vmstat counts the work: pgscan_kswapd/pgscan_direct for pages
 * looked at, pgsteal_kswapd/pgsteal_direct for pages freed,
 * pgactivate/pgdeactivate for moves between the lists.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mm_inline.h>
#include <linux/mm_vma.h>
#include <linux/mmzone.h>
#include <linux/pagemap.h>
#include <linux/preempt.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/swap.h>
#include <linux/vmstat.h>
#include <linux/wait.h>
#include <linux/writeback.h>
#include <linux/shrinker.h>

/* /proc/sys/vm/swappiness: anon against file scanning, once there is swap. */
int vm_swappiness = 60;

/* Rounds of a reclaim pass: priority 12 looks at 1/4096 of a list, 0 at all of it. */
#define DEF_PRIORITY	12

/* Direct reclaim waiting for kswapd's writeback: up to 25 times 20 ms. */
#define RECLAIM_THROTTLE_WAITS		25
#define RECLAIM_THROTTLE_JIFFIES	(HZ / 50)

struct scan_control {
	unsigned long nr_to_reclaim;	/* stop once this many are freed */
	unsigned long nr_reclaimed;
	unsigned long nr_scanned;
	unsigned long nr_dirty;		/* dirty pages left for kswapd to write */
	gfp_t gfp_mask;
	bool may_writepage;		/* kswapd writes dirty pages; direct reclaim does not */
	bool may_swap;			/* anon pages may go to swap (the gfp allows I/O) */
	bool kswapd;			/* which counters: pg*_kswapd or pg*_direct */
};

static DECLARE_WAIT_QUEUE_HEAD(kswapd_wait);
static bool kswapd_woken;		/* a wakeup since kswapd last looked */

static unsigned long lru_size(enum lru_list lru)
{
	return global_zone_page_state((enum zone_stat_item)(NR_ZONE_LRU_BASE + lru));
}

/*
 * Move up to @nr pages from the tail of @lru to @dst, each with a
 * reference of ours and PG_lru clear: no one else moves them, and their
 * last put_page elsewhere cannot free them from under us.  A page whose
 * count already reached zero is being freed: its releaser takes it off.
 */
static unsigned long isolate_lru_pages(struct lruvec *lruvec, enum lru_list lru,
				       unsigned long nr, struct list_head *dst)
{
	struct list_head *src = &lruvec->lists[lru];
	unsigned long taken = 0, looked = 0, flags;

	spin_lock_irqsave(&lruvec->lru_lock, flags);
	while (looked++ < nr && !list_empty(src)) {
		struct page *page = list_last_entry(src, struct page, lru);

		if (!page_ref_add_unless(page, 1, 0)) {
			list_move(&page->lru, src);	/* not ours; look past it */
			continue;
		}
		del_page_from_lru_list(page, lruvec);
		ClearPageLRU(page);
		list_add(&page->lru, dst);
		taken++;
	}
	spin_unlock_irqrestore(&lruvec->lru_lock, flags);
	return taken;
}

/*
 * Put isolated pages back on the lists their flags name, dropping our
 * references.  A page whose only reference is ours was let go by
 * everyone else meanwhile: it is freed instead.  Our reference is dropped
 * only if it is not the last (another CPU may be dropping its own right
 * now); a put_page elsewhere that then frees the page needs lru_lock to
 * take it off the list, so it waits until the page is on it.
 */
static void putback_lru_pages(struct lruvec *lruvec, struct list_head *pages)
{
	struct page *page, *next;
	unsigned long flags;

	spin_lock_irqsave(&lruvec->lru_lock, flags);
	list_for_each_entry_safe(page, next, pages, lru) {
		if (!page_ref_add_unless(page, -1, 1))
			continue;	/* only ours is left: freed below */
		list_del(&page->lru);
		SetPageLRU(page);
		add_page_to_lru_list(page, lruvec);
	}
	spin_unlock_irqrestore(&lruvec->lru_lock, flags);
	while (!list_empty(pages)) {
		page = list_first_entry(pages, struct page, lru);
		list_del(&page->lru);
		ClearPageActive(page);
		put_page(page);
	}
}

enum page_references {
	PAGEREF_RECLAIM,
	PAGEREF_KEEP,
	PAGEREF_ACTIVATE,
};

/*
 * Linux's rule for an inactive page: mapped and used since the last scan
 * means keep it (a second such use, or an executable, activates it);
 * not used through any mapping means reclaim, whatever read() did.
 */
static enum page_references page_check_references(struct page *page)
{
	unsigned long vm_flags;
	int referenced_ptes = page_referenced(page, &vm_flags);
	bool referenced_page = TestClearPageReferenced(page);

	if (referenced_ptes) {
		SetPageReferenced(page);
		if (referenced_page || referenced_ptes > 1 || (vm_flags & (VM_EXEC | VM_LOCKED)))
			return PAGEREF_ACTIVATE;
		return PAGEREF_KEEP;
	}
	return PAGEREF_RECLAIM;
}

/*
 * Free a clean, unmapped page-cache page if the cache's reference and
 * ours are the only ones.  @page locked.
 */
static bool remove_mapping(struct address_space *mapping, struct page *page)
{
	if (PageDirty(page) || page_mapped(page) || page_count(page) != 2)
		return false;
	delete_from_page_cache(page);
	return true;
}

/*
 * Evict the locked, unreferenced anonymous @page to swap: a slot and the
 * swap cache, every PTE a swap entry, the contents on disk, and out of
 * the swap cache.  PAGEREF_RECLAIM: it is free to go (only our reference
 * is left); otherwise it stays (ACTIVATE: no swap space for it).
 */
static enum page_references shrink_anon_page(struct page *page, struct scan_control *sc)
{
	if (!PageSwapCache(page)) {
		if (!sc->may_swap)
			return PAGEREF_KEEP;
		if (!add_to_swap(page))
			return PAGEREF_ACTIVATE;
	} else if (page_mapped(page) && !swap_writeok((swp_entry_t){ .val = page->private })) {
		return PAGEREF_KEEP;	/* swapoff is bringing it back: not out again */
	}
	if (page_mapped(page) && !try_to_unmap(page))
		return PAGEREF_KEEP;
	if (PageDirty(page)) {
		if (!sc->may_swap)
			return PAGEREF_KEEP;
		ClearPageDirty(page);
		if (swap_writepage(page)) {
			SetPageDirty(page);
			return PAGEREF_KEEP;
		}
	}
	/* Faulted back in, or held by someone (a pin, a fault waiting on the lock). */
	if (PageDirty(page) || page_mapped(page) || page_count(page) != 2)
		return PAGEREF_KEEP;
	delete_from_swap_cache(page);
	return PAGEREF_RECLAIM;
}

/*
 * Decide for each isolated page.  Freed pages leave @pages; the rest
 * stay on it, flagged for the list they go back to.  Returns pages freed.
 */
static unsigned long shrink_page_list(struct list_head *pages, struct scan_control *sc)
{
	LIST_HEAD(ret_pages);
	unsigned long nr_reclaimed = 0;

	while (!list_empty(pages)) {
		struct page *page = list_first_entry(pages, struct page, lru);
		struct address_space *mapping;

		list_del(&page->lru);
		if (TestSetPageLocked(page))
			goto keep;
		if (PageWriteback(page))
			goto keep_locked;
		/* shmem/tmpfs pages have a mapping: they are not swapped. */
		if (PageSwapBacked(page) && page->mapping)
			goto keep_locked;
		switch (page_check_references(page)) {
		case PAGEREF_ACTIVATE:
			SetPageActive(page);
			count_vm_event(PGACTIVATE);
			goto keep_locked;
		case PAGEREF_KEEP:
			goto keep_locked;
		case PAGEREF_RECLAIM:
			break;
		}
		mapping = page->mapping;
		if (!mapping && PageSwapBacked(page)) {
			switch (shrink_anon_page(page, sc)) {
			case PAGEREF_RECLAIM:
				goto free_it;
			case PAGEREF_ACTIVATE:
				SetPageActive(page);
				count_vm_event(PGACTIVATE);
				goto keep_locked;
			case PAGEREF_KEEP:
				goto keep_locked;
			}
		}
		if (!mapping) {
			/* Truncated while someone held it: free once they let go. */
			if (page_count(page) == 1)
				goto free_it;
			goto keep_locked;
		}
		if (!mapping->a_ops || !mapping->a_ops->readpage)
			goto keep_locked;	/* no store to read it back from */
		if (page_mapped(page) && !try_to_unmap(page))
			goto keep_locked;
		if (PageDirty(page)) {
			if (!sc->may_writepage || !mapping->a_ops->writepage) {
				sc->nr_dirty++;
				goto keep_locked;
			}
			/*
			 * The write is synchronous: once it is done the page
			 * is clean and can go now, unless it was used or
			 * dirtied again meanwhile.
			 */
			write_one_page(page);	/* unlocks */
			if (TestSetPageLocked(page))
				goto keep;
			if (PageDirty(page) || PageWriteback(page) || page->mapping != mapping ||
			    page_mapped(page))
				goto keep_locked;
		}
		if (!remove_mapping(mapping, page))
			goto keep_locked;
free_it:
		unlock_page(page);
		nr_reclaimed++;
		put_page(page);		/* ours, the last: the page is free */
		continue;
keep_locked:
		unlock_page(page);
keep:
		list_add(&page->lru, &ret_pages);
	}
	list_splice_init(&ret_pages, pages);
	return nr_reclaimed;
}

static void shrink_inactive_list(struct lruvec *lruvec, enum lru_list lru,
				 unsigned long nr, struct scan_control *sc)
{
	LIST_HEAD(pages);
	unsigned long taken = isolate_lru_pages(lruvec, lru, nr, &pages);
	unsigned long freed;

	if (!taken)
		return;
	sc->nr_scanned += taken;
	count_vm_events(sc->kswapd ? PGSCAN_KSWAPD : PGSCAN_DIRECT, (long)taken);
	freed = shrink_page_list(&pages, sc);
	sc->nr_reclaimed += freed;
	count_vm_events(sc->kswapd ? PGSTEAL_KSWAPD : PGSTEAL_DIRECT, (long)freed);
	putback_lru_pages(lruvec, &pages);
}

static void shrink_active_list(struct lruvec *lruvec, enum lru_list lru, unsigned long nr)
{
	LIST_HEAD(pages);
	struct page *page;
	unsigned long taken = isolate_lru_pages(lruvec, lru, nr, &pages), moved = 0;

	if (!taken)
		return;
	list_for_each_entry(page, &pages, lru) {
		unsigned long vm_flags;

		/* Code in use is the working set at its purest: it stays. */
		if (page_referenced(page, &vm_flags) && (vm_flags & VM_EXEC))
			continue;
		ClearPageActive(page);
		moved++;
	}
	count_vm_events(PGDEACTIVATE, (long)moved);
	putback_lru_pages(lruvec, &pages);
}

/* Linux's balance for small memory: keep the inactive list at least as long as the active. */
static bool inactive_is_low(enum lru_list inactive)
{
	return lru_size(inactive) < lru_size((enum lru_list)(inactive + LRU_ACTIVE));
}

/* This round's share of @inactive: size >> priority, at least a batch late in a pass. */
static unsigned long scan_share(enum lru_list inactive, int priority)
{
	unsigned long size = lru_size(inactive), nr = size >> priority;

	if (!nr && priority < DEF_PRIORITY - 2)
		nr = min(SWAP_CLUSTER_MAX, size);
	return nr;
}

static void shrink_list_pair(struct lruvec *lruvec, enum lru_list inactive, unsigned long nr,
			     struct scan_control *sc)
{
	enum lru_list active = (enum lru_list)(inactive + LRU_ACTIVE);

	while (nr) {
		unsigned long batch = min(nr, SWAP_CLUSTER_MAX);

		if (inactive_is_low(inactive))
			shrink_active_list(lruvec, active, batch);
		shrink_inactive_list(lruvec, inactive, batch, sc);
		nr -= batch;
		if (sc->nr_reclaimed >= sc->nr_to_reclaim)
			break;
	}
	/* Nothing left inactive: age the active list so the next round has candidates. */
	if (!lru_size(inactive) && lru_size(active))
		shrink_active_list(lruvec, active, SWAP_CLUSTER_MAX);
}

static void shrink_lruvec(struct lruvec *lruvec, int priority, struct scan_control *sc)
{
	unsigned long nr_file = scan_share(LRU_INACTIVE_FILE, priority), nr_anon = 0;
	/* Anon pages go to free swap, or drop their copy already there. */
	bool can_swap = sc->may_swap &&
			(get_nr_swap_pages() > 0 || READ_ONCE(nr_swapcache_pages));

	if (can_swap) {
		unsigned long file = lru_size(LRU_INACTIVE_FILE) + lru_size(LRU_ACTIVE_FILE);
		unsigned long swappiness = READ_ONCE(vm_swappiness);

		nr_anon = scan_share(LRU_INACTIVE_ANON, priority);
		/* Hardly any page cache left: anonymous memory is all there is to free. */
		if (file > 4 * SWAP_CLUSTER_MAX) {
			unsigned long a = nr_anon * swappiness / 100;

			nr_file = nr_file * (200 - swappiness) / 100;
			nr_anon = (!a && swappiness && nr_anon) ? 1 : a;
		}
	}
	shrink_list_pair(lruvec, LRU_INACTIVE_FILE, nr_file, sc);
	/* Even with no share this round, an empty inactive anon list gets refilled. */
	if (can_swap && sc->nr_reclaimed < sc->nr_to_reclaim)
		shrink_list_pair(lruvec, LRU_INACTIVE_ANON, nr_anon, sc);
}

/*
 * Rounds of rising priority until enough is freed or everything was
 * looked at.  Each round also asks the shrinkers for the same share of
 * their caches as it took of the page lists; what they free goes back as
 * slab pages, not counted here.
 */
static void do_reclaim(struct scan_control *sc)
{
	struct lruvec *lruvec = node_lruvec(NODE_DATA(0));
	int priority;

	for (priority = DEF_PRIORITY; priority >= 0; priority--) {
		shrink_lruvec(lruvec, priority, sc);
		shrink_slab(sc->gfp_mask, priority);
		if (sc->nr_reclaimed >= sc->nr_to_reclaim)
			break;
	}
}

/*
 * Linux keeps this in page_alloc.c; it reads current, which the
 * allocator's host unit tests do not have.  Interrupts never qualify:
 * PF_MEMALLOC is the interrupted task's, not theirs.
 */
bool gfp_pfmemalloc_allowed(gfp_t gfp)
{
	return !in_interrupt() && (current->flags & PF_MEMALLOC);
}

/*
 * Direct reclaim freed nothing: is another pass worth it?  Only while
 * reclaim has something left to free for @gfp -- page cache on the LRU
 * lists, anonymous pages while swap has room -- and then a jiffy later,
 * so the reclaimers and swap writes holding those pages can finish.
 */
bool reclaim_worth_retrying(gfp_t gfp, unsigned int order)
{
	unsigned long nr = lru_size(LRU_INACTIVE_FILE) + lru_size(LRU_ACTIVE_FILE);
	long swap = get_nr_swap_pages();

	if ((gfp & __GFP_IO) && swap > 0)
		nr += min_t(unsigned long, lru_size(LRU_INACTIVE_ANON) + lru_size(LRU_ACTIVE_ANON),
			    swap);
	if (nr < (1UL << order))
		return false;
	if (gfpflags_allow_blocking(gfp) && !preempt_count() && !irqs_disabled())
		schedule_timeout_uninterruptible(1);
	return true;
}

/*
 * Direct reclaim: the allocator found every allowed zone below min.
 * Never writes (the caller may hold locks writeback needs); sleeps only
 * to let kswapd write, and only where sleeping is allowed.  A
 * reclaimer's own allocations (PF_MEMALLOC) do not recurse.
 */
unsigned long try_to_free_pages(gfp_t gfp, unsigned int order)
{
	struct scan_control sc = {
		.nr_to_reclaim = SWAP_CLUSTER_MAX << order,
		.gfp_mask = gfp,
		/* Swap I/O goes straight to the disk: no filesystem lock is needed. */
		.may_swap = !!(gfp & __GFP_IO),
	};

	int waits = 0;

	if (current->flags & PF_MEMALLOC)
		return 0;
	current->flags |= PF_MEMALLOC;
	do_reclaim(&sc);
	/*
	 * Nothing clean to free, but dirty pages only kswapd may write:
	 * wait for it a little, as Linux throttles reclaimers on writeback,
	 * instead of failing an allocation that is only early.
	 */
	while (!sc.nr_reclaimed && sc.nr_dirty && waits++ < RECLAIM_THROTTLE_WAITS &&
	       !preempt_count() && !irqs_disabled()) {
		wakeup_kswapd(order);
		schedule_timeout_uninterruptible(RECLAIM_THROTTLE_JIFFIES);
		sc.nr_dirty = 0;
		do_reclaim(&sc);
	}
	current->flags &= ~PF_MEMALLOC;
	return sc.nr_reclaimed;
}

/*
 * Balanced: the zones user memory comes from are above high.  ZONE_DMA
 * only counts on a machine with nothing else: the allocator reaches it
 * last, so its free pages say little about pressure.
 */
static bool pgdat_balanced(struct pglist_data *pgdat, unsigned int order)
{
	bool skip_dma = populated_zone(&pgdat->node_zones[ZONE_DMA32]) ||
			populated_zone(&pgdat->node_zones[ZONE_NORMAL]);
	struct zone *zone;

	for_each_populated_zone(zone) {
		if (skip_dma && zone_idx(zone) == ZONE_DMA)
			continue;
		if (!zone_watermark_ok(zone, order, high_wmark_pages(zone), 0))
			return false;
	}
	return true;
}

/* kswapd's work after a wakeup: reclaim until balanced or no progress. */
static unsigned long balance_pgdat(struct pglist_data *pgdat, unsigned int order)
{
	unsigned long total = 0;

	while (!pgdat_balanced(pgdat, order)) {
		struct scan_control sc = {
			.nr_to_reclaim = SWAP_CLUSTER_MAX,
			.gfp_mask = GFP_KERNEL,
			.may_writepage = true,
			.may_swap = true,
			.kswapd = true,
		};

		do_reclaim(&sc);
		total += sc.nr_reclaimed;
		/* Dirty pages written this pass free only on the next one. */
		if (!sc.nr_reclaimed && !sc.nr_scanned)
			break;
		if (!sc.nr_reclaimed)
			schedule_timeout_interruptible(HZ / 10);
		cond_resched();
		if (kthread_should_stop())
			break;
	}
	return total;
}

static unsigned int kswapd_order;

static int kswapd(void *data)
{
	struct pglist_data *pgdat = data;

	/* Its own allocations (bios for writeback) must not reclaim in turn. */
	current->flags |= PF_MEMALLOC;
	for (;;) {
		unsigned int order;

		wait_event_interruptible(kswapd_wait,
					 READ_ONCE(kswapd_woken) || kthread_should_stop());
		if (kthread_should_stop())
			break;
		WRITE_ONCE(kswapd_woken, false);
		order = READ_ONCE(kswapd_order);
		WRITE_ONCE(kswapd_order, 0);
		if (!balance_pgdat(pgdat, order))
			schedule_timeout_interruptible(HZ / 10);	/* hopeless now: do not spin */
	}
	return 0;
}

/* From the allocator, any context: wake kswapd unless it is already at work. */
void wakeup_kswapd(unsigned int order)
{
	if (!NODE_DATA(0)->kswapd)
		return;
	if (order > READ_ONCE(kswapd_order))
		WRITE_ONCE(kswapd_order, order);
	if (READ_ONCE(kswapd_woken))
		return;
	WRITE_ONCE(kswapd_woken, true);
	wake_up_interruptible(&kswapd_wait);
}

static int __init kswapd_init(void)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	struct task_struct *t = kthread_run(kswapd, pgdat, "kswapd%d", pgdat->node_id);

	if (IS_ERR(t))
		return PTR_ERR(t);
	pgdat->kswapd = t;
	return 0;
}
late_initcall(kswapd_init);
