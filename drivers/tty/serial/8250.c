// SPDX-License-Identifier: GPL-2.0
/*
 * The 8250/16550 UART on COM1, Lantern's console.
 *
 * Output is polled: printk must work from any context, even with
 * interrupts off in the middle of an oops, so the console write spins on
 * the transmit-holding-register-empty bit.  Input arrives by interrupt
 * (IRQ 4 through the I/O APIC): serial8250_interrupt drains the receive
 * FIFO into a ring that the TTY layer reads.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/serial_8250.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/io.h>

#define COM1_BASE	0x3f8
#define COM1_IRQ	4
#define UART_CLOCK	115200		/* divisor 1 */

/* Register offsets (TI PC16550D data sheet). */
#define UART_RX		0	/* receive buffer (DLAB=0) */
#define UART_TX		0	/* transmit holding (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_IIR	2	/* interrupt identification */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */

#define UART_IER_RDI	0x01
#define UART_IIR_NO_INT	0x01
#define UART_FCR_ENABLE	0x01
#define UART_FCR_CLEAR	0x06
#define UART_FCR_TRIG_1	0x00
#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08	/* gates the interrupt line on PC hardware */
#define UART_LSR_DR	0x01
#define UART_LSR_THRE	0x20

struct uart_8250_port {
	u16 iobase;
	unsigned int baud;
	bool present;
	spinlock_t rx_lock;	/* guards rx ring */
	unsigned char rx_buf[SERIAL_RX_BUF];
	unsigned int rx_head, rx_tail;
	void (*rx_notify)(void);
};

static struct uart_8250_port com1 = {
	.iobase = COM1_BASE,
	.baud = 115200,
	.rx_lock = __SPIN_LOCK_UNLOCKED(com1.rx_lock),
};

static inline u8 serial_in(struct uart_8250_port *up, int offset)
{
	return inb(up->iobase + offset);
}

static inline void serial_out(struct uart_8250_port *up, int offset, u8 value)
{
	outb(value, up->iobase + offset);
}

static void serial8250_putchar(struct uart_8250_port *up, char c)
{
	unsigned int spins = 100000;

	while (!(serial_in(up, UART_LSR) & UART_LSR_THRE) && --spins)
		;
	serial_out(up, UART_TX, c);
}

static void serial8250_console_write(struct console *con, const char *s,
				     unsigned int count)
{
	struct uart_8250_port *up = &com1;

	while (count--) {
		if (*s == '\n')
			serial8250_putchar(up, '\r');
		serial8250_putchar(up, *s++);
	}
}

/* Output from the tty, already post-processed by n_tty (ONLCR): sent as is. */
void serial8250_write(const char *s, size_t count)
{
	struct uart_8250_port *up = &com1;

	while (count--)
		serial8250_putchar(up, *s++);
}

static struct console serial8250_console = {
	.name	= "ttyS",
	.write	= serial8250_console_write,
	.index	= 0,
	.flags	= CON_PRINTBUFFER,
};

static int serial8250_set_baud(struct uart_8250_port *up, unsigned int baud)
{
	unsigned int divisor;

	if (!baud || baud > UART_CLOCK || UART_CLOCK % baud)
		return -EINVAL;
	divisor = UART_CLOCK / baud;
	serial_out(up, UART_LCR, UART_LCR_DLAB);
	serial_out(up, UART_DLL, divisor & 0xff);
	serial_out(up, UART_DLM, divisor >> 8);
	serial_out(up, UART_LCR, UART_LCR_8N1);
	up->baud = baud;
	return 0;
}

/*
 * Program COM1 and register it as a console.  Runs before anything else
 * in start_kernel so that the very first printk is seen (the ring buffer
 * would keep it anyway, but a hang before this point would be silent).
 */
void __init serial8250_console_init(void)
{
	struct uart_8250_port *up = &com1;

	serial_out(up, UART_IER, 0);
	serial8250_set_baud(up, up->baud);
	serial_out(up, UART_FCR, UART_FCR_ENABLE | UART_FCR_CLEAR | UART_FCR_TRIG_1);
	serial_out(up, UART_MCR, UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2);
	/* A missing UART reads back 0xff from every register. */
	up->present = serial_in(up, UART_LSR) != 0xff;
	if (up->present)
		register_console(&serial8250_console);
}

/* console=ttyS0,38400 picks the speed; the name itself is all we have. */
static int __init serial8250_console_setup(char *arg)
{
	char *comma = strchr(arg, ',');
	unsigned int baud;

	if (strncmp(arg, "ttyS0", 5) || !comma)
		return 0;
	if (!kstrtouint(comma + 1, 10, &baud) && serial8250_set_baud(&com1, baud))
		pr_warn("serial8250: unsupported speed %u\n", baud);
	return 0;
}
__setup("console=", serial8250_console_setup);

static irqreturn_t serial8250_interrupt(int irq, void *dev_id)
{
	struct uart_8250_port *up = dev_id;
	irqreturn_t ret = IRQ_NONE;
	unsigned long flags;

	if (serial_in(up, UART_IIR) & UART_IIR_NO_INT)
		return IRQ_NONE;
	spin_lock_irqsave(&up->rx_lock, flags);
	while (serial_in(up, UART_LSR) & UART_LSR_DR) {
		unsigned char c = serial_in(up, UART_RX);
		unsigned int next = (up->rx_head + 1) % SERIAL_RX_BUF;

		if (next != up->rx_tail) {	/* full: drop, as a real FIFO would */
			up->rx_buf[up->rx_head] = c;
			up->rx_head = next;
		}
		ret = IRQ_HANDLED;
	}
	spin_unlock_irqrestore(&up->rx_lock, flags);
	if (ret == IRQ_HANDLED && up->rx_notify)
		up->rx_notify();
	return ret;
}

/* Copy out up to @count received bytes; never blocks. */
int serial8250_read(unsigned char *buf, int count)
{
	struct uart_8250_port *up = &com1;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&up->rx_lock, flags);
	while (n < count && up->rx_tail != up->rx_head) {
		buf[n++] = up->rx_buf[up->rx_tail];
		up->rx_tail = (up->rx_tail + 1) % SERIAL_RX_BUF;
	}
	spin_unlock_irqrestore(&up->rx_lock, flags);
	return n;
}

void serial8250_set_rx_notify(void (*notify)(void))
{
	com1.rx_notify = notify;
}

/* Once interrupts can be routed: take IRQ 4 and enable receive interrupts. */
static int __init serial8250_init(void)
{
	struct uart_8250_port *up = &com1;
	int ret;

	if (!up->present)
		return -ENODEV;
	/* The console has used the ports since early boot; now they are claimed. */
	if (!request_region(up->iobase, 8, "serial"))
		pr_warn("serial8250: I/O 0x%x-0x%x is claimed by another driver\n",
			up->iobase, up->iobase + 7);
	ret = request_irq(COM1_IRQ, serial8250_interrupt, 0, "serial", up);
	if (ret) {
		pr_err("serial8250: cannot get IRQ %d: %d\n", COM1_IRQ, ret);
		return ret;
	}
	serial_out(up, UART_IER, UART_IER_RDI);
	pr_info("serial8250: ttyS0 at I/O 0x%x (irq = %d, base_baud = %u) is a 16550A\n",
		up->iobase, COM1_IRQ, up->baud);
	return 0;
}
device_initcall(serial8250_init);
