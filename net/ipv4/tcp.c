// SPDX-License-Identifier: GPL-2.0
/*
 * TCP, the socket side: what the system calls do to a SOCK_STREAM
 * AF_INET socket.  Read this first; the protocol itself is in
 *   tcp_input.c   a segment arrives (the RFC 9293 state machine),
 *   tcp_output.c  segments leave (windows, Nagle, options, RST),
 *   tcp_timer.c   retransmission, delayed ACK, keepalive, TIME_WAIT,
 *   tcp_ipv4.c    IPv4 glue: lookup, checksum, connect, listener children,
 *   inet_connection_sock.c  ports, lookup tables, SYN and accept queues.
 *
 * A sender's data goes into the write queue in MSS-sized buffers and
 * leaves when the windows allow; it stays queued until acknowledged.  A
 * receiver's in-order data waits in sk_receive_queue until read;
 * copied_seq is how far the reader has got, rcv_nxt how far the data
 * has, and the window we announce is the buffer room left.
 *
 * Locking: tcp_sock->sk_mutex serializes system calls on one socket (it
 * is held across copies to and from user memory, which may sleep); the
 * sk_lock spinlock (lock_sock, bottom halves off) guards the protocol
 * state against the receive softirq and the timers, and is never held
 * across a sleep or a user copy.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/uaccess.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/protocol.h>
#include <net/snmp.h>
#include <net/tcp.h>
#include <uapi/linux/in.h>

#define SIOCINQ		0x541B		/* FIONREAD */
#define SIOCOUTQ	0x5411		/* TIOCOUTQ */
#define SIOCOUTQNSD	0x894B
#define SIOCATMARK	0x8905

atomic_t tcp_orphan_count;

static const char *const tcp_state_names[TCP_MAX_STATES] = {
	[TCP_ESTABLISHED] = "ESTABLISHED", [TCP_SYN_SENT] = "SYN_SENT",
	[TCP_SYN_RECV] = "SYN_RECV", [TCP_FIN_WAIT1] = "FIN_WAIT1",
	[TCP_FIN_WAIT2] = "FIN_WAIT2", [TCP_TIME_WAIT] = "TIME_WAIT",
	[TCP_CLOSE] = "CLOSE", [TCP_CLOSE_WAIT] = "CLOSE_WAIT",
	[TCP_LAST_ACK] = "LAST_ACK", [TCP_LISTEN] = "LISTEN", [TCP_CLOSING] = "CLOSING",
};

const char *tcp_state_name(int state)
{
	return state > 0 && state < TCP_MAX_STATES && tcp_state_names[state] ?
	       tcp_state_names[state] : "?";
}

/* ---------- state and lifetime ---------- */

void tcp_set_state(struct sock *sk, int state)
{
	int old = sk->sk_state;

	/* the MIB's gauge and counters (RFC 4022), as Linux keeps them */
	if (state == TCP_ESTABLISHED && old != TCP_ESTABLISHED)
		TCP_INC_STATS(TCP_MIB_CURRESTAB);
	else if (old == TCP_ESTABLISHED && state != TCP_ESTABLISHED)
		__atomic_fetch_sub(&tcp_mib[TCP_MIB_CURRESTAB], 1, __ATOMIC_RELAXED);
	if (state == TCP_CLOSE && (old == TCP_ESTABLISHED || old == TCP_CLOSE_WAIT))
		TCP_INC_STATS(TCP_MIB_ESTABRESETS);
	if (state == TCP_CLOSE && (old == TCP_SYN_SENT || old == TCP_SYN_RECV))
		TCP_INC_STATS(TCP_MIB_ATTEMPTFAILS);

	sk->sk_state = state;
	if (state == TCP_CLOSE && old != TCP_CLOSE) {
		inet_unhash(sk);
		/* an automatically chosen port goes back; one bind() named stays */
		if (!inet_csk(sk)->icsk_port_locked)
			inet_put_port(sk);
	}
}

static void tcp_def_wakeup(struct sock *sk)
{
	sk_wake_all(sk);
}

/* The send buffer has room again (an ACK freed queued data). */
static void tcp_write_space(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (tp->wmem_queued < (unsigned int)sk->sk_sndbuf)
		sk_wake_all(sk);
}

void tcp_write_queue_purge(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	while ((skb = skb_dequeue(&sk->sk_write_queue)))
		tcp_free_skb(sk, skb);
	sk->sk_send_head = NULL;
	tp->packets_out = 0;
	inet_csk_clear_xmit_timer(sk);
	sk_wake_all(sk);
}

/*
 * The end of a sock: called once, with the sock locked, when it is both
 * closed by its owner (or never had one) and in CLOSE.  Drops the
 * reference sk_alloc gave; the caller holds its own across the unlock.
 */
void tcp_destroy_sock(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);

	if (icsk->icsk_destroyed)
		return;
	icsk->icsk_destroyed = true;
	tcp_clear_xmit_timers(sk);
	tcp_write_queue_purge(sk);
	skb_queue_purge(&tp->out_of_order_queue);
	skb_queue_purge(&sk->sk_receive_queue);
	tp->rcv_queued = 0;
	inet_unhash(sk);
	inet_put_port(sk);
	if (sock_flag(sk, SOCK_DEAD))
		atomic_dec(&tcp_orphan_count);
	sock_put(sk);
}

/* The connection is over (RFC 9293's CLOSED); free it if nobody owns it. */
void tcp_done(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	tcp_set_state(sk, TCP_CLOSE);
	tcp_clear_xmit_timers(sk);
	sk->sk_shutdown = SHUTDOWN_MASK;
	if (icsk->icsk_parent && !icsk->icsk_in_acceptq) {
		/* died in its handshake: nobody will ever accept it */
		inet_csk_reqsk_queue_drop(sk);
		sock_set_flag(sk, SOCK_DEAD);
		atomic_inc(&tcp_orphan_count);
	}
	if (sock_flag(sk, SOCK_DEAD))
		tcp_destroy_sock(sk);
	else
		sk->sk_state_change(sk);
}

