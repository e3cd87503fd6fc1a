/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IPv4 itself (net/ipv4/ip_input.c, ip_output.c, ip_fragment.c,
 * ip_sockglue.c): receiving, sending, fragmenting and reassembling
 * packets, and the SOL_IP socket options.
 */
#ifndef _NET_IP_H
#define _NET_IP_H

#include <linux/ip.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <asm/byteorder.h>
#include <net/checksum.h>
#include <net/inet_sock.h>
#include <net/route.h>
#include <net/snmp.h>

struct net_device;
struct packet_type;
struct msghdr;

/* iph->frag_off, host order */
#define IP_CE		0x8000
#define IP_DF		0x4000
#define IP_MF		0x2000
#define IP_OFFSET	0x1FFF

#define IP_MAX_MTU	0xFFFFU
#define IPV4_MIN_MTU	68

/*
 * IP's part of skb->cb while a packet is inside IP and on the way up:
 * what the input path learned.  Transports may use the rest of cb.
 */
struct inet_skb_parm {
	int iif;			/* arrived on this ifindex */
	u16 flags;
	u16 frag_max_size;
};
#define IPCB(skb)	((struct inet_skb_parm *)((skb)->cb))

static inline bool ip_is_fragment(const struct iphdr *iph)
{
	return (iph->frag_off & htons(IP_MF | IP_OFFSET)) != 0;
}

static inline void ip_send_check(struct iphdr *iph)
{
	iph->check = 0;
	iph->check = ip_fast_csum(iph, iph->ihl);
}

static inline unsigned int ip_hdrlen(const struct sk_buff *skb)
{
	return ip_hdr(skb)->ihl * 4;
}

/* The TTL a socket sends with: IP_TTL or net.ipv4.ip_default_ttl. */
extern int sysctl_ip_default_ttl;
static inline int ip_select_ttl(const struct inet_sock *inet)
{
	return inet->uc_ttl == 0xff ? sysctl_ip_default_ttl : inet->uc_ttl;
}

/* ip_input.c */
int ip_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt);
int ip_local_deliver(struct sk_buff *skb);

/* ip_output.c */
int ip_queue_xmit(struct sock *sk, struct sk_buff *skb);
int ip_build_and_send_pkt(struct sk_buff *skb, const struct sock *sk, __be32 saddr,
			  __be32 daddr, u8 protocol);
int ip_output(struct sk_buff *skb);
int ip_local_out(struct sk_buff *skb);
int ip_finish_output(struct sk_buff *skb);
int ip_send_datagram(struct sock *sk, struct sk_buff *skb, struct rtable *rt,
		     __be32 saddr, __be32 daddr, u8 protocol, u8 tos, u8 ttl);
__be16 ip_select_ident(void);
void ip_init(void);

/* arp.c: fill in the link header for the next hop, or queue the packet
 * behind an ARP request.  >0: ready for dev_queue_xmit; 0: queued; <0: dropped. */
int neigh_resolve_output(struct sk_buff *skb);

/* ip_fragment.c */
struct sk_buff *ip_defrag(struct sk_buff *skb);
int ip_fragment(struct sk_buff *skb, unsigned int mtu, int (*output)(struct sk_buff *));

/* What a sender's control messages (IP_PKTINFO, IP_TTL, IP_TOS) ask for. */
struct ipcm_cookie {
	__be32 addr;			/* source address (IP_PKTINFO ipi_spec_dst) */
	int oif;
	int tos;			/* -1: the socket's */
	int ttl;			/* 0: the socket's */
};

/* ip_sockglue.c */
int ip_cmsg_send(struct sock *sk, struct msghdr *msg, struct ipcm_cookie *ipc);
int ip_setsockopt(struct sock *sk, int level, int optname,
		  const void __user *optval, unsigned int optlen);
int ip_getsockopt(struct sock *sk, int level, int optname,
		  char __user *optval, int __user *optlen);
void ip_cmsg_recv(struct msghdr *msg, struct sk_buff *skb);

/* sysctls (net/ipv4/sysctl_net_ipv4.c and each file's own) */
extern int sysctl_ip_forward;
extern int sysctl_ip_local_port_range[2];
extern int sysctl_ping_group_range[2];
extern int sysctl_ipfrag_high_thresh;
extern int sysctl_ipfrag_low_thresh;
extern int sysctl_ip_no_pmtu_disc;
extern int sysctl_ip_prot_sock;
extern int sysctl_ipfrag_time;
void inet_get_local_port_range(int *low, int *high);

#endif
