// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes and FIFOs.  A pipe (<linux/pipe_fs_i.h>) is a ring of page
 * buffers: a write fills pages at the head, a read empties them at the
 * tail, and each side sleeps on its own wait queue when the ring is full
 * or empty.  pipe(2) puts the ring behind an anonymous inode of the
 * internal "pipefs" mount; a FIFO made by mknod on tmpfs keeps its ring
 * in inode->i_pipe from the first open to the last close, so its data
 * does not outlive the opens.
 *
 * The Linux rules kept here: capacity counts whole pages (a partly read
 * page still takes its slot); a write of at most PIPE_BUF bytes lands in
 * one slot and so is never interleaved; a bigger one may be partial; no
 * readers means SIGPIPE and EPIPE, no writers means EOF; FIFO opens wait
 * for the other side unless O_NONBLOCK (ENXIO for a writer) or O_RDWR.
 * A writer with O_DIRECT (pipe2's packet mode) makes each write of up to
 * a page its own packet, and a read returns at most one packet.
 * Readiness for poll/select is pipe_poll (see fs/select.c).
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/user.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

#define FIONREAD	0x541B
#define PIPEFS_MAGIC	0x50495045


/* Guards pipe->files and inode->i_pipe: together they decide who frees. */
static DEFINE_SPINLOCK(pipe_files_lock);
static struct vfsmount *pipe_mnt;

/* ---------- the ring (its helpers: <linux/pipe_fs_i.h>, shared with fs/splice.c) ---------- */

/*
 * Every ring's slots are charged to the user who made the pipe, as on
 * Linux: past pipe-user-pages-soft an unprivileged user's new pipes get
 * two slots instead of sixteen, and past a nonzero pipe-user-pages-hard
 * none at all (pipe() fails) and F_SETPIPE_SZ may not grow one.
 */
unsigned int pipe_max_size = 1048576;
int pipe_user_pages_hard;
int pipe_user_pages_soft = PIPE_DEF_BUFFERS * INR_OPEN_CUR;

static unsigned long account_pipe_buffers(struct user_struct *user, unsigned long old,
					  unsigned long new)
{
	return atomic_long_add_return(new - old, &user->pipe_bufs);
}

static bool too_many_pipe_buffers_soft(unsigned long user_bufs)
{
	unsigned long soft = READ_ONCE(pipe_user_pages_soft);

	return soft && user_bufs > soft;
}

static bool too_many_pipe_buffers_hard(unsigned long user_bufs)
{
	unsigned long hard = READ_ONCE(pipe_user_pages_hard);

	return hard && user_bufs > hard;
}

static bool pipe_is_unprivileged_user(void)
{
	return !capable(CAP_SYS_RESOURCE) && !capable(CAP_SYS_ADMIN);
}

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);
	unsigned long slots = PIPE_DEF_BUFFERS, user_bufs;
	unsigned int max_size = READ_ONCE(pipe_max_size);
	struct user_struct *user;

	if (!pipe)
		return NULL;
	/* pipe-max-size below the default shrinks new pipes too. */
	if (slots * PAGE_SIZE > max_size && !capable(CAP_SYS_RESOURCE))
		slots = max(max_size >> PAGE_SHIFT, 1U);
	user = get_uid(current_cred()->user);
	user_bufs = account_pipe_buffers(user, 0, slots);
	if (too_many_pipe_buffers_soft(user_bufs) && pipe_is_unprivileged_user()) {
		user_bufs = account_pipe_buffers(user, slots, PIPE_MIN_DEF_BUFFERS);
		slots = PIPE_MIN_DEF_BUFFERS;
	}
	if (too_many_pipe_buffers_hard(user_bufs) && pipe_is_unprivileged_user())
		goto out_revert;
	pipe->bufs = kcalloc(slots, sizeof(*pipe->bufs), GFP_KERNEL);
	if (!pipe->bufs)
		goto out_revert;
	pipe->ring_size = slots;
	pipe->user = user;
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
out_revert:
	account_pipe_buffers(user, slots, 0);
	free_uid(user);
	kfree(pipe);
	return NULL;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	unsigned int i;

	for (i = pipe->tail; i != pipe->head; i++)
		__free_page(pipe_buf(pipe, i)->page);
	account_pipe_buffers(pipe->user, pipe->ring_size, 0);
	free_uid(pipe->user);
	kfree(pipe->bufs);
	kfree(pipe);
}

