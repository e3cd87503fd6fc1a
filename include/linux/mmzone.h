/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Zones and nodes: how physical memory is divided for the page allocator.
 *
 * Some devices can only reach low physical addresses, so memory is split
 * into zones by address: ZONE_DMA (below 16 MiB, for ISA DMA), ZONE_DMA32
 * (below 4 GiB, for 32-bit devices) and ZONE_NORMAL (the rest).  Each
 * zone has its own buddy free lists (free_area[order]), its own lock and
 * its own watermarks: the free-page levels at which allocation gets
 * stricter (min), kswapd is woken (low) and kswapd stops (high).
 *
 * A node (pglist_data) groups the zones of one NUMA node.  Lantern has
 * one node, contig_page_data, reached as NODE_DATA(0).
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/mm_types.h>

/* Orders 0..MAX_ORDER-1: the largest free block is 4 MiB. */
#define MAX_ORDER		11
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))

enum zone_type {
	ZONE_DMA,		/* [0, 16 MiB) */
	ZONE_DMA32,		/* [16 MiB, 4 GiB) */
	ZONE_NORMAL,		/* [4 GiB, end of RAM) */
	MAX_NR_ZONES
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

/* Per-zone counters, in pages (/proc/zoneinfo, /proc/meminfo). */
enum zone_stat_item {
	NR_FREE_PAGES,
	NR_ZONE_INACTIVE_ANON,
	NR_ZONE_ACTIVE_ANON,
	NR_ZONE_INACTIVE_FILE,
	NR_ZONE_ACTIVE_FILE,
	NR_ZONE_UNEVICTABLE,
	NR_MLOCK,
	NR_BOUNCE,
	NR_VM_ZONE_STAT_ITEMS
};

/* Per-node counters, in pages unless the name says KB. */
enum node_stat_item {
	NR_SLAB_RECLAIMABLE,
	NR_SLAB_UNRECLAIMABLE,
	NR_FILE_PAGES,
	NR_FILE_DIRTY,
	NR_WRITEBACK,
	NR_SHMEM,
	NR_ANON_MAPPED,
	NR_FILE_MAPPED,
	NR_KERNEL_STACK_KB,
	NR_PAGETABLE,
	NR_VM_NODE_STAT_ITEMS
};

/*
 * The LRU lists, in the order of the NR_ZONE_* counters that count them
 * (NR_ZONE_LRU_BASE + lru).  Anonymous and file pages age separately
 * because they cost different things to evict: a clean file page is
 * dropped and read back later, an anonymous page must go to swap first.
 */
enum lru_list {
	LRU_INACTIVE_ANON,
	LRU_ACTIVE_ANON,
	LRU_INACTIVE_FILE,
	LRU_ACTIVE_FILE,
	LRU_UNEVICTABLE,
	NR_LRU_LISTS
};
#define LRU_ACTIVE		1	/* active list = inactive list + LRU_ACTIVE */
#define LRU_FILE		2	/* file lists = anon lists + LRU_FILE */
#define NR_ZONE_LRU_BASE	NR_ZONE_INACTIVE_ANON
#define for_each_evictable_lru(lru) for (lru = 0; lru <= LRU_ACTIVE_FILE; lru++)

static inline bool is_file_lru(enum lru_list lru)
{
	return lru == LRU_INACTIVE_FILE || lru == LRU_ACTIVE_FILE;
}

static inline bool is_active_lru(enum lru_list lru)
{
	return lru == LRU_ACTIVE_ANON || lru == LRU_ACTIVE_FILE;
}

/*
 * A node's LRU lists (mm/swap.c adds, mm/vmscan.c scans).  New pages go
 * on the head; reclaim takes from the tail, so the tail holds the pages
 * unused the longest.  Locking: lru_lock, irqsave because the last
 * put_page of a page (which takes it off its list) may run in an
 * interrupt handler.  A page is on a list exactly when PG_lru is set,
 * and which list is PG_active + PG_swapbacked (page_lru()).
 */
struct lruvec {
	struct list_head lists[NR_LRU_LISTS];
	spinlock_t lru_lock;
};

struct free_area {
	struct list_head free_list;	/* heads of free blocks of this order */
	unsigned long nr_free;		/* blocks on free_list */
};

struct pglist_data;

/*
 * Locking: lock (irqsave: interrupt handlers allocate too) guards
 * free_area and the PG_buddy/private of pages on the free lists.  The
 * counters are atomic and read without it.  The span and watermarks are
 * set at boot and read-only after.
 */
struct zone {
	unsigned long _watermark[NR_WMARK];
	struct pglist_data *zone_pgdat;
	const char *name;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* pfns in [start, end), holes included */
	unsigned long present_pages;	/* RAM pages in the span */
	atomic_long_t managed_pages;	/* pages given to the buddy allocator */

	spinlock_t lock;
	struct free_area free_area[MAX_ORDER];

	atomic_long_t vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

struct task_struct;

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	int nr_zones;			/* highest populated zone + 1 */
	int node_id;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	atomic_long_t vm_stat[NR_VM_NODE_STAT_ITEMS];
	struct lruvec __lruvec;		/* the node's LRU lists */
	struct task_struct *kswapd;	/* kswapd0, mm/vmscan.c */
} pg_data_t;

static inline struct lruvec *node_lruvec(struct pglist_data *pgdat)
{
	return &pgdat->__lruvec;
}

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)		(&contig_page_data)
#define first_online_pgdat()	(&contig_page_data)

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline unsigned long zone_managed_pages(struct zone *zone)
{
	return (unsigned long)atomic_long_read(&zone->managed_pages);
}

static inline int zone_idx(const struct zone *zone)
{
	return (int)(zone - zone->zone_pgdat->node_zones);
}

#define min_wmark_pages(z)	((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z)	((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z)	((z)->_watermark[WMARK_HIGH])
#define wmark_pages(z, i)	((z)->_watermark[i])

/* Every zone of the (one) node, populated or not. */
#define for_each_zone(zone)						\
	for (zone = contig_page_data.node_zones;			\
	     zone < contig_page_data.node_zones + MAX_NR_ZONES; zone++)
#define for_each_populated_zone(zone)					\
	for_each_zone(zone)						\
		if (!populated_zone(zone))				\
			; /* skip */					\
		else

#endif /* _LINUX_MMZONE_H */
