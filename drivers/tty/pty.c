// SPDX-License-Identifier: GPL-2.0
/*
 * Pseudo-terminals (Unix 98 ptys): a pair of ttys joined back to back.
 *
 * Opening /dev/ptmx makes a new pair.  The opener holds the master; the
 * slave appears as /dev/pts/N (devpts), locked until the master says
 * TIOCSPTLCK 0 (unlockpt) -- TIOCGPTN (ptsname) tells N.  The slave is an
 * ordinary terminal with the n_tty line discipline, a controlling tty for
 * a session, job control and all: what a terminal emulator, ssh, script
 * or expect give the programs they run.  What the master writes is the
 * slave's input (as if typed); what the slave writes (after its output
 * processing) is the master's input.  The master's own line discipline is
 * raw, so its reader sees bytes as they are.
 *
 * Bytes cross through a buffer per direction, emptied by a work item into
 * the other side's line discipline only as fast as that has room: a
 * writer whose buffer is full sleeps until the reader catches up.  (Going
 * through the work item also keeps echo, which writes back the other way
 * while a write is in progress, from taking both ttys' locks in turn.)
 *
 * In packet mode (TIOCPKT) every read on the master starts with a status
 * byte: TIOCPKT_DATA before data, or alone, the slave's input or output
 * was flushed or its output stopped or started (what telnetd and rlogind
 * pass on to the far end).
 *
 * When the master's last file closes, the slave is hung up: its session
 * leader gets SIGHUP, its open files read end-of-file and fail writes
 * with EIO.  When the slave's last file closes, the master reads EIO once
 * the pending output is read.  The pair is freed when both sides are closed.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/mount.h>
#include <linux/mutex.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#define UNIX98_PTY_SLAVE_MAJOR	136
#define NR_UNIX98_PTY_MAX	1024
#define PTY_BUF_SIZE		4096
#define PTY_PUSH_CHUNK		256

/* Bytes written by one side, on their way to the other side's line discipline. */
struct pty_port {
	spinlock_t lock;
	unsigned char buf[PTY_BUF_SIZE];
	unsigned int head, tail;	/* free-running */
	struct work_struct work;
	struct tty_struct *tty;		/* the receiving side */
};

struct pty_pair {
	struct tty_struct master, slave;
	struct pty_port to_master, to_slave;
	int index;
};

static struct pty_pair *ptys[NR_UNIX98_PTY_MAX];	/* tty_mutex */

static const struct tty_operations pty_master_ops, pty_slave_ops;

static struct tty_driver pty_master_driver = {
	.name = "ptm", .major = 128, .minor_start = 0, .ops = &pty_master_ops,
};
static struct tty_driver pty_slave_driver = {
	.name = "pts", .major = UNIX98_PTY_SLAVE_MAJOR, .minor_start = 0, .ops = &pty_slave_ops,
};

static bool pty_is_master(const struct tty_struct *tty)
{
	return tty->ops == &pty_master_ops;
}

static struct pty_pair *tty_pair(struct tty_struct *tty)
{
	return tty->driver_data;
}

/* The port carrying what @tty writes. */
static struct pty_port *out_port(struct tty_struct *tty)
{
	struct pty_pair *pair = tty_pair(tty);

	return pty_is_master(tty) ? &pair->to_slave : &pair->to_master;
}

static struct pty_port *in_port(struct tty_struct *tty)
{
	struct pty_pair *pair = tty_pair(tty);

	return pty_is_master(tty) ? &pair->to_master : &pair->to_slave;
}

/* Move what waits in @port into its tty's line discipline, as far as it has room. */
static void pty_push_work(struct work_struct *work)
{
	struct pty_port *port = container_of(work, struct pty_port, work);
	struct tty_struct *tty = port->tty;
	unsigned char chunk[PTY_PUSH_CHUNK];
	unsigned long flags;
	unsigned int n, i;

	for (;;) {
		int room = tty->ldisc->receive_room(tty);

		spin_lock_irqsave(&port->lock, flags);
		n = min(min(port->head - port->tail, (unsigned int)sizeof(chunk)), (unsigned int)room);
		for (i = 0; i < n; i++)
			chunk[i] = port->buf[port->tail++ % PTY_BUF_SIZE];
		spin_unlock_irqrestore(&port->lock, flags);
		if (!n)
			break;
		tty->ldisc->receive_buf(tty, chunk, n);
	}
	/* The writer on the other side may have room now. */
	wake_up_interruptible(&tty->link->write_wait);
}

