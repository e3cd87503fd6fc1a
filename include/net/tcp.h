/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TCP (net/ipv4/tcp*.c): struct tcp_sock, the per-segment control block
 * and the constants of RFC 9293 and its companions as Linux sets them.
 * Sequence numbers wrap at 2^32, so they are compared with before()/after().
 */
#ifndef _NET_TCP_H
#define _NET_TCP_H

#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <asm/byteorder.h>
#include <linux/types.h>
#include <uapi/linux/tcp.h>
#include <net/inet_connection_sock.h>
#include <net/inet_hashtables.h>
#include <net/sock.h>

/* The states are in <net/sock.h>, shared with the other families. */
#define TCPF(s)		(1 << (s))

/* header flags as a byte, in the order of the header's bits */
#define TCPHDR_FIN	0x01
#define TCPHDR_SYN	0x02
#define TCPHDR_RST	0x04
#define TCPHDR_PSH	0x08
#define TCPHDR_ACK	0x10
#define TCPHDR_URG	0x20

/* options */
#define TCPOPT_EOL		0
#define TCPOPT_NOP		1
#define TCPOPT_MSS		2
#define TCPOPT_WINDOW		3
#define TCPOPT_SACK_PERM	4
#define TCPOPT_TIMESTAMP	8
#define TCPOLEN_MSS		4
#define TCPOLEN_WINDOW		3
#define TCPOLEN_TIMESTAMP	10
#define TCPOLEN_TSTAMP_ALIGNED	12

#define TCP_MSS_DEFAULT		536U	/* RFC 1122: when the peer sends no MSS */
#define TCP_MIN_MSS		88U
#define TCP_MAX_WSCALE		14
#define TCP_INIT_CWND		10	/* RFC 6928 */

/* timers, in jiffies (Linux's values) */
#define TCP_TIMEOUT_INIT	((unsigned long)HZ)		/* RFC 6298 2.1 */
#define TCP_RTO_MIN		((unsigned long)(HZ / 5))
#define TCP_RTO_MAX		((unsigned long)(120 * HZ))
#define TCP_DELACK_MIN		((unsigned long)(HZ / 25))
#define TCP_DELACK_MAX		((unsigned long)(HZ / 5))
#define TCP_ATO_MIN		((unsigned long)(HZ / 25))
#define TCP_TIMEWAIT_LEN	((unsigned long)(60 * HZ))
#define TCP_FIN_TIMEOUT		((unsigned long)(60 * HZ))
#define TCP_KEEPALIVE_TIME	(7200 * HZ)
#define TCP_KEEPALIVE_INTVL	(75 * HZ)
#define TCP_KEEPALIVE_PROBES	9
#define TCP_SYN_RETRIES		6
#define TCP_SYNACK_RETRIES	5
#define TCP_RETRIES2		15
#define TCP_RESOURCE_PROBE_INTERVAL	((unsigned long)(HZ / 2))
#define MAX_TCP_KEEPIDLE	32767
#define MAX_TCP_KEEPINTVL	32767
#define MAX_TCP_KEEPCNT		127
#define MAX_TCP_SYNCNT		127

/* net.ipv4.tcp_wmem / tcp_rmem: min, default, max */
#define TCP_WMEM_DEFAULT	16384
#define TCP_RMEM_DEFAULT	131072
#define TCP_WMEM_MAX		4194304
#define TCP_RMEM_MAX		6291456

/* The control block of a TCP segment, in skb->cb. */
struct tcp_skb_cb {
	u32 seq;		/* first sequence number */
	u32 end_seq;		/* seq + SYN + FIN + data length */
	u32 ack_seq;		/* on input: the ACK field */
	u32 when;		/* on output: tcp_jiffies32 when last sent */
	u8 tcp_flags;
	u8 sacked;		/* TCPCB_RETRANS: sent more than once (Karn) */
	u16 urg_ptr;
	u32 tsval, tsecr;	/* on input: the timestamps option */
	u16 window;		/* on input: the raw window field */
	u8 has_ts;
};
#define TCPCB_RETRANS	1
#define TCP_SKB_CB(skb)	((struct tcp_skb_cb *)&(skb)->cb[0])

/* Options parsed from a SYN or seen on every segment. */
struct tcp_options_received {
	u32 ts_recent;		/* the peer's latest timestamp to echo */
	unsigned long ts_recent_stamp;	/* jiffies when it was stored */
	u16 mss_clamp;		/* the peer's MSS option */
	u8 tstamp_ok:1, wscale_ok:1, saw_tstamp:1, sack_ok:1;
	u8 snd_wscale;		/* the peer's shift */
	u8 rcv_wscale;		/* ours */
	u32 rcv_tsval, rcv_tsecr;
};

