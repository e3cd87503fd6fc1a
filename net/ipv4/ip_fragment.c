// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 fragment reassembly (RFC 791, 815).  Fragments of one datagram
 * share (source, destination, ID, protocol); they wait in an ipq, sorted
 * by offset, until every byte from 0 to the end given by the last
 * fragment (the one without MF) has arrived, and are then copied into
 * one packet that continues up the stack as if it had come whole.
 *
 * What a hostile sender can do is bounded: a queue that does not
 * complete within net.ipv4.ipfrag_time seconds is dropped (with an ICMP
 * "fragment reassembly time exceeded" if its first fragment came), the
 * memory all queues hold is limited to net.ipv4.ipfrag_high_thresh
 * (the oldest queues are evicted beyond it), a datagram cannot grow past
 * 65535 bytes, and overlapping fragments (the old evasion and
 * "teardrop" trick) make the whole datagram be discarded, as Linux does
 * since 2018.  Each failure counts in ReasmFails.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <asm/byteorder.h>
#include <net/icmp.h>
#include <net/ip.h>
#include <net/snmp.h>

int sysctl_ipfrag_high_thresh = 4 * 1024 * 1024;
int sysctl_ipfrag_low_thresh = 3 * 1024 * 1024;
int sysctl_ipfrag_time = 30;	/* seconds */

#define IPQ_FIRST_IN	1
#define IPQ_LAST_IN	2
#define IPQ_COMPLETE	4	/* reassembled or killed: no longer in the table */

struct ipq {
	struct list_head list;		/* ipq_list, oldest first */
	__be32 saddr, daddr;
	__be16 id;
	u8 protocol;
	u8 flags;
	int len;			/* the datagram's payload length, once known */
	int meat;			/* payload bytes received */
	int iif;
	unsigned int mem;		/* truesize of the fragments held */
	struct sk_buff_head fragments;	/* sorted by offset */
	struct timer_list timer;
};

/* What a queued fragment covers, in its cb after IP's own part. */
struct ipfrag_skb_cb {
	struct inet_skb_parm h;
	int offset;
	int end;
};
#define FRAG_CB(skb)	((struct ipfrag_skb_cb *)((skb)->cb))

static LIST_HEAD(ipq_list);
static DEFINE_SPINLOCK(ipq_lock);
static unsigned int ipfrag_mem;

/* Take @qp out of the table; its fragments are freed by ipq_free. Lock held. */
static void ipq_kill(struct ipq *qp)
{
	if (qp->flags & IPQ_COMPLETE)
		return;
	qp->flags |= IPQ_COMPLETE;
	list_del_init(&qp->list);
	ipfrag_mem -= qp->mem;
}

static void ipq_free(struct ipq *qp)
{
	skb_queue_purge(&qp->fragments);
	kfree(qp);
}

static void ip_expire(struct timer_list *t)
{
	struct ipq *qp = from_timer(qp, t, timer);
	struct sk_buff *head = NULL;

	spin_lock_bh(&ipq_lock);
	if (qp->flags & IPQ_COMPLETE) {
		spin_unlock_bh(&ipq_lock);
		return;
	}
	ipq_kill(qp);
	__IP_INC_STATS(IPSTATS_MIB_REASMTIMEOUT);
	__IP_INC_STATS(IPSTATS_MIB_REASMFAILS);
	if (qp->flags & IPQ_FIRST_IN) {
		head = skb_peek(&qp->fragments);
		if (head && FRAG_CB(head)->offset == 0)
			__skb_unlink(head, &qp->fragments);
		else
			head = NULL;
	}
	spin_unlock_bh(&ipq_lock);
	if (head) {
		/* The ICMP error quotes the first fragment's header and data. */
		skb_push(head, ip_hdr(head)->ihl * 4);
		local_bh_disable();
		icmp_send(head, ICMP_TIME_EXCEEDED, ICMP_EXC_FRAGTIME, 0);
		local_bh_enable();
		kfree_skb(head);
	}
	ipq_free(qp);
}

/* Over the memory bound: drop the oldest queues until under the low mark. Lock held. */
static void ip_evictor(struct list_head *dead)
{
	while (ipfrag_mem > (unsigned int)sysctl_ipfrag_low_thresh && !list_empty(&ipq_list)) {
		struct ipq *qp = list_first_entry(&ipq_list, struct ipq, list);

		ipq_kill(qp);
		__IP_INC_STATS(IPSTATS_MIB_REASMFAILS);
		list_add(&qp->list, dead);
	}
}

static struct ipq *ip_find(const struct iphdr *iph, int iif)
{
	struct ipq *qp;