/* Called by the line discipline with tty->lock held: queue and kick, never sleep. */
static void pty_write(struct tty_struct *tty, const unsigned char *buf, int count)
{
	struct pty_port *port = out_port(tty);
	unsigned long flags;
	int i;

	spin_lock_irqsave(&port->lock, flags);
	/* tty_write waited for room; echo that finds none is lost, as on a full line. */
	for (i = 0; i < count && port->head - port->tail < PTY_BUF_SIZE; i++)
		port->buf[port->head++ % PTY_BUF_SIZE] = buf[i];
	spin_unlock_irqrestore(&port->lock, flags);
	schedule_work(&port->work);
}

static unsigned int pty_write_room(struct tty_struct *tty)
{
	struct pty_port *port = out_port(tty);
	unsigned long flags;
	unsigned int room;

	spin_lock_irqsave(&port->lock, flags);
	room = PTY_BUF_SIZE - (port->head - port->tail);
	spin_unlock_irqrestore(&port->lock, flags);
	return room;
}

/* TCOFLUSH: what this side wrote and the other has not received is dropped. */
static void pty_flush_buffer(struct tty_struct *tty)
{
	struct pty_port *port = out_port(tty);
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	port->tail = port->head;
	spin_unlock_irqrestore(&port->lock, flags);
	wake_up_interruptible(&tty->write_wait);
}

static void pty_unthrottle(struct tty_struct *tty)
{
	schedule_work(&in_port(tty)->work);
}

/* Both ends closed: nothing refers to the pair any more but stale ctty pointers. */
static void pty_free(struct pty_pair *pair)
{
	struct task_struct *p;
	bool again;

	/* Delivery one way can echo the other way: stop both until neither comes back. */
	do {
		again = cancel_work_sync(&pair->to_slave.work);
		again |= cancel_work_sync(&pair->to_master.work);
	} while (again);
	spin_lock_irq(&tasklist_lock);
	for_each_process(p)
		if (p->signal->tty == &pair->slave || p->signal->tty == &pair->master)
			p->signal->tty = NULL;
	spin_unlock_irq(&tasklist_lock);
	ptys[pair->index] = NULL;
	kfree(pair->master.disc_data);
	kfree(pair->slave.disc_data);
	kfree(pair);
}

/* The last file of one side closed.  tty_mutex held. */
static void pty_close(struct tty_struct *tty)
{
	struct tty_struct *other = tty->link;
	struct pty_pair *pair = tty_pair(tty);

	set_bit(TTY_OTHER_CLOSED, &other->flags);
	wake_up_interruptible_all(&other->read_wait);
	wake_up_interruptible_all(&other->write_wait);
	if (pty_is_master(tty)) {
		/* The terminal is gone: its name goes, and its users are hung up. */
		devpts_pty_kill(pair->index);
		if (other->count)
			tty_vhangup(other);
	}
	if (!pair->master.count && !pair->slave.count)
		pty_free(pair);
}

static void pty_init_port(struct pty_port *port, struct tty_struct *tty)
{
	spin_lock_init(&port->lock);
	INIT_WORK(&port->work, pty_push_work);
	port->tty = tty;
}

/* /dev/ptmx: a new pair, its slave locked.  The master, or ERR_PTR.  tty_mutex held. */
struct tty_struct *ptmx_open(void)
{
	struct pty_pair *pair;
	int index, err;

	for (index = 0; index < NR_UNIX98_PTY_MAX && ptys[index]; index++)
		;
	if (index == NR_UNIX98_PTY_MAX)
		return ERR_PTR(-ENOSPC);
	pair = kzalloc(sizeof(*pair), GFP_KERNEL);
	if (!pair)
		return ERR_PTR(-ENOMEM);
	pair->index = index;
	tty_init_struct(&pair->master, &pty_master_driver);
	tty_init_struct(&pair->slave, &pty_slave_driver);
	snprintf(pair->master.name, sizeof(pair->master.name), "ptm%d", index);
	snprintf(pair->slave.name, sizeof(pair->slave.name), "pts/%d", index);
	/* The master side is raw: no echo, no editing, no output processing. */
	pair->master.termios.c_iflag = 0;
	pair->master.termios.c_oflag = 0;
	pair->master.termios.c_lflag = 0;
	pair->master.link = &pair->slave;
	pair->slave.link = &pair->master;
	pair->master.driver_data = pair->slave.driver_data = pair;
	pair->master.index = pair->slave.index = index;
	pty_init_port(&pair->to_master, &pair->master);
	pty_init_port(&pair->to_slave, &pair->slave);
	set_bit(TTY_PTY_LOCK, &pair->master.flags);
	err = pair->master.ldisc->open(&pair->master);
	if (!err)
		err = pair->slave.ldisc->open(&pair->slave);
	if (!err)
		err = devpts_pty_new(index, MKDEV(UNIX98_PTY_SLAVE_MAJOR, index));
	if (err) {
		kfree(pair->master.disc_data);
		kfree(pair->slave.disc_data);
		kfree(pair);
		return ERR_PTR(err);
	}
	ptys[index] = pair;
	return &pair->master;
}

