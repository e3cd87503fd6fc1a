/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct inet_connection_sock: what a connection-oriented Internet
 * protocol (TCP) adds to inet_sock.  A listener keeps two queues of
 * children: connections still in their handshake (the SYN queue) and
 * established ones waiting for accept() (the accept queue).  Linux
 * keeps the first as small request_socks; Lantern makes a full child at
 * the SYN, which costs more memory per half-open connection but lets one
 * state machine drive both.  The timers and the retransmission timeout
 * live here too, as in Linux.
 */
#ifndef _INET_CONNECTION_SOCK_H
#define _INET_CONNECTION_SOCK_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <net/inet_sock.h>

/* icsk_pending: what the retransmit timer is armed for */
#define ICSK_TIME_RETRANS	1
#define ICSK_TIME_PROBE0	3

/* icsk_ack.pending */
#define ICSK_ACK_SCHED		1
#define ICSK_ACK_TIMER		2
#define ICSK_ACK_NOW		4

struct inet_connection_sock {
	struct inet_sock icsk_inet;

	/* a listener's children; rskq_lock guards both lists and the counts */
	spinlock_t rskq_lock;
	struct list_head icsk_syn_queue;
	struct list_head icsk_accept_queue;
	unsigned int icsk_syn_qlen;

	/* a child's place on its listener's queue, and the listener (held) */
	struct list_head icsk_child;
	struct sock *icsk_parent;
	bool icsk_in_acceptq;

	/* the local port this sock holds (inet_hashtables.h) */
	struct hlist_node icsk_bind_node;
	bool icsk_bound;
	bool icsk_port_locked;		/* bind() named the port: keep it past CLOSE */
	bool icsk_hashed;
	bool icsk_destroyed;
	struct hlist_node icsk_hash_node;	/* established or listening table */

	struct timer_list icsk_retransmit_timer;
	struct timer_list icsk_delack_timer;
	unsigned long icsk_timeout;	/* jiffies, when the retransmit timer fires */
	unsigned long icsk_rto;		/* jiffies */
	u8 icsk_pending;
	u8 icsk_retransmits;		/* of the segment at the head, this episode */
	u8 icsk_backoff;
	u8 icsk_probes_out;
	u8 icsk_ca_state;
	u8 icsk_syn_retries;		/* TCP_SYNCNT, 0 = the sysctl */
	struct {
		u8 pending;
		u8 quick;		/* ACK the next this many segments at once */
		bool pingpong;		/* interactive: delay ACKs to piggyback */
		unsigned long ato;	/* jiffies */
		unsigned long timeout;
		u32 lrcvtime;
	} icsk_ack;
};

static inline struct inet_connection_sock *inet_csk(const struct sock *sk)
{
	return (struct inet_connection_sock *)sk;
}

/* net/ipv4/inet_connection_sock.c */
int inet_csk_get_port(struct sock *sk, unsigned short snum);
int inet_csk_bind_port(struct sock *sk, unsigned short snum);
void inet_put_port(struct sock *sk);
void inet_csk_reset_xmit_timer(struct sock *sk, int what, unsigned long when);
void inet_csk_clear_xmit_timer(struct sock *sk);
void sk_reset_timer(struct sock *sk, struct timer_list *timer, unsigned long expires);
void sk_stop_timer(struct sock *sk, struct timer_list *timer);
int inet_csk_listen_start(struct sock *sk, int backlog);
void inet_csk_listen_stop(struct sock *sk);
void inet_csk_reqsk_queue_add(struct sock *parent, struct sock *child);
bool inet_csk_reqsk_queue_move(struct sock *parent, struct sock *child);
void inet_csk_reqsk_queue_drop(struct sock *child);
struct sock *inet_csk_accept(struct sock *sk, int flags, int *err);

static inline bool inet_csk_acceptq_is_full(const struct sock *sk)
{
	return READ_ONCE(sk->sk_ack_backlog) > READ_ONCE(sk->sk_max_ack_backlog);
}

#endif