/* A file lets go of its pipe; the last one frees it and unhooks the inode. */
static void put_pipe_info(struct inode *inode, struct pipe_inode_info *pipe)
{
	bool kill;

	spin_lock(&pipe_files_lock);
	kill = !--pipe->files;
	if (kill)
		inode->i_pipe = NULL;
	spin_unlock(&pipe_files_lock);
	if (kill)
		free_pipe_info(pipe);
}

/* ---------- read and write ---------- */

/*
 * Take what the ring holds, slot by slot.  A fault on the reader's
 * buffer consumes nothing, so the data stays for a good buffer.
 * Called with pipe->mutex; sets *freed when a slot came free.
 */
static ssize_t pipe_read_slots(struct pipe_inode_info *pipe, struct iov_iter *to, bool *freed)
{
	ssize_t ret = 0;

	while (!pipe_empty(pipe) && iov_iter_count(to)) {
		struct pipe_buffer *buf = pipe_buf(pipe, pipe->tail);
		size_t chars = min_t(size_t, buf->len, iov_iter_count(to));
		char *from = (char *)page_address(buf->page) + buf->offset;

		if (copy_to_iter(from, chars, to) < chars)
			return ret ? ret : -EFAULT;
		ret += chars;
		buf->offset += chars;
		buf->len -= chars;
		if (buf->flags & PIPE_BUF_FLAG_PACKET)
			buf->len = 0;	/* one packet a read; the rest is dropped */
		if (!buf->len) {
			__free_page(buf->page);
			buf->page = NULL;
			pipe->tail++;
			*freed = true;
		}
		if (buf->flags & PIPE_BUF_FLAG_PACKET)
			break;
	}
	return ret;
}

static ssize_t pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct pipe_inode_info *pipe = iocb->ki_filp->private_data;
	bool freed = false;
	ssize_t ret;

	if (!iov_iter_count(to))
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		ret = pipe_read_slots(pipe, to, &freed);
		if (ret || !pipe->writers)
			break;		/* data, a fault, or EOF */
		if (iocb->ki_flags & IOCB_NOWAIT) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		if (wait_event_interruptible(pipe->rd_wait, pipe_readable(pipe)))
			return -ERESTARTSYS;	/* restarted under SA_RESTART, else EINTR */
		mutex_lock(&pipe->mutex);
	}
	mutex_unlock(&pipe->mutex);
	if (freed) {
		wake_up_interruptible_poll(&pipe->wr_wait, POLLOUT | POLLWRNORM);
		kill_fasync(&pipe->fasync_writers, SIGIO, POLL_OUT);
	}
	return ret;
}

/*
 * The tail of a write that is not a whole number of pages goes into the
 * last slot if all of it fits there, as on Linux: so small writes share
 * a page, and a write of at most PIPE_BUF bytes is never split.
 */
static ssize_t pipe_write_merge(struct pipe_inode_info *pipe, struct iov_iter *from)
{
	size_t chars = iov_iter_count(from) & (PAGE_SIZE - 1);
	struct pipe_buffer *buf;
	char *to;

	if (!chars || pipe_empty(pipe))
		return 0;
	buf = pipe_buf(pipe, pipe->head - 1);
	if (!(buf->flags & PIPE_BUF_FLAG_CAN_MERGE) || buf->offset + buf->len + chars > PAGE_SIZE)
		return 0;
	to = (char *)page_address(buf->page) + buf->offset + buf->len;
	if (copy_from_iter(to, chars, from) < chars)
		return -EFAULT;		/* nothing kept: the slot's length is unchanged */
	buf->len += chars;
	return chars;
}

/*
 * Fill one new slot with up to a page; the caller checked it is free.
 * In a packet-mode pipe each slot is a packet, never merged into.
 */
