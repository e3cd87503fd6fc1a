// SPDX-License-Identifier: GPL-2.0
/*
 * virtio-net: an Ethernet card behind two virtqueues.  Queue 0 holds
 * empty buffers the device fills with received frames; queue 1 holds
 * frames for the device to send.  Every frame, both ways, is preceded
 * by a struct virtio_net_hdr_v1 (12 bytes), which is where the offloads
 * live: on receive, DATA_VALID says the device already checked the
 * transport checksum and NEEDS_CSUM says it left one to compute
 * (GUEST_CSUM); with MRG_RXBUF a frame larger than one buffer continues
 * in num_buffers - 1 more.
 *
 * Receive is NAPI: the queue's interrupt only schedules the poll, which
 * runs in the NET_RX softirq, hands at most its budget of frames up the
 * stack, refills the ring, and turns the interrupt back on when the
 * ring is empty.  Sent frames are freed by the same poll (the transmit
 * queue's interrupt schedules it too), which is what gives a sending
 * socket its buffer space back.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/virtio.h>
#include <asm/byteorder.h>
#include <net/checksum.h>
#include <uapi/linux/virtio_blk.h>	/* VIRTIO_ID_NET */
#include <uapi/linux/virtio_net.h>

#define VNET_HDR_LEN	sizeof(struct virtio_net_hdr_v1)
/* One receive buffer: the header and a full frame of the largest MTU we allow. */
#define VNET_RX_FRAME	(ETH_HLEN + VLAN_HLEN + ETH_DATA_LEN)
#define VNET_RX_BUF	(VNET_HDR_LEN + VNET_RX_FRAME)
/* 2 + 12 + 14: the IP header starts 4-byte aligned. */
#define VNET_RX_PAD	2

struct virtnet_info {
	struct virtio_device *vdev;
	struct net_device *dev;
	struct virtqueue *rvq, *svq;
	struct napi_struct napi;
	spinlock_t tx_lock;		/* the transmit ring */
	bool mergeable;			/* VIRTIO_NET_F_MRG_RXBUF */
	unsigned int rx_posted;		/* buffers the device holds */
};

/* ---------- receive ---------- */

/* Give the device empty buffers until the ring is full; false if none could be added. */
static bool try_fill_recv(struct virtnet_info *vi, gfp_t gfp)
{
	bool added = false;

	for (;;) {
		struct sk_buff *skb = alloc_skb(VNET_RX_BUF + VNET_RX_PAD, gfp);
		struct vscatter sg;

		if (!skb)
			break;
		skb_reserve(skb, VNET_RX_PAD);
		sg.addr = skb->data;
		sg.len = VNET_RX_BUF;
		if (virtqueue_add_sgs(vi->rvq, &sg, 0, 1, skb) < 0) {
			kfree_skb(skb);
			break;
		}
		vi->rx_posted++;
		added = true;
	}
	if (added)
		virtqueue_kick(vi->rvq);
	return added;
}

/*
 * The rest of a frame that spans @more further buffers (MRG_RXBUF):
 * copied behind the first one's data.  Returns the grown skb or NULL
 * (frame dropped, its buffers consumed).
 */
static struct sk_buff *receive_mergeable(struct virtnet_info *vi, struct sk_buff *head,
					 unsigned int more)
{
	struct net_device *dev = vi->dev;

	while (more--) {
		unsigned int len;
		struct sk_buff *buf = virtqueue_get_buf(vi->rvq, &len);

		if (!buf) {
			/* The device said more buffers follow and there are none. */
			dev->stats.rx_length_errors++;
			goto drop;
		}
		vi->rx_posted--;
		if (len > VNET_RX_BUF || head->len + len > 65535) {
			kfree_skb(buf);
			dev->stats.rx_length_errors++;
			goto drop_rest;
		}
		if (skb_tailroom(head) < (int)len) {
			struct sk_buff *grown = skb_copy_expand(head, skb_headroom(head),
								len + VNET_RX_FRAME, GFP_ATOMIC);

			if (!grown) {
				kfree_skb(buf);
				dev->stats.rx_dropped++;
				goto drop_rest;
			}
			kfree_skb(head);
			head = grown;
		}
		memcpy(skb_put(head, len), buf->data, len);
		kfree_skb(buf);
	}
	return head;

drop_rest:
	while (more--) {
		unsigned int len;
		struct sk_buff *buf = virtqueue_get_buf(vi->rvq, &len);

		if (!buf)
			break;
		vi->rx_posted--;
		kfree_skb(buf);
	}
drop:
	kfree_skb(head);
	return NULL;
}

