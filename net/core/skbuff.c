// SPDX-License-Identifier: GPL-2.0
/*
 * Socket buffers (<linux/skbuff.h>): allocation, copying, freeing, the
 * data-pointer moves the protocol layers make (put/push/pull/reserve),
 * and the queue operations every receive queue uses.  Freeing a buffer
 * runs its destructor, which gives the owner back the memory it was
 * charged (sock_wfree/sock_rfree) and, for AF_UNIX, drops the files it
 * carried; it also drops the buffer's route.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/dst.h>

/* An empty buffer with room for @size bytes: data == tail == head. */
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
	skb->tail = skb->head;
	skb->end = skb->head + size;
	skb->len = 0;
	skb->truesize = size + sizeof(*skb);
	skb->transport_header = (u16)~0U;
	skb->network_header = (u16)~0U;
	skb->mac_header = (u16)~0U;
	refcount_set(&skb->users, 1);
	return skb;
}

void skb_dst_drop(struct sk_buff *skb)
{
	if (skb->_dst) {
		dst_release(skb->_dst);
		skb->_dst = NULL;
	}
}

/* Give the owner its memory back and forget it (a buffer changing hands). */
void skb_orphan(struct sk_buff *skb)
{
	if (skb->destructor)
		skb->destructor(skb);
	skb->destructor = NULL;
	skb->sk = NULL;
}

void kfree_skb(struct sk_buff *skb)
{
	if (!skb)
		return;
	if (!refcount_dec_and_test(&skb->users))
		return;
	skb_dst_drop(skb);
	if (skb->destructor)
		skb->destructor(skb);
	kfree(skb->head);
	kfree(skb);
}

/* Freed after use, not dropped (Linux tells the two apart for tracing). */
void consume_skb(struct sk_buff *skb)
{
	kfree_skb(skb);
}

static void copy_skb_header(struct sk_buff *n, const struct sk_buff *old)
{
	n->dev = old->dev;
	n->protocol = old->protocol;
	n->pkt_type = old->pkt_type;
	n->ip_summed = old->ip_summed;
	n->csum = old->csum;
	n->tstamp = old->tstamp;
	memcpy(n->cb, old->cb, sizeof(n->cb));
	if (old->_dst) {
		dst_hold(old->_dst);
		n->_dst = old->_dst;
	}
}

/*
 * A private copy of the buffer with its own headroom and tailroom, and
 * as much of the old headroom's contents as fits; the header offsets
 * move with the data.  The copy has no owner.
 */
struct sk_buff *skb_copy_expand(const struct sk_buff *skb, int newheadroom,
				int newtailroom, gfp_t gfp)
{
	struct sk_buff *n = alloc_skb(newheadroom + skb->len + newtailroom, gfp);
	unsigned int headerlen = min_t(unsigned int, skb_headroom(skb), newheadroom);
	long shift;

	if (!n)
		return NULL;
	skb_reserve(n, newheadroom);
	/* the headers already pulled off (ip_hdr of a packet being delivered) come too */
	memcpy(n->data - headerlen, skb->data - headerlen, headerlen);
	memcpy(skb_put(n, skb->len), skb->data, skb->len);
	copy_skb_header(n, skb);
	shift = (long)(n->data - n->head) - (long)(skb->data - skb->head);
	if (skb->transport_header != (u16)~0U)
		n->transport_header = skb->transport_header + shift;
	if (skb->network_header != (u16)~0U)
		n->network_header = skb->network_header + shift;
	if (skb->mac_header != (u16)~0U)
		n->mac_header = skb->mac_header + shift;
	return n;
}

struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t gfp)
{
	return skb_copy_expand(skb, skb_headroom(skb), skb_tailroom(skb), gfp);
}

/*
 * Linux's clone shares the data; with linear kmalloc'ed buffers and no
 * data reference count, Lantern's clone is a full copy.  Callers must
 * treat the result as theirs alone either way.
 */
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t gfp)
{
	return skb_copy(skb, gfp);
}

/* Copy @len bytes at @offset of the packet to @to; -EFAULT if out of range. */
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len)
{
	if (offset < 0 || len < 0 || (unsigned int)offset > skb->len ||
	    (unsigned int)len > skb->len - offset)
		return -EFAULT;
	memcpy(to, skb->data + offset, len);
	return 0;
}

/* Extend the data at the end by @len; returns where the new bytes go. */
void *skb_put(struct sk_buff *skb, unsigned int len)
{
	unsigned char *tmp = skb->tail;

	BUG_ON(skb->tail + len > skb->end);
	skb->tail += len;
	skb->len += len;
	return tmp;
}

/* Extend the data at the front by @len (a lower layer's header). */
void *skb_push(struct sk_buff *skb, unsigned int len)
{
	BUG_ON(skb->data - len < skb->head);
	skb->data -= len;
	skb->len += len;
	return skb->data;
}

/* Consume @len bytes from the front (a header read, or part of a stream read). */
void *skb_pull(struct sk_buff *skb, unsigned int len)
{
	if (len > skb->len)
		return NULL;
	skb->data += len;
	skb->len -= len;
	return skb->data;
}

/* Cut the data to @len bytes (drop link padding or a datagram's excess). */
void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (skb->len > len) {
		skb->len = len;
		skb->tail = skb->data + len;
	}
}

int pskb_trim(struct sk_buff *skb, unsigned int len)
{
	skb_trim(skb, len);
	return 0;
}

/*
 * Queues are touched from the NET_RX softirq as well as from process
 * context, so their lock keeps softirqs off on this CPU while held.
 */
void skb_queue_head_init(struct sk_buff_head *list)
{
	INIT_LIST_HEAD(&list->list);
	list->qlen = 0;
	spin_lock_init(&list->lock);
}

void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb)
{
	spin_lock_bh(&list->lock);
	list_add_tail(&skb->list, &list->list);
	list->qlen++;
	spin_unlock_bh(&list->lock);
}

void skb_queue_head(struct sk_buff_head *list, struct sk_buff *skb)
{
	spin_lock_bh(&list->lock);
	list_add(&skb->list, &list->list);
	list->qlen++;
	spin_unlock_bh(&list->lock);
}

struct sk_buff *skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	spin_lock_bh(&list->lock);
	skb = skb_peek(list);
	if (skb) {
		list_del_init(&skb->list);
		list->qlen--;
	}
	spin_unlock_bh(&list->lock);
	return skb;
}

/* Take @skb out of @list; the caller holds list->lock. */
void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list)
{
	lockdep_assert_held(&list->lock);
	list_del_init(&skb->list);
	list->qlen--;
}

void skb_queue_purge(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(list)))
		kfree_skb(skb);
}
