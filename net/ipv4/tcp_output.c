// SPDX-License-Identifier: GPL-2.0
/*
 * TCP output: turning the write queue into segments.  The write queue
 * (sk->sk_write_queue) holds the payload of every segment not yet
 * acknowledged, each buffer one segment's worth with its sequence numbers
 * in TCP_SKB_CB; sk_send_head marks the first one never sent.  Sending
 * builds a fresh packet (headers in front of a copy of the payload), so
 * the queued buffer stays for retransmission until the ACK frees it.
 *
 * What may be sent is the smallest of three limits: the peer's window
 * (snd_una + snd_wnd), the congestion window (snd_cwnd segments in
 * flight), and Nagle's rule (RFC 896: a segment smaller than the MSS
 * waits while data is unacknowledged, unless TCP_NODELAY).
 */
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/snmp.h>
#include <net/tcp.h>
#include <uapi/linux/in.h>

/* ---------- options ---------- */

struct tcp_out_options {
	u16 mss;		/* 0: none */
	u8 ws;			/* wscale + 1, 0: none */
	bool ts;
	u32 tsval, tsecr;
};

static unsigned int tcp_options_size(const struct tcp_out_options *o)
{
	return (o->mss ? TCPOLEN_MSS : 0) + (o->ts ? TCPOLEN_TSTAMP_ALIGNED : 0) +
	       (o->ws ? 4 : 0);
}

static void tcp_options_write(u8 *p, const struct tcp_out_options *o)
{
	if (o->mss) {
		*p++ = TCPOPT_MSS;
		*p++ = TCPOLEN_MSS;
		*p++ = o->mss >> 8;
		*p++ = o->mss & 0xff;
	}
	if (o->ts) {
		__be32 v;

		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_TIMESTAMP;
		*p++ = TCPOLEN_TIMESTAMP;
		v = htonl(o->tsval);
		memcpy(p, &v, 4);
		v = htonl(o->tsecr);
		memcpy(p + 4, &v, 4);
		p += 8;
	}
	if (o->ws) {
		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_WINDOW;
		*p++ = TCPOLEN_WINDOW;
		*p++ = o->ws - 1;
	}
}

/* ---------- the receive window we announce ---------- */

/* The window for a SYN or SYN-ACK, and the shift we will scale by (RFC 7323). */
u32 tcp_select_initial_window(struct sock *sk, u8 *wscale)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 space = max_t(u32, sk->sk_rcvbuf, TCP_RMEM_MAX) / 2;
	u8 ws = 0;

	while (space > TCP_MAXWIN && ws < TCP_MAX_WSCALE) {
		space >>= 1;
		ws++;
	}
	*wscale = ws;
	tp->window_clamp = TCP_MAXWIN << ws;
	/* whole segments, as Linux: on lo exactly one (a SYN's window is unscaled) */
	tp->rcv_wnd = min_t(u32, tcp_space(sk), TCP_MAXWIN);
	if (tp->advmss && tp->rcv_wnd > tp->advmss)
		tp->rcv_wnd -= tp->rcv_wnd % tp->advmss;
	return tp->rcv_wnd;
}

/*
 * The window field for a segment we send now.  The right edge we
 * announced (rcv_wup + rcv_wnd) never moves left (RFC 9293 3.8.6.2.2),
 * and a sliver smaller than a segment is not announced (receiver-side
 * silly window avoidance): the reader's drain will announce it whole.
 */
static u16 tcp_select_window(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u8 ws = tp->rx_opt.rcv_wscale;
	u32 cur = tcp_receive_window(tp);
	u32 new = tcp_space(sk);
	u32 mss = max_t(u32, tp->advmss, TCP_MIN_MSS);

	if (new > tp->window_clamp)
		new = tp->window_clamp;
	if (new < mss && new < (u32)sk->sk_rcvbuf / 4)
		new = 0;
	new &= ~((1U << ws) - 1);
	if (new < cur)
		new = ALIGN(cur, 1U << ws);
	if (new > (TCP_MAXWIN << ws))
		new = TCP_MAXWIN << ws;
	tp->rcv_wnd = new;
	tp->rcv_wup = tp->rcv_nxt;
	return new >> ws;
}

bool (*tcp_test_drop)(struct sock *sk, u32 seq, u8 flags, unsigned int len);

/* ---------- building a segment ---------- */

