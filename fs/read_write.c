// SPDX-License-Identifier: GPL-2.0
/*
 * read, write and their positional and vector forms, lseek, sendfile.
 *
 * Every path ends in the file's operations: ->read_iter/->write_iter
 * with a struct iov_iter that says where the bytes are (user memory for
 * the system calls, kernel memory for kernel_read() in exec), or a
 * driver's plain ->read/->write on user buffers.  The file position is
 * advanced under f_pos_lock, so two threads sharing a file do not read
 * the same bytes; pread/pwrite leave it alone.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fsnotify.h>
#include <linux/net.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

#define MAX_RW_COUNT	(INT_MAX & PAGE_MASK)

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);
	loff_t size = inode->i_size;

	switch (whence) {
	case SEEK_SET:
		break;
	case SEEK_CUR:
		offset += file->f_pos;
		break;
	case SEEK_END:
		offset += size;
		break;
	case SEEK_DATA:
		/* Holes read as zeros: everything before EOF counts as data. */
		if (offset < 0 || offset >= size)
			return -ENXIO;
		break;
	case SEEK_HOLE:
		if (offset < 0 || offset >= size)
			return -ENXIO;
		offset = size;
		break;
	default:
		return -EINVAL;
	}
	if (offset < 0 || offset > inode->i_sb->s_maxbytes)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}
EXPORT_SYMBOL(generic_file_llseek);

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}
EXPORT_SYMBOL(noop_llseek);

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}
EXPORT_SYMBOL(no_llseek);

/* For files with no size to speak of: SEEK_END is relative to i_size all the same. */
loff_t default_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);

	switch (whence) {
	case SEEK_END:
		offset += i_size_read(inode);
		break;
	case SEEK_CUR:
		if (offset == 0)
			return file->f_pos;
		offset += file->f_pos;
		break;
	case SEEK_SET:
		break;
	default:
		return -EINVAL;
	}
	if (offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}
EXPORT_SYMBOL(default_llseek);

/* A file that is a stream: lseek, pread and pwrite fail with ESPIPE. */
int nonseekable_open(struct inode *inode, struct file *filp)
{
	filp->f_mode &= ~FMODE_LSEEK;
	return 0;
}
EXPORT_SYMBOL(nonseekable_open);

int stream_open(struct inode *inode, struct file *filp)
{
	return nonseekable_open(inode, filp);
}
EXPORT_SYMBOL(stream_open);

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t ret;

	if (!(file->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	mutex_lock(&file->f_pos_lock);
	if (file->f_op && file->f_op->llseek)
		ret = file->f_op->llseek(file, offset, whence);
	else if (S_ISCHR(file_inode(file)->i_mode))
		ret = file->f_pos = 0;	/* devices without llseek ignore it, as Linux's */
	else
		ret = generic_file_llseek(file, offset, whence);
	mutex_unlock(&file->f_pos_lock);
	return ret;
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, long, offset, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t ret;

	if (!f)
		return -EBADF;
	ret = whence <= SEEK_HOLE ? vfs_llseek(f, offset, whence) : -EINVAL;
	fput(f);
	return ret;
}

static ssize_t do_iter_read(struct file *file, struct iov_iter *iter, loff_t *pos,
			    int kflags)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *pos, .ki_flags = kflags };
	ssize_t ret;

	if (file->f_flags & O_NONBLOCK)
		kiocb.ki_flags |= IOCB_NOWAIT;
	ret = file->f_op->read_iter(&kiocb, iter);
	if (ret > 0)
		*pos = kiocb.ki_pos;
	return ret;
}

static ssize_t do_iter_write(struct file *file, struct iov_iter *iter, loff_t *pos,
			     int kflags)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *pos, .ki_flags = kflags };
	ssize_t ret;

	if (file->f_flags & O_APPEND)
		kiocb.ki_flags |= IOCB_APPEND;
	if (file->f_flags & O_NONBLOCK)
		kiocb.ki_flags |= IOCB_NOWAIT;
	ret = file->f_op->write_iter(&kiocb, iter);
	if (ret > 0)
		*pos = kiocb.ki_pos;
	return ret;
}

