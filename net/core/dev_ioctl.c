// SPDX-License-Identifier: GPL-2.0
/*
 * The interface ioctls that are not about IPv4 addresses (those are
 * devinet_ioctl's): list the interfaces (SIOCGIFCONF), and get or set
 * one interface's flags, MTU, hardware address, index, name and queue
 * length by name in a struct ifreq, the way ifconfig does.  Setting
 * needs CAP_NET_ADMIN.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <uapi/linux/in.h>
#include <uapi/linux/sockios.h>

/*
 * SIOCGIFCONF: one ifreq (name and IPv4 address) per address.  A NULL
 * buffer asks only for the size needed.
 */
static int dev_ifconf(struct ifconf __user *uifc)
{
	struct ifconf ifc;
	struct net_device *dev;
	struct ifreq *reqs = NULL;
	int n = 0, max = 0, err = 0;

	if (copy_from_user(&ifc, uifc, sizeof(ifc)))
		return -EFAULT;
	if (ifc.ifc_buf) {
		if (ifc.ifc_len < 0)
			return -EINVAL;
		/* gathered under the locks, copied out after them */
		max = min_t(int, ifc.ifc_len / (int)sizeof(struct ifreq), 256);
		reqs = max ? kcalloc(max, sizeof(*reqs), GFP_KERNEL) : NULL;
		if (max && !reqs)
			return -ENOMEM;
	}
	spin_lock_bh(&dev_base_lock);
	spin_lock(&devinet_lock);
	list_for_each_entry(dev, &net_devices, dev_list) {
		struct in_device *in_dev = __in_dev_get(dev);
		struct in_ifaddr *ifa;

		if (!in_dev)
			continue;
		list_for_each_entry(ifa, &in_dev->ifa_list, ifa_list) {
			struct sockaddr_in *sin;

			if (reqs || ifc.ifc_buf) {
				if (n >= max)
					goto done;
				strscpy(reqs[n].ifr_name, ifa->ifa_label, IFNAMSIZ);
				sin = (struct sockaddr_in *)&reqs[n].ifr_addr;
				sin->sin_family = AF_INET;
				sin->sin_addr.s_addr = ifa->ifa_local;
			}
			n++;
		}
	}
done:
	spin_unlock(&devinet_lock);
	spin_unlock_bh(&dev_base_lock);
	if (ifc.ifc_buf && n && copy_to_user(ifc.ifc_buf, reqs, n * sizeof(*reqs)))
		err = -EFAULT;
	kfree(reqs);
	if (err)
		return err;
	ifc.ifc_len = n * sizeof(struct ifreq);
	if (copy_to_user(uifc, &ifc, sizeof(ifc)))
		return -EFAULT;
	return 0;
}

int dev_ioctl(unsigned int cmd, void __user *arg)
{
	struct net_device *dev;
	struct ifreq ifr;
	char *colon;
	int err = 0;

	if (cmd == SIOCGIFCONF)
		return dev_ifconf(arg);
	if (copy_from_user(&ifr, arg, sizeof(ifr)))
		return -EFAULT;
	if (cmd == SIOCGIFNAME) {
		dev = dev_get_by_index(ifr.ifr_ifindex);
		if (!dev)
			return -ENODEV;
		strscpy(ifr.ifr_name, dev->name, IFNAMSIZ);
		dev_put(dev);
		return copy_to_user(arg, &ifr, sizeof(ifr)) ? -EFAULT : 0;
	}
	ifr.ifr_name[IFNAMSIZ - 1] = 0;
	colon = strchr(ifr.ifr_name, ':');	/* an alias names its device */
	if (colon)
		*colon = 0;
	switch (cmd) {
	case SIOCSIFFLAGS:
	case SIOCSIFMTU:
	case SIOCSIFHWADDR:
	case SIOCSIFTXQLEN:
	case SIOCSIFMETRIC:
	case SIOCSIFMAP:
	case SIOCSIFNAME:
		if (!capable(CAP_NET_ADMIN))
			return -EPERM;
		break;
	}
	dev = dev_get_by_name(ifr.ifr_name);
	if (!dev)
		return -ENODEV;
	if (colon)
		*colon = ':';
	switch (cmd) {
	case SIOCGIFFLAGS:
		ifr.ifr_flags = (short)(dev_get_flags(dev) & 0xffff);
		break;
	case SIOCSIFFLAGS:
		err = dev_change_flags(dev, (unsigned short)ifr.ifr_flags);
		break;
	case SIOCGIFMTU:
		ifr.ifr_mtu = dev->mtu;
		break;
	case SIOCSIFMTU:
		err = dev_set_mtu(dev, ifr.ifr_mtu);
		break;
	case SIOCGIFHWADDR:
		memset(&ifr.ifr_hwaddr, 0, sizeof(ifr.ifr_hwaddr));
		memcpy(ifr.ifr_hwaddr.sa_data, dev->dev_addr,
		       min_t(size_t, dev->addr_len, sizeof(ifr.ifr_hwaddr.sa_data)));
		ifr.ifr_hwaddr.sa_family = dev->type;
		break;
	case SIOCSIFHWADDR:
		if (ifr.ifr_hwaddr.sa_family != dev->type) {
			err = -EINVAL;
			break;
		}
		if (dev->netdev_ops->ndo_set_mac_address)
			err = dev->netdev_ops->ndo_set_mac_address(dev, &ifr.ifr_hwaddr);
		else
			err = -EOPNOTSUPP;
		break;
	case SIOCGIFINDEX:
		ifr.ifr_ifindex = dev->ifindex;
		break;
	case SIOCGIFTXQLEN:
		ifr.ifr_qlen = dev->tx_queue_len;
		break;
	case SIOCSIFTXQLEN:
		if (ifr.ifr_qlen < 0)
			err = -EINVAL;
		else
			dev->tx_queue_len = ifr.ifr_qlen;
		break;
	case SIOCGIFMETRIC:
		ifr.ifr_metric = 0;
		break;
	case SIOCGIFMAP:
		memset(&ifr.ifr_map, 0, sizeof(ifr.ifr_map));
		break;
	case SIOCSIFMETRIC:
	case SIOCSIFMAP:
	case SIOCSIFNAME:
		err = -EOPNOTSUPP;
		break;
	default:
		err = -EINVAL;
	}
	dev_put(dev);
	if (!err && (cmd == SIOCGIFFLAGS || cmd == SIOCGIFMTU || cmd == SIOCGIFHWADDR ||
		     cmd == SIOCGIFINDEX || cmd == SIOCGIFTXQLEN || cmd == SIOCGIFMETRIC ||
		     cmd == SIOCGIFMAP) &&
	    copy_to_user(arg, &ifr, sizeof(ifr)))
		err = -EFAULT;
	return err;
}
