// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler's system calls: policies and priorities (sched_setscheduler
 * and friends), sched_yield, CPU affinity, and the runtime counters behind
 * the CPU-time clocks.  Raising priority (a real-time policy, or a nice
 * value below the current one) needs CAP_SYS_NICE, as on Linux.
 *
 * sched_setattr/sched_getattr are the extensible form: one struct
 * sched_attr with the policy, nice value and real-time priority together,
 * versioned by its size (a newer, larger struct is accepted if the part
 * this kernel does not know is zero; otherwise E2BIG, with the size this
 * kernel knows written back).  It is the only way in to SCHED_DEADLINE,
 * whose runtime, deadline and period only it carries (deadline.c); it
 * refuses utilization clamps with EOPNOTSUPP, as a Linux built without
 * them.
 */
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/cred.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <linux/sched/signal.h>
#include <uapi/linux/sched/types.h>
#include <uapi/linux/time_types.h>
#include <asm/smp.h>
#include <linux/rcupdate.h>
#include "sched.h"
#include <linux/cpumask.h>

struct sched_param {
	int sched_priority;
};

static struct task_struct *find_process_by_pid(pid_t pid)
{
	return pid ? find_task_by_vpid(pid) : current;
}

static bool valid_policy(int policy)
{
	return policy == SCHED_NORMAL || policy == SCHED_FIFO || policy == SCHED_RR ||
	       policy == SCHED_BATCH || policy == SCHED_IDLE || policy == SCHED_DEADLINE;
}

static bool check_same_owner(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *pcred = p->real_cred;

	return cred->euid == pcred->euid || cred->euid == pcred->uid;
}

/* The checks of every way in, then the change: policy, priority, reservation. */
static int __sched_setscheduler(struct task_struct *p, const struct sched_attr *attr)
{
	int policy = attr->sched_policy;
	bool reset_on_fork = attr->sched_flags & SCHED_FLAG_RESET_ON_FORK;
	int ret;

	if (!valid_policy(policy))
		return -EINVAL;
	/* Real-time policies take 1..99; the others only 0.  Deadline needs a valid reservation. */
	if (attr->sched_priority > MAX_RT_PRIO - 1 ||
	    rt_policy(policy) != (attr->sched_priority != 0) ||
	    (dl_policy(policy) && !__checkparam_dl(attr)))
		return -EINVAL;
	if (!capable(CAP_SYS_NICE)) {
		if (rt_policy(policy) || dl_policy(policy))
			return -EPERM;
		if (!check_same_owner(p))
			return -EPERM;
		/* An unprivileged task may set, never clear, reset-on-fork. */
		if (p->sched_reset_on_fork && !reset_on_fork)
			return -EPERM;
	}
	ret = sched_setattr_nocheck(p, attr);
	if (!ret)
		p->sched_reset_on_fork = reset_on_fork;
	return ret;
}

static long do_sched_setscheduler(pid_t pid, int policy, struct sched_param __user *param)
{
	struct sched_attr attr = { 0 };
	struct sched_param lp;
	struct task_struct *p;

	if (!param || pid < 0)
		return -EINVAL;
	if (copy_from_user(&lp, param, sizeof(lp)))
		return -EFAULT;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	if (policy < 0)	/* sched_setparam keeps the policy and the flag */
		policy = p->policy | (p->sched_reset_on_fork ? SCHED_RESET_ON_FORK : 0);
	attr.sched_policy = policy & ~SCHED_RESET_ON_FORK;
	if (policy & SCHED_RESET_ON_FORK)
		attr.sched_flags = SCHED_FLAG_RESET_ON_FORK;
	/* A negative priority is out of range, as it is for Linux's unsigned field. */
	attr.sched_priority = lp.sched_priority;
	attr.sched_nice = task_nice(p);
	return __sched_setscheduler(p, &attr);
}

SYSCALL_DEFINE3(sched_setscheduler, pid_t, pid, int, policy,
		struct sched_param __user *, param)
{
	if (policy < 0)
		return -EINVAL;
	return do_sched_setscheduler(pid, policy, param);
}

SYSCALL_DEFINE2(sched_setparam, pid_t, pid, struct sched_param __user *, param)
{
	return do_sched_setscheduler(pid, -1, param);
}

SYSCALL_DEFINE1(sched_getscheduler, pid_t, pid)
{
	struct task_struct *p;

	if (pid < 0)
		return -EINVAL;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	return p->policy | (p->sched_reset_on_fork ? SCHED_RESET_ON_FORK : 0);
}

