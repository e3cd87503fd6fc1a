/* SPDX-License-Identifier: GPL-2.0 */
/* ARP for IPv4 over Ethernet (net/ipv4/arp.c). */
#ifndef _NET_ARP_H
#define _NET_ARP_H

#include <linux/netdevice.h>
#include <uapi/linux/if_arp.h>
#include <net/neighbour.h>

struct seq_file;

extern struct neigh_table arp_tbl;

void arp_init(void);
void arp_send(int type, __be32 dest_ip, struct net_device *dev, __be32 src_ip,
	      const unsigned char *dest_hw, const unsigned char *src_hw,
	      const unsigned char *target_hw);
int arp_ioctl(unsigned int cmd, void __user *arg);
int arp_seq_show(struct seq_file *m, void *v);		/* /proc/net/arp */
void arp_ifdown(struct net_device *dev);
int neigh_resolve_output(struct sk_buff *skb);

#endif
