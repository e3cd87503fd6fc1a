// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/net: the network stack's tables.  Linux makes it per network
 * namespace (a link to self/net); Lantern has one namespace, so it is
 * a plain directory whose files each protocol's show function fills:
 * unix (net/unix/af_unix.c) so far; the Internet families add theirs.
 */
#include <linux/kernel.h>
#include <net/af_unix.h>
#include "internal.h"

const struct proc_entry proc_net_entries[PROC_NET_NR] = {
	{ .name = "unix", .mode = S_IFREG | 0444, .show = unix_seq_show },
};
