// SPDX-License-Identifier: GPL-2.0
/*
 * PCI configuration mechanism #1: the address of a register (bus, device,
 * function, offset) goes to port 0xcf8 with bit 31 set, and its dword is
 * then read or written at port 0xcfc; a byte or word of it at 0xcfc plus
 * the offset's low bits.  It reaches only the first 256 bytes of each
 * function, so it is the fallback when there is no ECAM (mmconfig.c).
 * The address/data pair is one shared register: a lock keeps it whole.
 */
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/spinlock.h>
#include <asm/io.h>
#include "pci.h"

static DEFINE_SPINLOCK(pci_conf1_lock);

#define CONF1_ADDRESS(bus, devfn, reg) \
	(0x80000000u | ((bus) << 16) | ((devfn) << 8) | ((reg) & 0xfc))

int pci_conf1_read(unsigned int bus, unsigned int devfn, int reg, int len, u32 *val)
{
	unsigned long flags;
	u16 port = 0xcfc + (reg & 3);

	if (bus > 255 || devfn > 255 || reg < 0 || reg + len > 256) {
		*val = ~0u;
		return -EINVAL;
	}
	spin_lock_irqsave(&pci_conf1_lock, flags);
	outl(CONF1_ADDRESS(bus, devfn, reg), 0xcf8);
	switch (len) {
	case 1: *val = inb(port); break;
	case 2: *val = inw(port); break;
	default: *val = inl(0xcfc); break;
	}
	spin_unlock_irqrestore(&pci_conf1_lock, flags);
	return 0;
}

int pci_conf1_write(unsigned int bus, unsigned int devfn, int reg, int len, u32 val)
{
	unsigned long flags;
	u16 port = 0xcfc + (reg & 3);

	if (bus > 255 || devfn > 255 || reg < 0 || reg + len > 256)
		return -EINVAL;
	spin_lock_irqsave(&pci_conf1_lock, flags);
	outl(CONF1_ADDRESS(bus, devfn, reg), 0xcf8);
	switch (len) {
	case 1: outb(val, port); break;
	case 2: outw(val, port); break;
	default: outl(val, 0xcfc); break;
	}
	spin_unlock_irqrestore(&pci_conf1_lock, flags);
	return 0;
}

/* Is mechanism #1 there at all?  The address register reads back what was written. */
bool pci_conf1_probe(void)
{
	unsigned long flags;
	u32 old, back;

	spin_lock_irqsave(&pci_conf1_lock, flags);
	old = inl(0xcf8);
	outl(0x80000000u, 0xcf8);
	back = inl(0xcf8);
	outl(old, 0xcf8);
	spin_unlock_irqrestore(&pci_conf1_lock, flags);
	return back == 0x80000000u;
}
