// SPDX-License-Identifier: GPL-2.0
/*
 * Socket buffers (<linux/skbuff.h>): allocation, freeing, and the queue
 * operations every receive queue uses.  Freeing a buffer runs its
 * destructor, which gives the sender back the memory it was charged
 * (sock_wfree) and, for AF_UNIX, drops the files it carried.
 */
#include <linux/kernel.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>

struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp)
{
	struct sk_buff *skb = kzalloc(sizeof(*skb), gfp);

	if (!skb)
		return NULL;
	skb->head = kmalloc(size ? size : 1, gfp);
	if (!skb->head) {
		kfree(skb);
		return NULL;
	}
	INIT_LIST_HEAD(&skb->list);
	skb->data = skb->head;
	skb->len = size;
	skb->truesize = size + sizeof(*skb);
	return skb;
}

void kfree_skb(struct sk_buff *skb)
{
	if (!skb)
		return;
	if (skb->destructor)
		skb->destructor(skb);
	kfree(skb->head);
	kfree(skb);
}

/* Consume @len bytes from the front (a stream read part of a buffer). */
void skb_pull(struct sk_buff *skb, unsigned int len)
{
	skb->data += len;
	skb->len -= len;
}

void skb_queue_head_init(struct sk_buff_head *list)
{
	INIT_LIST_HEAD(&list->list);
	list->qlen = 0;
	spin_lock_init(&list->lock);
}

void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb)
{
	spin_lock(&list->lock);
	list_add_tail(&skb->list, &list->list);
	list->qlen++;
	spin_unlock(&list->lock);
}

struct sk_buff *skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	spin_lock(&list->lock);
	skb = skb_peek(list);
	if (skb) {
		list_del_init(&skb->list);
		list->qlen--;
	}
	spin_unlock(&list->lock);
	return skb;
}

/* Take @skb out of @list; the caller holds list->lock. */
void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list)
{
	list_del_init(&skb->list);
	list->qlen--;
}

void skb_queue_purge(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(list)))
		kfree_skb(skb);
}
