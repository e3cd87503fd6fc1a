// SPDX-License-Identifier: GPL-2.0
/*
 * The loopback device "lo": every packet sent on it is received on it.
 * Transmit turns the outgoing packet around and queues it with
 * netif_rx, so the receive half runs later in the NET_RX softirq, as it
 * would for a packet from a wire; the sender's context never re-enters
 * the protocol it is sending from.  lo comes up at boot with 127.0.0.1/8
 * (Linux leaves that to the init system; Lantern's minimal inits do not
 * do it) and a 64 KiB MTU, so loopback traffic is not fragmented.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <asm/byteorder.h>

struct net_device *loopback_dev;

static netdev_tx_t loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
	unsigned int len;

	/* The sender is no longer charged once its packet is on the "wire". */
	skb_orphan(skb);
	skb->protocol = eth_type_trans(skb, dev);
	len = skb->len;
	if (netif_rx(skb) == NET_RX_SUCCESS) {
		dev->stats.tx_packets++;
		dev->stats.tx_bytes += len;
		dev->stats.rx_packets++;
		dev->stats.rx_bytes += len;
	}
	return NETDEV_TX_OK;
}

static const struct net_device_ops loopback_ops = {
	.ndo_start_xmit = loopback_xmit,
};

static void loopback_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->mtu = 64 * 1024;
	dev->min_mtu = 0;
	dev->max_mtu = 64 * 1024 + 1024;
	dev->type = ARPHRD_LOOPBACK;
	dev->flags = IFF_LOOPBACK;
	dev->tx_queue_len = 0;
	dev->netdev_ops = &loopback_ops;
	memset(dev->broadcast, 0, ETH_ALEN);
}

static int __init loopback_init(void)
{
	struct net_device *dev = alloc_netdev(0, "lo", loopback_setup);
	int err;

	if (!dev)
		return -ENOMEM;
	err = register_netdev(dev);
	if (err) {
		free_netdev(dev);
		return err;
	}
	loopback_dev = dev;
	err = inet_ifa_add(dev, htonl(0x7f000001), 8);
	if (err)
		pr_warn("lo: cannot add 127.0.0.1/8: %d\n", err);
	return dev_open(dev);
}
device_initcall(loopback_init);
