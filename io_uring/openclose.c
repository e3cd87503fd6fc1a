// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring's OPENAT and CLOSE: the submitter's file table, fs and
 * credentials, as openat(2) and close(2) would have them.  A worker runs
 * them only with the files it was given (IOSQE_ASYNC, a drain or a link);
 * the ring's own descriptor cannot be closed this way (-EBADF, as Linux).
 */
#include <linux/kernel.h>
#include <uapi/linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include "io_uring.h"

int io_openat(struct io_kiocb *req, bool in_worker)
{
	const struct io_uring_sqe *sqe = &req->sqe;

	if (READ_ONCE(sqe->ioprio) || READ_ONCE(sqe->buf_index))
		return -EINVAL;
	if (in_worker && !req->files)
		return -EBADF;
	return do_sys_open(READ_ONCE(sqe->fd),
			   (const char __user *)(unsigned long)READ_ONCE(sqe->addr),
			   READ_ONCE(sqe->open_flags) | O_LARGEFILE, READ_ONCE(sqe->len));
}

int io_close(struct io_kiocb *req, bool in_worker)
{
	const struct io_uring_sqe *sqe = &req->sqe;
	int fd = READ_ONCE(sqe->fd);
	struct file *file;

	if (READ_ONCE(sqe->off) || READ_ONCE(sqe->addr) || READ_ONCE(sqe->len) ||
	    READ_ONCE(sqe->rw_flags) || READ_ONCE(sqe->buf_index) || READ_ONCE(sqe->file_index))
		return -EINVAL;
	if (in_worker && !req->files)
		return -EBADF;
	file = fget(fd);
	if (!file)
		return -EBADF;
	if (file->private_data == req->ctx) {
		fput(file);
		return -EBADF;
	}
	fput(file);
	return close_fd(fd);
}
