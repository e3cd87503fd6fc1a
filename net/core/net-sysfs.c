// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/class/net/<if>/: each interface's attributes (address, mtu,
 * operstate, flags, ifindex, ...) and its statistics/ counters, the
 * files the seeds and tools like ip and udhcpc read.  sysfs here has no
 * kobjects, so each file is an attribute embedded with a pointer to its
 * device and which value it shows.
 */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/kstrtox.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/sysfs.h>

struct netdev_attr {
	struct attribute attr;
	struct net_device *dev;
	int which;
};

enum {
	NA_ADDRESS, NA_BROADCAST, NA_MTU, NA_OPERSTATE, NA_FLAGS, NA_IFINDEX,
	NA_IFLINK, NA_TYPE, NA_ADDR_LEN, NA_CARRIER, NA_TX_QUEUE_LEN, NA_DORMANT,
	NA_NR
};

static const char *const na_names[NA_NR] = {
	"address", "broadcast", "mtu", "operstate", "flags", "ifindex", "iflink",
	"type", "addr_len", "carrier", "tx_queue_len", "dormant",
};

#define NETSTAT(f) { #f, offsetof(struct net_device_stats, f) }
static const struct { const char *name; size_t off; } net_stats[] = {
	NETSTAT(rx_packets), NETSTAT(tx_packets), NETSTAT(rx_bytes), NETSTAT(tx_bytes),
	NETSTAT(rx_errors), NETSTAT(tx_errors), NETSTAT(rx_dropped), NETSTAT(tx_dropped),
	NETSTAT(multicast), NETSTAT(collisions), NETSTAT(rx_length_errors),
	NETSTAT(rx_over_errors), NETSTAT(rx_crc_errors), NETSTAT(rx_frame_errors),
	NETSTAT(rx_fifo_errors), NETSTAT(rx_missed_errors), NETSTAT(tx_aborted_errors),
	NETSTAT(tx_carrier_errors), NETSTAT(tx_fifo_errors), NETSTAT(tx_heartbeat_errors),
	NETSTAT(tx_window_errors), NETSTAT(rx_compressed), NETSTAT(tx_compressed),
};
#define NR_STATS ARRAY_SIZE(net_stats)

/* One allocation per device: the attributes and its two directories. */
struct netdev_sysfs {
	struct dentry *dir, *stats;
	struct netdev_attr attrs[NA_NR];
	struct netdev_attr stat_attrs[NR_STATS];
};

static const char *const operstates[] = {
	"unknown", "notpresent", "down", "lowerlayerdown", "testing", "dormant", "up",
};

static ssize_t format_hwaddr(char *page, const unsigned char *a, int len)
{
	ssize_t n = 0;
	int i;

	for (i = 0; i < len; i++)
		n += scnprintf(page + n, PAGE_SIZE - n, "%s%02x", i ? ":" : "", a[i]);
	n += scnprintf(page + n, PAGE_SIZE - n, "\n");
	return n;
}

static ssize_t netdev_show(const struct attribute *attr, char *page)
{
	const struct netdev_attr *na = container_of(attr, struct netdev_attr, attr);
	const struct net_device *dev = na->dev;

	switch (na->which) {
	case NA_ADDRESS:
		return format_hwaddr(page, dev->dev_addr, dev->addr_len);
	case NA_BROADCAST:
		return format_hwaddr(page, dev->broadcast, dev->addr_len);
	case NA_MTU:
		return scnprintf(page, PAGE_SIZE, "%u\n", dev->mtu);
	case NA_OPERSTATE:
		return scnprintf(page, PAGE_SIZE, "%s\n", dev->operstate < ARRAY_SIZE(operstates) ?
				 operstates[dev->operstate] : "unknown");
	case NA_FLAGS:
		return scnprintf(page, PAGE_SIZE, "0x%x\n", dev->flags & 0xffff);
	case NA_IFINDEX:
	case NA_IFLINK:
		return scnprintf(page, PAGE_SIZE, "%d\n", dev->ifindex);
	case NA_TYPE:
		return scnprintf(page, PAGE_SIZE, "%u\n", dev->type);
	case NA_ADDR_LEN:
		return scnprintf(page, PAGE_SIZE, "%u\n", dev->addr_len);
	case NA_CARRIER:
		if (!netif_running(dev))
			return -EINVAL;
		return scnprintf(page, PAGE_SIZE, "%d\n", !!(dev_get_flags(dev) & IFF_LOWER_UP));
	case NA_TX_QUEUE_LEN:
		return scnprintf(page, PAGE_SIZE, "%u\n", dev->tx_queue_len);
	case NA_DORMANT:
		return scnprintf(page, PAGE_SIZE, "0\n");
	}
	return -EINVAL;
}

