/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct net_device: a network interface (net/core/dev.c).  A driver
 * fills one in (name, MTU, hardware address, net_device_ops) and
 * registers it; the stack sends through ndo_start_xmit (dev_queue_xmit)
 * and the driver hands received packets up with netif_rx (from any
 * context) or, from its NAPI poll, netif_receive_skb.  Received packets
 * are processed in the NET_RX softirq, at most a budget of them per
 * poll, so a flood cannot starve the rest of the system.
 */
#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <uapi/linux/if.h>
#include <uapi/linux/if_ether.h>

struct net_device;
struct in_device;
struct netdev_sysfs;
struct seq_file;

#define MAX_ADDR_LEN	32

/* dev->type: ARPHRD_* as /sys/class/net/X/type shows it */
#define ARPHRD_ETHER	1
#define ARPHRD_LOOPBACK	772
#define ARPHRD_NONE	0xFFFE

enum netdev_tx {
	NETDEV_TX_OK = 0,
	NETDEV_TX_BUSY = 0x10,		/* the driver could not take it; try later */
};
typedef enum netdev_tx netdev_tx_t;

/* The counters of /proc/net/dev and /sys/class/net/X/statistics/ */
struct net_device_stats {
	unsigned long rx_packets, tx_packets;
	unsigned long rx_bytes, tx_bytes;
	unsigned long rx_errors, tx_errors;
	unsigned long rx_dropped, tx_dropped;
	unsigned long multicast, collisions;
	unsigned long rx_length_errors, rx_over_errors, rx_crc_errors;
	unsigned long rx_frame_errors, rx_fifo_errors, rx_missed_errors;
	unsigned long tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
	unsigned long tx_heartbeat_errors, tx_window_errors;
	unsigned long rx_compressed, tx_compressed;
};

struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	/* Takes the skb (frees it even on failure) unless it returns NETDEV_TX_BUSY. */
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	int (*ndo_set_mac_address)(struct net_device *dev, void *addr);
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
};

/* Building the link-layer header in front of a packet (Ethernet: eth_header). */
struct header_ops {
	int (*create)(struct sk_buff *skb, struct net_device *dev, unsigned short type,
		      const void *daddr, const void *saddr, unsigned int len);
};

/*
 * A NAPI context: a device's receive poll.  The driver schedules it from
 * its interrupt (napi_schedule); the NET_RX softirq calls ->poll with a
 * budget; a poll that does less than its budget is done and calls
 * napi_complete_done, one that uses it all stays on the list.
 */
struct napi_struct {
	struct list_head poll_list;
	unsigned long state;		/* NAPI_STATE_* bits */
	int weight;
	int (*poll)(struct napi_struct *napi, int budget);
	struct net_device *dev;
};

enum {
	NAPI_STATE_SCHED,		/* on the poll list */
};

#define NAPI_POLL_WEIGHT	64

struct net_device {
	char name[IFNAMSIZ];
	struct list_head dev_list;	/* in net_devices, by ifindex */
	int ifindex;
	unsigned int flags;		/* IFF_* */
	unsigned char operstate;	/* IF_OPER_* */
	unsigned int mtu, min_mtu, max_mtu;
	unsigned short type;		/* ARPHRD_* */
	unsigned short hard_header_len;	/* link header the stack leaves room for */
	unsigned char addr_len;
	unsigned char dev_addr[MAX_ADDR_LEN];
	unsigned char broadcast[MAX_ADDR_LEN];
	unsigned int tx_queue_len;
	const struct net_device_ops *netdev_ops;
	const struct header_ops *header_ops;
	struct net_device_stats stats;
	struct in_device *ip_ptr;	/* IPv4 addresses (<linux/inetdevice.h>) */
	refcount_t dev_refcnt;
	void *priv;			/* the driver's (netdev_priv) */
	struct netdev_sysfs *sysfs;	/* /sys/class/net/<name> */
};

static inline void *netdev_priv(const struct net_device *dev)
{
	return dev->priv;
}

static inline void dev_hold(struct net_device *dev)
{
	refcount_inc(&dev->dev_refcnt);
}

static inline void dev_put(struct net_device *dev)
{
	(void)refcount_dec_and_test(&dev->dev_refcnt);
}

static inline bool netif_running(const struct net_device *dev)
{
	return dev->flags & IFF_UP;
}

/* A receive handler for one network-layer protocol (ETH_P_IP: ip_rcv). */
struct packet_type {
	__be16 type;
	int (*func)(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt);
	struct list_head list;
};

/* Result codes of the receive path */
#define NET_RX_SUCCESS	0
#define NET_RX_DROP	1

/* net/core/dev.c */
extern struct list_head net_devices;
extern spinlock_t dev_base_lock;

struct net_device *alloc_netdev(size_t priv_size, const char *name,
				void (*setup)(struct net_device *dev));
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
struct net_device *dev_get_by_name(const char *name);		/* held */
struct net_device *dev_get_by_index(int ifindex);		/* held */
struct net_device *__dev_get_by_name(const char *name);	/* dev_base_lock held */
struct net_device *__dev_get_by_index(int ifindex);
int dev_open(struct net_device *dev);
int dev_close(struct net_device *dev);
int dev_change_flags(struct net_device *dev, unsigned int flags);
unsigned int dev_get_flags(const struct net_device *dev);
int dev_set_mtu(struct net_device *dev, int new_mtu);
int dev_queue_xmit(struct sk_buff *skb);
int dev_hard_header(struct sk_buff *skb, struct net_device *dev, unsigned short type,
		    const void *daddr, const void *saddr, unsigned int len);
int netif_rx(struct sk_buff *skb);
int netif_receive_skb(struct sk_buff *skb);
void dev_add_pack(struct packet_type *pt);
void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int), int weight);
void napi_schedule(struct napi_struct *napi);
bool napi_complete_done(struct napi_struct *napi, int work_done);
int dev_ioctl(unsigned int cmd, void __user *arg);
int dev_seq_show(struct seq_file *m, void *v);
int softnet_seq_show(struct seq_file *m, void *v);
extern int netdev_max_backlog, netdev_budget;
extern struct net_device *loopback_dev;	/* drivers/net/loopback.c */

/* net/core/net-sysfs.c */
void netdev_sysfs_add(struct net_device *dev);
void netdev_sysfs_remove(struct net_device *dev);

/* net/packet/af_packet.c: a copy of each received frame for packet sockets */
void packet_rcv(struct sk_buff *skb);

/* Ethernet (net/ethernet/eth.c) */
void ether_setup(struct net_device *dev);
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);

#endif