void tcp_v4_send_check(struct sock *sk, struct sk_buff *skb)
{
	struct inet_sock *inet = inet_sk(sk);
	struct tcphdr *th = tcp_hdr(skb);

	th->check = 0;
	th->check = csum_tcpudp_magic(inet->inet_saddr, inet->inet_daddr, skb->len,
				      IPPROTO_TCP, csum_partial(th, skb->len, 0));
}

/*
 * Send one segment: @flags with sequence number @seq and @len bytes of
 * @data.  Every segment but the first SYN carries an ACK of rcv_nxt and
 * our current window; options follow the connection's agreement.
 */
static int tcp_xmit(struct sock *sk, u32 seq, u8 flags, const void *data, unsigned int len)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_sock *inet = inet_sk(sk);
	struct tcp_out_options opts = { };
	struct sk_buff *skb;
	struct tcphdr *th;
	unsigned int hlen;
	int err;

	if (flags & TCPHDR_SYN) {
		opts.mss = tp->advmss;
		if (sk->sk_state == TCP_SYN_SENT || tp->rx_opt.tstamp_ok)
			opts.ts = true;
		if (sk->sk_state == TCP_SYN_SENT || tp->rx_opt.wscale_ok)
			opts.ws = tp->rx_opt.rcv_wscale + 1;
	} else if (tp->rx_opt.tstamp_ok) {
		opts.ts = true;
	}
	if (opts.ts) {
		opts.tsval = tcp_time_stamp() + tp->tsoffset;
		opts.tsecr = tp->rx_opt.ts_recent;
	}
	hlen = sizeof(*th) + tcp_options_size(&opts);

	skb = alloc_skb(MAX_TCP_HEADER + len, GFP_ATOMIC);
	if (!skb)
		return -ENOBUFS;
	skb_reserve(skb, MAX_TCP_HEADER);
	if (len)
		memcpy(skb_put(skb, len), data, len);
	th = skb_push(skb, hlen);
	skb_reset_transport_header(skb);
	memset(th, 0, sizeof(*th));
	th->source = inet->inet_sport;
	th->dest = inet->inet_dport;
	th->seq = htonl(seq);
	th->doff = hlen / 4;
	th->fin = !!(flags & TCPHDR_FIN);
	th->syn = !!(flags & TCPHDR_SYN);
	th->rst = !!(flags & TCPHDR_RST);
	th->psh = !!(flags & TCPHDR_PSH);
	th->urg = !!(flags & TCPHDR_URG);
	if (sk->sk_state != TCP_SYN_SENT) {
		th->ack = 1;
		th->ack_seq = htonl(tp->rcv_nxt);
	}
	if (flags & TCPHDR_SYN)
		th->window = htons(min_t(u32, tp->rcv_wnd, TCP_MAXWIN));
	else
		th->window = htons(tcp_select_window(sk));
	if (th->urg) {
		th->urg_ptr = htons(tp->snd_up - seq);
	}
	tcp_options_write((u8 *)(th + 1), &opts);
	tcp_v4_send_check(sk, skb);

	if (th->ack) {
		/* this carries our ACK: a delayed one is no longer owed */
		inet_csk(sk)->icsk_ack.pending = 0;
		sk_stop_timer(sk, &inet_csk(sk)->icsk_delack_timer);
	}
	tp->segs_out++;
	TCP_INC_STATS(TCP_MIB_OUTSEGS);
	if (th->rst)
		TCP_INC_STATS(TCP_MIB_OUTRSTS);
	if (len) {
		tp->data_segs_out++;
		tp->lsndtime = jiffies;
	}
	if (unlikely(tcp_test_drop) && tcp_test_drop(sk, seq, flags, len)) {
		kfree_skb(skb);
		return 0;
	}
	err = ip_queue_xmit(sk, skb);
	return err > 0 ? 0 : err;
}

/* Send (or resend) the queued segment @skb. */
int tcp_transmit_skb(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	u8 flags = tcb->tcp_flags;

	if (skb->len)
		flags |= TCPHDR_PSH;
	if (after(tcp_sk(sk)->snd_up, tcb->seq) &&
	    !after(tcp_sk(sk)->snd_up, tcb->seq + skb->len))
		flags |= TCPHDR_URG;
	tcb->when = tcp_time_stamp();
	return tcp_xmit(sk, tcb->seq, flags, skb->data, skb->len);
}

/* ---------- the write queue ---------- */

void tcp_skb_set_owner(struct sock *sk, struct sk_buff *skb)
{
	tcp_sk(sk)->wmem_queued += skb->truesize;
}

void tcp_free_skb(struct sock *sk, struct sk_buff *skb)
{
	tcp_sk(sk)->wmem_queued -= skb->truesize;
	kfree_skb(skb);
}

