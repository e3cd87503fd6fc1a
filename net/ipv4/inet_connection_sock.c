// SPDX-License-Identifier: GPL-2.0
/*
 * The connection-oriented socket machinery TCP is built on: local ports
 * (bind conflicts, SO_REUSEADDR, ephemeral ports), the lookup tables an
 * arriving segment is matched against (<net/inet_hashtables.h>), the
 * listener's SYN and accept queues, and sock-holding timers.
 *
 * Lock order: a sock's sk_lock, then a listener's rskq_lock, then
 * tcp_hashinfo.lock.  The receive path takes the table lock alone, holds
 * the sock it found, and only then locks it.
 */
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>
#include <net/tcp.h>

/* net.ipv4.ip_local_port_range */
#define LOCAL_PORT_LOW	32768
#define LOCAL_PORT_HIGH	60999

struct inet_hashinfo tcp_hashinfo;

void inet_hashinfo_init(struct inet_hashinfo *h)
{
	spin_lock_init(&h->lock);
	h->ehash_seed = get_random_u32();
}

u32 inet_ehashfn(__be32 laddr, u16 lport, __be32 faddr, __be16 fport)
{
	u32 h = laddr ^ tcp_hashinfo.ehash_seed;

	h = (h ^ (h >> 16)) * 0x45d9f3b;
	h ^= faddr + ((u32)lport << 16) + fport;
	h = (h ^ (h >> 16)) * 0x45d9f3b;
	return h ^ (h >> 16);
}

static struct hlist_head *inet_ehash_bucket(struct sock *sk)
{
	struct inet_sock *inet = inet_sk(sk);

	return &tcp_hashinfo.ehash[inet_ehashfn(inet->inet_rcv_saddr, inet->inet_num,
						 inet->inet_daddr, inet->inet_dport) %
				   INET_EHASH_SIZE];
}

static struct hlist_head *inet_lhash_bucket(u16 port)
{
	return &tcp_hashinfo.lhash[port % INET_LHASH_SIZE];
}

static struct hlist_head *inet_bhash_bucket(u16 port)
{
	return &tcp_hashinfo.bhash[port % INET_BHASH_SIZE];
}

/* Put a listener or a connection where arriving segments will find it. */
void inet_hash(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	spin_lock_bh(&tcp_hashinfo.lock);
	if (!icsk->icsk_hashed) {
		hlist_add_head(&icsk->icsk_hash_node,
			       sk->sk_state == TCP_LISTEN ?
			       inet_lhash_bucket(inet_sk(sk)->inet_num) : inet_ehash_bucket(sk));
		icsk->icsk_hashed = true;
	}
	spin_unlock_bh(&tcp_hashinfo.lock);
}

void inet_unhash(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	spin_lock_bh(&tcp_hashinfo.lock);
	if (icsk->icsk_hashed) {
		hlist_del_init(&icsk->icsk_hash_node);
		icsk->icsk_hashed = false;
	}
	spin_unlock_bh(&tcp_hashinfo.lock);
}

/*
 * The sock for a segment from saddr:sport to daddr:dport, held: the
 * connection with that four-tuple, else the best listener on the port (a
 * listener bound to the address beats one bound to INADDR_ANY).
 */
struct sock *__inet_lookup(struct inet_hashinfo *h, __be32 saddr, __be16 sport,
			   __be32 daddr, __be16 dport)
{
	u16 hnum = ntohs(dport);
	struct inet_connection_sock *icsk;
	struct sock *best = NULL;

	spin_lock(&h->lock);
	hlist_for_each_entry(icsk, &h->ehash[inet_ehashfn(daddr, hnum, saddr, sport) %
					     INET_EHASH_SIZE], icsk_hash_node) {
		struct inet_sock *inet = &icsk->icsk_inet;

		if (inet->inet_num == hnum && inet->inet_dport == sport &&
		    inet->inet_daddr == saddr && inet->inet_rcv_saddr == daddr) {
			best = &inet->sk;
			goto found;
		}
	}
	hlist_for_each_entry(icsk, inet_lhash_bucket(hnum), icsk_hash_node) {
		struct inet_sock *inet = &icsk->icsk_inet;

		if (inet->inet_num != hnum)
			continue;
		if (inet->inet_rcv_saddr == daddr) {
			best = &inet->sk;
			break;
		}
		if (!inet->inet_rcv_saddr && !best)
			best = &inet->sk;
	}
found:
	if (best)
		sock_hold(best);
	spin_unlock(&h->lock);
	return best;
}