/* One used receive buffer of @len bytes (header included) up the stack. */
static void receive_buf(struct virtnet_info *vi, struct sk_buff *skb, unsigned int len)
{
	struct net_device *dev = vi->dev;
	struct virtio_net_hdr_v1 hdr;
	unsigned int num_buffers = 1;

	if (len < VNET_HDR_LEN + ETH_HLEN || len > VNET_RX_BUF) {
		dev->stats.rx_length_errors++;
		dev->stats.rx_errors++;
		kfree_skb(skb);
		return;
	}
	memcpy(&hdr, skb->data, VNET_HDR_LEN);
	skb_put(skb, len);
	skb_pull(skb, VNET_HDR_LEN);
	if (vi->mergeable)
		num_buffers = le16_to_cpu(hdr.num_buffers);
	if (num_buffers > 1) {
		skb = receive_mergeable(vi, skb, num_buffers - 1);
		if (!skb)
			return;
	}
	skb->ip_summed = CHECKSUM_NONE;
	if (hdr.flags & VIRTIO_NET_HDR_F_NEEDS_CSUM) {
		unsigned int start = le16_to_cpu(hdr.csum_start);
		unsigned int off = le16_to_cpu(hdr.csum_offset);
		__sum16 sum;

		/*
		 * The sender left the checksum to us (a peer on the same
		 * host): the pseudo-header sum is in place, fold the rest.
		 */
		if (start + off + sizeof(sum) > skb->len) {
			dev->stats.rx_frame_errors++;
			dev->stats.rx_errors++;
			kfree_skb(skb);
			return;
		}
		sum = csum_fold(csum_partial(skb->data + start, skb->len - start, 0));
		memcpy(skb->data + start + off, &sum, sizeof(sum));
		skb->ip_summed = CHECKSUM_UNNECESSARY;
	} else if (hdr.flags & VIRTIO_NET_HDR_F_DATA_VALID) {
		skb->ip_summed = CHECKSUM_UNNECESSARY;
	}
	dev->stats.rx_packets++;
	dev->stats.rx_bytes += skb->len;
	skb->protocol = eth_type_trans(skb, dev);
	netif_receive_skb(skb);
}

/* ---------- transmit ---------- */

/* Free what the device has sent.  tx_lock held. */
static void free_old_xmit_skbs(struct virtnet_info *vi)
{
	struct sk_buff *skb;
	unsigned int len;

	while ((skb = virtqueue_get_buf(vi->svq, &len)))
		consume_skb(skb);
}

static netdev_tx_t start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct virtnet_info *vi = netdev_priv(dev);
	struct virtio_net_hdr_v1 *hdr;
	unsigned int frame_len;
	struct vscatter sg;
	int err;

	if (skb_headroom(skb) < VNET_HDR_LEN) {
		struct sk_buff *nskb = skb_copy_expand(skb, VNET_HDR_LEN + VNET_RX_PAD, 0,
						       GFP_ATOMIC);

		kfree_skb(skb);
		if (!nskb) {
			dev->stats.tx_dropped++;
			return NETDEV_TX_OK;
		}
		skb = nskb;
	}
	frame_len = skb->len;
	hdr = skb_push(skb, VNET_HDR_LEN);
	memset(hdr, 0, sizeof(*hdr));	/* checksums are complete, no segmentation */
	sg.addr = skb->data;
	sg.len = skb->len;

	spin_lock_bh(&vi->tx_lock);
	free_old_xmit_skbs(vi);
	err = virtqueue_add_sgs(vi->svq, &sg, 1, 0, skb);
	if (!err)
		virtqueue_kick(vi->svq);
	spin_unlock_bh(&vi->tx_lock);
	if (err) {
		/*
		 * The ring is full of frames the device has not taken yet:
		 * drop this one as a full hardware queue would; the
		 * protocols above recover (TCP retransmits).
		 */
		dev->stats.tx_fifo_errors++;
		dev->stats.tx_dropped++;
		kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += frame_len;
	return NETDEV_TX_OK;
}

/* ---------- the poll and the interrupts ---------- */

