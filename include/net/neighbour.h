/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The neighbour cache (net/core/neighbour.c): for each next hop on a
 * link, its link-layer address and how sure we are of it.  ARP fills it
 * for IPv4.  A packet to a neighbour whose address is unknown waits on
 * the entry's queue while solicitations go out; the answer sends the
 * queue, silence drops it with EHOSTUNREACH to the senders.
 *
 * States (nud_state, "neighbour unreachability detection"), as Linux
 * names them:
 *   INCOMPLETE  asked, no answer yet; packets queue
 *   REACHABLE   answered recently (reachable_time)
 *   STALE       answered long ago: still used, re-checked on use
 *   DELAY       used while stale: wait a little for upper-layer proof
 *   PROBE       asking the neighbour itself again (unicast)
 *   FAILED      no answer: packets are dropped until it is asked again
 *   NOARP       no resolution needed (loopback, broadcast)
 *   PERMANENT   set by the administrator (SIOCSARP with ATF_PERM)
 */
#ifndef _NET_NEIGHBOUR_H
#define _NET_NEIGHBOUR_H

#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/refcount.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/types.h>

#define NUD_INCOMPLETE	0x01
#define NUD_REACHABLE	0x02
#define NUD_STALE	0x04
#define NUD_DELAY	0x08
#define NUD_PROBE	0x10
#define NUD_FAILED	0x20
#define NUD_NOARP	0x40
#define NUD_PERMANENT	0x80
#define NUD_NONE	0x00

#define NUD_IN_TIMER	(NUD_INCOMPLETE | NUD_REACHABLE | NUD_DELAY | NUD_PROBE)
#define NUD_VALID	(NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE | NUD_PROBE | NUD_STALE | \
			 NUD_DELAY)
#define NUD_CONNECTED	(NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE)

struct neigh_table;

struct neighbour {
	struct list_head list;		/* in the table's hash chain */
	struct neigh_table *tbl;
	struct net_device *dev;		/* held */
	__be32 primary_key;		/* the IPv4 address */
	u8 nud_state;
	u8 dead;			/* unhashed: no new users */
	unsigned char ha[MAX_ADDR_LEN];	/* valid in NUD_VALID states */
	unsigned long updated;		/* jiffies of the last state change */
	unsigned long confirmed;	/* jiffies the neighbour last proved alive */
	unsigned long used;		/* jiffies a packet last went through it */
	unsigned int probes;		/* solicitations sent in this round */
	refcount_t refcnt;
	spinlock_t lock;		/* state, ha, the queue */
	struct sk_buff_head arp_queue;	/* waiting for the address */
	struct timer_list timer;
};

/* The timing knobs of one protocol's table (/proc/sys/net/ipv4/neigh/default/). */
struct neigh_parms {
	unsigned long base_reachable_time;	/* jiffies */
	unsigned long retrans_time;		/* between solicitations */
	unsigned long delay_probe_time;		/* DELAY before PROBE */
	unsigned long gc_staletime;		/* unused STALE entries go after this */
	unsigned int mcast_probes;		/* broadcast solicitations for INCOMPLETE */
	unsigned int ucast_probes;		/* unicast ones in PROBE */
	unsigned int queue_len_bytes;		/* unres_qlen_bytes */
};

struct neigh_table {
	const char *id;
	struct neigh_parms parms;
	unsigned int gc_thresh1, gc_thresh2, gc_thresh3;	/* entry counts */
	unsigned int entries;
	/* Send a solicitation for @n (ARP request), unicast when @ucast. */
	void (*solicit)(struct neighbour *n, struct sk_buff *skb, bool ucast);
	spinlock_t lock;			/* the hash and entries */
	struct list_head hash[64];
	struct timer_list gc_timer;
	/* Statistics, as /proc/net/stat/arp_cache counts them. */
	unsigned long allocs, destroys, lookups, hits, res_failed, forced_gc_runs, unres_discards;
};

void neigh_table_init(struct neigh_table *tbl);
struct neighbour *neigh_lookup(struct neigh_table *tbl, __be32 key, struct net_device *dev);
struct neighbour *neigh_create(struct neigh_table *tbl, __be32 key, struct net_device *dev);
void neigh_release(struct neighbour *n);
/* An answer (or an administrator) says @n is at @lladdr: NUD_* to move to. */
int neigh_update(struct neighbour *n, const u8 *lladdr, u8 new_state, bool override);
/* Send @skb through @n: at once if resolved, else queued while it resolves. */
int neigh_output(struct neighbour *n, struct sk_buff *skb);
/* Remove @n (administrative delete); its queue is dropped. */
void neigh_remove(struct neighbour *n);
/* Forget every entry of @dev (down, unregistered, address change). */
void neigh_ifdown(struct neigh_table *tbl, struct net_device *dev);
/* Call @fn for each entry (for /proc/net/arp), table lock held. */
void neigh_for_each(struct neigh_table *tbl, void (*fn)(struct neighbour *, void *), void *arg);

#endif
