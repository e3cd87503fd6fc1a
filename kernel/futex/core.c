// SPDX-License-Identifier: GPL-2.0
/*
 * Futexes, as the seed's "How does the kernel implement futexes?" draws
 * them: user space does the uncontended work with atomic instructions on
 * a 32-bit word; the kernel only queues the losers.  FUTEX_WAIT hashes
 * the word's key to a bucket, takes the bucket lock, re-reads the word
 * and sleeps only if it still holds the expected value (otherwise
 * -EAGAIN: try again in user space); FUTEX_WAKE wakes up to N waiters
 * queued on that key.  Checking under the bucket lock is what makes a
 * wake between the user's check and the kernel's queueing impossible to
 * lose.
 *
 * The files: core.c (this one) keys, buckets, queueing, the atomic user
 * accesses, and what happens at thread exit (robust lists);
 * waitwake.c the wait, wake, WAKE_OP and futex_waitv; requeue.c moving
 * waiters from one futex to another (condition variables); pi.c the
 * priority-inheritance locks, whose word holds the owner's TID;
 * syscalls.c the system calls.
 */
#include <linux/kernel.h>
#include <linux/futex.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/fs.h>
#include <linux/sched/task.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <linux/mmap_lock.h>
#include <uapi/linux/futex.h>
#include <asm/futex.h>
#include "futex.h"

#define FUTEX_HASH_BITS		8
#define ROBUST_LIST_LIMIT	2048	/* entries walked at exit: a loop ends */

static struct futex_hash_bucket futex_queues[1 << FUTEX_HASH_BITS];

struct futex_hash_bucket *futex_hash(const struct futex_key *key)
{
	unsigned long h = (key->offset >> 2) ^ ((unsigned long)key->object >> 6);

	return &futex_queues[(h * 0x9e3779b97f4a7c15UL) >> (64 - FUTEX_HASH_BITS)];
}

/*
 * The object a shared mapping's pages belong to: its file's page cache
 * (address_space).  Shared anonymous memory is an unlinked tmpfs file,
 * so it keys the same way, and two processes that map one file, or
 * inherit one MAP_SHARED|MAP_ANONYMOUS area across fork, meet here.
 */
static void *futex_vma_object(struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_MAYSHARE) || !vma->vm_file)
		return NULL;
	return vma->vm_file->f_mapping;
}

/*
 * The key of @uaddr: -EINVAL if it is not 4-byte aligned, -EFAULT if it
 * is not user memory (or, for a shared futex, not mapped).
 */
int get_futex_key(u32 __user *uaddr, unsigned int flags, struct futex_key *key)
{
	unsigned long address = (unsigned long)uaddr;
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	void *object;
	u32 word;

	if (address % sizeof(u32))
		return -EINVAL;
	if (!access_ok(uaddr, sizeof(u32)) || !mm)
		return -EFAULT;
	key->object = mm;
	key->offset = address;
	if (!(flags & FLAGS_SHARED))
		return 0;
	/*
	 * A shared key names the page behind the address, so the page must
	 * be there: reading the word faults it in, and a PROT_NONE page or
	 * one past the end of its file (SIGBUS) is EFAULT, as Linux's
	 * get_user_pages_fast() makes it.
	 */
	if (copy_from_user(&word, uaddr, sizeof(word)))
		return -EFAULT;
	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (!vma || vma->vm_start > address) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	/* A private mapping's futex is private whatever the flag says. */
	object = futex_vma_object(vma);
	if (object) {
		key->object = object;
		key->offset = (vma->vm_pgoff << PAGE_SHIFT) + (address - vma->vm_start);
	}
	mmap_read_unlock(mm);
	return 0;
}

/* Queue @q on @hb.  hb->lock held. */
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb)
{
	q->task = current;
	q->lock_ptr = &hb->lock;
	list_add_tail(&q->list, &hb->chain);
}

static spinlock_t *futex_q_lock_ptr(struct futex_q *q)
{
	return __atomic_load_n(&q->lock_ptr, __ATOMIC_ACQUIRE);
}

/*
 * Take @q off its queue if it is still on one.  Returns 1 if it was
 * (we left on our own: time-out, signal), 0 if a waker got there first.
 * The bucket may change under us (requeue): lock, then check it is
 * still the one.
 */
int futex_unqueue(struct futex_q *q)
{
	spinlock_t *lock_ptr;
	unsigned long flags;

	for (;;) {
		lock_ptr = futex_q_lock_ptr(q);
		if (!lock_ptr)
			return 0;
		spin_lock_irqsave(lock_ptr, flags);
		if (lock_ptr == q->lock_ptr)
			break;
		spin_unlock_irqrestore(lock_ptr, flags);
	}
	list_del_init(&q->list);
	if (q->pi_state) {
		/* A PI waiter gave up: the owner's boost may drop. */
		futex_pi_update(container_of(lock_ptr, struct futex_hash_bucket, lock),
				q->pi_state);
		put_pi_state(q->pi_state);
		q->pi_state = NULL;
	}
	spin_unlock_irqrestore(lock_ptr, flags);
	return 1;
}

/*
 * Wake @q's task: off the queue, lock_ptr cleared last (the waiter may
 * return as soon as it sees NULL, so @q is not touched after).
 * The bucket lock held.
 */
void futex_wake_mark(struct futex_q *q)
{
	struct task_struct *p = q->task;

	get_task_struct(p);
	list_del_init(&q->list);
	__atomic_store_n(&q->lock_ptr, NULL, __ATOMIC_RELEASE);
	wake_up_process(p);
	put_task_struct(p);
}

