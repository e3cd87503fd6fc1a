// SPDX-License-Identifier: GPL-2.0
/*
 * AF_PACKET: sockets below IP, which see link-layer frames.  A DHCP
 * client needs one (it must talk before the interface has an address),
 * and so do tcpdump and arping.
 *
 * A packet socket registers a struct packet_type hook for its protocol
 * (or ETH_P_ALL for every frame, sent ones included) and, once bound,
 * for one interface.  netif_receive_skb hands each hook its own copy.
 * SOCK_RAW sockets read and write whole frames, link header included;
 * SOCK_DGRAM ones see the payload, the link header being built from the
 * sockaddr_ll on send and described in it on receive.  Opening one
 * needs CAP_NET_RAW.
 *
 * libpcap does not read packets one recvmsg at a time: it asks for a
 * receive ring (PACKET_RX_RING), maps it, and the hook copies each
 * packet straight into the next free frame (TPACKET_V1/V2) or block
 * (TPACKET_V3) of that shared memory, flipping its status word to hand
 * it over; poll() says when one is ready.  A TX ring works the other way:
 * user space fills frames, marks them, and one send() sends them all.
 * net/packet/internal.h describes the rings' layout.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/if_packet.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/poll.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/socket.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <uapi/linux/sockios.h>
#include <asm/byteorder.h>
#include <net/sock.h>

#include "internal.h"

/* What a received frame carries to recvmsg, in skb->cb. */
struct packet_skb_cb {
	struct sockaddr_ll sa;
	u32 tp_status;
	u32 origlen;
};

#define PACKET_SKB_CB(skb)	((struct packet_skb_cb *)((skb)->cb))

/* ---------- the receive hook ---------- */

/*
 * The hook sees the frame after the link header was pulled.  A raw
 * socket wants it back; a datagram socket reads from the network header
 * on.  Returns the link header's length now in front of skb->data.
 */
static unsigned int packet_rcv_prepare(struct sock *sk, struct sk_buff *skb,
				       struct net_device *dev)
{
	if (sk->sk_type == SOCK_RAW && dev->header_ops) {
		int maclen = skb->data - skb_mac_header(skb);

		if (maclen > 0 && maclen <= (int)skb_headroom(skb)) {
			skb_push(skb, maclen);
			return maclen;
		}
	}
	return 0;
}

static void packet_fill_sll(struct sockaddr_ll *sll, const struct sk_buff *skb,
			    const struct net_device *dev)
{
	memset(sll, 0, sizeof(*sll));
	sll->sll_family = AF_PACKET;
	sll->sll_protocol = skb->protocol;
	sll->sll_ifindex = dev->ifindex;
	sll->sll_hatype = dev->type;
	sll->sll_pkttype = skb->pkt_type;
	if (dev->header_ops && dev->addr_len <= sizeof(sll->sll_addr)) {
		const struct ethhdr *eth = (const struct ethhdr *)skb_mac_header(skb);

		sll->sll_halen = dev->addr_len;
		memcpy(sll->sll_addr, eth->h_source, dev->addr_len);
	}
}

static u32 packet_csum_status(const struct sk_buff *skb)
{
	if (skb->ip_summed == CHECKSUM_PARTIAL)
		return TP_STATUS_CSUMNOTREADY;
	if (skb->ip_summed == CHECKSUM_UNNECESSARY)
		return TP_STATUS_CSUM_VALID;
	return 0;
}

static int packet_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	struct sock *sk = pt->af_packet_priv;
	struct packet_sock *po = pkt_sk(sk);
	struct packet_skb_cb *cb;

	if (skb->pkt_type == PACKET_LOOPBACK && !(dev->flags & IFF_LOOPBACK))
		goto drop;
	packet_rcv_prepare(sk, skb, dev);
	cb = PACKET_SKB_CB(skb);
	packet_fill_sll(&cb->sa, skb, dev);
	cb->origlen = skb->len;
	cb->tp_status = TP_STATUS_USER | packet_csum_status(skb);

	spin_lock(&sk->sk_receive_queue.lock);
	po->tp_packets++;
	spin_unlock(&sk->sk_receive_queue.lock);
	if (sock_queue_rcv_skb(sk, skb) < 0) {
		spin_lock(&sk->sk_receive_queue.lock);
		po->tp_drops++;
		spin_unlock(&sk->sk_receive_queue.lock);
		goto drop;
	}
	return NET_RX_SUCCESS;
drop:
	kfree_skb(skb);
	return NET_RX_DROP;
}

/* bind_lock held: (re)register the hook for po->num on po->ifindex. */
static void register_prot_hook(struct packet_sock *po)
{
	if (po->running || !po->num)
		return;
	po->prot_hook.type = po->num;
	po->prot_hook.ifindex = po->ifindex;
	dev_add_pack(&po->prot_hook);
	po->running = true;
}

/*
 * bind_lock held: take the hook off the lists.  A receive may still be
 * in it until the caller, without the lock, calls synchronize_net().
 */
static void unregister_prot_hook(struct packet_sock *po)
{
	if (!po->running)
		return;
	__dev_remove_pack(&po->prot_hook);
	po->running = false;
}

/* ---------- the memory-mapped rings (internal.h has the picture) ---------- */

/* Each V3 block opens with its descriptor, then the user's private area. */
#define V3_ALIGNMENT		8
#define BLK_HDR_LEN		ALIGN(sizeof(struct tpacket_block_desc), V3_ALIGNMENT)
#define BLK_PLUS_PRIV(priv)	(BLK_HDR_LEN + ALIGN((priv), V3_ALIGNMENT))
#define DEFAULT_PRB_RETIRE_TOV	8	/* ms: Linux's choice when the link speed is unknown */

static void *packet_frame(const struct packet_ring_buffer *rb, unsigned int pos)
{
	return rb->pg_vec[pos / rb->frames_per_block] +
	       (pos % rb->frames_per_block) * rb->frame_size;
}

/* Frame status words are shared with user space: read and write each once. */
static u32 packet_get_status(const struct packet_sock *po, void *frame)
{
	switch (po->tp_version) {
	case TPACKET_V1:
		return READ_ONCE(((struct tpacket_hdr *)frame)->tp_status);
	case TPACKET_V2:
		return READ_ONCE(((struct tpacket2_hdr *)frame)->tp_status);
	default:
		return READ_ONCE(((struct tpacket3_hdr *)frame)->tp_status);
	}
}

