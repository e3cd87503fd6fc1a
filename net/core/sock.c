// SPDX-License-Identifier: GPL-2.0
/*
 * struct sock, the part of a socket every protocol shares (<net/sock.h>):
 * allocation and the last reference, write-memory accounting (a buffer
 * charges its sender until it is freed, and freeing it wakes writers),
 * and the SOL_SOCKET options of setsockopt/getsockopt.  Options of other
 * levels go to the protocol's proto_ops.
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <uapi/linux/capability.h>
#include <linux/cred.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <net/sock.h>
#include <uapi/linux/time_types.h>

#define OVERFLOW_UID	65534	/* what SO_PEERCRED says when no one is there */

/* net.core.{r,w}mem_{default,max}: a new socket's buffers, and what SO_*BUF may ask */
int sysctl_rmem_default = SK_DEFAULT_BUF;
int sysctl_wmem_default = SK_DEFAULT_BUF;
int sysctl_rmem_max = SK_MAX_BUF;
int sysctl_wmem_max = SK_MAX_BUF;
int sysctl_somaxconn = SOMAXCONN;
int sysctl_optmem_max = 20480;

struct sock *sk_alloc(int family, size_t size)
{
	struct sock *sk = kzalloc(size, GFP_KERNEL);

	if (!sk)
		return NULL;
	sk->sk_family = family;
	refcount_set(&sk->sk_refcnt, 1);
	return sk;
}

void sk_free(struct sock *sk)
{
	if (sk->sk_destruct)
		sk->sk_destruct(sk);
	skb_queue_purge(&sk->sk_receive_queue);
	if (sk->sk_write_queue.list.next)
		skb_queue_purge(&sk->sk_write_queue);
	if (sk->sk_error_queue.list.next)
		skb_queue_purge(&sk->sk_error_queue);
	if (sk->sk_peer_cred)
		put_cred(sk->sk_peer_cred);
	kfree(sk);
}

static void sock_def_write_space(struct sock *sk)
{
	wake_up_interruptible_all(sk_sleep(sk));
}

/* The default callbacks: every event wakes whoever sleeps on the sock. */
static void sock_def_wakeup(struct sock *sk)
{
	wake_up_interruptible_all(sk_sleep(sk));
}

/* A new sock's defaults; @sock may be NULL (a connection not yet accepted). */
void sock_init_data(struct socket *sock, struct sock *sk)
{
	skb_queue_head_init(&sk->sk_receive_queue);
	spin_lock_init(&sk->sk_lock);
	init_waitqueue_head(&sk->sk_wq);
	atomic_set(&sk->sk_wmem_alloc, 0);
	sk->sk_sndbuf = READ_ONCE(sysctl_wmem_default);
	sk->sk_rcvbuf = READ_ONCE(sysctl_rmem_default);
	sk->sk_rcvlowat = 1;
	sk->sk_rcvtimeo = MAX_SCHEDULE_TIMEOUT;
	sk->sk_sndtimeo = MAX_SCHEDULE_TIMEOUT;
	sk->sk_state = TCP_CLOSE;
	sk->sk_write_space = sock_def_write_space;
	sk->sk_data_ready = sock_def_wakeup;
	sk->sk_state_change = sock_def_wakeup;
	sk->sk_error_report = sock_def_wakeup;
	skb_queue_head_init(&sk->sk_write_queue);
	skb_queue_head_init(&sk->sk_error_queue);
	atomic_set(&sk->sk_rmem_alloc, 0);
	INIT_HLIST_NODE(&sk->sk_node);
	sk->sk_uid = current_fsuid();
	if (sock) {
		sk->sk_type = sock->type;
		sock->sk = sk;
		sk->sk_socket = sock;
	}
}

/* The socket goes away; the sock may live on while others hold it. */
void sock_orphan(struct sock *sk)
{
	spin_lock(&sk->sk_lock);
	sock_set_flag(sk, SOCK_DEAD);
	sk->sk_socket = NULL;
	spin_unlock(&sk->sk_lock);
}

/* Give an accepted connection's sock to its new socket. */
void sock_graft(struct sock *sk, struct socket *parent)
{
	spin_lock(&sk->sk_lock);
	parent->sk = sk;
	sk->sk_socket = parent;
	spin_unlock(&sk->sk_lock);
}

void sk_wake_all(struct sock *sk)
{
	wake_up_interruptible_all(sk_sleep(sk));
}

