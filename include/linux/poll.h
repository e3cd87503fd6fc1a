/* SPDX-License-Identifier: GPL-2.0 */
/*
 * poll_table: how poll, ppoll, select and pselect6 (fs/select.c) wait on
 * any kind of file.  A file's ->poll(file, pt) does two things: it calls
 * poll_wait() on every wait queue whose wake-up may change its answer,
 * and it returns the events true right now.  The first scan passes a
 * table that hangs the caller on those queues; later scans pass NULL,
 * so ->poll is also just a cheap readiness check.  A file without
 * ->poll is always readable and writable, as on Linux.
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/fs.h>
#include <linux/wait.h>

/* The ABI's event bits (struct pollfd.events/revents). */
#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200
#define POLLMSG		0x0400
#define POLLRDHUP	0x2000

#define DEFAULT_POLLMASK	(POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

struct pollfd {
	int fd;
	short events;
	short revents;
};

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *file, wait_queue_head_t *wq,
				struct poll_table_struct *pt);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;		/* NULL: do not queue, only answer */
} poll_table;

/*
 * A wake-up's key is the events that became true (wake_up_poll); on
 * x86-64 the ABI's bits are the kernel's, so (de)mangling for AIO's poll
 * is a cast.
 */
#define key_to_poll(m)	((__poll_t)(unsigned long)(m))

static inline u16 mangle_poll(__poll_t val)
{
	return (u16)val;
}

static inline __poll_t demangle_poll(u16 val)
{
	return (__poll_t)val;
}

static inline void poll_wait(struct file *filp, wait_queue_head_t *wq, poll_table *pt)
{
	if (pt && pt->_qproc && wq)
		pt->_qproc(filp, wq, pt);
}

static inline __poll_t vfs_poll(struct file *file, poll_table *pt)
{
	if (!file->f_op || !file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

#endif
