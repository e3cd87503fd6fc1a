// SPDX-License-Identifier: GPL-2.0
/*
 * The IPv4 routing table (FIB).  Linux keeps two tables: "local" holds
 * the host's own addresses (and the broadcast addresses of its
 * networks), "main" the connected networks, static routes and the
 * default route.  A lookup tries local first, then main, and among the
 * prefixes that contain the destination takes the longest (then the
 * lowest metric).  Linux stores them in an LC-trie; a host has a
 * handful of routes, so here each table is a list kept sorted longest
 * prefix first, and the first match wins.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/inetdevice.h>
#include <linux/uaccess.h>
#include <uapi/linux/in.h>
#include <uapi/linux/route.h>
#include <uapi/linux/sockios.h>
#include <linux/netdevice.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <asm/byteorder.h>
#include <net/route.h>
#include <net/ip.h>
#include <net/rtnetlink.h>
#include "fib.h"

static LIST_HEAD(fib_local);
static LIST_HEAD(fib_main);
static DEFINE_SPINLOCK(fib_lock);

static struct list_head *fib_table(int table)
{
	return table == RT_TABLE_LOCAL ? &fib_local : &fib_main;
}

static bool fib_same(const struct fib_entry *a, const struct fib_entry *b)
{
	return a->dst == b->dst && a->prefixlen == b->prefixlen &&
	       a->priority == b->priority && a->type == b->type &&
	       (!b->dev || a->dev == b->dev) && (!b->gateway || a->gateway == b->gateway);
}

int fib_table_insert(const struct fib_entry *cfg)
{
	struct list_head *table = fib_table(cfg->table);
	struct fib_entry *fe, *pos;

	if (cfg->prefixlen < 0 || cfg->prefixlen > 32)
		return -EINVAL;
	if (cfg->dst & ~inet_make_mask(cfg->prefixlen))
		return -EINVAL;
	fe = kmalloc(sizeof(*fe), GFP_KERNEL);
	if (!fe)
		return -ENOBUFS;
	*fe = *cfg;
	fe->mask = inet_make_mask(cfg->prefixlen);
	spin_lock_bh(&fib_lock);
	list_for_each_entry(pos, table, list) {
		if (fib_same(pos, fe)) {
			spin_unlock_bh(&fib_lock);
			kfree(fe);
			return -EEXIST;
		}
	}
	list_for_each_entry(pos, table, list) {
		if (pos->prefixlen < fe->prefixlen ||
		    (pos->prefixlen == fe->prefixlen && pos->priority > fe->priority))
			break;
	}
	list_add_tail(&fe->list, &pos->list);	/* before pos */
	spin_unlock_bh(&fib_lock);
	if (fe->dev)
		dev_hold(fe->dev);
	return 0;
}

int fib_table_delete(const struct fib_entry *cfg)
{
	struct list_head *table = fib_table(cfg->table);
	struct fib_entry *fe;

	spin_lock_bh(&fib_lock);
	list_for_each_entry(fe, table, list) {
		if (fe->dst == cfg->dst && fe->prefixlen == cfg->prefixlen &&
		    (!cfg->dev || fe->dev == cfg->dev) &&
		    (!cfg->gateway || fe->gateway == cfg->gateway) &&
		    (!cfg->priority || fe->priority == cfg->priority)) {
			list_del(&fe->list);
			spin_unlock_bh(&fib_lock);
			if (fe->dev)
				dev_put(fe->dev);
			kfree(fe);
			return 0;
		}
	}
	spin_unlock_bh(&fib_lock);
	return -ESRCH;
}

/* Remove every route of @table on @dev whose preferred source is @src. */
static void fib_flush_src(int table, struct net_device *dev, __be32 src)
{
	struct fib_entry *fe, *tmp;
	LIST_HEAD(dead);

	spin_lock_bh(&fib_lock);
	list_for_each_entry_safe(fe, tmp, fib_table(table), list)
		if (fe->dev == dev && fe->prefsrc == src)
			list_move(&fe->list, &dead);
	spin_unlock_bh(&fib_lock);
	list_for_each_entry_safe(fe, tmp, &dead, list) {
		dev_put(fe->dev);
		kfree(fe);
	}
}

