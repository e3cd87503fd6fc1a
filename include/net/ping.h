/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ICMP echo ("ping") sockets, socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)
 * (net/ipv4/ping.c): unprivileged ping for the groups in
 * net.ipv4.ping_group_range.  The socket's "port" is the echo
 * identifier, so replies find the socket that sent the request.
 */
#ifndef _NET_PING_H
#define _NET_PING_H

#include <net/inet_sock.h>

struct sk_buff;
struct seq_file;

extern struct proto ping_prot;

/* Called by icmp.c with an echo reply; true if a socket took it. */
bool ping_rcv(struct sk_buff *skb);
void ping_err(struct sk_buff *skb, u32 info);
void ping_init(void);

#endif
