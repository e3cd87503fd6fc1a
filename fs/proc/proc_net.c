// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/net: the network stack's tables.  Linux makes it per network
 * namespace (a link to self/net); Lantern has one namespace, so it is
 * a plain directory whose files each protocol's show function fills:
 * unix (net/unix/af_unix.c), the devices (net/core/dev.c), IPv4's
 * neighbours, routes, counters, TCP and UDP sockets (net/ipv4).
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <net/af_unix.h>
#include <net/arp.h>
#include <net/route.h>
#include <net/snmp.h>
#include <net/tcp.h>
#include <net/udp.h>
#include "internal.h"


const struct proc_entry proc_net_entries[PROC_NET_NR] = {
	{ .name = "arp", .mode = S_IFREG | 0444, .show = arp_seq_show },
	{ .name = "dev", .mode = S_IFREG | 0444, .show = dev_seq_show },
	{ .name = "netstat", .mode = S_IFREG | 0444, .show = netstat_seq_show },
	{ .name = "route", .mode = S_IFREG | 0444, .show = fib_route_seq_show },
	{ .name = "snmp", .mode = S_IFREG | 0444, .show = snmp_seq_show },
	{ .name = "softnet_stat", .mode = S_IFREG | 0444, .show = softnet_seq_show },
	{ .name = "tcp", .mode = S_IFREG | 0444, .show = tcp_seq_show },
	{ .name = "udp", .mode = S_IFREG | 0444, .show = udp_seq_show },
	{ .name = "unix", .mode = S_IFREG | 0444, .show = unix_seq_show },
};
