// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring: asynchronous I/O through two rings shared with user space.
 *
 * io_uring_setup makes a ring file (an anonymous inode) and two regions
 * the program maps from it: the rings (struct io_rings: head and tail of
 * the submission queue, head and tail of the completion queue, the CQE
 * array and the SQ index array) and the array of 64-byte SQEs.  The
 * program writes SQEs, puts their indices in the SQ array and moves the
 * SQ tail; io_uring_enter consumes them from the SQ head, and each
 * request's result comes back as a CQE {user_data, res, flags} at the CQ
 * tail, which the program takes by moving the CQ head.  Each side reads
 * the other's index with acquire and publishes its own with release, so
 * an entry is whole before its index moves past it.
 *
 * A request runs first inside io_uring_enter, without blocking: a read
 * of a regular file just runs, one on a pipe or a socket is tried with
 * IOCB_NOWAIT/MSG_DONTWAIT.  If it would block, it hangs on the file's
 * wait queue (poll.c) and is tried again from a worker when the file is
 * ready.  IOSQE_ASYNC sends a request to the worker at once.  The worker
 * (io-wq.c, a simplified io-wq) is a kernel thread that takes on the
 * submitter's address space, fs (root and cwd: a chroot holds), files
 * and credentials for the request's time.  IOSQE_IO_LINK chains requests
 * (the next starts when one succeeds; a failure cancels the rest);
 * IOSQE_IO_DRAIN starts a request only when all before it completed.
 *
 * When the CQ ring is full a CQE waits on an overflow list
 * (IORING_FEAT_NODROP, IORING_SQ_CQ_OVERFLOW set) and moves into the
 * ring when the program makes room and enters again; only if even that
 * memory is missing is it counted in cq_overflow and lost.
 *
 * Closing the ring cancels what waits on files and timers (-ECANCELED,
 * posted to a ring nobody reads); a request running in the worker ends
 * on its own.  Requests and the file hold references on the context, so
 * the memory goes with the last of them.
 *
 * Locking: ctx->uring_lock serializes submission and registration;
 * ctx->completion_lock (interrupts off) guards the CQ tail, the overflow,
 * defer, poll and timeout lists and the counters.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/io_uring.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include "io_uring.h"

#define IORING_MAX_ENTRIES	32768
#define IORING_MAX_CQ_ENTRIES	(2 * IORING_MAX_ENTRIES)

/* The setup flags Lantern implements; SQPOLL, IOPOLL and the rest are EINVAL. */
#define IORING_SETUP_SUPPORTED	(IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP | IORING_SETUP_SUBMIT_ALL)
#define IOSQE_SUPPORTED		(IOSQE_FIXED_FILE | IOSQE_IO_DRAIN | IOSQE_IO_LINK | \
				 IOSQE_IO_HARDLINK | IOSQE_ASYNC | IOSQE_CQE_SKIP_SUCCESS)

BUILD_BUG_ON(sizeof(struct io_uring_sqe) != 64);
BUILD_BUG_ON(sizeof(struct io_uring_cqe) != 16);

struct io_overflow_cqe {
	struct list_head list;
	struct io_uring_cqe cqe;
};

static const struct file_operations io_uring_fops;

int sysctl_io_uring_disabled;

/* ---------- the context ---------- */

static void io_free_region(struct page **pages, unsigned int nr, void *vaddr)
{
	unsigned int i;

	if (vaddr)
		vunmap(vaddr);
	for (i = 0; pages && i < nr; i++)
		if (pages[i])
			put_page(pages[i]);
	kfree(pages);
}

/* Zeroed pages, mapped contiguously for the kernel: what mmap hands out. */
static void *io_alloc_region(size_t size, struct page ***pagesp, unsigned int *nrp)
{
	unsigned int nr = DIV_ROUND_UP(size, PAGE_SIZE), i;
	struct page **pages = kcalloc(nr, sizeof(*pages), GFP_KERNEL);
	void *vaddr;

	if (!pages)
		return NULL;
	for (i = 0; i < nr; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!pages[i])
			goto fail;
	}
	vaddr = vmap(pages, nr, 0, PAGE_KERNEL);
	if (!vaddr)
		goto fail;
	*pagesp = pages;
	*nrp = nr;
	return vaddr;
