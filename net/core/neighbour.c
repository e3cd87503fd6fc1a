// SPDX-License-Identifier: GPL-2.0
/*
 * The neighbour cache: the state machine of <net/neighbour.h>, common to
 * any resolution protocol (ARP for IPv4 is the one user).  Everything
 * time-driven happens in the entry's timer:
 *
 *   INCOMPLETE --answer--> REACHABLE --reachable_time--> STALE
 *        |                     ^                           | packet sent
 *   mcast_probes unanswered    | answer                    v
 *        v                     +------ PROBE <--delay--- DELAY
 *     FAILED <--ucast_probes unanswered--+
 *
 * A STALE entry is still used -- the address is probably right -- but
 * the first packet through it starts a re-check.  The table is bounded:
 * past gc_thresh3 entries a new one replaces the oldest unused, so a
 * flood of ARP packets for made-up addresses cannot grow it without end.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/random.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <asm/byteorder.h>
#include <net/neighbour.h>

static unsigned int neigh_hash(__be32 key, const struct net_device *dev)
{
	u32 h = (u32)key * 0x9e3779b1u ^ (u32)dev->ifindex;

	return (h ^ (h >> 16)) & 63;
}

/* Linux picks reachable_time uniformly in [base/2, 3*base/2). */
static unsigned long neigh_rand_reach_time(const struct neigh_parms *p)
{
	unsigned long base = p->base_reachable_time;

	return base / 2 + (base ? get_random_u32() % base : 0);
}

static void neigh_hold(struct neighbour *n)
{
	refcount_inc(&n->refcnt);
}

void neigh_release(struct neighbour *n)
{
	if (!refcount_dec_and_test(&n->refcnt))
		return;
	skb_queue_purge(&n->arp_queue);
	dev_put(n->dev);
	n->tbl->destroys++;
	kfree(n);
}

/* Table lock held: take @n out of the hash; the table's reference goes. */
static void neigh_unhash(struct neighbour *n)
{
	list_del_init(&n->list);
	n->dead = 1;
	n->tbl->entries--;
}

struct neighbour *neigh_lookup(struct neigh_table *tbl, __be32 key, struct net_device *dev)
{
	struct neighbour *n, *found = NULL;

	spin_lock_bh(&tbl->lock);
	tbl->lookups++;
	list_for_each_entry(n, &tbl->hash[neigh_hash(key, dev)], list) {
		if (n->primary_key == key && n->dev == dev) {
			neigh_hold(n);
			found = n;
			tbl->hits++;
			break;
		}
	}
	spin_unlock_bh(&tbl->lock);
	return found;
}

static void neigh_timer_handler(struct timer_list *t);

/*
 * Table lock held, at gc_thresh3: drop the least recently used entry
 * that no packet waits on and no administrator set.  False if there is
 * none (the new entry is then refused).
 */
static bool neigh_forced_gc(struct neigh_table *tbl)
{
	struct neighbour *n, *victim = NULL;
	unsigned int i;

	tbl->forced_gc_runs++;
	for (i = 0; i < ARRAY_SIZE(tbl->hash); i++)
		list_for_each_entry(n, &tbl->hash[i], list) {
			if (n->nud_state & (NUD_PERMANENT | NUD_NOARP))
				continue;
			if (!victim || time_before(n->used, victim->used))
				victim = n;
		}
	if (!victim)
		return false;
	neigh_unhash(victim);
	if (del_timer(&victim->timer))
		neigh_release(victim);		/* the timer's reference */
	neigh_release(victim);			/* the table's */
	return true;
}

/* The entry for (@key, @dev), made in NUD_NONE if there is none; held. */
struct neighbour *neigh_create(struct neigh_table *tbl, __be32 key, struct net_device *dev)
{
	struct neighbour *n, *old;
	unsigned int h = neigh_hash(key, dev);

