// SPDX-License-Identifier: GPL-2.0
/*
 * Waiting on a file's wait queue: IORING_OP_POLL_ADD (one shot: the CQE
 * carries the ready mask) and the retry of an operation that would have
 * blocked (Linux's "fast poll": the request waits for POLLIN or POLLOUT,
 * then the worker tries it again).
 *
 * Who owns a waiting request is decided under the wait queue's lock:
 * the wake-up that takes the entry off queues the worker; a cancel that
 * takes it first completes it with -ECANCELED; the loser does nothing.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/wait.h>
#include "io_uring.h"

struct io_poll_table {
	poll_table pt;
	struct io_kiocb *req;
};

bool io_file_can_poll(struct file *file)
{
	return file->f_op && file->f_op->poll;
}

/* What of @events (errors and hang-up included) the file reports now. */
__poll_t io_file_ready(struct file *file, __poll_t events)
{
	poll_table pt = { ._qproc = NULL };

	return vfs_poll(file, &pt) & (events | POLLERR | POLLHUP);
}

/*
 * Closing the ring: take the request off its queue unless its arming is
 * still under way (that side sees the ring dead and cancels it itself).
 * True if the caller now owns it.
 */
static bool io_poll_take(struct io_kiocb *req)
{
	wait_queue_head_t *head = req->poll.head;
	unsigned long flags;
	bool mine;

	if (!head)
		return false;
	spin_lock_irqsave(&head->lock, flags);
	mine = !req->poll.done && !req->poll.arming;
	if (mine) {
		list_del_init(&req->poll.wait.entry);
		req->poll.done = true;
	}
	spin_unlock_irqrestore(&head->lock, flags);
	return mine;
}

/* The file's wake-up, under its queue's lock (maybe in an interrupt). */
static int io_poll_wake(struct wait_queue_entry *wait, unsigned int mode, int sync, void *key)
{
	struct io_kiocb *req = container_of(wait, struct io_kiocb, poll.wait);
	__poll_t mask = key_to_poll(key);

	if (mask && !(mask & req->poll.events))
		return 0;
	if (req->poll.done)
		return 0;
	list_del_init(&wait->entry);
	req->poll.done = true;
	/* While it is being armed, the arming side sees done and goes on itself. */
	if (!req->poll.arming)
		io_queue_async_work(req);	/* the worker looks again: runs or re-arms it */
	return 1;
}

static void io_poll_queue_proc(struct file *file, wait_queue_head_t *head,
			       struct poll_table_struct *pt)
{
	struct io_poll_table *ipt = container_of(pt, struct io_poll_table, pt);
	struct io_kiocb *req = ipt->req;

	if (req->poll.head) {
		req->poll.error = -EINVAL;	/* a second queue: Linux refuses it too */
		return;
	}
	req->poll.head = head;
	add_wait_queue(head, &req->poll.wait);
}

static void io_poll_unlist(struct io_kiocb *req)
{
	struct io_ring_ctx *ctx = req->ctx;
	unsigned long flags;

	spin_lock_irqsave(&ctx->completion_lock, flags);
	list_del_init(&req->list);
	spin_unlock_irqrestore(&ctx->completion_lock, flags);
}

/*
 * Hang @req on its file's queue for @events.  Returns 0 when it is
 * waiting (the caller must not touch it again: a wake-up hands it to the
 * worker), 1 when the file is ready now and the caller goes on, or an
 * errno (the caller completes it).
 */
static int __io_poll_arm(struct io_kiocb *req, __poll_t events)
{
	struct io_ring_ctx *ctx = req->ctx;
	struct io_poll_table ipt = { .pt._qproc = io_poll_queue_proc, .req = req };
	wait_queue_head_t *head;
	unsigned long flags;
	__poll_t mask;
	int ret;

	req->poll.head = NULL;
	req->poll.done = false;
	req->poll.arming = true;
	req->poll.error = 0;
	req->poll.events = events | POLLERR | POLLHUP;
	req->poll.wait.flags = 0;
	req->poll.wait.private = NULL;
	req->poll.wait.func = io_poll_wake;
	INIT_LIST_HEAD(&req->poll.wait.entry);

	/* Listed first, so closing the ring finds it the moment a wake-up may come. */
	spin_lock_irqsave(&ctx->completion_lock, flags);
	if (ctx->dead) {
		spin_unlock_irqrestore(&ctx->completion_lock, flags);
		return -ECANCELED;
	}
	list_add_tail(&req->list, &ctx->poll_list);
	spin_unlock_irqrestore(&ctx->completion_lock, flags);

	mask = vfs_poll(req->file, &ipt.pt) & req->poll.events;
	head = req->poll.head;
	if (!head) {
		/* Nothing to wait on: the file answers at once, ready or not. */
		io_poll_unlist(req);
		return 1;
	}
	spin_lock_irqsave(&head->lock, flags);
	req->poll.arming = false;
	if (req->poll.done) {
		ret = 1;		/* woken while arming: ready, go on */
	} else if (req->poll.error || mask || READ_ONCE(ctx->dead)) {
		list_del_init(&req->poll.wait.entry);
		req->poll.done = true;
		ret = req->poll.error ? req->poll.error : mask ? 1 : -ECANCELED;
	} else {
		spin_unlock_irqrestore(&head->lock, flags);
		return 0;
	}
	spin_unlock_irqrestore(&head->lock, flags);
	io_poll_unlist(req);
	return ret;
}

/* An operation would block: wait for the file, then the worker tries again. */
int io_arm_poll_handler(struct io_kiocb *req, __poll_t events)
{
	int ret;

	if (!req->creds)
		io_req_prep_async(req);		/* still in the submitter */
	ret = __io_poll_arm(req, events);
	if (ret == 1) {
		io_queue_async_work(req);	/* ready meanwhile: try again now */
		return IOU_ISSUE_SKIP_COMPLETE;
	}
	return ret ? ret : IOU_ISSUE_SKIP_COMPLETE;
}

/*
 * IORING_OP_POLL_ADD, and its second look from the worker after a
 * wake-up: the CQE's res is the ready mask (poll(2)'s bits).
 */
int io_poll_add(struct io_kiocb *req, bool in_worker)
{
	const struct io_uring_sqe *sqe = &req->sqe;
	__poll_t events, mask;
	int ret;

	if (READ_ONCE(sqe->addr) || READ_ONCE(sqe->buf_index) || READ_ONCE(sqe->off))
		return -EINVAL;
	if (READ_ONCE(sqe->len))
		return -EINVAL;		/* multishot and update: not done */
	events = demangle_poll((u16)READ_ONCE(sqe->poll32_events));
	mask = io_file_ready(req->file, events);
	if (mask)
		return mangle_poll(mask);
	if (!req->creds)
		io_req_prep_async(req);
	ret = __io_poll_arm(req, events);
	if (ret == 1) {
		mask = io_file_ready(req->file, events);
		if (mask)
			return mangle_poll(mask);
		return io_poll_add(req, in_worker);
	}
	return ret ? ret : IOU_ISSUE_SKIP_COMPLETE;
}

/* Closing the ring: move every request still waiting that we can take to @out. */
void io_poll_cancel_all(struct io_ring_ctx *ctx, struct list_head *out)
{
	struct io_kiocb *req, *tmp;

	list_for_each_entry_safe(req, tmp, &ctx->poll_list, list) {
		if (io_poll_take(req))
			list_move_tail(&req->list, out);
		else
			list_del_init(&req->list);	/* the worker or the arming side has it */
	}
}
