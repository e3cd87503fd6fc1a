// SPDX-License-Identifier: GPL-2.0
/*
 * Garbage collection of AF_UNIX sockets passed in SCM_RIGHTS messages.
 *
 * A socket's file can sit in another socket's receive queue (it is "in
 * flight").  If A's file is queued on B and B's file on A and both are
 * closed, each holds the other's last reference and nothing can ever
 * read those queues: reference counting alone never frees them.
 *
 * The collector works on the sockets whose every file reference is in
 * flight (the candidates).  For each candidate it subtracts the
 * references that come from the queues of other candidates; a candidate
 * with references left is held by someone outside the set, and so is
 * everything in its queue, transitively.  What is still unreachable
 * after that is garbage: the buffers in its queues that carry files are
 * taken out and freed, which drops the cycle's references and lets the
 * ordinary release path free the sockets.
 *
 * Locking: unix_gc_lock guards every u->inflight and gc_* field and the
 * list of sockets in flight; queues are walked under their own lock
 * inside it.  The collector runs from unix_release_sock, one at a time.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/net.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/user.h>
#include <linux/spinlock.h>
#include <uapi/linux/capability.h>
#include <uapi/linux/resource.h>
#include <net/af_unix.h>

static LIST_HEAD(gc_inflight_list);
static DEFINE_SPINLOCK(unix_gc_lock);
static bool gc_in_progress;
unsigned int unix_tot_inflight;

/* The AF_UNIX sock behind @filp, or NULL for any other file. */
struct sock *unix_get_socket(struct file *filp)
{
	struct socket *sock = sock_from_file(filp);

	if (sock && sock->sk && sock->ops && sock->ops->family == AF_UNIX)
		return sock->sk;
	return NULL;
}

/* @fp goes into a message from @user: every file counts against the user. */
void unix_inflight(struct user_struct *user, struct file *fp)
{
	struct sock *sk = unix_get_socket(fp);

	spin_lock(&unix_gc_lock);
	if (sk) {
		struct unix_sock *u = unix_sk(sk);

		if (!u->inflight++)
			list_add_tail(&u->gc_link, &gc_inflight_list);
		unix_tot_inflight++;
	}
	user->unix_inflight++;
	spin_unlock(&unix_gc_lock);
}

void unix_notinflight(struct user_struct *user, struct file *fp)
{
	struct sock *sk = unix_get_socket(fp);

	spin_lock(&unix_gc_lock);
	if (sk) {
		struct unix_sock *u = unix_sk(sk);

		if (!--u->inflight)
			list_del_init(&u->gc_link);
		unix_tot_inflight--;
	}
	user->unix_inflight--;
	spin_unlock(&unix_gc_lock);
}

/*
 * Files in flight are not counted by RLIMIT_NOFILE, so a user could pin
 * any number of them in queues nobody reads; Linux caps a user's at the
 * limit, unless privileged.
 */
bool too_many_unix_fds(struct user_struct *user)
{
	if (READ_ONCE(user->unix_inflight) <= rlimit(RLIMIT_NOFILE))
		return false;
	return !capable(CAP_SYS_RESOURCE) && !capable(CAP_SYS_ADMIN);
}

/* Call @fn on each candidate whose file sits in a buffer of @sk's queue. */
static void scan_queue(struct sock *sk, void (*fn)(struct unix_sock *, struct list_head *),
		       struct list_head *work)
{
	struct sk_buff *skb;
	int i;

	spin_lock(&sk->sk_receive_queue.lock);
	for (skb = skb_peek(&sk->sk_receive_queue); skb;
	     skb = skb_peek_next(skb, &sk->sk_receive_queue)) {
		struct scm_fp_list *fp = sk->sk_state == TCP_LISTEN ? NULL : UNIXCB(skb).fp;

		for (i = 0; fp && i < fp->count; i++) {
			struct sock *child = unix_get_socket(fp->fp[i]);

			if (child && unix_sk(child)->gc_candidate)
				fn(unix_sk(child), work);
		}
	}
	spin_unlock(&sk->sk_receive_queue.lock);
}

