// SPDX-License-Identifier: GPL-2.0
/*
 * TCP input: what an arriving segment does to a connection, in the order
 * of RFC 9293 section 3.10.7 ("segment arrives"): the LISTEN and SYN-SENT
 * special cases, then for every synchronized state the sequence check,
 * RST, SYN, ACK (the write queue is cleaned, RTT measured, the congestion
 * window opened or cut, lost segments resent), the data (queued in order,
 * or held out of order until the hole fills), and FIN.
 *
 * Everything here runs in the NET_RX softirq with the sock locked.
 */
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <net/ip.h>
#include <net/tcp.h>

/* ---------- options ---------- */

void tcp_parse_options(const struct sk_buff *skb, struct tcp_options_received *opt)
{
	const struct tcphdr *th = tcp_hdr(skb);
	const u8 *p = (const u8 *)(th + 1);
	int length = th->doff * 4 - sizeof(*th);

	opt->saw_tstamp = 0;
	while (length > 0) {
		u8 kind = *p++, size;

		if (kind == TCPOPT_EOL)
			return;
		if (kind == TCPOPT_NOP) {
			length--;
			continue;
		}
		if (length < 2)
			return;
		size = *p++;
		if (size < 2 || size > length)
			return;		/* malformed: ignore the rest */
		switch (kind) {
		case TCPOPT_MSS:
			if (size == TCPOLEN_MSS && th->syn) {
				u16 mss = (p[0] << 8) | p[1];

				if (mss)
					opt->mss_clamp = max_t(u16, mss, TCP_MIN_MSS);
			}
			break;
		case TCPOPT_WINDOW:
			if (size == TCPOLEN_WINDOW && th->syn) {
				opt->wscale_ok = 1;
				opt->snd_wscale = min_t(u8, p[0], TCP_MAX_WSCALE);
			}
			break;
		case TCPOPT_TIMESTAMP:
			if (size == TCPOLEN_TIMESTAMP) {
				opt->saw_tstamp = 1;
				/* u32 before the shift: a byte over 0x7f would shift into int's sign */
				opt->rcv_tsval = ((u32)p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
				opt->rcv_tsecr = ((u32)p[4] << 24) | (p[5] << 16) | (p[6] << 8) | p[7];
			}
			break;
		}
		p += size - 2;
		length -= size;
	}
}

/* ---------- RTT and the retransmission timeout (RFC 6298) ---------- */

static void tcp_rtt_estimator(struct sock *sk, long mrtt_us)
{
	struct tcp_sock *tp = tcp_sk(sk);
	long m = mrtt_us;

	if (m <= 0)
		m = 1;
	if (tp->srtt_us) {
		/* srtt = 7/8 srtt + 1/8 m; rttvar = 3/4 rttvar + 1/4 |srtt - m| */
		long err = m - (tp->srtt_us >> 3);

		tp->srtt_us += err;
		if (err < 0)
			err = -err;
		err -= tp->mdev_us >> 2;
		tp->mdev_us += err;
	} else {
		tp->srtt_us = m << 3;
		tp->mdev_us = m << 1;	/* rttvar = m / 2, kept << 2 */
	}
	tcp_set_rto(sk);
}

/* ---------- congestion control: Reno ---------- */

static void tcp_cong_avoid(struct sock *sk, u32 acked, u32 prior_packets)
{
	struct tcp_sock *tp = tcp_sk(sk);

	/* grow only a window that was in use (RFC 7661): an application
	 * sending little must not earn a window it never tested */
	if (prior_packets * 2 < tp->snd_cwnd)
		return;

	if (tp->snd_cwnd < tp->snd_ssthresh) {
		/* slow start: one segment per segment acknowledged */
		u32 cwnd = min(tp->snd_cwnd + acked, tp->snd_ssthresh);

		acked -= cwnd - tp->snd_cwnd;
		tp->snd_cwnd = cwnd;
		if (!acked)
			return;
	}
	/* congestion avoidance: one segment per window acknowledged */
	tp->snd_cwnd_cnt += acked;
	if (tp->snd_cwnd_cnt >= tp->snd_cwnd) {
		tp->snd_cwnd_cnt -= tp->snd_cwnd;
		tp->snd_cwnd++;
	}
	if (tp->snd_cwnd > 65535)
		tp->snd_cwnd = 65535;
}

static u32 tcp_reno_ssthresh(const struct tcp_sock *tp)
{
	return max(tp->packets_out / 2, 2U);
}

/* A retransmission timeout: everything in flight is presumed lost (RFC 5681 3.1). */
void tcp_enter_loss(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_connection_sock *icsk = inet_csk(sk);

	if (icsk->icsk_ca_state != TCP_CA_Loss) {
		tp->prior_ssthresh = tp->snd_ssthresh;
		tp->snd_ssthresh = tcp_reno_ssthresh(tp);
	}
	tp->snd_cwnd = 1;
	tp->snd_cwnd_cnt = 0;
	tp->high_seq = tp->snd_nxt;
	tp->dup_acks = 0;
	icsk->icsk_ca_state = TCP_CA_Loss;
}

/* Three duplicate ACKs: resend the first unacknowledged segment (RFC 5681 3.2). */
static void tcp_fast_retransmit(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *head = tcp_write_queue_head(sk);

	if (!head || head == sk->sk_send_head)
		return;
	tp->snd_ssthresh = tcp_reno_ssthresh(tp);
	tp->snd_cwnd = tp->snd_ssthresh + 3;
	tp->high_seq = tp->snd_nxt;
	inet_csk(sk)->icsk_ca_state = TCP_CA_Recovery;
	tcp_retransmit_skb(sk, head);
}

void tcp_rearm_rto(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tp->packets_out)
		inet_csk_clear_xmit_timer(sk);
	else
		inet_csk_reset_xmit_timer(sk, ICSK_TIME_RETRANS, inet_csk(sk)->icsk_rto);
}

