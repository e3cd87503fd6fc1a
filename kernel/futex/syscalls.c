// SPDX-License-Identifier: GPL-2.0
/*
 * The futex system calls: futex(2) decodes its operation and time-out
 * and dispatches (waitwake.c, requeue.c, pi.c); futex_waitv(2) reads its
 * vector; set_robust_list/get_robust_list register the list of robust
 * locks a thread holds, walked when it dies (core.c).
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <uapi/linux/futex.h>
#include <uapi/linux/time_types.h>
#include "futex.h"

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1

static bool futex_cmd_has_timeout(int cmd)
{
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
	case FUTEX_WAIT_BITSET:
	case FUTEX_WAIT_REQUEUE_PI:
		return true;
	}
	return false;
}

/*
 * A time-out as an absolute CLOCK_MONOTONIC deadline in ns (0 = none).
 * FUTEX_WAIT's is relative; the others are absolute, on CLOCK_REALTIME
 * with FUTEX_CLOCK_REALTIME (and always for LOCK_PI), else MONOTONIC.
 * A realtime deadline is converted once: a later clock_settime does not
 * move it (Linux's hrtimer would follow the clock).
 */
static int futex_timeout_to_deadline(const struct __kernel_timespec *ts, bool relative,
				     bool realtime, u64 *deadline)
{
	u64 ns, now = ktime_get_ns(), real;

	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	ns = (u64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
	if (relative) {
		*deadline = now + ns;
	} else if (realtime) {
		real = ktime_get_real_ns();
		*deadline = ns > real ? now + (ns - real) : 1;
	} else {
		*deadline = ns ? ns : 1;
	}
	return 0;
}

static long do_futex(u32 __user *uaddr, int op, u32 val, u64 deadline,
		     u32 __user *uaddr2, u32 val2, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	unsigned int flags = 0;

	if (!(op & FUTEX_PRIVATE_FLAG))
		flags |= FLAGS_SHARED;
	if (op & FUTEX_CLOCK_REALTIME) {
		flags |= FLAGS_CLOCKRT;
		/* Only the absolute time-outs can be on another clock. */
		if (cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT_REQUEUE_PI &&
		    cmd != FUTEX_LOCK_PI2)
			return -ENOSYS;
	}
	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, flags, val, deadline, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, flags, val, deadline, val3);
	case FUTEX_WAKE:
		return futex_wake(uaddr, flags, val, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, flags, val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, NULL, false);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, &val3, false);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, flags, uaddr2, val, val2, val3);
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		return futex_lock_pi(uaddr, flags, deadline, false);
	case FUTEX_UNLOCK_PI:
		return futex_unlock_pi(uaddr, flags);
	case FUTEX_TRYLOCK_PI:
		return futex_lock_pi(uaddr, flags, 0, true);
	case FUTEX_WAIT_REQUEUE_PI:
		return futex_wait_requeue_pi(uaddr, flags, val, deadline, uaddr2);
	case FUTEX_CMP_REQUEUE_PI:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, &val3, true);
	}
	return -ENOSYS;
}

SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime,
		u32 __user *, uaddr2, u32, val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	struct __kernel_timespec ts;
	u64 deadline = 0;
	int ret;

	current->futex_calls++;		/* the seed's Q5: the fast path never gets here */
	if (utime && futex_cmd_has_timeout(cmd)) {
		if (copy_from_user(&ts, utime, sizeof(ts)))
			return -EFAULT;
		ret = futex_timeout_to_deadline(&ts, cmd == FUTEX_WAIT,
						cmd == FUTEX_LOCK_PI || (op & FUTEX_CLOCK_REALTIME),
						&deadline);
		if (ret)
			return ret;
	}
	/* For the requeue and WAKE_OP forms the "timeout" argument is val2. */
	return do_futex(uaddr, op, val, deadline, uaddr2, (u32)(unsigned long)utime, val3);
}

/* Read and check futex_waitv's vector. */
static int futex_parse_waitv(struct futex_waitv *vs, struct futex_waitv __user *uwaitv,
			     unsigned int nr)
{
	unsigned int i;

	if (copy_from_user(vs, uwaitv, nr * sizeof(*vs)))
		return -EFAULT;
	for (i = 0; i < nr; i++) {
		if ((vs[i].flags & ~(FUTEX2_SIZE_MASK | FUTEX2_PRIVATE)) || vs[i].__reserved)
			return -EINVAL;
		/* Only 32-bit futexes exist so far. */
		if ((vs[i].flags & FUTEX2_SIZE_MASK) != FUTEX2_SIZE_U32)
			return -EINVAL;
		if (vs[i].val > 0xffffffffULL)
			return -EINVAL;
	}
	return 0;
}

SYSCALL_DEFINE5(futex_waitv, struct futex_waitv __user *, waiters,
		unsigned int, nr_futexes, unsigned int, flags,
		struct __kernel_timespec __user *, timeout, clockid_t, clockid)
{
	struct __kernel_timespec ts;
	struct futex_waitv *vs;
	u64 deadline = 0;
	int ret;

	current->futex_calls++;
	if (flags || !waiters || !nr_futexes || nr_futexes > FUTEX_WAITV_MAX)
		return -EINVAL;
	if (timeout) {
		if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC)
			return -EINVAL;
		if (copy_from_user(&ts, timeout, sizeof(ts)))
			return -EFAULT;
		ret = futex_timeout_to_deadline(&ts, false, clockid == CLOCK_REALTIME, &deadline);
		if (ret)
			return ret;
	}
	vs = kcalloc(nr_futexes, sizeof(*vs), GFP_KERNEL);
	if (!vs)
		return -ENOMEM;
	ret = futex_parse_waitv(vs, waiters, nr_futexes);
	if (!ret)
		ret = futex_wait_multiple(vs, nr_futexes, deadline);
	kfree(vs);
	return ret;
}

SYSCALL_DEFINE2(set_robust_list, struct robust_list_head __user *, head, size_t, len)
{
	/* The size is the ABI version: only one exists. */
	if (len != sizeof(*head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

SYSCALL_DEFINE3(get_robust_list, int, pid, struct robust_list_head __user * __user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct robust_list_head __user *head;
	struct task_struct *p;

	spin_lock_irq(&tasklist_lock);
	p = pid ? find_task_by_vpid(pid) : current;
	if (!p || (p->exit_state && p != current)) {
		spin_unlock_irq(&tasklist_lock);
		return -ESRCH;
	}
	/* Linux asks ptrace_may_access: the same user, or CAP_SYS_PTRACE. */
	if (p != current && current_cred()->uid != p->real_cred->uid &&
	    !capable(CAP_SYS_PTRACE)) {
		spin_unlock_irq(&tasklist_lock);
		return -EPERM;
	}
	head = p->robust_list;
	spin_unlock_irq(&tasklist_lock);
	if (put_user(sizeof(*head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr);
}
