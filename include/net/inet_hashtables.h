/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How an arriving segment finds its socket, and how bind() finds a port.
 * Three tables, as in Linux: ehash holds connections by their four-tuple
 * (SYN_RECV children and TIME_WAIT included), lhash listeners by local
 * port, bhash every sock that owns a local port (for bind conflicts and
 * choosing an ephemeral port).  One lock guards all three; the receive
 * path holds it only to find the sock and take a reference.
 */
#ifndef _INET_HASHTABLES_H
#define _INET_HASHTABLES_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct sock;

#define INET_EHASH_SIZE	512
#define INET_LHASH_SIZE	64
#define INET_BHASH_SIZE	256

struct inet_hashinfo {
	spinlock_t lock;
	struct hlist_head ehash[INET_EHASH_SIZE];
	struct hlist_head lhash[INET_LHASH_SIZE];
	struct hlist_head bhash[INET_BHASH_SIZE];
	u32 ehash_seed;
};

extern struct inet_hashinfo tcp_hashinfo;

/* net/ipv4/inet_connection_sock.c */
void inet_hashinfo_init(struct inet_hashinfo *h);
u32 inet_ehashfn(__be32 laddr, u16 lport, __be32 faddr, __be16 fport);
void inet_hash(struct sock *sk);
void inet_unhash(struct sock *sk);
struct sock *__inet_lookup(struct inet_hashinfo *h, __be32 saddr, __be16 sport,
			   __be32 daddr, __be16 dport);
bool inet_ehash_unique(struct sock *sk);

#endif