fail:
	io_free_region(pages, nr, NULL);
	return NULL;
}

static void io_ring_ctx_put(struct io_ring_ctx *ctx)
{
	struct io_overflow_cqe *ocqe, *tmp;

	if (!refcount_dec_and_test(&ctx->refs))
		return;
	list_for_each_entry_safe(ocqe, tmp, &ctx->cq_overflow_list, list)
		kfree(ocqe);
	io_sqe_buffers_unregister(ctx);
	io_free_region(ctx->ring_pages, ctx->nr_ring_pages, ctx->rings);
	io_free_region(ctx->sqe_pages, ctx->nr_sqe_pages, ctx->sq_sqes);
	if (ctx->mm)
		mmdrop(ctx->mm);
	kfree(ctx);
}

bool io_ctx_dead(struct io_ring_ctx *ctx)
{
	return READ_ONCE(ctx->dead);
}

/* ---------- completions ---------- */

static unsigned int io_cqring_events(struct io_ring_ctx *ctx)
{
	return ctx->cached_cq_tail - smp_load_acquire(&ctx->rings->cq_head);
}

/* One CQE into the ring, or onto the overflow list.  completion_lock held. */
static void io_fill_cqe(struct io_ring_ctx *ctx, u64 user_data, s32 res, u32 cflags)
{
	struct io_rings *rings = ctx->rings;
	struct io_overflow_cqe *ocqe;

	/* Behind earlier overflowed CQEs, a new one must wait too: order is kept. */
	if (list_empty(&ctx->cq_overflow_list) && io_cqring_events(ctx) < ctx->cq_entries) {
		struct io_uring_cqe *cqe = &rings->cqes[ctx->cached_cq_tail & (ctx->cq_entries - 1)];

		WRITE_ONCE(cqe->user_data, user_data);
		WRITE_ONCE(cqe->res, res);
		WRITE_ONCE(cqe->flags, cflags);
		ctx->cached_cq_tail++;
		smp_store_release(&rings->cq_tail, ctx->cached_cq_tail);
		return;
	}
	ocqe = kmalloc(sizeof(*ocqe), GFP_ATOMIC);
	if (!ocqe) {
		WRITE_ONCE(rings->cq_overflow, rings->cq_overflow + 1);
		return;
	}
	ocqe->cqe.user_data = user_data;
	ocqe->cqe.res = res;
	ocqe->cqe.flags = cflags;
	list_add_tail(&ocqe->list, &ctx->cq_overflow_list);
	WRITE_ONCE(rings->sq_flags, rings->sq_flags | IORING_SQ_CQ_OVERFLOW);
}

/* Move overflowed CQEs into the ring as far as there is room. */
static void io_cqring_overflow_flush(struct io_ring_ctx *ctx)
{
	struct io_overflow_cqe *ocqe;
	unsigned long flags;

	spin_lock_irqsave(&ctx->completion_lock, flags);
	while ((ocqe = list_first_entry_or_null(&ctx->cq_overflow_list,
						struct io_overflow_cqe, list))) {
		struct io_uring_cqe *cqe;

		if (io_cqring_events(ctx) >= ctx->cq_entries)
			break;
		cqe = &ctx->rings->cqes[ctx->cached_cq_tail & (ctx->cq_entries - 1)];
		*cqe = ocqe->cqe;
		ctx->cached_cq_tail++;
		smp_store_release(&ctx->rings->cq_tail, ctx->cached_cq_tail);
		list_del(&ocqe->list);
		kfree(ocqe);
	}
	if (list_empty(&ctx->cq_overflow_list))
		WRITE_ONCE(ctx->rings->sq_flags, ctx->rings->sq_flags & ~IORING_SQ_CQ_OVERFLOW);
	spin_unlock_irqrestore(&ctx->completion_lock, flags);
}

static void io_cqring_wake(struct io_ring_ctx *ctx)
{
	wake_up_all(&ctx->cq_wait);
	wake_up_poll(&ctx->poll_wq, POLLIN | POLLRDNORM);
}

