// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 interface addresses (<linux/inetdevice.h>).  Each device has an
 * in_device listing its addresses; adding one also adds the routes it
 * implies (the address itself as a local route, its network as a
 * connected route, fib_add_ifaddr), and removing it takes them away.
 * The SIOC[GS]IF{ADDR,NETMASK,BRDADDR,DSTADDR} ioctls land here.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/inetdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/byteorder.h>
#include <uapi/linux/in.h>
#include <uapi/linux/sockios.h>
#include <net/route.h>
#include <uapi/linux/if_addr.h>
#include <net/rtnetlink.h>
#include "fib.h"

DEFINE_SPINLOCK(devinet_lock);

/*
 * devinet_lock held (a spinlock: no allocation here).  @dev's IPv4 state,
 * installing *@spare, allocated beforehand, if it has none yet; *@spare
 * becomes NULL when used.
 */
static struct in_device *inetdev_get_or_create(struct net_device *dev,
					       struct in_device **spare)
{
	struct in_device *in_dev = __in_dev_get(dev);

	lockdep_assert_held(&devinet_lock);
	if (in_dev)
		return in_dev;
	in_dev = *spare;
	*spare = NULL;
	in_dev->dev = dev;
	INIT_LIST_HEAD(&in_dev->ifa_list);
	dev->ip_ptr = in_dev;
	return in_dev;
}

struct in_ifaddr *inet_ifa_primary(const struct net_device *dev)
{
	struct in_device *in_dev = __in_dev_get(dev);

	if (!in_dev || list_empty(&in_dev->ifa_list))
		return NULL;
	return list_first_entry(&in_dev->ifa_list, struct in_ifaddr, ifa_list);
}

/* A broadcast address only on a device that broadcasts (not lo), as Linux sets it. */
static void inet_ifa_fill(struct in_ifaddr *ifa, const struct net_device *dev, __be32 local,
			  int prefixlen)
{
	ifa->ifa_local = local;
	ifa->ifa_address = local;
	ifa->ifa_prefixlen = prefixlen;
	ifa->ifa_mask = inet_make_mask(prefixlen);
	ifa->ifa_broadcast = (dev->flags & IFF_BROADCAST) && prefixlen < 31 ?
			     (local | ~ifa->ifa_mask) : 0;
	ifa->ifa_scope = ipv4_is_loopback(local) ? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE;
}

/* Add @local/@prefixlen to @dev (the primary one if it is the first) and its routes. */
int inet_ifa_add(struct net_device *dev, __be32 local, int prefixlen)
{
	struct in_device *in_dev, *spare;
	struct in_ifaddr *ifa, *old;

	if (prefixlen < 0 || prefixlen > 32)
		return -EINVAL;
	/* Both allocations before devinet_lock, a spinlock: they may sleep. */
	ifa = kzalloc(sizeof(*ifa), GFP_KERNEL);
	spare = kzalloc(sizeof(*spare), GFP_KERNEL);
	if (!ifa || !spare) {
		kfree(spare);
		kfree(ifa);
		return -ENOBUFS;
	}
	spin_lock_bh(&devinet_lock);
	in_dev = inetdev_get_or_create(dev, &spare);
	list_for_each_entry(old, &in_dev->ifa_list, ifa_list) {
		if (old->ifa_local == local && old->ifa_prefixlen == prefixlen) {
			spin_unlock_bh(&devinet_lock);
			kfree(spare);
			kfree(ifa);
			return -EEXIST;
		}
	}
	inet_ifa_fill(ifa, dev, local, prefixlen);
	ifa->ifa_dev = in_dev;
	strscpy(ifa->ifa_label, dev->name, IFNAMSIZ);
	list_add_tail(&ifa->ifa_list, &in_dev->ifa_list);
	spin_unlock_bh(&devinet_lock);
	kfree(spare);
	fib_add_ifaddr(ifa);
	return 0;
}

/* Take @ifa off its device, with its routes. */
void inet_ifa_del(struct in_ifaddr *ifa)
{
	fib_del_ifaddr(ifa);
	spin_lock_bh(&devinet_lock);
	list_del(&ifa->ifa_list);
	spin_unlock_bh(&devinet_lock);
	kfree(ifa);
}

/*
 * The address to send from towards @dst on @dev: one on the same
 * network if there is one, else the primary address within @scope.
 */
__be32 inet_select_addr(const struct net_device *dev, __be32 dst, int scope)
{
	struct in_device *in_dev = __in_dev_get(dev);
	struct in_ifaddr *ifa;
	__be32 addr = 0;

	if (!in_dev)
		return 0;
	spin_lock_bh(&devinet_lock);
	list_for_each_entry(ifa, &in_dev->ifa_list, ifa_list) {
		if (ifa->ifa_scope > scope)
			continue;
		if (!dst || inet_ifa_match(dst, ifa)) {
			addr = ifa->ifa_local;
			break;
		}
		if (!addr)
			addr = ifa->ifa_local;
	}
	spin_unlock_bh(&devinet_lock);
	return addr;
}

