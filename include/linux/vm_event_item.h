/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The events /proc/vmstat counts after its nr_* gauges: things that
 * happened (a page fault, a page allocated from a zone), not how much of
 * something there is now.  Names and order are Linux's, so tools that
 * read vmstat (vmstat(8), sar, collectd) find the lines they know.  An
 * event whose mechanism Lantern lacks yet (swap, reclaim, the OOM
 * killer) is listed and reads 0, which is what happened.
 */
#ifndef _LINUX_VM_EVENT_ITEM_H
#define _LINUX_VM_EVENT_ITEM_H

/* One event per zone, in enum zone_type's order. */
#define FOR_ALL_ZONES(x)	x##_DMA, x##_DMA32, x##_NORMAL

enum vm_event_item {
	PGPGIN,			/* KiB read from block devices */
	PGPGOUT,		/* KiB written to them */
	PSWPIN,			/* pages read back from swap */
	PSWPOUT,		/* pages written to swap */
	FOR_ALL_ZONES(PGALLOC),	/* pages handed out by the buddy allocator */
	PGFREE,			/* pages given back to it */
	PGACTIVATE,		/* pages moved to an active LRU list */
	PGDEACTIVATE,		/* ... and back to an inactive one */
	PGFAULT,		/* page faults handled (handle_mm_fault) */
	PGMAJFAULT,		/* of which needed I/O */
	PGREUSE,		/* write faults that kept the page instead of copying it */
	PGSTEAL_KSWAPD,		/* pages reclaimed by kswapd */
	PGSTEAL_DIRECT,		/* ... by allocators reclaiming themselves */
	PGSCAN_KSWAPD,		/* pages kswapd looked at */
	PGSCAN_DIRECT,
	SLABS_SCANNED,		/* objects shrinkers looked at */
	OOM_KILL,		/* processes the OOM killer ended */
	NR_VM_EVENT_ITEMS
};

#endif /* _LINUX_VM_EVENT_ITEM_H */
