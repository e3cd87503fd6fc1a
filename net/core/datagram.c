// SPDX-License-Identifier: GPL-2.0
/*
 * Copying message data between a msghdr's iovecs and kernel buffers.
 * struct msg_iter (<linux/socket.h>) walks the vector front to back; a
 * datagram is gathered from all of it into one buffer on send and
 * scattered back on receive, which is why sockets cannot use the
 * single-segment iov_iter of read/write.  Also the receive side every
 * datagram protocol shares: waiting for the next datagram
 * (skb_recv_datagram) and datagram_poll.
 */
#include <linux/kernel.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/sched.h>
#include <uapi/linux/eventpoll.h>
#include <linux/sched/signal.h>
#include <linux/skbuff.h>
#include <net/checksum.h>
#include <net/sock.h>
#include <uapi/linux/sockios.h>

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

int skb_copy_datagram_msg(const struct sk_buff *from, int offset, struct msghdr *msg, int len)
{
	if (offset < 0 || len < 0 || (unsigned int)offset + len > from->len)
		return -EFAULT;
	return memcpy_to_msg(msg, from->data + offset, len);
}

__wsum skb_checksum(const struct sk_buff *skb, int offset, int len, __wsum csum)
{
	return csum_partial(skb->data + offset, len, csum);
}

/*
 * The next datagram of @sk's receive queue: taken off it, or only
 * looked at (and held, MSG_PEEK).  Waits up to SO_RCVTIMEO unless
 * MSG_DONTWAIT; a pending socket error or a shut-down receive side ends
 * the wait (*err = the error, or 0 with NULL for end of data).
 */
struct sk_buff *skb_recv_datagram(struct sock *sk, unsigned int flags, int *err)
{
	long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
	struct sk_buff_head *queue = &sk->sk_receive_queue;
	struct sk_buff *skb;
	int error;

	for (;;) {
		spin_lock_bh(&queue->lock);
		skb = skb_peek(queue);
		if (skb) {
			if (flags & MSG_PEEK)
				skb_get(skb);
			else
				__skb_unlink(skb, queue);
		}
		spin_unlock_bh(&queue->lock);
		if (skb)
			return skb;
		error = sock_error(sk);
		if (error)
			goto no_packet;
		error = 0;
		if (sk->sk_shutdown & RCV_SHUTDOWN)
			goto no_packet;
		error = -EAGAIN;
		if (!timeo)
			goto no_packet;
		if (signal_pending(current)) {
			error = sock_intr_errno(timeo);
			goto no_packet;
		}
		timeo = wait_event_interruptible_timeout(*sk_sleep(sk),
			!skb_queue_empty(queue) || READ_ONCE(sk->sk_err) ||
			(sk->sk_shutdown & RCV_SHUTDOWN), timeo);
		if (timeo < 0) {
			error = sock_intr_errno(MAX_SCHEDULE_TIMEOUT);
			goto no_packet;
		}
		if (!timeo && skb_queue_empty(queue) && !READ_ONCE(sk->sk_err) &&
		    !(sk->sk_shutdown & RCV_SHUTDOWN)) {
			error = -EAGAIN;
			goto no_packet;
		}
	}
no_packet:
	*err = error;
	return NULL;
}

/*
 * SIOCINQ (the size of the next datagram, less @hdrlen bytes of protocol
 * header the reader will not see) and SIOCOUTQ (bytes sent but not yet
 * freed), shared by the datagram protocols; -ENOIOCTLCMD for the rest.
 */
int datagram_ioctl(struct sock *sk, int cmd, unsigned long arg, unsigned int hdrlen)
{
	struct sk_buff *skb;
	int amount = 0;

	switch (cmd) {
	case SIOCOUTQ:
		amount = atomic_read(&sk->sk_wmem_alloc);
		break;
	case SIOCINQ:
		spin_lock_bh(&sk->sk_receive_queue.lock);
		skb = skb_peek(&sk->sk_receive_queue);
		if (skb)
			amount = skb->len - hdrlen;
		spin_unlock_bh(&sk->sk_receive_queue.lock);
		break;
	default:
		return -ENOIOCTLCMD;
	}
	return put_user(amount, (int __user *)arg);
}

/* Poll for datagram sockets: readable with a datagram queued, writable with buffer room. */
__poll_t datagram_poll(struct file *file, struct socket *sock, struct poll_table_struct *wait)
{
	struct sock *sk = sock->sk;
	__poll_t mask = 0;

	poll_wait(file, sk_sleep(sk), wait);
	if (READ_ONCE(sk->sk_err) || !skb_queue_empty(&sk->sk_error_queue))
		mask |= EPOLLERR;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= EPOLLRDHUP | EPOLLIN | EPOLLRDNORM;
	if (sk->sk_shutdown == SHUTDOWN_MASK)
		mask |= EPOLLHUP;
	if (!skb_queue_empty(&sk->sk_receive_queue))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (sock_writeable(sk))
		mask |= EPOLLOUT | EPOLLWRNORM | EPOLLWRBAND;
	return mask;
}
