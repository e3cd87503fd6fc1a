// SPDX-License-Identifier: GPL-2.0
/*
 * The two halves of every futex: wait (sleep if the word still holds the
 * value I saw) and wake (wake up to N sleepers).  The bitset forms let a
 * waker choose among the waiters of one word (each waiter says which
 * bits it listens to); WAKE_OP changes a second word atomically and
 * wakes its waiters too if the old value passes a test (one system call
 * for "unlock mutex, signal condition"); futex_waitv sleeps on up to 128
 * words at once.
 *
 * Ordering: a waiter reads the word under the bucket lock after queueing
 * its intent; a waker changes the word in user space first, then takes
 * the lock to wake.  Either the waiter sees the new value (-EAGAIN) or
 * it is queued when the waker looks.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <uapi/linux/futex.h>
#include <asm/futex.h>
#include "futex.h"

/*
 * Queue on @uaddr's key if the word still holds @val.  Returns 0 with
 * @q queued (and the bucket unlocked), or -EAGAIN / -EFAULT / -EINVAL.
 */
int futex_wait_setup(u32 __user *uaddr, u32 val, unsigned int flags,
			    struct futex_q *q)
{
	struct futex_hash_bucket *hb;
	u32 uval;
	int ret;

retry:
	ret = get_futex_key(uaddr, flags, &q->key);
	if (ret)
		return ret;
	hb = futex_hash(&q->key);
	spin_lock_irq(&hb->lock);
	ret = futex_get_value_locked(&uval, uaddr);
	if (ret) {
		spin_unlock_irq(&hb->lock);
		if (get_user(uval, uaddr))
			return -EFAULT;
		goto retry;
	}
	if (uval != val) {
		spin_unlock_irq(&hb->lock);
		return -EAGAIN;
	}
	futex_queue(q, hb);
	spin_unlock_irq(&hb->lock);
	return 0;
}

int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, u64 deadline, u32 bitset)
{
	struct futex_q q = { .bitset = bitset };
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = futex_wait_setup(uaddr, val, flags, &q);
	if (ret)
		return ret;
	futex_sleep(&q, deadline);
	return futex_wait_result(&q, deadline);
}

/* Wake up to @nr_wake waiters of @key whose bitset meets @bitset.  hb->lock held. */
static int futex_wake_key(struct futex_hash_bucket *hb, struct futex_key *key,
			  int nr_wake, u32 bitset)
{
	struct futex_q *q, *n;
	int woken = 0;

	list_for_each_entry_safe(q, n, &hb->chain, list) {
		if (!futex_match(&q->key, key))
			continue;
		/* A PI futex is woken by UNLOCK_PI only. */
		if (q->pi_state || q->requeue_pi_key)
			return -EINVAL;
		if (!(q->bitset & bitset))
			continue;
		futex_wake_mark(q);
		/* As Linux: at least one, even for nr_wake 0. */
		if (++woken >= nr_wake)
			break;
	}
	return woken;
}

int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset)
{
	struct futex_hash_bucket *hb;
	struct futex_key key;
	unsigned long irqflags;
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, flags, &key);
	if (ret)
		return ret;
	hb = futex_hash(&key);
	spin_lock_irqsave(&hb->lock, irqflags);
	ret = futex_wake_key(hb, &key, nr_wake, bitset);
	spin_unlock_irqrestore(&hb->lock, irqflags);
	return ret;
}

/* Sign-extend WAKE_OP's 12-bit fields. */
static int sext12(u32 v)
{
	return (int)(v << 20) >> 20;
}

/*
 * WAKE_OP's operation on *@uaddr, atomically: *@oldval gets the value
 * before.  -ENOSYS for an unknown op, -EFAULT if the page is missing.
 * Bucket locks held: no faulting in here.
 */
static int futex_atomic_op_inuser(u32 encoded_op, u32 __user *uaddr, int *oldval)
{
	unsigned int op = (encoded_op >> 28) & 7;
	int oparg = sext12(encoded_op >> 12);
	u32 uval, newval, cur;
	int ret;

	if (encoded_op & (FUTEX_OP_OPARG_SHIFT << 28)) {
		if (oparg < 0 || oparg > 31)
			oparg &= 31;	/* Linux warns once and masks */
		oparg = 1 << oparg;
	}
	ret = futex_get_value_locked(&uval, uaddr);
	for (;;) {
		if (ret)
			return ret;
		switch (op) {
		case FUTEX_OP_SET:
			newval = oparg;
			break;
		case FUTEX_OP_ADD:
			newval = uval + oparg;
			break;
		case FUTEX_OP_OR:
			newval = uval | oparg;
			break;
		case FUTEX_OP_ANDN:
			newval = uval & ~oparg;
			break;
		case FUTEX_OP_XOR:
			newval = uval ^ oparg;
			break;
		default:
			return -ENOSYS;
		}
		ret = futex_cmpxchg_value_locked(&cur, uaddr, uval, newval);
		if (!ret && cur == uval)
			break;
		uval = cur;
	}
	*oldval = uval;
	return 0;
}