/* No other connection has this sock's four-tuple (connect's last check). */
bool inet_ehash_unique(struct sock *sk)
{
	struct inet_sock *me = inet_sk(sk);
	struct inet_connection_sock *icsk;
	bool unique = true;

	spin_lock_bh(&tcp_hashinfo.lock);
	hlist_for_each_entry(icsk, inet_ehash_bucket(sk), icsk_hash_node) {
		struct inet_sock *inet = &icsk->icsk_inet;

		if (inet->inet_num == me->inet_num && inet->inet_dport == me->inet_dport &&
		    inet->inet_daddr == me->inet_daddr &&
		    inet->inet_rcv_saddr == me->inet_rcv_saddr)
			unique = false;
	}
	spin_unlock_bh(&tcp_hashinfo.lock);
	return unique;
}

/* ---------- local ports ---------- */

/*
 * Would @sk on port @snum clash with @sk2 already there?  Linux's rule:
 * the addresses must overlap, and SO_REUSEADDR on both lets them share
 * unless the one there is listening (that is what lets a restarted
 * server bind while its old connections sit in TIME_WAIT).
 */
static bool inet_bind_conflict(const struct sock *sk, const struct sock *sk2)
{
	__be32 a = inet_sk(sk)->inet_rcv_saddr, b = inet_sk(sk2)->inet_rcv_saddr;

	if (sk == sk2)
		return false;
	if (a && b && a != b)
		return false;
	if (sk->sk_reuse && sk2->sk_reuse && sk2->sk_state != TCP_LISTEN)
		return false;
	if (sk->sk_reuseport && sk2->sk_reuseport)
		return false;
	return true;
}

static bool inet_port_in_use(struct sock *sk, u16 port, bool any_use)
{
	struct inet_connection_sock *icsk;

	hlist_for_each_entry(icsk, inet_bhash_bucket(port), icsk_bind_node) {
		struct sock *sk2 = &icsk->icsk_inet.sk;

		if (icsk->icsk_inet.inet_num != port)
			continue;
		if (any_use || inet_bind_conflict(sk, sk2))
			return true;
	}
	return false;
}

/* Give @sk port @snum (0: an ephemeral one); the caller holds the table lock. */
static int __inet_csk_get_port(struct sock *sk, u16 snum)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	lockdep_assert_held(&tcp_hashinfo.lock);
	if (!snum) {
		u32 range = LOCAL_PORT_HIGH - LOCAL_PORT_LOW + 1;
		u32 offset = get_random_u32() % range, i;

		for (i = 0; i < range; i++) {
			u16 port = LOCAL_PORT_LOW + (offset + i) % range;

			/* an ephemeral port is never shared */
			if (!inet_port_in_use(sk, port, true)) {
				snum = port;
				break;
			}
		}
		if (!snum)
			return -EADDRINUSE;
	} else if (inet_port_in_use(sk, snum, false)) {
		return -EADDRINUSE;
	}
	inet_sk(sk)->inet_num = snum;
	hlist_add_head(&icsk->icsk_bind_node, inet_bhash_bucket(snum));
	icsk->icsk_bound = true;
	return 0;
}

int inet_csk_bind_port(struct sock *sk, unsigned short snum)
{
	int err;

	spin_lock_bh(&tcp_hashinfo.lock);
	err = __inet_csk_get_port(sk, snum);
	spin_unlock_bh(&tcp_hashinfo.lock);
	return err;
}

/* proto->get_port, from bind(): a port the caller named stays past CLOSE. */
int inet_csk_get_port(struct sock *sk, unsigned short snum)
{
	int err = inet_csk_bind_port(sk, snum);

	if (!err && snum)
		inet_csk(sk)->icsk_port_locked = true;
	return err;
}

void inet_put_port(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	spin_lock_bh(&tcp_hashinfo.lock);
	if (icsk->icsk_bound) {
		hlist_del_init(&icsk->icsk_bind_node);
		icsk->icsk_bound = false;
		inet_sk(sk)->inet_num = 0;
	}
	spin_unlock_bh(&tcp_hashinfo.lock);
}