static int virtnet_poll(struct napi_struct *napi, int budget)
{
	struct virtnet_info *vi = container_of(napi, struct virtnet_info, napi);
	int received = 0;

	spin_lock(&vi->tx_lock);
	free_old_xmit_skbs(vi);
	spin_unlock(&vi->tx_lock);

	while (received < budget) {
		unsigned int len;
		struct sk_buff *skb = virtqueue_get_buf(vi->rvq, &len);

		if (!skb)
			break;
		vi->rx_posted--;
		receive_buf(vi, skb, len);
		received++;
	}
	if (vi->rx_posted < virtqueue_get_vring_size(vi->rvq) / 2)
		try_fill_recv(vi, GFP_ATOMIC);

	if (received < budget && napi_complete_done(napi, received)) {
		/* A frame that came in while the interrupt was off: poll again. */
		if (!virtqueue_enable_cb(vi->rvq) || !virtqueue_enable_cb(vi->svq)) {
			virtqueue_disable_cb(vi->rvq);
			virtqueue_disable_cb(vi->svq);
			napi_schedule(napi);
		}
	}
	return received;
}

static void virtnet_interrupt(struct virtqueue *vq)
{
	struct virtnet_info *vi = vq->vdev->priv;

	virtqueue_disable_cb(vi->rvq);
	virtqueue_disable_cb(vi->svq);
	napi_schedule(&vi->napi);
}

static int virtnet_open(struct net_device *dev)
{
	struct virtnet_info *vi = netdev_priv(dev);

	napi_schedule(&vi->napi);
	return 0;
}

static const struct net_device_ops virtnet_netdev = {
	.ndo_open	= virtnet_open,
	.ndo_start_xmit	= start_xmit,
};

/* ---------- probe ---------- */

static int virtnet_probe(struct virtio_device *vdev)
{
	vq_callback_t *callbacks[2] = { virtnet_interrupt, virtnet_interrupt };
	const char *const names[2] = { "input.0", "output.0" };
	struct virtqueue *vqs[2];
	struct virtnet_info *vi;
	struct net_device *dev;
	int err;

	dev = alloc_netdev(sizeof(*vi), "eth%d", ether_setup);
	if (!dev)
		return -ENOMEM;
	vi = netdev_priv(dev);
	vi->vdev = vdev;
	vi->dev = dev;
	vdev->priv = vi;
	spin_lock_init(&vi->tx_lock);
	vi->mergeable = virtio_has_feature(vdev, VIRTIO_NET_F_MRG_RXBUF);
	dev->netdev_ops = &virtnet_netdev;
	dev->hard_header_len = ETH_HLEN + VNET_HDR_LEN;

	if (virtio_has_feature(vdev, VIRTIO_NET_F_MAC))
		vdev->config->get(vdev, VIRTIO_NET_CFG_MAC, dev->dev_addr, ETH_ALEN);
	else
		eth_random_addr(dev->dev_addr);
	if (!is_valid_ether_addr(dev->dev_addr)) {
		/* A multicast or zero address would make us unreachable. */
		eth_random_addr(dev->dev_addr);
	}
	dev->max_mtu = ETH_DATA_LEN;
	if (virtio_has_feature(vdev, VIRTIO_NET_F_MTU)) {
		u16 mtu = le16_to_cpu(virtio_cread(vdev, __le16, VIRTIO_NET_CFG_MTU));

		if (mtu >= 68 && mtu < dev->max_mtu)
			dev->max_mtu = mtu;
	}
	dev->mtu = dev->max_mtu;

	err = vdev->config->find_vqs(vdev, 2, vqs, callbacks, names);
	if (err)
		goto out_free;
	vi->rvq = vqs[0];
	vi->svq = vqs[1];
	netif_napi_add(dev, &vi->napi, virtnet_poll, NAPI_POLL_WEIGHT);
	virtio_device_ready(vdev);
	if (!try_fill_recv(vi, GFP_KERNEL)) {
		err = -ENOMEM;
		goto out_vqs;
	}
	err = register_netdev(dev);
	if (err)
		goto out_vqs;
	if (virtio_has_feature(vdev, VIRTIO_NET_F_STATUS) &&
	    !(le16_to_cpu(virtio_cread(vdev, __le16, VIRTIO_NET_CFG_STATUS)) & VIRTIO_NET_S_LINK_UP))
		netif_carrier_off(dev);
	else
		netif_carrier_on(dev);
	pr_info("virtio_net %s: %s %pM mtu %u%s%s\n", vdev->name, dev->name, dev->dev_addr,
		dev->mtu, vi->mergeable ? ", mergeable rx buffers" : "",
		virtio_has_feature(vdev, VIRTIO_NET_F_GUEST_CSUM) ? ", rx checksum offload" : "");
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
	VIRTIO_NET_F_MAC, VIRTIO_NET_F_STATUS, VIRTIO_NET_F_MRG_RXBUF, VIRTIO_NET_F_GUEST_CSUM,
	VIRTIO_NET_F_MTU,
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
