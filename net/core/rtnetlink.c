// SPDX-License-Identifier: GPL-2.0
/*
 * rtnetlink: the NETLINK_ROUTE protocol, how ip(8) reads and changes
 * the network configuration.  Requests arrive from af_netlink.c one
 * message at a time under the rtnl lock; each message type has, per
 * address family, a handler for a single request (doit) and one for a
 * dump (dumpit).  The links themselves are answered here: RTM_GETLINK
 * (one device or all), RTM_NEWLINK/RTM_SETLINK on an existing device
 * (up/down through ifi_flags/ifi_change, IFLA_MTU).  Addresses and
 * routes are IPv4's (net/ipv4/devinet.c and fib.c register them).
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/init.h>
#include <linux/netdevice.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <uapi/linux/if_link.h>
#include <net/netlink.h>
#include <net/rtnetlink.h>

#define RTNL_FAMILY_MAX	AF_INET
#define RTNL_DUMP_SIZE	4096

struct rtnl_link {
	rtnl_doit_func doit;
	rtnl_dumpit_func dumpit;
};

static struct rtnl_link rtnl_msg_handlers[RTNL_FAMILY_MAX + 1][__RTM_MAX - RTM_NEWLINK];

void rtnl_register(int family, int msgtype, rtnl_doit_func doit, rtnl_dumpit_func dumpit)
{
	struct rtnl_link *l = &rtnl_msg_handlers[family][msgtype - RTM_NEWLINK];

	l->doit = doit;
	l->dumpit = dumpit;
}

/*
 * Answer a dump: buffers of messages, each its own datagram, until the
 * dumper has nothing more, then NLMSG_DONE.  Everything is queued now;
 * the tables are small enough that a reader's buffer never waits on it.
 */
static int rtnl_dump(const struct nlmsghdr *nlh, u32 portid, rtnl_dumpit_func dumpit)
{
	struct netlink_callback cb = { .nlh = nlh, .portid = portid, .seq = nlh->nlmsg_seq };
	struct nlmsghdr *done;
	struct sk_buff *skb;
	int len, err;

	for (;;) {
		skb = nlmsg_new(RTNL_DUMP_SIZE);
		if (!skb)
			return -ENOBUFS;
		len = dumpit(skb, &cb);
		if (len < 0) {
			kfree_skb(skb);
			return len;
		}
		if (!len)
			break;
		err = netlink_unicast(skb, portid);
		if (err)
			return err;
	}
	done = nlmsg_put(skb, portid, nlh->nlmsg_seq, NLMSG_DONE, sizeof(int), NLM_F_MULTI);
	*(int *)nlmsg_data(done) = 0;
	nlmsg_end(skb, done);
	err = netlink_unicast(skb, portid);
	return err ? err : -EINTR;	/* answered: no ACK */
}

