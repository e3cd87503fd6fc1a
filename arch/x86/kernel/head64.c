// SPDX-License-Identifier: GPL-2.0
/*
 * The first C code.  head_64.S arrives here on the boot CPU in long mode,
 * on init_stack, with the early page tables; this decodes whatever the
 * boot loader handed over into boot_params and enters start_kernel().
 */
#include <linux/kernel.h>
#include <linux/start_kernel.h>
#include <asm/bootparam.h>

struct boot_params boot_params;

void __noreturn x86_64_start_kernel(u32 magic, u32 info_phys);

void __noreturn x86_64_start_kernel(u32 magic, u32 info_phys)
{
	if (magic == MULTIBOOT2_BOOTLOADER_MAGIC)
		multiboot2_parse_boot_info(info_phys);
	else if (magic == XEN_HVM_START_MAGIC_VALUE)
		pvh_parse_boot_info(info_phys);
	else
		boot_params.loader = "unknown loader";

	start_kernel();
}