/* mtu, flags and tx_queue_len are writable, as on Linux (by root: the files are 0644). */
static ssize_t netdev_store(const struct attribute *attr, const char *buf, size_t count)
{
	const struct netdev_attr *na = container_of(attr, struct netdev_attr, attr);
	struct net_device *dev = na->dev;
	unsigned long val;
	int err;

	err = kstrtoul(buf, 0, &val);
	if (err)
		return err;
	if (val > INT_MAX)
		return -EINVAL;
	switch (na->which) {
	case NA_MTU:
		err = dev_set_mtu(dev, val);
		break;
	case NA_FLAGS:
		err = dev_change_flags(dev, val);
		break;
	case NA_TX_QUEUE_LEN:
		dev->tx_queue_len = val;
		break;
	default:
		err = -EIO;
	}
	return err ? err : (ssize_t)count;
}

static ssize_t netstat_show(const struct attribute *attr, char *page)
{
	const struct netdev_attr *na = container_of(attr, struct netdev_attr, attr);
	const unsigned long *v = (const void *)((const char *)&na->dev->stats +
						 net_stats[na->which].off);

	return scnprintf(page, PAGE_SIZE, "%lu\n", *v);
}

static struct dentry *net_class_dir;

void netdev_sysfs_add(struct net_device *dev)
{
	struct netdev_sysfs *s;
	unsigned int i;

	if (!net_class_dir) {
		net_class_dir = sysfs_create_dir(class_kobj, "net");
		if (IS_ERR(net_class_dir)) {
			net_class_dir = NULL;
			return;
		}
	}
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return;
	s->dir = sysfs_create_dir(net_class_dir, dev->name);
	if (IS_ERR(s->dir)) {
		kfree(s);
		return;
	}
	for (i = 0; i < NA_NR; i++) {
		struct netdev_attr *na = &s->attrs[i];
		bool rw = i == NA_MTU || i == NA_FLAGS || i == NA_TX_QUEUE_LEN;

		na->dev = dev;
		na->which = i;
		na->attr.name = na_names[i];
		na->attr.mode = rw ? 0644 : 0444;
		na->attr.show = netdev_show;
		na->attr.store = rw ? netdev_store : NULL;
		sysfs_create_file(s->dir, &na->attr);
	}
	s->stats = sysfs_create_dir(s->dir, "statistics");
	if (!IS_ERR(s->stats)) {
		for (i = 0; i < NR_STATS; i++) {
			struct netdev_attr *na = &s->stat_attrs[i];

			na->dev = dev;
			na->which = i;
			na->attr.name = net_stats[i].name;
			na->attr.mode = 0444;
			na->attr.show = netstat_show;
			sysfs_create_file(s->stats, &na->attr);
		}
		dput(s->stats);
	}
	dev->sysfs = s;
}

void netdev_sysfs_remove(struct net_device *dev)
{
	struct netdev_sysfs *s = dev->sysfs;

	if (!s)
		return;
	sysfs_remove(s->dir);
	kfree(s);
	dev->sysfs = NULL;
}
