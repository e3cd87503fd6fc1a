// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's page tables, built once at boot to replace head_64.S's
 * early ones.  The early tables map the first 4 GiB three times with
 * everything writable and executable; these map what exists, with the
 * permissions each part needs:
 *
 *   init_top_pgt (the PGD, init_mm.pgd)
 *     0..255    user half: empty (each process fills its own)
 *     256..511  kernel half: one PUD page each, allocated here and never
 *               freed, so a process's PGD shares all kernel mappings by
 *               copying these 256 entries once (pgd_alloc), and later
 *               kernel mappings (vmalloc, ioremap) appear in every
 *               address space without being propagated
 *       273     direct map at PAGE_OFFSET: all RAM, read-write, no-exec
 *       402     vmalloc and ioremap space: filled on demand (vmalloc.c)
 *       511     the kernel image at __START_KERNEL_map
 *
 * The direct map uses the largest pages alignment allows (1 GiB with
 * X86_FEATURE_GBPAGES, else 2 MiB, else 4 KiB), because it is touched
 * everywhere and TLB entries are scarce.  It covers:
 *   - RAM, ACPI and NVS ranges of the e820 map: cacheable;
 *   - every other e820 range below 4 GiB, and the legacy first MiB:
 *     uncached.  ACPI tables are read through __va() during boot and
 *     firmware often puts them in "reserved" ranges (SeaBIOS does), so
 *     those must be mapped; mapping them uncached is correct for the
 *     device ranges among them and merely slow for the tables;
 *   - the kernel's own text and rodata through this alias: read-only,
 *     so a stray write through __va() cannot patch kernel code.
 * Addresses outside all of these are not mapped: a wild __va() faults.
 *
 * The kernel image mapping follows the linker script's page-aligned
 * sections: .text read+exec, .rodata read-only, .data and .bss
 * read-write, the kallsyms table read-only; nothing is both writable and
 * executable.  NX is used only if the CPU has it (__supported_pte_mask).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/tlbflush.h>

pgd_t init_top_pgt[PTRS_PER_PGD] __aligned(PAGE_SIZE);
unsigned long __supported_pte_mask = ~0UL;

/* Pages of each size in the direct map, for /proc/meminfo's DirectMap lines. */
static unsigned long direct_pages_count[PG_LEVEL_NUM];

static void * __init alloc_low_page(void)
{
	void *p = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

	if (!p)
		panic("init_mem_mapping: out of memory for page tables");
	return p;
}

static pmd_t * __init fill_pmd(pud_t *pud, unsigned long vaddr)
{
	if (pud_none(*pud))
		set_pud(pud, __pud(__pa(alloc_low_page()) | _KERNPG_TABLE));
	return pmd_offset(pud, vaddr);
}

static pte_t * __init fill_pte(pmd_t *pmd, unsigned long vaddr)
{
	if (pmd_none(*pmd))
		set_pmd(pmd, __pmd(__pa(alloc_low_page()) | _KERNPG_TABLE));
	return pte_offset_kernel(pmd, vaddr);
}

/*
 * Map [vaddr, vaddr + size) to @phys with @prot, with pages up to
 * @max_level.  The ranges passed in never overlap, so a large page is
 * only ever placed over an empty entry and nothing needs splitting.
 */
static void __init kernel_map_range(unsigned long vaddr, phys_addr_t phys,
				    unsigned long size, pgprot_t prot,
				    enum pg_level max_level, bool count)
{
	unsigned long end = vaddr + size;
	unsigned long pv = pgprot_val(prot) & __supported_pte_mask;

	while (vaddr < end) {
		pud_t *pud = pud_offset(p4d_offset(pgd_offset_k(vaddr), vaddr), vaddr);
		unsigned long left = end - vaddr, step;
		enum pg_level level = PG_LEVEL_4K;
		pmd_t *pmd;

		if (max_level >= PG_LEVEL_1G && pud_none(*pud) && left >= PUD_SIZE &&
		    IS_ALIGNED(vaddr | phys, PUD_SIZE)) {
			set_pud(pud, __pud(phys | pv | _PAGE_PSE));
			level = PG_LEVEL_1G;
			goto next;
		}
		pmd = fill_pmd(pud, vaddr);
		if (max_level >= PG_LEVEL_2M && pmd_none(*pmd) && left >= PMD_SIZE &&
		    IS_ALIGNED(vaddr | phys, PMD_SIZE)) {
			set_pmd(pmd, __pmd(phys | pv | _PAGE_PSE));
			level = PG_LEVEL_2M;
			goto next;
		}
		set_pte(fill_pte(pmd, vaddr), __pte(phys | pv));
next:
		if (count)
			direct_pages_count[level]++;
		step = level == PG_LEVEL_1G ? PUD_SIZE :
		       level == PG_LEVEL_2M ? PMD_SIZE : PAGE_SIZE;
		vaddr += step;
		phys += step;
	}
}

