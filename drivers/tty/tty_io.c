// SPDX-License-Identifier: GPL-2.0
/*
 * The TTY core: the character devices that reach a terminal, and the
 * path from read()/write()/ioctl() through the line discipline (n_tty.c)
 * to the driver.  Lantern has one terminal, the serial console:
 *
 *   /dev/ttyS0    4:64  the 8250 UART's tty
 *   /dev/console  5:1   the same tty; never becomes a controlling tty by open
 *   /dev/tty      5:0   the caller's controlling terminal (ENXIO if none)
 *
 * Input: the UART's interrupt hands bytes to tty_receive, which gives them
 * to the line discipline at once (so ^C works while nobody reads).
 * Output: the line discipline post-processes (ONLCR) and calls the
 * driver's write, which spins on the UART.
 *
 * The ioctls are split by subject: modes in tty_ioctl.c, the
 * controlling terminal and process groups in tty_jobctrl.c.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/serial_8250.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

#define TTY_MAJOR		4
#define TTYAUX_MAJOR		5
#define TTYS0_MINOR		64
#define TTY_CHUNK		1024	/* bytes moved per ldisc call */

static void serial_tty_write(struct tty_struct *tty, const unsigned char *buf, int count)
{
	serial8250_write((const char *)buf, count);
}

static const struct tty_operations serial_tty_ops = {
	.write	= serial_tty_write,
};

static struct tty_driver serial_driver = {
	.name		= "ttyS",
	.major		= TTY_MAJOR,
	.minor_start	= TTYS0_MINOR,
	.ops		= &serial_tty_ops,
};

static struct tty_struct serial_tty;	/* ttyS0, the console */
static bool serial_rx_started;

void tty_init_struct(struct tty_struct *tty, struct tty_driver *driver)
{
	spin_lock_init(&tty->lock);
	tty->driver = driver;
	tty->ops = driver->ops;
	tty->ldisc = &n_tty_ops;
	snprintf(tty->name, sizeof(tty->name), "%s0", driver->name);
	tty->termios = tty_std_termios;
	tty->winsize = (struct winsize){ .ws_row = 24, .ws_col = 80 };
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
}

/* Bytes from the driver (interrupt context). */
void tty_receive(struct tty_struct *tty, const unsigned char *cp, int count)
{
	tty->ldisc->receive_buf(tty, cp, count);
}

static void serial_rx_notify(void)
{
	unsigned char buf[64];
	int n;

	while ((n = serial8250_read(buf, sizeof(buf))) > 0)
		tty_receive(&serial_tty, buf, n);
}

static ssize_t tty_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct tty_struct *tty = iocb->ki_filp->private_data;
	size_t count = min_t(size_t, iov_iter_count(to), TTY_CHUNK);
	unsigned char *buf;
	ssize_t n;

	if (!count)
		return 0;
	n = tty_check_change(tty, SIGTTIN);
	if (n)
		return n;
	buf = kmalloc(count, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	n = tty->ldisc->read(tty, iocb->ki_filp, buf, count,
			     iocb->ki_flags & IOCB_NOWAIT);
	if (n > 0 && copy_to_iter(buf, n, to) != (size_t)n)
		n = -EFAULT;
	kfree(buf);
	return n;
}

static ssize_t tty_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct tty_struct *tty = iocb->ki_filp->private_data;
	unsigned char chunk[256];
	ssize_t done = 0, err;

	if (L_FLAG(tty, TOSTOP)) {
		err = tty_check_change(tty, SIGTTOU);
		if (err)
			return err;
	}
	while (iov_iter_count(from)) {
		size_t n = min(sizeof(chunk), iov_iter_count(from));
		size_t got;

		/* A huge write must not hold the CPU; a signal ends it short. */
		if (done && signal_pending(current))
			break;
		cond_resched();
		err = wait_event_interruptible(tty->write_wait, !tty->stopped);
		if (err)
			return done ? done : err;
		got = copy_from_iter(chunk, n, from);
		if (got)
			tty->ldisc->write(tty, chunk, got);
		done += got;
		if (got < n)
			return done ? done : -EFAULT;
	}
	return done;
}

/*
 * poll/select: readable when the line discipline has input a read would
 * return (a whole line in canonical mode); a serial line is always
 * writable (output is written through at once).
 */
static __poll_t tty_poll(struct file *file, poll_table *wait)
{
	struct tty_struct *tty = file->private_data;
	__poll_t mask = POLLOUT | POLLWRNORM;
	unsigned long flags;

	poll_wait(file, &tty->read_wait, wait);
	spin_lock_irqsave(&tty->lock, flags);
	if (tty->ldisc->input_available(tty))
		mask |= POLLIN | POLLRDNORM;
	spin_unlock_irqrestore(&tty->lock, flags);
	return mask;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	long ret;

	ret = tty_mode_ioctl(tty, file, cmd, arg);
	if (ret == -ENOIOCTLCMD)
		ret = tty_jobctrl_ioctl(tty, file, cmd, arg);
	return ret == -ENOIOCTLCMD ? -ENOTTY : ret;
}

/*
 * Which tty a device number names.  *@noctty: the console and /dev/tty
 * never make the opener's session take the terminal, as in Linux.
 */
static struct tty_struct *tty_lookup(dev_t dev, bool *noctty)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	*noctty = true;
	if (major == TTYAUX_MAJOR && minor == 0)
		return get_current_tty();
	if (major == TTYAUX_MAJOR && minor == 1)
		return &serial_tty;
	if (major == TTY_MAJOR && minor == TTYS0_MINOR) {
		*noctty = false;
		return &serial_tty;
	}
	return ERR_PTR(-ENXIO);
}

static int tty_open(struct inode *inode, struct file *filp)
{
	struct tty_struct *tty;
	bool noctty;

	tty = tty_lookup(inode->i_rdev, &noctty);
	if (!tty)
		return -ENXIO;	/* /dev/tty without a controlling terminal */
	if (IS_ERR(tty))
		return PTR_ERR(tty);
	filp->private_data = tty;
	/*
	 * Input goes to the tty only once someone has opened it: until then
	 * it waits in the UART's ring (where ktest=serial reads it).
	 */
	if (tty == &serial_tty && !READ_ONCE(serial_rx_started)) {
		WRITE_ONCE(serial_rx_started, true);
		serial8250_set_rx_notify(serial_rx_notify);
		serial_rx_notify();
	}
	if (!noctty && !(filp->f_flags & O_NOCTTY))
		tty_open_proc_set_tty(tty);
	return 0;
}

static const struct file_operations tty_fops = {
	.open		= tty_open,
	.llseek		= no_llseek,
	.read_iter	= tty_read,
	.write_iter	= tty_write,
	.poll		= tty_poll,
	.unlocked_ioctl	= tty_ioctl,
};

static int __init tty_init(void)
{
	int err;

	tty_init_struct(&serial_tty, &serial_driver);
	err = serial_tty.ldisc->open(&serial_tty);
	if (err)
		return err;
	err = register_chrdev(TTYAUX_MAJOR, "console", &tty_fops);
	if (!err)
		err = register_chrdev(TTY_MAJOR, "ttyS", &tty_fops);
	return err;
}
fs_initcall(tty_init);