/* Free what @ack covers from the write queue; returns the segments freed. */
static u32 tcp_clean_rtx_queue(struct sock *sk, u32 ack, long *rtt_us)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;
	u32 acked = 0;

	*rtt_us = -1;
	while ((skb = tcp_write_queue_head(sk)) && skb != sk->sk_send_head) {
		struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);

		if (after(tcb->end_seq, ack))
			break;	/* partly acknowledged: retransmission trims it */
		if (!(tcb->sacked & TCPCB_RETRANS))
			*rtt_us = (long)(tcp_time_stamp() - tcb->when) * 1000;	/* Karn */
		else
			*rtt_us = -1;
		skb_dequeue(&sk->sk_write_queue);
		tp->packets_out--;
		acked++;
		tcp_free_skb(sk, skb);
	}
	return acked;
}

/* Grow the send buffer with the congestion window (Linux's tcp_sndbuf_expand). */
static void tcp_sndbuf_expand(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int want;

	if (sk->sk_sndbuf != tp->sndbuf_auto)
		return;	/* SO_SNDBUF set by the user: keep it */
	want = min_t(u64, (u64)tp->snd_cwnd * tp->mss_cache * 2 + 65536, TCP_WMEM_MAX);
	if (want > sk->sk_sndbuf) {
		sk->sk_sndbuf = want;
		tp->sndbuf_auto = want;
	}
}

/*
 * Process the ACK field (RFC 9293 3.10.7.4 fifth check).  Returns <0 for
 * an ACK of something never sent (answered with an ACK and dropped).
 */
