// SPDX-License-Identifier: GPL-2.0
/*
 * The PCI core: configuration-space accessors on a struct pci_dev, the
 * capability list, enabling a device (decoding and bus mastering),
 * mapping its BARs, and the driver side: pci_register_driver binds a
 * driver to every device already found whose IDs its table matches (the
 * scan in probe.c runs first, at subsys_initcall; drivers register at
 * device_initcall).
 *
 * A PCI function publishes what it can do as a linked list of
 * capabilities in its configuration space, starting at offset 0x34 when
 * the status register says the list exists.  A bad device could make the
 * list loop, so walks stop after as many steps as the space could hold.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <asm/io.h>
#include "pci.h"

LIST_HEAD(pci_devices);
static LIST_HEAD(pci_drivers);
static DEFINE_MUTEX(pci_bus_lock);	/* guards both lists and the binding */

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	u32 v;
	int ret = raw_pci_read(0, dev->bus, dev->devfn, where, 1, &v);

	*val = v;
	return ret;
}

int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	u32 v;
	int ret = raw_pci_read(0, dev->bus, dev->devfn, where, 2, &v);

	*val = v;
	return ret;
}

int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	return raw_pci_read(0, dev->bus, dev->devfn, where, 4, val);
}

int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	return raw_pci_write(0, dev->bus, dev->devfn, where, 1, val);
}

int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	return raw_pci_write(0, dev->bus, dev->devfn, where, 2, val);
}

int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	return raw_pci_write(0, dev->bus, dev->devfn, where, 4, val);
}

#define PCI_FIND_CAP_TTL	48	/* (256 - 64) / 4: more steps than fit means a loop */

u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap)
{
	int ttl = PCI_FIND_CAP_TTL;
	u8 id;

	pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	while (ttl--) {
		pos &= ~3;
		if (pos < 0x40)
			break;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_ID, &id);
		if (id == 0xff)
			break;
		if (id == cap)
			return pos;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	}
	return 0;
}

u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	u16 status;

	pci_read_config_word(dev, PCI_STATUS, &status);
	if (!(status & PCI_STATUS_CAP_LIST))
		return 0;
	/* The list head is at 0x34; treating 0x34 - 1 as a "capability" reuses the walker. */
	return pci_find_next_capability(dev, PCI_CAPABILITY_LIST - PCI_CAP_LIST_NEXT, cap);
}

int pci_enable_device(struct pci_dev *dev)
{
	u16 cmd, want = 0;
	int i;

	for (i = 0; i < PCI_NUM_RESOURCES; i++) {
		if (dev->resource[i].flags & IORESOURCE_IO)
			want |= PCI_COMMAND_IO;
		if (dev->resource[i].flags & IORESOURCE_MEM)
			want |= PCI_COMMAND_MEMORY;
	}
	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if ((cmd & want) != want)
		pci_write_config_word(dev, PCI_COMMAND, cmd | want);
	return 0;
}

void pci_set_master(struct pci_dev *dev)
{
	u16 cmd;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if (!(cmd & PCI_COMMAND_MASTER))
		pci_write_config_word(dev, PCI_COMMAND, cmd | PCI_COMMAND_MASTER);
}

void __iomem *pci_iomap_range(struct pci_dev *dev, int bar, unsigned long offset,
			      unsigned long len)
{
	u64 blen;

	if (bar < 0 || bar >= PCI_NUM_RESOURCES)
		return NULL;
	blen = pci_resource_len(dev, bar);
	if (!blen || !(dev->resource[bar].flags & IORESOURCE_MEM))
		return NULL;	/* port-I/O BARs are not mapped: no device here needs one */
	if (!len)
		len = blen - offset;
	if (offset >= blen || len > blen - offset)
		return NULL;
	return ioremap(dev->resource[bar].start + offset, len);
}

static const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
						struct pci_dev *dev)
{
	for (; ids->vendor || ids->subvendor || ids->class_mask; ids++) {
		if ((ids->vendor == PCI_ANY_ID || ids->vendor == dev->vendor) &&
		    (ids->device == PCI_ANY_ID || ids->device == dev->device) &&
		    (ids->subvendor == PCI_ANY_ID || ids->subvendor == dev->subsystem_vendor) &&
		    (ids->subdevice == PCI_ANY_ID || ids->subdevice == dev->subsystem_device) &&
		    !((ids->class ^ dev->class) & ids->class_mask))
			return ids;
	}
	return NULL;
}

static void pci_try_bind(struct pci_driver *drv, struct pci_dev *dev)
{
	const struct pci_device_id *id;
	int err;

	if (dev->driver)
		return;
	id = pci_match_id(drv->id_table, dev);
	if (!id)
		return;
	dev->driver = drv;
	err = drv->probe(dev, id);
	if (err) {
		pr_warn("%s %s: probe failed: %d\n", drv->name, dev->name, err);
		dev->driver = NULL;
	}
}

/* A device the scan added later (none today: no hotplug) would bind here too. */
void pci_bus_add_device(struct pci_dev *dev)
{
	struct pci_driver *drv;

	mutex_lock(&pci_bus_lock);
	list_add_tail(&dev->bus_list, &pci_devices);
	list_for_each_entry(drv, &pci_drivers, node)
		pci_try_bind(drv, dev);
	mutex_unlock(&pci_bus_lock);
}

int pci_register_driver(struct pci_driver *drv)
{
	struct pci_dev *dev;

	if (!drv->probe || !drv->id_table)
		return -EINVAL;
	mutex_lock(&pci_bus_lock);
	list_add_tail(&drv->node, &pci_drivers);
	list_for_each_entry(dev, &pci_devices, bus_list)
		pci_try_bind(drv, dev);
	mutex_unlock(&pci_bus_lock);
	return 0;
}
