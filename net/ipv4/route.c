// SPDX-License-Identifier: GPL-2.0
/*
 * Output routing (<net/route.h>): turn a destination (and perhaps a
 * chosen source) into a struct rtable: the device to send on, the next
 * hop, the source address.  The answer comes from the FIB (fib.c); a
 * destination that is one of our own addresses is sent through the
 * loopback device whatever interface owns it, as on Linux.  Lantern
 * keeps no route cache: each lookup makes a fresh rtable, which a
 * socket or a packet holds and ip_rt_put releases.
 */
#include <linux/kernel.h>
#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <asm/byteorder.h>
#include <uapi/linux/in.h>
#include <net/ip.h>
#include <net/route.h>
#include "fib.h"

void ip_rt_put(struct rtable *rt)
{
	if (rt)
		dst_release(&rt->dst);
}

static struct rtable *rt_alloc(struct net_device *dev, __be32 daddr, __be32 saddr,
			       __be32 gw, u16 type)
{
	struct rtable *rt = kzalloc(sizeof(*rt), GFP_ATOMIC);

	if (!rt)
		return ERR_PTR(-ENOBUFS);
	refcount_set(&rt->dst.__refcnt, 1);
	dev_hold(dev);
	rt->dst.dev = dev;
	rt->dst.mtu = dev->mtu;
	rt->dst.output = ip_output;
	rt->rt_dst = daddr;
	rt->rt_src = saddr;
	rt->rt_gateway = gw ? gw : daddr;
	rt->rt_type = type;
	return rt;
}

/*
 * Route a packet from this host to @daddr.  @saddr is the source the
 * caller is bound to (0: pick one); a nonzero one must be ours.
 */
struct rtable *ip_route_output(__be32 daddr, __be32 saddr)
{
	struct fib_result res;
	struct rtable *rt;
	__be32 src;
	int err;

	if (saddr && !ipv4_is_multicast(saddr) && saddr != htonl(INADDR_BROADCAST) &&
	    !inet_addr_is_local(saddr))
		return ERR_PTR(-EINVAL);
	/* Sending to 0.0.0.0 means sending to ourselves (BSD did the same). */
	if (!daddr) {
		daddr = saddr ? saddr : htonl(INADDR_LOOPBACK);
		if (!loopback_dev)
			return ERR_PTR(-ENETUNREACH);
		return rt_alloc(loopback_dev, daddr, daddr, 0, RTN_LOCAL);
	}
	err = fib_lookup(daddr, &res);
	if (err)
		return ERR_PTR(err);
	if (res.type == RTN_LOCAL) {
		/* from the route's preferred source (127.0.0.1 for all of 127/8) */
		src = saddr ? saddr : res.prefsrc ? res.prefsrc : daddr;
		rt = rt_alloc(loopback_dev ? loopback_dev : res.dev, daddr, src, 0, RTN_LOCAL);
		dev_put(res.dev);
		return rt;
	}
	src = saddr;
	if (!src)
		src = res.prefsrc;
	if (!src)
		src = inet_select_addr(res.dev, res.gateway ? res.gateway : daddr,
				       RT_SCOPE_UNIVERSE);
	/* src may stay 0.0.0.0: a DHCP client sends from it before it has an address */
	rt = rt_alloc(res.dev, daddr, src, res.gateway,
		      daddr == htonl(INADDR_BROADCAST) ? RTN_BROADCAST : res.type);
	dev_put(res.dev);
	return rt;
}

/* What an arriving packet's destination is to us. */
int ip_route_input_type(__be32 daddr)
{
	struct fib_result res;

	if (daddr == htonl(INADDR_BROADCAST))
		return RTN_BROADCAST;
	if (ipv4_is_multicast(daddr))
		return RTN_MULTICAST;
	if (fib_lookup(daddr, &res))
		return RTN_UNREACHABLE;
	if (res.dev)
		dev_put(res.dev);
	return res.type;
}
