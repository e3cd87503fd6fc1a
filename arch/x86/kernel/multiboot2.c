// SPDX-License-Identifier: GPL-2.0
/*
 * The Multiboot2 boot information GRUB leaves behind: a list of 8-byte
 * aligned tags (the command line, modules, the memory map, ACPI's RSDP).
 * Layout from the Multiboot2 specification, section 3.6.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/bootparam.h>
#include <asm/page.h>

enum {
	MB2_TAG_END		= 0,
	MB2_TAG_CMDLINE		= 1,
	MB2_TAG_LOADER_NAME	= 2,
	MB2_TAG_MODULE		= 3,
	MB2_TAG_MMAP		= 6,
	MB2_TAG_ACPI_OLD	= 14,
	MB2_TAG_ACPI_NEW	= 15,
};

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_tag_module {
	u32 type;
	u32 size;
	u32 mod_start;
	u32 mod_end;
	char cmdline[];
};

struct mb2_tag_mmap {
	u32 type;
	u32 size;
	u32 entry_size;
	u32 entry_version;
	u8 entries[];
};

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 zero;
};

static char loader_name[64];
static u8 rsdp_copy[36] __aligned(16);

static void mb2_parse_mmap(const struct mb2_tag_mmap *tag)
{
	struct e820_table *e820 = &boot_params.e820;
	u32 off, n = 0;

	for (off = sizeof(*tag); off + tag->entry_size <= tag->size &&
	     n < E820_MAX_ENTRIES; off += tag->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)((const u8 *)tag + off);

		e820->entries[n].addr = e->addr;
		e820->entries[n].size = e->len;
		e820->entries[n].type = e->type;
		n++;
	}
	e820->nr_entries = n;
}

void multiboot2_parse_boot_info(unsigned long info_phys)
{
	const u8 *info = __va(info_phys);
	u32 total = *(const u32 *)info;
	u32 off = 8;

	boot_params.loader = "Multiboot2";
	boot_params.boot_info_phys = info_phys;
	boot_params.boot_info_size = total;
	while (off + sizeof(struct mb2_tag) <= total) {
		const struct mb2_tag *tag = (const void *)(info + off);

		if (tag->type == MB2_TAG_END || tag->size < sizeof(*tag))
			break;
		switch (tag->type) {
		case MB2_TAG_CMDLINE:
			strscpy(boot_params.cmdline, (const char *)(tag + 1),
				sizeof(boot_params.cmdline));
			break;
		case MB2_TAG_LOADER_NAME:
			snprintf(loader_name, sizeof(loader_name), "Multiboot2 (%s)",
				 (const char *)(tag + 1));
			boot_params.loader = loader_name;
			break;
		case MB2_TAG_MODULE:
			if (!boot_params.initrd_start) {
				const struct mb2_tag_module *m = (const void *)tag;

				boot_params.initrd_start = m->mod_start;
				boot_params.initrd_size = m->mod_end - m->mod_start;
			}
			break;
		case MB2_TAG_MMAP:
			mb2_parse_mmap((const void *)tag);
			break;
		case MB2_TAG_ACPI_OLD:
		case MB2_TAG_ACPI_NEW:
			/*
			 * The tag holds a copy of the RSDP, not its address,
			 * in memory the page allocator will reuse: keep our own.
			 */
			memcpy(rsdp_copy, tag + 1, min_t(u32, tag->size - 8,
							 sizeof(rsdp_copy)));
			boot_params.acpi_rsdp = __pa_symbol(rsdp_copy);
			break;
		}
		off += (tag->size + 7) & ~7u;
	}
}
