// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/bus/pci/devices: one line per function in the layout pciutils
 * reads without sysfs: bus and devfn, vendor and device, IRQ, the BARs'
 * addresses with their flag bits, their sizes, and the bound driver.
 */
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

int pci_devices_proc_show(struct seq_file *m, void *v)
{
	struct pci_dev *dev;
	int i;

	list_for_each_entry(dev, &pci_devices, bus_list) {
		seq_printf(m, "%02x%02x\t%04x%04x\t%x", dev->bus, dev->devfn, dev->vendor,
			   dev->device, dev->irq);
		for (i = 0; i < 7; i++) {
			struct pci_resource *r = i < PCI_NUM_RESOURCES ? &dev->resource[i] : NULL;
			u64 flags = 0;

			if (r && (r->flags & IORESOURCE_IO))
				flags = PCI_BASE_ADDRESS_SPACE_IO;
			else if (r && (r->flags & IORESOURCE_MEM_64))
				flags = PCI_BASE_ADDRESS_MEM_TYPE_64;
			if (r && (r->flags & IORESOURCE_PREFETCH))
				flags |= PCI_BASE_ADDRESS_MEM_PREFETCH;
			seq_printf(m, "\t%16llx", r && r->end ? r->start | flags : 0ULL);
		}
		for (i = 0; i < 7; i++)
			seq_printf(m, "\t%16llx", i < PCI_NUM_RESOURCES ?
				   (unsigned long long)pci_resource_len(dev, i) : 0ULL);
		seq_printf(m, "\t%s\n", dev->driver ? dev->driver->name : "");
	}
	return 0;
}