static void io_req_free(struct io_kiocb *req)
{
	struct io_ring_ctx *ctx = req->ctx;

	if (req->file)
		fput(req->file);
	if (req->creds)
		put_cred(req->creds);
	if (req->fs && refcount_dec_and_test(&req->fs->users))
		free_fs_struct(req->fs);
	if (req->files)
		put_files_struct(req->files);
	if (req->imu)
		io_imu_put(req->imu);
	kfree(req->iov);
	kfree(req);
	io_ring_ctx_put(ctx);
}

/* Deferred requests whose turn has come: to the worker.  completion_lock held. */
static void io_queue_deferred(struct io_ring_ctx *ctx)
{
	struct io_kiocb *req;

	while ((req = list_first_entry_or_null(&ctx->defer_list, struct io_kiocb, list))) {
		if ((req->flags & IOSQE_IO_DRAIN) && ctx->nr_completed < req->seq)
			break;
		list_del_init(&req->list);
		io_queue_async_work(req);
	}
}

static void io_fail_links(struct io_kiocb *link);

/*
 * The request is done with @res: its CQE goes out, its chain goes on (or
 * is cancelled), a drain waiting for it may start, and it is freed.
 */
void io_req_complete(struct io_kiocb *req, int res)
{
	struct io_ring_ctx *ctx = req->ctx;
	struct io_kiocb *link = req->link;
	LIST_HEAD(timeouts);
	unsigned long flags;
	bool fail_link;

	/* A signal cut the operation short: no restart from inside a CQE. */
	if (res == -ERESTARTSYS || res == -ERESTARTNOINTR || res == -ERESTARTNOHAND)
		res = -EINTR;
	spin_lock_irqsave(&ctx->completion_lock, flags);
	if (!(req->flags & IOSQE_CQE_SKIP_SUCCESS) || res < 0)
		io_fill_cqe(ctx, req->user_data, res, 0);
	ctx->nr_completed++;
	if (req->opcode != IORING_OP_TIMEOUT) {
		ctx->cq_events++;
		io_flush_timeouts(ctx, &timeouts);
	}
	io_queue_deferred(ctx);
	spin_unlock_irqrestore(&ctx->completion_lock, flags);
	io_cqring_wake(ctx);

	while (!list_empty(&timeouts)) {
		struct io_kiocb *t = list_first_entry(&timeouts, struct io_kiocb, list);

		list_del_init(&t->list);
		hrtimer_cancel(&t->timer);
		io_req_complete(t, 0);
	}

	if (link) {
		req->link = NULL;
		/* A hard link goes on whatever happened; a failure breaks a soft one. */
		fail_link = io_ctx_dead(ctx) ||
			    (res < 0 && !(req->flags & IOSQE_IO_HARDLINK));
		if (fail_link)
			io_fail_links(link);
		else
			io_queue_async_work(link);
	}
	io_req_free(req);
}

static void io_fail_links(struct io_kiocb *link)
{
	while (link) {
		struct io_kiocb *next = link->link;

		link->link = NULL;
		io_req_complete(link, -ECANCELED);
		link = next;
	}
}

/*
 * What a worker needs to run the request as the submitter would: its
 * credentials and fs (root, cwd).  Called in the submitter's context.
 */
void io_req_prep_async(struct io_kiocb *req)
{
	if (!req->creds)
		req->creds = get_cred(current_cred());
	if (!req->fs && current->fs) {
		req->fs = current->fs;
		refcount_inc(&req->fs->users);
	}
}

/* ---------- issuing ---------- */

static int io_nop(struct io_kiocb *req, bool in_worker)
{
	return 0;
}

