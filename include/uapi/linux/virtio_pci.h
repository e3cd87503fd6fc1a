/* SPDX-License-Identifier: BSD-3-Clause */
/* The virtio-pci modern transport's capabilities and common configuration (virtio 1.x, 4.1). */
#ifndef _UAPI_LINUX_VIRTIO_PCI_H
#define _UAPI_LINUX_VIRTIO_PCI_H

#include <linux/types.h>

#define VIRTIO_PCI_CAP_COMMON_CFG	1
#define VIRTIO_PCI_CAP_NOTIFY_CFG	2
#define VIRTIO_PCI_CAP_ISR_CFG		3
#define VIRTIO_PCI_CAP_DEVICE_CFG	4
#define VIRTIO_PCI_CAP_PCI_CFG		5

struct virtio_pci_cap {
	u8 cap_vndr, cap_next, cap_len, cfg_type;
	u8 bar, id, padding[2];
	u32 offset, length;
} __packed;

/* Offsets into struct virtio_pci_common_cfg. */
#define VIRTIO_PCI_COMMON_DFSELECT	0
#define VIRTIO_PCI_COMMON_DF		4
#define VIRTIO_PCI_COMMON_GFSELECT	8
#define VIRTIO_PCI_COMMON_GF		12
#define VIRTIO_PCI_COMMON_MSIX		16
#define VIRTIO_PCI_COMMON_NUMQ		18
#define VIRTIO_PCI_COMMON_STATUS	20
#define VIRTIO_PCI_COMMON_CFGGENERATION	21
#define VIRTIO_PCI_COMMON_Q_SELECT	22
#define VIRTIO_PCI_COMMON_Q_SIZE	24
#define VIRTIO_PCI_COMMON_Q_MSIX	26
#define VIRTIO_PCI_COMMON_Q_ENABLE	28
#define VIRTIO_PCI_COMMON_Q_NOFF	30
#define VIRTIO_PCI_COMMON_Q_DESCLO	32
#define VIRTIO_PCI_COMMON_Q_AVAILLO	40
#define VIRTIO_PCI_COMMON_Q_USEDLO	48

#define VIRTIO_MSI_NO_VECTOR		0xffff

#endif