struct tcp_sock {
	struct inet_connection_sock inet_conn;
	struct mutex sk_mutex;		/* serializes system calls (lock_sock) */

	/* receive side (RFC 9293 names in comments) */
	u32 rcv_nxt;			/* RCV.NXT */
	u32 copied_seq;			/* the next byte the reader takes */
	u32 rcv_wup;			/* rcv_nxt when we last sent a window */
	u32 rcv_wnd;			/* the window we last sent (bytes) */
	u32 window_clamp;
	u32 rcv_ssthresh;
	u32 rcv_mss;			/* the largest segment seen, for delayed ACK */
	u32 urg_data;
	unsigned int rcv_queued;	/* bytes in sk_receive_queue */
	struct sk_buff_head out_of_order_queue;
	u32 irs;

	/* send side */
	u32 snd_una;			/* SND.UNA */
	u32 snd_nxt;			/* SND.NXT */
	u32 write_seq;			/* the sequence number after the last byte queued */
	u32 snd_wl1, snd_wl2;		/* SND.WL1/WL2: the segment that updated snd_wnd */
	u32 snd_wnd;			/* the peer's window, scaled */
	u32 max_window;
	u32 snd_up;
	u32 iss;
	/* sk_write_queue: sent-unacked, then unsent; sk_send_head the first unsent */
	unsigned int wmem_queued;	/* bytes in write_queue, charged to sk_sndbuf */
	u32 packets_out;		/* segments between snd_una and snd_nxt */
	u32 mss_cache;			/* the MSS we send with, options excluded */
	u32 pmtu;			/* the route's MTU */
	int sndbuf_auto, rcvbuf_auto;	/* the sizes we chose: a different one is the user's */
	u16 advmss;			/* the MSS we announced */
	u16 user_mss;			/* TCP_MAXSEG */
	u8 nonagle;			/* TCP_NAGLE_OFF / TCP_NAGLE_CORK bits */

	/* congestion control (Reno, RFC 5681, with NewReno recovery RFC 6582) */
	u32 snd_cwnd;			/* segments */
	u32 snd_cwnd_cnt;
	u32 snd_ssthresh;
	u32 high_seq;			/* snd_nxt when recovery began */
	u32 dup_acks;
	u32 prior_ssthresh;

	/* RTT (RFC 6298), in microseconds */
	u32 srtt_us;			/* smoothed RTT << 3 */
	u32 mdev_us;			/* RTT deviation << 2 */
	u32 rtt_seq;

	struct tcp_options_received rx_opt;
	u32 tsoffset;

	/* keepalive, FIN_WAIT2 and TIME_WAIT share sk->sk_timer as in Linux */
	int keepalive_time, keepalive_intvl;	/* jiffies; 0: the defaults */
	u8 keepalive_probes;
	int linger2;			/* TCP_LINGER2, jiffies; 0: the default */
	u32 user_timeout;		/* TCP_USER_TIMEOUT, ms */
	unsigned long rcv_tstamp;	/* jiffies when the last ACK arrived */
	unsigned long lsndtime;		/* jiffies when we last sent data */
	unsigned long lrcvtime;

	/* statistics for TCP_INFO */
	u32 total_retrans;
	u32 segs_in, segs_out, data_segs_in, data_segs_out;
	u64 bytes_acked, bytes_received, bytes_sent;
};

#define TCP_NAGLE_OFF	1
#define TCP_NAGLE_CORK	2

static inline struct tcp_sock *tcp_sk(const struct sock *sk)
{
	return (struct tcp_sock *)sk;
}

static inline bool before(u32 seq1, u32 seq2)
{
	return (s32)(seq1 - seq2) < 0;
}
#define after(seq2, seq1)	before(seq1, seq2)

/* is s2 <= s1 <= s3 ? */
static inline bool between(u32 seq1, u32 seq2, u32 seq3)
{
	return seq3 - seq2 >= seq1 - seq2;
}

/* The timestamp clock: milliseconds (RFC 7323 allows 1 ms to 1 s per tick). */
static inline u32 tcp_time_stamp(void)
{
	return jiffies_to_msecs(jiffies);
}

static inline u32 tcp_receive_window(const struct tcp_sock *tp)
{
	s32 win = tp->rcv_wup + tp->rcv_wnd - tp->rcv_nxt;

	return win < 0 ? 0 : win;
}

