// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch: everything start_kernel needs from the x86 side before
 * generic code can run: the CPU's identity and tables (GDT, TSS, IDT),
 * the memory map (memblock, the kernel page tables, the zones), and the
 * firmware tables (ACPI) that say where the interrupt controllers are.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/ioport.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <asm/acpi.h>
#include <asm/bootparam.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>

/*
 * What memblock must not hand out: the kernel image (and the 32-bit boot
 * code below it at 1 MiB), the initramfs until it is unpacked, the boot
 * loader's information block, and the first megabyte, which belongs to
 * the firmware (BIOS data area, EBDA, option ROMs).
 */
static void __init early_reserve_memory(void)
{
	phys_addr_t head = (unsigned long)_head_start;

	memblock_reserve(head, __pa_symbol(_end) - head);
	memblock_reserve(0, SZ_1M);
	if (boot_params.initrd_size) {
		phys_addr_t start = PAGE_ALIGN_DOWN(boot_params.initrd_start);

		memblock_reserve(start, PAGE_ALIGN(boot_params.initrd_start +
						   boot_params.initrd_size) - start);
		initrd_start = (unsigned long)__va(boot_params.initrd_start);
		initrd_end = initrd_start + boot_params.initrd_size;
	}
	if (boot_params.boot_info_size)
		memblock_reserve(PAGE_ALIGN_DOWN(boot_params.boot_info_phys),
				 PAGE_ALIGN(boot_params.boot_info_size +
					    (boot_params.boot_info_phys & ~PAGE_MASK)));
}

/* The kernel image's sections, found inside System RAM in /proc/iomem. */
static struct resource code_resource = { .name = "Kernel code", .flags = IORESOURCE_SYSTEM_RAM };
static struct resource rodata_resource = { .name = "Kernel rodata", .flags = IORESOURCE_SYSTEM_RAM };
static struct resource data_resource = { .name = "Kernel data", .flags = IORESOURCE_SYSTEM_RAM };
static struct resource bss_resource = { .name = "Kernel bss", .flags = IORESOURCE_SYSTEM_RAM };

static void __init insert_kernel_resource(struct resource *res, void *start, void *end)
{
	res->start = __pa_symbol(start);
	res->end = __pa_symbol(end) - 1;
	if (insert_resource(&iomem_resource, res))
		pr_warn("%s: [mem %#010llx-%#010llx] does not fit the iomem tree\n",
			res->name, res->start, res->end);
}

/*
 * The legacy PC devices every x86 machine decodes at fixed ports, claimed
 * up front as Linux does, so /proc/ioports shows them and no driver can
 * take their ports by mistake.
 */
static struct resource standard_io_resources[] = {
	DEFINE_RES_IO_NAMED(0x00, 0x20, "dma1"),
	DEFINE_RES_IO_NAMED(0x20, 0x02, "pic1"),
	DEFINE_RES_IO_NAMED(0x40, 0x04, "timer0"),
	DEFINE_RES_IO_NAMED(0x50, 0x04, "timer1"),
	DEFINE_RES_IO_NAMED(0x60, 0x01, "keyboard"),
	DEFINE_RES_IO_NAMED(0x64, 0x01, "keyboard"),
	DEFINE_RES_IO_NAMED(0x80, 0x10, "dma page reg"),
	DEFINE_RES_IO_NAMED(0xa0, 0x02, "pic2"),
	DEFINE_RES_IO_NAMED(0xc0, 0x20, "dma2"),
	DEFINE_RES_IO_NAMED(0xf0, 0x10, "fpu"),
};

static void __init reserve_resources(void)
{
	unsigned int i;

	e820__reserve_resources();
	insert_kernel_resource(&code_resource, _text, _etext);
	insert_kernel_resource(&rodata_resource, __start_rodata, __end_rodata);
	insert_kernel_resource(&data_resource, _sdata, _edata);
	insert_kernel_resource(&bss_resource, __bss_start, __bss_stop);
	for (i = 0; i < ARRAY_SIZE(standard_io_resources); i++)
		request_resource(&ioport_resource, &standard_io_resources[i]);
}

void __init setup_arch(void)
{
	early_cpu_init();
	cpu_init(0, NULL);
	trap_init();

	pr_info("Command line: %s\n", boot_params.cmdline);
	pr_info("Boot loader: %s\n", boot_params.loader);
	e820__memory_setup();
	pr_info("Kernel image: %lluK at %#lx-%#lx, %lluK RAM in the e820 map\n",
		(u64)(_end - _text) >> 10, __pa_symbol(_text), __pa_symbol(_end) - 1,
		e820__total_ram() >> 10);
	if (boot_params.initrd_start)
		pr_info("RAMDISK: [mem %#010llx-%#010llx]\n", boot_params.initrd_start,
			boot_params.initrd_start + boot_params.initrd_size - 1);
	else
		pr_info("RAMDISK: none\n");

	/* Until init_mem_mapping(), head_64.S maps only the first 4 GiB. */
	memblock_set_current_limit(SZ_4G);
	e820__memblock_setup();
	early_reserve_memory();
	memblock_dump_all();
	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	max_low_pfn = min_t(unsigned long, max_pfn, PFN_DOWN(SZ_4G));
	init_mem_mapping();

	/* The tables are read through the new direct map. */
	acpi_boot_table_init();
	/* Before anything but cpu_init() has written per-CPU data: the copies start clean. */
	setup_per_cpu_areas();
	paging_init();
	reserve_resources();
}
