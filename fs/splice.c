// SPDX-License-Identifier: GPL-2.0
/*
 * splice, tee, vmsplice: moving data through a pipe without a trip
 * through a user buffer.
 *
 * A pipe is a ring of page buffers (<linux/pipe_fs_i.h>).  splice moves
 * bytes between a pipe and a file, or between two pipes:
 *
 *   file -> pipe   the file is read into new pages that become slots
 *   pipe -> file   slots are written out to the file and consumed
 *   pipe -> pipe   slots move over whole; a slot split between the two
 *                  pipes has its page shared (referenced twice)
 *
 * tee copies slots from one pipe to another without consuming them: the
 * pages are shared, and the copies may not have writes merged into them
 * (no PIPE_BUF_FLAG_CAN_MERGE).  vmsplice is a readv or writev on a pipe
 * whose blocking is chosen by SPLICE_F_NONBLOCK.
 *
 * Linux maps page-cache pages into the pipe itself; Lantern copies the
 * file's bytes into fresh pages, which costs a copy and gives the same
 * results.  Each call waits like a read (for data; none and no writers
 * is end of file, 0) or a write (for room; no readers is SIGPIPE and
 * EPIPE), unless SPLICE_F_NONBLOCK, and returns as soon as it moved
 * something.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define SPLICE_F_MOVE		0x01	/* a hint: move pages, do not copy */
#define SPLICE_F_NONBLOCK	0x02	/* do not block on the pipe */
#define SPLICE_F_MORE		0x04	/* more data will come (sockets) */
#define SPLICE_F_GIFT		0x08	/* vmsplice: the pages are given away */
#define SPLICE_F_ALL		(SPLICE_F_MOVE | SPLICE_F_NONBLOCK | SPLICE_F_MORE | SPLICE_F_GIFT)

/*
 * Wait, pipe->mutex held, until @pipe has data or no writers.  0 to go
 * on, -EAGAIN or -ERESTARTSYS.
 */
static int wait_for_data(struct pipe_inode_info *pipe, unsigned int flags)
{
	while (pipe_empty(pipe) && pipe->writers) {
		if (flags & SPLICE_F_NONBLOCK)
			return -EAGAIN;
		mutex_unlock(&pipe->mutex);
		if (wait_event_interruptible(pipe->rd_wait, pipe_readable(pipe))) {
			mutex_lock(&pipe->mutex);
			return -ERESTARTSYS;
		}
		mutex_lock(&pipe->mutex);
	}
	return 0;
}

/* The same for room: 0 (room, or no readers: the caller says EPIPE). */
static int wait_for_space(struct pipe_inode_info *pipe, unsigned int flags)
{
	while (pipe_full(pipe) && pipe->readers) {
		if (flags & SPLICE_F_NONBLOCK)
			return -EAGAIN;
		mutex_unlock(&pipe->mutex);
		if (wait_event_interruptible(pipe->wr_wait, pipe_writable(pipe))) {
			mutex_lock(&pipe->mutex);
			return -ERESTARTSYS;
		}
		mutex_lock(&pipe->mutex);
	}
	return 0;
}

static ssize_t pipe_no_readers(ssize_t done)
{
	if (done)
		return done;
	send_sig(SIGPIPE, current, 0);
	return -EPIPE;
}

/*
 * A fresh page for the next slot of @pipe, waiting for room unless
 * something already moved (@done).  NULL means stop: *@ret is then the
 * error (no readers, EAGAIN, a signal, no memory), or 0 when the caller
 * should just return what it moved.  The pipe's mutex is held.
 */
static struct page *pipe_new_page(struct pipe_inode_info *pipe, ssize_t done,
				  unsigned int flags, ssize_t *ret)
{
	struct page *page;

	for (;;) {
		if (!pipe->readers) {
			*ret = pipe_no_readers(done);
			return NULL;
		}
		if (!pipe_full(pipe))
			break;
		if (done)
			return NULL;
		*ret = wait_for_space(pipe, flags);
		if (*ret)
			return NULL;
	}
	page = alloc_page(GFP_KERNEL);
	if (!page)
		*ret = -ENOMEM;
	return page;
}

/* Put @len bytes at the start of @page into the pipe's next slot. */
static void pipe_push_page(struct pipe_inode_info *pipe, struct page *page, size_t len)
{
	struct pipe_buffer *buf = pipe_buf(pipe, pipe->head);

	buf->page = page;
	buf->offset = 0;
	buf->len = len;
	buf->flags = 0;
	pipe->head++;
}

