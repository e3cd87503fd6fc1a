// SPDX-License-Identifier: GPL-2.0
/*
 * Priority-inheritance futexes (FUTEX_LOCK_PI, UNLOCK_PI, TRYLOCK_PI):
 * locks whose word holds the owner's TID, so the kernel knows who owns
 * one.  Uncontended, user space takes the lock with cmpxchg(0 -> TID)
 * and drops it with cmpxchg(TID -> 0).  A loser calls LOCK_PI: the
 * kernel sets FUTEX_WAITERS in the word (so the owner's unlock comes to
 * the kernel), records the owner in a futex_pi_state and queues the
 * loser.  UNLOCK_PI hands the lock straight to the most important waiter
 * (the word gets its TID): no thundering herd, no lock stealing.
 *
 * If the owner dies, the waiters are not left hanging: the robust list
 * walk marks the word FUTEX_OWNER_DIED, and exit_pi_state_list wakes the
 * top waiter, which takes the lock over with that bit kept (EOWNERDEAD
 * for the robust mutex in user space).
 *
 * Priority inheritance: while a PI futex has waiters, its owner runs at
 * the priority of the most important one (rt_mutex_setprio), so a
 * low-priority owner preempted by a medium-priority task cannot keep a
 * high-priority waiter waiting indefinitely.  One level only: an owner
 * that itself waits on another PI futex does not pass its boost on
 * (Linux walks the whole chain).
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include "futex.h"

struct futex_pi_state *alloc_pi_state(void)
{
	struct futex_pi_state *ps = kzalloc(sizeof(*ps), GFP_KERNEL);

	if (ps)
		INIT_LIST_HEAD(&ps->list);
	return ps;
}

/*
 * Run @owner at the best priority among the waiters of every PI futex
 * it owns, or at its own.  Bucket lock held (the one that changed).
 */
static void pi_adjust_owner(struct task_struct *owner)
{
	struct futex_pi_state *ps;
	int prio = owner->normal_prio;

	spin_lock(&owner->pi_lock);
	list_for_each_entry(ps, &owner->pi_state_list, list)
		prio = min(prio, ps->top_prio);
	spin_unlock(&owner->pi_lock);
	rt_mutex_setprio(owner, prio);
}

/* The best (lowest) prio among @ps's queued waiters; MAX_PRIO if none. */
static int pi_waiters_prio(struct futex_hash_bucket *hb, struct futex_pi_state *ps)
{
	struct futex_q *q;
	int prio = MAX_PRIO;

	list_for_each_entry(q, &hb->chain, list)
		if (q->pi_state == ps)
			prio = min(prio, q->task->prio);
	return prio;
}

/* Waiters of @ps came or went: its owner's boost follows.  Bucket lock held. */
void futex_pi_update(struct futex_hash_bucket *hb, struct futex_pi_state *ps)
{
	ps->top_prio = pi_waiters_prio(hb, ps);
	if (ps->owner)
		pi_adjust_owner(ps->owner);
}

static void pi_state_set_owner(struct futex_pi_state *ps, struct task_struct *owner)
{
	struct task_struct *old = ps->owner;

	if (old) {
		spin_lock(&old->pi_lock);
		list_del_init(&ps->list);
		spin_unlock(&old->pi_lock);
		pi_adjust_owner(old);		/* its boost from @ps ends */
		put_task_struct(old);
	}
	ps->owner = owner;
	if (owner) {
		get_task_struct(owner);
		spin_lock(&owner->pi_lock);
		list_add_tail(&ps->list, &owner->pi_state_list);
		spin_unlock(&owner->pi_lock);
		pi_adjust_owner(owner);
	}
}

/* Drop a waiter's reference; the last one frees the state.  Bucket lock held. */
void put_pi_state(struct futex_pi_state *ps)
{
	if (!refcount_dec_and_test(&ps->refcount))
		return;
	pi_state_set_owner(ps, NULL);
	kfree(ps);
}

/* The state of the PI futex @key, if it has waiters.  Bucket lock held. */
static struct futex_pi_state *find_pi_state(struct futex_hash_bucket *hb,
					    struct futex_key *key)
{
	struct futex_q *q;

	list_for_each_entry(q, &hb->chain, list)
		if (futex_match(&q->key, key) && q->pi_state)
			return q->pi_state;
	return NULL;
}

/*
 * The waiter UNLOCK_PI hands the lock to: the most important (lowest
 * prio value), first come among equals.  *@more: others wait besides.
 */
static struct futex_q *pi_top_waiter(struct futex_hash_bucket *hb, struct futex_key *key,
				     bool *more)
{
	struct futex_q *q, *top = NULL;
	int n = 0;

	list_for_each_entry(q, &hb->chain, list) {
		if (!futex_match(&q->key, key) || !q->pi_state)
			continue;
		n++;
		if (!top || q->task->prio < top->task->prio)
			top = q;
	}
	if (more)
		*more = n > 1;
	return top;
}