/* Destructor of a buffer charged to its sender: give the memory back. */
void sock_wfree(struct sk_buff *skb)
{
	struct sock *sk = skb->sk;

	atomic_sub(skb->truesize, &sk->sk_wmem_alloc);
	sk->sk_write_space(sk);
	sock_put(sk);
}

void skb_set_owner_w(struct sk_buff *skb, struct sock *sk)
{
	sock_hold(sk);
	skb->sk = sk;
	skb->destructor = sock_wfree;
	atomic_add(skb->truesize, &sk->sk_wmem_alloc);
}

/* Destructor of a buffer queued for reading: the reader's charge is lifted. */
void sock_rfree(struct sk_buff *skb)
{
	atomic_sub(skb->truesize, &skb->sk->sk_rmem_alloc);
}

/*
 * Charge a received buffer to the sock that will read it.  No reference
 * is taken: the buffer lives on the sock's queue and is purged with it.
 */
void skb_set_owner_r(struct sk_buff *skb, struct sock *sk)
{
	skb_orphan(skb);
	skb->sk = sk;
	skb->destructor = sock_rfree;
	atomic_add(skb->truesize, &sk->sk_rmem_alloc);
}

/*
 * Queue a datagram for reading, or refuse it (-ENOMEM) when the reader
 * already has its SO_RCVBUF worth waiting: the caller drops and counts it.
 */
int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	if (atomic_read(&sk->sk_rmem_alloc) >= sk->sk_rcvbuf)
		return -ENOMEM;
	skb_set_owner_r(skb, sk);
	skb_dst_drop(skb);
	skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
	return 0;
}

/*
 * A buffer to send from @sk, charged to it; waits (up to SO_SNDTIMEO)
 * while the sock has its SO_SNDBUF in flight.
 */
struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size, int noblock,
				    int *errcode)
{
	long timeo = sock_sndtimeo(sk, noblock);
	struct sk_buff *skb;
	int err;

	for (;;) {
		err = sock_error(sk);
		if (err)
			goto fail;
		err = -EPIPE;
		if (sk->sk_shutdown & SEND_SHUTDOWN)
			goto fail;
		if (atomic_read(&sk->sk_wmem_alloc) < sk->sk_sndbuf)
			break;
		err = -EAGAIN;
		if (!timeo)
			goto fail;
		if (signal_pending(current)) {
			err = sock_intr_errno(timeo);
			goto fail;
		}
		timeo = wait_event_interruptible_timeout(*sk_sleep(sk),
			atomic_read(&sk->sk_wmem_alloc) < sk->sk_sndbuf ||
			READ_ONCE(sk->sk_err) || (sk->sk_shutdown & SEND_SHUTDOWN), timeo);
		if (timeo < 0) {
			err = sock_intr_errno(MAX_SCHEDULE_TIMEOUT);
			goto fail;
		}
		if (!timeo && atomic_read(&sk->sk_wmem_alloc) >= sk->sk_sndbuf) {
			err = -EAGAIN;
			goto fail;
		}
	}
	skb = alloc_skb(size, GFP_KERNEL);
	if (!skb) {
		err = -ENOBUFS;
		goto fail;
	}
	skb_set_owner_w(skb, sk);
	return skb;
fail:
	*errcode = err;
	return NULL;
}

/* A datagram sock's last close: out of the tables, queues emptied, reference dropped. */
void sk_common_release(struct sock *sk)
{
	if (sk->sk_prot && sk->sk_prot->destroy)
		sk->sk_prot->destroy(sk);
	if (sk->sk_prot && sk->sk_prot->unhash)
		sk->sk_prot->unhash(sk);
	sock_orphan(sk);
	skb_queue_purge(&sk->sk_receive_queue);
	sock_put(sk);
}

/* Remember who the peer was (SO_PEERCRED), replacing any earlier answer. */
void sk_set_peer_cred(struct sock *sk, pid_t pid, const struct cred *cred)
{
	const struct cred *old = sk->sk_peer_cred;

	sk->sk_peer_pid = pid;
	sk->sk_peer_cred = cred ? get_cred(cred) : NULL;
	if (old)
		put_cred(old);
}

/* ---------- setsockopt(SOL_SOCKET) ---------- */