static ssize_t pipe_write_slot(struct pipe_inode_info *pipe, struct iov_iter *from,
			       bool packet)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct pipe_buffer *buf;
	size_t copied;

	if (!page)
		return -ENOMEM;
	copied = copy_from_iter(page_address(page), PAGE_SIZE, from);
	if (!copied) {
		__free_page(page);
		return -EFAULT;
	}
	buf = pipe_buf(pipe, pipe->head);
	buf->page = page;
	buf->offset = 0;
	buf->len = copied;
	buf->flags = packet ? PIPE_BUF_FLAG_PACKET : PIPE_BUF_FLAG_CAN_MERGE;
	pipe->head++;
	return copied;
}

/* No readers: SIGPIPE to the writer (even if it blocks it), and EPIPE. */
static ssize_t pipe_no_readers(ssize_t ret)
{
	send_sig(SIGPIPE, current, 0);
	return ret ? ret : -EPIPE;
}

static ssize_t pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct pipe_inode_info *pipe = iocb->ki_filp->private_data;
	bool packet = iocb->ki_filp->f_flags & O_DIRECT;
	ssize_t ret = 0, n;

	if (!iov_iter_count(from))
		return 0;	/* even without readers: Linux checks nothing */
	mutex_lock(&pipe->mutex);
	if (!pipe->readers) {
		ret = pipe_no_readers(0);
		goto out;
	}
	ret = packet ? 0 : pipe_write_merge(pipe, from);
	if (ret < 0)
		goto out;
	while (iov_iter_count(from)) {
		if (!pipe->readers) {
			ret = pipe_no_readers(ret);
			break;
		}
		if (!pipe_full(pipe)) {
			n = pipe_write_slot(pipe, from, packet);
			if (n < 0) {
				ret = ret ? ret : n;
				break;
			}
			ret += n;
			if ((size_t)n < PAGE_SIZE && iov_iter_count(from)) {
				break;	/* a fault part-way: keep what was copied */
			}
			continue;
		}
		if (iocb->ki_flags & IOCB_NOWAIT) {
			ret = ret ? ret : -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			ret = ret ? ret : -ERESTARTSYS;
			break;
		}
		/* Full: let the readers at what is there, then wait for room. */
		mutex_unlock(&pipe->mutex);
		wake_up_interruptible_poll(&pipe->rd_wait, POLLIN | POLLRDNORM);
		wait_event_interruptible(pipe->wr_wait, pipe_writable(pipe));
		mutex_lock(&pipe->mutex);
	}
out:
	mutex_unlock(&pipe->mutex);
	if (ret > 0) {
		wake_up_interruptible_poll(&pipe->rd_wait, POLLIN | POLLRDNORM);
		kill_fasync(&pipe->fasync_readers, SIGIO, POLL_IN);
	}
	return ret;
}

/* ---------- poll, ioctl, release ---------- */

