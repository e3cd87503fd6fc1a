/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory counters behind /proc/meminfo, /proc/zoneinfo and the allocator's
 * watermark checks.  Each counter exists per zone (or per node) and as a
 * machine-wide total; both are atomic, so updating one needs no lock and
 * reading one gives a value that was true a moment ago.
 *
 * Events (vm_event_item.h) are counted per CPU instead: they only ever
 * grow, are bumped on hot paths (every fault, every page allocated), and
 * are read rarely, so each CPU adds to its own copy with one
 * interrupt-safe instruction and /proc/vmstat sums the copies.
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/vm_event_item.h>
#include <asm/percpu.h>

struct vm_event_state {
	unsigned long event[NR_VM_EVENT_ITEMS];
};

DECLARE_PER_CPU(struct vm_event_state, vm_event_states);

static inline void count_vm_event(enum vm_event_item item)
{
	this_cpu_inc(vm_event_states.event[item]);
}

static inline void count_vm_events(enum vm_event_item item, long delta)
{
	this_cpu_add(vm_event_states.event[item], delta);
}

/* The per-zone events (pgalloc_*): @zid is the zone's index. */
#define count_zid_vm_events(item, zid, delta) \
	count_vm_events((enum vm_event_item)(item##_DMA + (zid)), delta)

/* Each event summed over the CPUs, into @ret[NR_VM_EVENT_ITEMS]. */
void all_vm_events(unsigned long *ret);
/*
 * The names /proc/vmstat prints: the zone items, the node items, then
 * the events, each group in its enum's order.
 */
extern const char *const vmstat_text[];

extern atomic_long_t vm_zone_stat[NR_VM_ZONE_STAT_ITEMS];
extern atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS];

static inline void mod_zone_page_state(struct zone *zone,
				       enum zone_stat_item item, long delta)
{
	atomic_long_add(delta, &zone->vm_stat[item]);
	atomic_long_add(delta, &vm_zone_stat[item]);
}

static inline void mod_node_page_state(struct pglist_data *pgdat,
				       enum node_stat_item item, long delta)
{
	atomic_long_add(delta, &pgdat->vm_stat[item]);
	atomic_long_add(delta, &vm_node_stat[item]);
}

/* Counters may be briefly negative while updates race; never report that. */
static inline unsigned long zone_page_state(struct zone *zone,
					    enum zone_stat_item item)
{
	long x = atomic_long_read(&zone->vm_stat[item]);

	return x < 0 ? 0 : (unsigned long)x;
}

static inline unsigned long global_zone_page_state(enum zone_stat_item item)
{
	long x = atomic_long_read(&vm_zone_stat[item]);

	return x < 0 ? 0 : (unsigned long)x;
}

static inline unsigned long node_page_state(struct pglist_data *pgdat,
					    enum node_stat_item item)
{
	long x = atomic_long_read(&pgdat->vm_stat[item]);

	return x < 0 ? 0 : (unsigned long)x;
}

static inline unsigned long global_node_page_state(enum node_stat_item item)
{
	long x = atomic_long_read(&vm_node_stat[item]);

	return x < 0 ? 0 : (unsigned long)x;
}

#define global_page_state(item)	global_zone_page_state(item)

/* The node counter of @page's node (there is one node, NODE_DATA(0)). */
static inline void mod_lruvec_page_state(struct page *page,
					 enum node_stat_item item, long delta)
{
	mod_node_page_state(NODE_DATA(0), item, delta);
}

/* /proc/buddyinfo: one line per populated zone. */
int buddyinfo_show(char *buf, size_t size);
/* /proc/zoneinfo, short form: watermarks and counters per zone. */
int zoneinfo_show(char *buf, size_t size);

#endif /* _LINUX_VMSTAT_H */
