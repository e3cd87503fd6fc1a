/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Internet family's user ABI: struct sockaddr_in, protocol numbers,
 * well-known addresses and the SOL_IP option names (values from Linux's
 * <linux/in.h>).
 */
#ifndef _UAPI_LINUX_IN_H
#define _UAPI_LINUX_IN_H

#include <linux/types.h>
#include <linux/socket.h>

enum {
	IPPROTO_IP = 0,
	IPPROTO_ICMP = 1,
	IPPROTO_IGMP = 2,
	IPPROTO_TCP = 6,
	IPPROTO_UDP = 17,
	IPPROTO_IPV6 = 41,
	IPPROTO_RAW = 255,
	IPPROTO_MAX
};

struct in_addr {
	__be32 s_addr;
};

struct sockaddr_in {
	sa_family_t sin_family;
	__be16 sin_port;
	struct in_addr sin_addr;
	unsigned char __pad[8];
};

/* SOL_IP options */
#define IP_TOS			1
#define IP_TTL			2
#define IP_HDRINCL		3
#define IP_OPTIONS		4
#define IP_PKTINFO		8
#define IP_MTU_DISCOVER		10
#define IP_RECVERR		11
#define IP_RECVTTL		12
#define IP_RECVTOS		13
#define IP_MTU			14
#define IP_FREEBIND		15
#define IP_MULTICAST_TTL	33
#define IP_MULTICAST_LOOP	34

/* IP_MTU_DISCOVER values */
#define IP_PMTUDISC_DONT	0
#define IP_PMTUDISC_WANT	1
#define IP_PMTUDISC_DO		2
#define IP_PMTUDISC_PROBE	3

struct in_pktinfo {
	int ipi_ifindex;
	struct in_addr ipi_spec_dst;
	struct in_addr ipi_addr;
};

/* Addresses, in host order (compare after ntohl). */
#define INADDR_ANY		((u32)0x00000000)
#define INADDR_BROADCAST	((u32)0xffffffff)
#define INADDR_NONE		((u32)0xffffffff)
#define INADDR_LOOPBACK		0x7f000001
#define IN_LOOPBACKNET		127

static inline bool ipv4_is_loopback(__be32 addr)
{
	return (addr & __builtin_bswap32(0xff000000)) == __builtin_bswap32(0x7f000000);
}

static inline bool ipv4_is_multicast(__be32 addr)
{
	return (addr & __builtin_bswap32(0xf0000000)) == __builtin_bswap32(0xe0000000);
}

static inline bool ipv4_is_lbcast(__be32 addr)
{
	return addr == 0xffffffff;
}

static inline bool ipv4_is_zeronet(__be32 addr)
{
	return (addr & __builtin_bswap32(0xff000000)) == 0;
}

#endif