static const io_issue_fn io_issue_defs[IORING_OP_LAST] = {
	[IORING_OP_NOP]		= io_nop,
	[IORING_OP_READV]	= io_rw,
	[IORING_OP_WRITEV]	= io_rw,
	[IORING_OP_FSYNC]	= io_fsync,
	[IORING_OP_READ_FIXED]	= io_rw,
	[IORING_OP_WRITE_FIXED]	= io_rw,
	[IORING_OP_POLL_ADD]	= io_poll_add,
	[IORING_OP_SENDMSG]	= io_net,
	[IORING_OP_RECVMSG]	= io_net,
	[IORING_OP_TIMEOUT]	= io_timeout,
	[IORING_OP_OPENAT]	= io_openat,
	[IORING_OP_CLOSE]	= io_close,
	[IORING_OP_READ]	= io_rw,
	[IORING_OP_WRITE]	= io_rw,
	[IORING_OP_SEND]	= io_net,
	[IORING_OP_RECV]	= io_net,
};

/* The operations that work on sqe->fd, taken at submission. */
static bool io_op_needs_file(u8 opcode)
{
	switch (opcode) {
	case IORING_OP_READV: case IORING_OP_WRITEV: case IORING_OP_FSYNC:
	case IORING_OP_READ_FIXED: case IORING_OP_WRITE_FIXED: case IORING_OP_POLL_ADD:
	case IORING_OP_SENDMSG: case IORING_OP_RECVMSG: case IORING_OP_READ:
	case IORING_OP_WRITE: case IORING_OP_SEND: case IORING_OP_RECV:
		return true;
	}
	return false;
}

/*
 * Run the request once.  Returns its result, or IOU_ISSUE_SKIP_COMPLETE
 * when it will complete later (it is on a wait queue, a timer, or in the
 * worker).
 */
int io_issue_sqe(struct io_kiocb *req, bool in_worker)
{
	if (in_worker && io_ctx_dead(req->ctx))
		return -ECANCELED;
	return io_issue_defs[req->opcode](req, in_worker);
}

static void io_issue_and_complete(struct io_kiocb *req)
{
	int ret = io_issue_sqe(req, false);

	if (ret != IOU_ISSUE_SKIP_COMPLETE)
		io_req_complete(req, ret);
}

/* A chain head or a lone request: now, to the worker, or behind a drain. */
static void io_queue_sqe(struct io_kiocb *req)
{
	struct io_ring_ctx *ctx = req->ctx;
	unsigned long flags;

	spin_lock_irqsave(&ctx->completion_lock, flags);
	if (!list_empty(&ctx->defer_list) ||
	    ((req->flags & IOSQE_IO_DRAIN) && ctx->nr_completed < req->seq)) {
		/* Files too: it may be an open or a close, run by the worker. */
		if (current->files) {
			req->files = current->files;
			atomic_inc(&req->files->count);
		}
		io_req_prep_async(req);
		list_add_tail(&req->list, &ctx->defer_list);
		spin_unlock_irqrestore(&ctx->completion_lock, flags);
		return;
	}
	spin_unlock_irqrestore(&ctx->completion_lock, flags);
	if (req->flags & IOSQE_ASYNC) {
		if (current->files) {
			req->files = current->files;
			atomic_inc(&req->files->count);
		}
		io_req_prep_async(req);
		io_queue_async_work(req);
		return;
	}
	io_issue_and_complete(req);
}

/* Check and take one SQE; 0, or an errno for its CQE (submission stops there). */
static int io_init_req(struct io_ring_ctx *ctx, struct io_kiocb *req)
{
	const struct io_uring_sqe *sqe = &req->sqe;
	int ret;

	req->opcode = READ_ONCE(sqe->opcode);
	req->flags = READ_ONCE(sqe->flags);
	req->user_data = READ_ONCE(sqe->user_data);
	if (req->opcode >= IORING_OP_LAST)
		return -EINVAL;
	if (req->flags & ~IOSQE_SUPPORTED)
		return -EINVAL;
	if (!io_issue_defs[req->opcode])
		return -EINVAL;		/* an operation Lantern does not do */
	if (sqe->personality)
		return -EINVAL;
	if (io_op_needs_file(req->opcode)) {
		/* No registered files: every fixed-file index is out of range. */
		if (req->flags & IOSQE_FIXED_FILE)
			return -EBADF;
		req->file = fget(READ_ONCE(sqe->fd));
		if (!req->file)
			return -EBADF;
	} else if (req->flags & IOSQE_FIXED_FILE) {
		return -EBADF;
	}
	switch (req->opcode) {
	case IORING_OP_READV: case IORING_OP_WRITEV: case IORING_OP_READ_FIXED:
	case IORING_OP_WRITE_FIXED: case IORING_OP_READ: case IORING_OP_WRITE:
		ret = io_prep_rw(req);
		if (ret)
			return ret;
		break;
	}
	return 0;
}

