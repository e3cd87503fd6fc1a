/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct sk_buff: one packet (or one piece of stream data) on its way
 * between a socket and a device (net/core/skbuff.c).  Lantern's is the
 * linear case of Linux's: one kmalloc'ed area, no page fragments.
 *
 *   head            data                 tail             end
 *    | headroom      | the packet (len)   | tailroom        |
 *
 * A sender reserves headroom (skb_reserve) for the headers the lower
 * layers will push in front (skb_push), appends its payload (skb_put),
 * and each layer on the way up pulls its header off (skb_pull).  The
 * mac/network/transport header offsets remember where each layer's
 * header began, so ip_hdr()/udp_hdr() work after the data pointer has
 * moved on.  The owner socket is charged for the buffer (sk_wmem_alloc
 * or sk_rmem_alloc) until it is freed; ->cb is the current layer's
 * scratch space (AF_UNIX's passed files, IP's IPCB, TCP's TCP_SKB_CB).
 */
#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/types.h>

struct sock;
struct net_device;
struct dst_entry;

/* skb->ip_summed: what is known about the transport checksum */
#define CHECKSUM_NONE		0	/* not checked yet: software must */
#define CHECKSUM_UNNECESSARY	1	/* already verified (loopback, offload) */
#define CHECKSUM_COMPLETE	2	/* skb->csum holds the sum of the packet */
#define CHECKSUM_PARTIAL	3	/* output: still to be filled in */

/* skb->pkt_type */
#define PACKET_HOST		0
#define PACKET_BROADCAST	1
#define PACKET_MULTICAST	2
#define PACKET_OTHERHOST	3
#define PACKET_OUTGOING		4
#define PACKET_LOOPBACK		5

/*
 * Room to leave in front of a packet for the headers below the
 * transport layer: a link header (Ethernet's 14, rounded up) plus an IP
 * header with the largest options.  MAX_TCP_HEADER adds TCP's header
 * with the largest options.
 */
#define LL_MAX_HEADER		32
/* Received data starts this far into a buffer; x86 reads unaligned IP headers at no cost. */
#define NET_IP_ALIGN		0
#define MAX_HEADER		(LL_MAX_HEADER + 96)
#define MAX_TCP_HEADER		(128 + MAX_HEADER)

struct sk_buff {
	struct list_head list;
	struct sock *sk;		/* the owner charged for it, or NULL */
	struct net_device *dev;		/* arrived on / leaving by */
	struct dst_entry *_dst;		/* output route, held (skb_dst) */
	void (*destructor)(struct sk_buff *skb);
	unsigned int len;		/* bytes from data to tail */
	unsigned int truesize;		/* what the owner is charged */
	unsigned char *head;		/* the allocation */
	unsigned char *data;		/* first byte of the packet */
	unsigned char *tail;		/* one past its last byte */
	unsigned char *end;		/* one past the allocation */
	u16 transport_header;		/* offsets from head; ~0: unset */
	u16 network_header;
	u16 mac_header;
	__be16 protocol;		/* ETH_P_* of the network layer */
	u8 pkt_type;
	u8 ip_summed;
	__wsum csum;
	u64 tstamp;			/* arrival, ns (SO_TIMESTAMP) */
	refcount_t users;		/* skb_get: more than one holder */
	char cb[48] __attribute__((aligned(8)));	/* the current layer's control block */
};

struct sk_buff_head {
	struct list_head list;
	u32 qlen;
	spinlock_t lock;
};

struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp);
void kfree_skb(struct sk_buff *skb);
void consume_skb(struct sk_buff *skb);
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t gfp);
struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t gfp);
struct sk_buff *skb_copy_expand(const struct sk_buff *skb, int newheadroom,
				int newtailroom, gfp_t gfp);
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len);
void *skb_put(struct sk_buff *skb, unsigned int len);
void *skb_push(struct sk_buff *skb, unsigned int len);
void *skb_pull(struct sk_buff *skb, unsigned int len);
void skb_trim(struct sk_buff *skb, unsigned int len);
int pskb_trim(struct sk_buff *skb, unsigned int len);
void skb_orphan(struct sk_buff *skb);
void skb_queue_head_init(struct sk_buff_head *list);
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb);
void skb_queue_head(struct sk_buff_head *list, struct sk_buff *skb);
struct sk_buff *skb_dequeue(struct sk_buff_head *list);
void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list);
void skb_queue_purge(struct sk_buff_head *list);

/* Callers with list->lock held. */
static inline void __skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb)
{
	list_add_tail(&skb->list, &list->list);
	list->qlen++;
}

