// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 output.  A transport hands down a packet whose data starts at
 * its own header, with room in front; IP routes it (ip_route_output),
 * pushes the IP header, and sends it on the route's device, cut into
 * fragments when it is bigger than the device's MTU.
 *
 *   ip_queue_xmit (connected sockets: TCP)  \
 *   ip_build_and_send_pkt (RST, SYN-ACK)     > ip_local_out -> ip_output
 *   udp/raw/icmp (their own headers, routed)/    -> ip_finish_output
 *        -> ip_fragment if too big -> link header -> dev_queue_xmit
 *
 * Packets to one of our own addresses are routed to the loopback device
 * and come back up through ip_rcv in the NET_RX softirq.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/byteorder.h>
#include <uapi/linux/in.h>
#include <net/ip.h>
#include <net/route.h>
#include <net/snmp.h>

int sysctl_ip_default_ttl = IPDEFTTL;
static u16 ip_ident;

/* The IP ID: unique enough per (source, destination, protocol) for reassembly. */
__be16 ip_select_ident(void)
{
	return htons(__atomic_add_fetch(&ip_ident, 1, __ATOMIC_RELAXED));
}

/* A packet that must not be fragmented by routers (path MTU discovery). */
static bool ip_dont_fragment(const struct sock *sk)
{
	return sk && inet_sk(sk)->pmtudisc >= IP_PMTUDISC_WANT;
}

/* Build the link-layer header and give the packet to its device. */
static int ip_finish_output2(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	unsigned int hh_len = dev->hard_header_len;
	int err;

	if (skb_headroom(skb) < hh_len) {
		struct sk_buff *skb2 = skb_copy_expand(skb, hh_len + 16, 0, GFP_ATOMIC);

		kfree_skb(skb);	/* the copy is unowned: the sender's charge ends here */
		if (!skb2) {
			IP_INC_STATS(IPSTATS_MIB_OUTDISCARDS);
			return -ENOBUFS;
		}
		skb = skb2;
	}
	if (dev->header_ops) {
		err = neigh_resolve_output(skb);
		if (err <= 0)
			return err;	/* queued behind ARP, or dropped */
	}
	return dev_queue_xmit(skb);
}

int ip_finish_output(struct sk_buff *skb)
{
	unsigned int mtu = dst_mtu(skb_dst(skb));

	if (skb->len > mtu)
		return ip_fragment(skb, mtu, ip_finish_output2);
	return ip_finish_output2(skb);
}

int ip_output(struct sk_buff *skb)
{
	struct dst_entry *dst = skb_dst(skb);

	skb->dev = dst->dev;
	skb->protocol = htons(ETH_P_IP);
	IP_INC_STATS(IPSTATS_MIB_OUTREQUESTS);
	return ip_finish_output(skb);
}

/* The header is complete but for length and checksum: finish it and send. */
int ip_local_out(struct sk_buff *skb)
{
	struct iphdr *iph = ip_hdr(skb);

	iph->tot_len = htons(skb->len);
	ip_send_check(iph);
	return skb_dst(skb)->output(skb);
}

static void ip_push_header(struct sk_buff *skb, const struct sock *sk, __be32 saddr,
			   __be32 daddr, u8 protocol, bool df)
{
	const struct inet_sock *inet = sk ? inet_sk(sk) : NULL;
	struct iphdr *iph;

	skb_push(skb, sizeof(struct iphdr));
	skb_reset_network_header(skb);
	iph = ip_hdr(skb);
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = inet ? inet->tos : 0;
	iph->frag_off = df ? htons(IP_DF) : 0;
	iph->id = ip_select_ident();
	iph->ttl = inet ? ip_select_ttl(inet) : sysctl_ip_default_ttl;
	iph->protocol = protocol;
	iph->saddr = saddr;
	iph->daddr = daddr;
	iph->check = 0;
}

/*
 * Send a segment of a connected socket: skb->data at the transport
 * header, MAX_HEADER of headroom.  Consumes the skb.
 */
int ip_queue_xmit(struct sock *sk, struct sk_buff *skb)
{
	struct inet_sock *inet = inet_sk(sk);
	struct rtable *rt;

	rt = ip_route_output(inet->inet_daddr, inet->inet_saddr);
	if (IS_ERR(rt)) {
		IP_INC_STATS(IPSTATS_MIB_OUTNOROUTES);
		kfree_skb(skb);
		return PTR_ERR(rt);
	}
	skb_dst_set(skb, &rt->dst);
	if (!skb_transport_header_was_set(skb) || skb_transport_header(skb) != skb->data)
		skb_reset_transport_header(skb);
	ip_push_header(skb, sk, inet->inet_saddr ? inet->inet_saddr : rt->rt_src,
		       rt->rt_dst, sk->sk_protocol, ip_dont_fragment(sk));
	return ip_local_out(skb);
}

/*
 * Send a packet for which there is no full socket (a SYN-ACK, an RST,
 * an ICMP reply): the caller names the addresses.  Consumes the skb.
 */
int ip_build_and_send_pkt(struct sk_buff *skb, const struct sock *sk, __be32 saddr,
			  __be32 daddr, u8 protocol)
{
	struct rtable *rt;

	rt = ip_route_output(daddr, saddr);
	if (IS_ERR(rt)) {
		IP_INC_STATS(IPSTATS_MIB_OUTNOROUTES);
		kfree_skb(skb);
		return PTR_ERR(rt);
	}
	skb_dst_set(skb, &rt->dst);
	skb_reset_transport_header(skb);
	/* without a socket (ICMP replies) the packet may be fragmented on the way */
	ip_push_header(skb, sk, saddr ? saddr : rt->rt_src, daddr, protocol,
		       sk ? ip_dont_fragment(sk) : false);
	return ip_local_out(skb);
}

/*
 * Send a datagram built by UDP, ping or raw: @rt is the route (its
 * reference passes to the skb), the header is built from @sk and
 * the arguments.
 */
int ip_send_datagram(struct sock *sk, struct sk_buff *skb, struct rtable *rt,
		     __be32 saddr, __be32 daddr, u8 protocol, u8 tos, u8 ttl)
{
	struct inet_sock *inet = inet_sk(sk);
	struct iphdr *iph;
	bool df = inet->pmtudisc == IP_PMTUDISC_DO || inet->pmtudisc == IP_PMTUDISC_PROBE;

	skb_dst_set(skb, &rt->dst);
	skb_reset_transport_header(skb);
	ip_push_header(skb, sk, saddr, daddr, protocol, df);
	iph = ip_hdr(skb);
	iph->tos = tos;
	iph->ttl = ttl;
	/* A datagram that fits goes with DF under IP_PMTUDISC_WANT, as Linux sends it. */
	if (inet->pmtudisc == IP_PMTUDISC_WANT && skb->len <= dst_mtu(&rt->dst))
		iph->frag_off = htons(IP_DF);
	return ip_local_out(skb);
}

void ip_init(void)
{
	ip_ident = (u16)jiffies;
}
