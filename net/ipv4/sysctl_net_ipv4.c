// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 tunables that belong to no one file of net/ipv4; /proc/sys/net/ipv4
 * (fs/proc/proc_sysctl.c) shows them with the others.
 */
#include <linux/kernel.h>
#include <net/ip.h>

/* Stored and shown; Lantern does not route between interfaces. */
int sysctl_ip_forward;

/* Where ephemeral ports come from (bind to port 0, autobind). */
int sysctl_ip_local_port_range[2] = { 32768, 60999 };

/* Stored: path MTU discovery's defaults are per socket (IP_MTU_DISCOVER). */
int sysctl_ip_no_pmtu_disc;

void inet_get_local_port_range(int *low, int *high)
{
	int lo = READ_ONCE(sysctl_ip_local_port_range[0]);
	int hi = READ_ONCE(sysctl_ip_local_port_range[1]);

	/* a concurrent write may be half done; never hand out an empty range */
	if (hi < lo)
		hi = lo;
	*low = lo;
	*high = hi;
}
