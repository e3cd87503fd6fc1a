// SPDX-License-Identifier: GPL-2.0
/*
 * Copying message data between a msghdr's iovecs and kernel buffers.
 * struct msg_iter (<linux/socket.h>) walks the vector front to back; a
 * datagram is gathered from all of it into one buffer on send and
 * scattered back on receive, which is why sockets cannot use the
 * single-segment iov_iter of read/write.
 */
#include <linux/kernel.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/uaccess.h>

/* The next piece of the vector: its address and length (at most @len). */
static size_t msg_iter_seg(struct msg_iter *it, size_t len, void **where)
{
	while (it->nr_segs && it->iov_offset >= it->iov->iov_len) {
		it->iov++;
		it->nr_segs--;
		it->iov_offset = 0;
	}
	if (!it->nr_segs)
		return 0;
	*where = (char *)it->iov->iov_base + it->iov_offset;
	return min(len, it->iov->iov_len - it->iov_offset);
}

static void msg_iter_advance(struct msg_iter *it, size_t n)
{
	it->iov_offset += n;
	it->count -= n;
}

int memcpy_from_msg(void *data, struct msghdr *msg, size_t len)
{
	struct msg_iter *it = &msg->msg_iter;

	while (len) {
		void *from;
		size_t n = msg_iter_seg(it, len, &from);

		if (!n)
			return -EFAULT;
		if (it->kernel)
			memcpy(data, from, n);
		else if (copy_from_user(data, (const void __user *)from, n))
			return -EFAULT;
		msg_iter_advance(it, n);
		data = (char *)data + n;
		len -= n;
	}
	return 0;
}

int memcpy_to_msg(struct msghdr *msg, const void *data, size_t len)
{
	struct msg_iter *it = &msg->msg_iter;

	while (len) {
		void *to;
		size_t n = msg_iter_seg(it, len, &to);

		if (!n)
			return -EFAULT;
		if (it->kernel)
			memcpy(to, data, n);
		else if (copy_to_user((void __user *)to, data, n))
			return -EFAULT;
		msg_iter_advance(it, n);
		data = (const char *)data + n;
		len -= n;
	}
	return 0;
}