/* A child shares its listener's port (and blocks a rebind without SO_REUSEADDR). */
static void inet_inherit_port(struct sock *parent, struct sock *child)
{
	struct inet_connection_sock *icsk = inet_csk(child);

	spin_lock(&tcp_hashinfo.lock);
	inet_sk(child)->inet_num = inet_sk(parent)->inet_num;
	hlist_add_head(&icsk->icsk_bind_node, inet_bhash_bucket(inet_sk(child)->inet_num));
	icsk->icsk_bound = true;
	spin_unlock(&tcp_hashinfo.lock);
}

/* ---------- timers that hold their sock ---------- */

void sk_reset_timer(struct sock *sk, struct timer_list *timer, unsigned long expires)
{
	if (!mod_timer(timer, expires))
		sock_hold(sk);
}

void sk_stop_timer(struct sock *sk, struct timer_list *timer)
{
	if (del_timer(timer))
		sock_put(sk);
}

void inet_csk_reset_xmit_timer(struct sock *sk, int what, unsigned long when)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	if (when > TCP_RTO_MAX)
		when = TCP_RTO_MAX;
	icsk->icsk_pending = what;
	icsk->icsk_timeout = jiffies + when;
	sk_reset_timer(sk, &icsk->icsk_retransmit_timer, icsk->icsk_timeout);
}

void inet_csk_clear_xmit_timer(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	icsk->icsk_pending = 0;
	sk_stop_timer(sk, &icsk->icsk_retransmit_timer);
}

/* ---------- listening ---------- */

int inet_csk_listen_start(struct sock *sk, int backlog)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	int err;

	sk->sk_max_ack_backlog = backlog;
	sk->sk_ack_backlog = 0;
	if (!inet_sk(sk)->inet_num) {
		err = inet_csk_bind_port(sk, 0);
		if (err)
			return err;
	} else {
		/* someone bound the port since with SO_REUSEADDR: now it clashes */
		bool clash;

		spin_lock_bh(&tcp_hashinfo.lock);
		hlist_del_init(&icsk->icsk_bind_node);
		icsk->icsk_bound = false;
		clash = inet_port_in_use(sk, inet_sk(sk)->inet_num, false);
		hlist_add_head(&icsk->icsk_bind_node, inet_bhash_bucket(inet_sk(sk)->inet_num));
		icsk->icsk_bound = true;
		spin_unlock_bh(&tcp_hashinfo.lock);
		if (clash)
			return -EADDRINUSE;
	}
	inet_sk(sk)->inet_sport = htons(inet_sk(sk)->inet_num);
	tcp_set_state(sk, TCP_LISTEN);
	inet_hash(sk);
	return 0;
}

/* Put a new child (SYN_RECV) on the listener's SYN queue; it holds the parent. */
void inet_csk_reqsk_queue_add(struct sock *parent, struct sock *child)
{
	struct inet_connection_sock *picsk = inet_csk(parent);
	struct inet_connection_sock *cicsk = inet_csk(child);

	inet_inherit_port(parent, child);
	sock_hold(parent);
	cicsk->icsk_parent = parent;
	spin_lock(&picsk->rskq_lock);
	list_add_tail(&cicsk->icsk_child, &picsk->icsk_syn_queue);
	picsk->icsk_syn_qlen++;
	spin_unlock(&picsk->rskq_lock);
}

/*
 * The handshake completed: move @child to the accept queue.  False when
 * that queue is full, as Linux drops the ACK then (the child stays in
 * SYN_RECV and its SYN-ACK retransmission tries again).
 */
bool inet_csk_reqsk_queue_move(struct sock *parent, struct sock *child)
{
	struct inet_connection_sock *picsk = inet_csk(parent);
	struct inet_connection_sock *cicsk = inet_csk(child);
	bool ok = false;

	spin_lock(&picsk->rskq_lock);
	if (parent->sk_state == TCP_LISTEN && !inet_csk_acceptq_is_full(parent) &&
	    cicsk->icsk_parent == parent) {
		list_move_tail(&cicsk->icsk_child, &picsk->icsk_accept_queue);
		picsk->icsk_syn_qlen--;
		parent->sk_ack_backlog++;
		cicsk->icsk_in_acceptq = true;
		ok = true;
	}
	spin_unlock(&picsk->rskq_lock);
	if (ok)
		sk_wake_all(parent);
	return ok;
}

