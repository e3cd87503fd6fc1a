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
 * state at its retransmission: Recovery, then Loss).
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

static int tcp_loss_test(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
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

	err = sock_create(AF_INET, SOCK_STREAM, 0, &l);
	if (err)
		goto out;
	err = sock_create(AF_INET, SOCK_STREAM, 0, &c);
	if (err)
		goto out;
	err = l->ops->bind(l, (struct sockaddr *)&a, sizeof(a));
	if (!err)
		err = l->ops->listen(l, 1);
	if (err)
		goto out;
	a.sin_port = inet_sk(l->sk)->inet_sport;
	tcp_sk(c->sk)->user_mss = TEST_MSS;	/* many small segments, as TCP_MAXSEG */
	err = c->ops->connect(c, (struct sockaddr *)&a, sizeof(a), 0);
	if (err)
		goto out;
	err = -ENOMEM;
	s = sock_alloc();
	if (!s)
		goto out;
	s->type = SOCK_STREAM;
	s->ops = l->ops;
	err = l->ops->accept(l, s, 0);
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
