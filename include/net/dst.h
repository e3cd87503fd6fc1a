/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct dst_entry: where an outgoing packet goes next, the result of a
 * route lookup (struct rtable embeds it, <net/route.h>).  A packet holds
 * a reference to its route until it is sent (skb_dst).
 */
#ifndef _NET_DST_H
#define _NET_DST_H

#include <linux/refcount.h>
#include <linux/types.h>

struct net_device;
struct sk_buff;

struct dst_entry {
	struct net_device *dev;
	refcount_t __refcnt;
	unsigned int mtu;
	int error;
	int (*output)(struct sk_buff *skb);
};

static inline void dst_hold(struct dst_entry *dst)
{
	refcount_inc(&dst->__refcnt);
}

void dst_release(struct dst_entry *dst);

static inline unsigned int dst_mtu(const struct dst_entry *dst)
{
	return dst->mtu;
}

#endif
