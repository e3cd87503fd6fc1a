// SPDX-License-Identifier: GPL-2.0
/*
 * The table of IPv4 transport protocols (<net/protocol.h>): which
 * handler gets the packets of each IP protocol number.  Written only at
 * boot and by module load; read in the NET_RX softirq.
 */
#include <linux/kernel.h>
#include <net/protocol.h>

const struct net_protocol *inet_protos[MAX_INET_PROTOS];

int inet_add_protocol(const struct net_protocol *prot, unsigned char num)
{
	return __atomic_compare_exchange_n(&inet_protos[num], &(const struct net_protocol *){NULL},
					   prot, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) ?
		0 : -EEXIST;
}

int inet_del_protocol(const struct net_protocol *prot, unsigned char num)
{
	return __atomic_compare_exchange_n(&inet_protos[num], &prot, NULL, false,
					   __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) ? 0 : -ENOENT;
}