	list_for_each_entry(qp, &ipq_list, list)
		if (qp->id == iph->id && qp->saddr == iph->saddr && qp->daddr == iph->daddr &&
		    qp->protocol == iph->protocol)
			return qp;
	qp = kzalloc(sizeof(*qp), GFP_ATOMIC);
	if (!qp)
		return NULL;
	qp->saddr = iph->saddr;
	qp->daddr = iph->daddr;
	qp->id = iph->id;
	qp->protocol = iph->protocol;
	qp->iif = iif;
	skb_queue_head_init(&qp->fragments);
	timer_setup(&qp->timer, ip_expire, 0);
	list_add_tail(&qp->list, &ipq_list);
	mod_timer(&qp->timer, jiffies + sysctl_ipfrag_time * HZ);
	return qp;
}

/*
 * Add @skb (data at the IP header) to @qp.  0: queued; 1: the datagram
 * is complete; -EEXIST: an exact duplicate, dropped alone; -EBUSY (an
 * overlap) or -EINVAL (inconsistent): @qp must be discarded.
 */
static int ip_frag_queue(struct ipq *qp, struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	int ihl = iph->ihl * 4;
	int flags = ntohs(iph->frag_off);
	int offset = (flags & IP_OFFSET) << 3;
	int end = offset + (int)skb->len - ihl;
	struct sk_buff *prev, *next;

	if (end > (int)IP_MAX_MTU - ihl)
		return -EINVAL;	/* past 64 KiB: could never be reassembled */
	if (!(flags & IP_MF)) {
		/* The last fragment: it fixes the length, which must agree. */
		if (end < qp->len || ((qp->flags & IPQ_LAST_IN) && end != qp->len))
			return -EINVAL;
		qp->flags |= IPQ_LAST_IN;
		qp->len = end;
	} else {
		/* only the last may have a ragged length: the excess is dropped, as Linux does */
		end &= ~7;
		if (end > qp->len) {
			if (qp->flags & IPQ_LAST_IN)
				return -EINVAL;
			qp->len = end;
		}
	}

	if (end <= offset)
		return -EINVAL;	/* empty */
	skb_trim(skb, ihl + end - offset);

	/* Find where it goes; any overlap with a neighbour discards the datagram. */
	prev = NULL;
	skb_queue_walk(&qp->fragments, next) {
		if (FRAG_CB(next)->offset >= offset)
			break;
		prev = next;
	}
	if (&next->list == &qp->fragments.list)
		next = NULL;
	if (prev && FRAG_CB(prev)->end > offset) {
		if (FRAG_CB(prev)->offset == offset && FRAG_CB(prev)->end == end)
			return -EEXIST;	/* an exact duplicate: drop just this one */
		return -EBUSY;	/* an overlap */
	}
	if (next && FRAG_CB(next)->offset < end) {
		if (FRAG_CB(next)->offset == offset && FRAG_CB(next)->end == end)
			return -EEXIST;
		return -EBUSY;	/* an overlap */
	}

	FRAG_CB(skb)->offset = offset;
	FRAG_CB(skb)->end = end;
	skb_pull(skb, ihl);	/* keep the payload; ip_hdr(skb) still finds the header */
	if (prev)
		list_add(&skb->list, &prev->list);
	else
		list_add(&skb->list, &qp->fragments.list);
	qp->fragments.qlen++;
	qp->meat += end - offset;
	qp->mem += skb->truesize;
	ipfrag_mem += skb->truesize;
	if (offset == 0)
		qp->flags |= IPQ_FIRST_IN;
	return (qp->flags & (IPQ_FIRST_IN | IPQ_LAST_IN)) == (IPQ_FIRST_IN | IPQ_LAST_IN) &&
	       qp->meat == qp->len;
}

/* Build the whole datagram from @qp's fragments (all present, no overlaps). */
static struct sk_buff *ip_frag_reasm(struct ipq *qp)
{
	struct sk_buff *first = skb_peek(&qp->fragments), *frag, *skb;
	const struct iphdr *fiph = ip_hdr(first);
	int ihl = fiph->ihl * 4;
	struct iphdr *iph;

	skb = alloc_skb(LL_MAX_HEADER + ihl + qp->len, GFP_ATOMIC);
	if (!skb)
		return NULL;
	skb_reserve(skb, LL_MAX_HEADER);
	skb_reset_network_header(skb);
	memcpy(skb_put(skb, ihl), fiph, ihl);
	skb_put(skb, qp->len);
	skb_queue_walk(&qp->fragments, frag)
		memcpy(skb->data + ihl + FRAG_CB(frag)->offset, frag->data,
		       FRAG_CB(frag)->end - FRAG_CB(frag)->offset);
	skb->dev = first->dev;
	skb->protocol = first->protocol;
	skb->pkt_type = first->pkt_type;
	skb->tstamp = first->tstamp;
	memcpy(skb->cb, first->cb, sizeof(struct inet_skb_parm));
	IPCB(skb)->frag_max_size = qp->len;
	iph = ip_hdr(skb);
	iph->tot_len = htons(ihl + qp->len);
	iph->frag_off = 0;
	ip_send_check(iph);
	return skb;
}

