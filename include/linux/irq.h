/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic IRQ layer: one irq_desc per interrupt line, holding the
 * chain of handlers registered with request_irq (struct irqaction), the
 * controller that routes the line (struct irq_chip: I/O APIC or PIT/PIC
 * legacy), and how often the line fired on each CPU (/proc/interrupts).
 */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <asm/irq_vectors.h>
#include <asm/smp.h>

struct irq_chip {
	const char *name;
	void (*irq_mask)(unsigned int irq);
	void (*irq_unmask)(unsigned int irq);
	void (*irq_eoi)(unsigned int irq);
};

struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	const char *name;
	unsigned long flags;
	struct irqaction *next;
};

struct irq_desc {
	spinlock_t lock;		/* guards action, depth */
	unsigned int irq;
	struct irq_chip *chip;
	const char *type;		/* "edge" or "fasteoi", for /proc/interrupts */
	struct irqaction *action;	/* NULL: nobody listens */
	unsigned int depth;		/* nested disable_irq() count */
	unsigned int kstat_irqs[NR_CPUS];
	unsigned long irq_count;	/* since the last unhandled check */
	unsigned long irqs_unhandled;
};

extern struct irq_desc irq_desc[NR_IRQS];

void irq_set_chip(unsigned int irq, struct irq_chip *chip, const char *type);
void generic_handle_irq(unsigned int irq);
int show_interrupts(char *buf, size_t size);

/* Architecture counters shown after the device lines of /proc/interrupts. */
int arch_show_interrupts(char *buf, size_t size);

#endif