static void fib_magic(int table, u8 type, __be32 dst, int prefixlen, struct in_ifaddr *ifa)
{
	struct fib_entry cfg = {
		.dst = dst & inet_make_mask(prefixlen),
		.prefixlen = prefixlen,
		.prefsrc = ifa->ifa_local,
		.dev = ifa->ifa_dev->dev,
		.type = type,
		.scope = type == RTN_LOCAL ? RT_SCOPE_HOST : RT_SCOPE_LINK,
		.protocol = RTPROT_KERNEL,
		.table = table,
	};

	fib_table_insert(&cfg);
}

/*
 * An address was added: it is local; its network is reachable on the
 * link (a connected route in main); its broadcast addresses are local
 * too.  On loopback the whole network is local (all of 127/8 answers).
 */
void fib_add_ifaddr(struct in_ifaddr *ifa)
{
	struct net_device *dev = ifa->ifa_dev->dev;
	__be32 prefix = ifa->ifa_local & ifa->ifa_mask;

	fib_magic(RT_TABLE_LOCAL, RTN_LOCAL, ifa->ifa_local, 32, ifa);
	if (ifa->ifa_prefixlen >= 31)
		return;
	if (dev->flags & IFF_LOOPBACK) {
		fib_magic(RT_TABLE_LOCAL, RTN_LOCAL, prefix, ifa->ifa_prefixlen, ifa);
	} else {
		fib_magic(RT_TABLE_MAIN, RTN_UNICAST, prefix, ifa->ifa_prefixlen, ifa);
	}
	/* the network's broadcast address, and the interface's own if it differs */
	fib_magic(RT_TABLE_LOCAL, RTN_BROADCAST, prefix | ~ifa->ifa_mask, 32, ifa);
	if (ifa->ifa_broadcast && ifa->ifa_broadcast != (prefix | ~ifa->ifa_mask) &&
	    ifa->ifa_broadcast != 0xffffffff)
		fib_magic(RT_TABLE_LOCAL, RTN_BROADCAST, ifa->ifa_broadcast, 32, ifa);
}

void fib_del_ifaddr(struct in_ifaddr *ifa)
{
	fib_flush_src(RT_TABLE_LOCAL, ifa->ifa_dev->dev, ifa->ifa_local);
	fib_flush_src(RT_TABLE_MAIN, ifa->ifa_dev->dev, ifa->ifa_local);
}

static bool fib_match_table(struct list_head *table, __be32 daddr, struct fib_result *res)
{
	struct fib_entry *fe;

	list_for_each_entry(fe, table, list) {
		if ((daddr & fe->mask) != fe->dst)
			continue;
		if (fe->dev && !netif_running(fe->dev))
			continue;
		res->dst = fe->dst;
		res->prefixlen = fe->prefixlen;
		res->gateway = fe->gateway;
		res->prefsrc = fe->prefsrc;
		res->dev = fe->dev;
		res->type = fe->type;
		res->scope = fe->scope;
		if (res->dev)
			dev_hold(res->dev);
		return true;
	}
	return false;
}

/* 0 and a held res->dev, or -ENETUNREACH. */
int fib_lookup(__be32 daddr, struct fib_result *res)
{
	bool found;

	spin_lock_bh(&fib_lock);
	found = fib_match_table(&fib_local, daddr, res) || fib_match_table(&fib_main, daddr, res);
	spin_unlock_bh(&fib_lock);
	if (!found)
		return -ENETUNREACH;
	if (res->type == RTN_UNREACHABLE || res->type == RTN_BLACKHOLE ||
	    res->type == RTN_PROHIBIT) {
		if (res->dev)
			dev_put(res->dev);
		return res->type == RTN_PROHIBIT ? -EACCES :
		       res->type == RTN_BLACKHOLE ? -EINVAL : -EHOSTUNREACH;
	}
	return 0;
}

void fib_table_walk(int table, int (*fn)(const struct fib_entry *fe, void *arg), void *arg)
{
	struct fib_entry *fe;

	spin_lock_bh(&fib_lock);
	list_for_each_entry(fe, fib_table(table), list)
		if (fn(fe, arg))
			break;
	spin_unlock_bh(&fib_lock);
}