/* file -> pipe: read up to @len bytes of @in at *@ppos into new slots. */
static ssize_t splice_file_to_pipe(struct file *in, loff_t *ppos, struct pipe_inode_info *pipe,
				   size_t len, unsigned int flags)
{
	ssize_t done = 0, ret = 0;

	mutex_lock(&pipe->mutex);
	while ((size_t)done < len) {
		size_t chunk = min_t(size_t, PAGE_SIZE, len - done);
		struct page *page = pipe_new_page(pipe, done, flags, &ret);
		ssize_t n;

		if (!page)
			break;
		n = kernel_read(in, page_address(page), chunk, ppos);
		if (n <= 0) {
			__free_page(page);
			ret = n;
			break;
		}
		pipe_push_page(pipe, page, n);
		done += n;
		if ((size_t)n < chunk)
			break;		/* end of file, or a short device read */
	}
	mutex_unlock(&pipe->mutex);
	if (done) {
		wake_up_interruptible_all(&pipe->rd_wait);
		return done;
	}
	return ret;
}

/* pipe -> file: write up to @len bytes of the pipe's slots to @out at *@ppos. */
static ssize_t splice_pipe_to_file(struct pipe_inode_info *pipe, struct file *out, loff_t *ppos,
				   size_t len, unsigned int flags)
{
	ssize_t done = 0, ret = 0;
	bool freed = false;

	mutex_lock(&pipe->mutex);
	while ((size_t)done < len) {
		struct pipe_buffer *buf;
		size_t chunk;
		ssize_t w;

		if (pipe_empty(pipe)) {
			if (done || !pipe->writers)
				break;
			ret = wait_for_data(pipe, flags);
			if (ret)
				break;
			continue;
		}
		buf = pipe_buf(pipe, pipe->tail);
		chunk = min_t(size_t, buf->len, len - done);
		w = kernel_write(out, (char *)page_address(buf->page) + buf->offset, chunk, ppos);
		if (w <= 0) {
			ret = w;
			break;
		}
		buf->offset += w;
		buf->len -= w;
		done += w;
		if (!buf->len) {
			put_page(buf->page);
			buf->page = NULL;
			pipe->tail++;
			freed = true;
		}
		if ((size_t)w < chunk)
			break;
	}
	mutex_unlock(&pipe->mutex);
	if (freed)
		wake_up_interruptible_all(&pipe->wr_wait);
	return done ? done : ret;
}

/* Lock two pipes in a fixed order, so two crossing splices cannot deadlock. */
static void pipe_double_lock(struct pipe_inode_info *a, struct pipe_inode_info *b)
{
	if (a < b) {
		mutex_lock(&a->mutex);
		mutex_lock(&b->mutex);
	} else {
		mutex_lock(&b->mutex);
		mutex_lock(&a->mutex);
	}
}

/*
 * pipe -> pipe, and tee (@consume false): up to @len bytes of @ip's
 * slots into @op.  Waits first for data in @ip and room in @op, then
 * moves what is there without waiting again.
 */
static ssize_t splice_pipe_to_pipe(struct pipe_inode_info *ip, struct pipe_inode_info *op,
				   size_t len, unsigned int flags, bool consume)
{
	ssize_t done = 0, ret = 0;
	unsigned int i;

	for (;;) {
		mutex_lock(&ip->mutex);
		ret = wait_for_data(ip, flags);
		mutex_unlock(&ip->mutex);
		if (ret)
			return ret;
		mutex_lock(&op->mutex);
		ret = op->readers ? wait_for_space(op, flags) : 0;
		mutex_unlock(&op->mutex);
		if (ret)
			return ret;
		pipe_double_lock(ip, op);
		if (!op->readers) {
			ret = pipe_no_readers(0);
			goto unlock;
		}
		if (pipe_empty(ip) && !ip->writers)
			goto unlock;		/* end of file: 0 */
		if (!pipe_empty(ip) && !pipe_full(op))
			break;			/* both ready, and still locked */
		mutex_unlock(&ip->mutex);
		mutex_unlock(&op->mutex);
	}
	i = ip->tail;
	while ((size_t)done < len && i != ip->head && !pipe_full(op)) {
		struct pipe_buffer *ib = pipe_buf(ip, i), *ob = pipe_buf(op, op->head);
		size_t n = min_t(size_t, ib->len, len - done);

		*ob = *ib;
		ob->len = n;
		ob->flags = 0;		/* the page may be shared now: no merging into it */
		if (consume && n == ib->len) {
			/* The whole slot moves over, with its reference. */
			ib->page = NULL;
			ip->tail++;
		} else {
			get_page(ib->page);
			if (consume) {
				ib->offset += n;
				ib->len -= n;
			}
		}
		op->head++;
		done += n;
		i++;
		if (consume)
			i = ip->tail;
	}
unlock:
	mutex_unlock(&ip->mutex);
	mutex_unlock(&op->mutex);
	if (done) {
		wake_up_interruptible_all(&op->rd_wait);
		if (consume)
			wake_up_interruptible_all(&ip->wr_wait);
		return done;
	}
	return ret;
}