static int tcp_ack(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	u32 ack = tcb->ack_seq;
	u32 nwin = (u32)tcb->window << tp->rx_opt.snd_wscale;
	u32 prior_una = tp->snd_una;
	u32 prior_packets = tp->packets_out;
	bool win_update = false;
	long rtt_us;
	u32 acked;

	if (after(ack, tp->snd_nxt))
		return -1;
	if (before(ack, prior_una))
		return 0;	/* old duplicate: ignore the ACK, keep the data */

	/* window update (RFC 9293 3.10.7.4: SND.WL1/WL2 guard against old segments) */
	if (before(tp->snd_wl1, tcb->seq) ||
	    (tp->snd_wl1 == tcb->seq && !before(ack, tp->snd_wl2))) {
		win_update = tp->snd_wnd != nwin;
		tp->snd_wnd = nwin;
		tp->snd_wl1 = tcb->seq;
		tp->snd_wl2 = ack;
		if (nwin > tp->max_window)
			tp->max_window = nwin;
	}
	tp->rcv_tstamp = jiffies;
	icsk->icsk_probes_out = 0;

	if (ack == prior_una) {
		/* a duplicate ACK (RFC 5681 2): no data, no window change, data outstanding */
		if (tp->packets_out && tcb->seq == tcb->end_seq && !win_update) {
			tp->dup_acks++;
			if (tp->dup_acks == 3 && icsk->icsk_ca_state == TCP_CA_Open)
				tcp_fast_retransmit(sk);
			else if (tp->dup_acks > 3 && icsk->icsk_ca_state == TCP_CA_Recovery)
				tp->snd_cwnd++;		/* inflate: a segment left the network */
		}
		if (win_update)
			icsk->icsk_backoff = 0;
		return 0;
	}

	/* new data acknowledged */
	acked = tcp_clean_rtx_queue(sk, ack, &rtt_us);
	tp->bytes_acked += ack - prior_una;
	tp->snd_una = ack;
	tp->dup_acks = 0;
	icsk->icsk_backoff = 0;
	icsk->icsk_retransmits = 0;

	/* RTT: the timestamp echo works even across retransmissions (RFC 7323 4) */
	if (tp->rx_opt.saw_tstamp && tp->rx_opt.rcv_tsecr && tp->rx_opt.tstamp_ok)
		rtt_us = (long)(tcp_time_stamp() + tp->tsoffset - tp->rx_opt.rcv_tsecr) * 1000;
	if (rtt_us >= 0)
		tcp_rtt_estimator(sk, rtt_us ? rtt_us : 500);

	if (icsk->icsk_ca_state == TCP_CA_Recovery || icsk->icsk_ca_state == TCP_CA_Loss) {
		if (!before(ack, tp->high_seq)) {
			/* recovery over: deflate to ssthresh (RFC 6582 3.2 step 3) */
			if (icsk->icsk_ca_state == TCP_CA_Recovery)
				tp->snd_cwnd = tp->snd_ssthresh;
			icsk->icsk_ca_state = TCP_CA_Open;
		} else if (icsk->icsk_ca_state == TCP_CA_Recovery) {
			/* NewReno partial ACK: the next hole is lost too */
			struct sk_buff *head = tcp_write_queue_head(sk);

			if (head && head != sk->sk_send_head)
				tcp_retransmit_skb(sk, head);
			if (tp->snd_cwnd > acked)
				tp->snd_cwnd -= acked;
			tp->snd_cwnd++;
		} else {
			tcp_cong_avoid(sk, acked, prior_packets);
		}
	} else {
		tcp_cong_avoid(sk, acked, prior_packets);
	}
	tcp_rearm_rto(sk);
	tcp_sndbuf_expand(sk);
	if (acked)
		sk->sk_write_space(sk);
	return 1;
}

/* ---------- state changes from the peer ---------- */

/* The peer reset the connection (RFC 9293 3.10.7.4 second check). */
void tcp_reset(struct sock *sk)
{
	switch (sk->sk_state) {
	case TCP_SYN_SENT:
		sk->sk_err = ECONNREFUSED;
		break;
	case TCP_CLOSE_WAIT:
		sk->sk_err = EPIPE;
		break;
	case TCP_CLOSE:
		return;
	default:
		sk->sk_err = ECONNRESET;
	}
	tcp_write_queue_purge(sk);
	tcp_done(sk);
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_error_report(sk);
}

/* The peer's FIN, in sequence (RFC 9293 3.10.7.4 eighth check). */
void tcp_fin(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	sk->sk_shutdown |= RCV_SHUTDOWN;
	sock_set_flag(sk, SOCK_DONE);
	switch (sk->sk_state) {
	case TCP_SYN_RECV:
	case TCP_ESTABLISHED:
		tcp_set_state(sk, TCP_CLOSE_WAIT);
		inet_csk(sk)->icsk_ack.pingpong = true;
		break;
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		break;
	case TCP_FIN_WAIT1:
		/* our FIN is not acknowledged yet: simultaneous close */
		tcp_set_state(sk, TCP_CLOSING);
		break;
	case TCP_FIN_WAIT2:
		tcp_time_wait(sk, TCP_TIME_WAIT, TCP_TIMEWAIT_LEN);
		break;
	}
	skb_queue_purge(&tp->out_of_order_queue);
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_state_change(sk);
}