/* /proc/net/route: the main table, addresses as raw hex words as Linux prints them. */
int fib_route_seq_show(struct seq_file *m, void *v)
{
	struct fib_entry *fe;

	seq_printf(m, "%-127s\n", "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\t"
		   "Metric\tMask\t\tMTU\tWindow\tIRTT");
	spin_lock_bh(&fib_lock);
	list_for_each_entry(fe, &fib_main, list) {
		unsigned int flags = 0x0001;	/* RTF_UP */
		char line[128];

		if (fe->type != RTN_UNICAST)
			continue;
		if (fe->gateway)
			flags |= 0x0002;	/* RTF_GATEWAY */
		if (fe->prefixlen == 32)
			flags |= 0x0004;	/* RTF_HOST */
		scnprintf(line, sizeof(line), "%s\t%08X\t%08X\t%04X\t%d\t%u\t%d\t%08X\t%d\t%u\t%u",
			  fe->dev ? fe->dev->name : "*", fe->dst, fe->gateway, flags, 0, 0,
			  fe->priority, fe->mask, 0, 0, 0);
		seq_printf(m, "%-127s\n", line);
	}
	spin_unlock_bh(&fib_lock);
	return 0;
}

/* SIOCADDRT/SIOCDELRT: the old route(8) interface (busybox route add default gw ...). */
int ip_rt_ioctl(unsigned int cmd, void __user *arg)
{
	struct fib_entry cfg = { .table = RT_TABLE_MAIN, .protocol = RTPROT_BOOT };
	struct rtentry rt;
	__be32 mask;
	int err;

	if (!capable(CAP_NET_ADMIN))
		return -EPERM;
	if (copy_from_user(&rt, arg, sizeof(rt)))
		return -EFAULT;
	if (rt.rt_dst.sa_family != AF_INET)
		return -EAFNOSUPPORT;
	cfg.dst = ((struct sockaddr_in *)&rt.rt_dst)->sin_addr.s_addr;
	if (rt.rt_flags & RTF_HOST) {
		mask = htonl(0xffffffff);
	} else {
		mask = ((struct sockaddr_in *)&rt.rt_genmask)->sin_addr.s_addr;
		if (rt.rt_genmask.sa_family != AF_INET && rt.rt_genmask.sa_family != AF_UNSPEC)
			return -EAFNOSUPPORT;
	}
	cfg.prefixlen = inet_mask_len(mask);
	if (inet_make_mask(cfg.prefixlen) != mask || (cfg.dst & ~mask))
		return -EINVAL;
	cfg.priority = rt.rt_metric > 0 ? rt.rt_metric - 1 : 0;
	cfg.type = (rt.rt_flags & RTF_REJECT) ? RTN_UNREACHABLE : RTN_UNICAST;
	cfg.scope = RT_SCOPE_UNIVERSE;
	if (rt.rt_dev) {
		char name[IFNAMSIZ];
		long n = strncpy_from_user(name, rt.rt_dev, IFNAMSIZ);

		if (n < 0)
			return -EFAULT;
		name[IFNAMSIZ - 1] = 0;
		cfg.dev = dev_get_by_name(name);
		if (!cfg.dev)
			return -ENODEV;
	}
	if (rt.rt_flags & RTF_GATEWAY) {
		struct fib_result res;

		cfg.gateway = ((struct sockaddr_in *)&rt.rt_gateway)->sin_addr.s_addr;
		if (!cfg.dev && cmd == SIOCADDRT) {
			/* the gateway must be on a connected network */
			if (fib_lookup(cfg.gateway, &res)) {
				err = -ENETUNREACH;
				goto out;
			}
			if (res.type != RTN_UNICAST || res.gateway) {
				dev_put(res.dev);
				err = -ENETUNREACH;
				goto out;
			}
			cfg.dev = res.dev;	/* keeps the held reference */
		}
	} else {
		cfg.scope = RT_SCOPE_LINK;
	}
	if (cmd == SIOCADDRT) {
		if (!cfg.dev && cfg.type == RTN_UNICAST) {
			err = -ENODEV;
			goto out;
		}
		err = fib_table_insert(&cfg);
	} else {
		err = fib_table_delete(&cfg);
	}
out:
	if (cfg.dev)
		dev_put(cfg.dev);
	return err;
}

