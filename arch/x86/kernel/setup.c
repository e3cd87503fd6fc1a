// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch: everything start_kernel needs from the x86 side before
 * generic code can run: the CPU's identity and tables (GDT, TSS, IDT),
 * the memory map, and the firmware tables (ACPI) that say where the
 * interrupt controllers are.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/acpi.h>
#include <asm/bootparam.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/special_insns.h>

/*
 * head_64.S mapped the first 4 GiB at virtual 0 to survive the switch to
 * paging; nothing uses that mapping now, and keeping it would hide NULL
 * pointer dereferences.
 */
static void __init zap_identity_mappings(void)
{
	extern u64 early_pml4[];
	u64 *pml4 = __va(early_pml4);	/* linked at its physical address */

	pml4[0] = 0;
	__flush_tlb_all();
}

void __init setup_arch(void)
{
	zap_identity_mappings();
	early_cpu_init();
	cpu_init();
	trap_init();

	pr_info("Command line: %s\n", boot_params.cmdline);
	pr_info("Boot loader: %s\n", boot_params.loader);
	e820__memory_setup();
	pr_info("Memory: %lluK RAM, kernel image %lluK at %#lx-%#lx\n",
		e820__total_ram() >> 10,
		(u64)(_end - _text) >> 10, __pa_symbol(_text), __pa_symbol(_end) - 1);
	if (boot_params.initrd_start)
		pr_info("RAMDISK: [mem %#010llx-%#010llx]\n", boot_params.initrd_start,
			boot_params.initrd_start + boot_params.initrd_size - 1);
	else
		pr_info("RAMDISK: none\n");

	acpi_boot_table_init();
}
