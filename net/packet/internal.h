/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The AF_PACKET sock and its memory-mapped rings (net/packet/af_packet.c).
 *
 * A ring is a vector of blocks, each tp_block_size bytes of kernel
 * memory that user space maps (the RX ring first, then the TX ring).
 * With TPACKET_V1/V2 a block holds frames of tp_frame_size bytes and
 * ownership passes frame by frame through each frame's tp_status.  With
 * TPACKET_V3 the receive ring passes whole blocks: packets are packed
 * one after another into the open block, which goes to user space when
 * the next packet does not fit or its retire timer fires.
 */
#ifndef _NET_PACKET_INTERNAL_H
#define _NET_PACKET_INTERNAL_H

#include <linux/atomic.h>
#include <linux/if_packet.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/timer.h>
#include <net/sock.h>

/* The V3 receive ring's state: which block is open, how full it is. */
struct tpacket_kbdq_core {
	unsigned int kactive_blk_num;	/* the block being filled */
	unsigned int blk_hdr_priv;	/* descriptor plus private area, 8-aligned */
	unsigned int nxt_offset;	/* where the next packet goes in it */
	unsigned int prev_offset;	/* the last packet put there, 0: none */
	unsigned int max_frame_len;	/* what one packet may take */
	unsigned int retire_blk_tov;	/* ms */
	bool frozen;			/* every block is user space's: dropping */
	bool delete_blk_timer;		/* the ring goes: the timer must not rearm */
	u64 knxt_seq_num;
	struct timer_list retire_blk_timer;
};

struct packet_ring_buffer {
	char **pg_vec;			/* the blocks */
	unsigned int pg_vec_len;	/* how many */
	unsigned int pg_vec_pages;	/* pages in each */
	unsigned int frame_size;
	unsigned int frames_per_block;
	unsigned int frame_max;		/* the last frame's number */
	unsigned int head;		/* the next frame the kernel uses (V1/V2, TX) */
	struct tpacket_kbdq_core prb_bdqc;	/* V3 receive only */
};

struct packet_sock {
	struct sock sk;			/* first: sk_alloc sizes us */
	struct packet_type prot_hook;	/* our receive hook, while running */
	spinlock_t bind_lock;		/* num, ifindex, running */
	__be16 num;			/* bound protocol (ETH_P_*), network order */
	int ifindex;			/* bound interface, 0 for all */
	bool running;			/* hook registered */
	bool auxdata;			/* PACKET_AUXDATA */
	bool origdev;			/* PACKET_ORIGDEV */
	bool tp_loss;			/* PACKET_LOSS: skip bad TX frames */
	/* PACKET_STATISTICS since the last read; under sk_receive_queue.lock */
	unsigned int tp_packets, tp_drops, tp_freeze_q_cnt;
	/* The rings: set up and torn down under pg_vec_lock. */
	struct mutex pg_vec_lock;
	struct packet_ring_buffer rx_ring, tx_ring;
	unsigned int tp_version;	/* TPACKET_V1.. */
	unsigned int tp_hdrlen;		/* the version's header plus sockaddr_ll */
	unsigned int tp_reserve;	/* PACKET_RESERVE: room left before the link header */
	atomic_t mapped;		/* mappings of the rings */
};

static inline struct packet_sock *pkt_sk(struct sock *sk)
{
	return container_of(sk, struct packet_sock, sk);
}

#endif
