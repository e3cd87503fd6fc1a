// SPDX-License-Identifier: GPL-2.0
/*
 * ARP (RFC 826) and the neighbour cache: which Ethernet address an IPv4
 * next hop has.  neigh_resolve_output, called for every packet IP sends
 * on a device with a link header, builds that header at once when the
 * answer is known (or not needed: loopback, IFF_NOARP, broadcasts);
 * otherwise the packet waits (at most three per neighbour, as Linux's
 * unres_qlen_bytes allows a few) while "who has" requests go out once a
 * second, three times.  An ARP reply or request from the neighbour
 * fills the entry and sends what waited; three unanswered requests drop
 * the waiting packets and forget the entry.  An answer is trusted for 60
 * seconds, then asked again on the next use.  A request for one of our addresses is answered.
 * /proc/net/arp lists the cache.
 */
#include <linux/kernel.h>
#include <linux/inetdevice.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <asm/byteorder.h>
#include <uapi/linux/in.h>
#include <net/arp.h>
#include <net/ip.h>
#include <net/route.h>

#define ARP_MAX_PROBES	3
#define ARP_RETRANS	HZ
#define ARP_REACHABLE	(60 * HZ)
#define ARP_QUEUE_LEN	3

enum { NUD_INCOMPLETE = 1, NUD_REACHABLE = 2, NUD_STALE = 4, NUD_FAILED = 0x20 };

struct neighbour {
	struct list_head list;
	struct net_device *dev;		/* held */
	__be32 ip;
	unsigned char ha[ETH_ALEN];
	u8 nud_state;
	u8 probes;
	unsigned long updated;		/* jiffies of the last answer */
	struct sk_buff_head arp_queue;	/* packets waiting for the answer */
	struct timer_list timer;
};

static LIST_HEAD(neigh_table);
static DEFINE_SPINLOCK(neigh_lock);

/* Send an ARP packet (request or reply) on @dev. */
static void arp_send(int op, struct net_device *dev, __be32 dest_ip, const unsigned char *dest_hw,
		     __be32 src_ip, const unsigned char *target_hw)
{
	struct sk_buff *skb = alloc_skb(LL_MAX_HEADER + sizeof(struct arphdr) + 2 * (ETH_ALEN + 4),
					GFP_ATOMIC);
	struct arphdr *arp;
	unsigned char *p;

	if (!skb)
		return;
	skb_reserve(skb, LL_MAX_HEADER);
	skb_reset_network_header(skb);
	arp = skb_put(skb, sizeof(*arp) + 2 * (ETH_ALEN + 4));
	arp->ar_hrd = htons(ARPHRD_ETHER);
	arp->ar_pro = htons(ETH_P_IP);
	arp->ar_hln = ETH_ALEN;
	arp->ar_pln = 4;
	arp->ar_op = htons(op);
	p = (unsigned char *)(arp + 1);
	memcpy(p, dev->dev_addr, ETH_ALEN);
	memcpy(p + ETH_ALEN, &src_ip, 4);
	if (target_hw)
		memcpy(p + ETH_ALEN + 4, target_hw, ETH_ALEN);
	else
		memset(p + ETH_ALEN + 4, 0, ETH_ALEN);
	memcpy(p + 2 * ETH_ALEN + 4, &dest_ip, 4);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_ARP);
	if (dev_hard_header(skb, dev, ETH_P_ARP, dest_hw ? dest_hw : dev->broadcast, NULL,
			    skb->len) < 0) {
		kfree_skb(skb);
		return;
	}
	dev_queue_xmit(skb);
}

static void arp_solicit(struct neighbour *n)
{
	__be32 saddr = inet_select_addr(n->dev, n->ip, RT_SCOPE_LINK);

	arp_send(ARPOP_REQUEST, n->dev, n->ip, NULL, saddr, NULL);
}

/* neigh_lock held: the entry for @ip on @dev, or NULL. */
static struct neighbour *neigh_lookup(struct net_device *dev, __be32 ip)
{
	struct neighbour *n;

	list_for_each_entry(n, &neigh_table, list)
		if (n->dev == dev && n->ip == ip)
			return n;
	return NULL;
}

