/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the futex files share (core.c, waitwake.c, requeue.c, pi.c,
 * syscalls.c).  A futex is a key, not a kernel object: the kernel keeps
 * only the queue of tasks waiting on a key, in a hash bucket, and the
 * PI state of a PI futex while it has waiters.
 */
#ifndef _KERNEL_FUTEX_H
#define _KERNEL_FUTEX_H

#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/types.h>

/* futex(2) operations and flags (the ABI) */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_FD		2
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_LOCK_PI		6
#define FUTEX_UNLOCK_PI		7
#define FUTEX_TRYLOCK_PI	8
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_WAIT_REQUEUE_PI	11
#define FUTEX_CMP_REQUEUE_PI	12
#define FUTEX_LOCK_PI2		13
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)
#define FUTEX_BITSET_MATCH_ANY	0xffffffff

/* The futex word of a PI or robust lock: owner TID and two state bits. */
#define FUTEX_WAITERS		0x80000000
#define FUTEX_OWNER_DIED	0x40000000
#define FUTEX_TID_MASK		0x3fffffff

/* WAKE_OP's encoded operation: op (4 bits), cmp (4), oparg (12), cmparg (12). */
#define FUTEX_OP_SET		0
#define FUTEX_OP_ADD		1
#define FUTEX_OP_OR		2
#define FUTEX_OP_ANDN		3
#define FUTEX_OP_XOR		4
#define FUTEX_OP_OPARG_SHIFT	8
#define FUTEX_OP_CMP_EQ		0
#define FUTEX_OP_CMP_NE		1
#define FUTEX_OP_CMP_LT		2
#define FUTEX_OP_CMP_LE		3
#define FUTEX_OP_CMP_GT		4
#define FUTEX_OP_CMP_GE		5

/* Internal flags */
#define FLAGS_SHARED		0x01	/* key by backing object, not by mm */
#define FLAGS_CLOCKRT		0x02	/* absolute time-out on CLOCK_REALTIME */

/*
 * Which futex: a private one is (mm, address); a shared one (memory
 * another process may map) is (backing object, byte offset in it), so
 * every mapping of the same page meets on the same key.
 */
struct futex_key {
	void *object;
	unsigned long offset;
};

static inline bool futex_match(const struct futex_key *a, const struct futex_key *b)
{
	return a->object == b->object && a->offset == b->offset;
}

struct futex_hash_bucket {
	spinlock_t lock;
	struct list_head chain;		/* of futex_q */
};

/*
 * A PI futex with waiters: who owns it (the TID in the word), on the
 * owner's pi_state_list so its exit can pass the lock on.  One reference
 * per queued waiter; freed with the last.  Lock: the bucket's.
 */
struct futex_pi_state {
	struct list_head list;		/* in owner->pi_state_list (owner->pi_lock) */
	struct task_struct *owner;	/* NULL: the owner died, a waiter takes over */
	refcount_t refcount;
	struct futex_key key;
	int top_prio;			/* the best waiter's prio: the owner's boost */
};

/*
 * One waiting task, on its stack, in the bucket of its key.  lock_ptr is
 * the bucket's lock while queued (requeue moves it), NULL once woken:
 * the waiter reads it to know, the waker writes it last.
 */
struct futex_q {
	struct list_head list;
	struct task_struct *task;
	spinlock_t *lock_ptr;
	struct futex_key key;
	u32 bitset;
	struct futex_pi_state *pi_state;	/* a PI waiter */
	struct futex_key *requeue_pi_key;	/* WAIT_REQUEUE_PI: where it may go */
	bool requeued_pi;			/* moved onto the PI futex */
	bool pi_taken;				/* woken owning the PI futex */
};

/* core.c */
int get_futex_key(u32 __user *uaddr, unsigned int flags, struct futex_key *key);
struct futex_hash_bucket *futex_hash(const struct futex_key *key);
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb);
int futex_unqueue(struct futex_q *q);
void futex_wake_mark(struct futex_q *q);
int futex_get_value_locked(u32 *dest, u32 __user *from);
int futex_cmpxchg_value_locked(u32 *curval, u32 __user *uaddr, u32 uval, u32 newval);
int futex_fault_in(u32 __user *uaddr);
void double_lock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2);
void double_unlock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2);
int futex_sleep(struct futex_q *q, u64 deadline);
int futex_wait_result(struct futex_q *q, u64 deadline);

/* waitwake.c */
int futex_wait_setup(u32 __user *uaddr, u32 val, unsigned int flags, struct futex_q *q);
int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, u64 deadline, u32 bitset);
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset);
int futex_wake_op(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_wake2, u32 op);
struct futex_waitv;
int futex_wait_multiple(struct futex_waitv *vs, unsigned int nr, u64 deadline);

/* requeue.c */
int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_requeue, u32 *cmpval, bool requeue_pi);
int futex_wait_requeue_pi(u32 __user *uaddr, unsigned int flags, u32 val,
			  u64 deadline, u32 __user *uaddr2);

/* pi.c */
int futex_lock_pi(u32 __user *uaddr, unsigned int flags, u64 deadline, bool trylock);
int futex_unlock_pi(u32 __user *uaddr, unsigned int flags);
int futex_lock_pi_atomic(u32 __user *uaddr, struct futex_hash_bucket *hb,
			 struct futex_key *key, struct futex_pi_state **ps,
			 struct task_struct *task, struct futex_pi_state **prealloc);
struct futex_pi_state *alloc_pi_state(void);
void put_pi_state(struct futex_pi_state *pi_state);
void futex_pi_update(struct futex_hash_bucket *hb, struct futex_pi_state *ps);
int fixup_pi_owner(u32 __user *uaddr, struct futex_q *q);
void exit_pi_state_list(struct task_struct *tsk);

#endif
