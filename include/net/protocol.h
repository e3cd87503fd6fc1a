/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How transports plug into IPv4 (net/ipv4/af_inet.c, net/ipv4/protocol.c).
 *
 * Input: a struct net_protocol registered for an IP protocol number gets
 * every packet for this host carrying it (ip_local_deliver), and the ICMP
 * errors that quote one (err_handler, from icmp.c).
 *
 * Sockets: a struct inet_protosw registered for a (socket type, protocol)
 * pair is what socket(AF_INET, type, protocol) finds: its struct proto
 * and the proto_ops the socket gets.
 */
#ifndef _NET_PROTOCOL_H
#define _NET_PROTOCOL_H

#include <linux/list.h>
#include <linux/types.h>

struct sk_buff;
struct proto;
struct proto_ops;

#define MAX_INET_PROTOS	256

struct net_protocol {
	/* skb->data at the transport header; the handler owns the skb. */
	int (*handler)(struct sk_buff *skb);
	/*
	 * An ICMP error about a packet we sent: skb->data at the quoted
	 * transport header (at least 8 bytes), ip_hdr(skb) the quoted IP
	 * header, icmp_hdr(skb) the error.  The caller frees the skb.
	 */
	void (*err_handler)(struct sk_buff *skb, u32 info);
};

/* inet_protosw->flags */
#define INET_PROTOSW_REUSE	0x01	/* SO_REUSEADDR on by default */
#define INET_PROTOSW_PERMANENT	0x02
#define INET_PROTOSW_ICSK	0x04	/* connection-oriented (TCP) */

#define IPPROTO_WILDCARD	0	/* matches any protocol of the type */

struct inet_protosw {
	struct list_head list;
	unsigned short type;		/* SOCK_STREAM, SOCK_DGRAM, SOCK_RAW */
	unsigned short protocol;	/* IPPROTO_*, or IPPROTO_IP to match any */
	struct proto *prot;
	const struct proto_ops *ops;
	unsigned char flags;
};

extern const struct net_protocol *inet_protos[MAX_INET_PROTOS];

int inet_add_protocol(const struct net_protocol *prot, unsigned char num);
int inet_del_protocol(const struct net_protocol *prot, unsigned char num);
void inet_register_protosw(struct inet_protosw *p);

#endif