	n = kzalloc(sizeof(*n), GFP_ATOMIC);
	if (!n)
		return ERR_PTR(-ENOBUFS);
	INIT_LIST_HEAD(&n->list);
	n->tbl = tbl;
	n->dev = dev;
	n->primary_key = key;
	n->nud_state = NUD_NONE;
	n->updated = n->used = jiffies;
	n->confirmed = jiffies - 2 * tbl->parms.base_reachable_time;
	refcount_set(&n->refcnt, 2);		/* the table's and the caller's */
	spin_lock_init(&n->lock);
	skb_queue_head_init(&n->arp_queue);
	timer_setup(&n->timer, neigh_timer_handler, 0);

	spin_lock_bh(&tbl->lock);
	list_for_each_entry(old, &tbl->hash[h], list) {
		if (old->primary_key == key && old->dev == dev) {
			/* Someone else made it meanwhile: use theirs. */
			neigh_hold(old);
			spin_unlock_bh(&tbl->lock);
			kfree(n);
			return old;
		}
	}
	if (tbl->entries >= tbl->gc_thresh3 && !neigh_forced_gc(tbl)) {
		spin_unlock_bh(&tbl->lock);
		kfree(n);
		return ERR_PTR(-ENOBUFS);
	}
	dev_hold(dev);
	list_add(&n->list, &tbl->hash[h]);
	tbl->entries++;
	tbl->allocs++;
	spin_unlock_bh(&tbl->lock);
	return n;
}

/* n->lock held: (re)arm the timer, which holds a reference while pending. */
static void neigh_add_timer(struct neighbour *n, unsigned long when)
{
	if (!mod_timer(&n->timer, when))
		neigh_hold(n);
}

static void neigh_del_timer(struct neighbour *n)
{
	if ((n->nud_state & NUD_IN_TIMER) && del_timer(&n->timer))
		neigh_release(n);
}

/* Send every queued packet now that @n has an address. */
static void neigh_flush_queue(struct neighbour *n, struct sk_buff_head *q)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(q))) {
		if (dev_hard_header(skb, n->dev, ntohs(skb->protocol), n->ha, NULL, skb->len) < 0)
			kfree_skb(skb);
		else
			dev_queue_xmit(skb);
	}
}

/*
 * Resolution failed: the queued packets are dropped (the senders see
 * EHOSTUNREACH through ICMP or their own timeouts, as on Linux).
 */
static void neigh_invalidate(struct neighbour *n)
{
	struct sk_buff *skb;

	n->tbl->res_failed++;
	while ((skb = skb_dequeue(&n->arp_queue))) {
		if (skb->dev)
			skb->dev->stats.tx_dropped++;
		kfree_skb(skb);
	}
}

static void neigh_timer_handler(struct timer_list *t)
{
	struct neighbour *n = from_timer(n, t, timer);
	const struct neigh_parms *p = &n->tbl->parms;
	unsigned long now = jiffies, next = 0;
	bool solicit = false, ucast = false, failed = false;

	spin_lock_bh(&n->lock);
	if (n->dead || !(n->nud_state & NUD_IN_TIMER))
		goto out;
	switch (n->nud_state) {
	case NUD_REACHABLE: {
		unsigned long until = n->confirmed + neigh_rand_reach_time(p);

		if (time_before(now, until)) {
			next = until;
		} else {
			n->nud_state = NUD_STALE;
			n->updated = now;
		}
		break;
	}
	case NUD_DELAY:
		if (time_before_eq(now, n->confirmed + p->delay_probe_time)) {
			/* Upper layers confirmed it meanwhile (TCP ACKs). */
			n->nud_state = NUD_REACHABLE;
			n->updated = now;
			next = n->confirmed + p->base_reachable_time;
		} else {
			n->nud_state = NUD_PROBE;
			n->updated = now;
			n->probes = 0;
			solicit = ucast = true;
			next = now + p->retrans_time;
		}
		break;
	case NUD_PROBE:
	case NUD_INCOMPLETE: {
		unsigned int max = n->nud_state == NUD_PROBE ? p->ucast_probes : p->mcast_probes;

		if (n->probes >= max) {
			n->nud_state = NUD_FAILED;
			n->updated = now;
			failed = true;
		} else {
			solicit = true;
			ucast = n->nud_state == NUD_PROBE;
			next = now + p->retrans_time;
		}
		break;
	}
	}
	if (next)
		neigh_add_timer(n, next);
	if (solicit) {
		n->probes++;
		spin_unlock_bh(&n->lock);
		n->tbl->solicit(n, skb_peek(&n->arp_queue), ucast);
		goto done;
	}
	if (failed)
		neigh_invalidate(n);
out:
	spin_unlock_bh(&n->lock);
done:
	neigh_release(n);	/* the expired timer's reference */
}

