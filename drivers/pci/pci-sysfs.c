// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/bus/pci/devices/<domain:bus:slot.fn>/: one directory per function
 * with the files lspci and udev read (vendor, device, class, irq,
 * resource, config, uevent...).  Lantern's sysfs has no symlinks, so the
 * directories live here rather than under /sys/devices.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/err.h>
#include <linux/dcache.h>
#include <linux/pci.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <asm/page.h>
#include "pci.h"

static struct dentry *pci_devices_dir;

static struct pci_dev *attr_dev(const struct attribute *attr)
{
	return container_of(attr, struct pci_sysfs_attr, attr)->dev;
}

static ssize_t vendor_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "0x%04x\n", attr_dev(a)->vendor);
}

static ssize_t device_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "0x%04x\n", attr_dev(a)->device);
}

static ssize_t subsystem_vendor_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "0x%04x\n", attr_dev(a)->subsystem_vendor);
}

static ssize_t subsystem_device_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "0x%04x\n", attr_dev(a)->subsystem_device);
}

static ssize_t class_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "0x%06x\n", attr_dev(a)->class);
}

static ssize_t revision_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "0x%02x\n", attr_dev(a)->revision);
}

static ssize_t irq_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%u\n", attr_dev(a)->irq);
}

static ssize_t resource_show(const struct attribute *a, char *page)
{
	struct pci_dev *dev = attr_dev(a);
	int i, len = 0;

	for (i = 0; i < 13; i++) {	/* 6 BARs, ROM, bridge windows: Linux prints 13 */
		struct pci_resource *r = i < PCI_NUM_RESOURCES ? &dev->resource[i] : NULL;

		len += scnprintf(page + len, PAGE_SIZE - len, "0x%016llx 0x%016llx 0x%016llx\n",
				 r ? r->start : 0ULL, r ? r->end : 0ULL,
				 r ? (unsigned long long)r->flags : 0ULL);
	}
	return len;
}

/* The raw configuration header, as `lspci -x` and libpci read it. */
static ssize_t config_show(const struct attribute *a, char *page)
{
	struct pci_dev *dev = attr_dev(a);
	int i;

	for (i = 0; i < PCI_CFG_SPACE_SIZE; i += 4) {
		u32 v;

		pci_read_config_dword(dev, i, &v);
		memcpy(page + i, &v, 4);
	}
	return PCI_CFG_SPACE_SIZE;
}

static ssize_t driver_name_show(const struct attribute *a, char *page);

/* What busybox lspci parses: class, IDs, subsystem IDs, the slot, the driver. */
static ssize_t uevent_show(const struct attribute *a, char *page)
{
	struct pci_dev *dev = attr_dev(a);
	int len;

	len = scnprintf(page, PAGE_SIZE,
			"%sPCI_CLASS=%X\nPCI_ID=%04X:%04X\nPCI_SUBSYS_ID=%04X:%04X\nPCI_SLOT_NAME=%s\n"
			"MODALIAS=pci:v%08Xd%08Xsv%08Xsd%08Xbc%02Xsc%02Xi%02X\n",
			"", dev->class, dev->vendor, dev->device, dev->subsystem_vendor,
			dev->subsystem_device, dev->name, dev->vendor, dev->device,
			dev->subsystem_vendor, dev->subsystem_device, dev->class >> 16,
			(dev->class >> 8) & 0xff, dev->class & 0xff);
	if (dev->driver)
		len += scnprintf(page + len, PAGE_SIZE - len, "DRIVER=%s\n", dev->driver->name);
	return len;
}

static ssize_t driver_name_show(const struct attribute *a, char *page)
{
	struct pci_dev *dev = attr_dev(a);

	return dev->driver ? scnprintf(page, PAGE_SIZE, "%s\n", dev->driver->name) : 0;
}

static const struct {
	const char *name;
	umode_t mode;
	ssize_t (*show)(const struct attribute *attr, char *page);
} pci_dev_attrs[] = {
	{ "vendor", 0444, vendor_show },
	{ "device", 0444, device_show },
	{ "subsystem_vendor", 0444, subsystem_vendor_show },
	{ "subsystem_device", 0444, subsystem_device_show },
	{ "class", 0444, class_show },
	{ "revision", 0444, revision_show },
	{ "irq", 0444, irq_show },
	{ "resource", 0444, resource_show },
	{ "config", 0644, config_show },
	{ "uevent", 0644, uevent_show },
	{ "driver_name", 0444, driver_name_show },
};

void pci_sysfs_add_device(struct pci_dev *dev)
{
	struct dentry *dir;
	unsigned int i;

	if (!pci_devices_dir)
		return;
	dir = sysfs_create_dir(pci_devices_dir, dev->name);
	if (IS_ERR(dir))
		return;
	for (i = 0; i < ARRAY_SIZE(pci_dev_attrs) && i < PCI_NR_SYSFS_ATTRS; i++) {
		struct pci_sysfs_attr *sa = &dev->sysfs_attrs[i];

		sa->dev = dev;
		sa->attr.name = pci_dev_attrs[i].name;
		sa->attr.mode = pci_dev_attrs[i].mode;
		sa->attr.show = pci_dev_attrs[i].show;
		sysfs_create_file(dir, &sa->attr);
	}
	dput(dir);
}

/* /sys/bus/pci/{devices,drivers}: made before the scan fills them. */
void __init pci_sysfs_init(void)
{
	struct dentry *pci, *drivers;

	if (!bus_kobj)
		return;
	pci = sysfs_create_dir(bus_kobj, "pci");
	if (IS_ERR(pci))
		return;
	pci_devices_dir = sysfs_create_dir(pci, "devices");
	if (IS_ERR(pci_devices_dir))
		pci_devices_dir = NULL;
	drivers = sysfs_create_dir(pci, "drivers");
	if (!IS_ERR(drivers))
		dput(drivers);
}