/* Read the futex word under a bucket lock: no sleeping, so no faulting in. */
int futex_get_value_locked(u32 *dest, u32 __user *from)
{
	int ret;

	pagefault_disable();
	ret = get_user(*dest, from);
	pagefault_enable();
	return ret;
}

int futex_cmpxchg_value_locked(u32 *curval, u32 __user *uaddr, u32 uval, u32 newval)
{
	int ret;

	pagefault_disable();
	ret = futex_atomic_cmpxchg_inatomic(curval, uaddr, uval, newval);
	pagefault_enable();
	return ret;
}

/* After a fault under the lock: bring the page in (writable), then retry. */
int futex_fault_in(u32 __user *uaddr)
{
	u32 val;

	if (get_user(val, uaddr))
		return -EFAULT;
	return futex_atomic_cmpxchg_inatomic(&val, uaddr, val, val);
}

/* Two buckets, always in the same order, so two requeuers cannot deadlock. */
void double_lock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2)
{
	if (hb1 > hb2)
		swap(hb1, hb2);
	spin_lock_irq(&hb1->lock);
	if (hb1 != hb2)
		spin_lock(&hb2->lock);
}

void double_unlock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2)
{
	if (hb1 > hb2)
		swap(hb1, hb2);
	if (hb1 != hb2)
		spin_unlock(&hb2->lock);
	spin_unlock_irq(&hb1->lock);
}

/*
 * Sleep until @q is woken, a signal comes or @deadline (monotonic ns,
 * 0 = none) passes.  Called with @q queued and no lock held.
 */
int futex_sleep(struct futex_q *q, u64 deadline)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!futex_q_lock_ptr(q) || signal_pending(current))
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
	return 0;
}

/*
 * After futex_sleep: 0 if woken, else leave the queue and say why.
 * Without a time-out the wait restarts after an SA_RESTART handler (and
 * after a stop); a timed wait cannot (no restart block): -EINTR.
 */
int futex_wait_result(struct futex_q *q, u64 deadline)
{
	if (!futex_unqueue(q))
		return 0;
	if (deadline && ktime_get_ns() >= deadline)
		return -ETIMEDOUT;
	return deadline ? -EINTR : -ERESTARTSYS;
}

/* ---- Exit: robust futexes ------------------------------------------------- */

/*
 * A lock word in the dying thread's robust list: if it names the thread
 * as owner, mark it FUTEX_OWNER_DIED (TID 0, the waiters bit kept) and
 * wake one waiter, which will see EOWNERDEAD.  @pending_op: the entry the
 * thread was busy locking or unlocking when it died.
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *curr, bool pi,
			      bool pending_op)
{
	u32 uval, nval, mval;
	int err;

	if ((unsigned long)uaddr % sizeof(u32))
		return -EINVAL;
retry:
	if (get_user(uval, uaddr))
		return -EFAULT;
	/* Died between taking the lock and listing it: a waiter may sleep on a free word. */
	if (pending_op && !pi && !uval) {
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
		return 0;
	}
	if ((uval & FUTEX_TID_MASK) != (u32)task_pid_vnr(curr))
		return 0;
	mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	err = futex_atomic_cmpxchg_inatomic(&nval, uaddr, uval, mval);
	if (err)
		return err;
	if (nval != uval)
		goto retry;
	/* PI waiters are passed the lock by exit_pi_state_list. */
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/* Read one robust list pointer; bit 0 says the lock is a PI one. */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user *__user *head, bool *pi)
{
	unsigned long uentry;

	if (get_user(uentry, (unsigned long __user *)head))
		return -EFAULT;
	*entry = (void __user *)(uentry & ~1UL);
	*pi = uentry & 1;
	return 0;
}

/*
 * Walk the robust list user space registered (set_robust_list), at exit
 * and at exec: every lock still held is marked FUTEX_OWNER_DIED.  The
 * list is user memory and may be garbage: bounded, and any fault ends it.
 */
static void exit_robust_list(struct task_struct *curr)
{
	struct robust_list_head __user *head = curr->robust_list;
	struct robust_list __user *entry, *next_entry = NULL, *pending;
	bool pi, pip, next_pi = false;
	unsigned int limit = ROBUST_LIST_LIMIT;
	unsigned long futex_offset;

	if (fetch_robust_entry(&entry, &head->list.next, &pi))
		return;
	if (get_user(futex_offset, &head->futex_offset))
		return;
	if (fetch_robust_entry(&pending, &head->list_op_pending, &pip))
		return;
	while (entry != &head->list) {
		int rc = fetch_robust_entry(&next_entry, &entry->next, &next_pi);

		if (entry != pending &&
		    handle_futex_death((void __user *)entry + futex_offset, curr, pi, false))
			return;
		if (rc)
			return;
		entry = next_entry;
		pi = next_pi;
		if (!--limit)
			break;
		cond_resched();
	}
	if (pending)
		handle_futex_death((void __user *)pending + futex_offset, curr, pip, true);
}

/*
 * The thread's mm is going (exit or exec): its robust locks are marked
 * dead and its PI locks passed to their waiters.
 */
void futex_exit_release(struct task_struct *tsk)
{
	if (tsk->robust_list) {
		exit_robust_list(tsk);
		tsk->robust_list = NULL;
	}
	if (!list_empty(&tsk->pi_state_list))
		exit_pi_state_list(tsk);
}

/* CLONE_CHILD_CLEARTID: a thread exiting wakes whoever joins it. */
void futex_wake_tid(int __user *tidptr)
{
	if (current->mm)
		futex_wake((u32 __user *)tidptr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
}

static int __init futex_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(futex_queues); i++) {
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
	return 0;
}
core_initcall(futex_init);