static struct io_kiocb *io_alloc_req(struct io_ring_ctx *ctx)
{
	struct io_kiocb *req = kzalloc(sizeof(*req), GFP_KERNEL);

	if (!req)
		return NULL;
	req->ctx = ctx;
	refcount_inc(&ctx->refs);
	INIT_LIST_HEAD(&req->list);
	io_init_work(req);
	return req;
}

/* Submit up to @nr SQEs; returns how many were consumed. */
static int io_submit_sqes(struct io_ring_ctx *ctx, unsigned int nr)
{
	struct io_rings *rings = ctx->rings;
	unsigned int tail = smp_load_acquire(&rings->sq_tail);
	unsigned int avail = tail - ctx->cached_sq_head;
	unsigned int submitted = 0;
	unsigned long flags;

	if (avail > ctx->sq_entries)
		avail = ctx->sq_entries;	/* a tail user space set past the ring */
	nr = min(nr, avail);
	while (submitted < nr) {
		u32 idx = READ_ONCE(ctx->sq_array[ctx->cached_sq_head & (ctx->sq_entries - 1)]);
		struct io_kiocb *req;
		int ret;

		if (idx >= ctx->sq_entries) {
			/* An index naming no SQE: dropped, counted, not submitted. */
			ctx->cached_sq_head++;
			WRITE_ONCE(rings->sq_dropped, rings->sq_dropped + 1);
			nr--;
			continue;
		}
		req = io_alloc_req(ctx);
		if (!req) {
			if (!submitted)
				submitted = -EAGAIN;
			break;
		}
		memcpy(&req->sqe, &ctx->sq_sqes[idx], sizeof(req->sqe));
		ctx->cached_sq_head++;
		submitted++;
		spin_lock_irqsave(&ctx->completion_lock, flags);
		req->seq = ctx->nr_submitted++;
		spin_unlock_irqrestore(&ctx->completion_lock, flags);

		ret = io_init_req(ctx, req);
		if (ret) {
			struct io_kiocb *head = ctx->link_head;

			ctx->link_head = ctx->link_tail = NULL;
			req->flags &= ~IOSQE_CQE_SKIP_SUCCESS;
			io_req_complete(req, ret);
			if (head)
				io_fail_links(head);
			if (!(ctx->flags & IORING_SETUP_SUBMIT_ALL))
				break;
			continue;
		}
		if (ctx->link_head) {
			/* A member starts from a worker, after its predecessor. */
			if (current->files) {
				req->files = current->files;
				atomic_inc(&req->files->count);
			}
			io_req_prep_async(req);
			ctx->link_tail->link = req;
			ctx->link_tail = req;
			if (!(req->flags & (IOSQE_IO_LINK | IOSQE_IO_HARDLINK))) {
				struct io_kiocb *head = ctx->link_head;

				ctx->link_head = ctx->link_tail = NULL;
				io_queue_sqe(head);
			}
			continue;
		}
		if (req->flags & (IOSQE_IO_LINK | IOSQE_IO_HARDLINK)) {
			ctx->link_head = ctx->link_tail = req;
			continue;
		}
		io_queue_sqe(req);
	}
	/* A chain left open by the last SQE runs as it is. */
	if (ctx->link_head) {
		struct io_kiocb *head = ctx->link_head;

		ctx->link_head = ctx->link_tail = NULL;
		io_queue_sqe(head);
	}
	smp_store_release(&rings->sq_head, ctx->cached_sq_head);
	return submitted;
}

/* ---------- waiting ---------- */

