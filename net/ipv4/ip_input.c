// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 input: every packet with EtherType IPv4 reaches ip_rcv in the
 * NET_RX softirq.  It is checked before anything trusts it (version,
 * header length, checksum, total length against what actually
 * arrived); a malformed packet is counted in /proc/net/snmp and dropped.
 * A packet for one of our addresses (or a broadcast) is reassembled if
 * it is a fragment and handed to raw sockets and then to its transport
 * by protocol number (ip_local_deliver); one for someone else is
 * dropped, since Lantern does not forward (net.ipv4.ip_forward is
 * stored but routing between interfaces is not implemented).  As on
 * Linux, the TTL of a packet delivered locally is not checked: TTL
 * limits forwarding.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/byteorder.h>
#include <uapi/linux/in.h>
#include <net/icmp.h>
#include <net/ip.h>
#include <net/protocol.h>
#include <net/raw.h>
#include <net/route.h>
#include <net/snmp.h>

unsigned long ip_mib[IPSTATS_MIB_MAX];
unsigned long ip_ext_mib[IPEXT_MIB_MAX];

int ip_local_deliver(struct sk_buff *skb)
{
	const struct net_protocol *ipprot;
	const struct iphdr *iph;
	bool raw;
	int protocol;

	if (ip_is_fragment(ip_hdr(skb))) {
		skb = ip_defrag(skb);
		if (!skb)
			return 0;	/* kept for reassembly, or dropped */
	}
	iph = ip_hdr(skb);
	protocol = iph->protocol;
	skb_pull(skb, iph->ihl * 4);
	skb_reset_transport_header(skb);

	raw = raw_local_deliver(skb, protocol);
	ipprot = READ_ONCE(inet_protos[protocol]);
	if (ipprot) {
		__IP_INC_STATS(IPSTATS_MIB_INDELIVERS);
		return ipprot->handler(skb);
	}
	if (raw) {
		__IP_INC_STATS(IPSTATS_MIB_INDELIVERS);
	} else {
		__IP_INC_STATS(IPSTATS_MIB_INUNKNOWNPROTOS);
		if (skb->pkt_type == PACKET_HOST)
			icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH, 0);
	}
	kfree_skb(skb);
	return 0;
}

int ip_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	const struct iphdr *iph;
	unsigned int len, hlen;
	int type;

	if (skb->pkt_type == PACKET_OTHERHOST)
		goto drop;	/* a frame for another host: not ours to count */
	__IP_INC_STATS(IPSTATS_MIB_INRECEIVES);
	memset(IPCB(skb), 0, sizeof(struct inet_skb_parm));
	IPCB(skb)->iif = dev->ifindex;

	if (!pskb_may_pull(skb, sizeof(struct iphdr)))
		goto inhdr_error;
	iph = ip_hdr(skb);
	/* RFC 1122 3.2.1.2: silently discard a wrong version or a short header. */
	if (iph->ihl < 5 || iph->version != 4)
		goto inhdr_error;
	hlen = iph->ihl * 4;
	if (!pskb_may_pull(skb, hlen))
		goto inhdr_error;
	if (ip_fast_csum(iph, iph->ihl)) {
		ip_ext_mib[IPEXT_MIB_CSUMERRORS]++;
		goto inhdr_error;
	}
	len = ntohs(iph->tot_len);
	if (skb->len < len) {
		ip_ext_mib[IPEXT_MIB_INTRUNCATEDPKTS]++;
		goto drop;
	}
	if (len < hlen)
		goto inhdr_error;
	/* Link padding (Ethernet's 60-byte minimum) is not part of the packet. */
	skb_trim(skb, len);

	/* A broadcast or multicast source is a lie (RFC 1812 5.3.7). */
	if (ipv4_is_multicast(iph->saddr) || iph->saddr == htonl(INADDR_BROADCAST))
		goto addr_error;
	type = ip_route_input_type(iph->daddr);
	switch (type) {
	case RTN_LOCAL:
		break;
	case RTN_BROADCAST:
		skb->pkt_type = PACKET_BROADCAST;
		break;
	case RTN_MULTICAST:
		skb->pkt_type = PACKET_MULTICAST;
		break;
	default:
		/* Not ours, and we do not forward. */
		goto addr_error;
	}
	return ip_local_deliver(skb);

addr_error:
	__IP_INC_STATS(IPSTATS_MIB_INADDRERRORS);
	kfree_skb(skb);
	return NET_RX_DROP;
inhdr_error:
	__IP_INC_STATS(IPSTATS_MIB_INHDRERRORS);
drop:
	kfree_skb(skb);
	return NET_RX_DROP;
}
