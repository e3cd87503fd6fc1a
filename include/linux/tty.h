/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TTY layer, in three parts as in Linux:
 *
 *   tty_io.c      the character devices (/dev/ttyS0, /dev/console,
 *                 /dev/tty), open/read/write/ioctl dispatch, hangup
 *   n_tty.c       the line discipline: canonical editing, echo, ISIG,
 *                 VMIN/VTIME, output post-processing
 *   tty_ioctl.c   termios and window-size ioctls
 *   tty_jobctrl.c the controlling terminal, foreground process group,
 *                 SIGTTIN/SIGTTOU
 *
 * A tty_driver (here only the 8250 UART) moves bytes; the tty_struct is
 * the terminal those bytes belong to; the tty_ldisc sits between them.
 *
 * Locking: tty->lock guards termios, winsize, pgrp, session and the line
 * discipline's buffers.  Input arrives in interrupt context, so it is
 * always taken with interrupts off.  Order: tasklist_lock before
 * tty->lock; signals are sent only after tty->lock is dropped.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <uapi/asm-generic/termbits.h>
#include <uapi/asm-generic/ioctls.h>

struct file;
struct tty_struct;

/* What the hardware driver offers the TTY. */
struct tty_operations {
	/* Send @count bytes as they are (no post-processing); may spin. */
	void (*write)(struct tty_struct *tty, const unsigned char *buf, int count);
};

struct tty_driver {
	const char *name;		/* "ttyS" */
	int major, minor_start;
	const struct tty_operations *ops;
};

/* A line discipline: the policy between a tty and its readers/writers. */
struct tty_ldisc_ops {
	const char *name;
	int (*open)(struct tty_struct *tty);
	ssize_t (*read)(struct tty_struct *tty, struct file *file,
			unsigned char *buf, size_t nr, bool nonblock);
	ssize_t (*write)(struct tty_struct *tty, const unsigned char *buf, size_t nr);
	/* Bytes typed; interrupt context, tty->lock not held. */
	void (*receive_buf)(struct tty_struct *tty, const unsigned char *cp, int count);
	void (*set_termios)(struct tty_struct *tty, const struct termios *old);
	void (*flush_buffer)(struct tty_struct *tty);
	int (*readable)(struct tty_struct *tty);	/* FIONREAD; tty->lock held */
	bool (*input_available)(struct tty_struct *tty);	/* would a read return now? */
};

struct tty_struct {
	spinlock_t lock;
	struct tty_driver *driver;
	const struct tty_operations *ops;
	const struct tty_ldisc_ops *ldisc;
	void *disc_data;		/* the ldisc's private state */
	char name[16];
	struct termios termios;
	struct winsize winsize;
	pid_t pgrp;			/* foreground process group, 0 = none */
	pid_t session;			/* controlling session, 0 = none */
	unsigned int stopped:1;		/* TCOOFF */
	wait_queue_head_t read_wait;
	wait_queue_head_t write_wait;
};

#define I_FLAG(tty, f)	((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f)	((tty)->termios.c_oflag & (f))
#define L_FLAG(tty, f)	((tty)->termios.c_lflag & (f))

extern const struct termios tty_std_termios;
extern const struct tty_ldisc_ops n_tty_ops;

/* tty_io.c */
void tty_init_struct(struct tty_struct *tty, struct tty_driver *driver);
void tty_receive(struct tty_struct *tty, const unsigned char *cp, int count);

/* tty_ioctl.c */
long tty_mode_ioctl(struct tty_struct *tty, struct file *file,
		    unsigned int cmd, unsigned long arg);

/* tty_jobctrl.c */
int tty_check_change(struct tty_struct *tty, int sig);
int tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file,
		      unsigned int cmd, unsigned long arg);
void tty_open_proc_set_tty(struct tty_struct *tty);
void tty_signal_pgrp(struct tty_struct *tty, int sig);
void disassociate_ctty(int on_exit);
struct tty_struct *get_current_tty(void);

#endif
