// SPDX-License-Identifier: GPL-2.0
/*
 * Requeueing: wake some waiters of one futex and move the rest, without
 * waking them, onto another.  A condition variable's broadcast wakes one
 * waiter and moves the others onto the mutex, instead of waking them all
 * to fight for it (the thundering herd).  CMP_REQUEUE first checks that
 * the first word still holds the expected value (-EAGAIN if not), which
 * closes the race with a new waiter.
 *
 * The PI variant (WAIT_REQUEUE_PI on a plain futex, CMP_REQUEUE_PI to a
 * PI futex) moves waiters onto a PI lock: the first is given the lock
 * at once if it is free, the others queue as its PI waiters.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include "futex.h"

/* The first waiter on @key, in queue order.  Bucket lock held. */
static struct futex_q *futex_top_waiter(struct futex_hash_bucket *hb, struct futex_key *key)
{
	struct futex_q *q;

	list_for_each_entry(q, &hb->chain, list)
		if (futex_match(&q->key, key))
			return q;
	return NULL;
}

/* Move @q from @hb1 to @key2's bucket @hb2.  Both locks held. */
static void requeue_futex(struct futex_q *q, struct futex_hash_bucket *hb2,
			  struct futex_key *key2)
{
	list_del(&q->list);
	q->key = *key2;
	list_add_tail(&q->list, &hb2->chain);
	__atomic_store_n(&q->lock_ptr, &hb2->lock, __ATOMIC_RELEASE);
}

/*
 * CMP_REQUEUE_PI: take the PI futex for the top waiter of @key1 if it
 * is free (1: it is woken owning it), or make it ready to queue there
 * (0, *@ps set).  Errors as futex_lock_pi_atomic, -EINVAL if the waiter
 * did not ask for this PI futex.  Both bucket locks held.
 */
static int requeue_pi_top(u32 __user *uaddr2, struct futex_hash_bucket *hb1,
			  struct futex_key *key1, struct futex_hash_bucket *hb2,
			  struct futex_key *key2, struct futex_pi_state **ps,
			  struct futex_pi_state **prealloc)
{
	struct futex_q *top = futex_top_waiter(hb1, key1);
	int ret;

	if (!top)
		return 0;
	if (!top->requeue_pi_key || !futex_match(top->requeue_pi_key, key2))
		return -EINVAL;
	ret = futex_lock_pi_atomic(uaddr2, hb2, key2, ps, top->task, prealloc);
	if (ret == 1) {
		top->key = *key2;
		top->pi_taken = true;
		futex_wake_mark(top);
	}
	return ret;
}

int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_requeue, u32 *cmpval, bool requeue_pi)
{
	struct futex_pi_state *prealloc = NULL, *ps = NULL;
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_key key1, key2;
	struct futex_q *q, *n;
	int ret, woken = 0, requeued = 0;
	u32 curval;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	if (requeue_pi) {
		/* One waiter can be given the lock; the rest must queue on it. */
		if (nr_wake != 1 || uaddr1 == uaddr2)
			return -EINVAL;
		prealloc = alloc_pi_state();
		if (!prealloc)
			return -ENOMEM;
	}
	ret = get_futex_key(uaddr1, flags, &key1);
	if (ret)
		goto out;
	ret = get_futex_key(uaddr2, flags, &key2);
	if (ret)
		goto out;
	ret = -EINVAL;
	if (requeue_pi && futex_match(&key1, &key2))
		goto out;
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);
retry:
	double_lock_hb(hb1, hb2);
	if (cmpval) {
		ret = futex_get_value_locked(&curval, uaddr1);
		if (ret) {
			double_unlock_hb(hb1, hb2);
			if (get_user(curval, uaddr1))
				goto out;
			goto retry;
		}
		if (curval != *cmpval) {
			ret = -EAGAIN;
			goto out_unlock;
		}
	}
	if (requeue_pi) {
		ret = requeue_pi_top(uaddr2, hb1, &key1, hb2, &key2, &ps, &prealloc);
		if (ret == 1) {
			woken = 1;
		} else if (ret < 0) {
			double_unlock_hb(hb1, hb2);
			if (ret == -EFAULT && !futex_fault_in(uaddr2))
				goto retry;
			if (ret == -EAGAIN)
				goto retry;
			if (ret == -EBUSY) {
				schedule_timeout_uninterruptible(1);
				goto retry;
			}
			goto out;
		}
	}
	ret = 0;
	list_for_each_entry_safe(q, n, &hb1->chain, list) {
		if (!futex_match(&q->key, &key1))
			continue;
		if (!!q->requeue_pi_key != requeue_pi || q->pi_state ||
		    (requeue_pi && !futex_match(q->requeue_pi_key, &key2))) {
			ret = -EINVAL;
			break;
		}
		if (!requeue_pi && woken < nr_wake) {
			futex_wake_mark(q);
			woken++;
			continue;
		}
		if (requeued >= nr_requeue)
			break;
		if (requeue_pi && !ps) {
			/* The top waiter was given the lock: the rest wait on it. */
			int r = futex_lock_pi_atomic(uaddr2, hb2, &key2, &ps, q->task, &prealloc);

			if (r == 1) {
				q->key = key2;
				q->pi_taken = true;
				futex_wake_mark(q);
				woken++;
				continue;
			}
			if (r) {
				if (r < 0 && !woken && !requeued)
					ret = r;
				break;
			}
		}
		if (requeue_pi) {
			refcount_inc(&ps->refcount);
			q->pi_state = ps;
			q->requeued_pi = true;
		}
		requeue_futex(q, hb2, &key2);
		requeued++;
	}
	/* The requeued waiters boost the PI futex's owner. */
	if (ps)
		futex_pi_update(hb2, ps);
	/* lock_pi_atomic's reference was for a waiter that did not come. */
	if (ps)
		put_pi_state(ps);
	if (!ret)
		ret = woken + requeued;
out_unlock:
	double_unlock_hb(hb1, hb2);
out:
	kfree(prealloc);
	return ret;
}

/*
 * Wait on the plain futex @uaddr (a condition variable) to be requeued
 * onto the PI futex @uaddr2 (its mutex) by CMP_REQUEUE_PI: returns 0
 * owning @uaddr2.
 */
int futex_wait_requeue_pi(u32 __user *uaddr, unsigned int flags, u32 val,
			  u64 deadline, u32 __user *uaddr2)
{
	struct futex_q q = { .bitset = FUTEX_BITSET_MATCH_ANY };
	struct futex_key key2;
	int ret;

	if (uaddr == uaddr2)
		return -EINVAL;
	ret = get_futex_key(uaddr2, flags, &key2);
	if (ret)
		return ret;
	q.requeue_pi_key = &key2;
	ret = futex_wait_setup(uaddr, val, flags, &q);
	if (ret)
		return ret;
	if (futex_match(&q.key, &key2)) {
		futex_unqueue(&q);
		return -EINVAL;
	}
	futex_sleep(&q, deadline);
	if (!futex_unqueue(&q)) {
		if (q.pi_taken)
			return 0;
		/* On the PI futex when its owner died: take it over. */
		return q.requeued_pi ? fixup_pi_owner(uaddr2, &q) : -EAGAIN;
	}
	if (deadline && ktime_get_ns() >= deadline)
		return -ETIMEDOUT;
	/* Not restartable once moved: the caller re-checks its condition. */
	return q.requeued_pi ? -EAGAIN : -ERESTARTNOINTR;
}
