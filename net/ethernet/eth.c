// SPDX-License-Identifier: GPL-2.0
/*
 * Ethernet framing: the 14-byte header (destination, source, EtherType)
 * every Ethernet-like device puts in front of its packets, built on
 * output (eth_header) and read on input (eth_type_trans, which also says
 * whether the frame was for us, a broadcast, or someone else's).
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/string.h>
#include <asm/byteorder.h>

static int eth_header(struct sk_buff *skb, struct net_device *dev, unsigned short type,
		      const void *daddr, const void *saddr, unsigned int len)
{
	struct ethhdr *eth = skb_push(skb, ETH_HLEN);

	(void)len;
	eth->h_proto = htons(type);
	memcpy(eth->h_source, saddr ? saddr : dev->dev_addr, ETH_ALEN);
	if (daddr)
		memcpy(eth->h_dest, daddr, ETH_ALEN);
	else
		memset(eth->h_dest, 0, ETH_ALEN);
	return ETH_HLEN;
}

const struct header_ops eth_header_ops = {
	.create = eth_header,
};

/* Pull the Ethernet header off a received frame and say which protocol follows. */
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const struct ethhdr *eth;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	if (skb->len < ETH_HLEN)
		return 0;
	eth = (const struct ethhdr *)skb->data;
	skb_pull(skb, ETH_HLEN);
	if (eth->h_dest[0] & 1) {
		static const unsigned char bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

		skb->pkt_type = memcmp(eth->h_dest, bcast, ETH_ALEN) ?
			PACKET_MULTICAST : PACKET_BROADCAST;
	} else if (memcmp(eth->h_dest, dev->dev_addr, ETH_ALEN) &&
		   !(dev->flags & IFF_LOOPBACK)) {
		skb->pkt_type = PACKET_OTHERHOST;
	} else {
		skb->pkt_type = PACKET_HOST;
	}
	return eth->h_proto;
}

void ether_setup(struct net_device *dev)
{
	dev->header_ops = &eth_header_ops;
	dev->type = ARPHRD_ETHER;
	dev->hard_header_len = ETH_HLEN;
	dev->mtu = ETH_DATA_LEN;
	dev->min_mtu = 68;
	dev->max_mtu = ETH_DATA_LEN;
	dev->addr_len = ETH_ALEN;
	dev->tx_queue_len = 1000;
	dev->flags = IFF_BROADCAST | IFF_MULTICAST;
	memset(dev->broadcast, 0xff, ETH_ALEN);
}