/* neigh_lock held: take @n out and collect its waiting packets in @dead. */
static void neigh_destroy(struct neighbour *n, struct sk_buff_head *dead)
{
	struct sk_buff *skb;

	list_del(&n->list);
	while ((skb = skb_peek(&n->arp_queue))) {
		__skb_unlink(skb, &n->arp_queue);
		__skb_queue_tail(dead, skb);
	}
}

static void neigh_free(struct neighbour *n)
{
	dev_put(n->dev);
	kfree(n);
}

static void neigh_timer_handler(struct timer_list *t)
{
	struct neighbour *n = from_timer(n, t, timer);
	struct sk_buff_head dead;
	bool gone = false;

	skb_queue_head_init(&dead);
	spin_lock_bh(&neigh_lock);
	if (n->nud_state == NUD_INCOMPLETE) {
		if (++n->probes >= ARP_MAX_PROBES) {
			neigh_destroy(n, &dead);
			gone = true;
		} else {
			arp_solicit(n);
			mod_timer(&n->timer, jiffies + ARP_RETRANS);
		}
	}
	spin_unlock_bh(&neigh_lock);
	if (gone) {
		struct sk_buff *skb;

		/* no answer: what waited is lost, as on a wire nobody listens to */
		while ((skb = __skb_dequeue(&dead))) {
			n->dev->stats.tx_dropped++;
			kfree_skb(skb);
		}
		neigh_free(n);
	}
}

/* neigh_lock held: a new entry, waiting for its first answer. */
static struct neighbour *neigh_create(struct net_device *dev, __be32 ip)
{
	struct neighbour *n = kzalloc(sizeof(*n), GFP_ATOMIC);

	if (!n)
		return NULL;
	dev_hold(dev);
	n->dev = dev;
	n->ip = ip;
	n->nud_state = NUD_INCOMPLETE;
	skb_queue_head_init(&n->arp_queue);
	timer_setup(&n->timer, neigh_timer_handler, 0);
	list_add(&n->list, &neigh_table);
	return n;
}

/* Learned @ha for @n: it is reachable; send what waited. neigh_lock held; @out collects. */
static void neigh_update(struct neighbour *n, const unsigned char *ha, struct sk_buff_head *out)
{
	struct sk_buff *skb;

	memcpy(n->ha, ha, ETH_ALEN);
	n->nud_state = NUD_REACHABLE;
	n->updated = jiffies;
	n->probes = 0;
	del_timer(&n->timer);
	while ((skb = skb_peek(&n->arp_queue))) {
		__skb_unlink(skb, &n->arp_queue);
		if (dev_hard_header(skb, n->dev, ETH_P_IP, n->ha, NULL, skb->len) < 0) {
			kfree_skb(skb);
			continue;
		}
		__skb_queue_tail(out, skb);
	}
}

static void xmit_list(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(list)))
		dev_queue_xmit(skb);
}

int neigh_resolve_output(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct rtable *rt = skb_rtable(skb);
	__be32 nexthop = rt ? rt->rt_gateway : ip_hdr(skb)->daddr;
	struct sk_buff_head out;
	struct neighbour *n;
	int err;

	if ((dev->flags & (IFF_LOOPBACK | IFF_NOARP)) || (rt && rt->rt_type == RTN_BROADCAST) ||
	    nexthop == htonl(INADDR_BROADCAST) || ipv4_is_multicast(nexthop)) {
		err = dev_hard_header(skb, dev, ETH_P_IP,
				      (dev->flags & IFF_LOOPBACK) ? NULL : dev->broadcast,
				      NULL, skb->len);
		if (err < 0) {
			kfree_skb(skb);
			return err;
		}
		return 1;
	}
	skb_queue_head_init(&out);
	spin_lock_bh(&neigh_lock);
	n = neigh_lookup(dev, nexthop);
	if (n && n->nud_state == NUD_REACHABLE &&
	    time_before(jiffies, n->updated + ARP_REACHABLE)) {
		unsigned char ha[ETH_ALEN];

		memcpy(ha, n->ha, ETH_ALEN);
		spin_unlock_bh(&neigh_lock);
		err = dev_hard_header(skb, dev, ETH_P_IP, ha, NULL, skb->len);
		if (err < 0) {
			kfree_skb(skb);
			return err;
		}
		return 1;
	}
	if (!n)
		n = neigh_create(dev, nexthop);
	if (!n) {
		spin_unlock_bh(&neigh_lock);
		kfree_skb(skb);
		return -ENOBUFS;
	}
	if (n->nud_state != NUD_INCOMPLETE) {
		/* stale: ask again; packets wait for the new answer */
		n->nud_state = NUD_INCOMPLETE;
		n->probes = 0;
	}
	if (skb_queue_len(&n->arp_queue) >= ARP_QUEUE_LEN) {
		struct sk_buff *old = skb_peek(&n->arp_queue);

		__skb_unlink(old, &n->arp_queue);
		__skb_queue_tail(&out, old);	/* freed below, not sent */
	}
	skb_dst_drop(skb);
	__skb_queue_tail(&n->arp_queue, skb);
	if (!timer_pending(&n->timer)) {
		arp_solicit(n);
		mod_timer(&n->timer, jiffies + ARP_RETRANS);
	}
	spin_unlock_bh(&neigh_lock);
	while ((skb = __skb_dequeue(&out))) {
		dev->stats.tx_dropped++;
		kfree_skb(skb);
	}
	return 0;
}