/*
 * A child died in its handshake: take it off its listener's SYN queue.
 * (An established child stays on the accept queue even when reset:
 * accept() hands it out and the first call sees the error, as in Linux.)
 */
void inet_csk_reqsk_queue_drop(struct sock *child)
{
	struct inet_connection_sock *cicsk = inet_csk(child);
	struct sock *parent = cicsk->icsk_parent;
	struct inet_connection_sock *picsk;

	if (!parent)
		return;
	picsk = inet_csk(parent);
	spin_lock(&picsk->rskq_lock);
	if (cicsk->icsk_parent == parent && !cicsk->icsk_in_acceptq) {
		list_del_init(&cicsk->icsk_child);
		picsk->icsk_syn_qlen--;
		cicsk->icsk_parent = NULL;
	} else {
		parent = NULL;
	}
	spin_unlock(&picsk->rskq_lock);
	if (parent)
		sock_put(parent);
}

/* close() of a listener: every child not yet accepted is reset and freed. */
void inet_csk_listen_stop(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct inet_connection_sock *c, *tmp;
	LIST_HEAD(dead);

	spin_lock_bh(&icsk->rskq_lock);
	list_splice_init(&icsk->icsk_syn_queue, &dead);
	list_splice_tail_init(&icsk->icsk_accept_queue, &dead);
	icsk->icsk_syn_qlen = 0;
	sk->sk_ack_backlog = 0;
	list_for_each_entry(c, &dead, icsk_child) {
		c->icsk_parent = NULL;
		c->icsk_in_acceptq = false;
	}
	spin_unlock_bh(&icsk->rskq_lock);

	list_for_each_entry_safe(c, tmp, &dead, icsk_child) {
		struct sock *child = &c->icsk_inet.sk;

		list_del_init(&c->icsk_child);
		sock_hold(child);	/* past its destruction, to unlock it */
		spin_lock_bh(&child->sk_lock);
		sock_set_flag(child, SOCK_DEAD);
		atomic_inc(&tcp_orphan_count);
		if (child->sk_state != TCP_CLOSE)
			tcp_send_active_reset(child);
		if (child->sk_state == TCP_CLOSE)
			tcp_destroy_sock(child);
		else
			tcp_done(child);
		spin_unlock_bh(&child->sk_lock);
		sock_put(child);
		sock_put(sk);		/* the child's hold on its parent */
	}
}

/* accept(): the oldest established child, waiting for one unless O_NONBLOCK. */
struct sock *inet_csk_accept(struct sock *sk, int flags, int *err)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	long timeo = sock_rcvtimeo(sk, flags & O_NONBLOCK);
	struct inet_connection_sock *c = NULL;
	DEFINE_WAIT(wait);

	for (;;) {
		prepare_to_wait_exclusive(sk_sleep(sk), &wait, TASK_INTERRUPTIBLE);
		spin_lock_bh(&icsk->rskq_lock);
		if (sk->sk_state != TCP_LISTEN) {
			spin_unlock_bh(&icsk->rskq_lock);
			*err = -EINVAL;
			break;
		}
		if (!list_empty(&icsk->icsk_accept_queue)) {
			c = list_first_entry(&icsk->icsk_accept_queue,
					     struct inet_connection_sock, icsk_child);
			list_del_init(&c->icsk_child);
			c->icsk_parent = NULL;
			c->icsk_in_acceptq = false;
			sk->sk_ack_backlog--;
			spin_unlock_bh(&icsk->rskq_lock);
			break;
		}
		spin_unlock_bh(&icsk->rskq_lock);
		if (!timeo) {
			*err = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			*err = sock_intr_errno(timeo);
			break;
		}
		timeo = schedule_timeout(timeo);
	}
	finish_wait(sk_sleep(sk), &wait);
	if (!c)
		return NULL;
	sock_put(sk);			/* the child's hold on its parent */
	return &c->icsk_inet.sk;
}
