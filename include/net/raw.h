/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Raw IPv4 sockets, socket(AF_INET, SOCK_RAW, protocol) (net/ipv4/raw.c):
 * root's view of whole IP packets.  Every packet of the socket's
 * protocol that arrives for this host is copied to it, IP header
 * included; what it sends gets an IP header built for it, or, with
 * IP_HDRINCL (always for IPPROTO_RAW), carries the user's own.
 */
#ifndef _NET_RAW_H
#define _NET_RAW_H

#include <net/inet_sock.h>

struct sk_buff;
struct seq_file;

struct raw_sock {
	struct inet_sock inet;
	u32 icmp_filter;		/* ICMP_FILTER: bit n set drops type n */
};

extern struct proto raw_prot;

/* Give a copy of an arriving packet to each raw socket of its protocol; true if any. */
bool raw_local_deliver(struct sk_buff *skb, int protocol);
void raw_icmp_error(struct sk_buff *skb, int protocol, u32 info);
void raw_init(void);

#endif
