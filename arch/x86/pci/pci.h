/* SPDX-License-Identifier: GPL-2.0 */
/* The two configuration access methods of arch/x86/pci. */
#ifndef _ARCH_X86_PCI_PCI_H
#define _ARCH_X86_PCI_PCI_H

#include <linux/types.h>

int pci_conf1_read(unsigned int bus, unsigned int devfn, int reg, int len, u32 *val);
int pci_conf1_write(unsigned int bus, unsigned int devfn, int reg, int len, u32 val);
bool pci_conf1_probe(void);

#endif
