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
struct proto;
struct sockaddr;
struct msghdr;

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
	TCP_SYN_SENT,
	TCP_SYN_RECV,
	TCP_FIN_WAIT1,
	TCP_FIN_WAIT2,
	TCP_TIME_WAIT,
	TCP_CLOSE,
	TCP_CLOSE_WAIT,
	TCP_LAST_ACK,
	TCP_LISTEN,
	TCP_CLOSING,
	TCP_NEW_SYN_RECV,
	TCP_MAX_STATES
};

/* sk_userlocks */
#define SOCK_SNDBUF_LOCK	1
#define SOCK_RCVBUF_LOCK	2
#define SOCK_BINDADDR_LOCK	4	/* bound to an address: connect keeps it */
#define SOCK_BINDPORT_LOCK	8	/* bound to a port: disconnect keeps it */

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
	unsigned char sk_userlocks;	/* SOCK_*_LOCK: what the user chose itself */
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

	/* The Internet families (net/ipv4): */
	struct proto *sk_prot;		/* the transport's operations */
	struct hlist_node sk_node;	/* in the protocol's lookup table */
	atomic_t sk_rmem_alloc;		/* bytes queued for reading (sk_receive_queue) */
	int sk_err_soft;		/* an ICMP error not fatal to the socket */
	int sk_bound_dev_if;		/* SO_BINDTODEVICE */
	uid_t sk_uid;			/* creator (SO_REUSEPORT groups, /proc/net) */
	unsigned int sk_drops;		/* datagrams dropped: receive buffer full */
	u64 sk_stamp;			/* last packet's arrival (SIOCGSTAMP) */
	struct sk_buff_head sk_write_queue;	/* TCP: sent and unsent data */
	struct sk_buff *sk_send_head;	/* TCP: first unsent buffer in it */
	struct sk_buff_head sk_error_queue;	/* IP_RECVERR reports */
	struct timer_list sk_timer;	/* the protocol's own use */
	void (*sk_data_ready)(struct sock *sk);		/* data queued to read */
	void (*sk_state_change)(struct sock *sk);	/* sk_state changed */
	void (*sk_error_report)(struct sock *sk);	/* sk_err set */
};

/*
 * A transport protocol's side of the Internet families' sockets: what
 * af_inet.c's generic proto_ops (inet_bind, inet_sendmsg, ...) call.
 * obj_size is the size of the protocol's sock (it embeds struct
 * inet_sock, which embeds struct sock, first).
 */
struct proto {
	const char *name;
	void (*close)(struct sock *sk, long timeout);
	int (*pre_connect)(struct sock *sk, struct sockaddr *uaddr, int addr_len);
	int (*connect)(struct sock *sk, struct sockaddr *uaddr, int addr_len);
	int (*disconnect)(struct sock *sk, int flags);
	struct sock *(*accept)(struct sock *sk, int flags, int *err, bool kern);
	int (*ioctl)(struct sock *sk, int cmd, unsigned long arg);
	int (*init)(struct sock *sk);
	void (*destroy)(struct sock *sk);
	void (*shutdown)(struct sock *sk, int how);
	int (*setsockopt)(struct sock *sk, int level, int optname,
			  const void __user *optval, unsigned int optlen);
	int (*getsockopt)(struct sock *sk, int level, int optname,
			  char __user *optval, int __user *optlen);
	int (*sendmsg)(struct sock *sk, struct msghdr *msg, size_t len);
	int (*recvmsg)(struct sock *sk, struct msghdr *msg, size_t len, int flags,
		       int *addr_len);
	int (*bind)(struct sock *sk, struct sockaddr *uaddr, int addr_len);
	int (*get_port)(struct sock *sk, unsigned short snum);	/* 0: pick one */
	int (*hash)(struct sock *sk);
	void (*unhash)(struct sock *sk);
	unsigned int obj_size;
	atomic_t inuse;			/* socks of this protocol (/proc/net/sockstat) */
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

static inline void sk_error_report(struct sock *sk)
{
	sk->sk_error_report(sk);
}

static inline bool sock_rcvbuf_full(const struct sock *sk, const struct sk_buff *skb)
{
	return atomic_read(&sk->sk_rmem_alloc) + skb->truesize > (unsigned int)sk->sk_rcvbuf;
}

/* The local-bh versions of the sock lock (contract: softirq input vs process context). */
static inline void lock_sock(struct sock *sk)
{
	spin_lock_bh(&sk->sk_lock);
}

static inline void release_sock(struct sock *sk)
{
	spin_unlock_bh(&sk->sk_lock);
}

/* net/core/sock.c */
extern int sysctl_rmem_default, sysctl_wmem_default, sysctl_rmem_max, sysctl_wmem_max;
extern int sysctl_somaxconn, sysctl_optmem_max;
void sock_rfree(struct sk_buff *skb);
void skb_set_owner_r(struct sk_buff *skb, struct sock *sk);
int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb);
struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size, int noblock,
				    int *errcode);
void sk_common_release(struct sock *sk);

/* net/core/datagram.c */
struct sk_buff *skb_recv_datagram(struct sock *sk, unsigned int flags, int *err);
__poll_t datagram_poll(struct file *file, struct socket *sock, struct poll_table_struct *wait);
int datagram_ioctl(struct sock *sk, int cmd, unsigned long arg, unsigned int hdrlen);
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
