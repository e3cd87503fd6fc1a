// SPDX-License-Identifier: GPL-2.0
/*
 * Linux native asynchronous I/O: io_setup, io_submit, io_getevents,
 * io_pgetevents, io_cancel, io_destroy (what libaio wraps, and what
 * databases use for their data files).
 *
 * io_setup makes a context: a ring of struct io_event in pages the
 * kernel owns and also maps into the process, read-write, so libaio can
 * take events without a system call.  The context's id (aio_context_t)
 * is that mapping's address.  io_submit takes struct iocb requests; each
 * reserves a ring slot first, so the ring can never overflow, and its
 * result goes into the ring as an event {data, obj, res, res2}, with an
 * eventfd signalled if the request asked (IOCB_FLAG_RESFD).
 *
 * Reads, writes and fsyncs run to completion inside io_submit, as they do
 * on Linux for buffered files (only O_DIRECT on a block device is truly
 * asynchronous there), so the event is in the ring when io_submit
 * returns.  IOCB_CMD_POLL is asynchronous: it hangs on the file's wait
 * queue and completes from a work item when the file becomes ready, or
 * when io_cancel takes it back (which then returns -EINPROGRESS, the
 * event still arriving in the ring).
 *
 * Locking: mm->ioctx_lock guards the mm's list of contexts; ctx->lock the
 * ring's tail, the in-flight count and the list of cancellable requests;
 * a poll request's wait-queue lock decides who completes it.
 */
#include <linux/kernel.h>
#include <linux/aio.h>
#include <linux/eventfd.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_vma.h>
#include <linux/poll.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <uapi/linux/aio_abi.h>

#define AIO_RING_MAGIC			0xa10a10a1
#define AIO_RING_COMPAT_FEATURES	1
#define AIO_RING_INCOMPAT_FEATURES	0
#define KIOCB_KEY			0

/* The ring's header, as libaio reads it at the context's address. */
struct aio_ring {
	unsigned int id;		/* the context's index: unused here, 0 */
	unsigned int nr;		/* slots in io_events[] */
	unsigned int head;		/* next event to take (user space may move it) */
	unsigned int tail;		/* next slot the kernel fills */
	unsigned int magic;
	unsigned int compat_features;
	unsigned int incompat_features;
	unsigned int header_length;	/* sizeof(struct aio_ring) */
	struct io_event io_events[];
};

struct kioctx {
	struct list_head	list;		/* mm->ioctx_list */
	refcount_t		users;		/* the list's reference + each lookup and request */
	struct mm_struct	*mm;
	unsigned long		user_id;	/* aio_context_t: the ring's user address */
	unsigned int		max_reqs;	/* what io_setup asked for: counted in aio-nr */
	unsigned int		nr_events;	/* ring slots; one always stays empty */
	unsigned int		nr_pages;
	struct page		**ring_pages;
	struct aio_ring		*ring;		/* the kernel's view of the same pages */
	spinlock_t		lock;
	unsigned int		in_flight;	/* submitted, no event yet */
	struct list_head	active_reqs;	/* cancellable: pending polls */
	wait_queue_head_t	wait;		/* io_getevents sleepers */
	bool			dead;
};

struct aio_kiocb {
	struct kioctx		*ctx;
	struct file		*file;
	struct iocb __user	*user_iocb;	/* the event's obj, io_cancel's key */
	u64			user_data;
	struct file		*eventfd_file;	/* IOCB_FLAG_RESFD */
	struct list_head	ki_list;	/* ctx->active_reqs */
	/* IOCB_CMD_POLL */
	__poll_t		events;
	wait_queue_head_t	*head;
	struct wait_queue_entry	wait;
	struct work_struct	work;
	bool			done;		/* taken off the wait queue: under head->lock */
};

struct aio_poll_table {
	poll_table pt;
	struct aio_kiocb *req;
	int error;
};

int aio_max_nr = 0x10000;	/* /proc/sys/fs/aio-max-nr */
int aio_nr;			/* /proc/sys/fs/aio-nr: events of all live contexts */
static DEFINE_SPINLOCK(aio_nr_lock);

/* ---------- contexts ---------- */