/* ---------- data ---------- */

static void tcp_rcvbuf_expand(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (sk->sk_rcvbuf != tp->rcvbuf_auto || sk->sk_rcvbuf >= TCP_RMEM_MAX)
		return;	/* SO_RCVBUF set by the user, or at the limit */
	/* the connection carries bulk data: let the window grow with it */
	if (tp->bytes_received > (u64)sk->sk_rcvbuf / 2) {
		sk->sk_rcvbuf = min(sk->sk_rcvbuf * 2, TCP_RMEM_MAX);
		tp->rcvbuf_auto = sk->sk_rcvbuf;
	}
}

/* Queue in-order payload for the reader. */
static void tcp_queue_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);

	/* drop what the reader has already got (a retransmission overlapping) */
	if (before(tcb->seq, tp->rcv_nxt)) {
		u32 dup = tp->rcv_nxt - tcb->seq;

		skb_pull(skb, dup);
		tcb->seq += dup;
	}
	tp->rcv_nxt = tcb->seq + skb->len;
	tp->rcv_queued += skb->len;
	tp->bytes_received += skb->len;
	skb_queue_tail(&sk->sk_receive_queue, skb);
}

/* Move what the hole's filling made in-order from the out-of-order queue. */
static bool tcp_ofo_queue(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;
	bool fin = false;

	while ((skb = skb_peek(&tp->out_of_order_queue))) {
		struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);

		if (after(tcb->seq, tp->rcv_nxt))
			break;
		skb_dequeue(&tp->out_of_order_queue);
		if (!after(tcb->end_seq, tp->rcv_nxt)) {
			kfree_skb(skb);		/* wholly a duplicate */
			continue;
		}
		fin = tcb->tcp_flags & TCPHDR_FIN;
		if (skb->len && after(tcb->seq + skb->len, tp->rcv_nxt))
			tcp_queue_rcv(sk, skb);
		else
			kfree_skb(skb);
		if (fin)
			break;
	}
	return fin;
}

static void tcp_ofo_insert(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *pos;
	u32 seq = TCP_SKB_CB(skb)->seq;

	/* sorted by seq; an exact duplicate is dropped */
	skb_queue_walk(&tp->out_of_order_queue, pos) {
		if (TCP_SKB_CB(pos)->seq == seq &&
		    !before(TCP_SKB_CB(pos)->end_seq, TCP_SKB_CB(skb)->end_seq)) {
			kfree_skb(skb);
			return;
		}
		if (after(TCP_SKB_CB(pos)->seq, seq))
			break;
	}
	/* insert before pos (or at the tail when the walk ran off the end) */
	list_add_tail(&skb->list, &pos->list);
	tp->out_of_order_queue.qlen++;
}

/* When to ACK in-order data: at once every second full segment, else later. */
static void tcp_ack_snd_check(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_connection_sock *icsk = inet_csk(sk);

	if ((tp->rcv_nxt - tp->rcv_wup) > tp->rcv_mss * 2 - 1 ||
	    (icsk->icsk_ack.pending & ICSK_ACK_NOW) || icsk->icsk_ack.quick) {
		if (icsk->icsk_ack.quick)
			icsk->icsk_ack.quick--;
		tcp_send_ack(sk);
		return;
	}
	tcp_send_delayed_ack(sk);
}

/*
 * The segment's data and FIN (sixth to eighth checks).  Consumes @skb.
 * Returns true when the reader should be woken.
 */