/* The frame's contents must be in place before user space can see it is theirs. */
static void packet_set_status(const struct packet_sock *po, void *frame, u32 status)
{
	smp_wmb();
	switch (po->tp_version) {
	case TPACKET_V1:
		WRITE_ONCE(((struct tpacket_hdr *)frame)->tp_status, status);
		break;
	case TPACKET_V2:
		WRITE_ONCE(((struct tpacket2_hdr *)frame)->tp_status, status);
		break;
	default:
		WRITE_ONCE(((struct tpacket3_hdr *)frame)->tp_status, status);
		break;
	}
	smp_wmb();
}

static void packet_increment_head(struct packet_ring_buffer *rb)
{
	rb->head = rb->head == rb->frame_max ? 0 : rb->head + 1;
}

static struct tpacket_block_desc *prb_block(const struct packet_ring_buffer *rb,
					    unsigned int n)
{
	return (struct tpacket_block_desc *)rb->pg_vec[n];
}

static void prb_set_ts(struct tpacket_bd_ts *ts, u64 ns)
{
	struct timespec64 t = ns_to_timespec64(ns);

	ts->ts_sec = t.tv_sec;
	ts->ts_nsec = t.tv_nsec;
}

static void prb_refresh_timer(struct tpacket_kbdq_core *pkc)
{
	if (!pkc->delete_blk_timer)
		mod_timer(&pkc->retire_blk_timer,
			  jiffies + msecs_to_jiffies(pkc->retire_blk_tov));
}

/* Queue lock held: the active block starts afresh, the kernel's. */
static void prb_open_block(struct tpacket_kbdq_core *pkc, struct tpacket_block_desc *pbd)
{
	struct tpacket_hdr_v1 *h1 = &pbd->hdr.bh1;
	u64 now = ktime_get_real_ns();

	pbd->version = TPACKET_V3;
	pbd->offset_to_priv = BLK_HDR_LEN;
	h1->num_pkts = 0;
	h1->offset_to_first_pkt = pkc->blk_hdr_priv;
	h1->blk_len = pkc->blk_hdr_priv;
	h1->seq_num = pkc->knxt_seq_num++;
	prb_set_ts(&h1->ts_first_pkt, now);
	prb_set_ts(&h1->ts_last_pkt, now);
	pkc->nxt_offset = pkc->blk_hdr_priv;
	pkc->prev_offset = 0;
	pkc->frozen = false;
	smp_wmb();
	WRITE_ONCE(h1->block_status, TP_STATUS_KERNEL);
	prb_refresh_timer(pkc);
}

/* Queue lock held: hand the active block to user space and move on. */
static void prb_close_block(struct packet_sock *po, u32 extra)
{
	struct packet_ring_buffer *rb = &po->rx_ring;
	struct tpacket_kbdq_core *pkc = &rb->prb_bdqc;
	struct tpacket_block_desc *pbd = prb_block(rb, pkc->kactive_blk_num);
	struct tpacket_hdr_v1 *h1 = &pbd->hdr.bh1;
	u32 status = TP_STATUS_USER | extra;

	if (h1->num_pkts) {
		struct tpacket3_hdr *last = (void *)((char *)pbd + pkc->prev_offset);

		h1->ts_last_pkt.ts_sec = last->tp_sec;
		h1->ts_last_pkt.ts_nsec = last->tp_nsec;
	} else {
		prb_set_ts(&h1->ts_last_pkt, ktime_get_real_ns());
	}
	if (po->tp_drops)
		status |= TP_STATUS_LOSING;
	smp_wmb();
	WRITE_ONCE(h1->block_status, status);
	pkc->kactive_blk_num = (pkc->kactive_blk_num + 1) % rb->pg_vec_len;
}

/*
 * Queue lock held: open the next block if user space has given it back,
 * else stop (freeze) until it does: packets are dropped meanwhile.
 */
static bool prb_dispatch_next_block(struct packet_sock *po)
{
	struct tpacket_kbdq_core *pkc = &po->rx_ring.prb_bdqc;
	struct tpacket_block_desc *pbd = prb_block(&po->rx_ring, pkc->kactive_blk_num);

	if (READ_ONCE(pbd->hdr.bh1.block_status) & TP_STATUS_USER) {
		if (!pkc->frozen)
			po->tp_freeze_q_cnt++;
		pkc->frozen = true;
		return false;
	}
	prb_open_block(pkc, pbd);
	return true;
}

/* Queue lock held: room for @len bytes in the open block, or NULL. */
static void *prb_lookup_frame(struct packet_sock *po, unsigned int len)
{
	struct packet_ring_buffer *rb = &po->rx_ring;
	struct tpacket_kbdq_core *pkc = &rb->prb_bdqc;
	unsigned int need = ALIGN(len, V3_ALIGNMENT);
	unsigned int block_size = rb->pg_vec_pages * PAGE_SIZE;
	struct tpacket_block_desc *pbd;
	struct tpacket3_hdr *ppd;

	if (pkc->frozen && !prb_dispatch_next_block(po))
		return NULL;
	if (pkc->nxt_offset + need > block_size) {
		prb_close_block(po, 0);
		if (!prb_dispatch_next_block(po))
			return NULL;
	}
	pbd = prb_block(rb, pkc->kactive_blk_num);
	ppd = (void *)((char *)pbd + pkc->nxt_offset);
	if (pkc->prev_offset) {
		struct tpacket3_hdr *prev = (void *)((char *)pbd + pkc->prev_offset);

		prev->tp_next_offset = pkc->nxt_offset - pkc->prev_offset;
	}
	ppd->tp_next_offset = 0;
	pkc->prev_offset = pkc->nxt_offset;
	pkc->nxt_offset += need;
	pbd->hdr.bh1.blk_len += need;
	pbd->hdr.bh1.num_pkts++;
	return ppd;
}

/*
 * A block that has waited tp_retire_blk_tov with packets in it goes to
 * user space partly filled: a reader is not kept waiting for a quiet
 * link to fill it.  A frozen ring restarts here once its block is back.
 */