/* The offset argument of one side: NULL uses (and moves) the file position. */
static int get_offset(struct file *f, loff_t __user *uoff, loff_t *pos, fmode_t need)
{
	if (!uoff) {
		*pos = f->f_pos;
		return 0;
	}
	if (!(f->f_mode & need))
		return -ESPIPE;
	if (copy_from_user(pos, uoff, sizeof(*pos)))
		return -EFAULT;
	return *pos < 0 ? -EINVAL : 0;
}

static long do_splice(struct file *in, loff_t __user *off_in, struct file *out,
		      loff_t __user *off_out, size_t len, unsigned int flags)
{
	struct pipe_inode_info *ipipe = get_pipe_info(in), *opipe = get_pipe_info(out);
	loff_t pos;
	long ret;

	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE))
		return -EBADF;
	if (ipipe && opipe) {
		if (off_in || off_out)
			return -ESPIPE;
		if (ipipe == opipe)
			return -EINVAL;
		if ((in->f_flags | out->f_flags) & O_NONBLOCK)
			flags |= SPLICE_F_NONBLOCK;
		return splice_pipe_to_pipe(ipipe, opipe, len, flags, true);
	}
	if (ipipe) {
		if (off_in)
			return -ESPIPE;
		if (out->f_flags & O_APPEND)
			return -EINVAL;
		if (!out->f_op->write_iter)
			return -EINVAL;
		ret = get_offset(out, off_out, &pos, FMODE_PWRITE);
		if (ret)
			return ret;
		if (in->f_flags & O_NONBLOCK)
			flags |= SPLICE_F_NONBLOCK;
		ret = splice_pipe_to_file(ipipe, out, &pos, len, flags);
		if (ret > 0) {
			if (!off_out)
				out->f_pos = pos;
			else if (put_user(pos, off_out))
				ret = -EFAULT;
		}
		return ret;
	}
	if (opipe) {
		if (off_out)
			return -ESPIPE;
		if (!in->f_op->read_iter)
			return -EINVAL;
		ret = get_offset(in, off_in, &pos, FMODE_PREAD);
		if (ret)
			return ret;
		if (out->f_flags & O_NONBLOCK)
			flags |= SPLICE_F_NONBLOCK;
		ret = splice_file_to_pipe(in, &pos, opipe, len, flags);
		if (ret > 0) {
			if (!off_in)
				in->f_pos = pos;
			else if (put_user(pos, off_in))
				ret = -EFAULT;
		}
		return ret;
	}
	return -EINVAL;		/* one side must be a pipe */
}

SYSCALL_DEFINE6(splice, int, fd_in, loff_t __user *, off_in, int, fd_out,
		loff_t __user *, off_out, size_t, len, unsigned int, flags)
{
	struct file *in, *out;
	long ret;

	if (flags & ~SPLICE_F_ALL)
		return -EINVAL;
	if (!len)
		return 0;
	in = fget(fd_in);
	if (!in)
		return -EBADF;
	out = fget(fd_out);
	if (!out) {
		fput(in);
		return -EBADF;
	}
	ret = do_splice(in, off_in, out, off_out, min_t(size_t, len, INT_MAX & PAGE_MASK), flags);
	fput(out);
	fput(in);
	return ret;
}