static void tcp_sk_destruct(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	skb_queue_purge(&tp->out_of_order_queue);
	skb_queue_purge(&sk->sk_write_queue);
}

/* proto->init, and the same for a listener's child. */
void tcp_init_sock(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);

	spin_lock_init(&icsk->rskq_lock);
	INIT_LIST_HEAD(&icsk->icsk_syn_queue);
	INIT_LIST_HEAD(&icsk->icsk_accept_queue);
	INIT_LIST_HEAD(&icsk->icsk_child);
	INIT_HLIST_NODE(&icsk->icsk_bind_node);
	INIT_HLIST_NODE(&icsk->icsk_hash_node);
	mutex_init(&tp->sk_mutex);
	skb_queue_head_init(&tp->out_of_order_queue);
	skb_queue_head_init(&sk->sk_write_queue);
	sk->sk_send_head = NULL;
	tcp_init_xmit_timers(sk);
	icsk->icsk_rto = TCP_TIMEOUT_INIT;
	tp->mss_cache = TCP_MSS_DEFAULT;
	tp->advmss = TCP_MSS_DEFAULT;
	tp->snd_cwnd = TCP_INIT_CWND;
	tp->snd_ssthresh = 0x7fffffff;
	tp->rcv_mss = TCP_MSS_DEFAULT;
	tp->pmtu = 576;
	sk->sk_state = TCP_CLOSE;
	sk->sk_sndbuf = TCP_WMEM_DEFAULT;
	sk->sk_rcvbuf = TCP_RMEM_DEFAULT;
	tp->sndbuf_auto = sk->sk_sndbuf;
	tp->rcvbuf_auto = sk->sk_rcvbuf;
	sk->sk_write_space = tcp_write_space;
	sk->sk_data_ready = tcp_def_wakeup;
	sk->sk_state_change = tcp_def_wakeup;
	sk->sk_error_report = tcp_def_wakeup;
	sk->sk_destruct = tcp_sk_destruct;
	inet_sk(sk)->is_icsk = 1;
}

static int tcp_v4_init_sock(struct sock *sk)
{
	tcp_init_sock(sk);
	return 0;
}

/* ---------- waiting ---------- */

/*
 * Sleep, with the sock and its sk_mutex unlocked (so another thread may
 * send while one waits to receive), until @cond or a wake-up; false if
 * the time ran out or a signal came (*err says which).  Called and
 * returns with both held.
 */
#define tcp_wait_event(sk, timeo, err, cond) ({				\
	DEFINE_WAIT(__wait);						\
	bool __ok = true;						\
	prepare_to_wait(sk_sleep(sk), &__wait, TASK_INTERRUPTIBLE);	\
	if (!(cond)) {							\
		if (!*(timeo)) {					\
			*(err) = -EAGAIN;				\
			__ok = false;					\
		} else if (signal_pending(current)) {			\
			*(err) = sock_intr_errno(*(timeo));		\
			__ok = false;					\
		} else {						\
			release_sock(sk);				\
			mutex_unlock(&tcp_sk(sk)->sk_mutex);		\
			*(timeo) = schedule_timeout(*(timeo));		\
			mutex_lock(&tcp_sk(sk)->sk_mutex);		\
			lock_sock(sk);					\
		}							\
	}								\
	finish_wait(sk_sleep(sk), &__wait);				\
	__ok;								\
})

/* ---------- sending ---------- */

/* An error from send: EPIPE raises SIGPIPE unless MSG_NOSIGNAL. */
static int sk_stream_error(struct sock *sk, int flags, int err)
{
	if (err == -EPIPE)
		err = sock_error(sk) ? : -EPIPE;
	if (err == -EPIPE && !(flags & MSG_NOSIGNAL))
		send_sig(SIGPIPE, current, 0);
	return err;
}

/* Wait for a connect in progress (send on a socket still in its handshake). */
static int sk_stream_wait_connect(struct sock *sk, long *timeo)
{
	int err = 0;

	for (;;) {
		if (sk->sk_err)
			return sock_error(sk);
		if (!((1 << sk->sk_state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV))))
			return (1 << sk->sk_state) &
			       (TCPF(TCP_ESTABLISHED) | TCPF(TCP_CLOSE_WAIT)) ? 0 : -EPIPE;
		if (!tcp_wait_event(sk, timeo, &err,
				    !((1 << sk->sk_state) &
				      (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV))) || sk->sk_err))
			return err;
	}
}

static bool tcp_can_queue(struct sock *sk)
{
	return tcp_sk(sk)->wmem_queued < (unsigned int)sk->sk_sndbuf;
}

