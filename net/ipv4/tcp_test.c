// SPDX-License-Identifier: GPL-2.0
/*
 * ktest=tcp: loss recovery, which loopback never needs.  Two kernel
 * sockets talk over 127.0.0.1 while tcp_test_drop loses chosen data
 * segments on the way out: one early in a flight, so the segments after
 * it arrive out of order, their duplicate ACKs trigger fast retransmit
 * and the receiver fills the hole from its out-of-order queue; and the
 * very last, which no later segment reports, so only the retransmission
 * timeout can recover it.  The receiver must get every byte in order,
 * and each loss must have been found the way it should (the congestion
 * state at its retransmission: Recovery, then Loss).  Then a receiver
 * with a 4 KiB window loses the ACK that reopens it: the sender must
 * discover the open window by its zero-window probes.  Last, a peer
 * that falls silent fails an idle connection by keepalive (ETIMEDOUT).
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/ktest.h>
#include <linux/net.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <net/tcp.h>
#include <uapi/linux/in.h>

#define TEST_BYTES	40000
#define TEST_MSS	1000

static struct sock *victim;
static u32 victim_end;			/* sequence number after the last byte */
static u32 early_seq, tail_seq;
static unsigned int data_segs, dropped_early, dropped_tail;
/* the congestion state each lost segment was resent in: how it was found lost */
static int early_resent_in = -1, tail_resent_in = -1;

static bool test_drop(struct sock *sk, u32 seq, u8 flags, unsigned int len)
{
	if (sk != victim || !len)
		return false;
	data_segs++;
	if (dropped_early && seq == early_seq && early_resent_in < 0)
		early_resent_in = inet_csk(sk)->icsk_ca_state;
	if (dropped_tail && seq == tail_seq && tail_resent_in < 0)
		tail_resent_in = inet_csk(sk)->icsk_ca_state;
	if (data_segs == 3 && !dropped_early) {
		dropped_early = 1;
		early_seq = seq;
		return true;
	}
	if (seq + len == victim_end && !dropped_tail) {
		dropped_tail = 1;
		tail_seq = seq;
		return true;
	}
	return false;
}

static int kmsg(struct socket *sock, void *buf, size_t len, bool send)
{
	struct iovec iov = { .iov_base = buf, .iov_len = len };
	struct msghdr msg;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iter = (struct msg_iter){ .kernel = true, .iov = &iov, .nr_segs = 1,
					  .count = len };
	if (send)
		return sock->ops->sendmsg(sock, &msg, len);
	return sock->ops->recvmsg(sock, &msg, len, MSG_WAITALL);
}

/*
 * A connected pair over lo through a listener; the client's MSS is @mss,
 * the accepted side's buffer @rcvbuf (0: the default) from the start.
 */
static int tcp_pair(struct socket **lp, struct socket **cp, struct socket **sp, int mss,
		    int rcvbuf)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int err;

	err = sock_create(AF_INET, SOCK_STREAM, 0, lp);
	if (err)
		return err;
	err = sock_create(AF_INET, SOCK_STREAM, 0, cp);
	if (err)
		return err;
	err = (*lp)->ops->bind(*lp, (struct sockaddr *)&a, sizeof(a));
	if (!err)
		err = (*lp)->ops->listen(*lp, 1);
	if (err)
		return err;
	a.sin_port = inet_sk((*lp)->sk)->inet_sport;
	if (rcvbuf)
		(*lp)->sk->sk_rcvbuf = rcvbuf;	/* as SO_RCVBUF, which children inherit */
	tcp_sk((*cp)->sk)->user_mss = mss;	/* as TCP_MAXSEG */
	err = (*cp)->ops->connect(*cp, (struct sockaddr *)&a, sizeof(a), 0);
	if (err)
		return err;
	*sp = sock_alloc();
	if (!*sp)
		return -ENOMEM;
	(*sp)->type = SOCK_STREAM;
	(*sp)->ops = (*lp)->ops;
	return (*lp)->ops->accept(*lp, *sp, 0);
}

/*
 * Phase 2: a receiver with a small buffer closes its window; the ACK
 * that reopens it is lost, so the sender must find out by probing the
 * zero window (RFC 9293 3.8.6.1).
 */
static struct sock *zw_receiver, *zw_sender;
static unsigned int zw_updates_lost, zw_probes;

static bool zw_drop(struct sock *sk, u32 seq, u8 flags, unsigned int len)
{
	if (sk == zw_sender && !len && seq == tcp_sk(sk)->snd_una - 1)
		zw_probes++;
	if (sk == zw_receiver && !len && flags == TCPHDR_ACK && !zw_updates_lost &&
	    tcp_sk(sk)->rcv_queued == 0 && tcp_space(sk) > 0) {
		zw_updates_lost++;	/* the window update after the reader drained it */
		return true;
	}
	return false;
}

static int tcp_zero_window_phase(u8 *out, u8 *in)
{
	struct socket *l = NULL, *c = NULL, *s = NULL;
	int err;

	err = tcp_pair(&l, &c, &s, TEST_MSS, 8192);	/* a 4 KiB window */
	if (err)
		goto out;
	zw_receiver = s->sk;
	zw_sender = c->sk;
	err = kmsg(c, out, TEST_BYTES / 2, true);
	if (err != TEST_BYTES / 2)
		goto short_io;
	tcp_test_drop = zw_drop;
	memset(in, 0, TEST_BYTES);
	err = kmsg(s, in, TEST_BYTES / 2, false);
	tcp_test_drop = NULL;
	if (err != TEST_BYTES / 2)
		goto short_io;
	pr_info("ktest: tcp: zero window: %u window update lost, %u probes\n",
		zw_updates_lost, zw_probes);
	err = 0;
	if (!KTEST_EXPECT(zw_updates_lost == 1) || !KTEST_EXPECT(zw_probes >= 1) ||
	    !KTEST_EXPECT(!memcmp(in, out, TEST_BYTES / 2)))
		err = -EIO;
	goto out;
short_io:
	pr_err("ktest: tcp: zero window: transfer returned %d\n", err);
	err = err < 0 ? err : -EIO;
out:
	tcp_test_drop = NULL;
	if (s)
		sock_release(s);
	if (c)
		sock_release(c);
	if (l)
		sock_release(l);
	return err;
}