/* Append a segment with no data (SYN, FIN) to the write queue. */
static struct sk_buff *tcp_queue_ctl(struct sock *sk, u8 flags, gfp_t gfp)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb = alloc_skb(0, gfp);

	if (!skb)
		return NULL;
	TCP_SKB_CB(skb)->seq = tp->write_seq;
	TCP_SKB_CB(skb)->end_seq = tp->write_seq + 1;
	TCP_SKB_CB(skb)->tcp_flags = flags;
	TCP_SKB_CB(skb)->sacked = 0;
	tp->write_seq++;
	tcp_skb_set_owner(sk, skb);
	skb_queue_tail(&sk->sk_write_queue, skb);
	if (!sk->sk_send_head)
		sk->sk_send_head = skb;
	return skb;
}

static void tcp_advance_send_head(struct sock *sk, struct sk_buff *skb)
{
	struct sk_buff *next;

	spin_lock(&sk->sk_write_queue.lock);
	next = skb_peek_next(skb, &sk->sk_write_queue);
	spin_unlock(&sk->sk_write_queue.lock);
	sk->sk_send_head = next;
}

/* The MSS for data now: what the peer takes, minus our per-segment options. */
unsigned int tcp_current_mss(struct sock *sk)
{
	return tcp_sk(sk)->mss_cache;
}

/*
 * Split the unsent @skb after @len bytes, the rest becoming a new buffer
 * after it (Linux's tcp_fragment): what fits the window goes now.
 */
static int tcp_fragment(struct sock *sk, struct sk_buff *skb, unsigned int len)
{
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	unsigned int rest = skb->len - len;
	struct sk_buff *buff;

	buff = alloc_skb(rest, GFP_ATOMIC);
	if (!buff)
		return -ENOMEM;
	memcpy(skb_put(buff, rest), skb->data + len, rest);
	skb_trim(skb, len);
	TCP_SKB_CB(buff)->seq = tcb->seq + len;
	TCP_SKB_CB(buff)->end_seq = tcb->end_seq;
	TCP_SKB_CB(buff)->tcp_flags = tcb->tcp_flags;	/* the FIN goes with the tail */
	TCP_SKB_CB(buff)->sacked = 0;
	tcb->end_seq = tcb->seq + len;
	tcb->tcp_flags &= ~TCPHDR_FIN;
	tcp_skb_set_owner(sk, buff);
	spin_lock(&sk->sk_write_queue.lock);
	list_add(&buff->list, &skb->list);
	sk->sk_write_queue.qlen++;
	spin_unlock(&sk->sk_write_queue.lock);
	return 0;
}

/* Set mss_cache from the path MTU and what the peer told us. */
void tcp_sync_mss(struct sock *sk, u32 pmtu)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 mss = pmtu - sizeof(struct iphdr) - sizeof(struct tcphdr);

	/* no MSS option from the peer: RFC 1122's 536 */
	if (mss > (tp->rx_opt.mss_clamp ? : TCP_MSS_DEFAULT))
		mss = tp->rx_opt.mss_clamp ? : TCP_MSS_DEFAULT;
	if (tp->user_mss && mss > tp->user_mss)
		mss = tp->user_mss;
	if (tp->rx_opt.tstamp_ok)
		mss -= TCPOLEN_TSTAMP_ALIGNED;
	if (mss < TCP_MIN_MSS - TCPOLEN_TSTAMP_ALIGNED)
		mss = TCP_MIN_MSS - TCPOLEN_TSTAMP_ALIGNED;
	tp->mss_cache = mss;
}

/* Nagle (RFC 896) and TCP_CORK: may this partial segment go now? */
static bool tcp_nagle_test(const struct tcp_sock *tp, const struct sk_buff *skb,
			   unsigned int mss, bool last)
{
	if (skb->len >= mss || (TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN))
		return true;
	if (!last)
		return true;	/* a later write started a new buffer: this one is done */
	if (tp->nonagle & TCP_NAGLE_CORK)
		return false;
	if (tp->nonagle & TCP_NAGLE_OFF)
		return true;
	return !tp->packets_out;
}

/* Does the segment fit the peer's window?  (A FIN needs no room.) */
static bool tcp_snd_wnd_test(const struct tcp_sock *tp, const struct sk_buff *skb)
{
	u32 end = TCP_SKB_CB(skb)->seq + skb->len;

	return !after(end, tp->snd_una + tp->snd_wnd);
}

