// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring's socket operations: SENDMSG and RECVMSG (a struct msghdr in
 * the program's memory, read when the request runs), SEND and RECV (one
 * buffer).  Tried with MSG_DONTWAIT first; a socket with nothing to give
 * (or no room) makes the request wait for POLLIN or POLLOUT and try again
 * from the worker -- unless the program asked not to wait (MSG_DONTWAIT,
 * or an O_NONBLOCK socket), when -EAGAIN is the answer.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/net.h>
#include <linux/socket.h>
#include "io_uring.h"

int io_net(struct io_kiocb *req, bool in_worker)
{
	const struct io_uring_sqe *sqe = &req->sqe;
	struct socket *sock = sock_from_file(req->file);
	unsigned int flags = READ_ONCE(sqe->msg_flags);
	void __user *addr = (void __user *)(unsigned long)READ_ONCE(sqe->addr);
	bool send = req->opcode == IORING_OP_SENDMSG || req->opcode == IORING_OP_SEND;
	bool user_nowait = (flags & MSG_DONTWAIT) || (req->file->f_flags & O_NONBLOCK);
	long ret;

	if (!sock)
		return -ENOTSOCK;
	if (READ_ONCE(sqe->ioprio) || READ_ONCE(sqe->buf_index))
		return -EINVAL;
	flags |= MSG_DONTWAIT;
	if (send)
		flags |= MSG_NOSIGNAL;	/* EPIPE in the CQE, no SIGPIPE (as Linux) */
	switch (req->opcode) {
	case IORING_OP_SENDMSG:
		ret = __sys_sendmsg_sock(sock, addr, flags);
		break;
	case IORING_OP_RECVMSG:
		ret = __sys_recvmsg_sock(sock, addr, flags);
		break;
	default:
		ret = __sys_sendrecv_sock(sock, addr, READ_ONCE(sqe->len), flags, send);
		break;
	}
	if (ret == -EAGAIN && !user_nowait)
		return io_arm_poll_handler(req, send ? POLLOUT | POLLWRNORM : POLLIN | POLLRDNORM);
	return ret;
}