/*
 * Phase 3: the peer falls silent (everything it sends is lost): keepalive
 * probes go unanswered and, after TCP_KEEPCNT of them, a reader blocked
 * on the connection gets ETIMEDOUT.
 */
static struct sock *ka_silent;
static unsigned int ka_lost;

static bool ka_drop(struct sock *sk, u32 seq, u8 flags, unsigned int len)
{
	if (sk != ka_silent)
		return false;
	ka_lost++;
	return true;
}

static int tcp_keepalive_phase(void)
{
	struct socket *l = NULL, *c = NULL, *s = NULL;
	unsigned long t0;
	char byte;
	int err;

	err = tcp_pair(&l, &c, &s, TEST_MSS, 0);
	if (err)
		goto out;
	/* SO_KEEPALIVE, TCP_KEEPIDLE 1, TCP_KEEPINTVL 1, TCP_KEEPCNT 2 */
	lock_sock(c->sk);
	sock_set_flag(c->sk, SOCK_KEEPOPEN);
	tcp_sk(c->sk)->keepalive_time = HZ;
	tcp_sk(c->sk)->keepalive_intvl = HZ;
	tcp_sk(c->sk)->keepalive_probes = 2;
	tcp_reset_keepalive_timer(c->sk, HZ);
	release_sock(c->sk);
	ka_silent = s->sk;
	tcp_test_drop = ka_drop;
	t0 = jiffies;
	err = kmsg(c, &byte, 1, false);
	tcp_test_drop = NULL;
	pr_info("ktest: tcp: keepalive: read returned %d after %u ms, %u answers lost\n",
		err, jiffies_to_msecs(jiffies - t0), ka_lost);
	if (!KTEST_EXPECT(err == -ETIMEDOUT) || !KTEST_EXPECT(ka_lost >= 2) ||
	    !KTEST_EXPECT(c->sk->sk_state == TCP_CLOSE))
		err = -EIO;
	else
		err = 0;
out:
	tcp_test_drop = NULL;
	if (s)
		sock_release(s);
	if (c)
		sock_release(c);
	if (l)
		sock_release(l);
	return err;
}

static int tcp_loss_test(void)
{
	struct socket *l = NULL, *c = NULL, *s = NULL;
	u8 *out = NULL, *in = NULL;
	unsigned long t0;
	int err, i;

	out = kmalloc(TEST_BYTES, GFP_KERNEL);
	in = kzalloc(TEST_BYTES, GFP_KERNEL);
	err = -ENOMEM;
	if (!out || !in)
		goto out;
	for (i = 0; i < TEST_BYTES; i++)
		out[i] = i * 7 + (i >> 8);

	err = tcp_pair(&l, &c, &s, TEST_MSS, 0);
	if (err)
		goto out;

	victim = c->sk;
	victim_end = tcp_sk(c->sk)->write_seq + TEST_BYTES;
	tcp_test_drop = test_drop;
	t0 = jiffies;
	err = kmsg(c, out, TEST_BYTES, true);
	if (err != TEST_BYTES) {
		pr_err("ktest: tcp: send returned %d\n", err);
		err = err < 0 ? err : -EIO;
		goto out;
	}
	err = kmsg(s, in, TEST_BYTES, false);
	tcp_test_drop = NULL;
	if (err != TEST_BYTES) {
		pr_err("ktest: tcp: receive returned %d\n", err);
		err = err < 0 ? err : -EIO;
		goto out;
	}
	pr_info("ktest: tcp: %d bytes in %u data segments, 2 lost, %u retransmitted, in %u ms\n",
		TEST_BYTES, data_segs, tcp_sk(c->sk)->total_retrans,
		jiffies_to_msecs(jiffies - t0));
	err = 0;
	if (!KTEST_EXPECT(dropped_early && dropped_tail) ||
	    !KTEST_EXPECT(!memcmp(in, out, TEST_BYTES)) ||
	    !KTEST_EXPECT(tcp_sk(c->sk)->total_retrans >= 2) ||
	    /* three duplicate ACKs found the first, the timer the last */
	    !KTEST_EXPECT(early_resent_in == TCP_CA_Recovery) ||
	    !KTEST_EXPECT(tail_resent_in == TCP_CA_Loss) ||
	    !KTEST_EXPECT(tcp_sk(c->sk)->mss_cache <= TEST_MSS) ||
	    !KTEST_EXPECT(skb_queue_empty(&tcp_sk(s->sk)->out_of_order_queue)))
		err = -EIO;
	if (!err)
		err = tcp_zero_window_phase(out, in);
	if (!err)
		err = tcp_keepalive_phase();
out:
	tcp_test_drop = NULL;
	victim = NULL;
	if (s)
		sock_release(s);
	if (c)
		sock_release(c);
	if (l)
		sock_release(l);
	kfree(out);
	kfree(in);
	return err;
}
DEFINE_KTEST(tcp, tcp_loss_test);