/* The device that has @addr as one of its addresses (held), or NULL. */
struct net_device *ip_dev_find(__be32 addr)
{
	struct net_device *dev, *found = NULL;

	spin_lock_bh(&dev_base_lock);
	list_for_each_entry(dev, &net_devices, dev_list) {
		struct in_device *in_dev = __in_dev_get(dev);
		struct in_ifaddr *ifa;

		if (!in_dev)
			continue;
		list_for_each_entry(ifa, &in_dev->ifa_list, ifa_list) {
			if (ifa->ifa_local == addr) {
				found = dev;
				dev_hold(dev);
				goto out;
			}
		}
	}
out:
	spin_unlock_bh(&dev_base_lock);
	return found;
}

/* Is @addr one of @dev's own addresses? (ARP answers only for those.) */
bool inet_ifa_on_dev(struct net_device *dev, __be32 addr)
{
	struct in_device *in_dev = __in_dev_get(dev);
	struct in_ifaddr *ifa;
	bool found = false;

	if (!in_dev)
		return false;
	spin_lock_bh(&devinet_lock);
	list_for_each_entry(ifa, &in_dev->ifa_list, ifa_list)
		if (ifa->ifa_local == addr)
			found = true;
	spin_unlock_bh(&devinet_lock);
	return found;
}

bool inet_addr_is_local(__be32 addr)
{
	struct net_device *dev = ip_dev_find(addr);

	if (!dev)
		return false;
	dev_put(dev);
	return true;
}

static struct sockaddr_in *ifr_sin(struct ifreq *ifr, int which)
{
	switch (which) {
	case 0:
		return (struct sockaddr_in *)&ifr->ifr_addr;
	case 1:
		return (struct sockaddr_in *)&ifr->ifr_netmask;
	case 2:
		return (struct sockaddr_in *)&ifr->ifr_broadaddr;
	default:
		return (struct sockaddr_in *)&ifr->ifr_dstaddr;
	}
}

/*
 * The address ioctls.  An interface "name:label" (an alias) names the
 * address with that label; plain "name" names the primary address.
 * @ifr is a kernel copy; the caller copies it back out.
 */
