// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing up memory management, in the order each layer needs the one
 * below it:
 *
 *   setup_arch()                                   (arch/x86/kernel/setup.c)
 *     memblock from the e820 map, boot reservations
 *     init_mem_mapping(): kernel page tables, direct map of all RAM
 *     paging_init() -> free_area_init(): zones, mem_map (struct pages)
 *   mm_core_init()                                 (start_kernel)
 *     mem_init(): memblock_free_all() hands every free range to the
 *                 buddy allocator; watermarks; the "Memory:" line
 *     kmem_cache_init(): the slab allocator, kmalloc
 *     vmalloc_init(): vmalloc and ioremap
 *
 * mem_map is one flat array of struct page for pfns 0..max_mapnr, holes
 * included, allocated from memblock.  Every struct page starts reserved;
 * only what memblock_free_all releases becomes allocatable, so the kernel
 * image, the initramfs, firmware areas and early allocations (page
 * tables, mem_map itself) stay reserved.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/swap.h>
#include <linux/vmstat.h>
#include <asm/sections.h>
#include "internal.h"

/* Modules reach it through virt_to_page() and page_to_pfn(). */
struct page *mem_map;
EXPORT_SYMBOL(mem_map);
unsigned long max_mapnr;
unsigned long initrd_start, initrd_end;

#define POISON_FREE_INITMEM	0xcc

static void __init print_zone_range(enum zone_type idx, unsigned long start,
				    unsigned long end)
{
	static const char *const names[MAX_NR_ZONES] = { "DMA", "DMA32", "Normal" };

	if (start >= end)
		pr_info("  %-8s empty\n", names[idx]);
	else
		pr_info("  %-8s [mem 0x%016llx-0x%016llx]\n", names[idx],
			PFN_PHYS(start), PFN_PHYS(end) - 1);
}

/* RAM pages (memblock "memory") in [start_pfn, end_pfn). */
static unsigned long __init present_pages_in_range(unsigned long start_pfn,
						   unsigned long end_pfn)
{
	struct memblock_region *r;
	unsigned long nr = 0;

	for_each_mem_region(r) {
		unsigned long s = max_t(unsigned long, PFN_UP(r->base), start_pfn);
		unsigned long e = min_t(unsigned long, PFN_DOWN(r->base + r->size), end_pfn);

		if (s < e)
			nr += e - s;
	}
	return nr;
}

static void __init alloc_node_mem_map(unsigned long end_pfn)
{
	unsigned long size = PAGE_ALIGN(end_pfn * sizeof(struct page));

	mem_map = memblock_alloc(size, PAGE_SIZE);
	if (!mem_map)
		panic("Failed to allocate %lu bytes for mem_map", size);
	max_mapnr = end_pfn;
	pr_debug("mem_map at %p, %lu struct pages of %zu bytes\n", mem_map,
		 max_mapnr, sizeof(struct page));
}

/*
 * Zone boundaries from @max_zone_pfn (each zone's end), clipped to the
 * RAM memblock knows.  Zones are contiguous: each starts where the one
 * below ended.
 */
void __init free_area_init(unsigned long *max_zone_pfn)
{
	struct memblock_region *r;
	struct pglist_data *pgdat = NODE_DATA(0);
	unsigned long node_start = PFN_DOWN(memblock_start_of_DRAM());
	unsigned long node_end = max_pfn, zone_start = node_start;
	int i;

	alloc_node_mem_map(node_end);
	lru_init(pgdat);
	/* Below the first RAM page: no zone's span, but mem_map covers it. */
	memmap_init_range(0, node_start, ZONE_DMA);

	pr_info("Zone ranges:\n");
	for (i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long zone_end = clamp(max_zone_pfn[i], zone_start, node_end);

		print_zone_range(i, zone_start, zone_end);
		zone_init(i, zone_start, zone_end - zone_start,
			  present_pages_in_range(zone_start, zone_end));
		memmap_init_range(zone_start, zone_end, i);
		zone_start = zone_end;
	}
	pr_info("Early memory node ranges\n");
	for_each_mem_region(r)
		pr_info("  node   0: [mem 0x%016llx-0x%016llx]\n", r->base,
			r->base + r->size - 1);
	pr_info("Initmem setup node 0 [mem 0x%016llx-0x%016llx]\n",
		PFN_PHYS(node_start), PFN_PHYS(node_end) - 1);
	pgdat->node_start_pfn = node_start;
	pgdat->node_spanned_pages = node_end - node_start;
}

void __init memblock_free_all(void)
{
	phys_addr_t start, end;
	u64 i;

	for_each_free_mem_range(i, &start, &end) {
		unsigned long spfn = PFN_UP(start);
		unsigned long epfn = min_t(unsigned long, PFN_DOWN(end), max_mapnr);

		if (spfn < epfn)
			__free_pages_memory(spfn, epfn);
	}
	memblock_mark_done();
}

static void __init mem_init_print_info(void)
{
	unsigned long physpages = NODE_DATA(0)->node_present_pages;
	unsigned long codesize = _etext - _text;
	unsigned long rodatasize = __end_rodata - __start_rodata;
	unsigned long datasize = _edata - _sdata;
	unsigned long bsssize = __bss_stop - __bss_start;

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, "
		"%luK rodata, %luK bss, %luK reserved)\n",
		totalram_pages() << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
		codesize >> 10, datasize >> 10, rodatasize >> 10, bsssize >> 10,
		(physpages - totalram_pages()) << (PAGE_SHIFT - 10));
}

static void __init mem_init(void)
{
	memblock_free_all();
	init_per_zone_wmark_min();
	mem_init_print_info();
}

void __init mm_core_init(void)
{
	mem_init();
	kmem_cache_init();
	vmalloc_init();
}

/*
 * The initramfs is reserved at boot; once it has been unpacked, its pages
 * go back to the allocator (init/initramfs.c calls this).  The
 * reservation was rounded out to whole pages, so the release is too.
 */
void free_initrd_mem(unsigned long start, unsigned long end)
{
	free_reserved_area((void *)PAGE_ALIGN_DOWN(start), (void *)PAGE_ALIGN(end),
			   POISON_FREE_INITMEM, "initrd");
	if (start == initrd_start)
		initrd_start = initrd_end = 0;
}

/*
 * Each line of @buf at KERN_DEBUG (a printk record holds one line).  Not
 * pr_debug: the caller already asked for "debug", and dynamic debug would
 * want the site switched on as well.
 */
static void __init pr_debug_lines(char *buf)
{
	char *line;

	while ((line = strsep(&buf, "\n")) && (*line || buf))
		printk(KERN_DEBUG "%s\n", line);
}

/*
 * With "debug" on the command line, show what /proc/meminfo,
 * /proc/buddyinfo and /proc/slabinfo will say once procfs exists.
 */
static int __init mm_show_boot_state(void)
{
	int (*const show[])(char *, size_t) = {
		meminfo_show, buddyinfo_show, slabinfo_show,
	};
	const size_t size = 16 * 1024;
	char *buf;
	unsigned int i;

	/* Only with "debug": otherwise these lines would only crowd dmesg. */
	if (console_loglevel < CONSOLE_LOGLEVEL_DEBUG)
		return 0;
	buf = kmalloc(size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(show); i++) {
		show[i](buf, size);
		pr_debug_lines(buf);
	}
	kfree(buf);
	return 0;
}
late_initcall(mm_show_boot_state);