/* The live task with TID @tid, referenced; NULL if none. */
static struct task_struct *get_owner_task(pid_t tid)
{
	struct task_struct *p;

	spin_lock(&tasklist_lock);
	p = find_task_by_vpid(tid);
	if (p && p->exit_state)
		p = NULL;
	if (p)
		get_task_struct(p);
	spin_unlock(&tasklist_lock);
	return p;
}

/*
 * Try to take the PI futex at @uaddr for @task (current, or the waiter a
 * requeue acts for).  Returns 1 if taken; 0 if owned: FUTEX_WAITERS is
 * set in the word and *@ps holds a reference to its state (made from
 * *@prealloc if none); or -EDEADLK (owned by @task), -ESRCH (the TID in
 * the word is no live task), -EFAULT (fault in and retry), -EAGAIN
 * (the word changed, retry), -EBUSY (the owner is exiting, wait and
 * retry).  Bucket lock held.
 */
int futex_lock_pi_atomic(u32 __user *uaddr, struct futex_hash_bucket *hb,
			 struct futex_key *key, struct futex_pi_state **ps,
			 struct task_struct *task, struct futex_pi_state **prealloc)
{
	u32 uval, newval, curval, vpid = task_pid_vnr(task);
	struct futex_pi_state *existing = find_pi_state(hb, key);
	struct task_struct *owner;
	int ret;

	ret = futex_get_value_locked(&uval, uaddr);
	if (ret)
		return ret;
	if ((uval & FUTEX_TID_MASK) == vpid)
		return -EDEADLK;
	/* Free (perhaps with FUTEX_OWNER_DIED, which the taker must see). */
	if (!(uval & FUTEX_TID_MASK) && !existing) {
		newval = vpid | (uval & FUTEX_OWNER_DIED);
		ret = futex_cmpxchg_value_locked(&curval, uaddr, uval, newval);
		if (ret)
			return ret;
		return curval == uval ? 1 : -EAGAIN;
	}
	if (!ps) {		/* a trylock stops here, having checked the owner */
		owner = existing ? NULL : get_owner_task(uval & FUTEX_TID_MASK);
		if (!existing && !owner)
			return -ESRCH;
		if (owner)
			put_task_struct(owner);
		return -EAGAIN;
	}
	if (!(uval & FUTEX_WAITERS)) {
		ret = futex_cmpxchg_value_locked(&curval, uaddr, uval, uval | FUTEX_WAITERS);
		if (ret)
			return ret;
		if (curval != uval)
			return -EAGAIN;
	}
	if (existing) {
		refcount_inc(&existing->refcount);
		*ps = existing;
		return 0;
	}
	owner = get_owner_task(uval & FUTEX_TID_MASK);
	if (!owner)
		return -ESRCH;
	/* Past exit_pi_state_list nobody would hand the lock on. */
	if (owner->flags & PF_EXITING) {
		put_task_struct(owner);
		return -EBUSY;
	}
	*ps = *prealloc;
	*prealloc = NULL;
	refcount_set(&(*ps)->refcount, 1);
	(*ps)->key = *key;
	(*ps)->top_prio = MAX_PRIO;
	pi_state_set_owner(*ps, owner);
	put_task_struct(owner);
	return 0;
}

/*
 * Woken because the owner died (not handed the lock): take it over.  The
 * word gets our TID, FUTEX_OWNER_DIED kept, FUTEX_WAITERS if others
 * still wait; their state is ours now.
 */
int fixup_pi_owner(u32 __user *uaddr, struct futex_q *q)
{
	struct futex_hash_bucket *hb = futex_hash(&q->key);
	u32 uval, newval, curval, vpid = task_pid_vnr(current);
	struct futex_pi_state *ps;
	int ret;

retry:
	spin_lock_irq(&hb->lock);
	ps = find_pi_state(hb, &q->key);
	ret = futex_get_value_locked(&uval, uaddr);
	if (!ret) {
		newval = vpid | (uval & FUTEX_OWNER_DIED) | (ps ? FUTEX_WAITERS : 0);
		ret = futex_cmpxchg_value_locked(&curval, uaddr, uval, newval);
	}
	if (ret) {
		spin_unlock_irq(&hb->lock);
		if (futex_fault_in(uaddr))
			return -EFAULT;
		goto retry;
	}
	if (curval != uval) {
		spin_unlock_irq(&hb->lock);
		goto retry;
	}
	if (ps && ps->owner != current) {
		ps->top_prio = pi_waiters_prio(hb, ps);
		pi_state_set_owner(ps, current);
	}
	spin_unlock_irq(&hb->lock);
	return 0;
}