int neigh_update(struct neighbour *n, const u8 *lladdr, u8 new_state, bool override)
{
	struct net_device *dev = n->dev;
	struct sk_buff_head q;
	u8 old;

	skb_queue_head_init(&q);
	spin_lock_bh(&n->lock);
	old = n->nud_state;
	if ((old & (NUD_NOARP | NUD_PERMANENT)) && !override) {
		spin_unlock_bh(&n->lock);
		return -EPERM;
	}
	if (n->dead) {
		spin_unlock_bh(&n->lock);
		return -ENOENT;
	}
	neigh_del_timer(n);
	if (lladdr)
		memcpy(n->ha, lladdr, dev->addr_len);
	n->nud_state = new_state;
	n->updated = jiffies;
	if (new_state & NUD_CONNECTED)
		n->confirmed = jiffies;
	if (new_state == NUD_REACHABLE)
		neigh_add_timer(n, jiffies + n->tbl->parms.base_reachable_time);
	if (new_state & NUD_VALID) {
		/* Taken out under the lock, sent without it. */
		while (!skb_queue_empty(&n->arp_queue))
			skb_queue_tail(&q, skb_dequeue(&n->arp_queue));
	} else if (new_state == NUD_FAILED) {
		neigh_invalidate(n);
	}
	spin_unlock_bh(&n->lock);
	neigh_flush_queue(n, &q);
	return 0;
}

/* n->lock held: queue @skb for when @n resolves, keeping the bytes queued bounded. */
static void neigh_queue(struct neighbour *n, struct sk_buff *skb)
{
	unsigned int bytes = 0;
	struct sk_buff *q;

	skb_queue_walk(&n->arp_queue, q)
		bytes += q->truesize;
	while (bytes + skb->truesize > n->tbl->parms.queue_len_bytes &&
	       (q = skb_dequeue(&n->arp_queue))) {
		bytes -= q->truesize;
		n->tbl->unres_discards++;
		kfree_skb(q);
	}
	skb_queue_tail(&n->arp_queue, skb);
}

int neigh_output(struct neighbour *n, struct sk_buff *skb)
{
	const struct neigh_parms *p = &n->tbl->parms;
	bool solicit = false;
	unsigned char ha[MAX_ADDR_LEN];
	u8 state;

	spin_lock_bh(&n->lock);
	n->used = jiffies;
	state = n->nud_state;
	if (state & NUD_VALID) {
		if (state == NUD_STALE) {
			/* Probably right: use it, and check it soon. */
			n->nud_state = NUD_DELAY;
			n->updated = jiffies;
			neigh_add_timer(n, jiffies + p->delay_probe_time);
		}
		memcpy(ha, n->ha, sizeof(ha));
		spin_unlock_bh(&n->lock);
		if (dev_hard_header(skb, n->dev, ntohs(skb->protocol), ha, NULL, skb->len) < 0) {
			kfree_skb(skb);
			return -EINVAL;
		}
		return dev_queue_xmit(skb);
	}
	if (n->dead) {
		spin_unlock_bh(&n->lock);
		kfree_skb(skb);
		return -EHOSTUNREACH;
	}
	if (state == NUD_NONE || state == NUD_FAILED) {
		/* Start (again) asking. */
		n->nud_state = NUD_INCOMPLETE;
		n->updated = jiffies;
		n->probes = 1;
		solicit = true;
		neigh_add_timer(n, jiffies + p->retrans_time);
	}
	neigh_queue(n, skb);
	spin_unlock_bh(&n->lock);
	if (solicit)
		n->tbl->solicit(n, skb, false);
	return 0;
}