static inline void __skb_unlink(struct sk_buff *skb, struct sk_buff_head *list)
{
	list_del_init(&skb->list);
	list->qlen--;
}

static inline struct sk_buff *__skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb = list_empty(&list->list) ? NULL :
		list_first_entry(&list->list, struct sk_buff, list);

	if (skb)
		__skb_unlink(skb, list);
	return skb;
}

/* Under list->lock: the first buffer, or the one after @skb; NULL at the end. */
static inline struct sk_buff *skb_peek(const struct sk_buff_head *list)
{
	return list_empty(&list->list) ? NULL :
		list_first_entry(&list->list, struct sk_buff, list);
}

static inline struct sk_buff *skb_peek_tail(const struct sk_buff_head *list)
{
	return list_empty(&list->list) ? NULL :
		list_last_entry(&list->list, struct sk_buff, list);
}

static inline struct sk_buff *skb_peek_next(struct sk_buff *skb, const struct sk_buff_head *list)
{
	return skb->list.next == &list->list ? NULL :
		list_next_entry(skb, list);
}

#define skb_queue_walk(queue, skb) \
	list_for_each_entry(skb, &(queue)->list, list)
#define skb_queue_walk_safe(queue, skb, tmp) \
	list_for_each_entry_safe(skb, tmp, &(queue)->list, list)

static inline u32 skb_queue_len(const struct sk_buff_head *list)
{
	return READ_ONCE(list->qlen);
}

static inline bool skb_queue_empty(const struct sk_buff_head *list)
{
	return !skb_queue_len(list);
}

static inline struct sk_buff *skb_get(struct sk_buff *skb)
{
	refcount_inc(&skb->users);
	return skb;
}

static inline unsigned int skb_headroom(const struct sk_buff *skb)
{
	return skb->data - skb->head;
}

static inline int skb_tailroom(const struct sk_buff *skb)
{
	return skb->end - skb->tail;
}

/* Leave @len bytes in front of an empty buffer for headers to come. */
static inline void skb_reserve(struct sk_buff *skb, int len)
{
	skb->data += len;
	skb->tail += len;
}

static inline unsigned char *skb_tail_pointer(const struct sk_buff *skb)
{
	return skb->tail;
}

/* The protocol-header offsets: set at the current data pointer, read back. */
static inline void skb_reset_transport_header(struct sk_buff *skb)
{
	skb->transport_header = skb->data - skb->head;
}

static inline void skb_set_transport_header(struct sk_buff *skb, int offset)
{
	skb->transport_header = skb->data - skb->head + offset;
}

static inline bool skb_transport_header_was_set(const struct sk_buff *skb)
{
	return skb->transport_header != (u16)~0U;
}

static inline unsigned char *skb_transport_header(const struct sk_buff *skb)
{
	return skb->head + skb->transport_header;
}

static inline int skb_transport_offset(const struct sk_buff *skb)
{
	return skb_transport_header(skb) - skb->data;
}

static inline void skb_reset_network_header(struct sk_buff *skb)
{
	skb->network_header = skb->data - skb->head;
}

static inline void skb_set_network_header(struct sk_buff *skb, int offset)
{
	skb->network_header = skb->data - skb->head + offset;
}

static inline unsigned char *skb_network_header(const struct sk_buff *skb)
{
	return skb->head + skb->network_header;
}

static inline int skb_network_offset(const struct sk_buff *skb)
{
	return skb_network_header(skb) - skb->data;
}

static inline void skb_reset_mac_header(struct sk_buff *skb)
{
	skb->mac_header = skb->data - skb->head;
}

static inline void skb_set_mac_header(struct sk_buff *skb, int offset)
{
	skb->mac_header = skb->data - skb->head + offset;
}

static inline unsigned char *skb_mac_header(const struct sk_buff *skb)
{
	return skb->head + skb->mac_header;
}

/* Linear buffers always hold the whole packet; these keep Linux's shape. */
static inline bool pskb_may_pull(struct sk_buff *skb, unsigned int len)
{
	return len <= skb->len;
}

static inline struct dst_entry *skb_dst(const struct sk_buff *skb)
{
	return skb->_dst;
}

static inline void skb_dst_set(struct sk_buff *skb, struct dst_entry *dst)
{
	skb->_dst = dst;
}

void skb_dst_drop(struct sk_buff *skb);

/* net/core/datagram.c: copy @len bytes at @offset of the packet into the message. */
struct msghdr;
int skb_copy_datagram_msg(const struct sk_buff *from, int offset, struct msghdr *msg, int len);
__wsum skb_checksum(const struct sk_buff *skb, int offset, int len, __wsum csum);

#endif