static int tcp_sendmsg(struct sock *sk, struct msghdr *msg, size_t size)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int flags = msg->msg_flags;
	long timeo = sock_sndtimeo(sk, flags & MSG_DONTWAIT);
	size_t copied = 0;
	int err = 0;

	if (flags & ~(MSG_OOB | MSG_DONTROUTE | MSG_DONTWAIT | MSG_EOR | MSG_NOSIGNAL |
		      MSG_MORE | MSG_CONFIRM | MSG_BATCH | MSG_CMSG_CLOEXEC | MSG_WAITALL |
		      MSG_PEEK | MSG_TRUNC | MSG_FASTOPEN))
		return -EOPNOTSUPP;
	mutex_lock(&tp->sk_mutex);
	lock_sock(sk);
	if (!((1 << sk->sk_state) & (TCPF(TCP_ESTABLISHED) | TCPF(TCP_CLOSE_WAIT)))) {
		err = sk_stream_wait_connect(sk, &timeo);
		if (err)
			goto do_error;
	}

	while (copied < size) {
		unsigned int mss = tcp_current_mss(sk);
		struct sk_buff *skb, *tail;
		size_t chunk, cap;

		if (sk->sk_err || (sk->sk_shutdown & SEND_SHUTDOWN)) {
			err = -EPIPE;
			goto do_error;
		}
		if (!tcp_can_queue(sk)) {
			tcp_push_pending_frames(sk);
			if (!tcp_wait_event(sk, &timeo, &err,
					    tcp_can_queue(sk) || sk->sk_err ||
					    (sk->sk_shutdown & SEND_SHUTDOWN)))
				goto do_error;
			continue;
		}

		chunk = min_t(size_t, size - copied, mss);
		cap = max_t(size_t, chunk, min_t(size_t, mss, 4096));
		release_sock(sk);
		skb = alloc_skb(cap, GFP_KERNEL);
		if (!skb) {
			lock_sock(sk);
			err = -ENOBUFS;
			goto do_error;
		}
		if (memcpy_from_msg(skb_put(skb, chunk), msg, chunk)) {
			kfree_skb(skb);
			lock_sock(sk);
			err = -EFAULT;
			goto do_error;
		}
		lock_sock(sk);
		if (sk->sk_err || (sk->sk_shutdown & SEND_SHUTDOWN)) {
			kfree_skb(skb);
			err = -EPIPE;
			goto do_error;
		}

		/* fill the last unsent buffer first: fewer, fuller segments */
		tail = skb_peek_tail(&sk->sk_write_queue);
		if (tail && sk->sk_send_head && tail->len &&
		    !(TCP_SKB_CB(tail)->tcp_flags & (TCPHDR_SYN | TCPHDR_FIN)) &&
		    tail->len + chunk <= mss && skb_tailroom(tail) >= (int)chunk) {
			memcpy(skb_put(tail, chunk), skb->data, chunk);
			TCP_SKB_CB(tail)->end_seq += chunk;
			kfree_skb(skb);
		} else {
			TCP_SKB_CB(skb)->seq = tp->write_seq;
			TCP_SKB_CB(skb)->end_seq = tp->write_seq + chunk;
			TCP_SKB_CB(skb)->tcp_flags = TCPHDR_ACK;
			TCP_SKB_CB(skb)->sacked = 0;
			tcp_skb_set_owner(sk, skb);
			skb_queue_tail(&sk->sk_write_queue, skb);
			if (!sk->sk_send_head)
				sk->sk_send_head = skb;
		}
		tp->write_seq += chunk;
		copied += chunk;
		if (flags & MSG_OOB)
			tp->snd_up = tp->write_seq;
		if (!(flags & MSG_MORE) || copied < size)
			tcp_push_pending_frames(sk);
	}
	if (!(flags & MSG_MORE))
		tcp_push_pending_frames(sk);
	release_sock(sk);
	mutex_unlock(&tp->sk_mutex);
	return copied;

do_error:
	if (copied) {
		tcp_push_pending_frames(sk);
		release_sock(sk);
		mutex_unlock(&tp->sk_mutex);
		return copied;
	}
	err = sk_stream_error(sk, flags, err);
	release_sock(sk);
	mutex_unlock(&tp->sk_mutex);
	return err;
}

/* ---------- receiving ---------- */

/*
 * The reader made room: announce a window that doubled (or an ACK we
 * owe), so a sender stalled on our window goes on (RFC 9293 3.8.6.2.2).
 */
void tcp_cleanup_rbuf(struct sock *sk, int copied)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_connection_sock *icsk = inet_csk(sk);
	bool ack = false;

	if (!((1 << sk->sk_state) & (TCPF(TCP_ESTABLISHED) | TCPF(TCP_FIN_WAIT1) |
				     TCPF(TCP_FIN_WAIT2))))
		return;
	if ((icsk->icsk_ack.pending & ICSK_ACK_SCHED) &&
	    tp->rcv_nxt - tp->rcv_wup > tp->rcv_mss)
		ack = true;
	if (copied > 0 && !ack && !(sk->sk_shutdown & RCV_SHUTDOWN)) {
		u32 now = tcp_receive_window(tp);
		u32 space = tcp_space(sk);

		if (2 * now <= tp->window_clamp && space >= 2 * now &&
		    space >= min_t(u32, tp->advmss, (u32)sk->sk_rcvbuf / 4))
			ack = true;
	}
	if (ack)
		tcp_send_ack(sk);
}

/* The buffer holding sequence number @seq, and the offset into it. */
static struct sk_buff *tcp_recv_skb(struct sock *sk, u32 seq, u32 *off)
{
	struct sk_buff *skb;

	skb_queue_walk(&sk->sk_receive_queue, skb) {
		u32 offset = seq - TCP_SKB_CB(skb)->seq;

		if (offset < skb->len) {
			*off = offset;
			return skb;
		}
	}
	return NULL;
}

static int tcp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags, int *addr_len)
{
	struct tcp_sock *tp = tcp_sk(sk);
	long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
	bool peek = flags & MSG_PEEK;
	size_t copied = 0, target;
	u32 peek_seq;
	int err = 0;

	(void)addr_len;
	if (flags & MSG_ERRQUEUE)
		return -EAGAIN;		/* no IP_RECVERR reports on TCP yet */
	mutex_lock(&tp->sk_mutex);
	lock_sock(sk);
	if (sk->sk_state == TCP_LISTEN) {
		err = -ENOTCONN;
		goto out;
	}
	if (flags & MSG_OOB) {
		/* urgent data is delivered inline; there is no out-of-band byte */
		err = -EINVAL;
		goto out;
	}
	target = (flags & MSG_WAITALL) ? len : min_t(size_t, len, sk->sk_rcvlowat);
	if (!target)
		target = 1;
	peek_seq = tp->copied_seq;

	while (copied < len) {
		u32 *seq = peek ? &peek_seq : &tp->copied_seq;
		struct sk_buff *skb;
		u32 off, n;

		skb = tcp_recv_skb(sk, *seq, &off);
		if (skb) {
			n = min_t(size_t, skb->len - off, len - copied);
			release_sock(sk);
			/* only this reader (we hold sk_mutex) unlinks buffers */
			if (memcpy_to_msg(msg, skb->data + off, n)) {
				lock_sock(sk);
				if (!copied)
					err = -EFAULT;
				break;
			}
			lock_sock(sk);
			*seq += n;
			copied += n;
			if (!peek) {
				tp->rcv_queued -= n;
				if (off + n == skb->len) {
					spin_lock(&sk->sk_receive_queue.lock);
					skb_unlink(skb, &sk->sk_receive_queue);
					spin_unlock(&sk->sk_receive_queue.lock);
					kfree_skb(skb);
				}
			}
			continue;
		}
		if (copied >= target)
			break;
		if (copied) {
			if (sk->sk_err || sk->sk_state == TCP_CLOSE ||
			    (sk->sk_shutdown & RCV_SHUTDOWN) || !timeo || signal_pending(current))
				break;
		} else {
			/* the peer's FIN, then a pending error, then our own shutdown */
			if (sock_flag(sk, SOCK_DONE))
				break;
			if (sk->sk_err) {
				err = sock_error(sk);
				break;
			}
			if (sk->sk_shutdown & RCV_SHUTDOWN)
				break;
			if (sk->sk_state == TCP_CLOSE) {
				err = -ENOTCONN;
				break;
			}
			if (!timeo) {
				err = -EAGAIN;
				break;
			}
			if (signal_pending(current)) {
				err = sock_intr_errno(timeo);
				break;
			}
		}
		tcp_cleanup_rbuf(sk, copied);
		if (!tcp_wait_event(sk, &timeo, &err,
				    tcp_recv_skb(sk, peek ? peek_seq : tp->copied_seq, &off) ||
				    sk->sk_err || (sk->sk_shutdown & RCV_SHUTDOWN) ||
				    sk->sk_state == TCP_CLOSE)) {
			if (copied)
				err = 0;
			break;
		}
	}
	if (!peek)
		tcp_cleanup_rbuf(sk, copied);
out:
	release_sock(sk);
	mutex_unlock(&tp->sk_mutex);
	return copied ? (int)copied : err;
}

