/* SPDX-License-Identifier: GPL-2.0 */
/* The IPv4 header (RFC 791), as it lies in a packet. */
#ifndef _UAPI_LINUX_IP_H
#define _UAPI_LINUX_IP_H

#include <linux/types.h>

#define IPTOS_TOS_MASK		0x1E
#define IPVERSION		4
#define MAXTTL			255
#define IPDEFTTL		64

struct iphdr {
	u8 ihl:4,		/* header length in 32-bit words (x86: low nibble first) */
	   version:4;
	u8 tos;
	__be16 tot_len;
	__be16 id;
	__be16 frag_off;	/* flags (IP_CE/IP_DF/IP_MF) and offset in 8-byte units */
	u8 ttl;
	u8 protocol;
	__sum16 check;
	__be32 saddr;
	__be32 daddr;
	/* options follow */
};

#endif
