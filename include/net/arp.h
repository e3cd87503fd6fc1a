/* SPDX-License-Identifier: GPL-2.0 */
/* ARP and the IPv4 neighbour cache (net/ipv4/arp.c). */
#ifndef _NET_ARP_H
#define _NET_ARP_H

#include <linux/types.h>

#define ARPOP_REQUEST	1
#define ARPOP_REPLY	2

struct arphdr {
	__be16 ar_hrd;		/* hardware type: ARPHRD_ETHER */
	__be16 ar_pro;		/* protocol: ETH_P_IP */
	unsigned char ar_hln;	/* 6 */
	unsigned char ar_pln;	/* 4 */
	__be16 ar_op;
	/* sender hw, sender ip, target hw, target ip follow */
};

struct seq_file;

void arp_init(void);
int arp_seq_show(struct seq_file *m, void *v);	/* /proc/net/arp */

#endif