static void tcp_data_queue(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	bool fin = tcb->tcp_flags & TCPHDR_FIN;

	if (tcb->seq == tcb->end_seq) {
		kfree_skb(skb);
		return;
	}
	if (skb->len > tp->rcv_mss)
		tp->rcv_mss = min_t(u32, skb->len, tp->advmss);
	tp->data_segs_in += !!skb->len;

	/* beyond the window: keep only what fits (the rest will be resent) */
	if (after(tcb->end_seq, tp->rcv_nxt + tcp_receive_window(tp))) {
		u32 room = tp->rcv_nxt + tcp_receive_window(tp) - tcb->seq;

		if ((s32)room <= 0) {
			kfree_skb(skb);
			inet_csk(sk)->icsk_ack.pending |= ICSK_ACK_NOW;
			tcp_send_ack(sk);
			return;
		}
		if (room < skb->len)
			skb_trim(skb, room);
		tcb->end_seq = tcb->seq + skb->len;
		fin = false;
		tcb->tcp_flags &= ~TCPHDR_FIN;
	}

	if (!after(tcb->seq, tp->rcv_nxt)) {
		/* in order (or overlapping what we have) */
		if (!after(tcb->end_seq, tp->rcv_nxt)) {
			/* a pure duplicate: our ACK was lost, resend it now */
			kfree_skb(skb);
			tcp_send_ack(sk);
			return;
		}
		if (skb->len)
			tcp_queue_rcv(sk, skb);
		else
			kfree_skb(skb);
		if (!skb_queue_empty(&tp->out_of_order_queue)) {
			if (tcp_ofo_queue(sk))
				fin = true;
			/* the hole just filled: tell the sender at once */
			inet_csk(sk)->icsk_ack.pending |= ICSK_ACK_NOW;
		}
		if (fin) {
			tp->rcv_nxt++;
			tcp_fin(sk);
			inet_csk(sk)->icsk_ack.pending |= ICSK_ACK_NOW;
		}
		tcp_rcvbuf_expand(sk);
		if (!sock_flag(sk, SOCK_DEAD))
			sk->sk_data_ready(sk);
		if (sk->sk_state != TCP_CLOSE)
			tcp_ack_snd_check(sk);
		return;
	}

	/* out of order: hold it, and send a duplicate ACK for fast retransmit */
	tcp_ofo_insert(sk, skb);
	tcp_send_ack(sk);
}

/* ---------- the SYN-SENT state ---------- */

void tcp_init_transfer(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tcp_sync_mss(sk, tp->pmtu);
	if (!tp->rx_opt.wscale_ok) {
		tp->rx_opt.snd_wscale = 0;
		tp->rx_opt.rcv_wscale = 0;
		tp->window_clamp = min(tp->window_clamp, TCP_MAXWIN);
	}
	tp->snd_cwnd = TCP_INIT_CWND;
	tp->snd_ssthresh = 0x7fffffff;
	tcp_sndbuf_expand(sk);
	tp->rcv_mss = min_t(u32, tp->advmss, TCP_MSS_DEFAULT);
	tp->rcv_tstamp = jiffies;
	inet_csk(sk)->icsk_ack.quick = 16;
	/* armed always: SO_KEEPALIVE may be set later, without telling TCP */
	tcp_reset_keepalive_timer(sk, keepalive_time_when(tp));
}

static int tcp_rcv_synsent_state_process(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	const struct tcphdr *th = tcp_hdr(skb);

	if (th->ack && (!after(tcb->ack_seq, tp->iss) || after(tcb->ack_seq, tp->snd_nxt)))
		return 1;	/* an unacceptable ACK: reset it (not if it is an RST) */
	if (th->rst) {
		if (th->ack)
			tcp_reset(sk);
		goto discard;
	}
	if (!th->syn)
		goto discard;

	tcp_parse_options(skb, &tp->rx_opt);
	tp->irs = tcb->seq;
	tp->rcv_nxt = tcb->seq + 1;
	tp->rcv_wup = tp->rcv_nxt;
	tp->copied_seq = tp->rcv_nxt;
	if (tp->rx_opt.saw_tstamp) {
		tp->rx_opt.tstamp_ok = 1;
		tp->rx_opt.ts_recent = tp->rx_opt.rcv_tsval;
		tp->rx_opt.ts_recent_stamp = jiffies;
	}
	if (!th->ack) {
		/* simultaneous open (RFC 9293 figure 8): answer with SYN-ACK */
		tcp_set_state(sk, TCP_SYN_RECV);
		tp->snd_wnd = ntohs(th->window);
		tp->snd_wl1 = tcb->seq;
		tcp_retransmit_skb(sk, tcp_write_queue_head(sk));
		goto discard;
	}

	/* our SYN is acknowledged: established */
	tp->snd_wnd = ntohs(th->window);	/* never scaled in a SYN */
	tp->snd_wl1 = tcb->seq;
	tp->snd_wl2 = tcb->ack_seq;
	tp->max_window = tp->snd_wnd;
	{
		long rtt_us;

		tcp_clean_rtx_queue(sk, tcb->ack_seq, &rtt_us);
		tp->snd_una = tcb->ack_seq;
		if (rtt_us >= 0)
			tcp_rtt_estimator(sk, rtt_us ? rtt_us : 500);
	}
	tcp_rearm_rto(sk);
	inet_csk(sk)->icsk_retransmits = 0;
	tcp_set_state(sk, TCP_ESTABLISHED);
	tcp_init_transfer(sk);
	tcp_send_ack(sk);
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_state_change(sk);
	tcp_push_pending_frames(sk);
discard:
	kfree_skb(skb);
	return 0;
}

