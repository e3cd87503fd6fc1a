// SPDX-License-Identifier: GPL-2.0
/*
 * eventfd: a 64-bit counter behind a file descriptor, for one side to
 * signal events and the other to wait for them with read, poll or
 * select (and for the kernel to signal user space: eventfd_signal).
 *
 * write(8 bytes) adds to the counter, blocking (or EAGAIN) while the sum
 * would pass 0xfffffffffffffffe; read(8 bytes) returns the counter and
 * zeroes it, or with EFD_SEMAPHORE returns 1 and decrements it, blocking
 * (or EAGAIN) while it is 0.  Readable while non-zero, writable while at
 * least 1 can be added.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/eventfd.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define EFD_SEMAPHORE	(1 << 0)
#define EFD_CLOEXEC	O_CLOEXEC
#define EFD_NONBLOCK	O_NONBLOCK
#define EFD_FLAGS_SET	(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK)

#define EVENTFD_MAX	(~0ULL - 1)	/* the largest value the counter holds */

struct eventfd_ctx {
	wait_queue_head_t wqh;	/* its lock guards count */
	u64 count;
	unsigned int flags;
};

/* Add @n from kernel code (a driver's completion); never blocks. */
u64 eventfd_signal(struct eventfd_ctx *ctx, u64 n)
{
	unsigned long flags;

	spin_lock_irqsave(&ctx->wqh.lock, flags);
	if (EVENTFD_MAX - ctx->count < n)
		n = EVENTFD_MAX - ctx->count;
	ctx->count += n;
	spin_unlock_irqrestore(&ctx->wqh.lock, flags);
	if (n)
		wake_up_poll(&ctx->wqh, POLLIN);	/* one EPOLLEXCLUSIVE watcher, every reader */
	return n;
}

static int eventfd_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static __poll_t eventfd_poll(struct file *file, poll_table *wait)
{
	struct eventfd_ctx *ctx = file->private_data;
	__poll_t events = 0;
	u64 count;

	poll_wait(file, &ctx->wqh, wait);
	count = READ_ONCE(ctx->count);
	if (count > 0)
		events |= POLLIN | POLLRDNORM;
	if (count == ~0ULL)
		events |= POLLERR;
	if (count < EVENTFD_MAX)
		events |= POLLOUT | POLLWRNORM;
	return events;
}

static ssize_t eventfd_read(struct file *file, char __user *buf, size_t size, loff_t *ppos)
{
	struct eventfd_ctx *ctx = file->private_data;
	unsigned long flags;
	u64 value;

	if (size < sizeof(value))
		return -EINVAL;
	for (;;) {
		spin_lock_irqsave(&ctx->wqh.lock, flags);
		if (ctx->count) {
			value = (ctx->flags & EFD_SEMAPHORE) ? 1 : ctx->count;
			ctx->count -= value;
			spin_unlock_irqrestore(&ctx->wqh.lock, flags);
			break;
		}
		spin_unlock_irqrestore(&ctx->wqh.lock, flags);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(ctx->wqh, READ_ONCE(ctx->count) != 0))
			return -ERESTARTSYS;
	}
	wake_up_poll(&ctx->wqh, POLLOUT);	/* writers may fit now */
	if (copy_to_user(buf, &value, sizeof(value)))
		return -EFAULT;
	return sizeof(value);
}

static ssize_t eventfd_write(struct file *file, const char __user *buf, size_t size,
			     loff_t *ppos)
{
	struct eventfd_ctx *ctx = file->private_data;
	unsigned long flags;
	u64 value;

	if (size < sizeof(value))
		return -EINVAL;
	if (copy_from_user(&value, buf, sizeof(value)))
		return -EFAULT;
	if (value == ~0ULL)
		return -EINVAL;
	for (;;) {
		spin_lock_irqsave(&ctx->wqh.lock, flags);
		if (EVENTFD_MAX - ctx->count >= value) {
			ctx->count += value;
			spin_unlock_irqrestore(&ctx->wqh.lock, flags);
			break;
		}
		spin_unlock_irqrestore(&ctx->wqh.lock, flags);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(ctx->wqh,
					     EVENTFD_MAX - READ_ONCE(ctx->count) >= value))
			return -ERESTARTSYS;
	}
	if (value)
		wake_up_poll(&ctx->wqh, POLLIN);
	return sizeof(value);
}

static const struct file_operations eventfd_fops = {
	.release	= eventfd_release,
	.poll		= eventfd_poll,
	.read		= eventfd_read,
	.write		= eventfd_write,
};

/* The counter behind an eventfd, for AIO's IOCB_FLAG_RESFD; the caller holds @file. */
struct eventfd_ctx *eventfd_ctx_fileget(struct file *file)
{
	if (file->f_op != &eventfd_fops)
		return ERR_PTR(-EINVAL);
	return file->private_data;
}

static int do_eventfd(unsigned int count, int flags)
{
	struct eventfd_ctx *ctx;
	int fd;

	if (flags & ~EFD_FLAGS_SET)
		return -EINVAL;
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	init_waitqueue_head(&ctx->wqh);
	ctx->count = count;
	ctx->flags = flags;
	fd = anon_inode_getfd("[eventfd]", &eventfd_fops, ctx,
			      O_RDWR | (flags & (EFD_CLOEXEC | EFD_NONBLOCK)));
	if (fd < 0)
		kfree(ctx);
	return fd;
}

SYSCALL_DEFINE2(eventfd2, unsigned int, count, int, flags)
{
	return do_eventfd(count, flags);
}

SYSCALL_DEFINE1(eventfd, unsigned int, count)
{
	return do_eventfd(count, 0);
}