static void prb_retire_rx_blk_timer_expired(struct timer_list *t)
{
	struct packet_sock *po = from_timer(po, t, rx_ring.prb_bdqc.retire_blk_timer);
	struct tpacket_kbdq_core *pkc = &po->rx_ring.prb_bdqc;
	struct sock *sk = &po->sk;
	bool wake = false;

	spin_lock_bh(&sk->sk_receive_queue.lock);
	if (pkc->delete_blk_timer || !po->rx_ring.pg_vec)
		goto out;
	if (pkc->frozen) {
		if (prb_dispatch_next_block(po))
			goto out;	/* open_block rearmed us */
	} else if (prb_block(&po->rx_ring, pkc->kactive_blk_num)->hdr.bh1.num_pkts) {
		prb_close_block(po, TP_STATUS_BLK_TMO);
		wake = true;
		if (prb_dispatch_next_block(po))
			goto out;
	}
	prb_refresh_timer(pkc);
out:
	spin_unlock_bh(&sk->sk_receive_queue.lock);
	if (wake)
		sk->sk_data_ready(sk);
}

/* Queue lock held: the frame a packet of @len bytes goes to, or NULL if the ring is full. */
static void *packet_current_rx_frame(struct packet_sock *po, unsigned int len)
{
	struct packet_ring_buffer *rb = &po->rx_ring;
	void *frame;

	if (po->tp_version == TPACKET_V3)
		return prb_lookup_frame(po, len);
	frame = packet_frame(rb, rb->head);
	if (packet_get_status(po, frame) != TP_STATUS_KERNEL)
		return NULL;
	packet_increment_head(rb);
	return frame;
}

/* The receive hook while an RX ring exists: the packet goes into the ring, not the queue. */
static int tpacket_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	struct sock *sk = pt->af_packet_priv;
	struct packet_sock *po = pkt_sk(sk);
	unsigned int maclen, macoff, netoff, snaplen, hdrlen;
	u32 status = TP_STATUS_USER, ts_status = 0;
	struct timespec64 ts;
	void *h;

	if (skb->pkt_type == PACKET_LOOPBACK && !(dev->flags & IFF_LOOPBACK))
		goto drop;
	maclen = packet_rcv_prepare(sk, skb, dev);
	status |= packet_csum_status(skb);
	snaplen = skb->len;
	/* The network header lands TPACKET_ALIGNMENT-aligned, the link header right before it. */
	if (sk->sk_type == SOCK_DGRAM) {
		macoff = netoff = TPACKET_ALIGN(po->tp_hdrlen) + 16 + po->tp_reserve;
	} else {
		netoff = TPACKET_ALIGN(po->tp_hdrlen + max_t(unsigned int, maclen, 16)) +
			 po->tp_reserve;
		macoff = netoff - maclen;
	}
	if (po->tp_version == TPACKET_V3) {
		if (macoff + snaplen > po->rx_ring.prb_bdqc.max_frame_len)
			snaplen = po->rx_ring.prb_bdqc.max_frame_len - macoff;
	} else if (macoff + snaplen > po->rx_ring.frame_size) {
		snaplen = po->rx_ring.frame_size - macoff;
	}
	if ((int)snaplen < 0)
		snaplen = 0;
	if (skb->tstamp) {
		ts = ns_to_timespec64(skb->tstamp);
		ts_status = TP_STATUS_TS_SOFTWARE;
	} else {
		ts = ns_to_timespec64(ktime_get_real_ns());
	}
	status |= ts_status;

	spin_lock(&sk->sk_receive_queue.lock);
	po->tp_packets++;
	h = po->rx_ring.pg_vec ? packet_current_rx_frame(po, macoff + snaplen) : NULL;
	if (!h) {
		po->tp_drops++;
		spin_unlock(&sk->sk_receive_queue.lock);
		sk->sk_data_ready(sk);
		goto drop;
	}
	if (po->tp_drops)
		status |= TP_STATUS_LOSING;
	skb_copy_bits(skb, 0, (char *)h + macoff, snaplen);
	switch (po->tp_version) {
	case TPACKET_V1: {
		struct tpacket_hdr *h1 = h;

		h1->tp_len = skb->len;
		h1->tp_snaplen = snaplen;
		h1->tp_mac = macoff;
		h1->tp_net = netoff;
		h1->tp_sec = ts.tv_sec;
		h1->tp_usec = ts.tv_nsec / NSEC_PER_USEC;
		hdrlen = sizeof(*h1);
		break;
	}
	case TPACKET_V2: {
		struct tpacket2_hdr *h2 = h;

		h2->tp_len = skb->len;
		h2->tp_snaplen = snaplen;
		h2->tp_mac = macoff;
		h2->tp_net = netoff;
		h2->tp_sec = ts.tv_sec;
		h2->tp_nsec = ts.tv_nsec;
		/* No device here strips a VLAN tag into the skb: none to report. */
		h2->tp_vlan_tci = 0;
		h2->tp_vlan_tpid = 0;
		memset(h2->tp_padding, 0, sizeof(h2->tp_padding));
		hdrlen = sizeof(*h2);
		break;
	}
	default: {
		struct tpacket3_hdr *h3 = h;

		h3->tp_len = skb->len;
		h3->tp_snaplen = snaplen;
		h3->tp_mac = macoff;
		h3->tp_net = netoff;
		h3->tp_sec = ts.tv_sec;
		h3->tp_nsec = ts.tv_nsec;
		memset(&h3->hv1, 0, sizeof(h3->hv1));
		memset(h3->tp_padding, 0, sizeof(h3->tp_padding));
		hdrlen = sizeof(*h3);
		break;
	}
	}
	packet_fill_sll((struct sockaddr_ll *)((char *)h + TPACKET_ALIGN(hdrlen)), skb, dev);
	/* A V3 packet is user space's when its block is: its status only describes it. */
	if (po->tp_version == TPACKET_V3)
		((struct tpacket3_hdr *)h)->tp_status = status;
	else
		packet_set_status(po, h, status);
	spin_unlock(&sk->sk_receive_queue.lock);
	/* V3: this packet may have closed the previous block; poll tells which is ready. */
	sk->sk_data_ready(sk);
	consume_skb(skb);
	return NET_RX_SUCCESS;
drop:
	kfree_skb(skb);
	return NET_RX_DROP;
}

