/* SPDX-License-Identifier: BSD-3-Clause */
/* virtio-blk: feature bits, configuration layout, request header (virtio 1.x, 5.2). */
#ifndef _UAPI_LINUX_VIRTIO_BLK_H
#define _UAPI_LINUX_VIRTIO_BLK_H

#include <linux/types.h>

#define VIRTIO_ID_NET		1
#define VIRTIO_ID_BLOCK		2

#define VIRTIO_BLK_F_SIZE_MAX	1
#define VIRTIO_BLK_F_SEG_MAX	2
#define VIRTIO_BLK_F_GEOMETRY	4
#define VIRTIO_BLK_F_RO		5
#define VIRTIO_BLK_F_BLK_SIZE	6
#define VIRTIO_BLK_F_FLUSH	9
#define VIRTIO_BLK_F_TOPOLOGY	10
#define VIRTIO_BLK_F_MQ		12

/* Offsets into struct virtio_blk_config. */
#define VIRTIO_BLK_CFG_CAPACITY		0
#define VIRTIO_BLK_CFG_SIZE_MAX		8
#define VIRTIO_BLK_CFG_SEG_MAX		12
#define VIRTIO_BLK_CFG_BLK_SIZE		20
#define VIRTIO_BLK_CFG_NUM_QUEUES	34

#define VIRTIO_BLK_T_IN		0
#define VIRTIO_BLK_T_OUT	1
#define VIRTIO_BLK_T_FLUSH	4
#define VIRTIO_BLK_T_GET_ID	8

#define VIRTIO_BLK_S_OK		0
#define VIRTIO_BLK_S_IOERR	1
#define VIRTIO_BLK_S_UNSUPP	2

struct virtio_blk_outhdr {
	u32 type;
	u32 ioprio;
	u64 sector;
};

#endif
