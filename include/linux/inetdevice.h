/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IPv4 addresses of an interface (net/ipv4/devinet.c): dev->ip_ptr is a
 * struct in_device whose list holds one struct in_ifaddr per address,
 * the first being the primary one (what SIOCGIFADDR reports).
 */
#ifndef _LINUX_INETDEVICE_H
#define _LINUX_INETDEVICE_H

#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/types.h>

struct in_ifaddr {
	struct list_head ifa_list;
	struct in_device *ifa_dev;
	__be32 ifa_local;		/* the address */
	__be32 ifa_address;		/* the peer on point-to-point, else = local */
	__be32 ifa_mask;
	__be32 ifa_broadcast;
	unsigned char ifa_prefixlen;
	unsigned char ifa_scope;	/* RT_SCOPE_* */
	unsigned int ifa_flags;
	char ifa_label[IFNAMSIZ];
};

struct in_device {
	struct net_device *dev;
	struct list_head ifa_list;
};

static inline struct in_device *__in_dev_get(const struct net_device *dev)
{
	return dev->ip_ptr;
}

static inline __be32 inet_make_mask(int logmask)
{
	return logmask ? __builtin_bswap32(~0u << (32 - logmask)) : 0;
}

static inline int inet_mask_len(__be32 mask)
{
	u32 hmask = __builtin_bswap32(mask);

	return hmask ? 32 - __builtin_ctz(hmask) : 0;
}

static inline bool inet_ifa_match(__be32 addr, const struct in_ifaddr *ifa)
{
	return !((addr ^ ifa->ifa_address) & ifa->ifa_mask);
}

/* net/ipv4/devinet.c; the address lists change under devinet_lock. */
extern spinlock_t devinet_lock;
int inet_ifa_add(struct net_device *dev, __be32 local, int prefixlen);
void inet_ifa_del(struct in_ifaddr *ifa);
struct in_ifaddr *inet_ifa_primary(const struct net_device *dev);
__be32 inet_select_addr(const struct net_device *dev, __be32 dst, int scope);
struct net_device *ip_dev_find(__be32 addr);	/* the device owning a local address, held */
bool inet_addr_is_local(__be32 addr);
bool inet_ifa_on_dev(struct net_device *dev, __be32 addr);
int devinet_ioctl(unsigned int cmd, struct ifreq *ifr);

#endif