static int rw_check(struct file *file, fmode_t need)
{
	if (!(file->f_mode & need))
		return -EBADF;
	if (S_ISDIR(file_inode(file)->i_mode))
		return -EISDIR;
	if (!file->f_op)
		return -EINVAL;
	return 0;
}

/*
 * The range check for a whole read or write, as on Linux: the end may
 * not wrap or reach the kernel's half.  A huge count on a small buffer
 * passes and transfers what the file has; each copy then checks its
 * own piece strictly (access_ok), so a bad piece is still EFAULT.
 */
static bool rw_access_ok(const void __user *buf, size_t count)
{
	unsigned long start = (unsigned long)buf, end = start + count;

	return end >= start && (long)end >= 0;
}

/* The bytes asked for must have offsets: pos + count may not overflow (Linux: EINVAL). */
static int rw_verify_area(loff_t pos, size_t count)
{
	if (pos < 0 || (loff_t)count < 0 || pos > MAX_LFS_FILESIZE - (loff_t)count)
		return -EINVAL;
	return 0;
}

/* @kflags: IOCB_* a caller adds to the file's own (preadv2's RWF_ flags). */
static ssize_t vfs_read_flags(struct file *file, char __user *buf, size_t count, loff_t *pos,
			      int kflags)
{
	struct iov_iter iter;
	ssize_t ret = rw_check(file, FMODE_READ);

	if (ret)
		return ret;
	if (!file->f_op->read && !file->f_op->read_iter)
		return -EINVAL;
	if (!rw_access_ok(buf, count))
		return -EFAULT;
	ret = rw_verify_area(*pos, count);
	if (ret)
		return ret;
	ret = fsnotify_access_perm(file);	/* a fanotify listener may refuse */
	if (ret)
		return ret;
	count = min_t(size_t, count, MAX_RW_COUNT);
	if (file->f_op->read) {
		ret = file->f_op->read(file, buf, count, pos);
	} else {
		iov_iter_ubuf(&iter, buf, count);
		ret = do_iter_read(file, &iter, pos, kflags);
	}
	if (ret > 0)
		fsnotify_access(file);
	return ret;
}

ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return vfs_read_flags(file, buf, count, pos, 0);
}

static ssize_t vfs_write_flags(struct file *file, const char __user *buf, size_t count,
			       loff_t *pos, int kflags)
{
	struct iov_iter iter;
	ssize_t ret = rw_check(file, FMODE_WRITE);

	if (ret)
		return ret;
	if (!file->f_op->write && !file->f_op->write_iter)
		return -EINVAL;
	if (!rw_access_ok(buf, count))
		return -EFAULT;
	ret = rw_verify_area(*pos, count);
	if (ret)
		return ret;
	count = min_t(size_t, count, MAX_RW_COUNT);
	if (file->f_op->write) {
		ret = file->f_op->write(file, buf, count, pos);
	} else {
		iov_iter_ubuf(&iter, (void __user *)buf, count);
		ret = do_iter_write(file, &iter, pos, kflags);
	}
	if (ret > 0)
		fsnotify_modify(file);
	return ret;
}

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	return vfs_write_flags(file, buf, count, pos, 0);
}

/* Read into kernel memory (exec reads executables this way). */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;
	ssize_t ret = rw_check(file, FMODE_READ);

	if (ret)
		return ret;
	if (!file->f_op->read_iter)
		return -EINVAL;
	iov_iter_kvec(&iter, buf, min_t(size_t, count, MAX_RW_COUNT));
	return do_iter_read(file, &iter, pos, 0);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;
	ssize_t ret = rw_check(file, FMODE_WRITE);

	if (ret)
		return ret;
	if (!file->f_op->write_iter)
		return -EINVAL;
	iov_iter_kvec(&iter, (void *)buf, min_t(size_t, count, MAX_RW_COUNT));
	return do_iter_write(file, &iter, pos, 0);
}

/*
 * Regular files and directories serialize their position; devices do
 * not, or a shell blocked reading the console would hold up every
 * writer sharing that struct file.
 */
static bool file_ppos_shared(struct file *file)
{
	umode_t mode = file_inode(file)->i_mode;

	return S_ISREG(mode) || S_ISDIR(mode);
}