/* ---------- LISTEN ---------- */

static int tcp_v4_conn_request(struct sock *sk, struct sk_buff *skb)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	unsigned int syn_max = max(sk->sk_max_ack_backlog, 64U);
	struct sock *child;

	/* a full accept queue drops the SYN: the client's retransmission retries */
	if (inet_csk_acceptq_is_full(sk) || icsk->icsk_syn_qlen >= syn_max)
		return 0;
	child = tcp_v4_syn_recv_sock(sk, skb);
	if (!child)
		return 0;
	tcp_send_synack(child);
	spin_unlock(&child->sk_lock);
	sock_put(child);
	return 0;
}

/* ---------- everything else ---------- */

/* Is the segment in the receive window?  RFC 9293 3.10.7.4, the four cases. */
static bool tcp_sequence(const struct tcp_sock *tp, u32 seq, u32 end_seq)
{
	u32 wnd = tcp_receive_window(tp);

	if (seq == end_seq) {
		if (!wnd)
			return seq == tp->rcv_nxt;
		return !before(seq, tp->rcv_nxt) && before(seq, tp->rcv_nxt + wnd);
	}
	if (!wnd)
		return false;
	/* some part of it is new and inside the window */
	return after(end_seq, tp->rcv_nxt) && before(seq, tp->rcv_nxt + wnd);
}

/*
 * Process one segment for @sk (locked).  Returns nonzero when the caller
 * must answer with an RST; consumes @skb otherwise.
 */
