/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct inet_sock: the part of an AF_INET socket every transport
 * (UDP, TCP, ICMP ping, raw) shares: the addresses and ports it is bound
 * and connected to and the IP-level options.  It embeds struct sock first
 * and is itself embedded first in udp_sock, tcp_sock, ..., so a sock
 * pointer converts with inet_sk().  Addresses and ports are in network
 * order; inet_num is the local port in host order (0: not bound), which
 * is also what tells raw sockets' protocol.
 */
#ifndef _NET_INET_SOCK_H
#define _NET_INET_SOCK_H

#include <linux/types.h>
#include <net/sock.h>

struct inet_sock {
	struct sock sk;
	__be32 inet_saddr;		/* source address for sending */
	__be32 inet_rcv_saddr;		/* bound address (0: any) */
	__be32 inet_daddr;		/* connected peer (0: none) */
	__be16 inet_sport;		/* bound port */
	__be16 inet_dport;		/* connected peer's port */
	u16 inet_num;			/* bound port, host order */
	u16 inet_id;			/* next IP ID for DF-less packets */
	u8 tos;
	u8 uc_ttl;			/* IP_TTL; 0xff: the default */
	u8 mc_ttl;
	u8 pmtudisc;			/* IP_MTU_DISCOVER */
	u8 recverr:1,			/* IP_RECVERR */
	   hdrincl:1,			/* raw: the user writes the IP header */
	   freebind:1,
	   mc_loop:1,
	   is_icsk:1;			/* a connection-oriented sock (TCP) */
	u32 cmsg_flags;			/* IP_CMSG_*: which ancillary data to deliver */
};

/* inet_sock->cmsg_flags */
#define IP_CMSG_PKTINFO		(1 << 0)
#define IP_CMSG_TTL		(1 << 1)
#define IP_CMSG_TOS		(1 << 2)
#define IP_CMSG_RECVOPTS	(1 << 3)
#define IP_CMSG_RETOPTS		(1 << 4)

static inline struct inet_sock *inet_sk(const struct sock *sk)
{
	return (struct inet_sock *)sk;
}

#endif