static ssize_t ksys_rw(unsigned int fd, char __user *buf, size_t count, bool write)
{
	struct file *f = fget(fd);
	ssize_t ret;
	loff_t pos;

	if (!f)
		return -EBADF;
	if (file_ppos_shared(f))
		mutex_lock(&f->f_pos_lock);
	pos = f->f_pos;
	ret = write ? vfs_write(f, buf, count, &pos) : vfs_read(f, buf, count, &pos);
	if (ret >= 0)
		f->f_pos = pos;
	if (file_ppos_shared(f))
		mutex_unlock(&f->f_pos_lock);
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return ksys_rw(fd, buf, count, false);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	return ksys_rw(fd, (char __user *)buf, count, true);
}

static ssize_t ksys_prw(unsigned int fd, char __user *buf, size_t count, loff_t pos,
			bool write)
{
	struct file *f;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	ret = -ESPIPE;
	if (f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))
		ret = write ? vfs_write(f, buf, count, &pos) : vfs_read(f, buf, count, &pos);
	fput(f);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	return ksys_prw(fd, buf, count, pos, false);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count,
		loff_t, pos)
{
	return ksys_prw(fd, (char __user *)buf, count, pos, true);
}

/* preadv2/pwritev2 flags (uapi <linux/fs.h>). */
#define RWF_HIPRI	0x00000001	/* poll for completion: nothing to poll here */
#define RWF_DSYNC	0x00000002	/* this write as if O_DSYNC */
#define RWF_SYNC	0x00000004	/* this write as if O_SYNC */
#define RWF_NOWAIT	0x00000008	/* fail with EAGAIN rather than block */
#define RWF_APPEND	0x00000010	/* this write as if O_APPEND */
#define RWF_SUPPORTED	(RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND)

/* The IOCB_ flags of RWF_ ones; -EOPNOTSUPP for a flag this kernel does not know. */
static int rwf_to_kiocb_flags(int rwf, bool write, bool *sync)
{
	int kflags = 0;

	*sync = false;
	if (rwf & ~RWF_SUPPORTED)
		return -EOPNOTSUPP;
	if (rwf & RWF_NOWAIT)
		kflags |= IOCB_NOWAIT;
	if (write && (rwf & RWF_APPEND))
		kflags |= IOCB_APPEND;
	if (write && (rwf & (RWF_DSYNC | RWF_SYNC)))
		*sync = true;
	return kflags;
}

/* Each piece of a vector, as Linux: a negative length EINVAL, out of range EFAULT. */
int iovec_check(struct iovec *iov, unsigned long vlen)
{
	size_t sum = 0;
	unsigned long i;

	for (i = 0; i < vlen; i++) {
		if ((ssize_t)iov[i].iov_len < 0)
			return -EINVAL;
		if (!rw_access_ok(iov[i].iov_base, iov[i].iov_len))
			return -EFAULT;
		/* The total is capped, not refused. */
		iov[i].iov_len = min_t(size_t, iov[i].iov_len, MAX_RW_COUNT - sum);
		sum += iov[i].iov_len;
	}
	return 0;
}

/* A user's iovec array, copied and checked; the caller kfrees *@out. */
int import_iovec_array(const struct iovec __user *uvec, unsigned long vlen, struct iovec **out)
{
	struct iovec *iov;
	int err;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	iov = kmalloc_array(vlen ? vlen : 1, sizeof(*iov), GFP_KERNEL);
	if (!iov)
		return -ENOMEM;
	err = -EFAULT;
	if (!copy_from_user(iov, uvec, vlen * sizeof(*iov)))
		err = iovec_check(iov, vlen);
	if (err) {
		kfree(iov);
		return err;
	}
	*out = iov;
	return 0;
}

/*
 * The pieces in order at *@pos, a short transfer ending the loop as on
 * Linux, then the fsync RWF_SYNC/RWF_DSYNC ask for.
 */