static void free_pg_vec(char **pg_vec, unsigned int len)
{
	unsigned int i;

	if (!pg_vec)
		return;
	for (i = 0; i < len; i++)
		vfree(pg_vec[i]);
	kfree(pg_vec);
}

/*
 * Zeroed blocks: every frame and block starts TP_STATUS_KERNEL.  Each
 * block is virtually contiguous; its pages are what mmap hands out.
 */
static char **alloc_pg_vec(unsigned int block_nr, unsigned int block_size)
{
	char **pg_vec = kcalloc(block_nr, sizeof(*pg_vec), GFP_KERNEL);
	unsigned int i;

	if (!pg_vec)
		return NULL;
	for (i = 0; i < block_nr; i++) {
		pg_vec[i] = vzalloc(block_size);
		if (!pg_vec[i]) {
			free_pg_vec(pg_vec, i);
			return NULL;
		}
	}
	return pg_vec;
}

/*
 * Set up (tp_block_nr > 0) or tear down (0) a ring; pg_vec_lock held
 * (it keeps mmap and the TX path off the ring).  The checks are Linux's:
 * a bad tp_sizeof_priv once let the V3 block descriptor and private
 * area overrun the block (CVE-2017-7308).
 */
static int packet_set_ring(struct sock *sk, union tpacket_req_u *req_u, bool closing,
			   bool tx_ring)
{
	struct packet_sock *po = pkt_sk(sk);
	struct tpacket_req *req = &req_u->req;
	struct packet_ring_buffer *rb = tx_ring ? &po->tx_ring : &po->rx_ring;
	unsigned int frames_per_block = 0, old_len, hdrlen = po->tp_hdrlen;
	char **pg_vec = NULL;
	bool was_running, rx_v3;
	int err;

	rx_v3 = !tx_ring && po->tp_version == TPACKET_V3;
	if (!closing && atomic_read(&po->mapped))
		return -EBUSY;
	if (req->tp_block_nr) {
		u64 min_frame_size;

		if (rb->pg_vec)
			return -EBUSY;
		switch (po->tp_version) {
		case TPACKET_V1:
			hdrlen = TPACKET_HDRLEN;
			break;
		case TPACKET_V2:
			hdrlen = TPACKET2_HDRLEN;
			break;
		default:
			hdrlen = TPACKET3_HDRLEN;
			break;
		}
		if ((int)req->tp_block_size <= 0 || !IS_ALIGNED(req->tp_block_size, PAGE_SIZE))
			return -EINVAL;
		min_frame_size = (u64)hdrlen + po->tp_reserve;
		if (po->tp_version == TPACKET_V3 &&
		    req->tp_block_size < BLK_PLUS_PRIV((u64)req_u->req3.tp_sizeof_priv) +
					 min_frame_size)
			return -EINVAL;
		if (req->tp_frame_size < min_frame_size ||
		    !IS_ALIGNED(req->tp_frame_size, TPACKET_ALIGNMENT))
			return -EINVAL;
		frames_per_block = req->tp_block_size / req->tp_frame_size;
		if (!frames_per_block || frames_per_block > UINT_MAX / req->tp_block_nr ||
		    frames_per_block * req->tp_block_nr != req->tp_frame_nr)
			return -EINVAL;
		/* Blocks are handed out whole on the TX side: no V3 block options there. */
		if (tx_ring && po->tp_version == TPACKET_V3 &&
		    (req_u->req3.tp_retire_blk_tov || req_u->req3.tp_sizeof_priv ||
		     req_u->req3.tp_feature_req_word))
			return -EINVAL;
		/*
		 * Linux lets the allocation fail; ours would first take every
		 * free page, so a ring over half of memory is refused up front.
		 */
		if ((u64)req->tp_block_nr * (req->tp_block_size / PAGE_SIZE) > totalram_pages() / 2)
			return -ENOMEM;
		pg_vec = alloc_pg_vec(req->tp_block_nr, req->tp_block_size);
		if (!pg_vec)
			return -ENOMEM;
	} else if (req->tp_frame_nr) {
		return -EINVAL;
	}

	/* No receive may be in the ring while it changes. */
	spin_lock_bh(&po->bind_lock);
	was_running = po->running;
	unregister_prot_hook(po);
	spin_unlock_bh(&po->bind_lock);
	synchronize_net();

	err = -EBUSY;
	if (closing || !atomic_read(&po->mapped)) {
		struct tpacket_kbdq_core *pkc = &rb->prb_bdqc;
		char **old;

		err = 0;
		/* A V3 ring's timer must be stopped before its blocks go. */
		if (!tx_ring && rb->pg_vec && po->tp_version == TPACKET_V3) {
			spin_lock_bh(&sk->sk_receive_queue.lock);
			pkc->delete_blk_timer = true;
			spin_unlock_bh(&sk->sk_receive_queue.lock);
			del_timer_sync(&pkc->retire_blk_timer);
		}
		spin_lock_bh(&sk->sk_receive_queue.lock);
		old = rb->pg_vec;
		old_len = rb->pg_vec_len;
		rb->pg_vec = pg_vec;
		rb->pg_vec_len = req->tp_block_nr;
		rb->pg_vec_pages = req->tp_block_size / PAGE_SIZE;
		rb->frame_size = req->tp_frame_size;
		rb->frames_per_block = frames_per_block;
		rb->frame_max = req->tp_frame_nr ? req->tp_frame_nr - 1 : 0;
		rb->head = 0;
		if (pg_vec)
			po->tp_hdrlen = hdrlen;
		if (rx_v3 && pg_vec) {
			memset(pkc, 0, offsetof(struct tpacket_kbdq_core, retire_blk_timer));
			pkc->blk_hdr_priv = BLK_PLUS_PRIV(req_u->req3.tp_sizeof_priv);
			pkc->max_frame_len = req->tp_block_size - pkc->blk_hdr_priv;
			pkc->retire_blk_tov = req_u->req3.tp_retire_blk_tov ?: DEFAULT_PRB_RETIRE_TOV;
			pkc->knxt_seq_num = 1;
			prb_open_block(pkc, prb_block(rb, 0));
		}
		spin_unlock_bh(&sk->sk_receive_queue.lock);
		pg_vec = old;
		po->prot_hook.func = po->rx_ring.pg_vec ? tpacket_rcv : packet_rcv;
		if (!tx_ring)
			skb_queue_purge(&sk->sk_receive_queue);
	} else {
		old_len = req->tp_block_nr;
	}

	spin_lock_bh(&po->bind_lock);
	if (was_running && !closing)
		register_prot_hook(po);
	spin_unlock_bh(&po->bind_lock);
	free_pg_vec(pg_vec, old_len);
	return err;
}

