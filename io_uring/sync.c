// SPDX-License-Identifier: GPL-2.0
/* io_uring's FSYNC: fsync(2), or fdatasync(2) with IORING_FSYNC_DATASYNC, on a range. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include "io_uring.h"

int io_fsync(struct io_kiocb *req, bool in_worker)
{
	const struct io_uring_sqe *sqe = &req->sqe;
	u32 flags = READ_ONCE(sqe->fsync_flags);
	u64 off = READ_ONCE(sqe->off);
	u32 len = READ_ONCE(sqe->len);

	if (READ_ONCE(sqe->addr) || READ_ONCE(sqe->ioprio) || READ_ONCE(sqe->buf_index))
		return -EINVAL;
	if (flags & ~IORING_FSYNC_DATASYNC)
		return -EINVAL;
	if (!req->file->f_op || !req->file->f_op->fsync)
		return -EINVAL;
	return req->file->f_op->fsync(req->file, off, len ? off + len - 1 : MAX_LFS_FILESIZE,
				      flags & IORING_FSYNC_DATASYNC);
}
