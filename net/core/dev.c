// SPDX-License-Identifier: GPL-2.0
/*
 * Network devices (<linux/netdevice.h>): the list of interfaces, and the
 * two paths every packet takes through them.
 *
 * Out: dev_queue_xmit hands a packet with its link header built to the
 * driver's ndo_start_xmit.  Lantern has no queueing discipline: a
 * driver that cannot take a packet (NETDEV_TX_BUSY) loses it, which the
 * transports above recover from as they would a loss on the wire.
 *
 * In: a driver calls netif_rx (any context; the packet waits in this
 * CPU's backlog queue) or, from its own NAPI poll, netif_receive_skb.
 * Both end in the NET_RX softirq (net_rx_action), which polls each
 * scheduled NAPI context for at most its weight of packets and stops
 * after netdev_budget packets or two jiffies altogether, re-raising
 * itself for the rest; so a flood is processed in slices and ordinary
 * tasks still run (ksoftirqd takes over a softirq that keeps coming
 * back).  netif_receive_skb gives each packet to the packet_type
 * handlers registered for its protocol (ETH_P_IP: ip_rcv) and to the
 * taps on every frame (ETH_P_ALL: packet sockets), each its own copy;
 * the taps also see what we send (dev_queue_xmit_nit).
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/bitops.h>
#include <linux/bottom_half.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/rculist.h>
#include <linux/seq_file.h>
#include <linux/time64.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <asm/byteorder.h>
#include <net/arp.h>

LIST_HEAD(net_devices);
DEFINE_SPINLOCK(dev_base_lock);
static LIST_HEAD(ptype_base);		/* handlers by protocol */
static LIST_HEAD(ptype_all);		/* ETH_P_ALL taps */
static DEFINE_SPINLOCK(ptype_lock);	/* writers of both */

static void dev_queue_xmit_nit(struct sk_buff *skb, struct net_device *dev);
static int next_ifindex = 1;

int netdev_max_backlog = 1000;	/* net.core.netdev_max_backlog */
int netdev_budget = 300;	/* net.core.netdev_budget */

/*
 * The per-CPU receive state: NAPI contexts waiting to be polled, and the
 * backlog of packets netif_rx queued, itself polled through a NAPI
 * context of its own.  Each CPU's NET_RX softirq polls its own list, so
 * the list needs only interrupts off; a NAPI context is on at most one
 * CPU's list (NAPI_STATE_SCHED).  A packet queued by netif_rx is received
 * on the CPU that queued it.
 */
struct softnet_data {
	struct list_head poll_list;
	struct sk_buff_head input_pkt_queue;
	struct napi_struct backlog;
	unsigned long dropped;		/* backlog full */
	unsigned long time_squeeze;	/* budget or time ran out with work left */
	unsigned long processed;
};

static DEFINE_PER_CPU(struct softnet_data, softnet_data);

struct net_device *alloc_netdev(size_t priv_size, const char *name,
				void (*setup)(struct net_device *dev))
{
	struct net_device *dev = kzalloc(sizeof(*dev) + priv_size, GFP_KERNEL);

	if (!dev)
		return NULL;
	if (priv_size)
		dev->priv = dev + 1;
	strscpy(dev->name, name, IFNAMSIZ);
	INIT_LIST_HEAD(&dev->dev_list);
	refcount_set(&dev->dev_refcnt, 1);
	dev->operstate = IF_OPER_DOWN;
	dev->tx_queue_len = 1000;
	dev->min_mtu = 68;
	dev->max_mtu = 65535;
	setup(dev);
	return dev;
}

void free_netdev(struct net_device *dev)
{
	kfree(dev);
}

/* "eth%d" becomes the first free eth0, eth1, ... */
static int dev_alloc_name(struct net_device *dev)
{
	char fmt[IFNAMSIZ], name[IFNAMSIZ];
	int i;

	if (!strchr(dev->name, '%'))
		return __dev_get_by_name(dev->name) ? -EEXIST : 0;
	strscpy(fmt, dev->name, IFNAMSIZ);
	for (i = 0; i < 1000; i++) {
		scnprintf(name, IFNAMSIZ, fmt, i);
		if (!__dev_get_by_name(name)) {
			strscpy(dev->name, name, IFNAMSIZ);
			return 0;
		}
	}
	return -ENFILE;
}