/* A struct timeval to jiffies; EDOM for a bad tv_usec, 0 is "forever". */
static int sock_set_timeout(long *timeo, const void __user *optval, unsigned int optlen)
{
	struct __kernel_old_timeval tv;

	if (optlen < sizeof(tv))
		return -EINVAL;
	if (copy_from_user(&tv, optval, sizeof(tv)))
		return -EFAULT;
	if (tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return -EDOM;
	if (tv.tv_sec < 0) {
		*timeo = 0;	/* Linux: a negative time means do not wait */
		return 0;
	}
	if (!tv.tv_sec && !tv.tv_usec) {
		*timeo = MAX_SCHEDULE_TIMEOUT;
		return 0;
	}
	if (tv.tv_sec >= MAX_SCHEDULE_TIMEOUT / HZ - 1) {
		*timeo = MAX_SCHEDULE_TIMEOUT;
		return 0;
	}
	*timeo = tv.tv_sec * HZ + ((unsigned long)tv.tv_usec * HZ + 999999) / 1000000;
	return 0;
}

/* SO_SNDBUF/SO_RCVBUF: Linux doubles the request for its bookkeeping. */
static void sock_set_buf(int *buf, int val, int min_val, bool force)
{
	unsigned int v = val;
	/* the minimum tells which buffer this is */
	int max_val = min_val == SOCK_MIN_SNDBUF ? READ_ONCE(sysctl_wmem_max) :
						   READ_ONCE(sysctl_rmem_max);

	if (!force && v > (unsigned int)max_val)
		v = max_val;
	if (v > INT_MAX / 2)
		v = INT_MAX / 2;
	*buf = max_t(int, v * 2, min_val);
}

static int sock_set_linger(struct sock *sk, const void __user *optval, unsigned int optlen)
{
	struct linger ling;

	if (optlen < sizeof(ling))
		return -EINVAL;
	if (copy_from_user(&ling, optval, sizeof(ling)))
		return -EFAULT;
	sock_valbool_flag(sk, SOCK_LINGER, ling.l_onoff);
	sk->sk_lingertime = ling.l_onoff ? ling.l_linger : 0;
	return 0;
}

static int sock_set_int(struct sock *sk, int optname, int val)
{
	switch (optname) {
	case SO_DEBUG:
		if (val && !capable(CAP_NET_ADMIN))
			return -EACCES;
		sock_valbool_flag(sk, SOCK_DBG, val);
		return 0;
	case SO_REUSEADDR:
		sk->sk_reuse = !!val;
		return 0;
	case SO_REUSEPORT:
		sk->sk_reuseport = !!val;
		return 0;
	case SO_DONTROUTE:
		sock_valbool_flag(sk, SOCK_LOCALROUTE, val);
		return 0;
	case SO_BROADCAST:
		sock_valbool_flag(sk, SOCK_BROADCAST, val);
		return 0;
	case SO_KEEPALIVE:
		sock_valbool_flag(sk, SOCK_KEEPOPEN, val);
		return 0;
	case SO_OOBINLINE:
		sock_valbool_flag(sk, SOCK_URGINLINE, val);
		return 0;
	case SO_PASSCRED:
		sock_valbool_flag(sk, SOCK_PASSCRED, val);
		return 0;
	case SO_PRIORITY:
		if ((val < 0 || val > 6) && !capable(CAP_NET_ADMIN))
			return -EPERM;
		sk->sk_priority = val;
		return 0;
	case SO_SNDBUFFORCE:
	case SO_RCVBUFFORCE:
		if (!capable(CAP_NET_ADMIN))
			return -EPERM;
		if (optname == SO_SNDBUFFORCE)
			sock_set_buf(&sk->sk_sndbuf, max(val, 0), SOCK_MIN_SNDBUF, true);
		else
			sock_set_buf(&sk->sk_rcvbuf, max(val, 0), SOCK_MIN_RCVBUF, true);
		sk->sk_write_space(sk);
		return 0;
	case SO_SNDBUF:
		sock_set_buf(&sk->sk_sndbuf, val, SOCK_MIN_SNDBUF, false);
		sk->sk_write_space(sk);
		return 0;
	case SO_RCVBUF:
		sock_set_buf(&sk->sk_rcvbuf, val, SOCK_MIN_RCVBUF, false);
		return 0;
	case SO_RCVLOWAT:
		sk->sk_rcvlowat = val < 0 ? INT_MAX : (val ? val : 1);
		return 0;
	case SO_SNDLOWAT:
		return -ENOPROTOOPT;
	default:
		return -ENOPROTOOPT;	/* read-only or unknown */
	}
}

int sock_setsockopt(struct socket *sock, int level, int optname,
		    const void __user *optval, unsigned int optlen)
{
	struct sock *sk = sock->sk;
	int val;

	switch (optname) {
	case SO_LINGER:
		return sock_set_linger(sk, optval, optlen);
	case SO_RCVTIMEO_OLD:
		return sock_set_timeout(&sk->sk_rcvtimeo, optval, optlen);
	case SO_SNDTIMEO_OLD:
		return sock_set_timeout(&sk->sk_sndtimeo, optval, optlen);
	}
	if (optlen < sizeof(int))
		return -EINVAL;
	if (get_user(val, (const int __user *)optval))
		return -EFAULT;
	return sock_set_int(sk, optname, val);
}

/* ---------- getsockopt(SOL_SOCKET) ---------- */

union sock_optval {
	int val;
	struct linger ling;
	struct __kernel_old_timeval tm;
	struct ucred cred;
};

static void sock_get_timeout(long timeo, struct __kernel_old_timeval *tv)
{
	if (timeo == MAX_SCHEDULE_TIMEOUT) {
		tv->tv_sec = 0;
		tv->tv_usec = 0;
		return;
	}
	tv->tv_sec = timeo / HZ;
	tv->tv_usec = (timeo % HZ) * (1000000 / HZ);
}

static void sock_get_peercred(struct sock *sk, struct ucred *cred)
{
	spin_lock(&sk->sk_lock);
	cred->pid = pid_global_to_vnr(sk->sk_peer_pid);	/* kept as the first namespace's */
	cred->uid = sk->sk_peer_cred ? sk->sk_peer_cred->euid : OVERFLOW_UID;
	cred->gid = sk->sk_peer_cred ? sk->sk_peer_cred->egid : OVERFLOW_UID;
	spin_unlock(&sk->sk_lock);
}

/* Fill @v for @optname; returns its size or -ENOPROTOOPT. */
static int sock_get_val(struct socket *sock, int optname, union sock_optval *v)
{
	struct sock *sk = sock->sk;

	switch (optname) {
	case SO_DEBUG:		v->val = sock_flag(sk, SOCK_DBG); break;
	case SO_REUSEADDR:	v->val = sk->sk_reuse; break;
	case SO_REUSEPORT:	v->val = sk->sk_reuseport; break;
	case SO_DONTROUTE:	v->val = sock_flag(sk, SOCK_LOCALROUTE); break;
	case SO_BROADCAST:	v->val = sock_flag(sk, SOCK_BROADCAST); break;
	case SO_KEEPALIVE:	v->val = sock_flag(sk, SOCK_KEEPOPEN); break;
	case SO_OOBINLINE:	v->val = sock_flag(sk, SOCK_URGINLINE); break;
	case SO_PASSCRED:	v->val = sock_flag(sk, SOCK_PASSCRED); break;
	case SO_PRIORITY:	v->val = sk->sk_priority; break;
	case SO_SNDBUF:		v->val = sk->sk_sndbuf; break;
	case SO_RCVBUF:		v->val = sk->sk_rcvbuf; break;
	case SO_RCVLOWAT:	v->val = sk->sk_rcvlowat; break;
	case SO_SNDLOWAT:	v->val = 1; break;
	case SO_TYPE:		v->val = sk->sk_type; break;
	case SO_PROTOCOL:	v->val = sk->sk_protocol; break;
	case SO_DOMAIN:		v->val = sk->sk_family; break;
	case SO_ERROR:		v->val = -sock_error(sk); break;
	case SO_ACCEPTCONN:	v->val = sk->sk_state == TCP_LISTEN; break;
	case SO_LINGER:
		v->ling.l_onoff = sock_flag(sk, SOCK_LINGER);
		v->ling.l_linger = sk->sk_lingertime;
		return sizeof(v->ling);
	case SO_RCVTIMEO_OLD:
		sock_get_timeout(sk->sk_rcvtimeo, &v->tm);
		return sizeof(v->tm);
	case SO_SNDTIMEO_OLD:
		sock_get_timeout(sk->sk_sndtimeo, &v->tm);
		return sizeof(v->tm);
	case SO_PEERCRED:
		sock_get_peercred(sk, &v->cred);
		return sizeof(v->cred);
	default:
		return -ENOPROTOOPT;
	}
	return sizeof(int);
}

int sock_getsockopt(struct socket *sock, int level, int optname,
		    char __user *optval, int __user *optlen)
{
	union sock_optval v;
	int len, lv;

	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	memset(&v, 0, sizeof(v));
	lv = sock_get_val(sock, optname, &v);
	if (lv < 0)
		return lv;
	if (len > lv)
		len = lv;
	if (copy_to_user(optval, &v, len))
		return -EFAULT;
	if (put_user(len, optlen))
		return -EFAULT;
	return 0;
}
