// SPDX-License-Identifier: GPL-2.0
/*
 * timerfd: an hrtimer behind a file descriptor.  Each expiry counts a
 * tick; read returns (8 bytes) the ticks since the last read and
 * clears them, blocking (or EAGAIN) while there are none; poll/select
 * report readable when there are.  A periodic timer is moved forward on
 * read (hrtimer_forward), so expiries missed meanwhile are counted, not
 * queued one interrupt each.
 *
 * TFD_TIMER_CANCEL_ON_SET with an absolute CLOCK_REALTIME time: when the
 * wall clock is set (settimeofday, clock_settime) the timer is cancelled
 * and read fails with ECANCELED, so the owner can recompute its deadline.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/list.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/timerfd.h>
#include <linux/time_namespace.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <uapi/linux/time_types.h>

#define TFD_TIMER_ABSTIME	(1 << 0)
#define TFD_TIMER_CANCEL_ON_SET	(1 << 1)
#define TFD_CLOEXEC		O_CLOEXEC
#define TFD_NONBLOCK		O_NONBLOCK
#define TFD_CREATE_FLAGS	(TFD_CLOEXEC | TFD_NONBLOCK)
#define TFD_SETTIME_FLAGS	(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET)

struct timerfd_ctx {
	struct hrtimer t;
	ktime_t tintv;			/* interval, 0 for one-shot */
	wait_queue_head_t wqh;		/* its lock guards ticks..canceled */
	u64 ticks;
	bool expired;			/* fired; a periodic timer awaits forwarding */
	bool canceled;			/* the clock was set under it */
	bool might_cancel;		/* on cancel_list */
	clockid_t clockid;
	struct list_head clist;		/* lock: cancel_lock */
};

static LIST_HEAD(cancel_list);
static DEFINE_SPINLOCK(cancel_lock);

static const struct file_operations timerfd_fops;

static enum hrtimer_restart timerfd_tmrproc(struct hrtimer *htmr)
{
	struct timerfd_ctx *ctx = container_of(htmr, struct timerfd_ctx, t);
	unsigned long flags;

	spin_lock_irqsave(&ctx->wqh.lock, flags);
	ctx->expired = true;
	ctx->ticks++;
	spin_unlock_irqrestore(&ctx->wqh.lock, flags);
	wake_up_poll(&ctx->wqh, POLLIN);	/* an expiry only makes it readable */
	return HRTIMER_NORESTART;
}

/* The wall clock was set: cancel every CANCEL_ON_SET timer. */
void timerfd_clock_was_set(void)
{
	struct timerfd_ctx *ctx;
	unsigned long flags;

	spin_lock_irqsave(&cancel_lock, flags);
	list_for_each_entry(ctx, &cancel_list, clist) {
		spin_lock(&ctx->wqh.lock);
		ctx->canceled = true;
		spin_unlock(&ctx->wqh.lock);
		wake_up_all(&ctx->wqh);
	}
	spin_unlock_irqrestore(&cancel_lock, flags);
}

static void timerfd_set_cancel(struct timerfd_ctx *ctx, bool on)
{
	unsigned long flags;

	spin_lock_irqsave(&cancel_lock, flags);
	if (on && !ctx->might_cancel)
		list_add(&ctx->clist, &cancel_list);
	else if (!on && ctx->might_cancel)
		list_del(&ctx->clist);
	ctx->might_cancel = on;
	spin_unlock_irqrestore(&cancel_lock, flags);
}

static int timerfd_release(struct inode *inode, struct file *file)
{
	struct timerfd_ctx *ctx = file->private_data;

	timerfd_set_cancel(ctx, false);
	hrtimer_cancel(&ctx->t);
	kfree(ctx);
	return 0;
}

static __poll_t timerfd_poll(struct file *file, poll_table *wait)
{
	struct timerfd_ctx *ctx = file->private_data;

	poll_wait(file, &ctx->wqh, wait);
	return READ_ONCE(ctx->ticks) ? POLLIN | POLLRDNORM : 0;
}

static ssize_t timerfd_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct timerfd_ctx *ctx = file->private_data;
	unsigned long flags;
	u64 ticks;

	if (count < sizeof(ticks))
		return -EINVAL;
	for (;;) {
		spin_lock_irqsave(&ctx->wqh.lock, flags);
		if (ctx->canceled) {
			ctx->canceled = false;
			ctx->ticks = 0;
			spin_unlock_irqrestore(&ctx->wqh.lock, flags);
			return -ECANCELED;
		}
		if (ctx->ticks)
			break;
		spin_unlock_irqrestore(&ctx->wqh.lock, flags);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(ctx->wqh, READ_ONCE(ctx->ticks) ||
					     READ_ONCE(ctx->canceled)))
			return -ERESTARTSYS;
	}
	ticks = ctx->ticks;
	ctx->ticks = 0;
	if (ctx->expired && ctx->tintv) {
		/* Count the periods that passed since it fired, and re-arm. */
		ticks += hrtimer_forward(&ctx->t, ktime_get(), ctx->tintv) - 1;
		ctx->expired = false;
		spin_unlock_irqrestore(&ctx->wqh.lock, flags);
		hrtimer_start_range_ns(&ctx->t, hrtimer_get_expires(&ctx->t) +
				       hrtimer_clock_offset(ctx->clockid), 0, HRTIMER_MODE_ABS);
	} else {
		spin_unlock_irqrestore(&ctx->wqh.lock, flags);
	}
	if (copy_to_user(buf, &ticks, sizeof(ticks)))
		return -EFAULT;
	return sizeof(ticks);
}

