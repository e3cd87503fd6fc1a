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

/*
 * struct termio, System V's older termios: 16-bit flag words and 8
 * control characters.  Setting one keeps the high flag bits and the
 * control characters it has no room for.
 */
#define NCC 8
struct termio {
	unsigned short c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[NCC];
};

static int get_termio(struct tty_struct *tty, struct termio __user *p)
{
	struct termio tio = { 0 };
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	tio.c_iflag = tty->termios.c_iflag;
	tio.c_oflag = tty->termios.c_oflag;
	tio.c_cflag = tty->termios.c_cflag;
	tio.c_lflag = tty->termios.c_lflag;
	tio.c_line = tty->termios.c_line;
	memcpy(tio.c_cc, tty->termios.c_cc, NCC);
	spin_unlock_irqrestore(&tty->lock, flags);
	return copy_to_user(p, &tio, sizeof(tio)) ? -EFAULT : 0;
}

static int set_termio(struct tty_struct *tty, unsigned int cmd, struct termio __user *p)
{
	struct termios new, old;
	struct termio tio;
	unsigned long flags;
	int ret;

	ret = tty_check_change(tty, SIGTTOU);
	if (ret)
		return ret;
	if (copy_from_user(&tio, p, sizeof(tio)))
		return -EFAULT;
	spin_lock_irqsave(&tty->lock, flags);
	old = new = tty->termios;
	new.c_iflag = (new.c_iflag & 0xffff0000) | tio.c_iflag;
	new.c_oflag = (new.c_oflag & 0xffff0000) | tio.c_oflag;
	new.c_cflag = (new.c_cflag & 0xffff0000) | tio.c_cflag;
	new.c_lflag = (new.c_lflag & 0xffff0000) | tio.c_lflag;
	new.c_line = tio.c_line;
	memcpy(new.c_cc, tio.c_cc, NCC);
	if (cmd == TCSETAF)
		tty->ldisc->flush_buffer(tty);
	tty->termios = new;
	tty->ldisc->set_termios(tty, &old);
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_interruptible(&tty->read_wait);
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
	if (arg == TCIFLUSH || arg == TCIOFLUSH) {
		spin_lock_irqsave(&tty->lock, flags);
		tty->ldisc->flush_buffer(tty);
		spin_unlock_irqrestore(&tty->lock, flags);
		tty_packet_event(tty, TIOCPKT_FLUSHREAD, 0);
	}
	/* A serial line's output is already out; a pty's may still wait. */
	if (arg == TCOFLUSH || arg == TCIOFLUSH) {
		if (tty->ops->flush_buffer)
			tty->ops->flush_buffer(tty);
		tty_packet_event(tty, TIOCPKT_FLUSHWRITE, 0);
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
	case TCGETA:
		return get_termio(tty, p);
	case TCSETA:
	case TCSETAW:
	case TCSETAF:
		return set_termio(tty, cmd, p);
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
			if (arg == TCOOFF)
				tty_packet_event(tty, TIOCPKT_STOP, TIOCPKT_START);
			else
				tty_packet_event(tty, TIOCPKT_START, TIOCPKT_STOP);
		}
		return 0;
	case TCSBRK:
	case TCSBRKP:
		return 0;	/* tcdrain(): output is already out */
	default:
		return -ENOIOCTLCMD;
	}
}