int register_netdev(struct net_device *dev)
{
	int err;

	if (dev->netdev_ops->ndo_init) {
		err = dev->netdev_ops->ndo_init(dev);
		if (err)
			return err;
	}
	spin_lock_bh(&dev_base_lock);
	err = dev_alloc_name(dev);
	if (!err) {
		dev->ifindex = next_ifindex++;
		list_add_tail(&dev->dev_list, &net_devices);
	}
	spin_unlock_bh(&dev_base_lock);
	if (err)
		return err;
	netdev_sysfs_add(dev);
	return 0;
}

void unregister_netdev(struct net_device *dev)
{
	dev_close(dev);
	netdev_sysfs_remove(dev);
	spin_lock_bh(&dev_base_lock);
	list_del_init(&dev->dev_list);
	spin_unlock_bh(&dev_base_lock);
}

struct net_device *__dev_get_by_name(const char *name)
{
	struct net_device *dev;

	list_for_each_entry(dev, &net_devices, dev_list)
		if (!strncmp(dev->name, name, IFNAMSIZ))
			return dev;
	return NULL;
}

struct net_device *__dev_get_by_index(int ifindex)
{
	struct net_device *dev;

	list_for_each_entry(dev, &net_devices, dev_list)
		if (dev->ifindex == ifindex)
			return dev;
	return NULL;
}

struct net_device *dev_get_by_name(const char *name)
{
	struct net_device *dev;

	spin_lock_bh(&dev_base_lock);
	dev = __dev_get_by_name(name);
	if (dev)
		dev_hold(dev);
	spin_unlock_bh(&dev_base_lock);
	return dev;
}

struct net_device *dev_get_by_index(int ifindex)
{
	struct net_device *dev;

	spin_lock_bh(&dev_base_lock);
	dev = __dev_get_by_index(ifindex);
	if (dev)
		dev_hold(dev);
	spin_unlock_bh(&dev_base_lock);
	return dev;
}

int dev_open(struct net_device *dev)
{
	int err = 0;

	if (dev->flags & IFF_UP)
		return 0;
	if (dev->netdev_ops->ndo_open)
		err = dev->netdev_ops->ndo_open(dev);
	if (err)
		return err;
	dev->flags |= IFF_UP;
	if (dev->flags & IFF_LOOPBACK)
		dev->operstate = IF_OPER_UNKNOWN;
	else
		dev->operstate = netif_carrier_ok(dev) ? IF_OPER_UP : IF_OPER_LOWERLAYERDOWN;
	return 0;
}

/* The driver says the link is (not) there: a cable, or QEMU's set_link. */
void netif_carrier_on(struct net_device *dev)
{
	clear_bit(__LINK_STATE_NOCARRIER, &dev->state);
	if ((dev->flags & IFF_UP) && !(dev->flags & IFF_LOOPBACK))
		dev->operstate = IF_OPER_UP;
}

void netif_carrier_off(struct net_device *dev)
{
	set_bit(__LINK_STATE_NOCARRIER, &dev->state);
	if (dev->flags & IFF_UP)
		dev->operstate = IF_OPER_LOWERLAYERDOWN;
}

int dev_close(struct net_device *dev)
{
	if (!(dev->flags & IFF_UP))
		return 0;
	if (dev->netdev_ops->ndo_stop)
		dev->netdev_ops->ndo_stop(dev);
	dev->flags &= ~IFF_UP;
	dev->operstate = IF_OPER_DOWN;
	/* What we learnt through it may not hold when it comes back. */
	arp_ifdown(dev);
	return 0;
}

/*
 * The flags as user space sees them: dev->flags holds what was set
 * (IFF_UP...); the link state is reported with them as RUNNING and
 * LOWER_UP, which no one sets (Lantern's devices have carrier when up).
 */
unsigned int dev_get_flags(const struct net_device *dev)
{
	unsigned int flags = dev->flags;

	/* RUNNING and LOWER_UP are not set by anyone: they say up with a link. */
	if ((flags & IFF_UP) && netif_carrier_ok(dev))
		flags |= IFF_RUNNING | IFF_LOWER_UP;
	return flags;
}

