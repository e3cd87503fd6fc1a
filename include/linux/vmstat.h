/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory counters behind /proc/meminfo, /proc/zoneinfo and the allocator's
 * watermark checks.  Each counter exists per zone (or per node) and as a
 * machine-wide total; both are atomic, so updating one needs no lock and
 * reading one gives a value that was true a moment ago.
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/mmzone.h>

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

/* /proc/buddyinfo: one line per populated zone. */
int buddyinfo_show(char *buf, size_t size);
/* /proc/zoneinfo, short form: watermarks and counters per zone. */
int zoneinfo_show(char *buf, size_t size);

#endif /* _LINUX_VMSTAT_H */