/* ---------- rtnetlink: RTM_GETROUTE, RTM_NEWROUTE, RTM_DELROUTE ---------- */

struct fib_dump_arg {
	struct sk_buff *skb;
	struct netlink_callback *cb;
	long idx;
	bool full;
};

static int fib_fill_route(struct sk_buff *skb, const struct fib_entry *fe, u32 portid, u32 seq,
			  int type, int flags)
{
	struct nlmsghdr *nlh = nlmsg_put(skb, portid, seq, type, sizeof(struct rtmsg), flags);
	struct rtmsg *rtm;

	if (!nlh)
		return -EMSGSIZE;
	rtm = nlmsg_data(nlh);
	rtm->rtm_family = AF_INET;
	rtm->rtm_dst_len = fe->prefixlen;
	rtm->rtm_table = fe->table;
	rtm->rtm_protocol = fe->protocol;
	rtm->rtm_scope = fe->scope;
	rtm->rtm_type = fe->type;
	if (nla_put_u32(skb, RTA_TABLE, fe->table) ||
	    (fe->prefixlen && nla_put_in_addr(skb, RTA_DST, fe->dst)) ||
	    (fe->priority && nla_put_u32(skb, RTA_PRIORITY, fe->priority)) ||
	    (fe->prefsrc && nla_put_in_addr(skb, RTA_PREFSRC, fe->prefsrc)) ||
	    (fe->gateway && nla_put_in_addr(skb, RTA_GATEWAY, fe->gateway)) ||
	    (fe->dev && nla_put_u32(skb, RTA_OIF, fe->dev->ifindex))) {
		nlmsg_cancel(skb, nlh);
		return -EMSGSIZE;
	}
	nlmsg_end(skb, nlh);
	return 0;
}

static int fib_dump_one(const struct fib_entry *fe, void *data)
{
	struct fib_dump_arg *a = data;

	if (a->idx++ < a->cb->args[0])
		return 0;
	if (fib_fill_route(a->skb, fe, a->cb->portid, a->cb->seq, RTM_NEWROUTE, NLM_F_MULTI)) {
		a->idx--;
		a->full = true;
		return 1;
	}
	return 0;
}

/* The main table, then the local one, as Linux lists them. */
static int inet_dump_fib(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fib_dump_arg a = { .skb = skb, .cb = cb };

	fib_table_walk(RT_TABLE_MAIN, fib_dump_one, &a);
	if (!a.full)
		fib_table_walk(RT_TABLE_LOCAL, fib_dump_one, &a);
	cb->args[0] = a.idx;
	return skb->len;
}

static int rtm_to_fib_entry(struct nlmsghdr *nlh, struct fib_entry *cfg)
{
	struct rtattr *tb[__RTA_MAX];
	struct rtmsg *rtm;
	u32 v;
	int err;

	err = nlmsg_parse(nlh, sizeof(*rtm), tb, __RTA_MAX - 1);
	if (err)
		return err;
	rtm = nlmsg_data(nlh);
	if (rtm->rtm_dst_len > 32)
		return -EINVAL;
	memset(cfg, 0, sizeof(*cfg));
	cfg->prefixlen = rtm->rtm_dst_len;
	cfg->table = rtm->rtm_table == RT_TABLE_LOCAL ? RT_TABLE_LOCAL : RT_TABLE_MAIN;
	if (tb[RTA_TABLE] && !nla_get_u32_checked(tb[RTA_TABLE], &v))
		cfg->table = v == RT_TABLE_LOCAL ? RT_TABLE_LOCAL : RT_TABLE_MAIN;
	cfg->protocol = rtm->rtm_protocol;
	cfg->scope = rtm->rtm_scope;
	cfg->type = rtm->rtm_type ? rtm->rtm_type : RTN_UNICAST;
	if (tb[RTA_DST] && nla_get_u32_checked(tb[RTA_DST], &cfg->dst))
		return -EINVAL;
	if (tb[RTA_GATEWAY] && nla_get_u32_checked(tb[RTA_GATEWAY], &cfg->gateway))
		return -EINVAL;
	if (tb[RTA_PREFSRC] && nla_get_u32_checked(tb[RTA_PREFSRC], &cfg->prefsrc))
		return -EINVAL;
	if (tb[RTA_PRIORITY] && nla_get_u32_checked(tb[RTA_PRIORITY], &cfg->priority))
		return -EINVAL;
	if (cfg->dst & ~inet_make_mask(cfg->prefixlen))
		return -EINVAL;
	if (tb[RTA_OIF]) {
		if (nla_get_u32_checked(tb[RTA_OIF], &v))
			return -EINVAL;
		cfg->dev = dev_get_by_index(v);
		if (!cfg->dev)
			return -ENODEV;
	}
	return 0;
}