static int io_cqring_wait(struct io_ring_ctx *ctx, unsigned int min_events)
{
	wait_queue_entry_t wait;

	for (;;) {
		io_cqring_overflow_flush(ctx);
		if (io_cqring_events(ctx) >= min_events)
			return 0;
		if (signal_pending(current))
			return -EINTR;
		init_wait_entry(&wait, 0);
		add_wait_queue(&ctx->cq_wait, &wait);
		set_current_state(TASK_INTERRUPTIBLE);
		if (io_cqring_events(ctx) < min_events &&
		    list_empty(&ctx->cq_overflow_list) && !signal_pending(current))
			schedule();
		__set_current_state(TASK_RUNNING);
		remove_wait_queue(&ctx->cq_wait, &wait);
	}
}

/* ---------- the ring file ---------- */

static __poll_t io_uring_poll(struct file *file, poll_table *wait)
{
	struct io_ring_ctx *ctx = file->private_data;
	__poll_t mask = 0;

	poll_wait(file, &ctx->poll_wq, wait);
	/* Room for one more SQE */
	if (READ_ONCE(ctx->rings->sq_tail) - ctx->cached_sq_head != ctx->sq_entries)
		mask |= POLLOUT | POLLWRNORM;
	if (io_cqring_events(ctx) || !list_empty(&ctx->cq_overflow_list))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

static int io_uring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct io_ring_ctx *ctx = file->private_data;
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long size = vma->vm_end - vma->vm_start, i;
	struct page **pages;
	unsigned int nr;
	int ret;

	switch (off) {
	case IORING_OFF_SQ_RING:
	case IORING_OFF_CQ_RING:	/* IORING_FEAT_SINGLE_MMAP: the same pages */
		pages = ctx->ring_pages;
		nr = ctx->nr_ring_pages;
		break;
	case IORING_OFF_SQES:
		pages = ctx->sqe_pages;
		nr = ctx->nr_sqe_pages;
		break;
	default:
		/*
		 * Linux (6.1 stable, as Debian ships it) checks the offset and
		 * size when it picks the address, and says ENOMEM for either.
		 */
		return -ENOMEM;
	}
	if (size > (unsigned long)nr * PAGE_SIZE)
		return -ENOMEM;
	vma->vm_flags |= VM_DONTEXPAND;		/* mremap may not grow it past the region */
	for (i = 0; i < size >> PAGE_SHIFT; i++) {
		ret = vm_insert_page(vma, vma->vm_start + i * PAGE_SIZE, pages[i]);
		if (ret)
			return ret;
	}
	return 0;
}

/* The last close: cancel what waits, let running requests end, drop the file's hold. */
static int io_uring_release(struct inode *inode, struct file *file)
{
	struct io_ring_ctx *ctx = file->private_data;
	LIST_HEAD(cancel);
	unsigned long flags;

	spin_lock_irqsave(&ctx->completion_lock, flags);
	WRITE_ONCE(ctx->dead, true);
	list_splice_init(&ctx->defer_list, &cancel);
	io_poll_cancel_all(ctx, &cancel);
	io_timeout_cancel_all(ctx, &cancel);
	spin_unlock_irqrestore(&ctx->completion_lock, flags);
	while (!list_empty(&cancel)) {
		struct io_kiocb *req = list_first_entry(&cancel, struct io_kiocb, list);

		list_del_init(&req->list);
		if (req->opcode == IORING_OP_TIMEOUT)
			hrtimer_cancel(&req->timer);
		io_req_complete(req, -ECANCELED);
	}
	io_ring_ctx_put(ctx);
	return 0;
}

static const struct file_operations io_uring_fops = {
	.release	= io_uring_release,
	.mmap		= io_uring_mmap,
	.poll		= io_uring_poll,
};

static struct io_ring_ctx *io_uring_get_ctx(struct file *file)
{
	return file->f_op == &io_uring_fops ? file->private_data : NULL;
}

/* ---------- system calls ---------- */

