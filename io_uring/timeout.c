// SPDX-License-Identifier: GPL-2.0
/*
 * IORING_OP_TIMEOUT: a CQE after a time (res -ETIME) or, if sqe->off
 * names a count, once that many other requests completed (res 0),
 * whichever comes first.  The time is a struct __kernel_timespec in the
 * program's memory, relative unless IORING_TIMEOUT_ABS (CLOCK_MONOTONIC).
 * Whoever sets timeout_done under completion_lock -- the timer, the
 * completion that reaches the count, or closing the ring -- completes it.
 */
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <uapi/linux/time_types.h>
#include "io_uring.h"

static enum hrtimer_restart io_timeout_fn(struct hrtimer *timer)
{
	struct io_kiocb *req = container_of(timer, struct io_kiocb, timer);
	struct io_ring_ctx *ctx = req->ctx;
	unsigned long flags;

	spin_lock_irqsave(&ctx->completion_lock, flags);
	if (!req->timeout_done) {
		req->timeout_done = true;
		list_del_init(&req->list);
		io_queue_async_work(req);	/* the worker posts -ETIME */
	}
	spin_unlock_irqrestore(&ctx->completion_lock, flags);
	return HRTIMER_NORESTART;
}

int io_timeout(struct io_kiocb *req, bool in_worker)
{
	const struct io_uring_sqe *sqe = &req->sqe;
	struct io_ring_ctx *ctx = req->ctx;
	struct __kernel_timespec ts;
	u32 flags = READ_ONCE(sqe->timeout_flags);
	u64 count = READ_ONCE(sqe->off);
	unsigned long irqflags;
	s64 ns;

	if (req->timeout_done)
		return -ETIME;		/* the worker, after the timer fired */
	if (READ_ONCE(sqe->ioprio) || READ_ONCE(sqe->buf_index) || READ_ONCE(sqe->len) != 1)
		return -EINVAL;
	if (flags & ~IORING_TIMEOUT_ABS)
		return -EINVAL;
	if (copy_from_user(&ts, (const void __user *)(unsigned long)READ_ONCE(sqe->addr),
			   sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	ns = ts.tv_sec > (S64_MAX - ts.tv_nsec) / NSEC_PER_SEC ? S64_MAX :
	     ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;

	io_req_prep_async(req);		/* its expiry is posted from the worker */
	hrtimer_init(&req->timer, CLOCK_MONOTONIC,
		     flags & IORING_TIMEOUT_ABS ? HRTIMER_MODE_ABS : HRTIMER_MODE_REL);
	req->timer.function = io_timeout_fn;
	spin_lock_irqsave(&ctx->completion_lock, irqflags);
	if (ctx->dead) {
		spin_unlock_irqrestore(&ctx->completion_lock, irqflags);
		return -ECANCELED;
	}
	req->timeout_target = count ? ctx->cq_events + count : 0;
	list_add_tail(&req->list, &ctx->timeout_list);
	hrtimer_start(&req->timer, ns,
		      flags & IORING_TIMEOUT_ABS ? HRTIMER_MODE_ABS : HRTIMER_MODE_REL);
	spin_unlock_irqrestore(&ctx->completion_lock, irqflags);
	return IOU_ISSUE_SKIP_COMPLETE;
}

/* A completion was posted: counted timeouts that are due move to @out.  Lock held. */
void io_flush_timeouts(struct io_ring_ctx *ctx, struct list_head *out)
{
	struct io_kiocb *req, *tmp;

	list_for_each_entry_safe(req, tmp, &ctx->timeout_list, list) {
		if (!req->timeout_target || ctx->cq_events < req->timeout_target)
			continue;
		req->timeout_done = true;
		list_move_tail(&req->list, out);
	}
}

/* Closing the ring: every timeout not yet done moves to @out.  Lock held. */
void io_timeout_cancel_all(struct io_ring_ctx *ctx, struct list_head *out)
{
	struct io_kiocb *req, *tmp;

	list_for_each_entry_safe(req, tmp, &ctx->timeout_list, list) {
		req->timeout_done = true;
		list_move_tail(&req->list, out);
	}
}
