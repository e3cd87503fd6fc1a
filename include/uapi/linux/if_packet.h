/* SPDX-License-Identifier: GPL-2.0 */
/* AF_PACKET addresses and options (numbers from Linux's <linux/if_packet.h>). */
#ifndef _UAPI_LINUX_IF_PACKET_H
#define _UAPI_LINUX_IF_PACKET_H

#include <linux/types.h>

struct sockaddr_ll {
	unsigned short sll_family;
	__be16 sll_protocol;		/* ETH_P_*, network order */
	int sll_ifindex;
	unsigned short sll_hatype;	/* ARPHRD_* */
	unsigned char sll_pkttype;	/* PACKET_HOST, PACKET_BROADCAST... */
	unsigned char sll_halen;
	unsigned char sll_addr[8];
};

#define SOL_PACKET		263
#define PACKET_ADD_MEMBERSHIP	1
#define PACKET_DROP_MEMBERSHIP	2
#define PACKET_AUXDATA		8

#endif