/* ---------- shutdown, close, disconnect ---------- */

/* The state after our FIN (RFC 9293 figure 5); false if no FIN is due. */
static bool tcp_close_state(struct sock *sk)
{
	switch (sk->sk_state) {
	case TCP_ESTABLISHED:
	case TCP_SYN_RECV:
		tcp_set_state(sk, TCP_FIN_WAIT1);
		return true;
	case TCP_CLOSE_WAIT:
		tcp_set_state(sk, TCP_LAST_ACK);
		return true;
	case TCP_SYN_SENT:
		tcp_set_state(sk, TCP_CLOSE);
		return false;
	default:
		return false;
	}
}

/* proto->shutdown (inet_shutdown calls it unlocked): SHUT_WR sends our FIN after the data. */
static void tcp_shutdown(struct sock *sk, int how)
{
	if (!(how & SEND_SHUTDOWN))
		return;
	lock_sock(sk);
	if ((1 << sk->sk_state) & (TCPF(TCP_ESTABLISHED) | TCPF(TCP_SYN_SENT) |
				   TCPF(TCP_SYN_RECV) | TCPF(TCP_CLOSE_WAIT))) {
		if (tcp_close_state(sk))
			tcp_send_fin(sk);
	}
	release_sock(sk);
}

static bool tcp_need_reset(int state)
{
	return (1 << state) & (TCPF(TCP_ESTABLISHED) | TCPF(TCP_CLOSE_WAIT) |
			       TCPF(TCP_FIN_WAIT1) | TCPF(TCP_FIN_WAIT2) | TCPF(TCP_SYN_RECV));
}

/* Abort and return to a fresh, unconnected socket (connect(AF_UNSPEC), SO_LINGER 0). */
int tcp_disconnect(struct sock *sk, int flags)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_connection_sock *icsk = inet_csk(sk);
	int old = sk->sk_state;

	(void)flags;
	if (old != TCP_CLOSE)
		tcp_set_state(sk, TCP_CLOSE);
	if (old == TCP_LISTEN) {
		release_sock(sk);
		inet_csk_listen_stop(sk);
		lock_sock(sk);
	} else if (tcp_need_reset(old)) {
		tcp_send_active_reset(sk);
		sk->sk_err = ECONNRESET;
	} else if (old == TCP_SYN_SENT) {
		sk->sk_err = ECONNRESET;
	}
	tcp_clear_xmit_timers(sk);
	tcp_write_queue_purge(sk);
	skb_queue_purge(&tp->out_of_order_queue);
	skb_queue_purge(&sk->sk_receive_queue);
	tp->rcv_queued = 0;
	inet_sk(sk)->inet_dport = 0;
	inet_sk(sk)->inet_daddr = 0;
	if (!icsk->icsk_port_locked)
		inet_sk(sk)->inet_saddr = inet_sk(sk)->inet_rcv_saddr = 0;
	sk->sk_shutdown = 0;
	sock_reset_flag(sk, SOCK_DONE);
	tp->srtt_us = 0;
	tp->mdev_us = 0;
	tp->snd_cwnd = TCP_INIT_CWND;
	tp->snd_cwnd_cnt = 0;
	tp->snd_ssthresh = 0x7fffffff;
	tp->dup_acks = 0;
	tp->rx_opt = (struct tcp_options_received){ };
	icsk->icsk_rto = TCP_TIMEOUT_INIT;
	icsk->icsk_backoff = 0;
	icsk->icsk_retransmits = 0;
	icsk->icsk_probes_out = 0;
	icsk->icsk_ca_state = TCP_CA_Open;
	sk->sk_error_report(sk);
	return 0;
}

/* proto->disconnect, for inet_shutdown, which calls it unlocked. */
static int tcp_disconnect_unlocked(struct sock *sk, int flags)
{
	int err;

	lock_sock(sk);
	err = tcp_disconnect(sk, flags);
	release_sock(sk);
	return err;
}