SYSCALL_DEFINE4(tee, int, fdin, int, fdout, size_t, len, unsigned int, flags)
{
	struct pipe_inode_info *ip, *op;
	struct file *in, *out;
	long ret = -EBADF;

	if (flags & ~SPLICE_F_ALL)
		return -EINVAL;
	if (!len)
		return 0;
	in = fget(fdin);
	if (!in)
		return -EBADF;
	out = fget(fdout);
	if (!out)
		goto put_in;
	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE))
		goto put_out;
	ip = get_pipe_info(in);
	op = get_pipe_info(out);
	ret = -EINVAL;
	if (!ip || !op || ip == op)
		goto put_out;
	if ((in->f_flags | out->f_flags) & O_NONBLOCK)
		flags |= SPLICE_F_NONBLOCK;
	ret = splice_pipe_to_pipe(ip, op, len, flags, false);
put_out:
	fput(out);
put_in:
	fput(in);
	return ret;
}

/*
 * User memory into free slots of @pipe: waits (unless nonblocking) only
 * while the pipe is full and nothing was added yet, then fills what room
 * there is and returns, as Linux's vmsplice does: a writer that polls for
 * POLLOUT and vmsplices a large buffer is not held until it all fits.
 */
static ssize_t vmsplice_to_pipe(struct pipe_inode_info *pipe, const struct iovec *iov,
				unsigned long nr_segs, unsigned int flags)
{
	ssize_t done = 0, ret = 0;
	unsigned long i;
	size_t off = 0;

	mutex_lock(&pipe->mutex);
	for (i = 0; i < nr_segs; ) {
		struct page *page;
		size_t n = min_t(size_t, PAGE_SIZE, iov[i].iov_len - off);

		if (!n) {
			i++;
			off = 0;
			continue;
		}
		page = pipe_new_page(pipe, done, flags, &ret);
		if (!page)
			break;
		if (copy_from_user(page_address(page), (char __user *)iov[i].iov_base + off, n)) {
			__free_page(page);
			ret = -EFAULT;
			break;
		}
		pipe_push_page(pipe, page, n);
		done += n;
		off += n;
	}
	mutex_unlock(&pipe->mutex);
	if (done) {
		wake_up_interruptible_all(&pipe->rd_wait);
		return done;
	}
	return ret;
}

/*
 * vmsplice: user memory into a pipe (its write end), or out of it (its
 * read end: a readv that waits like one), stopping at a short segment.
 */
SYSCALL_DEFINE4(vmsplice, int, fd, const struct iovec __user *, uiov, unsigned long, nr_segs,
		unsigned int, flags)
{
	struct iovec *iov;
	struct file *f;
	ssize_t done = 0, ret;
	unsigned long i;
	int kflags;

	if (flags & ~SPLICE_F_ALL)
		return -EINVAL;
	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	ret = -EBADF;
	if (!get_pipe_info(f))
		goto put;
	ret = 0;
	if (!nr_segs)
		goto put;
	ret = -ENOMEM;
	iov = kmalloc_array(nr_segs, sizeof(*iov), GFP_KERNEL);
	if (!iov)
		goto put;
	ret = -EFAULT;
	if (copy_from_user(iov, uiov, nr_segs * sizeof(*iov)))
		goto free;
	if ((flags & SPLICE_F_NONBLOCK) || (f->f_flags & O_NONBLOCK))
		flags |= SPLICE_F_NONBLOCK;
	kflags = (flags & SPLICE_F_NONBLOCK) ? IOCB_NOWAIT : 0;
	for (i = 0; i < nr_segs; i++) {
		if ((ssize_t)iov[i].iov_len < 0) {
			ret = -EINVAL;
			break;
		}
		if (iov[i].iov_len && !access_ok(iov[i].iov_base, iov[i].iov_len)) {
			ret = -EFAULT;
			break;
		}
	}
	if (i < nr_segs)
		goto free;	/* a bad segment */
	if (f->f_mode & FMODE_WRITE) {
		ret = vmsplice_to_pipe(get_pipe_info(f), iov, nr_segs, flags);
		goto free;
	}
	for (i = 0; i < nr_segs; i++) {
		struct kiocb kiocb = { .ki_filp = f, .ki_flags = kflags };
		struct iov_iter iter;

		if (!iov[i].iov_len)
			continue;
		iov_iter_ubuf(&iter, iov[i].iov_base, iov[i].iov_len);
		ret = f->f_op->read_iter(&kiocb, &iter);
		if (ret <= 0)
			break;
		done += ret;
		if ((size_t)ret < iov[i].iov_len)
			break;
	}
	if (done)
		ret = done;
free:
	kfree(iov);
put:
	fput(f);
	return ret;
}
