/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UDP (net/ipv4/udp.c): datagram sockets over IPv4.  A udp_sock is an
 * inet_sock with the state a datagram socket needs beyond it: the
 * datagram being built by corked sends (MSG_MORE, UDP_CORK).  Bound
 * sockets are found through a hash of their local port.
 */
#ifndef _NET_UDP_H
#define _NET_UDP_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/udp.h>
#include <net/inet_sock.h>

struct seq_file;

struct rtable;

struct udp_sock {
	struct inet_sock inet;
	int no_check6_tx;
	/*
	 * Corking: sends with MSG_MORE, or all sends while UDP_CORK is set,
	 * add to one datagram, which goes out with the first send that
	 * is not corked (or when UDP_CORK is cleared).  Its destination is
	 * the first piece's.  cork_lock serializes the senders (copying
	 * from user space may sleep).
	 */
	struct mutex cork_lock;
	int corkflag;			/* UDP_CORK */
	int pending;			/* AF_INET while a datagram is being built */
	struct sk_buff_head cork_queue;	/* its payload, piece by piece */
	unsigned int cork_len;
	struct rtable *cork_rt;		/* the route, held */
	__be32 cork_saddr;
	__be16 cork_dport;
	int cork_tos, cork_ttl;
};

static inline struct udp_sock *udp_sk(const struct sock *sk)
{
	return (struct udp_sock *)sk;
}

#define UDP_HTABLE_SIZE	128

struct udp_table {
	struct hlist_head hash[UDP_HTABLE_SIZE];
	spinlock_t lock;
};

extern struct proto udp_prot;
extern struct udp_table udp_table;

int udp_rcv(struct sk_buff *skb);
int ip4_datagram_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len);
int ip_datagram_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
			int *addr_len);
int udp_disconnect(struct sock *sk, int flags);
__poll_t udp_poll(struct file *file, struct socket *sock, struct poll_table_struct *wait);
void udp_err(struct sk_buff *skb, u32 info);
int udp_seq_show(struct seq_file *m, void *v);
void udp_init(void);

#endif