/* SIOCSIFFLAGS: IFF_UP opens or closes; the few others a user may set are kept. */
int dev_change_flags(struct net_device *dev, unsigned int flags)
{
	const unsigned int user = IFF_DEBUG | IFF_NOTRAILERS | IFF_NOARP | IFF_DYNAMIC |
		IFF_MULTICAST | IFF_PORTSEL | IFF_AUTOMEDIA | IFF_PROMISC | IFF_ALLMULTI;
	int err = 0;

	dev->flags = (dev->flags & ~user) | (flags & user);
	if ((flags ^ dev->flags) & IFF_UP)
		err = (flags & IFF_UP) ? dev_open(dev) : dev_close(dev);
	return err;
}

int dev_set_mtu(struct net_device *dev, int new_mtu)
{
	if (new_mtu < 0 || (unsigned int)new_mtu < dev->min_mtu ||
	    (unsigned int)new_mtu > dev->max_mtu)
		return -EINVAL;
	if (dev->netdev_ops->ndo_change_mtu)
		return dev->netdev_ops->ndo_change_mtu(dev, new_mtu);
	dev->mtu = new_mtu;
	return 0;
}

int dev_hard_header(struct sk_buff *skb, struct net_device *dev, unsigned short type,
		    const void *daddr, const void *saddr, unsigned int len)
{
	if (!dev->header_ops || !dev->header_ops->create)
		return 0;
	return dev->header_ops->create(skb, dev, type, daddr, saddr, len);
}

/*
 * Send a packet whose link header is built.  Always consumes the skb;
 * returns 0 or a negative errno (the device is down, or it was busy).
 */
int dev_queue_xmit(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	netdev_tx_t rc;
	int err = 0;

	local_bh_disable();
	if (!(dev->flags & IFF_UP)) {
		dev->stats.tx_dropped++;
		kfree_skb(skb);
		err = -ENETDOWN;
		goto out;
	}
	skb_dst_drop(skb);
	dev_queue_xmit_nit(skb, dev);
	rc = dev->netdev_ops->ndo_start_xmit(skb, dev);
	if (rc == NETDEV_TX_BUSY) {
		dev->stats.tx_dropped++;
		kfree_skb(skb);
		err = -ENOBUFS;
	}
out:
	local_bh_enable();
	return err;
}

/*
 * The handler lists are read under RCU (a handler may send, and sending
 * walks them too) and changed under ptype_lock.
 */
void dev_add_pack(struct packet_type *pt)
{
	spin_lock_bh(&ptype_lock);
	if (pt->type == htons(ETH_P_ALL))
		list_add_tail_rcu(&pt->list, &ptype_all);
	else
		list_add_tail_rcu(&pt->list, &ptype_base);
	spin_unlock_bh(&ptype_lock);
}

/* Off the lists; a receive may still be running it until synchronize_net(). */
void __dev_remove_pack(struct packet_type *pt)
{
	spin_lock_bh(&ptype_lock);
	list_del_rcu(&pt->list);
	spin_unlock_bh(&ptype_lock);
}

/* Wait until every receive that started before has finished. */
void synchronize_net(void)
{
	synchronize_rcu();
}

/* When this returns, no receive is still running the handler: it may be freed. */
void dev_remove_pack(struct packet_type *pt)
{
	__dev_remove_pack(pt);
	synchronize_net();
}

static bool ptype_matches(const struct packet_type *pt, const struct sk_buff *skb)
{
	return !pt->ifindex || pt->ifindex == skb->dev->ifindex;
}

/*
 * Give @pt a buffer of its own: a clone while others may still need
 * the packet, the packet itself to the last one.
 */
static int deliver_skb(struct sk_buff *skb, struct packet_type *pt, bool last)
{
	struct sk_buff *mine = last ? skb : skb_clone(skb, GFP_ATOMIC);

	if (!mine)
		return NET_RX_DROP;
	return pt->func(mine, mine->dev, pt);
}