/* A listener's children are the embryos' queues as well as its own. */
static void scan_children(struct sock *sk, void (*fn)(struct unix_sock *, struct list_head *),
			  struct list_head *work)
{
	struct sk_buff *skb;

	if (sk->sk_state != TCP_LISTEN) {
		scan_queue(sk, fn, work);
		return;
	}
	spin_lock(&sk->sk_receive_queue.lock);
	for (skb = skb_peek(&sk->sk_receive_queue); skb;
	     skb = skb_peek_next(skb, &sk->sk_receive_queue))
		scan_queue(skb->sk, fn, work);
	spin_unlock(&sk->sk_receive_queue.lock);
}

static void dec_gc_refs(struct unix_sock *u, struct list_head *work)
{
	u->gc_refs--;
}

/* Reachable after all: no longer a candidate; its own children follow. */
static void mark_reachable(struct unix_sock *u, struct list_head *work)
{
	u->gc_candidate = false;
	list_move_tail(&u->gc_link, work);
}

/* Move every buffer carrying files out of @sk's queues onto @hitlist. */
static void collect_skbs(struct sock *sk, struct list_head *hitlist)
{
	struct sk_buff *skb, *next;

	spin_lock(&sk->sk_receive_queue.lock);
	list_for_each_entry_safe(skb, next, &sk->sk_receive_queue.list, list) {
		if (sk->sk_state == TCP_LISTEN) {
			collect_skbs(skb->sk, hitlist);
			continue;
		}
		if (UNIXCB(skb).fp) {
			skb_unlink(skb, &sk->sk_receive_queue);
			list_add_tail(&skb->list, hitlist);
		}
	}
	spin_unlock(&sk->sk_receive_queue.lock);
}

void unix_gc(void)
{
	struct unix_sock *u, *next;
	struct sk_buff *skb, *nskb;
	LIST_HEAD(candidates);
	LIST_HEAD(reachable);
	LIST_HEAD(hitlist);

	spin_lock(&unix_gc_lock);
	if (gc_in_progress) {
		spin_unlock(&unix_gc_lock);
		return;		/* freeing the garbage closes sockets, which call us */
	}
	gc_in_progress = true;

	/* Candidates: sockets reachable only through buffers in flight. */
	list_for_each_entry_safe(u, next, &gc_inflight_list, gc_link) {
		struct file *file = u->sk.sk_socket ? u->sk.sk_socket->file : NULL;

		if (file && atomic_long_read(&file->f_count) == (long)u->inflight) {
			u->gc_candidate = true;
			u->gc_refs = u->inflight;
			list_move_tail(&u->gc_link, &candidates);
		}
	}
	list_for_each_entry(u, &candidates, gc_link)
		scan_children(&u->sk, dec_gc_refs, NULL);

	/* Held from outside the set: reachable, with all it holds. */
	list_for_each_entry_safe(u, next, &candidates, gc_link)
		if (u->gc_refs > 0)
			mark_reachable(u, &reachable);
	list_for_each_entry(u, &reachable, gc_link)
		scan_children(&u->sk, mark_reachable, &reachable);

	/* What is left is garbage. */
	list_for_each_entry(u, &candidates, gc_link)
		collect_skbs(&u->sk, &hitlist);
	list_for_each_entry(u, &candidates, gc_link)
		u->gc_candidate = false;
	list_splice_init(&candidates, &gc_inflight_list);
	list_splice_init(&reachable, &gc_inflight_list);
	spin_unlock(&unix_gc_lock);

	list_for_each_entry_safe(skb, nskb, &hitlist, list) {
		list_del_init(&skb->list);
		kfree_skb(skb);
	}
	spin_lock(&unix_gc_lock);
	gc_in_progress = false;
	spin_unlock(&unix_gc_lock);
}