static const struct file_operations timerfd_fops = {
	.release	= timerfd_release,
	.poll		= timerfd_poll,
	.read		= timerfd_read,
};

SYSCALL_DEFINE2(timerfd_create, int, clockid, int, flags)
{
	struct timerfd_ctx *ctx;
	int fd;

	if (flags & ~TFD_CREATE_FLAGS)
		return -EINVAL;
	if (clockid != CLOCK_MONOTONIC && clockid != CLOCK_REALTIME &&
	    clockid != CLOCK_BOOTTIME)
		return -EINVAL;		/* the *_ALARM clocks need a wake-up device */
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	init_waitqueue_head(&ctx->wqh);
	INIT_LIST_HEAD(&ctx->clist);
	ctx->clockid = clockid;
	hrtimer_init(&ctx->t, clockid, HRTIMER_MODE_ABS);
	ctx->t.function = timerfd_tmrproc;
	fd = anon_inode_getfd("[timerfd]", &timerfd_fops, ctx,
			      O_RDWR | (flags & TFD_CREATE_FLAGS));
	if (fd < 0)
		kfree(ctx);
	return fd;
}

/* The file behind @fd if it is a timerfd (a reference taken), else ERR_PTR. */
static struct file *timerfd_fget(int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return ERR_PTR(-EBADF);
	if (f->f_op != &timerfd_fops) {
		fput(f);
		return ERR_PTR(-EINVAL);
	}
	return f;
}

static void timerfd_get_value(struct timerfd_ctx *ctx, struct __kernel_itimerspec *v)
{
	ktime_t left = 0;

	if (hrtimer_active(&ctx->t)) {
		left = hrtimer_get_remaining(&ctx->t);
		/*
		 * Due but its interrupt not yet run (a loaded host delays it):
		 * a periodic timer is then into its next period already.
		 */
		if (left <= 0 && ctx->tintv)
			left = ctx->tintv - (-left) % ctx->tintv;
		else if (left < 0)
			left = 0;
	} else if (ctx->expired && ctx->tintv) {
		/* A periodic timer waiting to be forwarded: time to its next period. */
		ktime_t since = ktime_get() - hrtimer_get_expires(&ctx->t);

		left = ctx->tintv - since % ctx->tintv;
	}
	v->it_value.tv_sec = left / NSEC_PER_SEC;
	v->it_value.tv_nsec = left % NSEC_PER_SEC;
	v->it_interval.tv_sec = ctx->tintv / NSEC_PER_SEC;
	v->it_interval.tv_nsec = ctx->tintv % NSEC_PER_SEC;
}

static bool itimerspec_valid(const struct __kernel_itimerspec *v)
{
	return v->it_value.tv_sec >= 0 && v->it_value.tv_nsec >= 0 &&
	       v->it_value.tv_nsec < NSEC_PER_SEC && v->it_interval.tv_sec >= 0 &&
	       v->it_interval.tv_nsec >= 0 && v->it_interval.tv_nsec < NSEC_PER_SEC;
}

SYSCALL_DEFINE4(timerfd_settime, int, ufd, int, flags,
		const struct __kernel_itimerspec __user *, utmr,
		struct __kernel_itimerspec __user *, otmr)
{
	struct __kernel_itimerspec new, old;
	struct timerfd_ctx *ctx;
	unsigned long irqflags;
	struct file *file;
	ktime_t value;

	if (copy_from_user(&new, utmr, sizeof(new)))
		return -EFAULT;
	if ((flags & ~TFD_SETTIME_FLAGS) || !itimerspec_valid(&new))
		return -EINVAL;
	file = timerfd_fget(ufd);
	if (IS_ERR(file))
		return PTR_ERR(file);
	ctx = file->private_data;

	hrtimer_cancel(&ctx->t);
	timerfd_get_value(ctx, &old);
	spin_lock_irqsave(&ctx->wqh.lock, irqflags);
	ctx->expired = false;
	ctx->ticks = 0;
	ctx->canceled = false;
	ctx->tintv = new.it_interval.tv_sec * NSEC_PER_SEC + new.it_interval.tv_nsec;
	spin_unlock_irqrestore(&ctx->wqh.lock, irqflags);
	timerfd_set_cancel(ctx, ctx->clockid == CLOCK_REALTIME &&
			   (flags & TFD_TIMER_ABSTIME) && (flags & TFD_TIMER_CANCEL_ON_SET));

	value = new.it_value.tv_sec * NSEC_PER_SEC + new.it_value.tv_nsec;
	/* An absolute expiry on the caller's time namespace clock, in host time. */
	if (value)
		hrtimer_start(&ctx->t, (flags & TFD_TIMER_ABSTIME) ?
			      timens_ktime_to_host(ctx->clockid, value) : value,
			      (flags & TFD_TIMER_ABSTIME) ? HRTIMER_MODE_ABS : HRTIMER_MODE_REL);
	fput(file);
	if (otmr && copy_to_user(otmr, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(timerfd_gettime, int, ufd, struct __kernel_itimerspec __user *, otmr)
{
	struct __kernel_itimerspec v;
	struct file *file = timerfd_fget(ufd);

	if (IS_ERR(file))
		return PTR_ERR(file);
	timerfd_get_value(file->private_data, &v);
	fput(file);
	return copy_to_user(otmr, &v, sizeof(v)) ? -EFAULT : 0;
}