/* How a piece of the physical address space appears in the direct map. */
enum dmap_type {
	DMAP_NONE,		/* not mapped */
	DMAP_UC,		/* firmware or device: uncached */
	DMAP_WB,		/* RAM, ACPI: cacheable */
	DMAP_RO,		/* kernel text and rodata: cacheable, read-only */
};

struct dmap_range {
	u64 start, end;
	enum dmap_type type;
};

#define DMAP_MAX_RANGES	(E820_MAX_ENTRIES + 4)
static struct dmap_range dmap_rules[DMAP_MAX_RANGES] __initdata;
static int nr_dmap_rules __initdata;
static u64 dmap_bounds[2 * DMAP_MAX_RANGES] __initdata;

static void __init dmap_add_rule(u64 start, u64 end, enum dmap_type type)
{
	/* A page that is partly RAM is RAM: round outwards. */
	start = ALIGN_DOWN(start, PAGE_SIZE);
	end = ALIGN(end, PAGE_SIZE);
	if (start >= end || nr_dmap_rules == DMAP_MAX_RANGES)
		return;
	dmap_rules[nr_dmap_rules++] = (struct dmap_range){ start, end, type };
}

/* A range's type is the strongest rule covering it: RO > WB > UC > none. */
static enum dmap_type __init dmap_type_of(u64 start, u64 end)
{
	enum dmap_type type = DMAP_NONE;
	int i;

	for (i = 0; i < nr_dmap_rules; i++)
		if (dmap_rules[i].start <= start && end <= dmap_rules[i].end)
			type = max(type, dmap_rules[i].type);
	return type;
}

static void __init dmap_collect_rules(void)
{
	u32 i;

	dmap_add_rule(0, SZ_1M, DMAP_UC);
	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];

		switch (e->type) {
		case E820_TYPE_RAM:
		case E820_TYPE_ACPI:
		case E820_TYPE_NVS:
			dmap_add_rule(e->addr, e->addr + e->size, DMAP_WB);
			break;
		default:
			if (e->addr < SZ_4G)
				dmap_add_rule(e->addr, min(e->addr + e->size, (u64)SZ_4G),
					      DMAP_UC);
			break;
		}
	}
	dmap_add_rule(__pa_symbol(_text), __pa_symbol(__end_rodata), DMAP_RO);
}

static const char *const dmap_type_name[] = {
	[DMAP_UC] = " uncached", [DMAP_WB] = "", [DMAP_RO] = " read-only",
};

static const pgprot_t dmap_prot[] = {
	[DMAP_UC] = PAGE_KERNEL_NOCACHE,
	[DMAP_WB] = PAGE_KERNEL,
	[DMAP_RO] = PAGE_KERNEL_RO,
};

static void __init dmap_map(u64 start, u64 end, enum dmap_type type)
{
	pr_info("init_memory_mapping: [mem 0x%08llx-0x%08llx]%s\n", start, end - 1,
		dmap_type_name[type]);
	kernel_map_range((unsigned long)__va(start), start, end - start,
			 dmap_prot[type],
			 boot_cpu_has(X86_FEATURE_GBPAGES) ? PG_LEVEL_1G : PG_LEVEL_2M,
			 true);
}

/*
 * Cut the physical address space at every rule's edge; each piece between
 * two cuts has one type.  Map runs of pieces of the same type together,
 * so large pages are not broken up needlessly.
 */