int tcp_rcv_state_process(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	const struct tcphdr *th = tcp_hdr(skb);
	int ret;

	tp->segs_in++;
	switch (sk->sk_state) {
	case TCP_CLOSE:
		return 1;
	case TCP_LISTEN:
		if (th->ack)
			return 1;
		if (th->rst || !th->syn || th->fin)
			goto discard;
		tcp_v4_conn_request(sk, skb);
		goto discard;
	case TCP_SYN_SENT:
		return tcp_rcv_synsent_state_process(sk, skb);
	}

	tcp_parse_options(skb, &tp->rx_opt);

	/* the peer resent its SYN: our SYN-ACK was lost, send it again */
	if (sk->sk_state == TCP_SYN_RECV && th->syn && !th->ack && !th->rst &&
	    tcb->seq == tp->irs) {
		tcp_retransmit_skb(sk, tcp_write_queue_head(sk));
		goto discard;
	}

	/* first: sequence number (with PAWS, RFC 7323 5) */
	if (tp->rx_opt.saw_tstamp && tp->rx_opt.tstamp_ok && !th->rst &&
	    tp->rx_opt.ts_recent &&
	    (s32)(tp->rx_opt.rcv_tsval - tp->rx_opt.ts_recent) < 0 &&
	    time_before(jiffies, tp->rx_opt.ts_recent_stamp + 24UL * 24 * 3600 * HZ)) {
		tcp_send_ack(sk);
		goto discard;
	}
	if (!tcp_sequence(tp, tcb->seq, tcb->end_seq)) {
		if (!th->rst)
			tcp_send_ack(sk);
		goto discard;
	}
	if (tp->rx_opt.saw_tstamp && !after(tcb->seq, tp->rcv_wup)) {
		tp->rx_opt.ts_recent = tp->rx_opt.rcv_tsval;
		tp->rx_opt.ts_recent_stamp = jiffies;
	}

	/* second: RST.  Exactly rcv_nxt resets; elsewhere in the window it
	 * earns a challenge ACK (RFC 5961 3), against blind resets. */
	if (th->rst) {
		if (tcb->seq == tp->rcv_nxt) {
			if (sk->sk_state == TCP_SYN_RECV && inet_csk(sk)->icsk_parent) {
				tcp_done(sk);	/* a passive open dies quietly */
			} else if (sk->sk_state == TCP_TIME_WAIT ||
				   sk->sk_state == TCP_CLOSING || sk->sk_state == TCP_LAST_ACK) {
				tcp_done(sk);
			} else {
				tcp_reset(sk);
			}
		} else {
			tcp_send_ack(sk);
		}
		goto discard;
	}

	/* fourth: a SYN in a synchronized state gets a challenge ACK (RFC 5961 4) */
	if (th->syn) {
		tcp_send_ack(sk);
		goto discard;
	}

	/* fifth: ACK */
	if (!th->ack)
		goto discard;
	if (sk->sk_state == TCP_SYN_RECV) {
		if (!between(tcb->ack_seq, tp->snd_una + 1, tp->snd_nxt))
			return 1;
		if (inet_csk(sk)->icsk_parent &&
		    !inet_csk_reqsk_queue_move(inet_csk(sk)->icsk_parent, sk))
			goto discard;	/* accept queue full: stay, the SYN-ACK is resent */
		tp->snd_wnd = (u32)ntohs(th->window) << tp->rx_opt.snd_wscale;
		tp->snd_wl1 = tcb->seq;
		tp->snd_wl2 = tcb->ack_seq;
		tcp_set_state(sk, TCP_ESTABLISHED);
		tcp_init_transfer(sk);
		if (!sock_flag(sk, SOCK_DEAD))
			sk->sk_state_change(sk);
	}
	ret = tcp_ack(sk, skb);
	if (ret < 0) {
		tcp_send_ack(sk);
		goto discard;
	}

	switch (sk->sk_state) {
	case TCP_FIN_WAIT1:
		if (tp->snd_una == tp->write_seq) {
			/* our FIN is acknowledged */
			tcp_set_state(sk, TCP_FIN_WAIT2);
			sk->sk_shutdown |= SEND_SHUTDOWN;
			if (!sock_flag(sk, SOCK_DEAD))
				sk->sk_state_change(sk);
			else
				tcp_reset_keepalive_timer(sk, tp->linger2 > 0 ?
							  (unsigned long)tp->linger2 : TCP_FIN_TIMEOUT);
		}
		break;
	case TCP_CLOSING:
		if (tp->snd_una == tp->write_seq) {
			tcp_time_wait(sk, TCP_TIME_WAIT, TCP_TIMEWAIT_LEN);
			goto discard;
		}
		break;
	case TCP_LAST_ACK:
		if (tp->snd_una == tp->write_seq) {
			tcp_done(sk);
			goto discard;
		}
		break;
	case TCP_TIME_WAIT:
		/* a retransmitted FIN: ACK it and restart the 2MSL wait */
		if (th->fin) {
			tcp_send_ack(sk);
			tcp_reset_keepalive_timer(sk, TCP_TIMEWAIT_LEN);
		}
		goto discard;
	}

	/* sixth to eighth: URG is taken as ordinary data; the text; FIN */
	switch (sk->sk_state) {
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		/* the peer already sent FIN: anything new is a protocol error */
		goto push;
	case TCP_FIN_WAIT1:
	case TCP_FIN_WAIT2:
		/* we will never read it (RFC 1122 4.2.2.13): reset */
		if ((sk->sk_shutdown & RCV_SHUTDOWN) && sock_flag(sk, SOCK_DEAD) &&
		    skb->len && after(tcb->seq + skb->len, tp->rcv_nxt)) {
			tcp_send_active_reset(sk);
			tcp_reset(sk);
			goto discard;
		}
		fallthrough;
	case TCP_ESTABLISHED:
		tcp_data_queue(sk, skb);
		skb = NULL;
		break;
	}
push:
	if (sk->sk_state != TCP_CLOSE)
		tcp_push_pending_frames(sk);
discard:
	kfree_skb(skb);
	return 0;
}
