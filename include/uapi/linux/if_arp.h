/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARP's packet header and the arpreq of the SIOCSARP/SIOCGARP/SIOCDARP
 * ioctls (RFC 826; Linux's uapi layout).
 */
#ifndef _UAPI_LINUX_IF_ARP_H
#define _UAPI_LINUX_IF_ARP_H

#include <linux/types.h>
#include <linux/socket.h>

/* ar_hrd: hardware types, as /sys/class/net/X/type shows them */
#define ARPHRD_NETROM	0
#define ARPHRD_ETHER	1
#define ARPHRD_IEEE802	6
#define ARPHRD_LOOPBACK	772
#define ARPHRD_NONE	0xFFFE

/* ar_op */
#define ARPOP_REQUEST	1
#define ARPOP_REPLY	2

/* arpreq.arp_flags */
#define ATF_COM		0x02	/* completed: the hardware address is known */
#define ATF_PERM	0x04	/* permanent */
#define ATF_PUBL	0x08	/* publish (proxy ARP) */
#define ATF_USETRAILERS	0x10
#define ATF_NETMASK	0x20
#define ATF_DONTPUB	0x40

struct arpreq {
	struct sockaddr arp_pa;		/* protocol address */
	struct sockaddr arp_ha;		/* hardware address */
	int arp_flags;
	struct sockaddr arp_netmask;
	char arp_dev[16];
};

/* The fixed part; then sender hw, sender ip, target hw, target ip. */
struct arphdr {
	__be16 ar_hrd;
	__be16 ar_pro;
	unsigned char ar_hln;
	unsigned char ar_pln;
	__be16 ar_op;
};

#endif