/* The last close of the socket (proto->close); @timeout is SO_LINGER's. */
static void tcp_close(struct sock *sk, long timeout)
{
	struct tcp_sock *tp = tcp_sk(sk);
	bool unread;

	sock_hold(sk);			/* destruction must wait for our unlock */
	mutex_lock(&tp->sk_mutex);
	lock_sock(sk);
	sk->sk_shutdown = SHUTDOWN_MASK;
	if (sk->sk_state == TCP_LISTEN) {
		tcp_set_state(sk, TCP_CLOSE);
		release_sock(sk);
		inet_csk_listen_stop(sk);
		lock_sock(sk);
		goto adjudge;
	}
	unread = tp->rcv_queued || !skb_queue_empty(&sk->sk_receive_queue);
	skb_queue_purge(&sk->sk_receive_queue);
	tp->rcv_queued = 0;

	if (sk->sk_state == TCP_CLOSE) {
		/* nothing to say to anyone */
	} else if (unread) {
		/* RFC 2525 2.17: unread data is lost; tell the peer so */
		tcp_set_state(sk, TCP_CLOSE);
		tcp_send_active_reset(sk);
	} else if (sock_flag(sk, SOCK_LINGER) && !sk->sk_lingertime) {
		/* SO_LINGER with a zero time: abort (RST), no TIME_WAIT */
		tcp_disconnect(sk, 0);
	} else if (tcp_close_state(sk)) {
		tcp_send_fin(sk);
	}

	if (timeout && sk->sk_state != TCP_CLOSE) {
		/* SO_LINGER: wait for the FIN to be acknowledged, or the time */
		int err = 0;

		while ((1 << sk->sk_state) & (TCPF(TCP_FIN_WAIT1) | TCPF(TCP_CLOSING) |
					      TCPF(TCP_LAST_ACK))) {
			if (!tcp_wait_event(sk, &timeout, &err,
					    !((1 << sk->sk_state) &
					      (TCPF(TCP_FIN_WAIT1) | TCPF(TCP_CLOSING) |
					       TCPF(TCP_LAST_ACK)))))
				break;
		}
	}

adjudge:
	/* sock_orphan() with the lock already held */
	sock_set_flag(sk, SOCK_DEAD);
	sk->sk_socket = NULL;
	atomic_inc(&tcp_orphan_count);
	/* an orphan waits for the peer's FIN only so long (TCP_LINGER2) */
	if (sk->sk_state == TCP_FIN_WAIT2)
		tcp_reset_keepalive_timer(sk, tp->linger2 > 0 ? (unsigned long)tp->linger2 : TCP_FIN_TIMEOUT);
	if (sk->sk_state == TCP_CLOSE)
		tcp_destroy_sock(sk);
	release_sock(sk);
	mutex_unlock(&tp->sk_mutex);
	sock_put(sk);
}

/* ---------- options ---------- */

static int tcp_setsockopt(struct sock *sk, int level, int optname,
			  const void __user *optval, unsigned int optlen)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int val, err = 0;

	if (level != SOL_TCP)
		return ip_setsockopt(sk, level, optname, optval, optlen);
	if (optname == TCP_CONGESTION) {
		char name[16] = "";

		if (copy_from_user(name, optval, min_t(unsigned int, optlen, sizeof(name) - 1)))
			return -EFAULT;
		return !strcmp(name, "reno") ? 0 : -ENOENT;
	}
	if (optlen < sizeof(int))
		return -EINVAL;
	if (get_user(val, (const int __user *)optval))
		return -EFAULT;

	lock_sock(sk);
	switch (optname) {
	case TCP_NODELAY:
		if (val)
			tp->nonagle |= TCP_NAGLE_OFF;
		else
			tp->nonagle &= ~TCP_NAGLE_OFF;
		if (val)
			tcp_push_pending_frames(sk);
		break;
	case TCP_CORK:
		if (val) {
			tp->nonagle |= TCP_NAGLE_CORK;
		} else {
			tp->nonagle &= ~TCP_NAGLE_CORK;
			tcp_push_pending_frames(sk);
		}
		break;
	case TCP_MAXSEG:
		/* before the connection only; Linux's bounds */
		if (val && (val < (int)TCP_MIN_MSS || val > 65535 - 40)) {
			err = -EINVAL;
			break;
		}
		tp->user_mss = val;
		break;
	case TCP_KEEPIDLE:
		if (val < 1 || val > MAX_TCP_KEEPIDLE) {
			err = -EINVAL;
			break;
		}
		tp->keepalive_time = val * HZ;
		if (sock_flag(sk, SOCK_KEEPOPEN) &&
		    !((1 << sk->sk_state) & (TCPF(TCP_CLOSE) | TCPF(TCP_LISTEN))))
			tcp_reset_keepalive_timer(sk, tp->keepalive_time);
		break;
	case TCP_KEEPINTVL:
		if (val < 1 || val > MAX_TCP_KEEPINTVL)
			err = -EINVAL;
		else
			tp->keepalive_intvl = val * HZ;
		break;
	case TCP_KEEPCNT:
		if (val < 1 || val > MAX_TCP_KEEPCNT)
			err = -EINVAL;
		else
			tp->keepalive_probes = val;
		break;
	case TCP_SYNCNT:
		if (val < 1 || val > MAX_TCP_SYNCNT)
			err = -EINVAL;
		else
			inet_csk(sk)->icsk_syn_retries = val;
		break;
	case TCP_LINGER2:
		if (val < 0)
			tp->linger2 = -1;
		else if (val > (int)(TCP_FIN_TIMEOUT / HZ))
			tp->linger2 = 0;
		else
			tp->linger2 = val * HZ;
		break;
	case TCP_DEFER_ACCEPT:
		break;		/* accepted; connections are handed over at once */
	case TCP_WINDOW_CLAMP:
		if (!val) {
			if (sk->sk_state != TCP_CLOSE)
				err = -EINVAL;
			break;
		}
		tp->window_clamp = max_t(int, val, SOCK_MIN_RCVBUF / 2);
		break;
	case TCP_QUICKACK:
		if (val)
			inet_csk(sk)->icsk_ack.quick = 16;
		inet_csk(sk)->icsk_ack.pingpong = !val;
		break;
	case TCP_USER_TIMEOUT:
		if (val < 0)
			err = -EINVAL;
		else
			tp->user_timeout = val;
		break;
	default:
		err = -ENOPROTOOPT;
	}
	release_sock(sk);
	return err;
}

