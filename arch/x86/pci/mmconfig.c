// SPDX-License-Identifier: GPL-2.0
/*
 * PCI Express enhanced configuration access (ECAM): every function's 4 KiB
 * of configuration space is memory at base + (bus << 20 | devfn << 12).
 * The ACPI MCFG table gives the base and the bus range of each segment.
 * A bus's megabyte is ioremapped the first time it is touched, so a
 * 256-bus window costs page tables only for the buses that exist.
 *
 * raw_pci_read/raw_pci_write pick ECAM for the buses it covers and fall
 * back to port I/O (direct.c) for the rest, or for everything when there
 * is no MCFG (QEMU's i440fx machine, say).
 */
#include <linux/kernel.h>
#include <linux/acpi.h>
#include <linux/init.h>
#include <linux/pci.h>
#include <linux/string.h>
#include <asm/io.h>
#include "pci.h"

struct acpi_mcfg_allocation {
	u64 address;
	u16 pci_segment;
	u8 start_bus_number;
	u8 end_bus_number;
	u32 reserved;
} __packed;

struct pci_mmcfg_region {
	u64 address;
	u16 segment;
	u8 start_bus, end_bus;
	void __iomem *bus_virt[256];
};

static struct pci_mmcfg_region pci_mmcfg;	/* segment 0 only: all PC firmware has */
static bool pci_mmcfg_ok, pci_conf1_ok;

static void __iomem *pci_mmcfg_addr(unsigned int bus, unsigned int devfn, int reg)
{
	void __iomem *base;

	if (!pci_mmcfg_ok || bus < pci_mmcfg.start_bus || bus > pci_mmcfg.end_bus)
		return NULL;
	base = READ_ONCE(pci_mmcfg.bus_virt[bus]);
	if (!base) {
		base = ioremap(pci_mmcfg.address + ((u64)bus << 20), 1 << 20);
		if (!base)
			return NULL;
		/* Two first touches at once: one mapping wins, the other leaks a little VA. */
		if (__sync_val_compare_and_swap(&pci_mmcfg.bus_virt[bus], NULL, base))
			base = pci_mmcfg.bus_virt[bus];
	}
	return (u8 __iomem *)base + (devfn << 12) + reg;
}

int raw_pci_read(unsigned int seg, unsigned int bus, unsigned int devfn, int reg,
		 int len, u32 *val)
{
	void __iomem *addr;

	if (seg || bus > 255 || devfn > 255 || reg < 0 || reg + len > 4096 ||
	    (len != 1 && len != 2 && len != 4) || (reg & (len - 1))) {
		*val = ~0u;
		return -EINVAL;
	}
	addr = pci_mmcfg_addr(bus, devfn, reg);
	if (addr) {
		switch (len) {
		case 1: *val = *(volatile u8 *)addr; break;
		case 2: *val = *(volatile u16 *)addr; break;
		default: *val = readl(addr); break;
		}
		return 0;
	}
	if (pci_conf1_ok && reg < 256)
		return pci_conf1_read(bus, devfn, reg, len, val);
	*val = ~0u;
	return -ENODEV;
}

int raw_pci_write(unsigned int seg, unsigned int bus, unsigned int devfn, int reg,
		  int len, u32 val)
{
	void __iomem *addr;

	if (seg || bus > 255 || devfn > 255 || reg < 0 || reg + len > 4096 ||
	    (len != 1 && len != 2 && len != 4) || (reg & (len - 1)))
		return -EINVAL;
	addr = pci_mmcfg_addr(bus, devfn, reg);
	if (addr) {
		switch (len) {
		case 1: *(volatile u8 *)addr = val; break;
		case 2: *(volatile u16 *)addr = val; break;
		default: writel(val, addr); break;
		}
		return 0;
	}
	if (pci_conf1_ok && reg < 256)
		return pci_conf1_write(bus, devfn, reg, len, val);
	return -ENODEV;
}

int raw_pci_cfg_size(void)
{
	return pci_mmcfg_ok ? PCI_CFG_SPACE_EXP_SIZE : PCI_CFG_SPACE_SIZE;
}

static void __init pci_parse_mcfg(void)
{
	const struct acpi_table_header *h = acpi_get_table("MCFG");
	const struct acpi_mcfg_allocation *a;
	unsigned int n, i;

	if (!h)
		return;
	/* The header, 8 reserved bytes, then the allocations. */
	if (h->length < sizeof(*h) + 8 + sizeof(*a)) {
		pr_warn("PCI: MCFG table too short; ignored\n");
		return;
	}
	a = (const void *)((const u8 *)h + sizeof(*h) + 8);
	n = (h->length - sizeof(*h) - 8) / sizeof(*a);
	for (i = 0; i < n; i++, a++) {
		if (a->pci_segment != 0)
			continue;
		if (!a->address || (a->address & 0xfffff) || a->end_bus_number < a->start_bus_number) {
			pr_warn("PCI: MCFG entry %u is not sane (base %#llx, buses %u-%u); ignored\n",
				i, a->address, a->start_bus_number, a->end_bus_number);
			continue;
		}
		pci_mmcfg.address = a->address;
		pci_mmcfg.segment = 0;
		pci_mmcfg.start_bus = a->start_bus_number;
		pci_mmcfg.end_bus = a->end_bus_number;
		pci_mmcfg_ok = true;
		pr_info("PCI: ECAM [mem %#010llx-%#010llx] (base %#llx) for domain 0000 [bus %02x-%02x]\n",
			a->address + ((u64)a->start_bus_number << 20),
			a->address + (((u64)a->end_bus_number + 1) << 20) - 1,
			a->address, a->start_bus_number, a->end_bus_number);
		return;
	}
}

/* pci=conf1 on the command line: ignore MCFG, use port I/O only. */
static bool pci_force_conf1;

static int __init pci_setup(char *arg)
{
	if (arg && !strcmp(arg, "conf1"))
		pci_force_conf1 = true;
	return 0;
}
early_param("pci", pci_setup);

void __init pci_arch_init(void)
{
	pci_conf1_ok = pci_conf1_probe();
	if (pci_conf1_ok)
		pr_info("PCI: Using configuration type 1 for base access\n");
	if (!pci_force_conf1)
		pci_parse_mcfg();
	if (!pci_mmcfg_ok && !pci_conf1_ok)
		pr_warn("PCI: no configuration access method; no PCI devices\n");
}