/* Outgoing frames to the ETH_P_ALL taps (tcpdump sees what we send). */
static void dev_queue_xmit_nit(struct sk_buff *skb, struct net_device *dev)
{
	struct packet_type *pt;

	if (list_empty(&ptype_all))
		return;
	rcu_read_lock();
	list_for_each_entry_rcu(pt, &ptype_all, list) {
		struct sk_buff *copy;

		if (!ptype_matches(pt, skb))
			continue;
		copy = skb_clone(skb, GFP_ATOMIC);
		if (!copy)
			break;
		/* The taps read from the network header on, as on input. */
		skb_reset_mac_header(copy);
		if (dev->header_ops && copy->len >= dev->hard_header_len)
			skb_pull(copy, ETH_HLEN);
		copy->pkt_type = PACKET_OUTGOING;
		copy->protocol = skb->protocol;
		pt->func(copy, dev, pt);
	}
	rcu_read_unlock();
}

/*
 * Hand one packet to its protocol.  Called in the NET_RX softirq with
 * skb->data at the network header and skb->protocol set.
 */
int netif_receive_skb(struct sk_buff *skb)
{
	struct packet_type *pt, *prev = NULL;
	int ret;

	skb_reset_network_header(skb);
	if (!skb_transport_header_was_set(skb))
		skb_reset_transport_header(skb);
	skb->tstamp = ktime_get_real_ns();
	this_cpu_inc(softnet_data.processed);
	rcu_read_lock();
	/* Each handler but the last gets a clone; a pending one is the last so far. */
	list_for_each_entry_rcu(pt, &ptype_all, list) {
		if (!ptype_matches(pt, skb))
			continue;
		if (prev)
			deliver_skb(skb, prev, false);
		prev = pt;
	}
	list_for_each_entry_rcu(pt, &ptype_base, list) {
		if (pt->type != skb->protocol || !ptype_matches(pt, skb))
			continue;
		if (prev)
			deliver_skb(skb, prev, false);
		prev = pt;
	}
	ret = prev ? deliver_skb(skb, prev, true) : NET_RX_DROP;
	rcu_read_unlock();
	if (!prev)
		kfree_skb(skb);
	return ret;
}

void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int), int weight)
{
	INIT_LIST_HEAD(&napi->poll_list);
	napi->state = 0;
	napi->poll = poll;
	napi->weight = weight;
	napi->dev = dev;
}

/* Put @napi on the poll list (once) and make sure the softirq runs. */
void napi_schedule(struct napi_struct *napi)
{
	unsigned long flags;

	if (test_and_set_bit(NAPI_STATE_SCHED, &napi->state))
		return;
	local_irq_save(flags);
	list_add_tail(&napi->poll_list, this_cpu_ptr(&softnet_data.poll_list));
	__raise_softirq_irqoff(NET_RX_SOFTIRQ);
	local_irq_restore(flags);
}

/*
 * The poll did less than its budget: it is off the list until scheduled
 * again.  (Called from ->poll, which net_rx_action has already taken off
 * the list.)
 */
bool napi_complete_done(struct napi_struct *napi, int work_done)
{
	(void)work_done;
	clear_bit(NAPI_STATE_SCHED, &napi->state);
	return true;
}

