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

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

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

static ssize_t do_iter_read(struct file *file, struct iov_iter *iter, loff_t *pos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *pos };
	ssize_t ret;

	if (file->f_flags & O_NONBLOCK)
		kiocb.ki_flags |= IOCB_NOWAIT;
	ret = file->f_op->read_iter(&kiocb, iter);
	if (ret > 0)
		*pos = kiocb.ki_pos;
	return ret;
}

static ssize_t do_iter_write(struct file *file, struct iov_iter *iter, loff_t *pos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *pos };
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

ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
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
	count = min_t(size_t, count, MAX_RW_COUNT);
	if (file->f_op->read)
		return file->f_op->read(file, buf, count, pos);
	iov_iter_ubuf(&iter, buf, count);
	return do_iter_read(file, &iter, pos);
}

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
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
	if (file->f_op->write)
		return file->f_op->write(file, buf, count, pos);
	iov_iter_ubuf(&iter, (void __user *)buf, count);
	return do_iter_write(file, &iter, pos);
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
	return do_iter_read(file, &iter, pos);
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
	return do_iter_write(file, &iter, pos);
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

/*
 * readv/writev: the vector is checked whole first (EINVAL for a
 * negative total, EFAULT for a bad array), then each piece goes through
 * the ordinary path.  A short transfer ends the loop, as on Linux.
 */
static ssize_t do_rw_vec(unsigned long fd, const struct iovec __user *uvec,
			 unsigned long vlen, loff_t *ppos, bool write)
{
	struct iovec *iov;
	struct file *f;
	ssize_t total = 0, ret = 0;
	size_t sum = 0;
	unsigned long i;
	loff_t pos;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	iov = kmalloc_array(vlen ? vlen : 1, sizeof(*iov), GFP_KERNEL);
	if (!iov) {
		fput(f);
		return -ENOMEM;
	}
	ret = -EFAULT;
	if (copy_from_user(iov, uvec, vlen * sizeof(*iov)))
		goto out;
	/* Per piece, as Linux: negative EINVAL, out of range EFAULT; the total is capped. */
	for (i = 0; i < vlen; i++) {
		ret = -EINVAL;
		if ((ssize_t)iov[i].iov_len < 0)
			goto out;
		ret = -EFAULT;
		if (!rw_access_ok(iov[i].iov_base, iov[i].iov_len))
			goto out;
		iov[i].iov_len = min_t(size_t, iov[i].iov_len, MAX_RW_COUNT - sum);
		sum += iov[i].iov_len;
	}
	ret = rw_check(f, write ? FMODE_WRITE : FMODE_READ);
	if (ret)
		goto out;
	if (ppos) {
		pos = *ppos;
	} else {
		if (file_ppos_shared(f))
			mutex_lock(&f->f_pos_lock);
		pos = f->f_pos;
	}
	for (i = 0; i < vlen; i++) {
		if (!iov[i].iov_len)
			continue;
		ret = write ? vfs_write(f, iov[i].iov_base, iov[i].iov_len, &pos)
			    : vfs_read(f, iov[i].iov_base, iov[i].iov_len, &pos);
		if (ret < 0)
			break;
		total += ret;
		if ((size_t)ret < iov[i].iov_len)
			break;
	}
	if (total)
		ret = total;
	if (!ppos) {
		if (ret >= 0)
			f->f_pos = pos;
		if (file_ppos_shared(f))
			mutex_unlock(&f->f_pos_lock);
	}
out:
	kfree(iov);
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_rw_vec(fd, vec, vlen, NULL, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_rw_vec(fd, vec, vlen, NULL, true);
}

SYSCALL_DEFINE4(preadv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, loff_t, pos)
{
	if (pos < 0)
		return -EINVAL;
	return do_rw_vec(fd, vec, vlen, &pos, false);
}

SYSCALL_DEFINE4(pwritev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, loff_t, pos)
{
	if (pos < 0)
		return -EINVAL;
	return do_rw_vec(fd, vec, vlen, &pos, true);
}

/*
 * sendfile: copy from one file to another through a kernel page, from
 * *offset (left unchanged in the file) or the input file's position.
 */
SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
	struct file *in, *out;
	loff_t pos, opos;
	ssize_t done = 0, ret;
	char *buf;

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
	ret = -ENOMEM;
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		goto put_out;
	count = min_t(size_t, count, MAX_RW_COUNT);
	ret = 0;
	while ((size_t)done < count) {
		ssize_t n = kernel_read(in, buf, min_t(size_t, PAGE_SIZE, count - done), &pos);
		ssize_t w;

		if (n <= 0) {
			ret = n;
			break;
		}
		opos = out->f_pos;
		w = kernel_write(out, buf, n, &opos);
		if (w > 0)
			out->f_pos = opos;
		if (w < 0) {
			ret = w;
			pos -= n;
			break;
		}
		done += w;
		if (w < n) {
			pos -= n - w;
			break;
		}
		if (signal_pending(current))
			break;
	}
	kfree(buf);
	if (offset) {
		if (put_user(pos, offset))
			ret = -EFAULT;
	} else {
		in->f_pos = pos;
	}
	if (done)
		ret = done;
put_out:
	fput(out);
put_in:
	fput(in);
	return ret;
}
