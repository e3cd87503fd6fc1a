// SPDX-License-Identifier: GPL-2.0
/*
 * The TTY core: the character devices that reach a terminal, and the
 * path from read()/write()/ioctl() through the line discipline (n_tty.c)
 * to the driver.  Lantern has one terminal, the serial console:
 *
 *   /dev/ttyS0    4:64  the 8250 UART's tty
 *   /dev/console  5:1   the same tty; never becomes a controlling tty by open
 *   /dev/tty      5:0   the caller's controlling terminal (ENXIO if none)
 *   /dev/ptmx     5:2   a new pseudo-terminal's master (pty.c)
 *   /dev/pts/N  136:N   that pseudo-terminal's slave (devpts)
 *
 * Each open file points to a tty_file_private: the tty, and the tty's
 * hangup generation when it was opened.  vhangup (or a pty master's
 * close) bumps the generation, so every file opened before it is dead:
 * reads say end-of-file, writes and ioctls EIO; a new open works again.
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
#include <linux/bitops.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/mutex.h>
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
#define PTMX_MINOR		2
#define UNIX98_PTY_SLAVE_MAJOR	136

/* Guards every tty's open count and the pty table (pty.c). */
DEFINE_MUTEX(tty_mutex);

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

struct tty_struct *file_tty(struct file *file)
{
	return ((struct tty_file_private *)file->private_data)->tty;
}

bool tty_hung_up_p(struct file *file)
{
	const struct tty_file_private *priv = file->private_data;

	return priv->hangup_gen != READ_ONCE(priv->tty->hangup_gen);
}

void tty_packet_event(struct tty_struct *tty, unsigned char set, unsigned char clear)
{
	struct tty_struct *master = tty->link;
	unsigned long flags;

	if (!master || !READ_ONCE(master->packet))
		return;
	spin_lock_irqsave(&tty->lock, flags);
	tty->pktstatus = (tty->pktstatus & ~clear) | set;
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_interruptible(&master->read_wait);
}

bool tty_packet_pending(struct tty_struct *tty)
{
	return READ_ONCE(tty->packet) && READ_ONCE(tty->link->pktstatus);
}

/*
 * A packet-mode master reads either one status byte (TIOCPKT_FLUSHREAD,
 * _STOP, ...) when the slave had such an event, or TIOCPKT_DATA followed
 * by data.
 */
static ssize_t tty_packet_read(struct tty_struct *tty, struct file *file,
			       unsigned char *buf, size_t count, bool nonblock)
{
	struct tty_struct *slave = tty->link;
	unsigned long flags;
	unsigned char status;
	ssize_t n;

	for (;;) {
		spin_lock_irqsave(&slave->lock, flags);
		status = slave->pktstatus;
		slave->pktstatus = 0;
		spin_unlock_irqrestore(&slave->lock, flags);
		if (status) {
			buf[0] = status;
			return 1;
		}
		if (count < 2)
			return -EINVAL;
		n = tty->ldisc->read(tty, file, buf + 1, count - 1, nonblock);
		if (n > 0) {
			buf[0] = TIOCPKT_DATA;
			return n + 1;
		}
		/* Woken for an event rather than data: report it. */
		if (n == 0 && tty_packet_pending(tty))
			continue;
		return n;
	}
}

static ssize_t tty_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct tty_struct *tty = file_tty(iocb->ki_filp);
	size_t count = min_t(size_t, iov_iter_count(to), TTY_CHUNK);
	unsigned char *buf;
	ssize_t n;

	if (tty_hung_up_p(iocb->ki_filp))
		return 0;
	if (!count)
		return 0;
	n = tty_check_change(tty, SIGTTIN);
	if (n)
		return n;
	buf = kmalloc(count, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (READ_ONCE(tty->packet))
		n = tty_packet_read(tty, iocb->ki_filp, buf, count, iocb->ki_flags & IOCB_NOWAIT);
	else
		n = tty->ldisc->read(tty, iocb->ki_filp, buf, count,
				     iocb->ki_flags & IOCB_NOWAIT);
	if (n > 0 && copy_to_iter(buf, n, to) != (size_t)n)
		n = -EFAULT;
	kfree(buf);
	/* Room in the line discipline again: a pty sends what waits. */
	if (n > 0 && tty->ops->unthrottle)
		tty->ops->unthrottle(tty);
	return n;
}