SYSCALL_DEFINE2(sched_getparam, pid_t, pid, struct sched_param __user *, param)
{
	struct sched_param lp = { 0 };
	struct task_struct *p;

	if (!param || pid < 0)
		return -EINVAL;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	if (task_has_rt_policy(p))
		lp.sched_priority = p->rt_priority;
	return copy_to_user(param, &lp, sizeof(lp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(sched_get_priority_max, int, policy)
{
	if (rt_policy(policy))
		return MAX_RT_PRIO - 1;
	return valid_policy(policy) || policy == SCHED_DEADLINE ? 0 : -EINVAL;
}

SYSCALL_DEFINE1(sched_get_priority_min, int, policy)
{
	if (rt_policy(policy))
		return 1;
	return valid_policy(policy) || policy == SCHED_DEADLINE ? 0 : -EINVAL;
}

/* Read the caller's struct sched_attr of whatever size it says it has. */
static int sched_copy_attr(struct sched_attr __user *uattr, struct sched_attr *attr)
{
	u32 size, off;
	u8 c;

	if (get_user(size, &uattr->size))
		return -EFAULT;
	if (!size)		/* the first callers left it 0 */
		size = SCHED_ATTR_SIZE_VER0;
	if (size < SCHED_ATTR_SIZE_VER0 || size > PAGE_SIZE)
		goto too_big;
	for (off = sizeof(*attr); off < size; off++) {
		if (get_user(c, (u8 __user *)uattr + off))
			return -EFAULT;
		if (c)
			goto too_big;
	}
	memset(attr, 0, sizeof(*attr));
	if (copy_from_user(attr, uattr, min_t(u32, size, sizeof(*attr))))
		return -EFAULT;
	attr->sched_nice = clamp(attr->sched_nice, MIN_NICE, MAX_NICE);
	return 0;
too_big:
	/* Tell the caller what this kernel understands. */
	put_user((u32)sizeof(*attr), &uattr->size);
	return -E2BIG;
}

/* May @p's nice value go down to @nice?  CAP_SYS_NICE or RLIMIT_NICE says. */
static bool can_nice(struct task_struct *p, int nice)
{
	return 20 - nice <= (long)task_rlimit(p, RLIMIT_NICE) || capable(CAP_SYS_NICE);
}

/* The task's own parameters, as sched_getattr reports them and KEEP_PARAMS keeps them. */
static void get_params(struct task_struct *p, struct sched_attr *attr)
{
	if (task_has_dl_policy(p))
		__getparam_dl(p, attr);
	else if (task_has_rt_policy(p))
		attr->sched_priority = p->rt_priority;
	else
		attr->sched_nice = task_nice(p);
}

static int sched_setattr_apply(struct task_struct *p, struct sched_attr *attr)
{
	int ret;

	if (attr->sched_flags & ~SCHED_FLAG_ALL)
		return -EINVAL;
	if (attr->sched_flags & (SCHED_FLAG_UTIL_CLAMP_MIN | SCHED_FLAG_UTIL_CLAMP_MAX))
		return -EOPNOTSUPP;
	if (attr->sched_flags & SCHED_FLAG_KEEP_POLICY)
		attr->sched_policy = p->policy;
	if (attr->sched_flags & SCHED_FLAG_KEEP_PARAMS)
		get_params(p, attr);
	if (!rt_policy(attr->sched_policy) && !dl_policy(attr->sched_policy) &&
	    valid_policy(attr->sched_policy) && attr->sched_nice < task_nice(p) &&
	    !can_nice(p, attr->sched_nice))
		return -EPERM;
	ret = __sched_setscheduler(p, attr);
	if (!ret && !rt_policy(attr->sched_policy) && !dl_policy(attr->sched_policy) &&
	    attr->sched_nice != task_nice(p))
		set_user_nice(p, attr->sched_nice);
	return ret;
}

SYSCALL_DEFINE3(sched_setattr, pid_t, pid, struct sched_attr __user *, uattr,
		unsigned int, flags)
{
	struct sched_attr attr;
	struct task_struct *p;
	int ret;

	if (!uattr || pid < 0 || flags)
		return -EINVAL;
	ret = sched_copy_attr(uattr, &attr);
	if (ret)
		return ret;
	if ((int)attr.sched_policy < 0)
		return -EINVAL;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	return sched_setattr_apply(p, &attr);
}

SYSCALL_DEFINE4(sched_getattr, pid_t, pid, struct sched_attr __user *, uattr,
		unsigned int, usize, unsigned int, flags)
{
	struct sched_attr attr = { 0 };
	struct task_struct *p;

	if (!uattr || pid < 0 || usize > PAGE_SIZE || usize < SCHED_ATTR_SIZE_VER0 || flags)
		return -EINVAL;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	attr.sched_policy = p->policy;
	if (p->sched_reset_on_fork)
		attr.sched_flags |= SCHED_FLAG_RESET_ON_FORK;
	get_params(p, &attr);
	attr.sched_util_max = 1024;	/* no clamping: the whole range */
	/* As much as the caller's struct holds, and its size says how much that was. */
	attr.size = min_t(u32, usize, sizeof(attr));
	return copy_to_user(uattr, &attr, attr.size) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(sched_rr_get_interval, pid_t, pid, struct __kernel_timespec __user *, interval)
{
	struct task_struct *p;
	struct __kernel_timespec ts = { 0, 0 };
	u64 ns = 0;

	if (pid < 0)
		return -EINVAL;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	if (p->policy == SCHED_RR)
		ns = (u64)RR_TIMESLICE * TICK_NSEC;
	else if (p->policy != SCHED_FIFO && p->policy != SCHED_DEADLINE)
		ns = SYSCTL_SCHED_LATENCY;
	ts.tv_sec = ns / NSEC_PER_SEC;
	ts.tv_nsec = ns % NSEC_PER_SEC;
	return copy_to_user(interval, &ts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE0(sched_yield)
{
	struct rq *rq = this_rq();

	spin_lock_irq(&rq->lock);
	update_rq_clock(rq);
	if (current->sched_class->yield_task)
		current->sched_class->yield_task(rq);
	spin_unlock_irq(&rq->lock);
	schedule();
	return 0;
}

/*
 * The CPUs a task may run on.  The mask is kept as given (CPUs not yet
 * active included) and reported within the active CPUs, as Linux does.
 * One word holds it: cpumask_size() is 8 bytes, as on Linux with up to
 * 64 CPUs.
 */
#define CPU_ACTIVE_MASK	(cpumask_bits(cpu_active_mask)[0])

SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	struct task_struct *p;
	unsigned long mask;

	if ((len * 8) < nr_cpu_ids || (len & (sizeof(long) - 1)))
		return -EINVAL;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	mask = READ_ONCE(p->cpus_mask) & CPU_ACTIVE_MASK;
	if (copy_to_user(user_mask_ptr, &mask, sizeof(mask)))
		return -EFAULT;
	return sizeof(mask);
}

SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	struct task_struct *p;
	unsigned long mask = 0;
	int ret;

	/* A shorter mask is zero-extended, a longer one cut (Linux's get_user_cpu_mask). */
	if (copy_from_user(&mask, user_mask_ptr, min_t(unsigned int, len, sizeof(mask))))
		return -EFAULT;
	rcu_read_lock();
	p = find_process_by_pid(pid);
	if (!p) {
		rcu_read_unlock();
		return -ESRCH;
	}
	get_task_struct(p);
	rcu_read_unlock();
	if (p != current && !capable(CAP_SYS_NICE) &&
	    current_cred()->euid != p->real_cred->uid &&
	    current_cred()->euid != p->real_cred->euid) {
		ret = -EPERM;
		goto out;
	}
	/* Per-CPU kernel threads stay where they are (kthread_bind). */
	ret = -EINVAL;
	if (p->flags & PF_NO_SETAFFINITY)
		goto out;
	/* A deadline reservation is admitted on its CPU: Linux wants the whole set. */
	ret = -EBUSY;
	if (task_has_dl_policy(p) && (mask & CPU_ACTIVE_MASK) != CPU_ACTIVE_MASK)
		goto out;
	ret = set_cpus_allowed_ptr(p, to_cpumask(&mask));
out:
	put_task_struct(p);
	return ret;
}

/* The CPU and NUMA node we run on: one node; the CPU from per-CPU data. */
SYSCALL_DEFINE3(getcpu, unsigned __user *, cpup, unsigned __user *, nodep,
		void __user *, unused)
{
	unsigned int cpu = smp_processor_id();

	if (cpup && put_user(cpu, cpup))
		return -EFAULT;
	if (nodep && put_user(0U, nodep))
		return -EFAULT;
	return 0;
}

/* Total CPU time of @p, including the slice it is running right now. */
u64 task_sched_runtime(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);
	u64 ns;

	if (p == rq->curr && p->sched_class->update_curr) {
		update_rq_clock(rq);
		p->sched_class->update_curr(rq);
	}
	ns = p->se.sum_exec_runtime;
	task_rq_unlock(rq, p, flags);
	return ns;
}

u64 thread_group_sched_runtime(struct task_struct *p)
{
	struct task_struct *leader = p->group_leader, *t;
	u64 ns;

	/* Threads already released left their time in the signal_struct. */
	spin_lock_irq(&tasklist_lock);
	ns = p->signal->sum_sched_runtime + task_sched_runtime(leader);
	list_for_each_entry(t, &leader->thread_group, thread_node)
		ns += task_sched_runtime(t);
	spin_unlock_irq(&tasklist_lock);
	return ns;
}

/*
 * Tick-based accounting, as Linux without precise accounting: the whole
 * tick is charged to user or system time depending on where the tick
 * found the task.
 */
DEFINE_PER_CPU(struct kernel_cpustat, kernel_cpustat);

/* Charge one tick to @p and to the CPU's user/nice/system/idle totals (/proc/stat). */
void account_process_tick(struct task_struct *p, int user_tick)
{
	u64 *cpustat = kcpustat_this_cpu->cpustat;

	if (p->flags & PF_IDLE) {
		cpustat[CPUTIME_IDLE] += TICK_NSEC;
		return;
	}
	if (user_tick) {
		p->utime += TICK_NSEC;
		cpustat[task_nice(p) > 0 ? CPUTIME_NICE : CPUTIME_USER] += TICK_NSEC;
	} else {
		p->stime += TICK_NSEC;
		cpustat[CPUTIME_SYSTEM] += TICK_NSEC;
	}
}
