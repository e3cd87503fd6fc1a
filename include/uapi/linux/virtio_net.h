/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtio network device's interface (virtio 1.1, section 5.1): its
 * feature bits, its configuration space, and the header that precedes
 * every packet on its queues.
 */
#ifndef _UAPI_LINUX_VIRTIO_NET_H
#define _UAPI_LINUX_VIRTIO_NET_H

#include <linux/types.h>

/* Feature bits */
#define VIRTIO_NET_F_CSUM		0	/* device checksums what we send partially summed */
#define VIRTIO_NET_F_GUEST_CSUM		1	/* we accept partially summed packets */
#define VIRTIO_NET_F_MTU		3	/* config has the maximum MTU */
#define VIRTIO_NET_F_MAC		5	/* config has the MAC address */
#define VIRTIO_NET_F_GUEST_TSO4		7
#define VIRTIO_NET_F_GUEST_TSO6		8
#define VIRTIO_NET_F_GUEST_ECN		9
#define VIRTIO_NET_F_GUEST_UFO		10
#define VIRTIO_NET_F_HOST_TSO4		11
#define VIRTIO_NET_F_HOST_TSO6		12
#define VIRTIO_NET_F_HOST_ECN		13
#define VIRTIO_NET_F_HOST_UFO		14
#define VIRTIO_NET_F_MRG_RXBUF		15	/* a packet may span several receive buffers */
#define VIRTIO_NET_F_STATUS		16	/* config has the link status */
#define VIRTIO_NET_F_CTRL_VQ		17
#define VIRTIO_NET_F_MQ			22

/* Configuration space layout */
#define VIRTIO_NET_CFG_MAC		0	/* u8[6] */
#define VIRTIO_NET_CFG_STATUS		6	/* le16 */
#define VIRTIO_NET_CFG_MAX_VQ_PAIRS	8	/* le16 */
#define VIRTIO_NET_CFG_MTU		10	/* le16 */

#define VIRTIO_NET_S_LINK_UP		1
#define VIRTIO_NET_S_ANNOUNCE		2

/* virtio_net_hdr.flags */
#define VIRTIO_NET_HDR_F_NEEDS_CSUM	1	/* sum from csum_start, store at +csum_offset */
#define VIRTIO_NET_HDR_F_DATA_VALID	2	/* the device checked the checksum */

/* virtio_net_hdr.gso_type */
#define VIRTIO_NET_HDR_GSO_NONE		0
#define VIRTIO_NET_HDR_GSO_TCPV4	1
#define VIRTIO_NET_HDR_GSO_UDP		3
#define VIRTIO_NET_HDR_GSO_TCPV6	4
#define VIRTIO_NET_HDR_GSO_ECN		0x80

/*
 * In front of every packet, both ways.  With VIRTIO_F_VERSION_1 (or
 * MRG_RXBUF) it always has num_buffers: 12 bytes.
 */
struct virtio_net_hdr_v1 {
	__u8 flags;
	__u8 gso_type;
	__le16 hdr_len;
	__le16 gso_size;
	__le16 csum_start;
	__le16 csum_offset;
	__le16 num_buffers;	/* receive buffers this packet used (MRG_RXBUF) */
};

#endif