static ssize_t rw_iovec_at(struct file *f, const struct iovec *iov, unsigned long vlen,
			   loff_t *pos, bool write, int kflags, bool sync, int rwf)
{
	ssize_t total = 0, ret = 0;
	unsigned long i;

	for (i = 0; i < vlen; i++) {
		if (!iov[i].iov_len)
			continue;
		ret = write ? vfs_write_flags(f, iov[i].iov_base, iov[i].iov_len, pos, kflags)
			    : vfs_read_flags(f, iov[i].iov_base, iov[i].iov_len, pos, kflags);
		if (ret < 0)
			break;
		total += ret;
		if ((size_t)ret < iov[i].iov_len)
			break;
	}
	if (total)
		ret = total;
	if (ret > 0 && sync && f->f_op->fsync) {
		int err = f->f_op->fsync(f, 0, MAX_LFS_FILESIZE, rwf & RWF_DSYNC && !(rwf & RWF_SYNC));

		if (err)
			ret = err;
	}
	return ret;
}

/*
 * Only a file that promises never to block with IOCB_NOWAIT takes
 * RWF_NOWAIT; as in Linux 6.1, neither tmpfs nor pipes do yet.
 */
static int rw_nowait_ok(struct file *f, int kflags)
{
	return (kflags & IOCB_NOWAIT) && !(f->f_mode & FMODE_NOWAIT) ? -EOPNOTSUPP : 0;
}

/* AIO's reads and writes: a checked kernel copy of the vector, at @pos. */
ssize_t vfs_iocb_rw(struct file *f, const struct iovec *iov, unsigned long vlen, loff_t pos,
		    bool write, int rwf)
{
	bool sync;
	int kflags = rwf_to_kiocb_flags(rwf, write, &sync);
	ssize_t ret;

	if (kflags < 0)
		return kflags;
	ret = rw_nowait_ok(f, kflags);
	if (!ret)
		ret = rw_check(f, write ? FMODE_WRITE : FMODE_READ);
	if (ret)
		return ret;
	return rw_iovec_at(f, iov, vlen, &pos, write, kflags, sync, rwf);
}

/*
 * io_uring's reads and writes (io_uring/rw.c): a checked kernel copy of a
 * user vector, or one kernel buffer (@kbuf: a registered buffer's pages),
 * at *@pos; @kflags may carry IOCB_NOWAIT for the non-blocking first try.
 */
ssize_t vfs_rw_iovec(struct file *f, const struct iovec *iov, unsigned long vlen, loff_t *pos,
		     bool write, int kflags)
{
	ssize_t ret = rw_check(f, write ? FMODE_WRITE : FMODE_READ);

	if (ret)
		return ret;
	return rw_iovec_at(f, iov, vlen, pos, write, kflags, false, 0);
}

ssize_t vfs_rw_kernel(struct file *f, void *kbuf, size_t count, loff_t *pos, bool write,
		      int kflags)
{
	struct iov_iter iter;
	ssize_t ret = rw_check(f, write ? FMODE_WRITE : FMODE_READ);

	if (ret)
		return ret;
	if (write ? !f->f_op->write_iter : !f->f_op->read_iter)
		return -EINVAL;
	ret = rw_verify_area(*pos, count);
	if (ret)
		return ret;
	iov_iter_kvec(&iter, kbuf, min_t(size_t, count, MAX_RW_COUNT));
	ret = write ? do_iter_write(f, &iter, pos, kflags) : do_iter_read(f, &iter, pos, kflags);
	if (ret > 0) {
		if (write)
			fsnotify_modify(f);
		else
			fsnotify_access(f);
	}
	return ret;
}

/*
 * readv/writev and the p- and -2 forms: the vector is checked whole
 * first (EINVAL for a negative total, EFAULT for a bad array), then each
 * piece goes through the ordinary path.  @rwf: preadv2/pwritev2's
 * per-call flags.
 */
