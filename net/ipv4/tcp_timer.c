// SPDX-License-Identifier: GPL-2.0
/*
 * TCP's timers, each a timer_list that holds its sock while pending:
 *   the retransmit timer (icsk_retransmit_timer): resend the oldest
 *     unacknowledged segment with exponential backoff (RFC 6298 5), or
 *     probe a closed window (ICSK_TIME_PROBE0);
 *   the delayed-ACK timer (icsk_delack_timer);
 *   sk->sk_timer: keepalive probes of an idle connection (RFC 1122
 *     4.2.3.6), the end of an orphaned FIN_WAIT2, and TIME_WAIT's 2MSL.
 */
#include <linux/kernel.h>
#include <net/tcp.h>

/* RFC 6298 2.3 with Linux's floor: RTO = SRTT + max(G, 4 * RTTVAR), at least 200 ms. */
void tcp_set_rto(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 us = (tp->srtt_us >> 3) + tp->mdev_us;	/* mdev_us is 4 * rttvar */
	unsigned long rto = ((unsigned long)us * HZ + 999999) / 1000000 + 1;

	if (rto < TCP_RTO_MIN)
		rto = TCP_RTO_MIN;
	if (rto > TCP_RTO_MAX)
		rto = TCP_RTO_MAX;
	inet_csk(sk)->icsk_rto = rto;
}

/* Too many tries: give up on the connection (ETIMEDOUT, or the soft error seen). */
static void tcp_write_err(struct sock *sk)
{
	sk->sk_err = sk->sk_err_soft ? : ETIMEDOUT;
	tcp_write_queue_purge(sk);
	tcp_done(sk);
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_error_report(sk);
}

static bool tcp_write_timeout(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	int limit;

	if (sk->sk_state == TCP_SYN_SENT)
		limit = icsk->icsk_syn_retries ? : TCP_SYN_RETRIES;
	else if (sk->sk_state == TCP_SYN_RECV)
		limit = TCP_SYNACK_RETRIES;
	else
		limit = TCP_RETRIES2;
	if (tp->user_timeout && tp->rcv_tstamp &&
	    time_after(jiffies, tp->rcv_tstamp + msecs_to_jiffies(tp->user_timeout))) {
		tcp_write_err(sk);
		return true;
	}
	if (icsk->icsk_retransmits >= limit) {
		tcp_write_err(sk);
		return true;
	}
	return false;
}

static void tcp_retransmit_timer(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *head = tcp_write_queue_head(sk);

	if (!tp->packets_out || !head || head == sk->sk_send_head)
		return;
	if (tcp_write_timeout(sk))
		return;
	tcp_enter_loss(sk);
	tcp_retransmit_skb(sk, head);
	icsk->icsk_retransmits++;
	if (icsk->icsk_backoff < 15)
		icsk->icsk_backoff++;
	icsk->icsk_rto = min(icsk->icsk_rto * 2, TCP_RTO_MAX);	/* RFC 6298 5.5 */
	inet_csk_reset_xmit_timer(sk, ICSK_TIME_RETRANS, icsk->icsk_rto);
}

static void tcp_probe_timer(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);

	if (tp->packets_out || !sk->sk_send_head) {
		icsk->icsk_probes_out = 0;
		return;
	}
	/* an orphan whose peer never opens its window is abandoned, as Linux */
	if (sock_flag(sk, SOCK_DEAD) && icsk->icsk_probes_out >= TCP_RETRIES2) {
		tcp_write_err(sk);
		return;
	}
	tcp_send_probe0(sk);
}

static void tcp_write_timer(struct timer_list *t)
{
	struct inet_connection_sock *icsk = from_timer(icsk, t, icsk_retransmit_timer);
	struct sock *sk = &icsk->icsk_inet.sk;

	bh_lock_sock(sk);
	if (sk->sk_state != TCP_CLOSE && icsk->icsk_pending && !timer_pending(t)) {
		if (time_after(icsk->icsk_timeout, jiffies)) {
			sk_reset_timer(sk, t, icsk->icsk_timeout);
		} else {
			int event = icsk->icsk_pending;

			icsk->icsk_pending = 0;
			if (event == ICSK_TIME_RETRANS)
				tcp_retransmit_timer(sk);
			else if (event == ICSK_TIME_PROBE0)
				tcp_probe_timer(sk);
		}
	}
	bh_unlock_sock(sk);
	sock_put(sk);
}

