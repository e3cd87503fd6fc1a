// SPDX-License-Identifier: GPL-2.0
/*
 * Link-layer addressing for IPv4 output.  Devices without ARP (the
 * loopback, IFF_NOARP) and broadcasts need no lookup: the link header
 * is built straight away.  ARP itself (RFC 826, the neighbour cache
 * resolving a next hop's Ethernet address) is not written yet, so a
 * unicast packet on an Ethernet device is dropped with EHOSTUNREACH;
 * lo, the only device Lantern registers today, never gets there.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <asm/byteorder.h>
#include <net/ip.h>
#include <net/route.h>

int neigh_resolve_output(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct rtable *rt = skb_rtable(skb);
	int err;

	if ((dev->flags & (IFF_LOOPBACK | IFF_NOARP)) || (rt && rt->rt_type == RTN_BROADCAST)) {
		err = dev_hard_header(skb, dev, ETH_P_IP,
				      (dev->flags & IFF_LOOPBACK) ? NULL : dev->broadcast,
				      NULL, skb->len);
		if (err < 0) {
			kfree_skb(skb);
			return err;
		}
		return 1;
	}
	dev->stats.tx_dropped++;
	kfree_skb(skb);
	return -EHOSTUNREACH;
}
