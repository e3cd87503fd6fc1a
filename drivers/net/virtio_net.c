// SPDX-License-Identifier: GPL-2.0
/*
 * virtio-net: the paravirtual Ethernet card QEMU offers (-device
 * virtio-net-pci).  Queue 0 receives, queue 1 transmits; every packet
 * both ways starts with a 12-byte struct virtio_net_hdr_v1.
 *
 * Receive is NAPI: the receive queue is kept full of empty buffers, each
 * big enough for a whole Ethernet frame; its interrupt only schedules
 * the poll, which (in the NET_RX softirq) takes up to its budget of
 * filled buffers, hands them up with netif_receive_skb, and refills the
 * queue; only when it finds the queue empty does it turn the interrupt
 * back on.  Transmit puts the packet, header pushed in front, on the
 * transmit queue and frees the buffers the device has finished with.
 *
 * Negotiated: the MAC address, the link status and the MTU.  Checksum
 * offload, segmentation offload and mergeable receive buffers are not:
 * the stack checksums in software and sends frames of at most the MTU.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/virtio.h>
#include <uapi/linux/virtio_blk.h>
#include <uapi/linux/virtio_net.h>

#define VNET_HDR_LEN	sizeof(struct virtio_net_hdr_v1)
#define VNET_RX_BUF	(VNET_HDR_LEN + ETH_FRAME_LEN + 4)	/* + a VLAN tag's worth */
#define VNET_RX_FILL	128

struct virtnet_info {
	struct virtio_device *vdev;
	struct net_device *dev;
	struct virtqueue *rvq, *svq;
	struct napi_struct napi;
	spinlock_t tx_lock;		/* the transmit queue, against its interrupt */
	unsigned int rx_posted;
};

/* Keep the receive queue supplied with empty buffers (softirq or probe). */
static void try_fill_recv(struct virtnet_info *vi)
{
	bool added = false;

	while (vi->rx_posted < VNET_RX_FILL) {
		struct sk_buff *skb = alloc_skb(NET_IP_ALIGN + VNET_RX_BUF, GFP_ATOMIC);
		struct vscatter sg;

		if (!skb)
			break;
		skb_reserve(skb, NET_IP_ALIGN);
		sg.addr = skb->data;
		sg.len = VNET_RX_BUF;
		if (virtqueue_add_sgs(vi->rvq, &sg, 0, 1, skb)) {
			kfree_skb(skb);
			break;
		}
		vi->rx_posted++;
		added = true;
	}
	if (added)
		virtqueue_kick(vi->rvq);
}

static int virtnet_poll(struct napi_struct *napi, int budget)
{
	struct virtnet_info *vi = container_of(napi, struct virtnet_info, napi);
	struct net_device *dev = vi->dev;
	unsigned int len;
	int done = 0;

	while (done < budget) {
		struct sk_buff *skb = virtqueue_get_buf(vi->rvq, &len);

		if (!skb)
			break;
		vi->rx_posted--;
		done++;
		if (len < VNET_HDR_LEN + ETH_HLEN || len > VNET_RX_BUF) {
			dev->stats.rx_length_errors++;
			dev->stats.rx_errors++;
			kfree_skb(skb);
			continue;
		}
		skb_put(skb, len);
		skb_pull(skb, VNET_HDR_LEN);
		dev->stats.rx_packets++;
		dev->stats.rx_bytes += skb->len;
		skb->protocol = eth_type_trans(skb, dev);
		if (skb->pkt_type == PACKET_MULTICAST || skb->pkt_type == PACKET_BROADCAST)
			dev->stats.multicast += skb->pkt_type == PACKET_MULTICAST;
		netif_receive_skb(skb);
	}
	try_fill_recv(vi);
	if (done < budget) {
		napi_complete_done(napi, done);
		/* a buffer that came in meanwhile: poll again rather than wait */
		if (!virtqueue_enable_cb(vi->rvq)) {
			virtqueue_disable_cb(vi->rvq);
			napi_schedule(napi);
		}
	}
	return done;
}

static void skb_recv_done(struct virtqueue *rvq)
{
	struct virtnet_info *vi = rvq->vdev->priv;

	virtqueue_disable_cb(rvq);
	napi_schedule(&vi->napi);
}

/* tx_lock held: free what the device has sent. */
static void free_old_xmit_skbs(struct virtnet_info *vi)
{
	struct sk_buff *skb;
	unsigned int len;

	while ((skb = virtqueue_get_buf(vi->svq, &len)))
		consume_skb(skb);
}

static void skb_xmit_done(struct virtqueue *svq)
{
	struct virtnet_info *vi = svq->vdev->priv;
	unsigned long flags;

	spin_lock_irqsave(&vi->tx_lock, flags);
	free_old_xmit_skbs(vi);
	spin_unlock_irqrestore(&vi->tx_lock, flags);
}

