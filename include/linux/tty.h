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
struct mutex;
struct vfsmount;
struct tty_struct;

/* What the hardware driver offers the TTY. */
struct tty_operations {
	/* Send @count bytes as they are (no post-processing); may spin. */
	void (*write)(struct tty_struct *tty, const unsigned char *buf, int count);
	/* The line was hung up (vhangup): tell the other end, if any. */
	void (*hangup)(struct tty_struct *tty);
	/* The following are optional; a pty has them all. */
	/* The last file of @tty closed (tty_release). */
	void (*close)(struct tty_struct *tty);
	/* Bytes ->write can take now; a writer sleeps on write_wait until there is room. */
	unsigned int (*write_room)(struct tty_struct *tty);
	/* A reader made room in the line discipline: send more input. */
	void (*unthrottle)(struct tty_struct *tty);
	/* Discard output not yet delivered (TCOFLUSH). */
	void (*flush_buffer)(struct tty_struct *tty);
	/* Driver ioctls, before the generic ones; -ENOIOCTLCMD if not its own. */
	long (*ioctl)(struct tty_struct *tty, struct file *file, unsigned int cmd,
		      unsigned long arg);
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
	int (*receive_room)(struct tty_struct *tty);	/* bytes receive_buf can keep */
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

	/* Added for ptys: open files, the other end, state bits (TTY_*). */
	int count;			/* files open on it; tty_mutex */
	int index;			/* /dev/pts/<index> */
	struct tty_struct *link;	/* a pty's other end */
	unsigned long flags;		/* TTY_OTHER_CLOSED, TTY_PTY_LOCK */
	unsigned int hangup_gen;	/* files opened before the last hangup are dead */
	void *driver_data;
	/* Packet mode (TIOCPKT on a pty master): events the master's reader is told */
	bool packet;			/* on the master */
	unsigned char pktstatus;	/* on the slave: TIOCPKT_* not yet read */
};

#define TIOCPKT_DATA		0
#define TIOCPKT_FLUSHREAD	1
#define TIOCPKT_FLUSHWRITE	2
#define TIOCPKT_STOP		4
#define TIOCPKT_START		8

/* tty->flags bits */
#define TTY_OTHER_CLOSED	0	/* the other end of a pty has no files left */
#define TTY_PTY_LOCK		1	/* TIOCSPTLCK: the slave may not be opened */

/* file->private_data of an open terminal: which one, and since when. */
struct tty_file_private {
	struct tty_struct *tty;
	unsigned int hangup_gen;	/* tty->hangup_gen at open */
};

#define I_FLAG(tty, f)	((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f)	((tty)->termios.c_oflag & (f))
#define L_FLAG(tty, f)	((tty)->termios.c_lflag & (f))

extern const struct termios tty_std_termios;
extern const struct tty_ldisc_ops n_tty_ops;

/* tty_io.c */
void tty_init_struct(struct tty_struct *tty, struct tty_driver *driver);
struct tty_struct *file_tty(struct file *file);
/* Was @file opened before its tty was last hung up?  Then it is dead. */
bool tty_hung_up_p(struct file *file);
extern struct mutex tty_mutex;
extern const struct file_operations tty_fops;

/* pty.c */
struct tty_struct *ptmx_open(void);
struct tty_struct *pts_lookup(int index);
int pty_open_peer(struct tty_struct *master, int flags);
void pty_release(struct tty_struct *tty);

/* fs/devpts: the /dev/pts/<index> node of a pty's slave */
int devpts_pty_new(int index, dev_t dev);
void devpts_pty_kill(int index);
struct vfsmount *devpts_mnt(void);
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
void tty_vhangup(struct tty_struct *tty);
/* A pty slave's event for a packet-mode master (TIOCPKT_*); @clear goes first. */
void tty_packet_event(struct tty_struct *tty, unsigned char set, unsigned char clear);
/* A packet-mode master's reader has an event waiting. */
bool tty_packet_pending(struct tty_struct *tty);

#endif
