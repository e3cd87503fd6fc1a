// SPDX-License-Identifier: GPL-2.0
/*
 * The I/O APIC routes device interrupt pins to a CPU's local APIC.  Each
 * pin has a 64-bit redirection entry: the vector to raise, the target
 * APIC, polarity and trigger mode, and a mask bit.  Lantern's IRQ n
 * (ISA numbering for 0-15, global system interrupt number above) goes to
 * vector FIRST_EXTERNAL_VECTOR + n on the boot CPU.  The MADT's overrides
 * say which pin an ISA IRQ really uses (the PIT's IRQ 0 is pin 2 on PCs).
 */
#include <linux/kernel.h>
#include <linux/acpi.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <asm/apic.h>
#include <asm/smp.h>
#include <asm/io.h>

#define IO_APIC_REGSEL		0x00
#define IO_APIC_WINDOW		0x10
#define IO_APIC_VERSION		0x01
#define IO_APIC_REDTBL(pin)	(0x10 + 2 * (pin))

#define IOAPIC_MASKED		(1 << 16)
#define IOAPIC_LEVEL		(1 << 15)
#define IOAPIC_ACTIVE_LOW	(1 << 13)

struct ioapic {
	void __iomem *base;
	u32 gsi_base;
	u32 nr_pins;
};

static struct ioapic ioapics[8];
static unsigned int nr_ioapics;
static DEFINE_SPINLOCK(ioapic_lock);	/* guards the select/window pairs */

static u32 io_apic_read(struct ioapic *io, u32 reg)
{
	writel(reg, io->base + IO_APIC_REGSEL);
	return readl(io->base + IO_APIC_WINDOW);
}

static void io_apic_write(struct ioapic *io, u32 reg, u32 val)
{
	writel(reg, io->base + IO_APIC_REGSEL);
	writel(val, io->base + IO_APIC_WINDOW);
}

/* The pin and polarity/trigger flags behind Lantern's IRQ @irq. */
static u32 irq_to_gsi(unsigned int irq, u16 *flags)
{
	*flags = 0;
	if (irq < 16) {
		*flags = acpi_boot.isa_irq[irq].flags;
		return acpi_boot.isa_irq[irq].gsi;
	}
	*flags = 0xf;	/* PCI: active low, level */
	return irq;
}

static struct ioapic *gsi_to_ioapic(u32 gsi, u32 *pin)
{
	unsigned int i;

	for (i = 0; i < nr_ioapics; i++) {
		if (gsi >= ioapics[i].gsi_base &&
		    gsi < ioapics[i].gsi_base + ioapics[i].nr_pins) {
			*pin = gsi - ioapics[i].gsi_base;
			return &ioapics[i];
		}
	}
	return NULL;
}

static void ioapic_program(unsigned int irq, bool masked)
{
	u16 flags;
	u32 pin, gsi = irq_to_gsi(irq, &flags);
	struct ioapic *io = gsi_to_ioapic(gsi, &pin);
	u32 low = FIRST_EXTERNAL_VECTOR + irq;
	unsigned long lflags;

	if (!io)
		return;
	/* MPS INTI flags: polarity 3 = active low, trigger 3 = level. */
	if ((flags & 3) == 3)
		low |= IOAPIC_ACTIVE_LOW;
	if (((flags >> 2) & 3) == 3)
		low |= IOAPIC_LEVEL;
	if (masked)
		low |= IOAPIC_MASKED;
	spin_lock_irqsave(&ioapic_lock, lflags);
	/* Physical destination: the boot CPU, the only one that runs drivers' handlers. */
	io_apic_write(io, IO_APIC_REDTBL(pin) + 1, x86_cpu_to_apicid[0] << 24);
	io_apic_write(io, IO_APIC_REDTBL(pin), low);
	spin_unlock_irqrestore(&ioapic_lock, lflags);
}

static void ioapic_mask_irq(unsigned int irq)
{
	ioapic_program(irq, true);
}

static void ioapic_unmask_irq(unsigned int irq)
{
	ioapic_program(irq, false);
}

static void ioapic_ack_irq(unsigned int irq)
{
	apic_eoi();
}

static struct irq_chip ioapic_chip = {
	.name		= "IO-APIC",
	.irq_mask	= ioapic_mask_irq,
	.irq_unmask	= ioapic_unmask_irq,
	.irq_eoi	= ioapic_ack_irq,
};

/*
 * An ISA IRQ whose pin an override gave to another IRQ has no line of
 * its own (on PCs, IRQ 2: its pin carries the PIT's IRQ 0).
 */
static bool isa_irq_shadowed(unsigned int irq, u32 gsi)
{
	unsigned int j;

	for (j = 0; j < 16; j++)
		if (j != irq && acpi_boot.isa_irq[j].gsi == gsi &&
		    acpi_boot.isa_irq[j].gsi != j)
			return true;
	return false;
}

bool io_apic_available(void)
{
	return nr_ioapics > 0;
}

void __init setup_IO_APIC(void)
{
	unsigned int i, pin, irq;

	for (i = 0; i < acpi_boot.nr_ioapics && i < ARRAY_SIZE(ioapics); i++) {
		struct ioapic *io = &ioapics[nr_ioapics];

		io->base = ioremap(acpi_boot.ioapic[i].addr, 0x1000);
		if (!io->base)
			continue;
		io->gsi_base = acpi_boot.ioapic[i].gsi_base;
		io->nr_pins = ((io_apic_read(io, IO_APIC_VERSION) >> 16) & 0xff) + 1;
		for (pin = 0; pin < io->nr_pins; pin++)
			io_apic_write(io, IO_APIC_REDTBL(pin), IOAPIC_MASKED);
		pr_info("IOAPIC[%u]: apic_id %u, address %#x, GSI %u-%u\n", i,
			acpi_boot.ioapic[i].id, acpi_boot.ioapic[i].addr,
			io->gsi_base, io->gsi_base + io->nr_pins - 1);
		nr_ioapics++;
	}
	if (!nr_ioapics || !apic_available)
		return;
	for (irq = 0; irq < NR_IRQS; irq++) {
		u16 flags;
		u32 gsi = irq_to_gsi(irq, &flags);

		if (irq < 16 && isa_irq_shadowed(irq, gsi))
			continue;
		if (gsi_to_ioapic(gsi, &pin))
			irq_set_chip(irq, &ioapic_chip,
				     irq < 16 && !(flags & 0xc) ? "edge" : "fasteoi");
	}
}
