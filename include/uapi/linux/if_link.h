/* SPDX-License-Identifier: GPL-2.0 */
/* The attributes of an RTM_*LINK message (numbers from Linux's <linux/if_link.h>). */
#ifndef _UAPI_LINUX_IF_LINK_H
#define _UAPI_LINUX_IF_LINK_H

#include <linux/types.h>

enum {
	IFLA_UNSPEC,
	IFLA_ADDRESS,
	IFLA_BROADCAST,
	IFLA_IFNAME,
	IFLA_MTU,
	IFLA_LINK,
	IFLA_QDISC,
	IFLA_STATS,
	IFLA_COST,
	IFLA_PRIORITY,
	IFLA_MASTER,
	IFLA_WIRELESS,
	IFLA_PROTINFO,
	IFLA_TXQLEN,
	IFLA_MAP,
	IFLA_WEIGHT,
	IFLA_OPERSTATE,
	IFLA_LINKMODE,
	IFLA_LINKINFO,
	IFLA_NET_NS_PID,
	IFLA_IFALIAS,
	IFLA_NUM_VF,
	IFLA_VFINFO_LIST,
	IFLA_STATS64,
	IFLA_VF_PORTS,
	IFLA_PORT_SELF,
	IFLA_AF_SPEC,
	IFLA_GROUP,
	IFLA_NET_NS_FD,
	IFLA_EXT_MASK,
	IFLA_PROMISCUITY,
	IFLA_NUM_TX_QUEUES,
	IFLA_NUM_RX_QUEUES,
	IFLA_CARRIER,
	__IFLA_MAX
};

/* IFLA_STATS: the 32-bit counters */
struct rtnl_link_stats {
	u32 rx_packets, tx_packets, rx_bytes, tx_bytes;
	u32 rx_errors, tx_errors, rx_dropped, tx_dropped;
	u32 multicast, collisions;
	u32 rx_length_errors, rx_over_errors, rx_crc_errors, rx_frame_errors;
	u32 rx_fifo_errors, rx_missed_errors;
	u32 tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
	u32 tx_heartbeat_errors, tx_window_errors;
	u32 rx_compressed, tx_compressed;
	u32 rx_nohandler;
};

#endif