static void packet_mm_open(struct vm_area_struct *vma)
{
	struct socket *sock = vma->vm_file->private_data;

	if (sock->sk)
		atomic_inc(&pkt_sk(sock->sk)->mapped);
}

static void packet_mm_close(struct vm_area_struct *vma)
{
	struct socket *sock = vma->vm_file->private_data;

	if (sock->sk)
		atomic_dec(&pkt_sk(sock->sk)->mapped);
}

static const struct vm_operations_struct packet_mmap_ops = {
	.open	= packet_mm_open,
	.close	= packet_mm_close,
};

/* One mapping, from offset 0, of exactly the RX ring followed by the TX ring. */
static int packet_mmap(struct file *file, struct socket *sock, struct vm_area_struct *vma)
{
	struct packet_sock *po = pkt_sk(sock->sk);
	unsigned long size = vma->vm_end - vma->vm_start, expected = 0, start;
	struct packet_ring_buffer *rb;
	int err = -EINVAL;

	if (vma->vm_pgoff)
		return -EINVAL;
	mutex_lock(&po->pg_vec_lock);
	for (rb = &po->rx_ring; rb <= &po->tx_ring; rb++)
		if (rb->pg_vec)
			expected += (unsigned long)rb->pg_vec_len * rb->pg_vec_pages * PAGE_SIZE;
	if (!expected || size != expected)
		goto out;
	start = vma->vm_start;
	for (rb = &po->rx_ring; rb <= &po->tx_ring; rb++) {
		unsigned int i, pg;

		if (!rb->pg_vec)
			continue;
		for (i = 0; i < rb->pg_vec_len; i++) {
			for (pg = 0; pg < rb->pg_vec_pages; pg++) {
				struct page *page = vmalloc_to_page(rb->pg_vec[i] + pg * PAGE_SIZE);

				err = vm_insert_page(vma, start, page);
				if (err)
					goto out;
				start += PAGE_SIZE;
			}
		}
	}
	atomic_inc(&po->mapped);
	vma->vm_ops = &packet_mmap_ops;
	err = 0;
out:
	mutex_unlock(&po->pg_vec_lock);
	return err;
}

/*
 * send() on a socket with a TX ring: every frame from the ring's head
 * that user space marked TP_STATUS_SEND_REQUEST goes out, in order.  The
 * buffer passed is ignored.  Frames are sent one at a time and are
 * TP_STATUS_AVAILABLE again when this returns.
 */
static int tpacket_snd(struct packet_sock *po, struct msghdr *msg)
{
	struct sock *sk = &po->sk;
	struct sockaddr_ll *saddr = msg->msg_name;
	struct packet_ring_buffer *rb = &po->tx_ring;
	const unsigned char *addr = NULL;
	int ifindex, err, len_sum = 0, tp_len;
	unsigned int size_max, reserve, off, frame_len;
	struct net_device *dev;
	__be16 proto;

	mutex_lock(&po->pg_vec_lock);
	err = -EBADF;
	if (!rb->pg_vec)
		goto out_unlock;
	if (saddr) {
		err = -EINVAL;
		if (msg->msg_namelen < (int)sizeof(struct sockaddr_ll))
			goto out_unlock;
		if (msg->msg_namelen < (int)(saddr->sll_halen +
					     offsetof(struct sockaddr_ll, sll_addr)))
			goto out_unlock;
		ifindex = saddr->sll_ifindex;
		proto = saddr->sll_protocol;
		addr = saddr->sll_addr;
	} else {
		ifindex = po->ifindex;
		proto = po->num;
	}
	err = -ENXIO;
	dev = dev_get_by_index(ifindex);
	if (!dev)
		goto out_unlock;
	err = -ENETDOWN;
	if (!netif_running(dev))
		goto out_put;
	reserve = (sk->sk_type == SOCK_RAW && dev->header_ops) ? dev->hard_header_len : 0;
	off = po->tp_hdrlen - sizeof(struct sockaddr_ll);
	size_max = rb->frame_size - off;
	/* Room for a VLAN tag, as Linux allows. */
	if (size_max > dev->mtu + reserve + 4)
		size_max = dev->mtu + reserve + 4;

	for (;;) {
		void *ph = packet_frame(rb, rb->head);
		struct sk_buff *skb;

		if (packet_get_status(po, ph) != TP_STATUS_SEND_REQUEST)
			break;
		switch (po->tp_version) {
		case TPACKET_V1:
			frame_len = ((struct tpacket_hdr *)ph)->tp_len;
			break;
		case TPACKET_V2:
			frame_len = ((struct tpacket2_hdr *)ph)->tp_len;
			break;
		default:
			frame_len = ((struct tpacket3_hdr *)ph)->tp_len;
			break;
		}
		/* A V3 frame stands alone: it may not point to a next one. */
		if (po->tp_version == TPACKET_V3 && ((struct tpacket3_hdr *)ph)->tp_next_offset)
			tp_len = -EINVAL;
		else if (frame_len > size_max)
			tp_len = -EMSGSIZE;
		else if (frame_len < reserve)
			tp_len = -EINVAL;
		else
			tp_len = frame_len;
		if (tp_len < 0) {
			if (po->tp_loss) {
				packet_set_status(po, ph, TP_STATUS_AVAILABLE);
				packet_increment_head(rb);
				continue;
			}
			packet_set_status(po, ph, TP_STATUS_WRONG_FORMAT);
			err = tp_len;
			goto out_put;
		}
		skb = sock_alloc_send_skb(sk, LL_MAX_HEADER + tp_len,
					  msg->msg_flags & MSG_DONTWAIT, &err);
		if (!skb) {
			if (len_sum)
				err = len_sum;
			goto out_put;
		}
		skb_reserve(skb, LL_MAX_HEADER);
		skb_reset_network_header(skb);
		memcpy(skb_put(skb, tp_len), (char *)ph + off, tp_len);
		skb->dev = dev;
		skb->protocol = proto;
		if (sk->sk_type == SOCK_DGRAM) {
			if (dev_hard_header(skb, dev, ntohs(proto), addr, NULL, tp_len) < 0) {
				kfree_skb(skb);
				packet_set_status(po, ph, TP_STATUS_WRONG_FORMAT);
				err = -EINVAL;
				goto out_put;
			}
		} else {
			skb_reset_mac_header(skb);
			if (dev->header_ops)
				skb_set_network_header(skb, ETH_HLEN);
		}
		packet_set_status(po, ph, TP_STATUS_SENDING);
		err = dev_queue_xmit(skb);
		if (err < 0) {
			/* Left for the next send to try again, as Linux does. */
			packet_set_status(po, ph, TP_STATUS_SEND_REQUEST);
			goto out_put;
		}
		packet_set_status(po, ph, TP_STATUS_AVAILABLE);
		packet_increment_head(rb);
		len_sum += tp_len;
	}
	err = len_sum;
out_put:
	dev_put(dev);
out_unlock:
	mutex_unlock(&po->pg_vec_lock);
	return err;
}