static void tcp_delack_timer(struct timer_list *t)
{
	struct inet_connection_sock *icsk = from_timer(icsk, t, icsk_delack_timer);
	struct sock *sk = &icsk->icsk_inet.sk;

	bh_lock_sock(sk);
	if (sk->sk_state != TCP_CLOSE && (icsk->icsk_ack.pending & ICSK_ACK_TIMER)) {
		icsk->icsk_ack.pending = 0;
		tcp_send_ack(sk);
	}
	bh_unlock_sock(sk);
	sock_put(sk);
}

void tcp_reset_keepalive_timer(struct sock *sk, unsigned long len)
{
	sk_reset_timer(sk, &sk->sk_timer, jiffies + len);
}

void tcp_delete_keepalive_timer(struct sock *sk)
{
	sk_stop_timer(sk, &sk->sk_timer);
}

void tcp_set_keepalive(struct sock *sk, int val)
{
	if ((1 << sk->sk_state) & (TCPF(TCP_CLOSE) | TCPF(TCP_LISTEN)))
		return;
	if (val && !sock_flag(sk, SOCK_KEEPOPEN))
		tcp_reset_keepalive_timer(sk, keepalive_time_when(tcp_sk(sk)));
	else if (!val)
		tcp_delete_keepalive_timer(sk);
}

/*
 * Enter TIME_WAIT (or an orphan's timed FIN_WAIT2).  Linux swaps in a
 * small tcp_timewait_sock; Lantern keeps the sock, which already holds
 * the port and four-tuple, and lets sk_timer end it after @timeo.
 */
void tcp_time_wait(struct sock *sk, int state, unsigned long timeo)
{
	tcp_set_state(sk, state);
	sk->sk_shutdown = SHUTDOWN_MASK;
	inet_csk_clear_xmit_timer(sk);
	tcp_reset_keepalive_timer(sk, timeo);
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_state_change(sk);
}

static void tcp_keepalive_timer(struct timer_list *t)
{
	struct sock *sk = from_timer(sk, t, sk_timer);
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_connection_sock *icsk = inet_csk(sk);
	unsigned long elapsed, when;

	bh_lock_sock(sk);
	if (timer_pending(t))
		goto out;
	switch (sk->sk_state) {
	case TCP_TIME_WAIT:
		tcp_done(sk);
		goto out;
	case TCP_FIN_WAIT2:
		if (sock_flag(sk, SOCK_DEAD)) {
			tcp_send_active_reset(sk);
			tcp_done(sk);
			goto out;
		}
		break;
	case TCP_CLOSE:
	case TCP_LISTEN:
	case TCP_SYN_SENT:
	case TCP_SYN_RECV:
		goto out;
	}
	if (!sock_flag(sk, SOCK_KEEPOPEN)) {
		tcp_reset_keepalive_timer(sk, keepalive_time_when(tp));
		goto out;
	}
	/* idle only if nothing is in flight or waiting */
	if (tp->packets_out || sk->sk_send_head) {
		tcp_reset_keepalive_timer(sk, keepalive_time_when(tp));
		goto out;
	}
	elapsed = jiffies - max(tp->rcv_tstamp, tp->lrcvtime);
	when = keepalive_time_when(tp);
	if (elapsed >= when) {
		if (icsk->icsk_probes_out >= keepalive_probes(tp)) {
			tcp_send_active_reset(sk);
			tcp_write_err(sk);
			goto out;
		}
		tcp_write_wakeup(sk);
		icsk->icsk_probes_out++;
		tcp_reset_keepalive_timer(sk, keepalive_intvl_when(tp));
	} else {
		tcp_reset_keepalive_timer(sk, when - elapsed);
	}
out:
	bh_unlock_sock(sk);
	sock_put(sk);
}

void tcp_init_xmit_timers(struct sock *sk)
{
	timer_setup(&inet_csk(sk)->icsk_retransmit_timer, tcp_write_timer, 0);
	timer_setup(&inet_csk(sk)->icsk_delack_timer, tcp_delack_timer, 0);
	timer_setup(&sk->sk_timer, tcp_keepalive_timer, 0);
}

void tcp_clear_xmit_timers(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	icsk->icsk_pending = 0;
	icsk->icsk_ack.pending = 0;
	sk_stop_timer(sk, &icsk->icsk_retransmit_timer);
	sk_stop_timer(sk, &icsk->icsk_delack_timer);
	sk_stop_timer(sk, &sk->sk_timer);
}
