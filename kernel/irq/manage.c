// SPDX-License-Identifier: GPL-2.0
/*
 * request_irq and friends, and the flow of one device interrupt:
 * the architecture's do_IRQ finds the line, generic_handle_irq counts it
 * and calls every handler on the line until the chain is done (shared
 * lines call them all; each says IRQ_HANDLED if it was its device), then
 * the controller gets its end-of-interrupt.
 *
 * A line is unmasked at its controller when its first handler arrives
 * and masked again when the last one leaves.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/irq.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <trace/events/irq.h>

struct irq_desc irq_desc[NR_IRQS];

/* Actions come from kmalloc, which mm_core_init sets up before init_IRQ. */
static struct irqaction *alloc_irqaction(void)
{
	return kzalloc(sizeof(struct irqaction), GFP_KERNEL);
}

static void free_irqaction(struct irqaction *a)
{
	kfree(a);
}

void irq_set_chip(unsigned int irq, struct irq_chip *chip, const char *type)
{
	struct irq_desc *desc = &irq_desc[irq];

	desc->irq = irq;
	desc->chip = chip;
	desc->type = type;
	spin_lock_init(&desc->lock);
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irq_desc *desc;
	struct irqaction *action, **p;
	unsigned long lflags;

	if (irq >= NR_IRQS || !handler)
		return -EINVAL;
	desc = &irq_desc[irq];
	if (!desc->chip)
		return -EINVAL;
	if ((flags & IRQF_SHARED) && !dev_id)
		return -EINVAL;	/* free_irq could not tell sharers apart */

	action = alloc_irqaction();
	if (!action)
		return -ENOMEM;
	action->handler = handler;
	action->dev_id = dev_id;
	action->name = name;
	action->flags = flags;
	action->next = NULL;

	spin_lock_irqsave(&desc->lock, lflags);
	if (desc->action && !(desc->action->flags & flags & IRQF_SHARED)) {
		spin_unlock_irqrestore(&desc->lock, lflags);
		free_irqaction(action);
		return -EBUSY;
	}
	for (p = &desc->action; *p; p = &(*p)->next)
		;
	*p = action;
	if (p == &desc->action && !desc->depth)
		desc->chip->irq_unmask(irq);
	spin_unlock_irqrestore(&desc->lock, lflags);
	return 0;
}
EXPORT_SYMBOL(request_irq);

/* Returns the name the handler was registered with, as Linux does. */
const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc;
	struct irqaction **p, *action = NULL;
	const char *name = NULL;
	unsigned long flags;

	if (irq >= NR_IRQS)
		return NULL;
	desc = &irq_desc[irq];
	spin_lock_irqsave(&desc->lock, flags);
	for (p = &desc->action; *p; p = &(*p)->next) {
		if ((*p)->dev_id == dev_id) {
			action = *p;
			*p = action->next;
			break;
		}
	}
	if (action && !desc->action)
		desc->chip->irq_mask(irq);
	spin_unlock_irqrestore(&desc->lock, flags);
	if (!action) {
		pr_warn("Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	name = action->name;
	free_irqaction(action);
	return name;
}
EXPORT_SYMBOL(free_irq);

void disable_irq(unsigned int irq)
{
	struct irq_desc *desc = &irq_desc[irq];
	unsigned long flags;

	spin_lock_irqsave(&desc->lock, flags);
	if (!desc->depth++)
		desc->chip->irq_mask(irq);
	spin_unlock_irqrestore(&desc->lock, flags);
}
EXPORT_SYMBOL(disable_irq);

void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = &irq_desc[irq];
	unsigned long flags;

	spin_lock_irqsave(&desc->lock, flags);
	if (!desc->depth)
		WARN(1, "Unbalanced enable for IRQ %u\n", irq);
	else if (!--desc->depth && desc->action)
		desc->chip->irq_unmask(irq);
	spin_unlock_irqrestore(&desc->lock, flags);
}
EXPORT_SYMBOL(enable_irq);

void generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = &irq_desc[irq];
	irqreturn_t ret = IRQ_NONE;
	struct irqaction *action;

	desc->kstat_irqs[smp_processor_id()]++;
	spin_lock(&desc->lock);
	for (action = desc->action; action; action = action->next) {
		irqreturn_t r;

		trace_irq_handler_entry(irq, action->name);
		r = action->handler(irq, action->dev_id);
		trace_irq_handler_exit(irq, r);
		ret |= r;
	}
	spin_unlock(&desc->lock);
	/*
	 * An occasional unclaimed interrupt is normal (a UART that raised
	 * its line for data already drained).  A line that is almost never
	 * claimed is stuck: say so once per 100000, as Linux's "nobody
	 * cared" does.
	 */
	if (ret == IRQ_NONE)
		desc->irqs_unhandled++;
	if (++desc->irq_count >= 100000) {
		if (desc->irqs_unhandled > 99900)
			pr_warn("irq %u: nobody cared (%lu of the last 100000 unhandled)\n",
				irq, desc->irqs_unhandled);
		desc->irq_count = 0;
		desc->irqs_unhandled = 0;
	}
	if (desc->chip && desc->chip->irq_eoi)
		desc->chip->irq_eoi(irq);
}

/* The text of /proc/interrupts, into @buf.  Returns its length. */
int show_interrupts(char *buf, size_t size)
{
	unsigned int cpu, irq;
	int len = scnprintf(buf, size, "%*s", 4, "");

	for_each_online_cpu(cpu)
		len += scnprintf(buf + len, size - len, "       CPU%u", cpu);
	len += scnprintf(buf + len, size - len, "\n");
	for (irq = 0; irq < NR_IRQS; irq++) {
		struct irq_desc *desc = &irq_desc[irq];
		struct irqaction *a;

		if (!desc->action)
			continue;
		len += scnprintf(buf + len, size - len, "%3u:", irq);
		for_each_online_cpu(cpu)
			len += scnprintf(buf + len, size - len, " %10u",
					 desc->kstat_irqs[cpu]);
		len += scnprintf(buf + len, size - len, "  %8s %4u-%-7s ",
				 desc->chip->name, irq, desc->type);
		for (a = desc->action; a; a = a->next)
			len += scnprintf(buf + len, size - len, "%s%s", a->name,
					 a->next ? ", " : "");
		len += scnprintf(buf + len, size - len, "\n");
	}
	len += arch_show_interrupts(buf + len, size - len);
	return len;
}
