// SPDX-License-Identifier: GPL-2.0
/*
 * memblock: physical memory management before the page allocator exists.
 *
 * setup_arch() adds the firmware's RAM ranges (e820__memblock_setup) and
 * reserves what is already in use: the kernel image, the initramfs, the
 * first megabyte.  Early code -- the kernel page tables, mem_map, the
 * zone tables -- then allocates with memblock_alloc(), which simply
 * reserves more.  Once struct pages exist, memblock_free_all() (in
 * mm_init.c) gives every range that is memory and not reserved to the
 * buddy allocator, and memblock's job is done; its tables are kept
 * because they remain the record of what was reserved at boot.
 *
 * Both lists are sorted arrays of at most INIT_MEMBLOCK_REGIONS ranges,
 * merged when they touch.  They are small, so every operation is a plain
 * linear walk.  There is no lock: only the boot CPU runs this, before
 * interrupts are enabled.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/bug.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <asm/page.h>

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS] __initdata;
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS] __initdata;

struct memblock memblock __initdata = {
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory = {
		.regions = memory_regions,
		.max = INIT_MEMBLOCK_REGIONS,
		.name = "memory",
	},
	.reserved = {
		.regions = reserved_regions,
		.max = INIT_MEMBLOCK_REGIONS,
		.name = "reserved",
	},
};

unsigned long max_pfn;
unsigned long max_low_pfn;

/* The allocators took over: a memblock allocation now is a bug. */
static bool memblock_done;

static inline phys_addr_t rgn_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* A size that would wrap past the top of the address space is cut short. */
static inline phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t *size)
{
	return *size = min(*size, (phys_addr_t)U64_MAX - base);
}

static void memblock_remove_region(struct memblock_type *type, unsigned long i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

static void memblock_insert_region(struct memblock_type *type, unsigned long i,
				   phys_addr_t base, phys_addr_t size)
{
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i].base = base;
	type->regions[i].size = size;
	type->cnt++;
}

static void memblock_recount(struct memblock_type *type)
{
	unsigned long i;

	type->total_size = 0;
	for (i = 0; i < type->cnt; i++)
		type->total_size += type->regions[i].size;
}

/* Merge neighbours that overlap or touch, so each address is in one region. */
static void memblock_merge_regions(struct memblock_type *type)
{
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = &type->regions[i + 1];

		if (rgn_end(this) < next->base) {
			i++;
			continue;
		}
		this->size = max(rgn_end(this), rgn_end(next)) - this->base;
		memblock_remove_region(type, i + 1);
	}
}

static int __init memblock_add_range(struct memblock_type *type,
				     phys_addr_t base, phys_addr_t size)
{
	unsigned long i;

	if (!memblock_cap_size(base, &size))
		return 0;
	if (type->cnt == type->max) {
		pr_err("memblock: %s table full, [0x%llx-0x%llx] dropped\n",
		       type->name, base, base + size - 1);
		return -ENOSPC;
	}
	for (i = 0; i < type->cnt && type->regions[i].base < base; i++)
		;
	memblock_insert_region(type, i, base, size);
	memblock_merge_regions(type);
	memblock_recount(type);
	return 0;
}

static int __init memblock_remove_range(struct memblock_type *type,
					phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + memblock_cap_size(base, &size);
	unsigned long i;

	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rend = rgn_end(r);

		if (rend <= base || r->base >= end)
			continue;
		if (r->base < base && rend > end) {
			/* A hole in the middle: the region becomes two. */
			if (type->cnt == type->max)
				return -ENOSPC;
			r->size = base - r->base;
			memblock_insert_region(type, i + 1, end, rend - end);
			i++;
		} else if (r->base < base) {
			r->size = base - r->base;
		} else if (rend > end) {
			r->size = rend - end;
			r->base = end;
		} else {
			memblock_remove_region(type, i--);
		}
	}
	memblock_recount(type);
	return 0;
}

int __init memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

int __init memblock_remove(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.memory, base, size);
}

int __init memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

int __init memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.reserved, base, size);
}

