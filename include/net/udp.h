/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UDP (net/ipv4/udp.c): datagram sockets over IPv4.  A udp_sock is an
 * inet_sock with the state a datagram socket needs beyond it (the
 * corking of MSG_MORE is left out).  Bound sockets are found through a
 * hash of their local port.
 */
#ifndef _NET_UDP_H
#define _NET_UDP_H

#include <linux/list.h>
#include <linux/udp.h>
#include <net/inet_sock.h>

struct seq_file;

struct udp_sock {
	struct inet_sock inet;
	int no_check6_tx;
};

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