/* POLLIN when the frame (V3: block) filled last is still user space's. */
static __poll_t packet_poll(struct file *file, struct socket *sock, poll_table *wait)
{
	struct sock *sk = sock->sk;
	struct packet_sock *po = pkt_sk(sk);
	__poll_t mask = datagram_poll(file, sock, wait);
	struct packet_ring_buffer *rb;

	spin_lock_bh(&sk->sk_receive_queue.lock);
	rb = &po->rx_ring;
	if (rb->pg_vec) {
		if (po->tp_version == TPACKET_V3) {
			struct tpacket_kbdq_core *pkc = &rb->prb_bdqc;
			unsigned int prev = pkc->kactive_blk_num ? pkc->kactive_blk_num - 1 :
							     rb->pg_vec_len - 1;

			if (READ_ONCE(prb_block(rb, prev)->hdr.bh1.block_status) != TP_STATUS_KERNEL)
				mask |= POLLIN | POLLRDNORM;
		} else {
			unsigned int prev = rb->head ? rb->head - 1 : rb->frame_max;

			if (packet_get_status(po, packet_frame(rb, prev)) != TP_STATUS_KERNEL)
				mask |= POLLIN | POLLRDNORM;
		}
	}
	rb = &po->tx_ring;
	if (rb->pg_vec) {
		if (packet_get_status(po, packet_frame(rb, rb->head)) == TP_STATUS_AVAILABLE)
			mask |= POLLOUT | POLLWRNORM;
	}
	spin_unlock_bh(&sk->sk_receive_queue.lock);
	return mask;
}

/* ---------- proto_ops ---------- */

static int packet_release(struct socket *sock)
{
	struct sock *sk = sock->sk;
	struct packet_sock *po;

	if (!sk)
		return 0;
	po = pkt_sk(sk);
	spin_lock_bh(&po->bind_lock);
	unregister_prot_hook(po);
	spin_unlock_bh(&po->bind_lock);
	/* No receive may still be queueing to us when the sock goes. */
	synchronize_net();
	/* Every mapping holds the file: the rings are no one's now. */
	if (po->rx_ring.pg_vec || po->tx_ring.pg_vec) {
		union tpacket_req_u req_u;

		memset(&req_u, 0, sizeof(req_u));
		mutex_lock(&po->pg_vec_lock);
		if (po->rx_ring.pg_vec)
			packet_set_ring(sk, &req_u, true, false);
		if (po->tx_ring.pg_vec)
			packet_set_ring(sk, &req_u, true, true);
		mutex_unlock(&po->pg_vec_lock);
	}
	sock_orphan(sk);
	sock->sk = NULL;
	skb_queue_purge(&sk->sk_receive_queue);
	sock_put(sk);
	return 0;
}

static int packet_do_bind(struct sock *sk, int ifindex, __be16 proto)
{
	struct packet_sock *po = pkt_sk(sk);
	struct net_device *dev = NULL;

	if (ifindex) {
		dev = dev_get_by_index(ifindex);
		if (!dev)
			return -ENODEV;
	}
	spin_lock_bh(&po->bind_lock);
	unregister_prot_hook(po);
	po->num = proto;
	po->ifindex = ifindex;
	/*
	 * A hook is re-added at the tail, and a receive walking the list
	 * may still be on the old position: without the wait, it could
	 * see the hook twice.
	 */
	spin_unlock_bh(&po->bind_lock);
	synchronize_net();
	spin_lock_bh(&po->bind_lock);
	register_prot_hook(po);
	spin_unlock_bh(&po->bind_lock);
	if (dev) {
		/* Linux reports a bound socket on a down interface with ENETDOWN. */
		if (!netif_running(dev)) {
			sk->sk_err = ENETDOWN;
			sk->sk_error_report(sk);
		}
		dev_put(dev);
	}
	return 0;
}

static int packet_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_ll *sll = (struct sockaddr_ll *)uaddr;

	if (addr_len < (int)sizeof(struct sockaddr_ll))
		return -EINVAL;
	if (sll->sll_family != AF_PACKET)
		return -EINVAL;
	return packet_do_bind(sock->sk, sll->sll_ifindex,
			      sll->sll_protocol ? sll->sll_protocol : pkt_sk(sock->sk)->num);
}

static int packet_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct packet_sock *po = pkt_sk(sock->sk);
	struct sockaddr_ll *sll = (struct sockaddr_ll *)uaddr;
	struct net_device *dev;

	if (peer)
		return -EOPNOTSUPP;
	memset(sll, 0, sizeof(*sll));
	sll->sll_family = AF_PACKET;
	sll->sll_ifindex = po->ifindex;
	sll->sll_protocol = po->num;
	dev = po->ifindex ? dev_get_by_index(po->ifindex) : NULL;
	if (dev) {
		sll->sll_hatype = dev->type;
		sll->sll_halen = dev->addr_len;
		memcpy(sll->sll_addr, dev->dev_addr, min_t(unsigned int, dev->addr_len, 8));
		dev_put(dev);
	}
	return offsetof(struct sockaddr_ll, sll_addr) + sll->sll_halen;
}