static void put_ioctx(struct kioctx *ctx)
{
	unsigned int i;

	if (!refcount_dec_and_test(&ctx->users))
		return;
	vunmap(ctx->ring);
	/* A page the process still maps (after mremap) lives on until it is unmapped. */
	for (i = 0; i < ctx->nr_pages; i++)
		put_page(ctx->ring_pages[i]);
	kfree(ctx->ring_pages);
	kfree(ctx);
}

static struct kioctx *lookup_ioctx(unsigned long id)
{
	struct mm_struct *mm = current->mm;
	struct kioctx *ctx, *found = NULL;

	if (!mm)
		return NULL;
	spin_lock(&mm->ioctx_lock);
	list_for_each_entry(ctx, &mm->ioctx_list, list) {
		if (ctx->user_id == id) {
			refcount_inc(&ctx->users);
			found = ctx;
			break;
		}
	}
	spin_unlock(&mm->ioctx_lock);
	return found;
}

/* The ring pages, zeroed, mapped into the process at a free address. */
static int aio_setup_ring(struct kioctx *ctx, unsigned int nr_events)
{
	size_t size = sizeof(struct aio_ring) + (size_t)nr_events * sizeof(struct io_event);
	unsigned long addr;
	unsigned int i;
	int err;

	ctx->nr_pages = DIV_ROUND_UP(size, PAGE_SIZE);
	ctx->ring_pages = kcalloc(ctx->nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!ctx->ring_pages)
		return -ENOMEM;
	for (i = 0; i < ctx->nr_pages; i++) {
		ctx->ring_pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!ctx->ring_pages[i])
			return -ENOMEM;	/* put_ioctx frees what was allocated */
	}
	ctx->ring = vmap(ctx->ring_pages, ctx->nr_pages, 0, PAGE_KERNEL);
	if (!ctx->ring)
		return -ENOMEM;
	ctx->nr_events = ((size_t)ctx->nr_pages * PAGE_SIZE - sizeof(struct aio_ring)) /
			 sizeof(struct io_event);
	ctx->ring->nr = ctx->nr_events;
	ctx->ring->magic = AIO_RING_MAGIC;
	ctx->ring->compat_features = AIO_RING_COMPAT_FEATURES;
	ctx->ring->incompat_features = AIO_RING_INCOMPAT_FEATURES;
	ctx->ring->header_length = sizeof(struct aio_ring);

	/* Shared, so libaio's head updates reach these very pages; not inherited. */
	addr = vm_mmap(NULL, 0, (size_t)ctx->nr_pages * PAGE_SIZE, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(addr))
		return addr;
	err = install_special_mapping(current->mm, addr, (size_t)ctx->nr_pages * PAGE_SIZE,
				      VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_SHARED |
				      VM_MAYSHARE | VM_DONTEXPAND | VM_DONTCOPY, ctx->ring_pages);
	if (err) {
		vm_munmap(addr, (size_t)ctx->nr_pages * PAGE_SIZE);
		return err;
	}
	ctx->user_id = addr;
	return 0;
}

static long ioctx_alloc(unsigned int nr_events, struct kioctx **out)
{
	unsigned int max_reqs = nr_events;
	struct kioctx *ctx;
	long err;

	/* Linux's sizing: room for a few per CPU, doubled for its per-CPU batches. */
	nr_events = max(nr_events, 4U);
	if (nr_events > 0x10000000U / sizeof(struct io_event) / 2)
		return -EINVAL;
	nr_events *= 2;
	if ((unsigned long)max_reqs > (unsigned int)READ_ONCE(aio_max_nr))
		return -EAGAIN;
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	refcount_set(&ctx->users, 1);
	ctx->mm = current->mm;
	ctx->max_reqs = max_reqs;
	spin_lock_init(&ctx->lock);
	INIT_LIST_HEAD(&ctx->active_reqs);
	init_waitqueue_head(&ctx->wait);
	err = aio_setup_ring(ctx, nr_events + 1);
	if (err)
		goto out_put;
	spin_lock(&aio_nr_lock);
	if (aio_nr + max_reqs > (unsigned int)aio_max_nr || aio_nr + max_reqs < (unsigned int)aio_nr) {
		spin_unlock(&aio_nr_lock);
		err = -EAGAIN;
		goto out_unmap;
	}
	aio_nr += max_reqs;
	spin_unlock(&aio_nr_lock);
	spin_lock(&current->mm->ioctx_lock);
	list_add(&ctx->list, &current->mm->ioctx_list);
	spin_unlock(&current->mm->ioctx_lock);
	*out = ctx;
	return 0;
out_unmap:
	vm_munmap(ctx->user_id, (size_t)ctx->nr_pages * PAGE_SIZE);
out_put:
	put_ioctx(ctx);
	return err;
}

