// SPDX-License-Identifier: GPL-2.0
/*
 * ARP (RFC 826): which Ethernet address answers for an IPv4 address on
 * this link.  IP output asks neigh_resolve_output for the next hop's
 * link header; the answer comes from arp_tbl, a neighbour cache
 * (net/core/neighbour.c) whose solicitations are ARP requests, and which
 * ARP replies and requests from others fill.
 *
 * What we answer: a request for any of our addresses that arrives on an
 * interface that has IPv4 configured (Linux's arp_ignore=0).  What we
 * learn: the sender of a request for us (we will talk back), and any
 * sender we already have an entry for; not strangers' unsolicited
 * announcements (arp_accept=0), so a flood of made-up senders costs
 * nothing.  A malformed packet is counted and dropped.
 */
#include <linux/kernel.h>
#include <linux/etherdevice.h>
#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <linux/seq_file.h>
#include <linux/skbuff.h>
#include <linux/uaccess.h>
#include <linux/cred.h>
#include <linux/gfp.h>
#include <uapi/linux/in.h>
#include <linux/init.h>
#include <linux/string.h>
#include <uapi/linux/sockios.h>
#include <asm/byteorder.h>
#include <net/arp.h>
#include <net/ip.h>
#include <net/neighbour.h>
#include <net/route.h>

static void arp_solicit(struct neighbour *n, struct sk_buff *skb, bool ucast);

struct neigh_table arp_tbl = {
	.id = "arp_cache",
	.parms = {
		.base_reachable_time	= 30 * HZ,
		.retrans_time		= 1 * HZ,
		.delay_probe_time	= 5 * HZ,
		.gc_staletime		= 60 * HZ,
		.mcast_probes		= 3,
		.ucast_probes		= 3,
		.queue_len_bytes	= 212992,
	},
	.gc_thresh1	= 128,
	.gc_thresh2	= 512,
	.gc_thresh3	= 1024,
	.solicit	= arp_solicit,
};

static bool ipv4_is_multicast_addr(__be32 a)
{
	return (ntohl(a) & 0xf0000000) == 0xe0000000;
}

static bool ipv4_is_loopback_addr(__be32 a)
{
	return (ntohl(a) & 0xff000000) == 0x7f000000;
}

/* An ARP packet for @dev: @type ARPOP_*, about @sip/@sha, asking of @tip/@tha, sent to @dest_hw. */
static struct sk_buff *arp_create(int type, __be32 dest_ip, struct net_device *dev, __be32 src_ip,
				  const unsigned char *dest_hw, const unsigned char *src_hw,
				  const unsigned char *target_hw)
{
	unsigned int len = sizeof(struct arphdr) + 2 * (dev->addr_len + 4);
	struct sk_buff *skb = alloc_skb(len + LL_MAX_HEADER, GFP_ATOMIC);
	struct arphdr *arp;
	unsigned char *p;

	if (!skb)
		return NULL;
	skb_reserve(skb, LL_MAX_HEADER);
	skb_reset_network_header(skb);
	arp = skb_put(skb, len);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_ARP);
	if (!src_hw)
		src_hw = dev->dev_addr;
	if (!dest_hw)
		dest_hw = dev->broadcast;
	arp->ar_hrd = htons(dev->type);
	arp->ar_pro = htons(ETH_P_IP);
	arp->ar_hln = dev->addr_len;
	arp->ar_pln = 4;
	arp->ar_op = htons(type);
	p = (unsigned char *)(arp + 1);
	memcpy(p, src_hw, dev->addr_len);
	p += dev->addr_len;
	memcpy(p, &src_ip, 4);
	p += 4;
	if (target_hw)
		memcpy(p, target_hw, dev->addr_len);
	else
		memset(p, 0, dev->addr_len);
	p += dev->addr_len;
	memcpy(p, &dest_ip, 4);
	if (dev_hard_header(skb, dev, ETH_P_ARP, dest_hw, src_hw, skb->len) < 0) {
		kfree_skb(skb);
		return NULL;
	}
	return skb;
}