int futex_lock_pi(u32 __user *uaddr, unsigned int flags, u64 deadline, bool trylock)
{
	struct futex_pi_state *prealloc = alloc_pi_state();
	struct futex_q q = { .bitset = FUTEX_BITSET_MATCH_ANY };
	struct futex_hash_bucket *hb;
	int ret;

	if (!prealloc)
		return -ENOMEM;
	ret = get_futex_key(uaddr, flags, &q.key);
	if (ret)
		goto out;
retry:
	hb = futex_hash(&q.key);
	spin_lock_irq(&hb->lock);
	ret = futex_lock_pi_atomic(uaddr, hb, &q.key, trylock ? NULL : &q.pi_state,
				   current, &prealloc);
	if (ret) {
		spin_unlock_irq(&hb->lock);
		switch (ret) {
		case 1:
			ret = 0;
			goto out;
		case -EFAULT:
			if (futex_fault_in(uaddr))
				goto out;
			goto retry;
		case -EAGAIN:
			if (trylock)
				goto out;
			goto retry;
		case -EBUSY:
			schedule_timeout_uninterruptible(1);
			goto retry;
		default:
			goto out;
		}
	}
	futex_queue(&q, hb);
	futex_pi_update(hb, q.pi_state);	/* boost the owner to us */
	spin_unlock_irq(&hb->lock);
	futex_sleep(&q, deadline);
	if (!futex_unqueue(&q)) {
		/* Handed the lock by UNLOCK_PI, or its owner died. */
		ret = q.pi_taken ? 0 : fixup_pi_owner(uaddr, &q);
	} else if (deadline && ktime_get_ns() >= deadline) {
		ret = -ETIMEDOUT;
	} else {
		ret = -ERESTARTNOINTR;	/* the time-out is absolute: a restart is exact */
	}
out:
	kfree(prealloc);
	return ret;
}

/*
 * Release a PI futex we own (its word has FUTEX_WAITERS, so user space
 * could not): to the top waiter if there is one, else to nobody.
 */
int futex_unlock_pi(u32 __user *uaddr, unsigned int flags)
{
	u32 uval, newval, curval, vpid = task_pid_vnr(current);
	struct futex_hash_bucket *hb;
	struct futex_pi_state *ps;
	struct futex_key key;
	struct futex_q *top;
	bool more = false;
	int ret;

	ret = get_futex_key(uaddr, flags, &key);
	if (ret)
		return ret;
	hb = futex_hash(&key);
retry:
	if (get_user(uval, uaddr))
		return -EFAULT;
	if ((uval & FUTEX_TID_MASK) != vpid)
		return -EPERM;
	spin_lock_irq(&hb->lock);
	top = pi_top_waiter(hb, &key, &more);
	newval = top ? (task_pid_vnr(top->task) | (more ? FUTEX_WAITERS : 0)) : 0;
	ret = futex_cmpxchg_value_locked(&curval, uaddr, uval, newval);
	if (ret) {
		spin_unlock_irq(&hb->lock);
		if (futex_fault_in(uaddr))
			return -EFAULT;
		goto retry;
	}
	if (curval != uval) {
		spin_unlock_irq(&hb->lock);
		goto retry;
	}
	if (top) {
		/* Off the queue first: the new owner's boost is from the others. */
		ps = top->pi_state;
		list_del_init(&top->list);
		top->pi_state = NULL;
		ps->top_prio = pi_waiters_prio(hb, ps);
		pi_state_set_owner(ps, top->task);
		top->pi_taken = true;
		put_pi_state(ps);
		futex_wake_mark(top);
	}
	spin_unlock_irq(&hb->lock);
	return 0;
}

/*
 * @tsk is exiting with PI futexes that have waiters: the top waiter of
 * each is woken to take over (fixup_pi_owner), in its own address space.
 */
void exit_pi_state_list(struct task_struct *tsk)
{
	struct futex_pi_state *ps;
	struct futex_hash_bucket *hb;
	struct futex_key key;
	struct futex_q *top;

	for (;;) {
		spin_lock_irq(&tsk->pi_lock);
		if (list_empty(&tsk->pi_state_list)) {
			spin_unlock_irq(&tsk->pi_lock);
			return;
		}
		key = list_first_entry(&tsk->pi_state_list, struct futex_pi_state, list)->key;
		spin_unlock_irq(&tsk->pi_lock);

		/* Bucket first, then pi_lock; the state may have gone meanwhile. */
		hb = futex_hash(&key);
		spin_lock_irq(&hb->lock);
		spin_lock(&tsk->pi_lock);
		ps = list_empty(&tsk->pi_state_list) ? NULL :
		     list_first_entry(&tsk->pi_state_list, struct futex_pi_state, list);
		spin_unlock(&tsk->pi_lock);
		if (ps && futex_match(&ps->key, &key)) {
			pi_state_set_owner(ps, NULL);
			top = pi_top_waiter(hb, &key, NULL);
			if (top) {
				top->pi_state = NULL;
				top->pi_taken = false;
				put_pi_state(ps);
				futex_wake_mark(top);
			}
		}
		spin_unlock_irq(&hb->lock);
	}
}