static void __init init_direct_mapping(void)
{
	int i, j, n = 0;
	u64 run_start = 0;
	enum dmap_type run_type = DMAP_NONE;

	dmap_collect_rules();
	for (i = 0; i < nr_dmap_rules; i++) {
		dmap_bounds[n++] = dmap_rules[i].start;
		dmap_bounds[n++] = dmap_rules[i].end;
	}
	for (i = 1; i < n; i++) {		/* insertion sort: n is small */
		u64 v = dmap_bounds[i];

		for (j = i; j > 0 && dmap_bounds[j - 1] > v; j--)
			dmap_bounds[j] = dmap_bounds[j - 1];
		dmap_bounds[j] = v;
	}
	for (i = 0; i + 1 < n; i++) {
		enum dmap_type t;

		if (dmap_bounds[i] == dmap_bounds[i + 1])
			continue;
		t = dmap_type_of(dmap_bounds[i], dmap_bounds[i + 1]);
		if (t == run_type)
			continue;
		if (run_type != DMAP_NONE)
			dmap_map(run_start, dmap_bounds[i], run_type);
		run_start = dmap_bounds[i];
		run_type = t;
	}
	if (run_type != DMAP_NONE)
		dmap_map(run_start, dmap_bounds[n - 1], run_type);
}

static void __init map_kernel_section(char *start, char *end, pgprot_t prot)
{
	kernel_map_range((unsigned long)start, __pa_symbol(start), end - start,
			 prot, PG_LEVEL_2M, false);
}

static void __init init_kernel_image_mapping(void)
{
	map_kernel_section(_text, __start_rodata, PAGE_KERNEL_ROX);
	map_kernel_section(__start_rodata, _sdata, PAGE_KERNEL_RO);
	map_kernel_section(_sdata, __bss_stop, PAGE_KERNEL);
	map_kernel_section(__bss_stop, _end, PAGE_KERNEL_RO);	/* kallsyms */
}

/* Every kernel-half PGD entry gets its PUD page now, once and for all. */
static void __init preallocate_kernel_pgds(void)
{
	pud_t *puds = memblock_alloc(PAGE_SIZE * (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY),
				     PAGE_SIZE);
	int i;

	if (!puds)
		panic("init_mem_mapping: no memory for the kernel PGD entries");
	for (i = KERNEL_PGD_BOUNDARY; i < PTRS_PER_PGD; i++) {
		pud_t *pud = puds + (i - KERNEL_PGD_BOUNDARY) * PTRS_PER_PUD;

		set_pgd(&init_top_pgt[i], __pgd(__pa(pud) | _KERNPG_TABLE));
	}
}

void __init init_mem_mapping(void)
{
	if (!boot_cpu_has(X86_FEATURE_NX))
		__supported_pte_mask &= ~_PAGE_NX;
	if (!boot_cpu_has(X86_FEATURE_PGE))
		__supported_pte_mask &= ~_PAGE_GLOBAL;

	preallocate_kernel_pgds();
	init_direct_mapping();
	init_kernel_image_mapping();

	/*
	 * The running code, its stack and its data are mapped the same in
	 * both tables, so nothing notices the switch.  The early tables had
	 * no global entries; the flush is for the record.
	 */
	write_cr3(__pa_symbol(init_top_pgt));
	__flush_tlb_all();
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
	pr_info("x86/mm: kernel page tables at %#lx, NX %s, 1G pages %s\n",
		__pa_symbol(init_top_pgt),
		(__supported_pte_mask & _PAGE_NX) ? "on" : "unavailable",
		boot_cpu_has(X86_FEATURE_GBPAGES) ? "on" : "unavailable");
}

/* Zones, from the RAM memblock knows, once everything is mapped. */
void __init paging_init(void)
{
	unsigned long max_zone_pfns[MAX_NR_ZONES] = {
		[ZONE_DMA]	= PFN_DOWN(SZ_16M),
		[ZONE_DMA32]	= PFN_DOWN(SZ_4G),
		[ZONE_NORMAL]	= max_pfn,
	};

	free_area_init(max_zone_pfns);
}

int arch_report_meminfo(char *buf, size_t size)
{
	return scnprintf(buf, size,
			 "DirectMap4k:    %8lu kB\n"
			 "DirectMap2M:    %8lu kB\n"
			 "DirectMap1G:    %8lu kB\n",
			 direct_pages_count[PG_LEVEL_4K] << 2,
			 direct_pages_count[PG_LEVEL_2M] << 11,
			 direct_pages_count[PG_LEVEL_1G] << 20);
}