/* Send what the windows and Nagle allow; the caller holds the sock lock. */
static void tcp_write_xmit(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	unsigned int mss = tcp_current_mss(sk);
	struct sk_buff *skb;

	lockdep_assert_held(&sk->sk_lock);
	while ((skb = sk->sk_send_head)) {
		bool last = skb_peek_tail(&sk->sk_write_queue) == skb;

		if (tcp_packets_in_flight(tp) >= tp->snd_cwnd)
			break;
		if (!tcp_snd_wnd_test(tp, skb)) {
			/* send what fits if it is worth a segment (RFC 9293 3.8.6.2.1) */
			s32 room = tp->snd_una + tp->snd_wnd - TCP_SKB_CB(skb)->seq;

			if (room <= 0 || (u32)room < min(mss, tp->max_window / 2) ||
			    tcp_fragment(sk, skb, room))
				break;
			last = false;
		}
		if (!tcp_nagle_test(tp, skb, mss, last))
			break;
		/* a local failure (no memory, no route now) is a loss: the timer resends */
		tcp_transmit_skb(sk, skb);
		tcp_advance_send_head(sk, skb);
		tp->snd_nxt = TCP_SKB_CB(skb)->end_seq;
		tp->bytes_sent += skb->len;
		tp->packets_out++;
		if (inet_csk(sk)->icsk_pending != ICSK_TIME_RETRANS)
			inet_csk_reset_xmit_timer(sk, ICSK_TIME_RETRANS, inet_csk(sk)->icsk_rto);
	}
	tcp_check_probe_timer(sk);
}

/*
 * Nothing in flight but data waiting: a closed peer window would stall
 * us forever, since no ACK will come to reopen it; probe it (RFC 9293
 * 3.8.6.1).
 */
void tcp_check_probe_timer(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_connection_sock *icsk = inet_csk(sk);

	if (sk->sk_send_head && !tp->packets_out && !icsk->icsk_pending &&
	    !tcp_snd_wnd_test(tp, sk->sk_send_head))
		inet_csk_reset_xmit_timer(sk, ICSK_TIME_PROBE0, icsk->icsk_rto);
}

void tcp_push_pending_frames(struct sock *sk)
{
	if (sk->sk_send_head)
		tcp_write_xmit(sk);
}

/* Resend a queued segment (a timeout or fast retransmit). */
int tcp_retransmit_skb(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	int err;

	/* the head may be partly acknowledged: send only what is not */
	if (before(tcb->seq, tp->snd_una) && skb->len) {
		u32 acked = tp->snd_una - tcb->seq;

		if (acked > skb->len)
			acked = skb->len;
		skb_pull(skb, acked);
		tcb->seq += acked;
	}
	err = tcp_transmit_skb(sk, skb);
	if (!err) {
		tcb->sacked |= TCPCB_RETRANS;
		tp->total_retrans++;
		TCP_INC_STATS(TCP_MIB_RETRANSSEGS);
	}
	return err;
}

/* ---------- control segments ---------- */

void tcp_send_ack(struct sock *sk)
{
	if (sk->sk_state == TCP_CLOSE)
		return;
	tcp_xmit(sk, tcp_sk(sk)->snd_nxt, TCPHDR_ACK, NULL, 0);
}

/*
 * Delay the ACK of in-order data (RFC 1122 4.2.3.2 allows 500 ms; Linux
 * starts at 40 ms): a reply or a second segment may carry it instead.
 */
void tcp_send_delayed_ack(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	unsigned long ato = icsk->icsk_ack.ato ? : TCP_ATO_MIN;

	if (icsk->icsk_ack.pending & ICSK_ACK_TIMER)
		return;
	icsk->icsk_ack.pending |= ICSK_ACK_SCHED | ICSK_ACK_TIMER;
	icsk->icsk_ack.timeout = jiffies + ato;
	sk_reset_timer(sk, &icsk->icsk_delack_timer, icsk->icsk_ack.timeout);
}

/* The probe of a closed window or of an idle peer (keepalive): an old
 * sequence number, which the peer must answer with an ACK. */
int tcp_write_wakeup(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (sk->sk_state == TCP_CLOSE)
		return -1;
	return tcp_xmit(sk, tp->snd_una - 1, TCPHDR_ACK, NULL, 0);
}