static void aio_poll_cancel(struct aio_kiocb *req);

/*
 * Take @ctx off its mm, cancel its pending polls (their events are
 * dropped with the ring) and, from io_destroy, unmap the ring.  The
 * memory goes when the last request or lookup lets go.
 */
static void kill_ioctx(struct mm_struct *mm, struct kioctx *ctx, bool unmap)
{
	struct aio_kiocb *req;

	spin_lock(&mm->ioctx_lock);
	if (ctx->dead) {
		spin_unlock(&mm->ioctx_lock);
		return;
	}
	ctx->dead = true;
	list_del(&ctx->list);
	spin_unlock(&mm->ioctx_lock);

	for (;;) {
		spin_lock_irq(&ctx->lock);
		req = list_first_entry_or_null(&ctx->active_reqs, struct aio_kiocb, ki_list);
		if (req)
			list_del_init(&req->ki_list);
		spin_unlock_irq(&ctx->lock);
		if (!req)
			break;
		aio_poll_cancel(req);
	}
	wake_up_all(&ctx->wait);
	spin_lock(&aio_nr_lock);
	aio_nr -= ctx->max_reqs;
	spin_unlock(&aio_nr_lock);
	if (unmap)
		vm_munmap(ctx->user_id, (size_t)ctx->nr_pages * PAGE_SIZE);
	put_ioctx(ctx);		/* the list's reference */
}

/* The mm is going away (exit, exec): its contexts go with it, unmapped already. */
void exit_aio(struct mm_struct *mm)
{
	struct kioctx *ctx;

	for (;;) {
		spin_lock(&mm->ioctx_lock);
		ctx = list_first_entry_or_null(&mm->ioctx_list, struct kioctx, list);
		if (ctx)
			refcount_inc(&ctx->users);
		spin_unlock(&mm->ioctx_lock);
		if (!ctx)
			return;
		kill_ioctx(mm, ctx, false);
		put_ioctx(ctx);
	}
}

/* ---------- the ring ---------- */

/* Events in the ring now; the head is user space's to move, so it is clamped. */
static unsigned int ring_events(struct kioctx *ctx)
{
	unsigned int head = READ_ONCE(ctx->ring->head) % ctx->nr_events;
	unsigned int tail = ctx->ring->tail;

	return (tail + ctx->nr_events - head) % ctx->nr_events;
}

/* A slot for one more request, counting what is in flight and not yet taken. */
static bool get_reqs_available(struct kioctx *ctx)
{
	bool ok;

	spin_lock_irq(&ctx->lock);
	ok = !ctx->dead && ctx->in_flight + ring_events(ctx) < ctx->nr_events - 1;
	if (ok)
		ctx->in_flight++;
	spin_unlock_irq(&ctx->lock);
	return ok;
}

static void put_reqs_available(struct kioctx *ctx)
{
	unsigned long flags;

	spin_lock_irqsave(&ctx->lock, flags);
	ctx->in_flight--;
	spin_unlock_irqrestore(&ctx->lock, flags);
}

static void free_kiocb(struct aio_kiocb *req)
{
	if (req->file)
		fput(req->file);
	if (req->eventfd_file)
		fput(req->eventfd_file);
	put_ioctx(req->ctx);
	kfree(req);
}

/* Put the request's event in the ring, tell whoever waits, free the request. */
static void aio_complete(struct aio_kiocb *req, long res, long res2)
{
	struct kioctx *ctx = req->ctx;
	struct io_event *ev;
	unsigned long flags;
	unsigned int tail;

	spin_lock_irqsave(&ctx->lock, flags);
	tail = ctx->ring->tail;
	ev = &ctx->ring->io_events[tail];
	ev->data = req->user_data;
	ev->obj = (u64)(unsigned long)req->user_iocb;
	ev->res = res;
	ev->res2 = res2;
	/* The event is whole before user space sees the new tail (x86 keeps stores in order). */
	barrier();
	WRITE_ONCE(ctx->ring->tail, (tail + 1) % ctx->nr_events);
	ctx->in_flight--;
	spin_unlock_irqrestore(&ctx->lock, flags);
	if (req->eventfd_file)
		eventfd_signal(eventfd_ctx_fileget(req->eventfd_file), 1);
	wake_up_all(&ctx->wait);
	free_kiocb(req);
}