static void tcp_get_info(struct sock *sk, struct tcp_info *info)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_connection_sock *icsk = inet_csk(sk);
	u32 now = jiffies;

	memset(info, 0, sizeof(*info));
	info->tcpi_state = sk->sk_state;
	info->tcpi_ca_state = icsk->icsk_ca_state;
	info->tcpi_retransmits = icsk->icsk_retransmits;
	info->tcpi_probes = icsk->icsk_probes_out;
	info->tcpi_backoff = icsk->icsk_backoff;
	if (tp->rx_opt.tstamp_ok)
		info->tcpi_options |= TCPI_OPT_TIMESTAMPS;
	if (tp->rx_opt.wscale_ok) {
		info->tcpi_options |= TCPI_OPT_WSCALE;
		info->tcpi_snd_wscale = tp->rx_opt.snd_wscale;
		info->tcpi_rcv_wscale = tp->rx_opt.rcv_wscale;
	}
	info->tcpi_rto = jiffies_to_msecs(icsk->icsk_rto) * 1000;
	info->tcpi_ato = jiffies_to_msecs(icsk->icsk_ack.ato ? : TCP_ATO_MIN) * 1000;
	info->tcpi_snd_mss = tp->mss_cache;
	info->tcpi_rcv_mss = tp->rcv_mss;
	info->tcpi_unacked = tp->packets_out;
	info->tcpi_last_data_sent = jiffies_to_msecs(now - tp->lsndtime);
	info->tcpi_last_data_recv = jiffies_to_msecs(now - tp->lrcvtime);
	info->tcpi_last_ack_recv = jiffies_to_msecs(now - tp->rcv_tstamp);
	info->tcpi_pmtu = tp->pmtu;
	info->tcpi_rcv_ssthresh = tp->window_clamp;
	info->tcpi_rtt = tp->srtt_us >> 3;
	info->tcpi_rttvar = tp->mdev_us >> 2;
	info->tcpi_snd_ssthresh = tp->snd_ssthresh;
	info->tcpi_snd_cwnd = tp->snd_cwnd;
	info->tcpi_advmss = tp->advmss;
	info->tcpi_reordering = 3;
	info->tcpi_rcv_space = tcp_space(sk);
	info->tcpi_total_retrans = tp->total_retrans;
	info->tcpi_bytes_acked = tp->bytes_acked;
	info->tcpi_bytes_received = tp->bytes_received;
	info->tcpi_segs_out = tp->segs_out;
	info->tcpi_segs_in = tp->segs_in;
	info->tcpi_notsent_bytes = tp->write_seq - tp->snd_nxt;
	info->tcpi_data_segs_in = tp->data_segs_in;
	info->tcpi_data_segs_out = tp->data_segs_out;
	info->tcpi_bytes_sent = tp->bytes_sent;
	info->tcpi_snd_wnd = tp->snd_wnd;
}

static int tcp_getsockopt(struct sock *sk, int level, int optname,
			  char __user *optval, int __user *optlen)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int len, val;

	if (level != SOL_TCP)
		return ip_getsockopt(sk, level, optname, optval, optlen);
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;

	switch (optname) {
	case TCP_INFO: {
		struct tcp_info info;

		lock_sock(sk);
		tcp_get_info(sk, &info);
		release_sock(sk);
		len = min_t(unsigned int, len, sizeof(info));
		if (put_user(len, optlen) || copy_to_user(optval, &info, len))
			return -EFAULT;
		return 0;
	}
	case TCP_CONGESTION: {
		static const char name[16] = "reno";

		len = min_t(unsigned int, len, sizeof(name));
		if (put_user(len, optlen) || copy_to_user(optval, name, len))
			return -EFAULT;
		return 0;
	}
	case TCP_NODELAY:	val = !!(tp->nonagle & TCP_NAGLE_OFF); break;
	case TCP_CORK:		val = !!(tp->nonagle & TCP_NAGLE_CORK); break;
	case TCP_MAXSEG:
		val = tp->mss_cache;
		if (tp->user_mss && ((1 << sk->sk_state) & (TCPF(TCP_CLOSE) | TCPF(TCP_LISTEN))))
			val = tp->user_mss;
		break;
	case TCP_KEEPIDLE:	val = keepalive_time_when(tp) / HZ; break;
	case TCP_KEEPINTVL:	val = keepalive_intvl_when(tp) / HZ; break;
	case TCP_KEEPCNT:	val = keepalive_probes(tp); break;
	case TCP_SYNCNT:	val = inet_csk(sk)->icsk_syn_retries ? : TCP_SYN_RETRIES; break;
	case TCP_LINGER2:
		val = tp->linger2;
		if (val >= 0)
			val = (val ? : (int)TCP_FIN_TIMEOUT) / HZ;
		break;
	case TCP_DEFER_ACCEPT:	val = 0; break;
	case TCP_WINDOW_CLAMP:	val = tp->window_clamp; break;
	case TCP_QUICKACK:	val = !inet_csk(sk)->icsk_ack.pingpong; break;
	case TCP_USER_TIMEOUT:	val = tp->user_timeout; break;
	default:
		return -ENOPROTOOPT;
	}
	len = min_t(unsigned int, len, sizeof(int));
	if (put_user(len, optlen) || copy_to_user(optval, &val, len))
		return -EFAULT;
	return 0;
}

static int tcp_ioctl(struct sock *sk, int cmd, unsigned long arg)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int answ;

	switch (cmd) {
	case SIOCINQ:
		if (sk->sk_state == TCP_LISTEN)
			return -EINVAL;
		answ = READ_ONCE(tp->rcv_queued);	/* unread bytes; a FIN is none */
		break;
	case SIOCATMARK:
		/* urgent data is read inline and never marked: never at the mark */
		answ = 0;
		break;
	case SIOCOUTQ:
		if (sk->sk_state == TCP_LISTEN)
			return -EINVAL;
		answ = (1 << sk->sk_state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV)) ?
		       0 : (int)(tp->write_seq - tp->snd_una);
		break;
	case SIOCOUTQNSD:
		if (sk->sk_state == TCP_LISTEN)
			return -EINVAL;
		answ = (1 << sk->sk_state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV)) ?
		       0 : (int)(tp->write_seq - tp->snd_nxt);
		break;
	default:
		return -ENOIOCTLCMD;
	}
	return put_user(answ, (int __user *)arg);
}