static ssize_t do_rw_vec(unsigned long fd, const struct iovec __user *uvec,
			 unsigned long vlen, loff_t *ppos, bool write, int rwf)
{
	bool sync;
	int kflags;
	struct iovec *iov;
	struct file *f;
	ssize_t ret;
	loff_t pos;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	kflags = rwf_to_kiocb_flags(rwf, write, &sync);
	if (kflags < 0)
		return kflags;
	f = fget(fd);
	if (!f)
		return -EBADF;
	ret = -ESPIPE;
	if (ppos && !(f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD)))
		goto out_fput;
	ret = rw_nowait_ok(f, kflags);
	if (ret)
		goto out_fput;
	ret = import_iovec_array(uvec, vlen, &iov);
	if (ret)
		goto out_fput;
	ret = rw_check(f, write ? FMODE_WRITE : FMODE_READ);
	if (ret)
		goto out;
	if (!ppos && sock_from_file(f)) {
		/* A socket takes the vector whole: one datagram, one wait. */
		ret = sock_rw_iovec(f, iov, vlen, write);
		goto out;
	}
	if (ppos) {
		pos = *ppos;
	} else {
		if (file_ppos_shared(f))
			mutex_lock(&f->f_pos_lock);
		pos = f->f_pos;
	}
	ret = rw_iovec_at(f, iov, vlen, &pos, write, kflags, sync, rwf);
	if (!ppos) {
		if (ret >= 0)
			f->f_pos = pos;
		if (file_ppos_shared(f))
			mutex_unlock(&f->f_pos_lock);
	}
out:
	kfree(iov);
out_fput:
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_rw_vec(fd, vec, vlen, NULL, false, 0);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_rw_vec(fd, vec, vlen, NULL, true, 0);
}

SYSCALL_DEFINE4(preadv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, loff_t, pos)
{
	if (pos < 0)
		return -EINVAL;
	return do_rw_vec(fd, vec, vlen, &pos, false, 0);
}

SYSCALL_DEFINE4(pwritev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, loff_t, pos)
{
	if (pos < 0)
		return -EINVAL;
	return do_rw_vec(fd, vec, vlen, &pos, true, 0);
}

/*
 * preadv2/pwritev2: an offset of -1 means the file position (as readv
 * and writev), any other negative one is EINVAL.  The offset comes as
 * two longs (low, high) for the 32-bit ABIs; on x86-64 the low one is
 * the whole of it.
 */
SYSCALL_DEFINE6(preadv2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h, int, flags)
{
	loff_t pos = (loff_t)pos_l;

	(void)pos_h;
	if (pos == -1)
		return do_rw_vec(fd, vec, vlen, NULL, false, flags);
	if (pos < 0)
		return -EINVAL;
	return do_rw_vec(fd, vec, vlen, &pos, false, flags);
}

SYSCALL_DEFINE6(pwritev2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h, int, flags)
{
	loff_t pos = (loff_t)pos_l;

	(void)pos_h;
	if (pos == -1)
		return do_rw_vec(fd, vec, vlen, NULL, true, flags);
	if (pos < 0)
		return -EINVAL;
	return do_rw_vec(fd, vec, vlen, &pos, true, flags);
}

/*
 * Copy up to @len bytes from @in at *@pos_in to @out at *@pos_out
 * through one kernel page: what sendfile and copy_file_range both do when
 * there is no faster path.  Both positions end up past what was written
 * (bytes read but not written are given back to the input).  Stops early
 * at end of input, a short write, or a signal (@interruptible) / a fatal
 * one.  Returns the bytes written, else the error or 0 at end of input.
 */
static ssize_t copy_through_page(struct file *in, loff_t *pos_in, struct file *out,
				 loff_t *pos_out, size_t len, bool interruptible)
{
	ssize_t done = 0, ret = 0;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	while ((size_t)done < len) {
		ssize_t n = kernel_read(in, buf, min_t(size_t, PAGE_SIZE, len - done), pos_in);
		ssize_t w;

		if (n <= 0) {
			ret = n;
			break;
		}
		w = kernel_write(out, buf, n, pos_out);
		if (w < 0) {
			ret = w;
			*pos_in -= n;
			break;
		}
		done += w;
		if (w < n) {
			*pos_in -= n - w;
			break;
		}
		if (interruptible ? signal_pending(current) : fatal_signal_pending(current))
			break;
	}
	kfree(buf);
	return done ? done : ret;
}

/*
 * sendfile: copy from one file to another through a kernel page, from
 * *offset (left unchanged in the file) or the input file's position.
 */
SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
	struct file *in, *out;
	loff_t pos, opos;
	ssize_t ret;

	in = fget(in_fd);
	if (!in)
		return -EBADF;
	out = fget(out_fd);
	ret = -EBADF;
	if (!out)
		goto put_in;
	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE))
		goto put_out;
	ret = -EINVAL;
	if (!in->f_op || !in->f_op->read_iter || !out->f_op ||
	    (!out->f_op->write_iter) || (out->f_flags & O_APPEND))
		goto put_out;
	if (offset) {
		ret = -EFAULT;
		if (copy_from_user(&pos, offset, sizeof(pos)))
			goto put_out;
		ret = -EINVAL;
		if (pos < 0)
			goto put_out;
	} else {
		pos = in->f_pos;
	}
	opos = out->f_pos;
	ret = copy_through_page(in, &pos, out, &opos,
				min_t(size_t, count, MAX_RW_COUNT), true);
	if (ret == -ENOMEM)
		goto put_out;
	out->f_pos = opos;
	if (offset) {
		if (put_user(pos, offset))
			ret = -EFAULT;
	} else {
		in->f_pos = pos;
	}
put_out:
	fput(out);
put_in:
	fput(in);
	return ret;
}

/*
 * copy_file_range: copy bytes between two regular files in the kernel,
 * from and to the given offsets or the files' positions (which then
 * move).  Linux 6.1's rules: no flags yet, both files on one filesystem
 * instance unless the filesystem has its own copy (EXDEV), overlapping
 * ranges of one file EINVAL, a copy from at or past the end of the input
 * copies nothing.  The bytes go through a kernel page; a filesystem that
 * could share extents (reflink) would do it here instead.
 */
SYSCALL_DEFINE6(copy_file_range, int, fd_in, loff_t __user *, off_in, int, fd_out,
		loff_t __user *, off_out, size_t, len, unsigned int, flags)
{
	struct file *in, *out;
	struct inode *iin, *iout;
	loff_t pos_in, pos_out, end_in, end_out, size_in;
	ssize_t ret;

	if (flags)
		return -EINVAL;
	in = fget(fd_in);
	if (!in)
		return -EBADF;
	ret = -EBADF;
	out = fget(fd_out);
	if (!out)
		goto put_in;
	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE) ||
	    (out->f_flags & O_APPEND))
		goto put_out;
	iin = file_inode(in);
	iout = file_inode(out);
	ret = -EISDIR;
	if (S_ISDIR(iin->i_mode) || S_ISDIR(iout->i_mode))
		goto put_out;
	ret = -EINVAL;
	if (!S_ISREG(iin->i_mode) || !S_ISREG(iout->i_mode))
		goto put_out;
	ret = -EXDEV;
	if (iin->i_sb != iout->i_sb)
		goto put_out;
	ret = -EFAULT;
	if (off_in ? copy_from_user(&pos_in, off_in, sizeof(pos_in)) : (pos_in = in->f_pos, 0))
		goto put_out;
	if (off_out ? copy_from_user(&pos_out, off_out, sizeof(pos_out)) : (pos_out = out->f_pos, 0))
		goto put_out;
	/* Offsets wrap as unsigned numbers: a negative one is EOVERFLOW, as Linux. */
	ret = -EOVERFLOW;
	if ((u64)pos_in + len < (u64)pos_in || (u64)pos_out + len < (u64)pos_out)
		goto put_out;
	ret = -EINVAL;
	if (pos_in < 0 || pos_out < 0)
		goto put_out;
	len = min_t(size_t, len, MAX_RW_COUNT);
	ret = -EOVERFLOW;
	if (check_add_overflow(pos_in, (loff_t)len, &end_in) ||
	    check_add_overflow(pos_out, (loff_t)len, &end_out))
		goto put_out;
	ret = -EINVAL;
	if (iin == iout && pos_out < end_in && pos_in < end_out)
		goto put_out;
	size_in = i_size_read(iin);
	ret = 0;
	if (pos_in >= size_in || !len)
		goto put_out;
	len = min_t(loff_t, len, size_in - pos_in);
	ret = copy_through_page(in, &pos_in, out, &pos_out, len, false);
	if (ret > 0) {
		if (off_in ? put_user(pos_in, off_in) : (in->f_pos = pos_in, 0))
			ret = -EFAULT;
		if (off_out ? put_user(pos_out, off_out) : (out->f_pos = pos_out, 0))
			ret = -EFAULT;
	}
put_out:
	fput(out);
put_in:
	fput(in);
	return ret;
}