void tcp_send_probe0(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);

	if (tp->packets_out || !sk->sk_send_head) {
		icsk->icsk_probes_out = 0;
		icsk->icsk_backoff = 0;
		return;
	}
	tcp_write_wakeup(sk);
	icsk->icsk_probes_out++;
	if (icsk->icsk_backoff < 15)
		icsk->icsk_backoff++;
	inet_csk_reset_xmit_timer(sk, ICSK_TIME_PROBE0,
				  min(icsk->icsk_rto << icsk->icsk_backoff, TCP_RTO_MAX));
}

/* Queue our FIN after the data and send it when it may go. */
void tcp_send_fin(struct sock *sk)
{
	struct sk_buff *tail = skb_peek_tail(&sk->sk_write_queue);
	struct tcp_sock *tp = tcp_sk(sk);

	if (tail && sk->sk_send_head && !(TCP_SKB_CB(tail)->tcp_flags & TCPHDR_SYN)) {
		/* ride on the last unsent segment */
		TCP_SKB_CB(tail)->tcp_flags |= TCPHDR_FIN;
		TCP_SKB_CB(tail)->end_seq++;
		tp->write_seq++;
	} else if (!tcp_queue_ctl(sk, TCPHDR_FIN | TCPHDR_ACK, GFP_ATOMIC)) {
		/* no memory: Linux would retry; abort rather than hang */
		tcp_send_active_reset(sk);
		return;
	}
	tcp_push_pending_frames(sk);
}

/* An RST for our own connection (abort, SO_LINGER 0, unread data at close). */
void tcp_send_active_reset(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tcp_xmit(sk, tp->snd_nxt, TCPHDR_ACK | TCPHDR_RST, NULL, 0);
}

/* Active open: queue the SYN (it is retransmitted like data) and send it. */
int tcp_connect(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tp->rx_opt.tstamp_ok = 0;
	tp->rx_opt.wscale_ok = 0;
	tcp_select_initial_window(sk, &tp->rx_opt.rcv_wscale);
	tp->rcv_nxt = 0;
	tp->rcv_wup = 0;
	tp->copied_seq = 0;
	tp->snd_una = tp->iss;
	tp->snd_nxt = tp->iss;
	tp->write_seq = tp->iss;
	tp->snd_wnd = 0;
	if (!tcp_queue_ctl(sk, TCPHDR_SYN, GFP_ATOMIC))
		return -ENOBUFS;
	TCP_INC_STATS(TCP_MIB_ACTIVEOPENS);
	tp->snd_wnd = 1;		/* the SYN itself needs no window */
	tcp_write_xmit(sk);
	tp->snd_wnd = 0;
	return 0;
}

/* Passive open: a new child answers the SYN with a SYN-ACK, queued the same way. */
int tcp_send_synack(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 wnd = tp->snd_wnd;

	if (!tcp_queue_ctl(sk, TCPHDR_SYN | TCPHDR_ACK, GFP_ATOMIC))
		return -ENOBUFS;
	tp->snd_wnd = max(wnd, 1U);
	tcp_write_xmit(sk);
	tp->snd_wnd = wnd;
	return 0;
}

/*
 * An RST in answer to @skb, which no connection wants (RFC 9293 3.10.7.1):
 * to a segment with an ACK, seq = its ack; otherwise seq 0 and an ACK of
 * everything it occupied.  Never in answer to an RST.
 */
void tcp_v4_send_reset(const struct sock *sk, struct sk_buff *skb)
{
	const struct tcphdr *th = tcp_hdr(skb);
	const struct iphdr *iph = ip_hdr(skb);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	struct sk_buff *rst;
	struct tcphdr *rth;

	if (th->rst)
		return;
	rst = alloc_skb(MAX_TCP_HEADER, GFP_ATOMIC);
	if (!rst)
		return;
	skb_reserve(rst, MAX_TCP_HEADER);
	rth = skb_push(rst, sizeof(*rth));
	skb_reset_transport_header(rst);
	memset(rth, 0, sizeof(*rth));
	rth->source = th->dest;
	rth->dest = th->source;
	rth->doff = sizeof(*rth) / 4;
	rth->rst = 1;
	if (th->ack) {
		rth->seq = th->ack_seq;
	} else {
		rth->ack = 1;
		rth->ack_seq = htonl(tcb->end_seq);
	}
	rth->check = csum_tcpudp_magic(iph->daddr, iph->saddr, rst->len, IPPROTO_TCP,
				       csum_partial(rth, rst->len, 0));
	TCP_INC_STATS(TCP_MIB_OUTSEGS);
	TCP_INC_STATS(TCP_MIB_OUTRSTS);
	ip_build_and_send_pkt(rst, sk, iph->daddr, iph->saddr, IPPROTO_TCP);
}