/* Take up to @nr events, at least @min_nr unless the wait ends first. */
static long aio_read_events(struct kioctx *ctx, long nr, struct io_event __user *events)
{
	long copied = 0;

	spin_lock_irq(&ctx->lock);
	while (copied < nr) {
		unsigned int head = READ_ONCE(ctx->ring->head) % ctx->nr_events;
		struct io_event ev;

		if (head == ctx->ring->tail)
			break;
		barrier();	/* the event, not just the tail (x86 keeps loads in order) */
		ev = ctx->ring->io_events[head];
		spin_unlock_irq(&ctx->lock);
		if (copy_to_user(events + copied, &ev, sizeof(ev)))
			return copied ? copied : -EFAULT;
		spin_lock_irq(&ctx->lock);
		WRITE_ONCE(ctx->ring->head, (head + 1) % ctx->nr_events);
		copied++;
	}
	spin_unlock_irq(&ctx->lock);
	return copied;
}

static bool aio_events_available(struct kioctx *ctx)
{
	return READ_ONCE(ctx->ring->head) % ctx->nr_events != READ_ONCE(ctx->ring->tail) ||
	       READ_ONCE(ctx->dead);
}

/* @deadline: 0 = do not wait, U64_MAX = forever. */
static long read_events(struct kioctx *ctx, long min_nr, long nr,
			struct io_event __user *events, u64 deadline)
{
	long got = 0, ret;

	for (;;) {
		u64 now;
		wait_queue_entry_t wait;

		ret = aio_read_events(ctx, nr - got, events + got);
		if (ret < 0)
			return got ? got : ret;
		got += ret;
		if (got >= min_nr || got >= nr || READ_ONCE(ctx->dead))
			return got;
		if (signal_pending(current))
			return got ? got : -EINTR;
		now = ktime_get_ns();
		if (deadline != U64_MAX && now >= deadline)
			return got;
		init_wait_entry(&wait, 0);
		add_wait_queue(&ctx->wait, &wait);
		set_current_state(TASK_INTERRUPTIBLE);
		if (!aio_events_available(ctx) && !signal_pending(current))
			schedule_timeout(deadline == U64_MAX ? MAX_SCHEDULE_TIMEOUT
					 : (long)DIV_ROUND_UP(deadline - now, TICK_NSEC));
		__set_current_state(TASK_RUNNING);
		remove_wait_queue(&ctx->wait, &wait);
	}
}

/* ---------- requests ---------- */