static inline unsigned int tcp_space(const struct sock *sk)
{
	int free = sk->sk_rcvbuf / 2 - (int)tcp_sk(sk)->rcv_queued;

	return free < 0 ? 0 : free;
}

static inline int keepalive_time_when(const struct tcp_sock *tp)
{
	return tp->keepalive_time ? : TCP_KEEPALIVE_TIME;
}

static inline int keepalive_intvl_when(const struct tcp_sock *tp)
{
	return tp->keepalive_intvl ? : TCP_KEEPALIVE_INTVL;
}

static inline int keepalive_probes(const struct tcp_sock *tp)
{
	return tp->keepalive_probes ? : TCP_KEEPALIVE_PROBES;
}

static inline u32 tcp_packets_in_flight(const struct tcp_sock *tp)
{
	return tp->packets_out;
}

static inline struct sk_buff *tcp_write_queue_head(const struct sock *sk)
{
	return skb_peek(&sk->sk_write_queue);
}

/* Process context takes the sock lock with lock_sock (bottom halves off);
 * the receive path and the timers run in softirq context and take it plain. */
static inline void bh_lock_sock(struct sock *sk)
{
	spin_lock(&sk->sk_lock);
}

static inline void bh_unlock_sock(struct sock *sk)
{
	spin_unlock(&sk->sk_lock);
}

extern struct proto tcp_prot;
extern const struct proto_ops inet_stream_ops;
extern atomic_t tcp_orphan_count;

/* tcp.c */
void tcp_set_state(struct sock *sk, int state);
void tcp_done(struct sock *sk);
void tcp_destroy_sock(struct sock *sk);
void tcp_init_sock(struct sock *sk);
void tcp_cleanup_rbuf(struct sock *sk, int copied);
void tcp_write_queue_purge(struct sock *sk);
int tcp_disconnect(struct sock *sk, int flags);
int tcp_seq_show(struct seq_file *m, void *v);
const char *tcp_state_name(int state);

/* tcp_input.c */
int tcp_rcv_state_process(struct sock *sk, struct sk_buff *skb);
void tcp_parse_options(const struct sk_buff *skb, struct tcp_options_received *opt);
void tcp_reset(struct sock *sk);
void tcp_fin(struct sock *sk);
void tcp_rearm_rto(struct sock *sk);
void tcp_init_transfer(struct sock *sk);
void tcp_enter_loss(struct sock *sk);

/*
 * A test's hook on every segment leaving: true drops it as a lossy link
 * would (tcp_test.c uses it to exercise retransmission; NULL otherwise).
 */
extern bool (*tcp_test_drop)(struct sock *sk, u32 seq, u8 flags, unsigned int len);

/* tcp_output.c */
int tcp_transmit_skb(struct sock *sk, struct sk_buff *skb);
void tcp_push_pending_frames(struct sock *sk);
void tcp_send_ack(struct sock *sk);
void tcp_send_delayed_ack(struct sock *sk);
void tcp_send_fin(struct sock *sk);
void tcp_send_active_reset(struct sock *sk);
int tcp_connect(struct sock *sk);
int tcp_send_synack(struct sock *sk);
int tcp_retransmit_skb(struct sock *sk, struct sk_buff *skb);
void tcp_send_probe0(struct sock *sk);
int tcp_write_wakeup(struct sock *sk);
unsigned int tcp_current_mss(struct sock *sk);
void tcp_sync_mss(struct sock *sk, u32 pmtu);
u32 tcp_select_initial_window(struct sock *sk, u8 *wscale);
void tcp_v4_send_reset(const struct sock *sk, struct sk_buff *skb);
void tcp_check_probe_timer(struct sock *sk);
void tcp_skb_set_owner(struct sock *sk, struct sk_buff *skb);
void tcp_free_skb(struct sock *sk, struct sk_buff *skb);

/* tcp_timer.c */
void tcp_init_xmit_timers(struct sock *sk);
void tcp_clear_xmit_timers(struct sock *sk);
void tcp_set_keepalive(struct sock *sk, int val);
void tcp_reset_keepalive_timer(struct sock *sk, unsigned long len);
void tcp_delete_keepalive_timer(struct sock *sk);
void tcp_time_wait(struct sock *sk, int state, unsigned long timeo);
void tcp_set_rto(struct sock *sk);

/* tcp_ipv4.c */
int tcp_v4_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len);
int tcp_v4_rcv(struct sk_buff *skb);
void tcp_v4_send_check(struct sock *sk, struct sk_buff *skb);
struct sock *tcp_v4_syn_recv_sock(struct sock *parent, struct sk_buff *skb);
int tcp_v4_init(void);

#endif