/* /dev/pts/N: the slave, if its master is open and has unlocked it.  tty_mutex held. */
struct tty_struct *pts_lookup(int index)
{
	struct pty_pair *pair = index < NR_UNIX98_PTY_MAX ? ptys[index] : NULL;

	if (!pair || !pair->master.count)
		return ERR_PTR(-EIO);
	if (test_bit(TTY_PTY_LOCK, &pair->master.flags))
		return ERR_PTR(-EIO);
	clear_bit(TTY_OTHER_CLOSED, &pair->master.flags);
	return &pair->slave;
}

/* TIOCGPTPEER: open the slave without going through a path name. */
int pty_open_peer(struct tty_struct *master, int flags)
{
	struct vfsmount *mnt = devpts_mnt();
	struct path path;
	struct file *file;
	char name[16];
	int fd;

	if (flags & ~(O_ACCMODE | O_NOCTTY | O_NONBLOCK | O_CLOEXEC))
		return -EINVAL;
	if (!mnt)
		return -ENODEV;
	snprintf(name, sizeof(name), "%d", master->index);
	inode_lock(d_inode(mnt->mnt_root));
	path.dentry = lookup_one_len(name, mnt->mnt_root, strlen(name));
	inode_unlock(d_inode(mnt->mnt_root));
	if (IS_ERR(path.dentry))
		return PTR_ERR(path.dentry);
	if (!d_inode(path.dentry)) {
		dput(path.dentry);
		return -EIO;
	}
	path.mnt = mnt;
	fd = get_unused_fd_flags(flags);
	if (fd < 0) {
		dput(path.dentry);
		return fd;
	}
	file = dentry_open(&path, flags);
	dput(path.dentry);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	return fd;
}

/* A window size set on either side is the pair's; the slave's foreground hears of it. */
static int pty_resize(struct tty_struct *tty, struct winsize __user *p)
{
	struct tty_struct *slave = pty_is_master(tty) ? tty->link : tty;
	struct winsize ws;
	unsigned long flags;
	bool changed;

	if (copy_from_user(&ws, p, sizeof(ws)))
		return -EFAULT;
	spin_lock_irqsave(&slave->lock, flags);
	changed = memcmp(&ws, &slave->winsize, sizeof(ws)) != 0;
	slave->winsize = ws;
	slave->link->winsize = ws;
	spin_unlock_irqrestore(&slave->lock, flags);
	if (changed)
		tty_signal_pgrp(slave, SIGWINCH);
	return 0;
}

static long pty_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		      unsigned long arg)
{
	int __user *p = (int __user *)arg;
	int val;

	if (cmd == TIOCSWINSZ)
		return pty_resize(tty, (struct winsize __user *)arg);
	if (!pty_is_master(tty))
		return -ENOIOCTLCMD;
	switch (cmd) {
	case TIOCGPTN:
		return put_user(tty->index, (unsigned int __user *)p);
	case TIOCSPTLCK:
		if (get_user(val, p))
			return -EFAULT;
		if (val)
			set_bit(TTY_PTY_LOCK, &tty->flags);
		else
			clear_bit(TTY_PTY_LOCK, &tty->flags);
		return 0;
	case TIOCGPTLCK:
		return put_user(test_bit(TTY_PTY_LOCK, &tty->flags), p);
	case TIOCPKT:
		if (get_user(val, p))
			return -EFAULT;
		/* Turning it on starts with no stale events. */
		if (val && !tty->packet)
			tty->link->pktstatus = 0;
		WRITE_ONCE(tty->packet, !!val);
		return 0;
	case TIOCGPKT:
		return put_user((int)tty->packet, p);
	case TIOCGPTPEER:
		return pty_open_peer(tty, arg);
	case TIOCSIG:
		/* Signal the slave's foreground group, as a typed ^C would. */
		if (arg == 0 || arg >= _NSIG)
			return -EINVAL;
		tty_signal_pgrp(tty->link, arg);
		return 0;
	case TIOCGPGRP:
		/* The master answers for the slave's job control. */
		return put_user(tty->link->pgrp, p);
	default:
		return -ENOIOCTLCMD;
	}
}

static const struct tty_operations pty_master_ops = {
	.write		= pty_write,
	.close		= pty_close,
	.write_room	= pty_write_room,
	.unthrottle	= pty_unthrottle,
	.flush_buffer	= pty_flush_buffer,
	.ioctl		= pty_ioctl,
};

static const struct tty_operations pty_slave_ops = {
	.write		= pty_write,
	.close		= pty_close,
	.write_room	= pty_write_room,
	.unthrottle	= pty_unthrottle,
	.flush_buffer	= pty_flush_buffer,
	.ioctl		= pty_ioctl,
};
