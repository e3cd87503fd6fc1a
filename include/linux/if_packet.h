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
#define PACKET_HDRLEN		11
#define PACKET_RESERVE		12
#define PACKET_TX_RING		13
#define PACKET_LOSS		14

struct tpacket_stats {
	unsigned int tp_packets;
	unsigned int tp_drops;
};

/* PACKET_STATISTICS on a TPACKET_V3 socket. */
struct tpacket_stats_v3 {
	unsigned int tp_packets;
	unsigned int tp_drops;
	unsigned int tp_freeze_q_cnt;	/* times the V3 ring filled and stopped */
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

/* A TX ring frame's status. */
#define TP_STATUS_AVAILABLE		0
#define TP_STATUS_SEND_REQUEST		(1 << 0)
#define TP_STATUS_SENDING		(1 << 1)
#define TP_STATUS_WRONG_FORMAT		(1 << 2)

/* Either ring: where the timestamp came from. */
#define TP_STATUS_TS_SOFTWARE		(1 << 29)

/*
 * The memory-mapped rings (PACKET_RX_RING, PACKET_TX_RING).  Each frame
 * starts with the version's header, then (at TPACKET_ALIGN of the
 * header's size) a sockaddr_ll, then the packet.
 */
enum tpacket_versions {
	TPACKET_V1,
	TPACKET_V2,
	TPACKET_V3,
};

struct tpacket_hdr {
	unsigned long tp_status;
	unsigned int tp_len;		/* on the wire */
	unsigned int tp_snaplen;	/* in the frame */
	unsigned short tp_mac;		/* link header, from the frame's start */
	unsigned short tp_net;		/* network header, from the frame's start */
	unsigned int tp_sec;
	unsigned int tp_usec;
};

#define TPACKET_ALIGNMENT	16
#define TPACKET_ALIGN(x)	(((x) + TPACKET_ALIGNMENT - 1) & ~(TPACKET_ALIGNMENT - 1))
#define TPACKET_HDRLEN		(TPACKET_ALIGN(sizeof(struct tpacket_hdr)) + \
				 sizeof(struct sockaddr_ll))

struct tpacket2_hdr {
	__u32 tp_status;
	__u32 tp_len;
	__u32 tp_snaplen;
	__u16 tp_mac;
	__u16 tp_net;
	__u32 tp_sec;
	__u32 tp_nsec;
	__u16 tp_vlan_tci;
	__u16 tp_vlan_tpid;
	__u8 tp_padding[4];
};

struct tpacket_hdr_variant1 {
	__u32 tp_rxhash;
	__u32 tp_vlan_tci;
	__u16 tp_vlan_tpid;
	__u16 tp_padding;
};

/* A V3 packet inside a block: tp_next_offset leads to the next one (0: last). */
struct tpacket3_hdr {
	__u32 tp_next_offset;
	__u32 tp_sec;
	__u32 tp_nsec;
	__u32 tp_snaplen;
	__u32 tp_len;
	__u32 tp_status;
	__u16 tp_mac;
	__u16 tp_net;
	union {
		struct tpacket_hdr_variant1 hv1;
	};
	__u8 tp_padding[8];
};

struct tpacket_bd_ts {
	unsigned int ts_sec;
	union {
		unsigned int ts_usec;
		unsigned int ts_nsec;
	};
};

struct tpacket_hdr_v1 {
	__u32 block_status;		/* TP_STATUS_KERNEL until the block is retired */
	__u32 num_pkts;
	__u32 offset_to_first_pkt;
	__u32 blk_len;			/* bytes used, header and private area included */
	__u64 seq_num __attribute__((aligned(8)));	/* counts blocks opened, from 1 */
	struct tpacket_bd_ts ts_first_pkt, ts_last_pkt;
};

union tpacket_bd_header_u {
	struct tpacket_hdr_v1 bh1;
};

/* What opens each V3 block. */
struct tpacket_block_desc {
	__u32 version;
	__u32 offset_to_priv;
	union tpacket_bd_header_u hdr;
};

#define TPACKET2_HDRLEN		(TPACKET_ALIGN(sizeof(struct tpacket2_hdr)) + \
				 sizeof(struct sockaddr_ll))
#define TPACKET3_HDRLEN		(TPACKET_ALIGN(sizeof(struct tpacket3_hdr)) + \
				 sizeof(struct sockaddr_ll))

struct tpacket_req {
	unsigned int tp_block_size;	/* a multiple of PAGE_SIZE */
	unsigned int tp_block_nr;
	unsigned int tp_frame_size;
	unsigned int tp_frame_nr;	/* frames per block times tp_block_nr */
};

struct tpacket_req3 {
	unsigned int tp_block_size;
	unsigned int tp_block_nr;
	unsigned int tp_frame_size;
	unsigned int tp_frame_nr;
	unsigned int tp_retire_blk_tov;	/* ms before a partly filled block is handed over */
	unsigned int tp_sizeof_priv;	/* user's private area after each block descriptor */
	unsigned int tp_feature_req_word;
};

union tpacket_req_u {
	struct tpacket_req req;
	struct tpacket_req3 req3;
};

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