/*
 * A fragment arrived (data at its IP header).  Returns the whole
 * datagram when this completed it, else NULL (kept or dropped).
 */
struct sk_buff *ip_defrag(struct sk_buff *skb)
{
	struct sk_buff *whole = NULL;
	struct ipq *qp, *tmp;
	LIST_HEAD(dead);
	int ret;

	__IP_INC_STATS(IPSTATS_MIB_REASMREQDS);
	skb_orphan(skb);
	spin_lock_bh(&ipq_lock);
	if (ipfrag_mem > (unsigned int)sysctl_ipfrag_high_thresh)
		ip_evictor(&dead);
	qp = ip_find(ip_hdr(skb), IPCB(skb)->iif);
	if (!qp) {
		spin_unlock_bh(&ipq_lock);
		__IP_INC_STATS(IPSTATS_MIB_REASMFAILS);
		kfree_skb(skb);
		goto out;
	}
	ret = ip_frag_queue(qp, skb);
	if (ret == -EEXIST) {
		spin_unlock_bh(&ipq_lock);
		kfree_skb(skb);
		goto out;
	}
	if (ret < 0) {
		if (ret == -EBUSY)
			ip_ext_mib[IPEXT_MIB_REASMOVERLAPS]++;
		ipq_kill(qp);
		list_add(&qp->list, &dead);
		__IP_INC_STATS(IPSTATS_MIB_REASMFAILS);
		spin_unlock_bh(&ipq_lock);
		kfree_skb(skb);
		goto out;
	}
	if (ret == 1) {
		ipq_kill(qp);
		list_add(&qp->list, &dead);
		whole = ip_frag_reasm(qp);
		if (whole)
			__IP_INC_STATS(IPSTATS_MIB_REASMOKS);
		else
			__IP_INC_STATS(IPSTATS_MIB_REASMFAILS);
	}
	spin_unlock_bh(&ipq_lock);
out:
	list_for_each_entry_safe(qp, tmp, &dead, list) {
		list_del(&qp->list);
		/* The timer may be running: it sees IPQ_COMPLETE and leaves qp to us. */
		del_timer_sync(&qp->timer);
		ipq_free(qp);
	}
	return whole;
}

/*
 * Send @skb (a whole IP packet, data at its header) in pieces no bigger
 * than @mtu.  Every fragment carries a copy of the header with its own
 * offset and MF bit; all but the last carry a multiple of 8 bytes.
 */
int ip_fragment(struct sk_buff *skb, unsigned int mtu, int (*output)(struct sk_buff *))
{
	struct iphdr *iph = ip_hdr(skb);
	unsigned int hlen = iph->ihl * 4;
	unsigned int left = skb->len - hlen, ptr = hlen;
	unsigned int orig = ntohs(iph->frag_off);
	int offset = (orig & IP_OFFSET) << 3;
	struct net_device *dev = skb->dev;
	int err = 0;

	if ((orig & IP_DF) || mtu < hlen + 8) {
		IP_INC_STATS(IPSTATS_MIB_FRAGFAILS);
		kfree_skb(skb);
		return -EMSGSIZE;
	}
	while (left > 0) {
		unsigned int len = min(left, mtu - hlen);
		struct sk_buff *skb2;
		struct iphdr *iph2;

		if (len < left)
			len &= ~7U;
		skb2 = alloc_skb(LL_MAX_HEADER + hlen + len, GFP_ATOMIC);
		if (!skb2) {
			err = -ENOMEM;
			break;
		}
		skb_reserve(skb2, LL_MAX_HEADER);
		skb_reset_network_header(skb2);
		memcpy(skb_put(skb2, hlen), iph, hlen);
		memcpy(skb_put(skb2, len), skb->data + ptr, len);
		skb2->dev = dev;
		skb2->protocol = skb->protocol;
		memcpy(skb2->cb, skb->cb, sizeof(skb2->cb));
		if (skb_dst(skb)) {
			dst_hold(skb_dst(skb));
			skb_dst_set(skb2, skb_dst(skb));
		}
		iph2 = ip_hdr(skb2);
		iph2->frag_off = htons((offset >> 3) | ((left > len || (orig & IP_MF)) ? IP_MF : 0));
		iph2->tot_len = htons(hlen + len);
		ip_send_check(iph2);
		left -= len;
		ptr += len;
		offset += len;
		IP_INC_STATS(IPSTATS_MIB_FRAGCREATES);
		err = output(skb2);
		if (err)
			break;
	}
	if (err)
		IP_INC_STATS(IPSTATS_MIB_FRAGFAILS);
	else
		IP_INC_STATS(IPSTATS_MIB_FRAGOKS);
	consume_skb(skb);
	return err;
}
