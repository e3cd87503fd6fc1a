// SPDX-License-Identifier: GPL-2.0
/*
 * The terminal's modes as ioctls (tty_ioctl(4)): termios (tcgetattr,
 * tcsetattr and its TCSANOW/TCSADRAIN/TCSAFLUSH forms), the window size
 * (SIGWINCH to the foreground group when it changes), queue sizes and
 * flushing.  A background process changing modes is stopped with
 * SIGTTOU first (tty_check_change), as stty in the background is.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

/* What Linux's ttys start with: ICRNL IXON, OPOST ONLCR, B38400 CS8 CREAD HUPCL, ISIG ICANON ECHO... */
const struct termios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = {
		[VINTR] = 'C' - 64, [VQUIT] = '\\' - 64, [VERASE] = 0x7f,
		[VKILL] = 'U' - 64, [VEOF] = 'D' - 64, [VTIME] = 0, [VMIN] = 1,
		[VSTART] = 'Q' - 64, [VSTOP] = 'S' - 64, [VSUSP] = 'Z' - 64,
		[VREPRINT] = 'R' - 64, [VDISCARD] = 'O' - 64, [VWERASE] = 'W' - 64,
		[VLNEXT] = 'V' - 64,
	},
};

static int set_termios(struct tty_struct *tty, unsigned int cmd, struct termios __user *p)
{
	struct termios new, old;
	unsigned long flags;
	int ret;

	ret = tty_check_change(tty, SIGTTOU);
	if (ret)
		return ret;
	if (copy_from_user(&new, p, sizeof(new)))
		return -EFAULT;
	/* Output is written synchronously: TCSETSW has nothing to drain. */
	spin_lock_irqsave(&tty->lock, flags);
	if (cmd == TCSETSF)
		tty->ldisc->flush_buffer(tty);
	old = tty->termios;
	tty->termios = new;
	tty->ldisc->set_termios(tty, &old);
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_interruptible(&tty->read_wait);	/* VMIN/ICANON may now be met */
	return 0;
}

static int set_winsize(struct tty_struct *tty, struct winsize __user *p)
{
	struct winsize ws;
	unsigned long flags;
	bool changed;

	if (copy_from_user(&ws, p, sizeof(ws)))
		return -EFAULT;
	spin_lock_irqsave(&tty->lock, flags);
	changed = memcmp(&ws, &tty->winsize, sizeof(ws)) != 0;
	tty->winsize = ws;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (changed)
		tty_signal_pgrp(tty, SIGWINCH);
	return 0;
}

static int tty_flush(struct tty_struct *tty, unsigned long arg)
{
	unsigned long flags;

	if (arg > TCIOFLUSH)
		return -EINVAL;
	/* Output never waits in a queue here: only input can be flushed. */
	if (arg == TCIFLUSH || arg == TCIOFLUSH) {
		spin_lock_irqsave(&tty->lock, flags);
		tty->ldisc->flush_buffer(tty);
		spin_unlock_irqrestore(&tty->lock, flags);
	}
	return 0;
}

long tty_mode_ioctl(struct tty_struct *tty, struct file *file,
		    unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;
	unsigned long flags;
	struct termios t;
	struct winsize ws;
	int n;

	switch (cmd) {
	case TCGETS:
		spin_lock_irqsave(&tty->lock, flags);
		t = tty->termios;
		spin_unlock_irqrestore(&tty->lock, flags);
		return copy_to_user(p, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, p);
	case TIOCGWINSZ:
		spin_lock_irqsave(&tty->lock, flags);
		ws = tty->winsize;
		spin_unlock_irqrestore(&tty->lock, flags);
		return copy_to_user(p, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return set_winsize(tty, p);
	case FIONREAD:
		spin_lock_irqsave(&tty->lock, flags);
		n = tty->ldisc->readable(tty);
		spin_unlock_irqrestore(&tty->lock, flags);
		return put_user(n, (int __user *)p);
	case TIOCOUTQ:
		return put_user(0, (int __user *)p);
	case TCFLSH:
		return tty_flush(tty, arg);
	case TCXONC:
		if (arg > TCION)
			return -EINVAL;
		/* TCIOFF/TCION would send STOP/START to the far end: no flow control here. */
		if (arg == TCOOFF || arg == TCOON) {
			tty->stopped = arg == TCOOFF;
			wake_up_interruptible(&tty->write_wait);
		}
		return 0;
	case TCSBRK:
	case TCSBRKP:
		return 0;	/* tcdrain(): output is already out */
	default:
		return -ENOIOCTLCMD;
	}
}
