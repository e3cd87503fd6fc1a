/* SPDX-License-Identifier: GPL-2.0 */
/* Ethernet addresses: the tests every Ethernet driver needs (net/ethernet/eth.c). */
#ifndef _LINUX_ETHERDEVICE_H
#define _LINUX_ETHERDEVICE_H

#include <linux/netdevice.h>
#include <linux/random.h>
#include <linux/string.h>

#define VLAN_HLEN	4	/* an 802.1Q tag a frame may carry */

static inline bool is_zero_ether_addr(const u8 *addr)
{
	return !(addr[0] | addr[1] | addr[2] | addr[3] | addr[4] | addr[5]);
}

/* The group bit: multicast, and broadcast as its special case. */
static inline bool is_multicast_ether_addr(const u8 *addr)
{
	return addr[0] & 0x01;
}

static inline bool is_broadcast_ether_addr(const u8 *addr)
{
	return (addr[0] & addr[1] & addr[2] & addr[3] & addr[4] & addr[5]) == 0xff;
}

/* What a station may use as its own address: not zero, not a group. */
static inline bool is_valid_ether_addr(const u8 *addr)
{
	return !is_multicast_ether_addr(addr) && !is_zero_ether_addr(addr);
}

static inline bool ether_addr_equal(const u8 *a, const u8 *b)
{
	return !memcmp(a, b, ETH_ALEN);
}

/* A random unicast, locally administered address (bit 1 of the first byte). */
static inline void eth_random_addr(u8 *addr)
{
	u32 a = get_random_u32(), b = get_random_u32();

	memcpy(addr, &a, 4);
	memcpy(addr + 4, &b, 2);
	addr[0] &= 0xfe;
	addr[0] |= 0x02;
}

#endif
