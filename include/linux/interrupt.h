/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device interrupts, as the seed's "IRQ handlers" section uses them:
 * request_irq(irq, handler, flags, name, dev_id) attaches a handler to an
 * interrupt line; the handler runs with interrupts off and returns
 * IRQ_HANDLED if its device raised the interrupt, IRQ_NONE otherwise.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>

typedef enum irqreturn {
	IRQ_NONE		= 0,
	IRQ_HANDLED		= 1,
	IRQ_WAKE_THREAD		= 2,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED		0x00000080
#define IRQF_TIMER		0x00000200
#define IRQF_NO_THREAD		0x00010000

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void enable_irq(unsigned int irq);

#endif