int devinet_ioctl(unsigned int cmd, struct ifreq *ifr)
{
	struct sockaddr_in *sin;
	struct net_device *dev;
	struct in_ifaddr *ifa = NULL, *i;
	struct in_device *in_dev;
	char name[IFNAMSIZ];
	char *colon;
	int err = 0;

	memcpy(name, ifr->ifr_name, IFNAMSIZ);
	name[IFNAMSIZ - 1] = 0;
	colon = strchr(name, ':');
	if (colon)
		*colon = 0;
	switch (cmd) {
	case SIOCGIFADDR:
	case SIOCGIFBRDADDR:
	case SIOCGIFNETMASK:
	case SIOCGIFDSTADDR:
		break;
	case SIOCSIFADDR:
	case SIOCSIFBRDADDR:
	case SIOCSIFNETMASK:
	case SIOCSIFDSTADDR:
		if (!capable(CAP_NET_ADMIN))
			return -EPERM;
		if (ifr_sin(ifr, 0)->sin_family != AF_INET)
			return -EINVAL;
		break;
	default:
		return -EINVAL;
	}
	dev = dev_get_by_name(name);
	if (!dev)
		return -ENODEV;
	if (colon)
		*colon = ':';
	in_dev = __in_dev_get(dev);
	if (in_dev) {
		spin_lock_bh(&devinet_lock);
		list_for_each_entry(i, &in_dev->ifa_list, ifa_list) {
			if (!strncmp(i->ifa_label, name, IFNAMSIZ)) {
				ifa = i;
				break;
			}
		}
		spin_unlock_bh(&devinet_lock);
	}
	sin = ifr_sin(ifr, 0);
	switch (cmd) {
	case SIOCGIFADDR:
	case SIOCGIFBRDADDR:
	case SIOCGIFNETMASK:
	case SIOCGIFDSTADDR:
		if (!ifa) {
			err = -EADDRNOTAVAIL;
			break;
		}
		memset(sin, 0, sizeof(*sin));
		sin->sin_family = AF_INET;
		if (cmd == SIOCGIFADDR)
			sin->sin_addr.s_addr = ifa->ifa_local;
		else if (cmd == SIOCGIFBRDADDR)
			sin->sin_addr.s_addr = ifa->ifa_broadcast;
		else if (cmd == SIOCGIFNETMASK)
			sin->sin_addr.s_addr = ifa->ifa_mask;
		else
			sin->sin_addr.s_addr = ifa->ifa_address;
		break;
	case SIOCSIFADDR: {
		__be32 addr = sin->sin_addr.s_addr;
		int prefixlen;

		/* A new address keeps the old netmask, or gets its class's. */
		if (ifa) {
			prefixlen = ifa->ifa_prefixlen;
			inet_ifa_del(ifa);
		} else if (!(ntohl(addr) & 0x80000000)) {
			prefixlen = 8;
		} else if ((ntohl(addr) & 0xc0000000) == 0x80000000) {
			prefixlen = 16;
		} else {
			prefixlen = 24;
		}
		if (!addr)	/* ifconfig X 0.0.0.0: just remove it */
			break;
		err = inet_ifa_add(dev, addr, prefixlen);
		if (!err && !ifa) {
			/* label it with the alias name it was set through */
			struct in_ifaddr *n;

			spin_lock_bh(&devinet_lock);
			n = list_last_entry(&__in_dev_get(dev)->ifa_list, struct in_ifaddr, ifa_list);
			strscpy(n->ifa_label, name, IFNAMSIZ);
			spin_unlock_bh(&devinet_lock);
		}
		break;
	}
	case SIOCSIFNETMASK: {
		__be32 mask = ifr_sin(ifr, 1)->sin_addr.s_addr;
		int len = inet_mask_len(mask);

		if (!ifa) {
			err = -EADDRNOTAVAIL;
			break;
		}
		if (inet_make_mask(len) != mask) {
			err = -EINVAL;	/* not contiguous */
			break;
		}
		if (len != ifa->ifa_prefixlen) {
			fib_del_ifaddr(ifa);
			inet_ifa_fill(ifa, dev, ifa->ifa_local, len);
			fib_add_ifaddr(ifa);
		}
		break;
	}
	case SIOCSIFBRDADDR:
		if (!ifa)
			err = -EADDRNOTAVAIL;
		else
			ifa->ifa_broadcast = ifr_sin(ifr, 2)->sin_addr.s_addr;
		break;
	case SIOCSIFDSTADDR:
		if (!ifa)
			err = -EADDRNOTAVAIL;
		else
			ifa->ifa_address = ifr_sin(ifr, 3)->sin_addr.s_addr;
		break;
	}
	dev_put(dev);
	return err;
}

/* ---------- rtnetlink: RTM_GETADDR, RTM_NEWADDR, RTM_DELADDR ---------- */

static int inet_fill_ifaddr(struct sk_buff *skb, const struct in_ifaddr *ifa, u32 portid,
			    u32 seq, int type, int flags)
{
	struct nlmsghdr *nlh = nlmsg_put(skb, portid, seq, type, sizeof(struct ifaddrmsg), flags);
	struct ifaddrmsg *ifm;

	if (!nlh)
		return -EMSGSIZE;
	ifm = nlmsg_data(nlh);
	ifm->ifa_family = AF_INET;
	ifm->ifa_prefixlen = ifa->ifa_prefixlen;
	ifm->ifa_flags = IFA_F_PERMANENT;
	ifm->ifa_scope = ifa->ifa_scope;
	ifm->ifa_index = ifa->ifa_dev->dev->ifindex;
	if (nla_put_in_addr(skb, IFA_ADDRESS, ifa->ifa_address) ||
	    nla_put_in_addr(skb, IFA_LOCAL, ifa->ifa_local) ||
	    (ifa->ifa_broadcast && nla_put_in_addr(skb, IFA_BROADCAST, ifa->ifa_broadcast)) ||
	    nla_put_string(skb, IFA_LABEL, ifa->ifa_label) ||
	    nla_put_u32(skb, IFA_FLAGS, IFA_F_PERMANENT)) {
		nlmsg_cancel(skb, nlh);
		return -EMSGSIZE;
	}
	nlmsg_end(skb, nlh);
	return 0;
}

/* cb->args[0]: addresses already sent, counted over all devices. */
static int inet_dump_ifaddr(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net_device *dev;
	long idx = 0, start = cb->args[0];

	spin_lock_bh(&dev_base_lock);
	spin_lock(&devinet_lock);
	list_for_each_entry(dev, &net_devices, dev_list) {
		struct in_device *in_dev = __in_dev_get(dev);
		struct in_ifaddr *ifa;

		if (!in_dev)
			continue;
		list_for_each_entry(ifa, &in_dev->ifa_list, ifa_list) {
			if (idx++ < start)
				continue;
			if (inet_fill_ifaddr(skb, ifa, cb->portid, cb->seq, RTM_NEWADDR,
					     NLM_F_MULTI)) {
				idx--;
				goto out;
			}
		}
	}
out:
	spin_unlock(&devinet_lock);
	spin_unlock_bh(&dev_base_lock);
	cb->args[0] = idx;
	return skb->len;
}