static int inet_rtm_newroute(struct nlmsghdr *nlh, u32 portid)
{
	struct fib_entry cfg;
	int err = rtm_to_fib_entry(nlh, &cfg);

	if (err)
		return err;
	if (!cfg.dev && cfg.gateway) {
		struct fib_result res;

		/* the gateway must be on a connected network; its device is the route's */
		if (fib_lookup(cfg.gateway, &res))
			return -ENETUNREACH;
		if (res.type != RTN_UNICAST || res.gateway) {
			dev_put(res.dev);
			return -ENETUNREACH;
		}
		cfg.dev = res.dev;
	}
	if (!cfg.dev && cfg.type == RTN_UNICAST)
		return -ENODEV;
	if (!cfg.gateway && cfg.scope == RT_SCOPE_UNIVERSE && cfg.type == RTN_UNICAST)
		cfg.scope = RT_SCOPE_LINK;
	err = fib_table_insert(&cfg);
	if (err == -EEXIST && (nlh->nlmsg_flags & NLM_F_REPLACE)) {
		fib_table_delete(&cfg);
		err = fib_table_insert(&cfg);
	}
	if (cfg.dev)
		dev_put(cfg.dev);
	return err;
}

static int inet_rtm_delroute(struct nlmsghdr *nlh, u32 portid)
{
	struct fib_entry cfg;
	int err = rtm_to_fib_entry(nlh, &cfg);

	if (err)
		return err;
	err = fib_table_delete(&cfg);
	if (cfg.dev)
		dev_put(cfg.dev);
	return err;
}

/* ip route get ADDR: what ip_route_output would do. */
static int inet_rtm_getroute(struct nlmsghdr *nlh, u32 portid)
{
	struct rtattr *tb[__RTA_MAX];
	struct fib_entry fe = { .table = RT_TABLE_MAIN, .prefixlen = 32 };
	struct sk_buff *skb;
	struct rtable *rt;
	__be32 dst = 0, src = 0;
	int err;

	err = nlmsg_parse(nlh, sizeof(struct rtmsg), tb, __RTA_MAX - 1);
	if (err)
		return err;
	if (tb[RTA_DST] && nla_get_u32_checked(tb[RTA_DST], &dst))
		return -EINVAL;
	if (tb[RTA_SRC] && nla_get_u32_checked(tb[RTA_SRC], &src))
		return -EINVAL;
	rt = ip_route_output(dst, src);
	if (IS_ERR(rt))
		return PTR_ERR(rt);
	fe.dst = rt->rt_dst;
	fe.prefsrc = rt->rt_src;
	fe.gateway = rt->rt_gateway != rt->rt_dst ? rt->rt_gateway : 0;
	fe.dev = rt->dst.dev;
	fe.type = rt->rt_type;
	fe.table = rt->rt_type == RTN_LOCAL ? RT_TABLE_LOCAL : RT_TABLE_MAIN;
	skb = nlmsg_new(1024);
	err = -ENOBUFS;
	if (skb) {
		err = fib_fill_route(skb, &fe, portid, nlh->nlmsg_seq, RTM_NEWROUTE, 0);
		if (!err)
			err = netlink_unicast(skb, portid);
		else
			kfree_skb(skb);
	}
	ip_rt_put(rt);
	return err;
}

void fib_rtnl_init(void)
{
	rtnl_register(AF_INET, RTM_GETROUTE, inet_rtm_getroute, inet_dump_fib);
	rtnl_register(AF_UNSPEC, RTM_GETROUTE, NULL, inet_dump_fib);
	rtnl_register(AF_INET, RTM_NEWROUTE, inet_rtm_newroute, NULL);
	rtnl_register(AF_INET, RTM_DELROUTE, inet_rtm_delroute, NULL);
}