void neigh_remove(struct neighbour *n)
{
	struct neigh_table *tbl = n->tbl;
	bool unhashed = false;

	spin_lock_bh(&tbl->lock);
	if (!n->dead) {
		neigh_unhash(n);
		unhashed = true;
	}
	spin_unlock_bh(&tbl->lock);
	if (!unhashed)
		return;
	spin_lock_bh(&n->lock);
	neigh_del_timer(n);
	n->nud_state = NUD_NONE;
	neigh_invalidate(n);
	spin_unlock_bh(&n->lock);
	neigh_release(n);	/* the table's */
}

void neigh_ifdown(struct neigh_table *tbl, struct net_device *dev)
{
	struct neighbour *n, *tmp;
	LIST_HEAD(gone);
	unsigned int i;

	spin_lock_bh(&tbl->lock);
	for (i = 0; i < ARRAY_SIZE(tbl->hash); i++)
		list_for_each_entry_safe(n, tmp, &tbl->hash[i], list) {
			if (dev && n->dev != dev)
				continue;
			neigh_unhash(n);
			list_add(&n->list, &gone);
		}
	spin_unlock_bh(&tbl->lock);
	list_for_each_entry_safe(n, tmp, &gone, list) {
		list_del_init(&n->list);
		spin_lock_bh(&n->lock);
		neigh_del_timer(n);
		neigh_invalidate(n);
		spin_unlock_bh(&n->lock);
		neigh_release(n);
	}
}

void neigh_for_each(struct neigh_table *tbl, void (*fn)(struct neighbour *, void *), void *arg)
{
	struct neighbour *n;
	unsigned int i;

	spin_lock_bh(&tbl->lock);
	for (i = 0; i < ARRAY_SIZE(tbl->hash); i++)
		list_for_each_entry(n, &tbl->hash[i], list)
			fn(n, arg);
	spin_unlock_bh(&tbl->lock);
}

/*
 * Periodic garbage collection: FAILED entries and STALE ones unused for
 * gc_staletime go, once the table holds more than gc_thresh1.
 */
static void neigh_periodic_gc(struct timer_list *t)
{
	struct neigh_table *tbl = from_timer(tbl, t, gc_timer);
	struct neighbour *n, *tmp;
	LIST_HEAD(gone);
	unsigned int i;

	spin_lock_bh(&tbl->lock);
	if (tbl->entries > tbl->gc_thresh1) {
		for (i = 0; i < ARRAY_SIZE(tbl->hash); i++)
			list_for_each_entry_safe(n, tmp, &tbl->hash[i], list) {
				if (refcount_read(&n->refcnt) != 1)
					continue;	/* in use: a packet or a lookup holds it */
				if (n->nud_state == NUD_FAILED ||
				    (n->nud_state == NUD_STALE &&
				     time_after(jiffies, n->used + tbl->parms.gc_staletime))) {
					neigh_unhash(n);
					list_add(&n->list, &gone);
				}
			}
	}
	spin_unlock_bh(&tbl->lock);
	list_for_each_entry_safe(n, tmp, &gone, list) {
		list_del_init(&n->list);
		neigh_release(n);
	}
	mod_timer(&tbl->gc_timer, jiffies + tbl->parms.base_reachable_time / 2);
}

void neigh_table_init(struct neigh_table *tbl)
{
	unsigned int i;

	spin_lock_init(&tbl->lock);
	for (i = 0; i < ARRAY_SIZE(tbl->hash); i++)
		INIT_LIST_HEAD(&tbl->hash[i]);
	timer_setup(&tbl->gc_timer, neigh_periodic_gc, 0);
	mod_timer(&tbl->gc_timer, jiffies + tbl->parms.base_reachable_time / 2);
}
