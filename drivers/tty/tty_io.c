// SPDX-License-Identifier: GPL-2.0
/*
 * The console as a character device: /dev/console (5:1), /dev/ttyS0
 * (4:64) and /dev/tty (5:0, the caller's controlling terminal, which is
 * the console until job control exists) all reach the 8250 UART.
 *
 * This is the seed of the TTY layer: writes go straight out through
 * serial8250_write; reads wait until bytes have been typed and return
 * them raw (no line editing or echo: the n_tty line discipline comes
 * with job control).  The termios ioctls keep and report settings, so
 * programs that ask isatty() get the truth and a shell can switch modes.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/serial_8250.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/wait.h>

#define TTY_MAJOR		4
#define TTYAUX_MAJOR		5
#define TTYS0_MINOR		64
#define CHUNK			256

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414

#define NCCS	19
struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[NCCS];
};

struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* What Linux's console starts with: ICRNL IXON / OPOST ONLCR / B38400 CS8 CREAD HUPCL / ISIG ICANON ECHO... */
static struct termios console_termios = {
	.c_iflag = 0x0500,
	.c_oflag = 0x0005,
	.c_cflag = 0x00bf,
	.c_lflag = 0x8a3b,
	.c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0 },
};
static struct winsize console_winsize = { .ws_row = 24, .ws_col = 80 };
static DEFINE_SPINLOCK(console_tty_lock);	/* guards the two structs above */
static DECLARE_WAIT_QUEUE_HEAD(console_read_wait);

static void console_rx_notify(void)
{
	wake_up_interruptible(&console_read_wait);
}

static ssize_t console_tty_write(struct kiocb *iocb, struct iov_iter *from)
{
	char chunk[CHUNK];
	ssize_t done = 0;

	while (iov_iter_count(from)) {
		size_t n = min(sizeof(chunk), iov_iter_count(from));
		size_t got;

		/* A huge write must not hold the CPU; a signal ends it short. */
		if (done && signal_pending(current))
			break;
		cond_resched();
		got = copy_from_iter(chunk, n, from);
		if (got)
			serial8250_write(chunk, got);
		done += got;
		if (got < n)
			return done ? done : -EFAULT;
	}
	return done;
}

/* Block until at least one byte has been typed; return what there is. */
static ssize_t console_tty_read(struct kiocb *iocb, struct iov_iter *to)
{
	unsigned char chunk[CHUNK];
	int n = 0, err;

	if (!iov_iter_count(to))
		return 0;
	if (iocb->ki_flags & IOCB_NOWAIT) {
		n = serial8250_read(chunk, min(iov_iter_count(to), sizeof(chunk)));
		if (n <= 0)
			return -EAGAIN;
	} else {
		err = wait_event_interruptible(console_read_wait,
			(n = serial8250_read(chunk, min(iov_iter_count(to), sizeof(chunk)))) > 0);
		if (err)
			return -ERESTARTSYS;	/* restarted under SA_RESTART, else EINTR */
	}
	if (copy_to_iter(chunk, n, to) != (size_t)n)
		return -EFAULT;
	return n;
}

/* Minimal, until the TTY layer has its own: typed bytes, and always writable. */
static __poll_t console_tty_poll(struct file *file, poll_table *wait)
{
	__poll_t mask = POLLOUT | POLLWRNORM;

	poll_wait(file, &console_read_wait, wait);
	if (serial8250_rx_pending())
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

static long console_tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	struct termios t;
	struct winsize ws;

	switch (cmd) {
	case TCGETS:
		spin_lock(&console_tty_lock);
		t = console_termios;
		spin_unlock(&console_tty_lock);
		return copy_to_user(argp, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		if (copy_from_user(&t, argp, sizeof(t)))
			return -EFAULT;
		spin_lock(&console_tty_lock);
		console_termios = t;
		spin_unlock(&console_tty_lock);
		return 0;
	case TIOCGWINSZ:
		spin_lock(&console_tty_lock);
		ws = console_winsize;
		spin_unlock(&console_tty_lock);
		return copy_to_user(argp, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		if (copy_from_user(&ws, argp, sizeof(ws)))
			return -EFAULT;
		spin_lock(&console_tty_lock);
		console_winsize = ws;
		spin_unlock(&console_tty_lock);
		return 0;
	default:
		return -ENOTTY;
	}
}

static int console_tty_open(struct inode *inode, struct file *filp)
{
	unsigned int major = MAJOR(inode->i_rdev), minor = MINOR(inode->i_rdev);

	if (!(major == TTYAUX_MAJOR && minor <= 1) &&
	    !(major == TTY_MAJOR && minor == TTYS0_MINOR))
		return -ENXIO;
	serial8250_set_rx_notify(console_rx_notify);
	return 0;
}

static const struct file_operations console_tty_fops = {
	.open		= console_tty_open,
	.llseek		= no_llseek,
	.read_iter	= console_tty_read,
	.write_iter	= console_tty_write,
	.poll		= console_tty_poll,
	.unlocked_ioctl	= console_tty_ioctl,
};


static int __init tty_init(void)
{
	int err = register_chrdev(TTYAUX_MAJOR, "console", &console_tty_fops);

	if (!err)
		err = register_chrdev(TTY_MAJOR, "ttyS", &console_tty_fops);
	return err;
}
fs_initcall(tty_init);
