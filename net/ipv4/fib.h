/* SPDX-License-Identifier: GPL-2.0 */
/* The IPv4 forwarding information base, inside net/ipv4 (fib.c). */
#ifndef _IPV4_FIB_H
#define _IPV4_FIB_H

#include <linux/list.h>
#include <linux/types.h>

struct net_device;
struct in_ifaddr;
struct seq_file;

#define RT_TABLE_MAIN	254
#define RT_TABLE_LOCAL	255

/* rtm_protocol: who added a route */
#define RTPROT_KERNEL	2
#define RTPROT_BOOT	3
#define RTPROT_STATIC	4

struct fib_entry {
	struct list_head list;
	__be32 dst;
	int prefixlen;
	__be32 mask;
	__be32 gateway;			/* 0: on-link */
	__be32 prefsrc;			/* 0: choose from the device */
	struct net_device *dev;
	u32 priority;			/* metric: lower wins among equal prefixes */
	u8 type;			/* RTN_* */
	u8 scope;			/* RT_SCOPE_* */
	u8 protocol;			/* RTPROT_* */
	u8 table;			/* RT_TABLE_* */
};

struct fib_result {
	__be32 dst;
	int prefixlen;
	__be32 gateway;
	__be32 prefsrc;
	struct net_device *dev;		/* held */
	u8 type, scope;
};

void fib_add_ifaddr(struct in_ifaddr *ifa);
void fib_del_ifaddr(struct in_ifaddr *ifa);
int fib_table_insert(const struct fib_entry *cfg);
int fib_table_delete(const struct fib_entry *cfg);
int fib_lookup(__be32 daddr, struct fib_result *res);
int fib_route_seq_show(struct seq_file *m, void *v);
/* Walk a table for dumps (rtnetlink): @fn returns nonzero to stop. */
int ip_rt_ioctl(unsigned int cmd, void __user *arg);
void fib_table_walk(int table, int (*fn)(const struct fib_entry *fe, void *arg), void *arg);

#endif
