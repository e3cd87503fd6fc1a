/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct sk_buff: one buffer of socket data on its way from a sender to
 * a receive queue (net/core/skbuff.c).  Lantern's is the simple case of
 * Linux's: one linear kmalloc'ed area, no fragments or headroom, since
 * AF_UNIX copies straight from the sender's memory into it.  The sender
 * is charged for it (sk_wmem_alloc) until it is freed, which is what
 * makes a writer block when its peer does not read.  ->cb carries the
 * control data riding with it (passed files, credentials).
 */
#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct sock;

struct sk_buff {
	struct list_head list;
	struct sock *sk;		/* the owner charged for it, or NULL */
	void (*destructor)(struct sk_buff *skb);
	unsigned int len;		/* bytes of data left */
	unsigned int truesize;		/* what the owner is charged */
	unsigned char *data;		/* next unread byte */
	unsigned char *head;		/* the allocation */
	char cb[48] __attribute__((aligned(8)));	/* the protocol's control block */
};

struct sk_buff_head {
	struct list_head list;
	u32 qlen;
	spinlock_t lock;
};

struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp);
void kfree_skb(struct sk_buff *skb);
void skb_pull(struct sk_buff *skb, unsigned int len);
void skb_queue_head_init(struct sk_buff_head *list);
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb);
struct sk_buff *skb_dequeue(struct sk_buff_head *list);
void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list);
void skb_queue_purge(struct sk_buff_head *list);

/* Under list->lock: the first buffer, or the one after @skb; NULL at the end. */
static inline struct sk_buff *skb_peek(const struct sk_buff_head *list)
{
	return list_empty(&list->list) ? NULL :
		list_first_entry(&list->list, struct sk_buff, list);
}

static inline struct sk_buff *skb_peek_next(struct sk_buff *skb, const struct sk_buff_head *list)
{
	return skb->list.next == &list->list ? NULL :
		list_next_entry(skb, list);
}

static inline u32 skb_queue_len(const struct sk_buff_head *list)
{
	return READ_ONCE(list->qlen);
}

static inline bool skb_queue_empty(const struct sk_buff_head *list)
{
	return !skb_queue_len(list);
}

#endif