static __poll_t pipe_poll(struct file *filp, poll_table *wait)
{
	struct pipe_inode_info *pipe = filp->private_data;
	__poll_t mask = 0;

	/* Each end waits only where its answer changes (AIO polls take one queue). */
	if (filp->f_mode & FMODE_READ)
		poll_wait(filp, &pipe->rd_wait, wait);
	if (filp->f_mode & FMODE_WRITE)
		poll_wait(filp, &pipe->wr_wait, wait);
	if (filp->f_mode & FMODE_READ) {
		if (!pipe_empty(pipe))
			mask |= POLLIN | POLLRDNORM;
		if (!READ_ONCE(pipe->writers))
			mask |= POLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		if (!pipe_full(pipe))
			mask |= POLLOUT | POLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= POLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = filp->private_data;
	unsigned int i;
	int count = 0;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_lock(&pipe->mutex);
	for (i = pipe->tail; i != pipe->head; i++)
		count += pipe_buf(pipe, i)->len;
	mutex_unlock(&pipe->mutex);
	return put_user(count, (int __user *)arg);
}

static int pipe_release(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe = filp->private_data;

	mutex_lock(&pipe->mutex);
	if (filp->f_mode & FMODE_READ)
		pipe->readers--;
	if (filp->f_mode & FMODE_WRITE)
		pipe->writers--;
	mutex_unlock(&pipe->mutex);
	/* Sleepers re-check: EOF for readers, EPIPE for writers, POLLHUP/POLLERR. */
	wake_up_interruptible_all(&pipe->rd_wait);
	wake_up_interruptible_all(&pipe->wr_wait);
	kill_fasync(&pipe->fasync_readers, SIGIO, POLL_IN);
	kill_fasync(&pipe->fasync_writers, SIGIO, POLL_OUT);
	put_pipe_info(inode, pipe);
	return 0;
}

/* O_ASYNC on a pipe end: the read end hears of data, the write end of room. */
static int pipe_fasync(int fd, struct file *filp, int on)
{
	struct pipe_inode_info *pipe = filp->private_data;
	int ret = 0;

	mutex_lock(&pipe->mutex);
	if (filp->f_mode & FMODE_READ)
		ret = fasync_helper(fd, filp, on, &pipe->fasync_readers);
	if (ret >= 0 && (filp->f_mode & FMODE_WRITE)) {
		ret = fasync_helper(fd, filp, on, &pipe->fasync_writers);
		if (ret < 0 && (filp->f_mode & FMODE_READ))
			fasync_helper(-1, filp, 0, &pipe->fasync_readers);
	}
	mutex_unlock(&pipe->mutex);
	return ret < 0 ? ret : 0;
}

/* ---------- FIFOs ---------- */

/* The inode's pipe, made by the first opener; counts the caller in ->files. */
static struct pipe_inode_info *fifo_get_pipe(struct inode *inode)
{
	struct pipe_inode_info *pipe, *fresh = NULL;

	for (;;) {
		spin_lock(&pipe_files_lock);
		pipe = inode->i_pipe;
		if (!pipe && fresh) {
			inode->i_pipe = pipe = fresh;
			fresh = NULL;
		}
		if (pipe)
			pipe->files++;
		spin_unlock(&pipe_files_lock);
		if (pipe)
			break;
		fresh = alloc_pipe_info();	/* may sleep: outside the lock */
		if (!fresh)
			return NULL;
	}
	if (fresh)
		free_pipe_info(fresh);	/* another opener was quicker */
	return pipe;
}

/* Sleep, without the pipe mutex, until *counter moves (a partner opened). */
static int wait_for_partner(struct pipe_inode_info *pipe, unsigned int *counter)
{
	unsigned int seen = *counter;
	int err;

	mutex_unlock(&pipe->mutex);
	err = wait_event_interruptible(pipe->rd_wait, READ_ONCE(*counter) != seen);
	mutex_lock(&pipe->mutex);
	return err ? -ERESTARTSYS : 0;
}

static int fifo_open_mode(struct pipe_inode_info *pipe, struct file *filp)
{
	bool nonblock = filp->f_flags & O_NONBLOCK;

	switch (filp->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		pipe->r_counter++;
		pipe->readers++;
		wake_up_interruptible_all(&pipe->rd_wait);
		if (!pipe->writers && !nonblock && wait_for_partner(pipe, &pipe->w_counter)) {
			pipe->readers--;
			return -ERESTARTSYS;
		}
		return 0;
	case FMODE_WRITE:
		if (nonblock && !pipe->readers)
			return -ENXIO;
		pipe->w_counter++;
		pipe->writers++;
		wake_up_interruptible_all(&pipe->rd_wait);
		if (!pipe->readers && wait_for_partner(pipe, &pipe->r_counter)) {
			pipe->writers--;
			/* A reader may be waiting for data that will never come. */
			wake_up_interruptible_all(&pipe->rd_wait);
			return -ERESTARTSYS;
		}
		return 0;
	default:	/* O_RDWR: both ends at once, never waits (a Linux extension) */
		pipe->r_counter++;
		pipe->w_counter++;
		pipe->readers++;
		pipe->writers++;
		wake_up_interruptible_all(&pipe->rd_wait);
		return 0;
	}
}

static int fifo_open(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe = fifo_get_pipe(inode);
	int err;

	if (!pipe)
		return -ENOMEM;
	filp->private_data = pipe;
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	mutex_lock(&pipe->mutex);
	err = fifo_open_mode(pipe, filp);
	mutex_unlock(&pipe->mutex);
	if (err)
		put_pipe_info(inode, pipe);	/* a failed open gets no ->release */
	return err;
}

const struct file_operations pipefifo_fops = {
	.open		= fifo_open,
	.llseek		= no_llseek,
	.read_iter	= pipe_read,
	.write_iter	= pipe_write,
	.poll		= pipe_poll,
	.unlocked_ioctl	= pipe_ioctl,
	.release	= pipe_release,
	.fasync		= pipe_fasync,
};

/* ---------- pipe sizes (fcntl) ---------- */

/* Move the data into a ring of @nr_slots; -EBUSY if it would not fit. */
static long pipe_resize_ring(struct pipe_inode_info *pipe, unsigned int nr_slots)
{
	unsigned int n = pipe->head - pipe->tail, i;
	struct pipe_buffer *bufs;

	if (n > nr_slots)
		return -EBUSY;
	bufs = kcalloc(nr_slots, sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		bufs[i] = *pipe_buf(pipe, pipe->tail + i);
	kfree(pipe->bufs);
	pipe->bufs = bufs;
	pipe->ring_size = nr_slots;
	pipe->tail = 0;
	pipe->head = n;
	return 0;
}

/*
 * A pipe's size in bytes: a power of two of pages, at least one; 0 for a
 * request beyond 2 GiB (F_SETPIPE_SZ and pipe-max-size say EINVAL).
 */
unsigned long round_pipe_size(unsigned long size)
{
	if (size > (1U << 31))
		return 0;
	return size < PAGE_SIZE ? PAGE_SIZE : roundup_pow_of_two(size);
}

/*
 * F_SETPIPE_SZ: a power of two of pages, at least one.  Growing beyond
 * pipe_max_size needs CAP_SYS_RESOURCE.  Returns the size in bytes.
 */
static long pipe_set_size(struct pipe_inode_info *pipe, unsigned int arg)
{
	unsigned long size;
	unsigned int nr_slots;
	long err;

	size = round_pipe_size(arg);
	if (!size)
		return -EINVAL;
	nr_slots = size >> PAGE_SHIFT;
	if (nr_slots > pipe->ring_size && size > pipe_max_size &&
	    !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	if (nr_slots != pipe->ring_size) {
		unsigned long user_bufs = account_pipe_buffers(pipe->user, pipe->ring_size,
							       nr_slots);

		err = -EPERM;
		if (nr_slots > pipe->ring_size &&
		    (too_many_pipe_buffers_hard(user_bufs) ||
		     too_many_pipe_buffers_soft(user_bufs)) &&
		    pipe_is_unprivileged_user())
			goto out_revert;
		err = pipe_resize_ring(pipe, nr_slots);
		if (err)
			goto out_revert;
	}
	/* Writers waiting for room may now have it. */
	wake_up_interruptible_all(&pipe->wr_wait);
	return size;
out_revert:
	account_pipe_buffers(pipe->user, nr_slots, pipe->ring_size);
	return err;
}

long pipe_fcntl(struct file *file, unsigned int cmd, unsigned int arg)
{
	struct pipe_inode_info *pipe;
	long ret;

	if (file->f_op != &pipefifo_fops)
		return -EBADF;
	pipe = file->private_data;
	mutex_lock(&pipe->mutex);
	if (cmd == F_GETPIPE_SZ)
		ret = (long)pipe->ring_size * PAGE_SIZE;
	else
		ret = pipe_set_size(pipe, arg);
	mutex_unlock(&pipe->mutex);
	return ret;
}

/* ---------- pipe(2): anonymous pipes on pipefs ---------- */

static const struct inode_operations pipefs_inode_operations = { };

/* A pipe whose files never got made still hangs on its inode: free it here. */
static void pipefs_evict_inode(struct inode *inode)
{
	if (inode->i_pipe)
		free_pipe_info(inode->i_pipe);
	inode->i_pipe = NULL;
}

static const struct super_operations pipefs_ops = {
	.evict_inode	= pipefs_evict_inode,
};

static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode(pipe_mnt->mnt_sb);
	struct pipe_inode_info *pipe;

	if (!inode)
		return NULL;
	pipe = alloc_pipe_info();
	if (!pipe) {
		iput(inode);
		return NULL;
	}
	pipe->readers = pipe->writers = 1;
	pipe->files = 2;
	inode->i_pipe = pipe;
	inode->i_mode = S_IFIFO | 0600;
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	inode->i_op = &pipefs_inode_operations;
	inode->i_fop = &pipefifo_fops;
	return inode;
}

static struct file *alloc_pipe_file(const struct path *path, int flags, fmode_t mode)
{
	struct file *f = alloc_empty_file(flags, mode);

	if (IS_ERR(f))
		return f;
	f->f_path = *path;
	path_get(path);
	f->f_inode = d_inode(path->dentry);
	f->f_mapping = f->f_inode->i_mapping;
	f->f_op = &pipefifo_fops;
	f->private_data = f->f_inode->i_pipe;
	return f;
}

/* Both ends, [0] to read and [1] to write, on one new pipefs inode. */
static int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode = get_pipe_inode();
	struct path path;
	char name[32];
	struct qstr q;
	int err = -ENOMEM;

	if (!inode)
		return -ENFILE;
	snprintf(name, sizeof(name), "pipe:[%lu]", inode->i_ino);
	q = (struct qstr)QSTR_INIT(name, strlen(name));
	path.dentry = d_alloc(pipe_mnt->mnt_root, &q);
	if (!path.dentry) {
		iput(inode);
		return -ENOMEM;
	}
	d_drop(path.dentry);	/* never found by name: freed on the last dput */
	d_instantiate(path.dentry, inode);
	path.mnt = mntget(pipe_mnt);
	/* Only the writer is O_DIRECT: packets are marked as they are written. */
	res[1] = alloc_pipe_file(&path, O_WRONLY | (flags & (O_NONBLOCK | O_DIRECT)), FMODE_WRITE);
	if (IS_ERR(res[1])) {
		err = PTR_ERR(res[1]);
		goto out_path;
	}
	res[0] = alloc_pipe_file(&path, O_RDONLY | (flags & O_NONBLOCK), FMODE_READ);
	if (IS_ERR(res[0])) {
		err = PTR_ERR(res[0]);
		goto out_put_writer;
	}
	path_put(&path);
	return 0;
out_put_writer:
	fput(res[1]);
out_path:
	path_put(&path);	/* the inode and, through evict, the pipe */
	return err;
}

static int do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2] = { NULL, NULL };
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	if (fd[0] < 0) {
		err = fd[0];
		goto out_fput;
	}
	fd[1] = get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		err = fd[1];
		goto out_put_fd0;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		err = -EFAULT;
		goto out_put_fd1;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
out_put_fd1:
	put_unused_fd(fd[1]);
out_put_fd0:
	put_unused_fd(fd[0]);
out_fput:
	fput(files[0]);
	fput(files[1]);
	return err;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}

static struct dentry *pipefs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	return mount_pseudo(fs_type, flags, PIPEFS_MAGIC, &pipefs_ops, &pipefs_inode_operations);
}

static struct file_system_type pipe_fs_type = {
	.name		= "pipefs",
	.mount		= pipefs_mount,
	.kill_sb	= kill_litter_super,
};

static int __init init_pipe_fs(void)
{
	int err = register_filesystem(&pipe_fs_type);

	if (err)
		return err;
	pipe_mnt = kern_mount("pipefs");
	if (IS_ERR(pipe_mnt))
		panic("cannot mount pipefs: %ld", PTR_ERR(pipe_mnt));
	return 0;
}
fs_initcall(init_pipe_fs);

struct pipe_inode_info *get_pipe_info(struct file *file)
{
	return file->f_op == &pipefifo_fops ? file->private_data : NULL;
}
