/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct sock: a protocol's side of a socket (net/core/sock.c).  The
 * struct socket is what the file layer holds; the sock holds the
 * queues, buffer limits, options and error state every protocol shares,
 * and a protocol embeds it first in its own (struct unix_sock).  A sock
 * is reference counted because it can outlive its socket: a peer, a
 * buffer in flight or a listener's queue may still point at it.
 *
 * Locking: sk_lock (a spinlock, unix_state_lock in AF_UNIX) guards the
 * connection state, sk_shutdown and the protocol's peer pointers;
 * sk_receive_queue.lock guards the queue; sk_refcnt and sk_wmem_alloc
 * are atomic.
 */
#ifndef _NET_SOCK_H
#define _NET_SOCK_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/net.h>
#include <linux/poll.h>
#include <linux/refcount.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/types.h>

struct cred;

/* sk_shutdown */
#define RCV_SHUTDOWN	1
#define SEND_SHUTDOWN	2
#define SHUTDOWN_MASK	3

/* sk_flags bits */
enum sock_flags {
	SOCK_DEAD,		/* its socket is gone */
	SOCK_DONE,		/* a stream's peer hung up */
	SOCK_PASSCRED,		/* SO_PASSCRED: receive SCM_CREDENTIALS */
	SOCK_LINGER,		/* SO_LINGER on */
	SOCK_KEEPOPEN,		/* SO_KEEPALIVE (stored only) */
	SOCK_BROADCAST,
	SOCK_DBG,
	SOCK_URGINLINE,
	SOCK_LOCALROUTE,
};

/* Connection states (the TCP names Linux uses for every family). */
enum {
	TCP_ESTABLISHED = 1,
	TCP_CLOSE = 7,
	TCP_LISTEN = 10,
};

#define SK_DEFAULT_BUF	212992	/* net.core.[rw]mem_default */
#define SK_MAX_BUF	212992	/* net.core.[rw]mem_max */
#define SOCK_MIN_SNDBUF	4608
#define SOCK_MIN_RCVBUF	2304

struct sock {
	unsigned short sk_family;
	unsigned short sk_type;
	int sk_protocol;
	unsigned char sk_state;
	unsigned char sk_shutdown;
	unsigned char sk_reuse;
	unsigned char sk_reuseport;
	int sk_err;			/* a pending error for SO_ERROR / the next call */
	unsigned long sk_flags;
	spinlock_t sk_lock;
	refcount_t sk_refcnt;
	atomic_t sk_wmem_alloc;		/* bytes of our buffers not yet freed */
	int sk_sndbuf, sk_rcvbuf;
	int sk_rcvlowat;
	long sk_rcvtimeo, sk_sndtimeo;	/* jiffies; MAX_SCHEDULE_TIMEOUT: none */
	int sk_lingertime;		/* seconds */
	u32 sk_priority;
	unsigned int sk_ack_backlog, sk_max_ack_backlog;
	struct sk_buff_head sk_receive_queue;
	struct socket *sk_socket;	/* NULL once released */
	wait_queue_head_t sk_wq;	/* sleepers in recv, send, accept, poll */
	/* SO_PEERCRED: who was at the other end when we connected */
	pid_t sk_peer_pid;
	const struct cred *sk_peer_cred;
	void (*sk_destruct)(struct sock *sk);
	void (*sk_write_space)(struct sock *sk);
};

static inline bool sock_flag(const struct sock *sk, enum sock_flags f)
{
	return test_bit(f, &sk->sk_flags);
}

static inline void sock_set_flag(struct sock *sk, enum sock_flags f)
{
	set_bit(f, &sk->sk_flags);
}

static inline void sock_reset_flag(struct sock *sk, enum sock_flags f)
{
	clear_bit(f, &sk->sk_flags);
}

static inline void sock_valbool_flag(struct sock *sk, enum sock_flags f, int val)
{
	if (val)
		sock_set_flag(sk, f);
	else
		sock_reset_flag(sk, f);
}

static inline void sock_hold(struct sock *sk)
{
	refcount_inc(&sk->sk_refcnt);
}

void sk_free(struct sock *sk);

static inline void sock_put(struct sock *sk)
{
	if (refcount_dec_and_test(&sk->sk_refcnt))
		sk_free(sk);
}

/*
 * Where this sock's sleepers wait.  Linux keeps the queue in the socket;
 * here it is in the sock, which lives as long as anyone can sleep on it.
 */
static inline wait_queue_head_t *sk_sleep(struct sock *sk)
{
	return &sk->sk_wq;
}

static inline long sock_rcvtimeo(const struct sock *sk, bool noblock)
{
	return noblock ? 0 : sk->sk_rcvtimeo;
}

static inline long sock_sndtimeo(const struct sock *sk, bool noblock)
{
	return noblock ? 0 : sk->sk_sndtimeo;
}

/* The error for a timed-out or interrupted wait: EAGAIN, EINTR or a restart. */
static inline int sock_intr_errno(long timeo)
{
	return timeo == MAX_SCHEDULE_TIMEOUT ? -ERESTARTSYS : -EINTR;
}

static inline int sock_error(struct sock *sk)
{
	if (!READ_ONCE(sk->sk_err))
		return 0;
	return -__atomic_exchange_n(&sk->sk_err, 0, __ATOMIC_SEQ_CST);
}

static inline bool sock_writeable(const struct sock *sk)
{
	return atomic_read(&sk->sk_wmem_alloc) < (sk->sk_sndbuf >> 1);
}

/* net/core/sock.c */
struct sock *sk_alloc(int family, size_t size);
void sock_init_data(struct socket *sock, struct sock *sk);
void sock_orphan(struct sock *sk);
void sock_graft(struct sock *sk, struct socket *parent);
void sk_wake_all(struct sock *sk);
void sock_wfree(struct sk_buff *skb);
void skb_set_owner_w(struct sk_buff *skb, struct sock *sk);
int sock_setsockopt(struct socket *sock, int level, int optname,
		    const void __user *optval, unsigned int optlen);
int sock_getsockopt(struct socket *sock, int level, int optname,
		    char __user *optval, int __user *optlen);
void sk_set_peer_cred(struct sock *sk, pid_t pid, const struct cred *cred);

#endif