static struct sock *tcp_accept(struct sock *sk, int flags, int *err, bool kern)
{
	(void)kern;
	return inet_csk_accept(sk, flags, err);
}

static int tcp_get_port(struct sock *sk, unsigned short snum)
{
	return inet_csk_get_port(sk, snum);
}

static int tcp_hash(struct sock *sk)
{
	inet_hash(sk);
	return 0;
}

struct proto tcp_prot = {
	.name		= "TCP",
	.close		= tcp_close,
	.connect	= tcp_v4_connect,
	.disconnect	= tcp_disconnect_unlocked,
	.accept		= tcp_accept,
	.ioctl		= tcp_ioctl,
	.init		= tcp_v4_init_sock,
	.shutdown	= tcp_shutdown,
	.setsockopt	= tcp_setsockopt,
	.getsockopt	= tcp_getsockopt,
	.sendmsg	= tcp_sendmsg,
	.recvmsg	= tcp_recvmsg,
	.get_port	= tcp_get_port,
	.hash		= tcp_hash,
	.unhash		= inet_unhash,
	.obj_size	= sizeof(struct tcp_sock),
};

/* ---------- /proc/net/tcp ---------- */

/* Linux pads every line to 149 characters, so readers may seek by line. */
#define TCP_SEQ_WIDTH	149

/* /proc shows times in USER_HZ (100) ticks. */
static unsigned long jiffies_to_clock_t(unsigned long j)
{
	return jiffies_to_msecs(j) / 10;
}

/* One line as Linux prints it: addresses as the raw network-order words. */
static void tcp_seq_line(struct seq_file *m, struct sock *sk, int i)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct inet_sock *inet = inet_sk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	struct socket *sock = sk->sk_socket;
	unsigned long when = 0;
	int timer = 0, rxq, txq;
	char line[TCP_SEQ_WIDTH + 64];

	if (icsk->icsk_pending == ICSK_TIME_RETRANS) {
		timer = 1;
		when = icsk->icsk_timeout - jiffies;
	} else if (icsk->icsk_pending == ICSK_TIME_PROBE0) {
		timer = 4;
		when = icsk->icsk_timeout - jiffies;
	} else if (timer_pending(&sk->sk_timer) &&
		   (sk->sk_state == TCP_TIME_WAIT || sk->sk_state == TCP_FIN_WAIT2 ||
		    sock_flag(sk, SOCK_KEEPOPEN))) {
		/* sk_timer stays armed for a later SO_KEEPALIVE: show it when it means something */
		timer = sk->sk_state == TCP_TIME_WAIT ? 3 : 2;
		when = sk->sk_timer.expires - jiffies;
	}
	if ((long)when < 0)
		when = 0;
	if (sk->sk_state == TCP_LISTEN) {
		rxq = sk->sk_ack_backlog;	/* (ss shows the backlog; this file does not) */
		txq = 0;
	} else {
		rxq = tp->rcv_queued;	/* unread bytes: a FIN is not one */
		txq = tp->write_seq - tp->snd_una;
	}
	scnprintf(line, sizeof(line),
		  "%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %pK %lu %lu %u %u %d",
		  i, inet->inet_rcv_saddr, inet->inet_num, inet->inet_daddr,
		  ntohs(inet->inet_dport), sk->sk_state, txq, rxq, timer,
		  jiffies_to_clock_t(when),
		  icsk->icsk_retransmits, sock ? (unsigned int)sock->inode->i_uid : 0U,
		  icsk->icsk_probes_out, sock ? sock->inode->i_ino : 0UL,
		  refcount_read(&sk->sk_refcnt), sk,
		  jiffies_to_clock_t(icsk->icsk_rto), jiffies_to_clock_t(icsk->icsk_ack.ato),
		  (icsk->icsk_ack.quick << 1) | icsk->icsk_ack.pingpong, tp->snd_cwnd,
		  sk->sk_state == TCP_LISTEN ? -1 :
		  (tp->snd_ssthresh >= 0xffff ? -1 : (int)tp->snd_ssthresh));
	seq_printf(m, "%-*s\n", TCP_SEQ_WIDTH, line);
}

int tcp_seq_show(struct seq_file *m, void *v)
{
	struct inet_connection_sock *icsk;
	int i, n = 0;

	(void)v;
	seq_printf(m, "%-*s\n", TCP_SEQ_WIDTH,
		   "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode");
	spin_lock_bh(&tcp_hashinfo.lock);
	for (i = 0; i < INET_LHASH_SIZE; i++)
		hlist_for_each_entry(icsk, &tcp_hashinfo.lhash[i], icsk_hash_node)
			tcp_seq_line(m, &icsk->icsk_inet.sk, n++);
	for (i = 0; i < INET_EHASH_SIZE; i++)
		hlist_for_each_entry(icsk, &tcp_hashinfo.ehash[i], icsk_hash_node)
			tcp_seq_line(m, &icsk->icsk_inet.sk, n++);
	spin_unlock_bh(&tcp_hashinfo.lock);
	return 0;
}

/* ---------- the proto_ops of SOCK_STREAM ---------- */