static netdev_tx_t start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct virtnet_info *vi = netdev_priv(dev);
	struct virtio_net_hdr_v1 *hdr;
	struct vscatter sg;
	unsigned long flags;
	unsigned int len;
	int err;

	if (skb_headroom(skb) < VNET_HDR_LEN) {
		struct sk_buff *n = skb_copy_expand(skb, VNET_HDR_LEN, 0, GFP_ATOMIC);

		kfree_skb(skb);
		if (!n) {
			dev->stats.tx_dropped++;
			return NETDEV_TX_OK;
		}
		skb = n;
	}
	skb_orphan(skb);	/* the sender's charge ends when the device has it */
	len = skb->len;
	hdr = skb_push(skb, VNET_HDR_LEN);
	memset(hdr, 0, VNET_HDR_LEN);
	sg.addr = skb->data;
	sg.len = skb->len;
	spin_lock_irqsave(&vi->tx_lock, flags);
	free_old_xmit_skbs(vi);
	err = virtqueue_add_sgs(vi->svq, &sg, 1, 0, skb);
	if (!err)
		virtqueue_kick(vi->svq);
	spin_unlock_irqrestore(&vi->tx_lock, flags);
	if (err) {
		/* the ring is full of packets not yet sent: this one is lost */
		dev->stats.tx_dropped++;
		kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += len;
	return NETDEV_TX_OK;
}

static int virtnet_open(struct net_device *dev)
{
	struct virtnet_info *vi = netdev_priv(dev);

	try_fill_recv(vi);
	virtqueue_enable_cb(vi->rvq);
	napi_schedule(&vi->napi);	/* anything that came while down */
	return 0;
}

static int virtnet_change_mtu(struct net_device *dev, int new_mtu)
{
	dev->mtu = new_mtu;
	return 0;
}

static const struct net_device_ops virtnet_netdev = {
	.ndo_open	= virtnet_open,
	.ndo_start_xmit	= start_xmit,
	.ndo_change_mtu	= virtnet_change_mtu,
};

static void virtnet_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &virtnet_netdev;
}

static int virtnet_probe(struct virtio_device *vdev)
{
	vq_callback_t *callbacks[] = { skb_recv_done, skb_xmit_done };
	const char *const names[] = { "input.0", "output.0" };
	struct virtqueue *vqs[2];
	struct virtnet_info *vi;
	struct net_device *dev;
	int err, i;

	dev = alloc_netdev(sizeof(*vi), "eth%d", virtnet_setup);
	if (!dev)
		return -ENOMEM;
	vi = netdev_priv(dev);
	vi->vdev = vdev;
	vi->dev = dev;
	spin_lock_init(&vi->tx_lock);
	vdev->priv = vi;
	if (virtio_has_feature(vdev, VIRTIO_NET_F_MAC)) {
		for (i = 0; i < ETH_ALEN; i++)
			vdev->config->get(vdev, VIRTIO_NET_CFG_MAC + i, &dev->dev_addr[i], 1);
	} else {
		/* a locally administered address of our own */
		static const unsigned char mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x4c, 0x54, 0x00 };

		memcpy(dev->dev_addr, mac, ETH_ALEN);
		dev->dev_addr[5] = vdev->index;
	}
	if (virtio_has_feature(vdev, VIRTIO_NET_F_MTU)) {
		u16 mtu = virtio_cread(vdev, u16, VIRTIO_NET_CFG_MTU);

		if (mtu >= 68 && mtu < dev->mtu)
			dev->mtu = dev->max_mtu = mtu;
	}
	err = vdev->config->find_vqs(vdev, 2, vqs, callbacks, names);
	if (err)
		goto out_free;
	vi->rvq = vqs[0];
	vi->svq = vqs[1];
	netif_napi_add(dev, &vi->napi, virtnet_poll, NAPI_POLL_WEIGHT);
	virtqueue_disable_cb(vi->rvq);
	virtio_device_ready(vdev);
	err = register_netdev(dev);
	if (err)
		goto out_vqs;
	pr_info("virtio_net %s: %s, MAC %02x:%02x:%02x:%02x:%02x:%02x, MTU %u\n", vdev->name,
		dev->name, dev->dev_addr[0], dev->dev_addr[1], dev->dev_addr[2], dev->dev_addr[3],
		dev->dev_addr[4], dev->dev_addr[5], dev->mtu);
	return 0;
out_vqs:
	vdev->config->del_vqs(vdev);
out_free:
	free_netdev(dev);
	return err;
}

static const struct virtio_device_id virtnet_id_table[] = {
	{ VIRTIO_ID_NET, VIRTIO_DEV_ANY_ID },
	{ 0 },
};

static const unsigned int virtnet_features[] = {
	VIRTIO_NET_F_MAC, VIRTIO_NET_F_STATUS, VIRTIO_NET_F_MTU,
};

static struct virtio_driver virtio_net_driver = {
	.name			= "virtio_net",
	.id_table		= virtnet_id_table,
	.feature_table		= virtnet_features,
	.feature_table_size	= ARRAY_SIZE(virtnet_features),
	.probe			= virtnet_probe,
};

static int __init virtio_net_init(void)
{
	return register_virtio_driver(&virtio_net_driver);
}
device_initcall(virtio_net_init);