int rtnetlink_rcv_msg(const struct nlmsghdr *nlh, u32 portid)
{
	int type = nlh->nlmsg_type, kind, family = AF_UNSPEC;
	struct rtnl_link *l;

	if (type < RTM_NEWLINK || type >= __RTM_MAX)
		return -EOPNOTSUPP;
	/* every rtnetlink header starts with its family byte */
	if (nlmsg_len(nlh) >= 1)
		family = *(const unsigned char *)nlmsg_data(nlh);
	kind = (type - RTM_NEWLINK) & 3;	/* NEW, DEL, GET, SET */
	if (kind != 2 && !capable(CAP_NET_ADMIN))
		return -EPERM;
	if (family > RTNL_FAMILY_MAX)
		family = AF_UNSPEC;
	l = &rtnl_msg_handlers[family][type - RTM_NEWLINK];
	if (!l->doit && !l->dumpit)
		l = &rtnl_msg_handlers[AF_UNSPEC][type - RTM_NEWLINK];
	if (kind == 2 && (nlh->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP) {
		if (!l->dumpit)
			return -EOPNOTSUPP;
		return rtnl_dump(nlh, portid, l->dumpit);
	}
	if (!l->doit)
		return -EOPNOTSUPP;
	return l->doit((struct nlmsghdr *)nlh, portid);
}

/* ---------- links ---------- */

static int rtnl_fill_ifinfo(struct sk_buff *skb, struct net_device *dev, int type, u32 portid,
			    u32 seq, int flags)
{
	struct rtnl_link_stats st = {
		.rx_packets = dev->stats.rx_packets, .tx_packets = dev->stats.tx_packets,
		.rx_bytes = dev->stats.rx_bytes, .tx_bytes = dev->stats.tx_bytes,
		.rx_errors = dev->stats.rx_errors, .tx_errors = dev->stats.tx_errors,
		.rx_dropped = dev->stats.rx_dropped, .tx_dropped = dev->stats.tx_dropped,
		.multicast = dev->stats.multicast, .collisions = dev->stats.collisions,
	};
	struct nlmsghdr *nlh = nlmsg_put(skb, portid, seq, type, sizeof(struct ifinfomsg), flags);
	struct ifinfomsg *ifm;
	unsigned int fl = dev_get_flags(dev);

	if (!nlh)
		return -EMSGSIZE;
	ifm = nlmsg_data(nlh);
	ifm->ifi_family = AF_UNSPEC;
	ifm->ifi_type = dev->type;
	ifm->ifi_index = dev->ifindex;
	ifm->ifi_flags = fl;
	if (nla_put_string(skb, IFLA_IFNAME, dev->name) ||
	    nla_put_u32(skb, IFLA_TXQLEN, dev->tx_queue_len) ||
	    nla_put_u8(skb, IFLA_OPERSTATE, netif_running(dev) ? dev->operstate : IF_OPER_DOWN) ||
	    nla_put_u8(skb, IFLA_LINKMODE, 0) ||
	    nla_put_u32(skb, IFLA_MTU, dev->mtu) ||
	    nla_put_u32(skb, IFLA_GROUP, 0) ||
	    nla_put_u32(skb, IFLA_PROMISCUITY, !!(fl & IFF_PROMISC)) ||
	    nla_put_u32(skb, IFLA_NUM_TX_QUEUES, 1) ||
	    nla_put_u32(skb, IFLA_NUM_RX_QUEUES, 1) ||
	    nla_put_u8(skb, IFLA_CARRIER, !!(fl & IFF_LOWER_UP)) ||
	    nla_put_string(skb, IFLA_QDISC, "noqueue") ||
	    nla_put(skb, IFLA_STATS, sizeof(st), &st))
		goto cancel;
	if (dev->addr_len &&
	    (nla_put(skb, IFLA_ADDRESS, dev->addr_len, dev->dev_addr) ||
	     nla_put(skb, IFLA_BROADCAST, dev->addr_len, dev->broadcast)))
		goto cancel;
	nlmsg_end(skb, nlh);
	return 0;
cancel:
	nlmsg_cancel(skb, nlh);
	return -EMSGSIZE;
}

static int rtnl_dump_ifinfo(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net_device *dev;
	int idx = 0, start = cb->args[0];

	spin_lock_bh(&dev_base_lock);
	list_for_each_entry(dev, &net_devices, dev_list) {
		if (idx++ < start)
			continue;
		if (rtnl_fill_ifinfo(skb, dev, RTM_NEWLINK, cb->portid, cb->seq, NLM_F_MULTI)) {
			idx--;
			break;
		}
	}
	spin_unlock_bh(&dev_base_lock);
	cb->args[0] = idx;
	return skb->len;
}

/* The device a link request names: by ifi_index, or by IFLA_IFNAME. Held. */
static struct net_device *rtnl_dev_get(struct nlmsghdr *nlh, struct rtattr **tb)
{
	const struct ifinfomsg *ifm = nlmsg_data(nlh);
	char name[IFNAMSIZ];

	if (ifm->ifi_index > 0)
		return dev_get_by_index(ifm->ifi_index);
	if (tb[IFLA_IFNAME]) {
		int len = min_t(int, RTA_PAYLOAD(tb[IFLA_IFNAME]), IFNAMSIZ - 1);

		memcpy(name, RTA_DATA(tb[IFLA_IFNAME]), len);
		name[len] = 0;
		return dev_get_by_name(name);
	}
	return NULL;
}

static int rtnl_getlink(struct nlmsghdr *nlh, u32 portid)
{
	struct rtattr *tb[__IFLA_MAX];
	struct net_device *dev;
	struct sk_buff *skb;
	int err;

	err = nlmsg_parse(nlh, sizeof(struct ifinfomsg), tb, __IFLA_MAX - 1);
	if (err)
		return err;
	dev = rtnl_dev_get(nlh, tb);
	if (!dev)
		return -ENODEV;
	skb = nlmsg_new(RTNL_DUMP_SIZE);
	err = -ENOBUFS;
	if (skb) {
		err = rtnl_fill_ifinfo(skb, dev, RTM_NEWLINK, portid, nlh->nlmsg_seq, 0);
		if (!err)
			err = netlink_unicast(skb, portid);
		else
			kfree_skb(skb);
	}
	dev_put(dev);
	return err;
}

/* RTM_SETLINK, and RTM_NEWLINK on a device that exists: flags and MTU. */
static int rtnl_setlink(struct nlmsghdr *nlh, u32 portid)
{
	const struct ifinfomsg *ifm;
	struct rtattr *tb[__IFLA_MAX];
	struct net_device *dev;
	int err;

	err = nlmsg_parse(nlh, sizeof(struct ifinfomsg), tb, __IFLA_MAX - 1);
	if (err)
		return err;
	ifm = nlmsg_data(nlh);
	dev = rtnl_dev_get(nlh, tb);
	if (!dev)
		/* creating links (veth, dummy...) is not supported */
		return nlh->nlmsg_type == RTM_NEWLINK && (nlh->nlmsg_flags & NLM_F_CREATE) ?
			-EOPNOTSUPP : -ENODEV;
	if (tb[IFLA_MTU]) {
		u32 mtu;

		err = nla_get_u32_checked(tb[IFLA_MTU], &mtu);
		if (!err)
			err = dev_set_mtu(dev, mtu);
		if (err)
			goto out;
	}
	if (ifm->ifi_change || ifm->ifi_flags) {
		unsigned int change = ifm->ifi_change ? ifm->ifi_change : ~0U;
		unsigned int flags = (dev->flags & ~change) | (ifm->ifi_flags & change);

		err = dev_change_flags(dev, flags);
	}
out:
	dev_put(dev);
	return err;
}

static int rtnl_dellink(struct nlmsghdr *nlh, u32 portid)
{
	return -EOPNOTSUPP;
}

static int __init rtnetlink_init(void)
{
	rtnl_register(AF_UNSPEC, RTM_GETLINK, rtnl_getlink, rtnl_dump_ifinfo);
	rtnl_register(AF_UNSPEC, RTM_SETLINK, rtnl_setlink, NULL);
	rtnl_register(AF_UNSPEC, RTM_NEWLINK, rtnl_setlink, NULL);
	rtnl_register(AF_UNSPEC, RTM_DELLINK, rtnl_dellink, NULL);
	devinet_rtnl_init();
	fib_rtnl_init();
	return 0;
}
subsys_initcall(rtnetlink_init);