/* PREAD/PWRITE (one buffer) and PREADV/PWRITEV (an iovec array), synchronously. */
static long aio_rw(struct aio_kiocb *req, const struct iocb *iocb, bool write, bool vectored)
{
	struct iovec one, *iov = &one;
	unsigned long nr = 1;
	long ret;

	if (!(req->file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		return -EBADF;
	if (write ? !req->file->f_op->write_iter && !req->file->f_op->write
		  : !req->file->f_op->read_iter && !req->file->f_op->read)
		return -EINVAL;
	if (vectored) {
		if (iocb->aio_nbytes > UIO_MAXIOV)
			return -EINVAL;
		nr = iocb->aio_nbytes;
		ret = import_iovec_array((const struct iovec __user *)(unsigned long)iocb->aio_buf,
					 nr, &iov);
		if (ret)
			return ret;
	} else {
		one.iov_base = (void __user *)(unsigned long)iocb->aio_buf;
		one.iov_len = iocb->aio_nbytes;
		ret = iovec_check(&one, 1);
		if (ret)
			return ret;
	}
	ret = vfs_iocb_rw(req->file, iov, nr, iocb->aio_offset, write, iocb->aio_rw_flags);
	if (iov != &one)
		kfree(iov);
	/* A signal cut the transfer short: no restart from inside an event. */
	if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR || ret == -ERESTARTNOHAND)
		ret = -EINTR;
	aio_complete(req, ret, 0);
	return 0;
}

static long aio_fsync(struct aio_kiocb *req, const struct iocb *iocb, bool datasync)
{
	if (iocb->aio_buf || iocb->aio_offset || iocb->aio_nbytes || iocb->aio_rw_flags)
		return -EINVAL;
	if (!req->file->f_op->fsync)
		return -EINVAL;
	aio_complete(req, req->file->f_op->fsync(req->file, 0, MAX_LFS_FILESIZE, datasync), 0);
	return 0;
}

/* The mask to report, or 0 while the file is not ready. */
static __poll_t aio_poll_mask(struct aio_kiocb *req)
{
	poll_table pt = { ._qproc = NULL };

	return vfs_poll(req->file, &pt) & req->events;
}

/*
 * Completion is decided under the wait queue's lock: whoever takes the
 * entry off (the work below, or a cancel) owns the request; a wake-up
 * after that finds done set and schedules nothing.
 */
static bool aio_poll_take(struct aio_kiocb *req)
{
	unsigned long flags;
	bool mine;

	spin_lock_irqsave(&req->head->lock, flags);
	mine = !req->done;
	if (mine) {
		list_del_init(&req->wait.entry);
		req->done = true;
	}
	spin_unlock_irqrestore(&req->head->lock, flags);
	return mine;
}

static void aio_poll_finish(struct aio_kiocb *req, __poll_t mask)
{
	spin_lock_irq(&req->ctx->lock);
	list_del_init(&req->ki_list);
	spin_unlock_irq(&req->ctx->lock);
	aio_complete(req, mangle_poll(mask), 0);
}

static void aio_poll_complete_work(struct work_struct *work)
{
	struct aio_kiocb *req = container_of(work, struct aio_kiocb, work);
	__poll_t mask = aio_poll_mask(req);

	if (!mask || !aio_poll_take(req))
		return;		/* not ready yet (still queued), or cancelled */
	aio_poll_finish(req, mask);
}

/* Called under the wait queue's lock by the file's wake-up. */
static int aio_poll_wake(struct wait_queue_entry *wait, unsigned int mode, int sync, void *key)
{
	struct aio_kiocb *req = container_of(wait, struct aio_kiocb, wait);
	__poll_t mask = key_to_poll(key);

	if (mask && !(mask & req->events))
		return 0;
	if (!req->done)
		schedule_work(&req->work);
	return 1;
}

/* io_cancel and io_destroy: the request is off ctx->active_reqs already. */
static void aio_poll_cancel(struct aio_kiocb *req)
{
	if (!aio_poll_take(req))
		return;		/* the work is completing it */
	cancel_work_sync(&req->work);	/* a run queued before we took it finds done */
	aio_complete(req, 0, 0);
}

static void aio_poll_queue_proc(struct file *file, wait_queue_head_t *head,
				struct poll_table_struct *pt)
{
	struct aio_poll_table *apt = container_of(pt, struct aio_poll_table, pt);

	if (apt->req->head) {
		apt->error = -EINVAL;	/* a file with two queues: Linux refuses it too */
		return;
	}
	apt->req->head = head;
	add_wait_queue(head, &apt->req->wait);
}

static long aio_poll(struct aio_kiocb *req, const struct iocb *iocb)
{
	struct aio_poll_table apt = { .pt._qproc = aio_poll_queue_proc, .req = req };
	__poll_t mask;

	if ((u16)iocb->aio_buf != iocb->aio_buf)
		return -EINVAL;
	if (iocb->aio_offset || iocb->aio_nbytes || iocb->aio_rw_flags)
		return -EINVAL;
	req->events = demangle_poll((u16)iocb->aio_buf) | POLLERR | POLLHUP;
	INIT_WORK(&req->work, aio_poll_complete_work);
	INIT_LIST_HEAD(&req->ki_list);
	req->wait.flags = 0;
	req->wait.private = NULL;
	req->wait.func = aio_poll_wake;
	INIT_LIST_HEAD(&req->wait.entry);

	/* Listed first, so io_cancel can find it the moment a wake-up may come. */
	spin_lock_irq(&req->ctx->lock);
	list_add_tail(&req->ki_list, &req->ctx->active_reqs);
	spin_unlock_irq(&req->ctx->lock);
	mask = vfs_poll(req->file, &apt.pt) & req->events;
	if (!req->head) {
		/* Nothing to wait on: answer now (ready or not). */
		req->done = true;
		aio_poll_finish(req, mask);
		return 0;
	}
	if (apt.error || mask) {
		if (aio_poll_take(req)) {
			cancel_work_sync(&req->work);
			if (apt.error) {
				spin_lock_irq(&req->ctx->lock);
				list_del_init(&req->ki_list);
				spin_unlock_irq(&req->ctx->lock);
				return apt.error;	/* the caller frees the request */
			}
			aio_poll_finish(req, mask);
		}
	}
	return 0;
}

static long io_submit_one(struct kioctx *ctx, struct iocb __user *user_iocb)
{
	struct aio_kiocb *req;
	struct iocb iocb;
	long err;

	if (copy_from_user(&iocb, user_iocb, sizeof(iocb)))
		return -EFAULT;
	/* Reserved fields must be clear; sizes must fit the native types. */
	if (iocb.aio_reserved2)
		return -EINVAL;
	if (iocb.aio_buf != (unsigned long)iocb.aio_buf ||
	    iocb.aio_nbytes != (size_t)iocb.aio_nbytes || (s64)iocb.aio_nbytes < 0)
		return -EINVAL;
	if (!get_reqs_available(ctx))
		return -EAGAIN;
	err = -ENOMEM;
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		goto out_put_req_slot;
	refcount_inc(&ctx->users);
	req->ctx = ctx;
	req->user_iocb = user_iocb;
	req->user_data = iocb.aio_data;
	if (iocb.aio_flags & IOCB_FLAG_RESFD) {
		err = -EBADF;
		req->eventfd_file = fget(iocb.aio_resfd);
		if (!req->eventfd_file)
			goto out_free;
		err = -EINVAL;
		if (IS_ERR(eventfd_ctx_fileget(req->eventfd_file)))
			goto out_free;
	}
	err = -EFAULT;
	if (put_user(KIOCB_KEY, &user_iocb->aio_key))
		goto out_free;
	err = -EBADF;
	req->file = fget(iocb.aio_fildes);
	if (!req->file)
		goto out_free;

	switch (iocb.aio_lio_opcode) {
	case IOCB_CMD_PREAD:
		err = aio_rw(req, &iocb, false, false);
		break;
	case IOCB_CMD_PWRITE:
		err = aio_rw(req, &iocb, true, false);
		break;
	case IOCB_CMD_PREADV:
		err = aio_rw(req, &iocb, false, true);
		break;
	case IOCB_CMD_PWRITEV:
		err = aio_rw(req, &iocb, true, true);
		break;
	case IOCB_CMD_FSYNC:
		err = aio_fsync(req, &iocb, false);
		break;
	case IOCB_CMD_FDSYNC:
		err = aio_fsync(req, &iocb, true);
		break;
	case IOCB_CMD_POLL:
		err = aio_poll(req, &iocb);
		break;
	default:
		err = -EINVAL;		/* IOCB_CMD_NOOP included, as Linux 6.1 */
	}
	if (!err)
		return 0;	/* the request is the ring's now */
out_free:
	free_kiocb(req);
out_put_req_slot:
	put_reqs_available(ctx);
	return err;
}

/* ---------- system calls ---------- */

SYSCALL_DEFINE2(io_setup, unsigned int, nr_events, aio_context_t __user *, ctxp)
{
	struct kioctx *ctx;
	unsigned long id;
	long ret;

	if (get_user(id, ctxp))
		return -EFAULT;
	if (id || !nr_events)
		return -EINVAL;
	ret = ioctx_alloc(nr_events, &ctx);
	if (ret)
		return ret;
	if (put_user(ctx->user_id, ctxp)) {
		kill_ioctx(current->mm, ctx, true);
		return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE1(io_destroy, aio_context_t, ctx_id)
{
	struct kioctx *ctx = lookup_ioctx(ctx_id);

	if (!ctx)
		return -EINVAL;
	kill_ioctx(current->mm, ctx, true);
	put_ioctx(ctx);
	return 0;
}

SYSCALL_DEFINE3(io_submit, aio_context_t, ctx_id, long, nr, struct iocb __user * __user *, iocbpp)
{
	struct kioctx *ctx;
	long i, ret = 0;

	if (nr < 0)
		return -EINVAL;
	ctx = lookup_ioctx(ctx_id);
	if (!ctx)
		return -EINVAL;
	if (nr > ctx->nr_events)
		nr = ctx->nr_events;
	for (i = 0; i < nr; i++) {
		struct iocb __user *user_iocb;

		if (get_user(user_iocb, iocbpp + i)) {
			ret = -EFAULT;
			break;
		}
		ret = io_submit_one(ctx, user_iocb);
		if (ret)
			break;
	}
	put_ioctx(ctx);
	return i ? i : ret;
}

/* Cancelling works on polls, the only requests still pending after io_submit. */
SYSCALL_DEFINE3(io_cancel, aio_context_t, ctx_id, struct iocb __user *, iocb,
		struct io_event __user *, result)
{
	struct aio_kiocb *req = NULL, *pos;
	struct kioctx *ctx;
	u32 key;

	if (get_user(key, &iocb->aio_key))
		return -EFAULT;
	if (key != KIOCB_KEY)
		return -EINVAL;
	ctx = lookup_ioctx(ctx_id);
	if (!ctx)
		return -EINVAL;
	spin_lock_irq(&ctx->lock);
	list_for_each_entry(pos, &ctx->active_reqs, ki_list) {
		if (pos->user_iocb == iocb) {
			req = pos;
			list_del_init(&req->ki_list);
			break;
		}
	}
	spin_unlock_irq(&ctx->lock);
	if (req)
		aio_poll_cancel(req);
	put_ioctx(ctx);
	/* As Linux: the event arrives in the ring; io_cancel itself says "in progress". */
	return req ? -EINPROGRESS : -EINVAL;
}

static long do_io_getevents(aio_context_t ctx_id, long min_nr, long nr,
			    struct io_event __user *events,
			    const struct __kernel_timespec __user *timeout)
{
	struct __kernel_timespec ts;
	struct kioctx *ctx;
	u64 deadline = U64_MAX;
	long ret;

	if (min_nr < 0 || nr < 0 || min_nr > nr)
		return -EINVAL;
	if (timeout) {
		s64 ns;

		if (copy_from_user(&ts, timeout, sizeof(ts)))
			return -EFAULT;
		/*
		 * Linux takes the time as it comes (no EINVAL): a zero or
		 * negative one only looks, a huge one waits forever.
		 */
		if (ts.tv_sec >= (s64)(S64_MAX / NSEC_PER_SEC) - 1)
			deadline = U64_MAX;
		else if ((ns = ts.tv_sec * (s64)NSEC_PER_SEC + ts.tv_nsec) <= 0)
			deadline = 0;
		else
			deadline = ktime_get_ns() + ns;
	}
	ctx = lookup_ioctx(ctx_id);
	if (!ctx)
		return -EINVAL;
	ret = read_events(ctx, min_nr, nr, events, deadline);
	put_ioctx(ctx);
	return ret;
}

SYSCALL_DEFINE5(io_getevents, aio_context_t, ctx_id, long, min_nr, long, nr,
		struct io_event __user *, events, struct __kernel_timespec __user *, timeout)
{
	return do_io_getevents(ctx_id, min_nr, nr, events, timeout);
}

/* io_getevents with a signal mask for the wait, as ppoll to poll. */
SYSCALL_DEFINE6(io_pgetevents, aio_context_t, ctx_id, long, min_nr, long, nr,
		struct io_event __user *, events, struct __kernel_timespec __user *, timeout,
		const struct __aio_sigset __user *, usig)
{
	struct __aio_sigset ksig = { NULL, 0 };
	long ret;

	if (usig && copy_from_user(&ksig, usig, sizeof(ksig)))
		return -EFAULT;
	ret = set_user_sigmask(ksig.sigmask, ksig.sigsetsize);
	if (ret)
		return ret;
	ret = do_io_getevents(ctx_id, min_nr, nr, events, timeout);
	if (ksig.sigmask) {
		/* Interrupted: the handler runs under the wait's mask, then it is put back. */
		if (ret == -EINTR)
			ret = -ERESTARTNOHAND;
		else
			restore_saved_sigmask();
	}
	return ret;
}
