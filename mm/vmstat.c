// SPDX-License-Identifier: GPL-2.0
/*
 * Memory counters (vmstat.h), the names /proc/vmstat gives them, and the
 * per-zone views of them:
 * /proc/buddyinfo (free blocks of each order, per zone: how fragmented
 * memory is) and a short /proc/zoneinfo.  The format functions fill a
 * buffer; procfs calls them.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/vmstat.h>
#include <asm/smp.h>

atomic_long_t vm_zone_stat[NR_VM_ZONE_STAT_ITEMS];
atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS];
DEFINE_PER_CPU(struct vm_event_state, vm_event_states);

const char *const vmstat_text[] = {
	/* enum zone_stat_item */
	"nr_free_pages", "nr_zone_inactive_anon", "nr_zone_active_anon",
	"nr_zone_inactive_file", "nr_zone_active_file", "nr_zone_unevictable",
	"nr_mlock", "nr_bounce",
	/* enum node_stat_item */
	"nr_slab_reclaimable", "nr_slab_unreclaimable", "nr_file_pages",
	"nr_dirty", "nr_writeback", "nr_shmem", "nr_anon_pages", "nr_mapped",
	"nr_kernel_stack", "nr_page_table_pages",
	/* enum vm_event_item */
	"pgpgin", "pgpgout", "pswpin", "pswpout",
	"pgalloc_dma", "pgalloc_dma32", "pgalloc_normal",
	"pgfree", "pgactivate", "pgdeactivate", "pgfault", "pgmajfault", "pgreuse",
	"pgsteal_kswapd", "pgsteal_direct", "pgscan_kswapd", "pgscan_direct",
	"slabs_scanned",
	"oom_kill",
};
_Static_assert(ARRAY_SIZE(vmstat_text) ==
	       NR_VM_ZONE_STAT_ITEMS + NR_VM_NODE_STAT_ITEMS + NR_VM_EVENT_ITEMS,
	       "a vmstat item without a name, or a name without an item");

/*
 * Unlocked reads of other CPUs' copies: each is a single aligned word,
 * so a sum may miss an increment in flight but never sees a torn value.
 */
void all_vm_events(unsigned long *ret)
{
	unsigned int cpu;
	int i;

	for (i = 0; i < NR_VM_EVENT_ITEMS; i++)
		ret[i] = 0;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		const struct vm_event_state *s = &per_cpu(vm_event_states, cpu);

		for (i = 0; i < NR_VM_EVENT_ITEMS; i++)
			ret[i] += READ_ONCE(s->event[i]);
	}
}

/*
 * "Node 0, zone      DMA      1      1 ..." -- the zone name right-aligned
 * in 8 columns, then each order's count in 6, as Linux prints it.  The
 * counts are read under the zone lock so one line is one moment.
 */
int buddyinfo_show(char *buf, size_t size)
{
	struct zone *zone;
	int len = 0;

	for_each_populated_zone(zone) {
		unsigned long nr_free[MAX_ORDER], flags;
		unsigned int order;

		spin_lock_irqsave(&zone->lock, flags);
		for (order = 0; order < MAX_ORDER; order++)
			nr_free[order] = zone->free_area[order].nr_free;
		spin_unlock_irqrestore(&zone->lock, flags);

		len += scnprintf(buf + len, size - len, "Node %d, zone %8s ",
				 zone->zone_pgdat->node_id, zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			len += scnprintf(buf + len, size - len, "%6lu ", nr_free[order]);
		len += scnprintf(buf + len, size - len, "\n");
	}
	return len;
}

int zoneinfo_show(char *buf, size_t size)
{
	struct zone *zone;
	int len = 0, i;

	for_each_zone(zone) {
		len += scnprintf(buf + len, size - len, "Node %d, zone %8s\n",
				 zone->zone_pgdat->node_id, zone->name);
		if (!populated_zone(zone)) {
			len += scnprintf(buf + len, size - len, "  pages free     0\n");
			continue;
		}
		len += scnprintf(buf + len, size - len,
				 "  pages free     %lu\n"
				 "        min      %lu\n"
				 "        low      %lu\n"
				 "        high     %lu\n"
				 "        spanned  %lu\n"
				 "        present  %lu\n"
				 "        managed  %lu\n"
				 "  start_pfn:           %lu\n",
				 zone_page_state(zone, NR_FREE_PAGES),
				 min_wmark_pages(zone), low_wmark_pages(zone),
				 high_wmark_pages(zone), zone->spanned_pages,
				 zone->present_pages, zone_managed_pages(zone),
				 zone->zone_start_pfn);
		/* Then every zone counter, Linux's way: name in 12 columns, value. */
		for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
			len += scnprintf(buf + len, size - len, "      %-12s %lu\n",
					 vmstat_text[i],
					 zone_page_state(zone, (enum zone_stat_item)i));
	}
	return len;
}
