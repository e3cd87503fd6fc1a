/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page reclaim's interface: the LRU lists pages join when they come into
 * use (mm/swap.c), the scanner that frees the coldest of them
 * (mm/vmscan.c: kswapd in the background, direct reclaim in an
 * allocation that found nothing), and the tunables /proc/sys/vm shows.
 * Swap devices (mm/swapfile.c) give anonymous pages somewhere to go:
 * the swap cache (mm/swap_state.c) holds a page while it is on its way
 * out or back in, mm/page_io.c moves it to and from the disk.
 */
#ifndef _LINUX_SWAP_H
#define _LINUX_SWAP_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>

struct pglist_data;
struct file;
struct block_device;
struct seq_file;
struct vm_area_struct;

/* A swap slot: device (type) and page-sized slot (offset); swapops.h packs them. */
typedef struct {
	unsigned long val;
} swp_entry_t;

#define MAX_SWAPFILES		32

/*
 * swap_map[] of a device, one per slot: how many PTEs (or other swap
 * entries) refer to it, plus SWAP_HAS_CACHE while a page for it is in
 * the swap cache.  Linux packs the count in a byte with continuation
 * pages for more than 62 users; Lantern spends 16 bits per slot instead.
 */
#define SWAP_HAS_CACHE		0x8000
#define SWAP_MAP_BAD		0x7fff		/* on the header's bad-page list */
#define SWAP_MAP_MAX		0x7ffe		/* most users one slot may have */
#define SWAP_COUNT(x)		((x) & ~SWAP_HAS_CACHE)

/*
 * The first page of a swap area, as mkswap(8) writes it: 1024 bytes left
 * for a boot loader, then the header, and the magic in the page's last
 * ten bytes.  Slot 0 is this page; slots 1..last_page hold pages, except
 * those on the bad-page list.
 */
#define SWAP_MAGIC		"SWAPSPACE2"
#define SWAP_MAGIC_LEN		10
#define SWAP_HEADER_VERSION	1
#define MAX_SWAP_BADPAGES	((PAGE_SIZE - 1024 - 512 - SWAP_MAGIC_LEN) / sizeof(u32))

struct swap_header_info {
	u8 bootbits[1024];
	u32 version;
	u32 last_page;
	u32 nr_badpages;
	u8 sws_uuid[16];
	u8 sws_volume[16];
	u32 padding[117];
	u32 badpages[];
};

/* Slots allocated one after the other before looking for a fresh run. */
#define SWAPFILE_CLUSTER	256

/* A run of slots that are contiguous on the disk (a swap file has many). */
struct swap_extent {
	pgoff_t start_page;
	pgoff_t nr_pages;
	u64 start_sector;		/* 512-byte sectors on bdev */
};

enum {
	SWP_USED	= 1 << 0,	/* the swap_info slot is taken */
	SWP_WRITEOK	= 1 << 1,	/* active: new pages may go here */
	SWP_BLKDEV	= 1 << 2,	/* a partition or disk, not a file */
	SWP_DISCARDABLE	= 1 << 3,	/* SWAP_FLAG_DISCARD was asked for */
};

struct swap_info_struct {
	unsigned long flags;		/* SWP_* */
	signed short prio;		/* higher is used first */
	unsigned int type;		/* index in swap_info[] */
	unsigned long max;		/* slots: last_page + 1 */
	unsigned short *swap_map;
	unsigned long lowest_bit, highest_bit;	/* free slots lie between */
	unsigned long cluster_next;	/* where the next allocation looks */
	unsigned long cluster_nr;	/* left in the current run */
	unsigned long pages;		/* usable slots (header and bad ones excluded) */
	unsigned long inuse_pages;
	struct file *swap_file;
	struct block_device *bdev;
	struct swap_extent *extents;
	unsigned int nr_extents;
	struct xarray cache;		/* the swap cache: page by offset */
	struct list_head avail;		/* on swap_avail_head, by priority */
};

/* kernel/fork.c: init_mm.mmlist */
extern spinlock_t mmlist_lock;

/* mm/swapfile.c */
extern long nr_swap_pages;		/* free slots on active devices */
extern long total_swap_pages;
extern struct swap_info_struct *swap_info[MAX_SWAPFILES];
extern spinlock_t swap_lock;
struct swap_info_struct *swp_swap_info(swp_entry_t entry);
swp_entry_t get_swap_page(void);
int swap_duplicate(swp_entry_t entry);
void swap_free(swp_entry_t entry);
void put_swap_page(swp_entry_t entry);
int swapcache_prepare(swp_entry_t entry);
int __swap_count(swp_entry_t entry);
bool swap_writeok(swp_entry_t entry);
void free_swap_and_cache(swp_entry_t entry);
bool try_to_free_swap(struct page *page);
u64 swap_page_sector(struct page *page);
void si_swapinfo(unsigned long *totalswap, unsigned long *freeswap);
int swaps_proc_show(struct seq_file *m, void *v);
static inline long get_nr_swap_pages(void)
{
	return READ_ONCE(nr_swap_pages);
}

/* mm/swap_state.c */
extern unsigned long nr_swapcache_pages;
int add_to_swap_cache(struct page *page, swp_entry_t entry, gfp_t gfp);
void delete_from_swap_cache(struct page *page);
bool add_to_swap(struct page *page);
struct page *lookup_swap_cache(swp_entry_t entry);
struct page *swapin_readahead(swp_entry_t entry, gfp_t gfp, bool *major);

/* mm/page_io.c */
int swap_writepage(struct page *page);
int swap_readpage(struct page *page, bool synchronous);

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
bool reclaim_worth_retrying(gfp_t gfp, unsigned int order);
void wakeup_kswapd(unsigned int order);
/* May this allocation dip below min?  Only reclaim's own (PF_MEMALLOC). */
bool gfp_pfmemalloc_allowed(gfp_t gfp);

#endif /* _LINUX_SWAP_H */