static int packet_sendmsg(struct socket *sock, struct msghdr *msg, size_t len)
{
	struct sock *sk = sock->sk;
	struct packet_sock *po = pkt_sk(sk);
	struct sockaddr_ll *saddr = msg->msg_name;
	const unsigned char *addr = NULL;
	struct net_device *dev;
	struct sk_buff *skb;
	int ifindex, hlen, err;
	__be16 proto;

	if (READ_ONCE(po->tx_ring.pg_vec))
		return tpacket_snd(po, msg);
	if (saddr) {
		if (msg->msg_namelen < (int)offsetof(struct sockaddr_ll, sll_addr))
			return -EINVAL;
		if (saddr->sll_family != AF_PACKET)
			return -EINVAL;
		ifindex = saddr->sll_ifindex;
		proto = saddr->sll_protocol;
		if (msg->msg_namelen < (int)(offsetof(struct sockaddr_ll, sll_addr) +
					     saddr->sll_halen))
			return -EINVAL;
		addr = saddr->sll_addr;
	} else {
		ifindex = po->ifindex;
		proto = po->num;
	}
	dev = dev_get_by_index(ifindex);
	if (!dev)
		return -ENXIO;
	err = -ENETDOWN;
	if (!netif_running(dev))
		goto out_put;
	err = -EINVAL;
	if (sock->type == SOCK_DGRAM && saddr && saddr->sll_halen < dev->addr_len && dev->header_ops)
		goto out_put;
	hlen = LL_MAX_HEADER;
	err = -EMSGSIZE;
	if (len > dev->mtu + (sock->type == SOCK_RAW ? dev->hard_header_len : 0))
		goto out_put;
	if (sock->type == SOCK_RAW && dev->header_ops && len < ETH_HLEN)
		goto out_put_inval;
	skb = sock_alloc_send_skb(sk, hlen + len, msg->msg_flags & MSG_DONTWAIT, &err);
	if (!skb)
		goto out_put;
	skb_reserve(skb, hlen);
	skb_reset_network_header(skb);
	err = memcpy_from_msg(skb_put(skb, len), msg, len);
	if (err)
		goto out_free;
	skb->dev = dev;
	skb->protocol = proto;
	if (sock->type == SOCK_DGRAM) {
		if (dev_hard_header(skb, dev, ntohs(proto), addr, NULL, len) < 0) {
			err = -EINVAL;
			goto out_free;
		}
	} else {
		skb_reset_mac_header(skb);
		if (dev->header_ops)
			skb_set_network_header(skb, ETH_HLEN);
	}
	err = dev_queue_xmit(skb);
	dev_put(dev);
	return err < 0 ? err : (int)len;

out_free:
	kfree_skb(skb);
	goto out_put;
out_put_inval:
	err = -EINVAL;
out_put:
	dev_put(dev);
	return err;
}