static int inet_rtm_addr_parse(struct nlmsghdr *nlh, struct net_device **devp, __be32 *local,
			       char *label)
{
	struct rtattr *tb[__IFA_MAX];
	struct ifaddrmsg *ifm;
	int err;

	err = nlmsg_parse(nlh, sizeof(*ifm), tb, __IFA_MAX - 1);
	if (err)
		return err;
	ifm = nlmsg_data(nlh);
	if (ifm->ifa_prefixlen > 32)
		return -EINVAL;
	if (!tb[IFA_LOCAL])
		tb[IFA_LOCAL] = tb[IFA_ADDRESS];
	if (!tb[IFA_LOCAL] || RTA_PAYLOAD(tb[IFA_LOCAL]) < 4)
		return -EINVAL;
	memcpy(local, RTA_DATA(tb[IFA_LOCAL]), 4);
	label[0] = 0;
	if (tb[IFA_LABEL]) {
		int len = min_t(int, RTA_PAYLOAD(tb[IFA_LABEL]), IFNAMSIZ - 1);

		memcpy(label, RTA_DATA(tb[IFA_LABEL]), len);
		label[len] = 0;
	}
	*devp = dev_get_by_index(ifm->ifa_index);
	return *devp ? 0 : -ENODEV;
}

static int inet_rtm_newaddr(struct nlmsghdr *nlh, u32 portid)
{
	struct ifaddrmsg *ifm = nlmsg_data(nlh);
	struct net_device *dev;
	char label[IFNAMSIZ];
	__be32 local;
	int err;

	struct in_device *in_dev;
	struct in_ifaddr *ifa;

	err = inet_rtm_addr_parse(nlh, &dev, &local, label);
	if (err)
		return err;
	/* a second address on a network must have the first one's scope, as on Linux */
	in_dev = __in_dev_get(dev);
	spin_lock_bh(&devinet_lock);
	if (in_dev) {
		list_for_each_entry(ifa, &in_dev->ifa_list, ifa_list) {
			if (ifa->ifa_local != local && ifa->ifa_prefixlen == ifm->ifa_prefixlen &&
			    inet_ifa_match(local, ifa) && ifa->ifa_scope != ifm->ifa_scope)
				err = -EINVAL;
		}
	}
	spin_unlock_bh(&devinet_lock);
	if (!err)
		err = inet_ifa_add(dev, local, ifm->ifa_prefixlen);
	if (!err) {
		spin_lock_bh(&devinet_lock);
		ifa = list_last_entry(&__in_dev_get(dev)->ifa_list, struct in_ifaddr, ifa_list);
		if (label[0])
			strscpy(ifa->ifa_label, label, IFNAMSIZ);
		ifa->ifa_scope = ifm->ifa_scope;
		spin_unlock_bh(&devinet_lock);
	}
	if (err == -EEXIST && !(nlh->nlmsg_flags & NLM_F_EXCL))
		err = 0;	/* ip addr replace / add without EXCL */
	dev_put(dev);
	return err;
}

static int inet_rtm_deladdr(struct nlmsghdr *nlh, u32 portid)
{
	struct ifaddrmsg *ifm = nlmsg_data(nlh);
	struct in_ifaddr *ifa, *found = NULL;
	struct in_device *in_dev;
	struct net_device *dev;
	char label[IFNAMSIZ];
	__be32 local;
	int err;

	err = inet_rtm_addr_parse(nlh, &dev, &local, label);
	if (err)
		return err;
	in_dev = __in_dev_get(dev);
	spin_lock_bh(&devinet_lock);
	if (in_dev) {
		list_for_each_entry(ifa, &in_dev->ifa_list, ifa_list) {
			if (ifa->ifa_local == local &&
			    (!ifm->ifa_prefixlen || ifm->ifa_prefixlen == ifa->ifa_prefixlen)) {
				found = ifa;
				break;
			}
		}
	}
	spin_unlock_bh(&devinet_lock);
	if (found)
		inet_ifa_del(found);
	dev_put(dev);
	return found ? 0 : -EADDRNOTAVAIL;
}

void devinet_rtnl_init(void)
{
	rtnl_register(AF_INET, RTM_GETADDR, NULL, inet_dump_ifaddr);
	rtnl_register(AF_UNSPEC, RTM_GETADDR, NULL, inet_dump_ifaddr);
	rtnl_register(AF_INET, RTM_NEWADDR, inet_rtm_newaddr, NULL);
	rtnl_register(AF_INET, RTM_DELADDR, inet_rtm_deladdr, NULL);
}