static int io_allocate_rings(struct io_ring_ctx *ctx, struct io_uring_params *p)
{
	size_t cqes_end = offsetof(struct io_rings, cqes) +
			  (size_t)p->cq_entries * sizeof(struct io_uring_cqe);
	size_t array_off = ALIGN(cqes_end, 64);
	struct io_rings *rings;

	ctx->rings_size = array_off + (size_t)p->sq_entries * sizeof(u32);
	rings = io_alloc_region(ctx->rings_size, &ctx->ring_pages, &ctx->nr_ring_pages);
	if (!rings)
		return -ENOMEM;
	ctx->rings = rings;
	ctx->sq_array = (u32 *)((char *)rings + array_off);
	rings->sq_ring_mask = p->sq_entries - 1;
	rings->cq_ring_mask = p->cq_entries - 1;
	rings->sq_ring_entries = p->sq_entries;
	rings->cq_ring_entries = p->cq_entries;
	ctx->sq_sqes = io_alloc_region((size_t)p->sq_entries * sizeof(struct io_uring_sqe),
				       &ctx->sqe_pages, &ctx->nr_sqe_pages);
	if (!ctx->sq_sqes)
		return -ENOMEM;

	memset(&p->sq_off, 0, sizeof(p->sq_off));
	p->sq_off.head = offsetof(struct io_rings, sq_head);
	p->sq_off.tail = offsetof(struct io_rings, sq_tail);
	p->sq_off.ring_mask = offsetof(struct io_rings, sq_ring_mask);
	p->sq_off.ring_entries = offsetof(struct io_rings, sq_ring_entries);
	p->sq_off.flags = offsetof(struct io_rings, sq_flags);
	p->sq_off.dropped = offsetof(struct io_rings, sq_dropped);
	p->sq_off.array = array_off;
	memset(&p->cq_off, 0, sizeof(p->cq_off));
	p->cq_off.head = offsetof(struct io_rings, cq_head);
	p->cq_off.tail = offsetof(struct io_rings, cq_tail);
	p->cq_off.ring_mask = offsetof(struct io_rings, cq_ring_mask);
	p->cq_off.ring_entries = offsetof(struct io_rings, cq_ring_entries);
	p->cq_off.overflow = offsetof(struct io_rings, cq_overflow);
	p->cq_off.cqes = offsetof(struct io_rings, cqes);
	p->cq_off.flags = offsetof(struct io_rings, cq_flags);
	return 0;
}

static long io_uring_create(unsigned int entries, struct io_uring_params *p,
			    struct io_uring_params __user *params)
{
	struct io_ring_ctx *ctx;
	struct file *file;
	long ret;
	int fd;

	if (!entries)
		return -EINVAL;
	if (entries > IORING_MAX_ENTRIES) {
		if (!(p->flags & IORING_SETUP_CLAMP))
			return -EINVAL;
		entries = IORING_MAX_ENTRIES;
	}
	p->sq_entries = roundup_pow_of_two(entries);
	if (p->flags & IORING_SETUP_CQSIZE) {
		if (!p->cq_entries)
			return -EINVAL;
		if (p->cq_entries > IORING_MAX_CQ_ENTRIES) {
			if (!(p->flags & IORING_SETUP_CLAMP))
				return -EINVAL;
			p->cq_entries = IORING_MAX_CQ_ENTRIES;
		}
		p->cq_entries = roundup_pow_of_two(p->cq_entries);
		if (p->cq_entries < p->sq_entries)
			return -EINVAL;
	} else {
		p->cq_entries = 2 * p->sq_entries;
	}

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	refcount_set(&ctx->refs, 1);
	ctx->flags = p->flags;
	ctx->sq_entries = p->sq_entries;
	ctx->cq_entries = p->cq_entries;
	mutex_init(&ctx->uring_lock);
	spin_lock_init(&ctx->completion_lock);
	INIT_LIST_HEAD(&ctx->cq_overflow_list);
	INIT_LIST_HEAD(&ctx->defer_list);
	INIT_LIST_HEAD(&ctx->poll_list);
	INIT_LIST_HEAD(&ctx->timeout_list);
	init_waitqueue_head(&ctx->cq_wait);
	init_waitqueue_head(&ctx->poll_wq);
	ctx->mm = current->mm;
	if (ctx->mm)
		mmgrab(ctx->mm);
	ret = io_allocate_rings(ctx, p);
	if (ret)
		goto out_put;

