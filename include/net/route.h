/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IPv4 routing (net/ipv4/route.c, net/ipv4/fib.c): the FIB is a table of
 * prefixes (local addresses, connected networks, the default route); a
 * lookup picks the longest matching prefix and returns a struct rtable:
 * the device to send on, the next hop, and the source address to use.
 */
#ifndef _NET_ROUTE_H
#define _NET_ROUTE_H

#include <linux/err.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <net/dst.h>

/* rt_type (the rtnetlink RTN_* numbers) */
enum {
	RTN_UNSPEC,
	RTN_UNICAST,		/* a gateway or a connected host */
	RTN_LOCAL,		/* one of our own addresses */
	RTN_BROADCAST,
	RTN_ANYCAST,
	RTN_MULTICAST,
	RTN_BLACKHOLE,
	RTN_UNREACHABLE,
	RTN_PROHIBIT,
	RTN_THROW,
	RTN_NAT,
	RTN_XRESOLVE,
	__RTN_MAX
};

/* route scopes: how far away the destination is */
enum rt_scope_t {
	RT_SCOPE_UNIVERSE = 0,
	RT_SCOPE_SITE = 200,
	RT_SCOPE_LINK = 253,
	RT_SCOPE_HOST = 254,
	RT_SCOPE_NOWHERE = 255
};

struct rtable {
	struct dst_entry dst;
	__be32 rt_dst;
	__be32 rt_src;			/* the source address to use */
	__be32 rt_gateway;		/* next hop (rt_dst if on-link) */
	u16 rt_type;			/* RTN_* */
	unsigned int rt_flags;
};

struct rtable *ip_route_output(__be32 daddr, __be32 saddr);
void ip_rt_put(struct rtable *rt);

struct seq_file;
int fib_route_seq_show(struct seq_file *m, void *v);	/* /proc/net/route */

/* Input: is @daddr one of ours (RTN_LOCAL), a broadcast, or someone else's? */
int ip_route_input_type(__be32 daddr);

static inline struct rtable *skb_rtable(const struct sk_buff *skb)
{
	return (struct rtable *)skb_dst(skb);
}

#endif