static int inet_stream_connect(struct socket *sock, struct sockaddr *uaddr, int addr_len,
			       int flags)
{
	struct sock *sk = sock->sk;
	struct tcp_sock *tp = tcp_sk(sk);
	long timeo;
	int err;

	if (addr_len < (int)sizeof(uaddr->sa_family))
		return -EINVAL;
	mutex_lock(&tp->sk_mutex);
	lock_sock(sk);
	if (uaddr->sa_family == AF_UNSPEC) {
		err = tcp_disconnect(sk, flags);
		sock->state = err ? SS_DISCONNECTING : SS_UNCONNECTED;
		goto out;
	}
	switch (sock->state) {
	case SS_CONNECTED:
		err = -EISCONN;
		goto out;
	case SS_CONNECTING:
		err = -EALREADY;
		break;
	case SS_UNCONNECTED:
		err = -EISCONN;
		if (sk->sk_state != TCP_CLOSE)
			goto out;
		err = tcp_v4_connect(sk, uaddr, addr_len);
		if (err < 0)
			goto out;
		sock->state = SS_CONNECTING;
		err = -EINPROGRESS;
		break;
	default:
		err = -EINVAL;
		goto out;
	}

	timeo = sock_sndtimeo(sk, flags & O_NONBLOCK);
	if ((1 << sk->sk_state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV))) {
		int werr = err;

		if (!timeo)
			goto out;	/* EINPROGRESS or EALREADY */
		while ((1 << sk->sk_state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV))) {
			if (!tcp_wait_event(sk, &timeo, &werr,
					    !((1 << sk->sk_state) &
					      (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV))))) {
				/* SO_SNDTIMEO ran out: still in progress, as Linux says */
				if (werr != -EAGAIN)
					err = werr;
				goto out;
			}
		}
	}
	if (sk->sk_state == TCP_CLOSE) {
		/* refused, reset, timed out */
		err = sock_error(sk) ? : -ECONNABORTED;
		sock->state = SS_UNCONNECTED;
		tcp_disconnect(sk, flags);
		sk->sk_err = 0;
		goto out;
	}
	sock->state = SS_CONNECTED;
	err = 0;
out:
	release_sock(sk);
	mutex_unlock(&tp->sk_mutex);
	return err;
}

static int inet_listen(struct socket *sock, int backlog)
{
	struct sock *sk = sock->sk;
	int err = -EINVAL;

	if (sock->state != SS_UNCONNECTED || sock->type != SOCK_STREAM)
		return -EINVAL;
	lock_sock(sk);
	if (sk->sk_state == TCP_LISTEN) {
		sk->sk_max_ack_backlog = backlog;	/* only the backlog changes */
		err = 0;
	} else if (sk->sk_state == TCP_CLOSE) {
		err = inet_csk_listen_start(sk, backlog);
	}
	release_sock(sk);
	return err;
}

static int inet_accept(struct socket *sock, struct socket *newsock, int flags)
{
	struct sock *sk = sock->sk, *child;
	int err = -EINVAL;

	child = sk->sk_prot->accept(sk, flags, &err, false);
	if (!child)
		return err;
	lock_sock(child);
	child->sk_socket = newsock;
	child->sk_type = newsock->type;
	newsock->sk = child;
	newsock->state = SS_CONNECTED;
	release_sock(child);
	atomic_inc(&child->sk_prot->inuse);	/* inet_release counts it out */
	return 0;
}

static __poll_t tcp_poll(struct file *file, struct socket *sock, poll_table *wait)
{
	struct sock *sk = sock->sk;
	struct tcp_sock *tp = tcp_sk(sk);
	int state = READ_ONCE(sk->sk_state);
	__poll_t mask = 0;

	poll_wait(file, sk_sleep(sk), wait);
	if (state == TCP_LISTEN)
		return list_empty(&inet_csk(sk)->icsk_accept_queue) ? 0 : POLLIN | POLLRDNORM;

	if (sk->sk_shutdown == SHUTDOWN_MASK || state == TCP_CLOSE)
		mask |= POLLHUP;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= POLLIN | POLLRDNORM | POLLRDHUP;

	/* connected, or closed: the handshake states are neither readable nor writable */
	if (!((1 << state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV)))) {
		int target = max(sk->sk_rcvlowat, 1);

		if ((int)(READ_ONCE(tp->rcv_nxt) - READ_ONCE(tp->copied_seq)) >= target ||
		    (!skb_queue_empty(&sk->sk_receive_queue) &&
		     (int)tp->rcv_queued >= target))
			mask |= POLLIN | POLLRDNORM;
		if (!(sk->sk_shutdown & SEND_SHUTDOWN)) {
			/* writable once half the buffer is free, as Linux */
			if ((int)(sk->sk_sndbuf - tp->wmem_queued) >= (int)(tp->wmem_queued / 2))
				mask |= POLLOUT | POLLWRNORM;
		} else {
			mask |= POLLOUT | POLLWRNORM;
		}
	}
	if (sk->sk_err)
		mask |= POLLERR;
	return mask;
}

static int inet_stream_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	int err = tcp_ioctl(sock->sk, cmd, arg);

	return err == -ENOIOCTLCMD ? inet_ioctl(sock, cmd, arg) : err;
}

static int inet_stream_sendmsg(struct socket *sock, struct msghdr *msg, size_t size)
{
	return tcp_sendmsg(sock->sk, msg, size);
}

static int inet_stream_recvmsg(struct socket *sock, struct msghdr *msg, size_t size, int flags)
{
	int addr_len = 0;

	msg->msg_namelen = 0;
	return tcp_recvmsg(sock->sk, msg, size, flags, &addr_len);
}

static int inet_stream_setsockopt(struct socket *sock, int level, int optname,
				  const void __user *optval, unsigned int optlen)
{
	return tcp_setsockopt(sock->sk, level, optname, optval, optlen);
}

static int inet_stream_getsockopt(struct socket *sock, int level, int optname,
				  char __user *optval, int __user *optlen)
{
	return tcp_getsockopt(sock->sk, level, optname, optval, optlen);
}

const struct proto_ops inet_stream_ops = {
	.family		= PF_INET,
	.release	= inet_release,
	.bind		= inet_bind,
	.connect	= inet_stream_connect,
	.socketpair	= sock_no_socketpair,
	.accept		= inet_accept,
	.getname	= inet_getname,
	.poll		= tcp_poll,
	.ioctl		= inet_stream_ioctl,
	.listen		= inet_listen,
	.shutdown	= inet_shutdown,
	.setsockopt	= inet_stream_setsockopt,
	.getsockopt	= inet_stream_getsockopt,
	.sendmsg	= inet_stream_sendmsg,
	.recvmsg	= inet_stream_recvmsg,
};

static int __init tcp_init(void)
{
	return tcp_v4_init();
}
device_initcall(tcp_init);