/* WAKE_OP's test of the old value: true, false or -ENOSYS. */
static int futex_op_cmp(u32 encoded_op, int oldval)
{
	unsigned int cmp = (encoded_op >> 24) & 15;
	int cmparg = sext12(encoded_op);

	switch (cmp) {
	case FUTEX_OP_CMP_EQ:
		return oldval == cmparg;
	case FUTEX_OP_CMP_NE:
		return oldval != cmparg;
	case FUTEX_OP_CMP_LT:
		return oldval < cmparg;
	case FUTEX_OP_CMP_LE:
		return oldval <= cmparg;
	case FUTEX_OP_CMP_GT:
		return oldval > cmparg;
	case FUTEX_OP_CMP_GE:
		return oldval >= cmparg;
	default:
		return -ENOSYS;
	}
}

int futex_wake_op(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_wake2, u32 op)
{
	struct futex_key key1, key2;
	struct futex_hash_bucket *hb1, *hb2;
	int ret, oldval, cmp, woken;

	ret = get_futex_key(uaddr1, flags, &key1);
	if (ret)
		return ret;
	ret = get_futex_key(uaddr2, flags, &key2);
	if (ret)
		return ret;
	if (((op >> 28) & 7) > FUTEX_OP_XOR || ((op >> 24) & 15) > FUTEX_OP_CMP_GE)
		return -ENOSYS;
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);
retry:
	double_lock_hb(hb1, hb2);
	ret = futex_atomic_op_inuser(op, uaddr2, &oldval);
	if (ret) {
		double_unlock_hb(hb1, hb2);
		if (ret != -EFAULT)
			return ret;
		ret = futex_fault_in(uaddr2);
		if (ret)
			return ret;
		goto retry;
	}
	cmp = futex_op_cmp(op, oldval);
	woken = futex_wake_key(hb1, &key1, nr_wake, FUTEX_BITSET_MATCH_ANY);
	if (woken >= 0 && cmp > 0) {
		int woken2 = futex_wake_key(hb2, &key2, nr_wake2, FUTEX_BITSET_MATCH_ANY);

		woken = woken2 < 0 ? woken2 : woken + woken2;
	}
	double_unlock_hb(hb1, hb2);
	return woken;
}

/* ---- futex_waitv ------------------------------------------------------- */

/*
 * Queue on every futex of @vs; -EAGAIN (all unqueued) if one word no
 * longer holds its value.  Each key's bucket is taken in turn, so a
 * wake on an early one may come while later ones are being queued: the
 * sleep then ends at once.
 */
static int futex_waitv_setup(struct futex_waitv *vs, struct futex_q *qs, unsigned int nr)
{
	unsigned int i, j;
	u32 uval;
	int ret;

retry:
	for (i = 0; i < nr; i++) {
		unsigned int flags = (vs[i].flags & FUTEX2_PRIVATE) ? 0 : FLAGS_SHARED;
		u32 __user *uaddr = u64_to_user_ptr(vs[i].uaddr);
		struct futex_hash_bucket *hb;

		qs[i] = (struct futex_q) { .bitset = FUTEX_BITSET_MATCH_ANY };
		ret = get_futex_key(uaddr, flags, &qs[i].key);
		if (ret)
			goto unqueue;
		hb = futex_hash(&qs[i].key);
		spin_lock_irq(&hb->lock);
		ret = futex_get_value_locked(&uval, uaddr);
		if (!ret && uval == (u32)vs[i].val)
			futex_queue(&qs[i], hb);
		spin_unlock_irq(&hb->lock);
		if (ret) {
			for (j = 0; j < i; j++)
				futex_unqueue(&qs[j]);
			if (get_user(uval, uaddr))
				return -EFAULT;
			goto retry;
		}
		if (uval != (u32)vs[i].val) {
			ret = -EAGAIN;
			goto unqueue;
		}
	}
	return 0;
unqueue:
	for (j = 0; j < i; j++)
		futex_unqueue(&qs[j]);
	return ret;
}

/*
 * Wait on the @nr futexes of @vs until one is woken; returns its index.
 * @deadline: absolute monotonic ns, 0 = none.
 */
int futex_wait_multiple(struct futex_waitv *vs, unsigned int nr, u64 deadline)
{
	struct futex_q *qs = kcalloc(nr, sizeof(*qs), GFP_KERNEL);
	unsigned int i;
	int ret, woken = -1;

	if (!qs)
		return -ENOMEM;
	ret = futex_waitv_setup(vs, qs, nr);
	if (ret)
		goto out;
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		for (i = 0; i < nr && __atomic_load_n(&qs[i].lock_ptr, __ATOMIC_ACQUIRE); i++)
			;
		if (i < nr || signal_pending(current))
			break;
		if (deadline) {
			u64 now = ktime_get_ns();

			if (now >= deadline)
				break;
			schedule_timeout((deadline - now) / TICK_NSEC + 1);
		} else {
			schedule();
		}
	}
	__set_current_state(TASK_RUNNING);
	for (i = 0; i < nr; i++)
		if (!futex_unqueue(&qs[i]) && woken < 0)
			woken = i;
	if (woken >= 0)
		ret = woken;
	else if (deadline && ktime_get_ns() >= deadline)
		ret = -ETIMEDOUT;
	else
		ret = deadline ? -EINTR : -ERESTARTSYS;
out:
	kfree(qs);
	return ret;
}
