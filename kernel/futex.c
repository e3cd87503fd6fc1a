// SPDX-License-Identifier: GPL-2.0
/*
 * Futexes, as the seed's "How does the kernel implement futexes?" draws
 * them: user space does the uncontended work with atomic instructions;
 * the kernel only queues the losers.  FUTEX_WAIT hashes the address to a
 * bucket, takes the bucket lock, re-reads the word and sleeps only if it
 * still holds the expected value (otherwise -EAGAIN: try again in user
 * space); FUTEX_WAKE wakes up to N waiters queued on that address.
 * Checking under the bucket lock is what makes a wake between the user's
 * check and the kernel's queueing impossible to lose.
 *
 * Keys are (address space, address): right for threads of a process;
 * futexes in memory shared between processes need a key of the page,
 * which comes with shared file mappings.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <uapi/linux/time_types.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)
#define FUTEX_BITSET_MATCH_ANY	0xffffffff
#define FUTEX_HASH_BITS		8

struct futex_q {
	struct list_head list;
	struct task_struct *task;
	struct mm_struct *mm;
	unsigned long uaddr;
	u32 bitset;
	bool woken;
};

struct futex_hash_bucket {
	spinlock_t lock;
	struct list_head chain;
};

static struct futex_hash_bucket futex_queues[1 << FUTEX_HASH_BITS];

static struct futex_hash_bucket *hash_futex(struct mm_struct *mm, unsigned long uaddr)
{
	unsigned long h = (uaddr >> 2) ^ ((unsigned long)mm >> 6);

	return &futex_queues[(h * 0x9e3779b97f4a7c15UL) >> (64 - FUTEX_HASH_BITS)];
}

static long futex_wait(u32 __user *uaddr, u32 val, u64 deadline_ns, u32 bitset)
{
	struct futex_hash_bucket *hb;
	struct futex_q q = {
		.task = current,
		.mm = current->mm,
		.uaddr = (unsigned long)uaddr,
		.bitset = bitset,
	};
	u32 uval;
	long ret = 0;

	if (!bitset)
		return -EINVAL;
	hb = hash_futex(q.mm, q.uaddr);
retry:
	spin_lock_irq(&hb->lock);
	/* Under the bucket lock the read may not sleep; fault it in outside. */
	pagefault_disable();
	ret = get_user(uval, uaddr);
	pagefault_enable();
	if (ret) {
		spin_unlock_irq(&hb->lock);
		if (get_user(uval, uaddr))
			return -EFAULT;
		ret = 0;
		goto retry;
	}
	if (uval != val) {
		spin_unlock_irq(&hb->lock);
		return -EAGAIN;
	}
	list_add_tail(&q.list, &hb->chain);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (q.woken)
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		if (deadline_ns) {
			u64 now = ktime_get_ns();

			if (now >= deadline_ns) {
				ret = -ETIMEDOUT;
				break;
			}
			spin_unlock_irq(&hb->lock);
			schedule_timeout((deadline_ns - now) / TICK_NSEC + 1);
		} else {
			spin_unlock_irq(&hb->lock);
			schedule();
		}
		spin_lock_irq(&hb->lock);
	}
	__set_current_state(TASK_RUNNING);
	if (!q.woken)
		list_del(&q.list);
	else
		ret = 0;
	spin_unlock_irq(&hb->lock);
	/*
	 * Without a time-out the wait restarts after an SA_RESTART handler
	 * (and after a stop); a timed wait cannot (no restart block): EINTR.
	 */
	return ret == -ERESTARTSYS && deadline_ns ? -EINTR : ret;
}

static long futex_wake_mm(struct mm_struct *mm, unsigned long uaddr, int nr_wake, u32 bitset)
{
	struct futex_hash_bucket *hb = hash_futex(mm, uaddr);
	struct futex_q *q, *n;
	unsigned long flags;
	int woken = 0;

	if (!bitset)
		return -EINVAL;
	spin_lock_irqsave(&hb->lock, flags);
	list_for_each_entry_safe(q, n, &hb->chain, list) {
		if (q->mm != mm || q->uaddr != uaddr || !(q->bitset & bitset))
			continue;
		if (woken >= nr_wake)
			break;
		list_del(&q->list);
		q->woken = true;
		wake_up_process(q->task);
		woken++;
	}
	spin_unlock_irqrestore(&hb->lock, flags);
	return woken;
}

/* CLONE_CHILD_CLEARTID: a thread exiting wakes whoever joins it. */
void futex_wake_tid(int __user *tidptr)
{
	if (current->mm)
		futex_wake_mm(current->mm, (unsigned long)tidptr, 1, FUTEX_BITSET_MATCH_ANY);
}

SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime,
		u32 __user *, uaddr2, u32, val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	u64 deadline = 0;

	if ((unsigned long)uaddr & 3)
		return -EINVAL;
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		if (utime) {
			struct __kernel_timespec ts;

			if (copy_from_user(&ts, utime, sizeof(ts)))
				return -EFAULT;
			if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
				return -EINVAL;
			/* FUTEX_WAIT takes a relative timeout, WAIT_BITSET an absolute one. */
			deadline = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
			if (cmd == FUTEX_WAIT)
				deadline += ktime_get_ns();
			else if (op & FUTEX_CLOCK_REALTIME)
				deadline -= ktime_get_real_ns() - ktime_get_ns();
			if (!deadline)
				deadline = 1;
		}
		return futex_wait(uaddr, val, deadline,
				  cmd == FUTEX_WAIT ? FUTEX_BITSET_MATCH_ANY : val3);
	case FUTEX_WAKE:
		return futex_wake_mm(current->mm, (unsigned long)uaddr, val,
				     FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake_mm(current->mm, (unsigned long)uaddr, val, val3);
	default:
		return -ENOSYS;
	}
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
