// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring's reads and writes: READ/WRITE (one user buffer), READV/WRITEV
 * (an iovec array, copied at submission so the program may reuse it),
 * READ_FIXED/WRITE_FIXED (a range of a registered buffer, reached through
 * the kernel's mapping of its pinned pages).  An offset of -1 means the
 * file position, which then moves (IORING_FEAT_RW_CUR_POS); a stream
 * (pipe, socket) has no offset.  A file that can be polled is tried
 * without blocking; -EAGAIN then waits on its queue and tries again.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include "io_uring.h"

#define RWF_NOWAIT	0x00000008

static bool io_rw_is_write(u8 opcode)
{
	return opcode == IORING_OP_WRITEV || opcode == IORING_OP_WRITE_FIXED ||
	       opcode == IORING_OP_WRITE;
}

/* At submission: the vector or the registered buffer, checked. */
int io_prep_rw(struct io_kiocb *req)
{
	const struct io_uring_sqe *sqe = &req->sqe;
	u64 addr = READ_ONCE(sqe->addr);
	u32 len = READ_ONCE(sqe->len);
	int ret;

	if (READ_ONCE(sqe->ioprio))
		return -EINVAL;
	switch (req->opcode) {
	case IORING_OP_READV:
	case IORING_OP_WRITEV:
		if (READ_ONCE(sqe->buf_index))
			return -EINVAL;
		if (len > UIO_MAXIOV)
			return -EINVAL;
		ret = import_iovec_array((const struct iovec __user *)(unsigned long)addr, len,
					 &req->iov);
		if (ret) {
			req->iov = NULL;
			return ret;
		}
		req->nr_iov = len;
		break;
	case IORING_OP_READ_FIXED:
	case IORING_OP_WRITE_FIXED: {
		u16 index = READ_ONCE(sqe->buf_index);
		struct io_mapped_ubuf *imu;

		if (index >= req->ctx->nr_user_bufs || !req->ctx->user_bufs[index])
			return -EFAULT;
		imu = req->ctx->user_bufs[index];
		if (addr < imu->ubuf || addr + len < addr || addr + len > imu->ubuf_end)
			return -EFAULT;
		refcount_inc(&imu->refs);
		req->imu = imu;
		break;
	}
	default:
		if (READ_ONCE(sqe->buf_index))
			return -EINVAL;
		break;
	}
	return 0;
}

/* One try; -EAGAIN only when @nowait asked not to block. */
static ssize_t io_rw_once(struct io_kiocb *req, loff_t *pos, bool write, int kflags)
{
	const struct io_uring_sqe *sqe = &req->sqe;
	u64 addr = READ_ONCE(sqe->addr);
	u32 len = READ_ONCE(sqe->len);
	struct iovec one;

	switch (req->opcode) {
	case IORING_OP_READV:
	case IORING_OP_WRITEV:
		return vfs_rw_iovec(req->file, req->iov, req->nr_iov, pos, write, kflags);
	case IORING_OP_READ_FIXED:
	case IORING_OP_WRITE_FIXED:
		return vfs_rw_kernel(req->file, (char *)req->imu->vaddr + (addr - req->imu->ubuf),
				     len, pos, write, kflags);
	default:
		one.iov_base = (void __user *)(unsigned long)addr;
		one.iov_len = len;
		if (!access_ok(one.iov_base, len))
			return -EFAULT;
		return vfs_rw_iovec(req->file, &one, 1, pos, write, kflags);
	}
}

int io_rw(struct io_kiocb *req, bool in_worker)
{
	struct file *file = req->file;
	bool write = io_rw_is_write(req->opcode);
	u32 rw_flags = READ_ONCE(req->sqe.rw_flags);
	u64 off = READ_ONCE(req->sqe.off);
	bool pollable = io_file_can_poll(file);
	bool user_nowait = (rw_flags & RWF_NOWAIT) || (file->f_flags & O_NONBLOCK);
	bool use_fpos = off == (u64)-1 || !(file->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD));
	__poll_t want = write ? POLLOUT | POLLWRNORM : POLLIN | POLLRDNORM;
	bool locked = false;
	loff_t pos;
	ssize_t ret;

	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		return -EBADF;
	if ((s64)off < -1)
		return -EINVAL;
	/* Not ready: wait for it rather than block (or say so if asked not to wait). */
	if (pollable && !io_file_ready(file, want)) {
		if (user_nowait)
			return -EAGAIN;
		return io_arm_poll_handler(req, want);
	}
	if (use_fpos && S_ISREG(file_inode(file)->i_mode)) {
		mutex_lock(&file->f_pos_lock);
		locked = true;
	}
	pos = use_fpos ? file->f_pos : (loff_t)off;
	ret = io_rw_once(req, &pos, write, pollable ? IOCB_NOWAIT : 0);
	if (ret >= 0 && use_fpos)
		file->f_pos = pos;
	if (locked)
		mutex_unlock(&file->f_pos_lock);
	if (ret == -EAGAIN && pollable && !user_nowait)
		return io_arm_poll_handler(req, want);
	return ret;
}