/* Writes fail once the line is hung up, or a pty's other end is closed. */
static bool tty_write_dead(struct tty_struct *tty, struct file *file)
{
	return tty_hung_up_p(file) || (tty->link && !READ_ONCE(tty->link->count));
}

static ssize_t tty_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct tty_struct *tty = file_tty(file);
	unsigned char chunk[256];
	ssize_t done = 0, err;

	if (tty_write_dead(tty, file))
		return -EIO;
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
		/* A driver with a buffer (a pty): wait for room, output may double (ONLCR). */
		if (tty->ops->write_room) {
			size_t need = 2 * n;

			if (tty->ops->write_room(tty) < need && (iocb->ki_flags & IOCB_NOWAIT))
				return done ? done : -EAGAIN;
			err = wait_event_interruptible(tty->write_wait,
						       tty->ops->write_room(tty) >= need ||
						       tty_write_dead(tty, file));
			if (err)
				return done ? done : err;
			if (tty_write_dead(tty, file))
				return done ? done : -EIO;
		}
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
	struct tty_struct *tty = file_tty(file);
	__poll_t mask = 0;
	unsigned long flags;

	if (tty_hung_up_p(file))
		return POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLWRNORM;
	poll_wait(file, &tty->read_wait, wait);
	poll_wait(file, &tty->write_wait, wait);
	spin_lock_irqsave(&tty->lock, flags);
	if (tty->ldisc->input_available(tty))
		mask |= POLLIN | POLLRDNORM;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (tty_packet_pending(tty))
		mask |= POLLPRI | POLLIN | POLLRDNORM;
	if (test_bit(TTY_OTHER_CLOSED, &tty->flags))
		mask |= POLLHUP;
	if (!tty->ops->write_room || tty->ops->write_room(tty) > 0)
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file_tty(file);
	long ret = -ENOIOCTLCMD;

	if (tty_hung_up_p(file))
		return -EIO;
	if (cmd == TIOCVHANGUP) {
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		tty_vhangup(tty);
		return 0;
	}
	if (tty->ops->ioctl)
		ret = tty->ops->ioctl(tty, file, cmd, arg);
	if (ret == -ENOIOCTLCMD)
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
	/* A pty master is never a controlling terminal; its slave may be. */
	if (major == TTYAUX_MAJOR && minor == PTMX_MINOR)
		return ptmx_open();
	if (major == UNIX98_PTY_SLAVE_MAJOR) {
		*noctty = false;
		return pts_lookup(minor);
	}
	return ERR_PTR(-ENXIO);
}

static int tty_open(struct inode *inode, struct file *filp)
{
	struct tty_file_private *priv = kmalloc(sizeof(*priv), GFP_KERNEL);
	struct tty_struct *tty;
	bool noctty;

	if (!priv)
		return -ENOMEM;
	mutex_lock(&tty_mutex);
	tty = tty_lookup(inode->i_rdev, &noctty);
	if (IS_ERR_OR_NULL(tty)) {
		mutex_unlock(&tty_mutex);
		kfree(priv);
		/* NULL: /dev/tty without a controlling terminal */
		return tty ? PTR_ERR(tty) : -ENXIO;
	}
	tty->count++;
	priv->tty = tty;
	priv->hangup_gen = tty->hangup_gen;
	mutex_unlock(&tty_mutex);
	filp->private_data = priv;
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

/* The last close of a tty tells its driver (a pty frees itself when both ends are gone). */
static int tty_release(struct inode *inode, struct file *filp)
{
	struct tty_file_private *priv = filp->private_data;
	struct tty_struct *tty = priv->tty;

	mutex_lock(&tty_mutex);
	if (!--tty->count && tty->ops->close)
		tty->ops->close(tty);
	mutex_unlock(&tty_mutex);
	kfree(priv);
	return 0;
}

const struct file_operations tty_fops = {
	.open		= tty_open,
	.release	= tty_release,
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
	if (!err)
		err = register_chrdev(UNIX98_PTY_SLAVE_MAJOR, "pts", &tty_fops);
	return err;
}
fs_initcall(tty_init);