/* An ARP packet arrived (softirq; data at the ARP header). */
static int arp_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	const struct arphdr *arp;
	const unsigned char *p, *sha;
	struct sk_buff_head out;
	struct neighbour *n;
	__be32 sip, tip;
	bool for_us;
	int op;

	if (skb->len < sizeof(*arp) + 2 * (ETH_ALEN + 4) || (dev->flags & IFF_NOARP) ||
	    skb->pkt_type == PACKET_OTHERHOST)
		goto drop;
	arp = (const struct arphdr *)skb->data;
	if (arp->ar_hrd != htons(ARPHRD_ETHER) || arp->ar_pro != htons(ETH_P_IP) ||
	    arp->ar_hln != ETH_ALEN || arp->ar_pln != 4)
		goto drop;
	op = ntohs(arp->ar_op);
	if (op != ARPOP_REQUEST && op != ARPOP_REPLY)
		goto drop;
	p = (const unsigned char *)(arp + 1);
	sha = p;
	memcpy(&sip, p + ETH_ALEN, 4);
	memcpy(&tip, p + 2 * ETH_ALEN + 4, 4);	/* after the target hardware address */
	if (ipv4_is_multicast(tip) || ipv4_is_loopback(tip) || ipv4_is_multicast(sip) ||
	    ipv4_is_loopback(sip) || (sha[0] & 1))
		goto drop;	/* bogus addresses are no one's neighbours */

	for_us = inet_ifa_on_dev(dev, tip);
	if (op == ARPOP_REQUEST && for_us && sip)
		arp_send(ARPOP_REPLY, dev, sip, sha, tip, sha);

	skb_queue_head_init(&out);
	spin_lock(&neigh_lock);
	n = neigh_lookup(dev, sip);
	/* learn the sender if we were asked, or if we already wanted it */
	if (!n && for_us && sip)
		n = neigh_create(dev, sip);
	if (n)
		neigh_update(n, sha, &out);
	spin_unlock(&neigh_lock);
	xmit_list(&out);
drop:
	kfree_skb(skb);
	return 0;
}

static struct packet_type arp_packet_type = {
	.func = arp_rcv,
};

/* /proc/net/arp */
int arp_seq_show(struct seq_file *m, void *v)
{
	struct neighbour *n;

	seq_puts(m, "IP address       HW type     Flags       HW address            Mask     Device\n");
	spin_lock_bh(&neigh_lock);
	list_for_each_entry(n, &neigh_table, list) {
		char ip[20], hw[20];
		const unsigned char *a = (const unsigned char *)&n->ip;

		scnprintf(ip, sizeof(ip), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
		scnprintf(hw, sizeof(hw), "%02x:%02x:%02x:%02x:%02x:%02x", n->ha[0], n->ha[1],
			  n->ha[2], n->ha[3], n->ha[4], n->ha[5]);
		seq_printf(m, "%-16s 0x%-10x0x%-10x%-17s     *        %s\n", ip, ARPHRD_ETHER,
			   n->nud_state == NUD_REACHABLE ? 0x2 : 0x0, hw, n->dev->name);
	}
	spin_unlock_bh(&neigh_lock);
	return 0;
}

void arp_init(void)
{
	arp_packet_type.type = htons(ETH_P_ARP);
	dev_add_pack(&arp_packet_type);
}
