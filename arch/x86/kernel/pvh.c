// SPDX-License-Identifier: GPL-2.0
/*
 * The PVH boot protocol, as QEMU's -kernel speaks it for an ELF with a
 * XEN_ELFNOTE_PHYS32_ENTRY note: %ebx points at a struct hvm_start_info
 * holding the command line, the modules (our initramfs) and, from
 * version 1 on, the memory map in E820 form.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/bootparam.h>
#include <asm/page.h>

struct hvm_start_info {
	u32 magic;
	u32 version;
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	u64 memmap_paddr;	/* version >= 1 */
	u32 memmap_entries;
	u32 reserved;
};

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;
	u64 cmdline_paddr;
	u64 reserved;
};

struct hvm_memmap_table_entry {
	u64 addr;
	u64 size;
	u32 type;
	u32 reserved;
};

void pvh_parse_boot_info(unsigned long info_phys)
{
	const struct hvm_start_info *si = __va(info_phys);
	struct e820_table *e820 = &boot_params.e820;
	u32 i;

	boot_params.loader = "PVH";
	boot_params.boot_info_phys = info_phys;
	boot_params.boot_info_size = sizeof(*si);
	if (si->cmdline_paddr)
		strscpy(boot_params.cmdline, __va(si->cmdline_paddr),
			sizeof(boot_params.cmdline));
	if (si->nr_modules) {
		const struct hvm_modlist_entry *mod = __va(si->modlist_paddr);

		boot_params.initrd_start = mod->paddr;
		boot_params.initrd_size = mod->size;
	}
	boot_params.acpi_rsdp = si->rsdp_paddr;

	if (si->version >= 1 && si->memmap_paddr) {
		const struct hvm_memmap_table_entry *map = __va(si->memmap_paddr);

		for (i = 0; i < si->memmap_entries && i < E820_MAX_ENTRIES; i++) {
			e820->entries[i].addr = map[i].addr;
			e820->entries[i].size = map[i].size;
			e820->entries[i].type = map[i].type;
		}
		e820->nr_entries = i;
	}
}