	p->features = IORING_FEAT_SINGLE_MMAP | IORING_FEAT_NODROP |
		      IORING_FEAT_SUBMIT_STABLE | IORING_FEAT_RW_CUR_POS;
	ret = -EFAULT;
	if (copy_to_user(params, p, sizeof(*p)))
		goto out_put;
	file = anon_inode_getfile("[io_uring]", &io_uring_fops, ctx, O_RDWR | O_CLOEXEC);
	if (IS_ERR(file)) {
		ret = PTR_ERR(file);
		goto out_put;
	}
	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0) {
		fput(file);	/* release drops the context */
		return fd;
	}
	fd_install(fd, file);
	return fd;
out_put:
	io_ring_ctx_put(ctx);
	return ret;
}

SYSCALL_DEFINE2(io_uring_setup, u32, entries, struct io_uring_params __user *, params)
{
	struct io_uring_params p;
	unsigned int i;

	switch (READ_ONCE(sysctl_io_uring_disabled)) {
	case 0:
		break;
	case 1:
		if (capable(CAP_SYS_ADMIN))
			break;
		fallthrough;
	default:
		return -EPERM;
	}
	if (copy_from_user(&p, params, sizeof(p)))
		return -EFAULT;
	for (i = 0; i < ARRAY_SIZE(p.resv); i++)
		if (p.resv[i])
			return -EINVAL;
	if (p.flags & ~IORING_SETUP_SUPPORTED)
		return -EINVAL;
	return io_uring_create(entries, &p, params);
}

SYSCALL_DEFINE6(io_uring_enter, unsigned int, fd, u32, to_submit, u32, min_complete,
		u32, flags, const void __user *, argp, size_t, argsz)
{
	struct io_ring_ctx *ctx;
	struct file *file;
	long ret = 0, ret2 = 0;

	if (flags & ~(IORING_ENTER_GETEVENTS | IORING_ENTER_SQ_WAKEUP | IORING_ENTER_SQ_WAIT))
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	ctx = io_uring_get_ctx(file);
	if (!ctx) {
		ret = -EOPNOTSUPP;
		goto out_fput;
	}
	if (to_submit) {
		mutex_lock(&ctx->uring_lock);
		ret = io_submit_sqes(ctx, to_submit);
		mutex_unlock(&ctx->uring_lock);
	}
	if (flags & IORING_ENTER_GETEVENTS) {
		const sigset_t __user *sig = argp;

		/* The sigset is the wait's, as for ppoll: installed only around it. */
		ret2 = set_user_sigmask(sig, argsz);
		if (!ret2) {
			min_complete = min(min_complete, ctx->cq_entries);
			ret2 = io_cqring_wait(ctx, min_complete);
			if (sig) {
				if (ret2 != -EINTR)
					restore_saved_sigmask();
			}
		}
	} else {
		io_cqring_overflow_flush(ctx);
	}
	if (!ret)
		ret = ret2;
out_fput:
	fput(file);
	return ret;
}

SYSCALL_DEFINE4(io_uring_register, unsigned int, fd, unsigned int, opcode,
		void __user *, arg, unsigned int, nr_args)
{
	struct io_ring_ctx *ctx;
	struct file *file;
	long ret;

	file = fget(fd);
	if (!file)
		return -EBADF;
	ctx = io_uring_get_ctx(file);
	if (!ctx) {
		ret = -EOPNOTSUPP;
		goto out_fput;
	}
	mutex_lock(&ctx->uring_lock);
	switch (opcode) {
	case IORING_REGISTER_BUFFERS:
		ret = io_sqe_buffers_register(ctx, arg, nr_args);
		break;
	case IORING_UNREGISTER_BUFFERS:
		ret = -EINVAL;
		if (arg || nr_args)
			break;
		ret = io_sqe_buffers_unregister(ctx);
		break;
	default:
		ret = -EINVAL;
	}
	mutex_unlock(&ctx->uring_lock);
out_fput:
	fput(file);
	return ret;
}
