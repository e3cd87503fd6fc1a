/* SPDX-License-Identifier: GPL-2.0 */
/* AF_PACKET's addresses, options and control messages (Linux's uapi layout). */
#ifndef _LINUX_IF_PACKET_H
#define _LINUX_IF_PACKET_H

#include <linux/types.h>

struct sockaddr_ll {
	unsigned short sll_family;	/* AF_PACKET */
	__be16 sll_protocol;		/* ETH_P_*, network order */
	int sll_ifindex;
	unsigned short sll_hatype;	/* ARPHRD_* */
	unsigned char sll_pkttype;	/* PACKET_HOST... */
	unsigned char sll_halen;
	unsigned char sll_addr[8];
};

/* setsockopt(SOL_PACKET, ...) */
#define PACKET_ADD_MEMBERSHIP	1
#define PACKET_DROP_MEMBERSHIP	2
#define PACKET_RECV_OUTPUT	3
#define PACKET_RX_RING		5
#define PACKET_STATISTICS	6
#define PACKET_COPY_THRESH	7
#define PACKET_AUXDATA		8
#define PACKET_ORIGDEV		9
#define PACKET_VERSION		10

struct tpacket_stats {
	unsigned int tp_packets;
	unsigned int tp_drops;
};

/* The PACKET_AUXDATA control message. */
struct tpacket_auxdata {
	__u32 tp_status;
	__u32 tp_len;		/* the frame's length on the wire */
	__u32 tp_snaplen;	/* what was captured */
	__u16 tp_mac;
	__u16 tp_net;		/* offset of the network header */
	__u16 tp_vlan_tci;
	__u16 tp_vlan_tpid;
};

#define TP_STATUS_KERNEL		0
#define TP_STATUS_USER			(1 << 0)
#define TP_STATUS_COPY			(1 << 1)
#define TP_STATUS_LOSING		(1 << 2)
#define TP_STATUS_CSUMNOTREADY		(1 << 3)	/* checksum left to the device */
#define TP_STATUS_VLAN_VALID		(1 << 4)
#define TP_STATUS_BLK_TMO		(1 << 5)
#define TP_STATUS_VLAN_TPID_VALID	(1 << 6)
#define TP_STATUS_CSUM_VALID		(1 << 7)	/* checksum already verified */

struct packet_mreq {
	int mr_ifindex;
	unsigned short mr_type;
	unsigned short mr_alen;
	unsigned char mr_address[8];
};

#define PACKET_MR_MULTICAST	0
#define PACKET_MR_PROMISC	1
#define PACKET_MR_ALLMULTI	2
#define PACKET_MR_UNICAST	3

#endif
