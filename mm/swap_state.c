// SPDX-License-Identifier: GPL-2.0
/*
 * The swap cache: pages that have a swap slot and are in memory too.
 *
 * A page being evicted enters it when reclaim gives it a slot
 * (add_to_swap) and stays while it is written out and its PTEs turn into
 * swap entries; a page coming back enters it when its read starts.  So
 * while a page is in flight either way, every process faulting on the
 * same swap entry finds the same page here, and a page shared by fork
 * relatives comes back as one page, still shared.
 *
 * A page in the swap cache has PG_swapcache, its entry in page->private,
 * and one reference held by the cache.  It leaves when the slot is no
 * longer needed (no swap entry refers to it: try_to_free_swap), or when
 * reclaim frees the page after writing it (the copy on disk is then the
 * only one).  Each device has its own cache, indexed by slot.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/mm_inline.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/xarray.h>

/* Read-around window on swap-in: 2^page_cluster slots (vm.page-cluster). */
int page_cluster = 3;

unsigned long nr_swapcache_pages;

int add_to_swap_cache(struct page *page, swp_entry_t entry, gfp_t gfp)
{
	struct swap_info_struct *si = swp_swap_info(entry);
	void *old;

	if (!si)
		return -EINVAL;
	xa_node_cache_init();
	old = xa_store(&si->cache, swp_offset(entry), page, gfp);
	if (IS_ERR(old))
		return PTR_ERR(old);
	WARN_ON_ONCE(old);
	get_page(page);
	SetPageSwapCache(page);
	page->private = entry.val;
	nr_swapcache_pages++;
	return 0;
}

/* @page (locked) leaves the swap cache, which drops its slot claim and reference. */
void delete_from_swap_cache(struct page *page)
{
	swp_entry_t entry = { .val = page->private };
	struct swap_info_struct *si = swp_swap_info(entry);

	if (si)
		xa_erase(&si->cache, swp_offset(entry));
	ClearPageSwapCache(page);
	page->private = 0;
	nr_swapcache_pages--;
	put_swap_page(entry);
	put_page(page);
}

/*
 * Reclaim: give the locked anonymous @page a slot and put it in the swap
 * cache, dirty so that it is written before it can be freed.
 */
bool add_to_swap(struct page *page)
{
	swp_entry_t entry = get_swap_page();

	if (!entry.val)
		return false;
	if (add_to_swap_cache(page, entry, GFP_NOWAIT | __GFP_NOWARN)) {
		put_swap_page(entry);
		return false;
	}
	/* Its contents are what the swap cache hands out until it is written. */
	SetPageUptodate(page);
	SetPageDirty(page);
	return true;
}

/* The cached page of @entry with a reference, or NULL. */
struct page *lookup_swap_cache(swp_entry_t entry)
{
	struct swap_info_struct *si = swp_swap_info(entry);
	struct page *page;

	if (!si)
		return NULL;
	page = xa_load(&si->cache, swp_offset(entry));
	if (page)
		get_page(page);
	return page;
}

/*
 * The page of @entry: from the cache, or a new one put there, locked, for
 * the caller to read (*new set).  NULL: no memory, or the slot was freed
 * meanwhile (the entry is stale: whoever held it let it go).
 */
static struct page *read_swap_cache_async(swp_entry_t entry, gfp_t gfp, bool *new)
{
	*new = false;
	for (;;) {
		struct page *page = lookup_swap_cache(entry);
		int err;

		if (page)
			return page;
		page = alloc_page(gfp);
		if (!page)
			return NULL;
		err = swapcache_prepare(entry);
		if (err == -EEXIST) {
			/* Someone else is putting it in the cache: let them finish. */
			put_page(page);
			schedule_timeout_uninterruptible(1);
			continue;
		}
		if (err) {
			put_page(page);
			return NULL;
		}
		__SetPageLocked(page);
		__SetPageSwapBacked(page);
		if (add_to_swap_cache(page, entry, gfp)) {
			put_swap_page(entry);
			unlock_page(page);
			put_page(page);
			return NULL;
		}
		lru_cache_add(page);
		*new = true;
		return page;
	}
}

/*
 * Swap-in of @entry for a fault.  Its neighbours in an aligned window of
 * 2^page_cluster slots come in too, if they are in use and memory is to
 * be had without reclaiming for it: pages evicted together are likely
 * wanted together.  Returns the page (referenced, maybe still locked
 * under its read) or NULL; *major says a read was needed.
 */
struct page *swapin_readahead(swp_entry_t entry, gfp_t gfp, bool *major)
{
	struct swap_info_struct *si = swp_swap_info(entry);
	unsigned long nr = 1UL << page_cluster, off = swp_offset(entry);
	unsigned long start = off & ~(nr - 1), i;
	struct page *page = NULL;

	*major = false;
	if (!si)
		return NULL;
	for (i = start; i < start + nr && i < si->max; i++) {
		swp_entry_t e = swp_entry(swp_type(entry), i);
		bool new;
		struct page *p;

		if (i == off) {
			p = read_swap_cache_async(e, gfp, &new);
			if (!p)
				return NULL;
			page = p;
			if (new) {
				*major = true;
				swap_readpage(p, false);
			}
			continue;
		}
		if (!i || !__swap_count(e) || (si->swap_map[i] & SWAP_HAS_CACHE))
			continue;
		p = read_swap_cache_async(e, (gfp & ~__GFP_DIRECT_RECLAIM) | __GFP_NOWARN, &new);
		if (!p)
			continue;
		if (new)
			swap_readpage(p, false);
		put_page(p);
	}
	return page;
}
