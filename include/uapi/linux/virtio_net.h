/* SPDX-License-Identifier: GPL-2.0 */
/* virtio-net's feature bits, configuration and per-packet header (virtio 1.x, section 5.1). */
#ifndef _UAPI_LINUX_VIRTIO_NET_H
#define _UAPI_LINUX_VIRTIO_NET_H

#include <linux/types.h>

#define VIRTIO_NET_F_CSUM	0	/* the device checksums partial packets */
#define VIRTIO_NET_F_GUEST_CSUM	1
#define VIRTIO_NET_F_MTU	3	/* config.mtu is valid */
#define VIRTIO_NET_F_MAC	5	/* config.mac is valid */
#define VIRTIO_NET_F_MRG_RXBUF	15
#define VIRTIO_NET_F_STATUS	16	/* config.status is valid */

#define VIRTIO_NET_S_LINK_UP	1

/* Configuration space offsets */
#define VIRTIO_NET_CFG_MAC	0
#define VIRTIO_NET_CFG_STATUS	6
#define VIRTIO_NET_CFG_MTU	10

/* In front of every packet, both ways; with VIRTIO_F_VERSION_1 always 12 bytes. */
struct virtio_net_hdr_v1 {
	u8 flags;
	u8 gso_type;
	__le16 hdr_len;
	__le16 gso_size;
	__le16 csum_start;
	__le16 csum_offset;
	__le16 num_buffers;
};

#define VIRTIO_NET_HDR_GSO_NONE	0

#endif
