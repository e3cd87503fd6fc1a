/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of drivers/pci share. */
#ifndef _DRIVERS_PCI_PCI_H
#define _DRIVERS_PCI_PCI_H

#include <linux/pci.h>

void pci_bus_add_device(struct pci_dev *dev);
void pci_sysfs_init(void);

#endif