void __init memblock_free(void *ptr, size_t size)
{
	if (ptr)
		memblock_phys_free(__pa(ptr), size);
}

/*
 * The free ranges are the gaps between reserved regions, clipped to each
 * memory region.  *idx holds where to resume: the memory region in the
 * low half, the gap (the reserved region that ends it) in the high half.
 */
bool __init __next_free_mem_range(u64 *idx, phys_addr_t *out_start,
				  phys_addr_t *out_end)
{
	struct memblock_type *mem = &memblock.memory, *rsv = &memblock.reserved;
	unsigned long mi = (u32)*idx, ri = (u32)(*idx >> 32);

	for (; mi < mem->cnt; mi++, ri = 0) {
		const struct memblock_region *m = &mem->regions[mi];

		for (; ri <= rsv->cnt; ri++) {
			phys_addr_t gap_start = ri ? rgn_end(&rsv->regions[ri - 1]) : 0;
			phys_addr_t gap_end = ri < rsv->cnt ? rsv->regions[ri].base :
							      MEMBLOCK_ALLOC_ANYWHERE;
			phys_addr_t start = max(gap_start, m->base);
			phys_addr_t end = min(gap_end, rgn_end(m));

			if (gap_start >= rgn_end(m))
				break;
			if (start >= end)
				continue;
			*out_start = start;
			*out_end = end;
			*idx = (u64)mi | ((u64)(ri + 1) << 32);
			return true;
		}
	}
	return false;
}

/* The highest free, @align-aligned range of @size in [start, end), reserved. */
phys_addr_t __init memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
					     phys_addr_t start, phys_addr_t end)
{
	phys_addr_t fstart, fend, found = 0;
	u64 i;

	if (WARN_ON(memblock_done))
		return 0;
	if (!align)
		align = PAGE_SIZE;
	size = ALIGN(size, PAGE_SIZE);
	end = min(end, memblock.current_limit);
	for_each_free_mem_range(i, &fstart, &fend) {
		phys_addr_t lo = max(fstart, start), hi = min(fend, end), cand;

		if (hi <= lo || hi - lo < size)
			continue;
		cand = ALIGN_DOWN(hi - size, align);
		/* Address 0 doubles as "failed"; the first MiB is reserved anyway. */
		if (cand >= lo && cand)
			found = cand;
	}
	if (!found || memblock_reserve(found, size))
		return 0;
	return found;
}

phys_addr_t __init memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0, MEMBLOCK_ALLOC_ANYWHERE);
}

void * __init memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t phys = memblock_phys_alloc(size, align);
	void *ptr;

	if (!phys)
		return NULL;
	ptr = __va(phys);
	memset(ptr, 0, size);
	return ptr;
}

void __init memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

phys_addr_t __init memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

phys_addr_t __init memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? rgn_end(&memblock.memory.regions[n - 1]) : 0;
}

phys_addr_t __init memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t __init memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

static bool memblock_search(const struct memblock_type *type, phys_addr_t addr)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		if (addr >= type->regions[i].base && addr < rgn_end(&type->regions[i]))
			return true;
	return false;
}

bool __init memblock_is_reserved(phys_addr_t addr)
{
	return memblock_search(&memblock.reserved, addr);
}

bool __init memblock_is_memory(phys_addr_t addr)
{
	return memblock_search(&memblock.memory, addr);
}

static void __init memblock_dump(const struct memblock_type *type)
{
	unsigned long i;

	pr_debug(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++)
		pr_debug(" %s[0x%lx]\t[0x%016llx-0x%016llx], %#llx bytes\n", type->name,
			 i, type->regions[i].base, rgn_end(&type->regions[i]) - 1,
			 type->regions[i].size);
}

void __init memblock_dump_all(void)
{
	pr_debug("MEMBLOCK configuration:\n");
	pr_debug(" memory size = %#llx reserved size = %#llx\n",
		 memblock.memory.total_size, memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

/* Called by memblock_free_all() once the buddy allocator owns memory. */
void __init memblock_mark_done(void)
{
	memblock_done = true;
}
