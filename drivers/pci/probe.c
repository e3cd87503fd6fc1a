// SPDX-License-Identifier: GPL-2.0
/*
 * Finding the devices: every bus, slot and function is asked for its
 * vendor ID (0xffff: nothing there).  Function 0's header type says
 * whether functions 1-7 exist; a PCI-to-PCI bridge (header type 1) leads
 * to its secondary bus, which is scanned in turn.  The firmware has
 * already placed the BARs; each is sized by writing all ones and reading
 * back which address bits stick, with decoding off meanwhile so the
 * device never answers at the probe address.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include "pci.h"

static void __init pci_read_bases(struct pci_dev *dev, int nr)
{
	u16 cmd;
	int i;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	pci_write_config_word(dev, PCI_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (i = 0; i < nr; i++) {
		int reg = PCI_BASE_ADDRESS_0 + 4 * i;
		struct pci_resource *res = &dev->resource[i];
		u32 lo, szlo, hi = 0, szhi = ~0u;
		u64 base, size;

		pci_read_config_dword(dev, reg, &lo);
		pci_write_config_dword(dev, reg, ~0u);
		pci_read_config_dword(dev, reg, &szlo);
		pci_write_config_dword(dev, reg, lo);
		if (!szlo || szlo == ~0u)
			continue;	/* unimplemented BAR */
		if (lo & PCI_BASE_ADDRESS_SPACE_IO) {
			base = lo & PCI_BASE_ADDRESS_IO_MASK;
			size = (u32)~(szlo & PCI_BASE_ADDRESS_IO_MASK & 0xffff) + 1;
			size &= 0xffff;
			res->flags = IORESOURCE_IO;
		} else {
			res->flags = IORESOURCE_MEM;
			if (lo & PCI_BASE_ADDRESS_MEM_PREFETCH)
				res->flags |= IORESOURCE_PREFETCH;
			if ((lo & 6) == PCI_BASE_ADDRESS_MEM_TYPE_64 && i + 1 < nr) {
				pci_read_config_dword(dev, reg + 4, &hi);
				pci_write_config_dword(dev, reg + 4, ~0u);
				pci_read_config_dword(dev, reg + 4, &szhi);
				pci_write_config_dword(dev, reg + 4, hi);
				res->flags |= IORESOURCE_MEM_64;
			} else {
				szhi = ~0u;
			}
			base = ((u64)hi << 32) | (lo & PCI_BASE_ADDRESS_MEM_MASK);
			size = ~(((u64)szhi << 32) | (szlo & PCI_BASE_ADDRESS_MEM_MASK)) + 1;
		}
		if (size && base) {
			res->start = base;
			res->end = base + size - 1;
			pr_info("pci %s: BAR %d: %s [%#llx-%#llx]%s\n", dev->name, i,
				res->flags & IORESOURCE_IO ? "io " : "mem",
				res->start, res->end,
				res->flags & IORESOURCE_MEM_64 ? " 64bit" : "");
		} else {
			res->flags = 0;
		}
		if (res->flags & IORESOURCE_MEM_64)
			i++;	/* the upper half is not a BAR of its own */
	}
	pci_write_config_word(dev, PCI_COMMAND, cmd);
}

static struct pci_dev *__init pci_scan_device(unsigned int bus, unsigned int devfn)
{
	struct pci_dev *dev;
	u32 id, class;
	u8 hdr;

	if (raw_pci_read(0, bus, devfn, PCI_VENDOR_ID, 4, &id) || (id & 0xffff) == 0xffff ||
	    (id & 0xffff) == 0)
		return NULL;
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return NULL;
	dev->bus = bus;
	dev->devfn = devfn;
	dev->vendor = id & 0xffff;
	dev->device = id >> 16;
	scnprintf(dev->name, sizeof(dev->name), "0000:%02x:%02x.%x", bus, PCI_SLOT(devfn),
		  PCI_FUNC(devfn));
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class);
	dev->revision = class & 0xff;
	dev->class = class >> 8;
	pci_read_config_byte(dev, PCI_HEADER_TYPE, &hdr);
	dev->hdr_type = hdr & PCI_HEADER_TYPE_MASK;
	dev->cfg_size = raw_pci_cfg_size();
	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	if (dev->pin) {
		u8 line;

		pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &line);
		dev->irq = line == 0xff ? 0 : line;
	}
	pr_info("pci %s: [%04x:%04x] type %02x class %#08x\n", dev->name, dev->vendor,
		dev->device, dev->hdr_type, dev->class);
	if (dev->hdr_type == PCI_HEADER_TYPE_NORMAL) {
		pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID, &dev->subsystem_vendor);
		pci_read_config_word(dev, PCI_SUBSYSTEM_ID, &dev->subsystem_device);
		pci_read_bases(dev, 6);
	} else if (dev->hdr_type == PCI_HEADER_TYPE_BRIDGE) {
		pci_read_bases(dev, 2);
	}
	dev->msi_cap = pci_find_capability(dev, PCI_CAP_ID_MSI);
	dev->msix_cap = pci_find_capability(dev, PCI_CAP_ID_MSIX);
	return dev;
}

static void __init pci_scan_bus(unsigned int bus, int depth)
{
	unsigned int slot, fn;

	if (depth > 8)
		return;		/* a bridge loop: firmware bug, stop rather than recurse forever */
	for (slot = 0; slot < 32; slot++) {
		for (fn = 0; fn < 8; fn++) {
			struct pci_dev *dev = pci_scan_device(bus, PCI_DEVFN(slot, fn));

			if (!dev) {
				if (fn == 0)
					break;
				continue;
			}
			pci_bus_add_device(dev);
			pci_sysfs_add_device(dev);
			if (dev->hdr_type == PCI_HEADER_TYPE_BRIDGE) {
				u8 sec;

				pci_read_config_byte(dev, PCI_SECONDARY_BUS, &sec);
				if (sec > bus)
					pci_scan_bus(sec, depth + 1);
			}
			if (fn == 0 && !(dev->hdr_type == PCI_HEADER_TYPE_NORMAL ||
					 dev->hdr_type == PCI_HEADER_TYPE_BRIDGE))
				break;
			if (fn == 0) {
				u8 hdr;

				pci_read_config_byte(dev, PCI_HEADER_TYPE, &hdr);
				if (!(hdr & PCI_HEADER_TYPE_MFD))
					break;
			}
		}
	}
}

void __init pci_scan_root_bus(void)
{
	pr_info("PCI: Probing PCI hardware (bus 00)\n");
	pci_scan_bus(0, 0);
}

static int __init pci_subsys_init(void)
{
	pci_arch_init();
	pci_sysfs_init();
	pci_scan_root_bus();
	return 0;
}
subsys_initcall(pci_subsys_init);
