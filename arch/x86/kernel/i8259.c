// SPDX-License-Identifier: GPL-2.0
/*
 * The two cascaded 8259A PICs of the PC.  With an I/O APIC they are only
 * remapped away from the exception vectors and masked, so a stray legacy
 * interrupt cannot masquerade as a CPU exception.  Without one they are
 * the interrupt controller for ISA IRQs 0-15.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_IMR	0x21
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_IMR	0xa1
#define PIC_CASCADE_IR	2
#define PIC_EOI		0x20

static DEFINE_SPINLOCK(i8259A_lock);	/* guards cached_irq_mask and the IMRs */
static unsigned int cached_irq_mask = 0xffff;

static void i8259_write_mask(void)
{
	outb(cached_irq_mask & 0xff, PIC_MASTER_IMR);
	outb(cached_irq_mask >> 8, PIC_SLAVE_IMR);
}

static void mask_8259A_irq(unsigned int irq)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	cached_irq_mask |= 1u << irq;
	i8259_write_mask();
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

static void unmask_8259A_irq(unsigned int irq)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	cached_irq_mask &= ~(1u << irq);
	if (irq >= 8)
		cached_irq_mask &= ~(1u << PIC_CASCADE_IR);
	i8259_write_mask();
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

static void eoi_8259A_irq(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC_SLAVE_CMD);
	outb(PIC_EOI, PIC_MASTER_CMD);
}

static struct irq_chip i8259A_chip = {
	.name		= "XT-PIC",
	.irq_mask	= mask_8259A_irq,
	.irq_unmask	= unmask_8259A_irq,
	.irq_eoi	= eoi_8259A_irq,
};

/* ICW1-4: edge triggered, cascaded, vectors 0x20-0x2f, 8086 mode. */
void __init legacy_pic_init(void)
{
	outb(0x11, PIC_MASTER_CMD);
	io_delay();
	outb(0x11, PIC_SLAVE_CMD);
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR, PIC_MASTER_IMR);
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC_SLAVE_IMR);
	io_delay();
	outb(1 << PIC_CASCADE_IR, PIC_MASTER_IMR);
	io_delay();
	outb(PIC_CASCADE_IR, PIC_SLAVE_IMR);
	io_delay();
	outb(0x01, PIC_MASTER_IMR);
	io_delay();
	outb(0x01, PIC_SLAVE_IMR);
	io_delay();
	cached_irq_mask = 0xffff;
	i8259_write_mask();
}

/* No I/O APIC: ISA IRQ @irq is served by the PIC. */
void __init legacy_pic_route(unsigned int irq)
{
	irq_set_chip(irq, &i8259A_chip, "edge");
}