void arp_send(int type, __be32 dest_ip, struct net_device *dev, __be32 src_ip,
	      const unsigned char *dest_hw, const unsigned char *src_hw,
	      const unsigned char *target_hw)
{
	struct sk_buff *skb;

	if (dev->flags & IFF_NOARP)
		return;
	skb = arp_create(type, dest_ip, dev, src_ip, dest_hw, src_hw, target_hw);
	if (skb)
		dev_queue_xmit(skb);
}

/*
 * Ask who has n->primary_key.  The source address is the one of the
 * packet that waits, if it is ours on this link, so the neighbour can
 * answer to it; otherwise the device's address for that destination.
 */
static void arp_solicit(struct neighbour *n, struct sk_buff *skb, bool ucast)
{
	struct net_device *dev = n->dev;
	__be32 saddr = 0;
	unsigned char ha[MAX_ADDR_LEN];

	if (skb && skb_network_header(skb) >= skb->head &&
	    skb_network_header(skb) + sizeof(struct iphdr) <= skb_tail_pointer(skb)) {
		__be32 src = ip_hdr(skb)->saddr;

		if (inet_addr_is_local(src))
			saddr = src;
	}
	if (!saddr)
		saddr = inet_select_addr(dev, n->primary_key, RT_SCOPE_LINK);
	spin_lock_bh(&n->lock);
	memcpy(ha, n->ha, sizeof(ha));
	spin_unlock_bh(&n->lock);
	arp_send(ARPOP_REQUEST, n->primary_key, dev, saddr, ucast ? ha : NULL, NULL, NULL);
}

/* One received ARP packet; skb->data at the ARP header. */
static int arp_process(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	const struct arphdr *arp;
	const unsigned char *p, *sha;
	__be32 sip, tip;
	struct neighbour *n;
	u16 op;

	arp = (const struct arphdr *)skb->data;
	p = (const unsigned char *)(arp + 1);
	sha = p;
	p += dev->addr_len;
	memcpy(&sip, p, 4);
	p += 4 + dev->addr_len;
	memcpy(&tip, p, 4);
	op = ntohs(arp->ar_op);

	if (ipv4_is_multicast_addr(tip) || ipv4_is_loopback_addr(tip) ||
	    ipv4_is_multicast_addr(sip) || ipv4_is_loopback_addr(sip) ||
	    is_multicast_ether_addr(sha))
		goto drop;
	if (!__in_dev_get(dev))
		goto drop;		/* no IPv4 here: nothing to answer or learn */

	/* Duplicate-address probe (RFC 5227): sender 0.0.0.0 asking for ours. */
	if (!sip) {
		if (op == ARPOP_REQUEST && inet_ifa_on_dev(dev, tip))
			arp_send(ARPOP_REPLY, sip, dev, tip, sha, dev->dev_addr, sha);
		goto out;
	}

	if (op == ARPOP_REQUEST && inet_addr_is_local(tip)) {
		/* It will talk to us: remember it, and answer. */
		n = neigh_create(&arp_tbl, sip, dev);
		if (!IS_ERR(n)) {
			neigh_update(n, sha, NUD_STALE, false);
			neigh_release(n);
		}
		arp_send(ARPOP_REPLY, sip, dev, tip, sha, dev->dev_addr, sha);
		goto out;
	}

	n = neigh_lookup(&arp_tbl, sip, dev);
	if (n) {
		/* A unicast reply to us answers our question; anything else is hearsay. */
		u8 state = (op == ARPOP_REPLY && skb->pkt_type == PACKET_HOST) ?
			NUD_REACHABLE : NUD_STALE;

		neigh_update(n, sha, state, false);
		neigh_release(n);
	}
out:
	consume_skb(skb);
	return NET_RX_SUCCESS;
drop:
	kfree_skb(skb);
	return NET_RX_DROP;
}

