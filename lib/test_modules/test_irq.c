// SPDX-License-Identifier: GPL-2.0
/*
 * request_irq from a module, with a device that really interrupts: the
 * CMOS RTC's periodic interrupt (IRQ 8, register B's PIE bit, 64 Hz).
 * Nothing else in the kernel uses IRQ 8 or the RTC after boot.  The
 * handler must read register C, or the RTC raises no further interrupt.
 * init waits for a few interrupts; the handler stays attached until
 * rmmod, so /proc/interrupts shows it and its count.
 */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <asm/io.h>

#define RTC_IRQ		8
#define RTC_INDEX	0x70
#define RTC_DATA	0x71
#define RTC_REG_A	0x0a
#define RTC_REG_B	0x0b
#define RTC_REG_C	0x0c
#define RTC_PIE		0x40	/* register B: periodic interrupt enable */
#define RTC_PF		0x40	/* register C: periodic interrupt happened */
#define RTC_RATE_64HZ	0x0a	/* register A's low four bits: 32768 >> (10 - 1) */

static DEFINE_SPINLOCK(rtc_lock);
static DECLARE_WAIT_QUEUE_HEAD(irq_wait);
static unsigned int irq_count;
static int irq_cookie;		/* dev_id: what free_irq names us by */

static u8 rtc_read(u8 reg)
{
	outb(reg, RTC_INDEX);
	return inb(RTC_DATA);
}

static void rtc_write(u8 reg, u8 val)
{
	outb(reg, RTC_INDEX);
	outb(val, RTC_DATA);
}

static irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	u8 c;

	spin_lock(&rtc_lock);
	c = rtc_read(RTC_REG_C);	/* reading it acknowledges */
	spin_unlock(&rtc_lock);
	if (!(c & RTC_PF))
		return IRQ_NONE;
	WRITE_ONCE(irq_count, irq_count + 1);
	wake_up(&irq_wait);
	return IRQ_HANDLED;
}

static void rtc_periodic(bool on)
{
	unsigned long flags;
	u8 b;

	spin_lock_irqsave(&rtc_lock, flags);
	if (on)
		rtc_write(RTC_REG_A, (rtc_read(RTC_REG_A) & 0xf0) | RTC_RATE_64HZ);
	b = rtc_read(RTC_REG_B);
	rtc_write(RTC_REG_B, on ? b | RTC_PIE : b & ~RTC_PIE);
	rtc_read(RTC_REG_C);
	spin_unlock_irqrestore(&rtc_lock, flags);
}

static int __init test_irq_init(void)
{
	int ret = request_irq(RTC_IRQ, test_irq_handler, 0, "test_irq", &irq_cookie);

	if (ret) {
		pr_err("test_irq: request_irq: %d\n", ret);
		return ret;
	}
	rtc_periodic(true);
	/* Generous: the host may be loaded; five interrupts take 80 ms. */
	if (!wait_event_timeout(irq_wait, READ_ONCE(irq_count) >= 5, 20 * HZ)) {
		pr_err("test_irq: only %u interrupts\n", READ_ONCE(irq_count));
		rtc_periodic(false);
		free_irq(RTC_IRQ, &irq_cookie);
		return -ETIMEDOUT;
	}
	pr_info("test_irq: 5 interrupts on IRQ %d\n", RTC_IRQ);
	return 0;
}

static void __exit test_irq_exit(void)
{
	rtc_periodic(false);
	free_irq(RTC_IRQ, &irq_cookie);
	pr_info("test_irq: released after %u interrupts\n", READ_ONCE(irq_count));
}

module_init(test_irq_init);
module_exit(test_irq_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Counts RTC periodic interrupts through request_irq");
