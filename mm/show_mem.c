// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/meminfo: the machine-wide memory picture, assembled from the
 * zone and node counters (vmstat.h), the slab and vmalloc totals, and
 * the architecture's direct-map page sizes.  Lines for what Lantern does
 * not have yet (swap, the page cache, huge pages) are printed as 0, so
 * programs that parse the file (free, top, ps) find every field they
 * look for.
 */
#include <linux/kernel.h>
#include <linux/swap.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>

/* Replaced by the architecture's DirectMap lines; host tests have none. */
int __weak arch_report_meminfo(char *buf, size_t size)
{
	return 0;
}

/*
 * What could be allocated without swapping: free pages above the
 * reserves, plus the half of the page cache and of reclaimable slab that
 * could be dropped without dipping below the low watermarks.
 */
long si_mem_available(void)
{
	long available, pagecache, reclaimable;
	unsigned long wmark_low = 0;
	struct zone *zone;

	for_each_zone(zone)
		wmark_low += low_wmark_pages(zone);
	available = (long)global_zone_page_state(NR_FREE_PAGES) - (long)totalreserve_pages;
	pagecache = (long)(global_zone_page_state(NR_ZONE_ACTIVE_FILE) +
			   global_zone_page_state(NR_ZONE_INACTIVE_FILE));
	pagecache -= min(pagecache / 2, (long)wmark_low);
	available += pagecache;
	reclaimable = (long)global_node_page_state(NR_SLAB_RECLAIMABLE);
	available += reclaimable - min(reclaimable / 2, (long)wmark_low);
	return available < 0 ? 0 : available;
}

#define K(pages)	((unsigned long)(pages) << (PAGE_SHIFT - 10))

static int show_val_kb(char *buf, size_t size, const char *name, unsigned long kb)
{
	return scnprintf(buf, size, "%-16s%8lu kB\n", name, kb);
}

int meminfo_show(char *buf, size_t size)
{
	unsigned long sreclaimable = global_node_page_state(NR_SLAB_RECLAIMABLE);
	unsigned long sunreclaim = global_node_page_state(NR_SLAB_UNRECLAIMABLE);
	unsigned long active_anon = global_zone_page_state(NR_ZONE_ACTIVE_ANON);
	unsigned long inactive_anon = global_zone_page_state(NR_ZONE_INACTIVE_ANON);
	unsigned long active_file = global_zone_page_state(NR_ZONE_ACTIVE_FILE);
	unsigned long inactive_file = global_zone_page_state(NR_ZONE_INACTIVE_FILE);
	unsigned long totalswap = READ_ONCE(total_swap_pages);
	unsigned long freeswap = READ_ONCE(nr_swap_pages);
	const struct { const char *name; unsigned long kb; } lines[] = {
		{ "MemTotal:", K(totalram_pages()) },
		{ "MemFree:", K(global_zone_page_state(NR_FREE_PAGES)) },
		{ "MemAvailable:", K(si_mem_available()) },
		{ "Buffers:", 0 },
		{ "Cached:", K(global_node_page_state(NR_FILE_PAGES)) },
		{ "SwapCached:", K(READ_ONCE(nr_swapcache_pages)) },
		{ "Active:", K(active_anon + active_file) },
		{ "Inactive:", K(inactive_anon + inactive_file) },
		{ "Active(anon):", K(active_anon) },
		{ "Inactive(anon):", K(inactive_anon) },
		{ "Active(file):", K(active_file) },
		{ "Inactive(file):", K(inactive_file) },
		{ "Unevictable:", K(global_zone_page_state(NR_ZONE_UNEVICTABLE)) },
		{ "Mlocked:", K(global_zone_page_state(NR_MLOCK)) },
		{ "SwapTotal:", K(totalswap) },
		{ "SwapFree:", K(freeswap) },
		{ "Dirty:", K(global_node_page_state(NR_FILE_DIRTY)) },
		{ "Writeback:", K(global_node_page_state(NR_WRITEBACK)) },
		{ "AnonPages:", K(global_node_page_state(NR_ANON_MAPPED)) },
		{ "Mapped:", K(global_node_page_state(NR_FILE_MAPPED)) },
		{ "Shmem:", K(global_node_page_state(NR_SHMEM)) },
		{ "KReclaimable:", K(sreclaimable) },
		{ "Slab:", K(sreclaimable + sunreclaim) },
		{ "SReclaimable:", K(sreclaimable) },
		{ "SUnreclaim:", K(sunreclaim) },
		{ "KernelStack:", global_node_page_state(NR_KERNEL_STACK_KB) },
		{ "PageTables:", K(global_node_page_state(NR_PAGETABLE)) },
		{ "Bounce:", K(global_zone_page_state(NR_BOUNCE)) },
		{ "WritebackTmp:", 0 },
		{ "CommitLimit:", K(totalram_pages() / 2 + totalswap) },
		{ "Committed_AS:", 0 },
		{ "VmallocTotal:", (unsigned long)VMALLOC_TOTAL >> 10 },
		{ "VmallocUsed:", K(vmalloc_nr_pages()) },
		{ "VmallocChunk:", 0 },
		{ "Percpu:", 0 },
		{ "AnonHugePages:", 0 },
	};
	unsigned int i;
	int len = 0;

	for (i = 0; i < ARRAY_SIZE(lines); i++)
		len += show_val_kb(buf + len, size - len, lines[i].name, lines[i].kb);
	len += arch_report_meminfo(buf + len, size - len);
	return len;
}