static int arp_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	const struct arphdr *arp;
	u16 op;

	(void)pt;
	if ((dev->flags & IFF_NOARP) || skb->pkt_type == PACKET_OTHERHOST ||
	    skb->pkt_type == PACKET_LOOPBACK)
		goto drop;
	if (skb->len < sizeof(struct arphdr))
		goto bad;
	arp = (const struct arphdr *)skb->data;
	op = ntohs(arp->ar_op);
	if (arp->ar_hln != dev->addr_len || arp->ar_pln != 4 ||
	    arp->ar_pro != htons(ETH_P_IP) ||
	    (arp->ar_hrd != htons(ARPHRD_ETHER) && arp->ar_hrd != htons(ARPHRD_IEEE802)) ||
	    (op != ARPOP_REQUEST && op != ARPOP_REPLY))
		goto bad;
	if (skb->len < sizeof(struct arphdr) + 2 * (dev->addr_len + 4))
		goto bad;
	skb_reset_network_header(skb);
	return arp_process(skb);
bad:
	dev->stats.rx_errors++;
	dev->stats.rx_frame_errors++;
drop:
	kfree_skb(skb);
	return NET_RX_DROP;
}

static struct packet_type arp_packet_type = {
	.type = htons(ETH_P_ARP),
	.func = arp_rcv,
};

/* Multicast IPv4 maps onto 01:00:5e plus the low 23 bits (RFC 1112). */
static void ip_eth_mc_map(__be32 addr, unsigned char *buf)
{
	u32 a = ntohl(addr);

	buf[0] = 0x01;
	buf[1] = 0x00;
	buf[2] = 0x5e;
	buf[3] = (a >> 16) & 0x7f;
	buf[4] = (a >> 8) & 0xff;
	buf[5] = a & 0xff;
}

/*
 * IP output's link step: give @skb its link header and say how to go
 * on.  1: header built, the caller transmits; 0: the neighbour cache
 * took it (sent, or queued until the next hop answers); <0: dropped.
 */
int neigh_resolve_output(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct rtable *rt = skb_rtable(skb);
	__be32 nexthop = rt && rt->rt_gateway ? rt->rt_gateway : ip_hdr(skb)->daddr;
	unsigned char mc[ETH_ALEN];
	const void *daddr = NULL;
	struct neighbour *n;
	int err;

	skb->protocol = htons(ETH_P_IP);
	if (dev->flags & IFF_LOOPBACK)
		daddr = NULL;
	else if ((rt && rt->rt_type == RTN_BROADCAST) || nexthop == htonl(0xffffffff) ||
		 (dev->flags & IFF_NOARP))
		daddr = dev->broadcast;
	else if (ipv4_is_multicast_addr(nexthop)) {
		ip_eth_mc_map(nexthop, mc);
		daddr = mc;
	} else {
		n = neigh_lookup(&arp_tbl, nexthop, dev);
		if (!n)
			n = neigh_create(&arp_tbl, nexthop, dev);
		if (IS_ERR(n)) {
			dev->stats.tx_dropped++;
			kfree_skb(skb);
			return PTR_ERR(n);
		}
		err = neigh_output(n, skb);
		neigh_release(n);
		return err < 0 ? err : 0;
	}
	err = dev_hard_header(skb, dev, ETH_P_IP, daddr, NULL, skb->len);
	if (err < 0) {
		kfree_skb(skb);
		return err;
	}
	return 1;
}

/* ---------- SIOCSARP, SIOCGARP, SIOCDARP (busybox arp) ---------- */

static int arp_req_dev(struct arpreq *r, __be32 ip, struct net_device **devp)
{
	struct net_device *dev;

	if (r->arp_dev[0]) {
		r->arp_dev[sizeof(r->arp_dev) - 1] = 0;
		dev = dev_get_by_name(r->arp_dev);
		if (!dev)
			return -ENODEV;
	} else {
		struct rtable *rt = ip_route_output(ip, 0);

		if (IS_ERR(rt))
			return PTR_ERR(rt);
		dev = rt->dst.dev;
		dev_hold(dev);
		ip_rt_put(rt);
	}
	*devp = dev;
	return 0;
}

