/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page reclaim's interface: the LRU lists pages join when they come into
 * use (mm/swap.c), the scanner that frees the coldest of them
 * (mm/vmscan.c: kswapd in the background, direct reclaim in an
 * allocation that found nothing), and the tunables /proc/sys/vm shows.
 * Swap devices belong here too; Lantern has none yet, so only clean and
 * written-back page-cache pages can be freed.
 */
#ifndef _LINUX_SWAP_H
#define _LINUX_SWAP_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>

struct pglist_data;

/* Pages reclaim moves or frees per batch, as Linux's SWAP_CLUSTER_MAX. */
#define SWAP_CLUSTER_MAX	32UL

/* mm/swap.c */
void lru_cache_add(struct page *page);
void lru_cache_add_inactive_or_unevictable(struct page *page);
void mark_page_accessed(struct page *page);
void __page_cache_release(struct page *page);
void lru_init(struct pglist_data *pgdat);

/* mm/vmscan.c */
extern int vm_swappiness;
unsigned long try_to_free_pages(gfp_t gfp, unsigned int order);
void wakeup_kswapd(unsigned int order);
/* May this allocation dip below min?  Only reclaim's own (PF_MEMALLOC). */
bool gfp_pfmemalloc_allowed(gfp_t gfp);

#endif /* _LINUX_SWAP_H */