/* Queue a received packet for the softirq; drops it when the backlog is full. */
int netif_rx(struct sk_buff *skb)
{
	struct softnet_data *sd = this_cpu_ptr(&softnet_data);
	unsigned long flags;

	spin_lock_irqsave(&sd->input_pkt_queue.lock, flags);
	if (sd->input_pkt_queue.qlen >= (u32)netdev_max_backlog) {
		spin_unlock_irqrestore(&sd->input_pkt_queue.lock, flags);
		sd->dropped++;
		if (skb->dev)
			skb->dev->stats.rx_dropped++;
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	__skb_queue_tail(&sd->input_pkt_queue, skb);
	spin_unlock_irqrestore(&sd->input_pkt_queue.lock, flags);
	napi_schedule(&sd->backlog);
	return NET_RX_SUCCESS;
}

static int process_backlog(struct napi_struct *napi, int quota)
{
	struct softnet_data *sd = container_of(napi, struct softnet_data, backlog);
	int work = 0;

	while (work < quota) {
		struct sk_buff *skb;
		unsigned long flags;

		spin_lock_irqsave(&sd->input_pkt_queue.lock, flags);
		skb = skb_peek(&sd->input_pkt_queue);
		if (skb)
			__skb_unlink(skb, &sd->input_pkt_queue);
		else
			clear_bit(NAPI_STATE_SCHED, &napi->state);
		spin_unlock_irqrestore(&sd->input_pkt_queue.lock, flags);
		if (!skb)
			break;
		netif_receive_skb(skb);
		work++;
	}
	return work;
}

static void net_rx_action(struct softirq_action *h)
{
	struct softnet_data *sd = this_cpu_ptr(&softnet_data);
	unsigned long time_limit = jiffies + 2;
	int budget = netdev_budget;
	LIST_HEAD(list);

	(void)h;
	local_irq_disable();
	list_splice_init(&sd->poll_list, &list);
	local_irq_enable();

	while (!list_empty(&list)) {
		struct napi_struct *n = list_first_entry(&list, struct napi_struct, poll_list);
		int work;

		list_del_init(&n->poll_list);
		work = n->poll(n, n->weight);
		budget -= work;
		/* A poll that used its whole weight has more: back of the line. */
		if (work >= n->weight && test_bit(NAPI_STATE_SCHED, &n->state))
			list_add_tail(&n->poll_list, &list);
		if (budget <= 0 || time_after_eq(jiffies, time_limit)) {
			if (!list_empty(&list))
				sd->time_squeeze++;
			break;
		}
	}

	local_irq_disable();
	list_splice_tail_init(&list, &sd->poll_list);
	if (!list_empty(&sd->poll_list))
		__raise_softirq_irqoff(NET_RX_SOFTIRQ);
	local_irq_enable();
}

/* /proc/net/softnet_stat: a row per CPU, the CPU's number last (as Linux 6.1) */
int softnet_seq_show(struct seq_file *m, void *v)
{
	unsigned int cpu;

	(void)v;
	for_each_online_cpu(cpu) {
		const struct softnet_data *sd = per_cpu_ptr(&softnet_data, cpu);

		seq_printf(m, "%08lx %08lx %08lx %08x %08x %08x %08x %08x %08x %08x %08x %08x %08x\n",
			   READ_ONCE(sd->processed), READ_ONCE(sd->dropped),
			   READ_ONCE(sd->time_squeeze), 0, 0, 0, 0, 0, 0, 0, 0, 0, cpu);
	}
	return 0;
}

/* /proc/net/dev */
int dev_seq_show(struct seq_file *m, void *v)
{
	struct net_device *dev;

	(void)v;
	seq_puts(m, "Inter-|   Receive                                                |  Transmit\n"
		    " face |bytes    packets errs drop fifo frame compressed multicast|"
		    "bytes    packets errs drop fifo colls carrier compressed\n");
	spin_lock_bh(&dev_base_lock);
	list_for_each_entry(dev, &net_devices, dev_list) {
		const struct net_device_stats *s = &dev->stats;

		seq_printf(m, "%6s: %7lu %7lu %4lu %4lu %4lu %5lu %10lu %9lu "
			   "%8lu %7lu %4lu %4lu %4lu %5lu %7lu %10lu\n",
			   dev->name, s->rx_bytes, s->rx_packets, s->rx_errors,
			   s->rx_dropped + s->rx_missed_errors, s->rx_fifo_errors,
			   s->rx_length_errors + s->rx_over_errors + s->rx_crc_errors +
			   s->rx_frame_errors, s->rx_compressed, s->multicast,
			   s->tx_bytes, s->tx_packets, s->tx_errors, s->tx_dropped,
			   s->tx_fifo_errors, s->collisions,
			   s->tx_carrier_errors + s->tx_aborted_errors + s->tx_window_errors +
			   s->tx_heartbeat_errors, s->tx_compressed);
	}
	spin_unlock_bh(&dev_base_lock);
	return 0;
}

static int __init net_dev_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct softnet_data *sd = per_cpu_ptr(&softnet_data, cpu);

		INIT_LIST_HEAD(&sd->poll_list);
		skb_queue_head_init(&sd->input_pkt_queue);
		netif_napi_add(NULL, &sd->backlog, process_backlog, NAPI_POLL_WEIGHT);
	}
	open_softirq(NET_RX_SOFTIRQ, net_rx_action);
	return 0;
}
subsys_initcall(net_dev_init);