static int packet_recvmsg(struct socket *sock, struct msghdr *msg, size_t len, int flags)
{
	struct sock *sk = sock->sk;
	struct packet_sock *po = pkt_sk(sk);
	struct packet_skb_cb *cb;
	struct sk_buff *skb;
	unsigned int copied;
	int err;

	if (flags & ~(MSG_PEEK | MSG_DONTWAIT | MSG_TRUNC | MSG_WAITALL | MSG_CMSG_CLOEXEC |
		      MSG_ERRQUEUE | MSG_NOSIGNAL))
		return -EINVAL;
	if (flags & MSG_ERRQUEUE)
		return -EAGAIN;
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	cb = PACKET_SKB_CB(skb);
	copied = min_t(size_t, len, skb->len);
	if (copied < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	err = skb_copy_datagram_msg(skb, 0, msg, copied);
	if (err)
		goto out;
	if (msg->msg_name) {
		unsigned int alen = offsetof(struct sockaddr_ll, sll_addr) +
				    max_t(unsigned int, cb->sa.sll_halen, 8);

		memcpy(msg->msg_name, &cb->sa, sizeof(cb->sa));
		msg->msg_namelen = alen;
	}
	if (po->auxdata) {
		struct tpacket_auxdata aux = {
			.tp_status = cb->tp_status,
			.tp_len = cb->origlen,
			.tp_snaplen = skb->len,
			.tp_mac = 0,
			.tp_net = (sock->type == SOCK_RAW && skb->dev && skb->dev->header_ops) ?
				  ETH_HLEN : 0,
		};

		put_cmsg(msg, SOL_PACKET, PACKET_AUXDATA, sizeof(aux), &aux);
	}
	err = (flags & MSG_TRUNC) ? (int)skb->len : (int)copied;
out:
	kfree_skb(skb);
	return err;
}

static int packet_setsockopt(struct socket *sock, int level, int optname,
			     const void __user *optval, unsigned int optlen)
{
	struct packet_sock *po = pkt_sk(sock->sk);
	int val;

	if (level == SOL_SOCKET)
		return sock_setsockopt(sock, level, optname, optval, optlen);
	if (level != SOL_PACKET)
		return -ENOPROTOOPT;
	switch (optname) {
	case PACKET_ADD_MEMBERSHIP:
	case PACKET_DROP_MEMBERSHIP: {
		struct packet_mreq mreq;
		struct net_device *dev;

		if (optlen < sizeof(mreq))
			return -EINVAL;
		if (copy_from_user(&mreq, optval, sizeof(mreq)))
			return -EFAULT;
		dev = dev_get_by_index(mreq.mr_ifindex);
		if (!dev)
			return -ENODEV;
		dev_put(dev);
		/*
		 * Our devices deliver every frame addressed to us, broadcast
		 * and multicast included; promiscuity has nothing to add.
		 */
		if (mreq.mr_type > PACKET_MR_UNICAST)
			return -EINVAL;
		return 0;
	}
	case PACKET_RX_RING:
	case PACKET_TX_RING: {
		union tpacket_req_u req_u;
		unsigned int len = po->tp_version == TPACKET_V3 ? sizeof(req_u.req3) :
								   sizeof(req_u.req);
		int ret;

		if (optlen < len)
			return -EINVAL;
		memset(&req_u, 0, sizeof(req_u));
		if (copy_from_user(&req_u, optval, len))
			return -EFAULT;
		mutex_lock(&po->pg_vec_lock);
		ret = packet_set_ring(sock->sk, &req_u, false, optname == PACKET_TX_RING);
		mutex_unlock(&po->pg_vec_lock);
		return ret;
	}
	case PACKET_VERSION:
	case PACKET_RESERVE:
	case PACKET_LOSS: {
		int ret = 0;

		if (optlen != sizeof(val))
			return -EINVAL;
		if (copy_from_user(&val, optval, sizeof(val)))
			return -EFAULT;
		if (optname == PACKET_VERSION && (val < TPACKET_V1 || val > TPACKET_V3))
			return -EINVAL;
		if (optname == PACKET_RESERVE && val < 0)
			return -EINVAL;
		/* Each shapes the rings' frames: fixed while one exists. */
		mutex_lock(&po->pg_vec_lock);
		if (po->rx_ring.pg_vec || po->tx_ring.pg_vec)
			ret = -EBUSY;
		else if (optname == PACKET_VERSION)
			po->tp_version = val;
		else if (optname == PACKET_RESERVE)
			po->tp_reserve = val;
		else
			po->tp_loss = !!val;
		mutex_unlock(&po->pg_vec_lock);
		return ret;
	}
	case PACKET_AUXDATA:
	case PACKET_ORIGDEV:
		if (optlen < sizeof(int))
			return -EINVAL;
		if (copy_from_user(&val, optval, sizeof(val)))
			return -EFAULT;
		if (optname == PACKET_AUXDATA)
			po->auxdata = !!val;
		else
			po->origdev = !!val;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

static int packet_getsockopt(struct socket *sock, int level, int optname,
			     char __user *optval, int __user *optlen)
{
	struct packet_sock *po = pkt_sk(sock->sk);
	struct tpacket_stats_v3 st;
	int len, val, lv = sizeof(val);
	void *data = &val;

	if (level == SOL_SOCKET)
		return sock_getsockopt(sock, level, optname, optval, optlen);
	if (level != SOL_PACKET)
		return -ENOPROTOOPT;
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	switch (optname) {
	case PACKET_STATISTICS:
		spin_lock_bh(&po->sk.sk_receive_queue.lock);
		/* Linux counts the drops in tp_packets too, and resets all on read. */
		st.tp_packets = po->tp_packets;
		st.tp_drops = po->tp_drops;
		st.tp_freeze_q_cnt = po->tp_freeze_q_cnt;
		po->tp_packets = po->tp_drops = po->tp_freeze_q_cnt = 0;
		spin_unlock_bh(&po->sk.sk_receive_queue.lock);
		data = &st;
		lv = po->tp_version == TPACKET_V3 ? sizeof(struct tpacket_stats_v3) :
						    sizeof(struct tpacket_stats);
		break;
	case PACKET_AUXDATA:
		val = po->auxdata;
		break;
	case PACKET_ORIGDEV:
		val = po->origdev;
		break;
	case PACKET_VERSION:
		val = po->tp_version;
		break;
	case PACKET_HDRLEN:
		/* The header size of the version the caller names. */
		if (len < (int)sizeof(int))
			return -EINVAL;
		if (copy_from_user(&val, optval, sizeof(val)))
			return -EFAULT;
		switch (val) {
		case TPACKET_V1:
			val = sizeof(struct tpacket_hdr);
			break;
		case TPACKET_V2:
			val = sizeof(struct tpacket2_hdr);
			break;
		case TPACKET_V3:
			val = sizeof(struct tpacket3_hdr);
			break;
		default:
			return -EINVAL;
		}
		break;
	case PACKET_RESERVE:
		val = po->tp_reserve;
		break;
	case PACKET_LOSS:
		val = po->tp_loss;
		break;
	default:
		return -ENOPROTOOPT;
	}
	len = min_t(int, len, lv);
	if (put_user(len, optlen) || copy_to_user(optval, data, len))
		return -EFAULT;
	return 0;
}

static int packet_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	int err = datagram_ioctl(sock->sk, cmd, arg, 0);

	/* Interface configuration works on any socket (ifconfig uses one). */
	return err == -ENOIOCTLCMD ? dev_ioctl(cmd, (void __user *)arg) : err;
}

static const struct proto_ops packet_ops = {
	.family		= PF_PACKET,
	.release	= packet_release,
	.bind		= packet_bind,
	.connect	= sock_no_connect,
	.socketpair	= sock_no_socketpair,
	.accept		= sock_no_accept,
	.getname	= packet_getname,
	.poll		= packet_poll,
	.ioctl		= packet_ioctl,
	.listen		= sock_no_listen,
	.shutdown	= sock_no_shutdown,
	.setsockopt	= packet_setsockopt,
	.getsockopt	= packet_getsockopt,
	.sendmsg	= packet_sendmsg,
	.recvmsg	= packet_recvmsg,
	.mmap		= packet_mmap,
};

static int packet_create(struct socket *sock, int protocol, int kern)
{
	struct packet_sock *po;
	struct sock *sk;

	if (!kern && !capable(CAP_NET_RAW))
		return -EPERM;
	if (sock->type != SOCK_RAW && sock->type != SOCK_DGRAM)
		return -ESOCKTNOSUPPORT;
	if (protocol < 0 || protocol > 0xffff)
		return -EINVAL;
	sk = sk_alloc(PF_PACKET, sizeof(*po));
	if (!sk)
		return -ENOBUFS;
	sock->ops = &packet_ops;
	sock_init_data(sock, sk);
	sk->sk_protocol = protocol;
	po = pkt_sk(sk);
	spin_lock_init(&po->bind_lock);
	mutex_init(&po->pg_vec_lock);
	timer_setup(&po->rx_ring.prb_bdqc.retire_blk_timer, prb_retire_rx_blk_timer_expired, 0);
	po->prot_hook.func = packet_rcv;
	po->prot_hook.af_packet_priv = sk;
	po->num = (__be16)protocol;
	if (protocol) {
		spin_lock_bh(&po->bind_lock);
		register_prot_hook(po);
		spin_unlock_bh(&po->bind_lock);
	}
	return 0;
}

static const struct net_proto_family packet_family_ops = {
	.family	= PF_PACKET,
	.create	= packet_create,
};

static int __init packet_init(void)
{
	return sock_register(&packet_family_ops);
}
fs_initcall(packet_init);