int arp_ioctl(unsigned int cmd, void __user *arg)
{
	struct sockaddr_in *sin;
	struct net_device *dev = NULL;
	struct neighbour *n;
	struct arpreq r;
	__be32 ip;
	int err;

	if (cmd != SIOCGARP && !capable(CAP_NET_ADMIN))
		return -EPERM;
	if (copy_from_user(&r, arg, sizeof(r)))
		return -EFAULT;
	if (r.arp_pa.sa_family != AF_INET)
		return -EPFNOSUPPORT;
	sin = (struct sockaddr_in *)&r.arp_pa;
	ip = sin->sin_addr.s_addr;
	if (!(r.arp_flags & ATF_PUBL) && (r.arp_flags & (ATF_NETMASK | ATF_DONTPUB)))
		return -EINVAL;
	if (r.arp_flags & ATF_PUBL)
		return -EOPNOTSUPP;	/* proxy ARP is not built */
	err = arp_req_dev(&r, ip, &dev);
	if (err)
		return err;
	switch (cmd) {
	case SIOCSARP:
		err = -EINVAL;
		if (r.arp_ha.sa_family != dev->type && r.arp_ha.sa_family != 0)
			break;
		if (!is_valid_ether_addr((const u8 *)r.arp_ha.sa_data))
			break;
		n = neigh_create(&arp_tbl, ip, dev);
		if (IS_ERR(n)) {
			err = PTR_ERR(n);
			break;
		}
		err = neigh_update(n, (const u8 *)r.arp_ha.sa_data,
				   (r.arp_flags & ATF_PERM) ? NUD_PERMANENT : NUD_REACHABLE, true);
		neigh_release(n);
		break;
	case SIOCGARP:
		err = -ENXIO;
		n = neigh_lookup(&arp_tbl, ip, dev);
		if (!n)
			break;
		spin_lock_bh(&n->lock);
		if (n->nud_state & NUD_VALID) {
			memcpy(r.arp_ha.sa_data, n->ha, dev->addr_len);
			r.arp_ha.sa_family = dev->type;
			r.arp_flags = ATF_COM | ((n->nud_state & NUD_PERMANENT) ? ATF_PERM : 0);
			strscpy(r.arp_dev, dev->name, sizeof(r.arp_dev));
			err = 0;
		}
		spin_unlock_bh(&n->lock);
		neigh_release(n);
		if (!err && copy_to_user(arg, &r, sizeof(r)))
			err = -EFAULT;
		break;
	case SIOCDARP:
		err = -ENXIO;
		n = neigh_lookup(&arp_tbl, ip, dev);
		if (!n)
			break;
		neigh_remove(n);
		neigh_release(n);
		err = 0;
		break;
	default:
		err = -EINVAL;
	}
	dev_put(dev);
	return err;
}

/* ---------- /proc/net/arp ---------- */

static void arp_format_neigh(struct neighbour *n, void *arg)
{
	struct seq_file *m = arg;
	char ip[16], hw[3 * MAX_ADDR_LEN + 1];
	int flags = 0, i;

	if (!(n->nud_state & (NUD_VALID | NUD_INCOMPLETE | NUD_FAILED)) && n->nud_state != NUD_NONE)
		return;
	if (n->nud_state & NUD_VALID)
		flags |= ATF_COM;
	if (n->nud_state & NUD_PERMANENT)
		flags |= ATF_PERM;
	snprintf(ip, sizeof(ip), "%pI4", &n->primary_key);
	for (i = 0; i < n->dev->addr_len; i++)
		snprintf(hw + 3 * i, 4, "%02x%s", (n->nud_state & NUD_VALID) ? n->ha[i] : 0,
			 i + 1 < n->dev->addr_len ? ":" : "");
	seq_printf(m, "%-16s 0x%-10x0x%-10x%-17s     %-8s %s\n", ip, n->dev->type, flags, hw,
		   "*", n->dev->name);
}

int arp_seq_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_puts(m, "IP address       HW type     Flags       HW address            Mask     Device\n");
	neigh_for_each(&arp_tbl, arp_format_neigh, m);
	return 0;
}

/* An interface went down or lost its addresses: what we knew through it is void. */
void arp_ifdown(struct net_device *dev)
{
	neigh_ifdown(&arp_tbl, dev);
}

void __init arp_init(void)
{
	neigh_table_init(&arp_tbl);
	dev_add_pack(&arp_packet_type);
}
