// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware's memory map (E820 form, whichever loader delivered it):
 * which physical ranges are RAM and which belong to firmware or devices.
 * It is sanitized here (sorted, empty entries dropped) and printed as
 * Linux prints it; the page allocator builds its free lists from it, and
 * /proc/iomem shows it as the top level of the iomem resource tree.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <asm/bootparam.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <linux/memblock.h>

struct e820_table *e820_table = &boot_params.e820;

static const char *e820_type_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM:		return "usable";
	case E820_TYPE_RESERVED:	return "reserved";
	case E820_TYPE_ACPI:		return "ACPI data";
	case E820_TYPE_NVS:		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:	return "unusable";
	default:			return "type unknown";
	}
}

static void __init e820__sort(struct e820_table *t)
{
	u32 i, j;

	/* Insertion sort: the table is tiny and nearly sorted already. */
	for (i = 1; i < t->nr_entries; i++) {
		struct e820_entry e = t->entries[i];

		for (j = i; j > 0 && t->entries[j - 1].addr > e.addr; j--)
			t->entries[j] = t->entries[j - 1];
		t->entries[j] = e;
	}
}

void __init e820__memory_setup(void)
{
	struct e820_table *t = e820_table;
	u32 i, n = 0;

	if (!t->nr_entries)
		panic("The boot loader gave no memory map");
	for (i = 0; i < t->nr_entries; i++)
		if (t->entries[i].size)
			t->entries[n++] = t->entries[i];
	t->nr_entries = n;
	e820__sort(t);

	pr_info("BIOS-provided physical RAM map:\n");
	for (i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		pr_info("BIOS-e820: [mem 0x%016llx-0x%016llx] %s\n", e->addr,
			e->addr + e->size - 1, e820_type_name(e->type));
	}
}

/* Total usable RAM, in bytes. */
u64 __init e820__total_ram(void)
{
	u64 total = 0;
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++)
		if (e820_table->entries[i].type == E820_TYPE_RAM)
			total += e820_table->entries[i].size;
	return total;
}

/* The highest RAM address + 1: how far the direct map must reach. */
u64 __init e820__end_of_ram(void)
{
	u64 end = 0;
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];

		if (e->type == E820_TYPE_RAM && e->addr + e->size > end)
			end = e->addr + e->size;
	}
	return end;
}

/*
 * memblock learns RAM from here.  Only whole pages count: a range that
 * starts or ends mid-page loses the partial page, which may be shared
 * with firmware.
 */
void __init e820__memblock_setup(void)
{
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];
		u64 start = PAGE_ALIGN(e->addr), end = PAGE_ALIGN_DOWN(e->addr + e->size);

		if (e->type == E820_TYPE_RAM && start < end)
			memblock_add(start, end - start);
	}
}

/* The names /proc/iomem gives each kind of range, as Linux's. */
static const char *e820_type_to_string(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM:		return "System RAM";
	case E820_TYPE_ACPI:		return "ACPI Tables";
	case E820_TYPE_NVS:		return "ACPI Non-volatile Storage";
	case E820_TYPE_UNUSABLE:	return "Unusable memory";
	default:			return "Reserved";
	}
}

/*
 * Every range of the map becomes a resource at the top of the iomem
 * tree; what is found inside later (the kernel image, devices) goes
 * below.  The structs come from memblock and live as long as the tree.
 */
void __init e820__reserve_resources(void)
{
	u32 i, n = e820_table->nr_entries;
	struct resource *res = memblock_alloc(sizeof(*res) * n, sizeof(long));

	if (!res) {
		pr_warn("e820: no memory for the resource tree; /proc/iomem stays empty\n");
		return;
	}
	for (i = 0; i < n; i++) {
		const struct e820_entry *e = &e820_table->entries[i];

		res[i].name = e820_type_to_string(e->type);
		res[i].start = e->addr;
		res[i].end = e->addr + e->size - 1;
		res[i].flags = e->type == E820_TYPE_RAM ? IORESOURCE_SYSTEM_RAM : IORESOURCE_MEM;
		if (insert_resource(&iomem_resource, &res[i]))
			pr_warn("e820: [mem %#010llx-%#010llx] overlaps another range\n",
				e->addr, e->addr + e->size - 1);
	}
}
