// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap: a kernel virtual address for a device's registers.
 *
 * The boot page tables map the top 64 MiB below 4 GiB (local APIC, I/O
 * APIC, HPET, firmware) uncached in the direct map, so ioremap of that
 * window is a direct-map address.  Anything else is refused rather than
 * mapped cached by accident.
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/page.h>

#define IO_WINDOW_START	0xfc000000ULL
#define IO_WINDOW_END	0x100000000ULL

void __iomem *ioremap(phys_addr_t phys, unsigned long size)
{
	if (phys < IO_WINDOW_START || phys + size > IO_WINDOW_END || phys + size < phys) {
		pr_err("ioremap: %#llx+%#lx is outside the uncached window\n",
		       phys, size);
		return NULL;
	}
	return (void __iomem *)__va(phys);
}

void iounmap(volatile void __iomem *addr)
{
}
