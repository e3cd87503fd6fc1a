/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the boot loader told us, in one place.  Two protocols reach
 * start_kernel: Multiboot2 (GRUB, `make iso`) and PVH (`qemu -kernel`).
 * Each has its own decoder (multiboot2.c, pvh.c) that fills boot_params;
 * nothing after that knows which loader ran.
 */
#ifndef _ASM_X86_BOOTPARAM_H
#define _ASM_X86_BOOTPARAM_H

#define MULTIBOOT2_HEADER_MAGIC		0xe85250d6
#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289
#define XEN_HVM_START_MAGIC_VALUE	0x336ec578
#define XEN_ELFNOTE_PHYS32_ENTRY	18

#define COMMAND_LINE_SIZE	2048
#define E820_MAX_ENTRIES	128

#ifndef __ASSEMBLY__
#include <linux/types.h>

enum e820_type {
	E820_TYPE_RAM		= 1,
	E820_TYPE_RESERVED	= 2,
	E820_TYPE_ACPI		= 3,
	E820_TYPE_NVS		= 4,
	E820_TYPE_UNUSABLE	= 5,
};

struct e820_entry {
	u64 addr;
	u64 size;
	u32 type;
} __packed;

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

struct boot_params {
	const char *loader;		/* "PVH", "Multiboot2 (GRUB 2.06)" */
	char cmdline[COMMAND_LINE_SIZE];
	struct e820_table e820;
	u64 initrd_start;		/* physical; 0 when there is none */
	u64 initrd_size;
	u64 acpi_rsdp;			/* physical; 0 when the loader did not say */
	u64 boot_info_phys;		/* the loader's own structure, kept reserved */
	u64 boot_info_size;
};

extern struct boot_params boot_params;

void pvh_parse_boot_info(unsigned long info_phys);
void multiboot2_parse_boot_info(unsigned long info_phys);
#endif

#endif
