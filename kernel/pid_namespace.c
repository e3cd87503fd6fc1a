// SPDX-License-Identifier: GPL-2.0
/*
 * PID namespaces: making one, and ending one when its init dies.
 *
 * unshare(CLONE_NEWPID) does not move the caller (its PID cannot change);
 * it makes the namespace its next child will be PID 1 of
 * (nsproxy->pid_ns_for_children).  clone(CLONE_NEWPID) does both at once.
 * That first child is the namespace's child reaper: orphans inside are
 * given to it, signals from inside reach it only if it has a handler, and
 * when it exits every other member is killed and the namespace takes no
 * new ones -- a container stops with its init.
 */
#include <linux/kernel.h>
#include <linux/bitmap.h>
#include <linux/err.h>
#include <linux/nsproxy.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <uapi/linux/wait.h>

extern spinlock_t pidmap_lock;

struct pid_namespace *create_pid_namespace(struct pid_namespace *parent)
{
	struct pid_namespace *ns;

	if (parent->level + 1 >= MAX_PID_NS_LEVEL)
		return ERR_PTR(-ENOSPC);
	ns = kzalloc(sizeof(*ns), GFP_KERNEL);
	if (!ns)
		return ERR_PTR(-ENOMEM);
	ns->pidmap = kzalloc(BITS_TO_LONGS(PID_MAX_DEFAULT) * sizeof(long), GFP_KERNEL);
	if (!ns->pidmap) {
		kfree(ns);
		return ERR_PTR(-ENOMEM);
	}
	refcount_set(&ns->count, 1);
	ns->level = parent->level + 1;
	ns->parent = get_pid_ns(parent);
	ns->inum = ns_alloc_inum();
	return ns;
}

/* Each struct pid numbered in it, and each nsproxy naming it, holds one. */
void put_pid_ns(struct pid_namespace *ns)
{
	while (ns && ns != &init_pid_ns && refcount_dec_and_test(&ns->count)) {
		struct pid_namespace *parent = ns->parent;

		kfree(ns->pidmap);
		kfree(ns);
		ns = parent;
	}
}

bool pid_ns_is_descendant(struct pid_namespace *ns, struct pid_namespace *ancestor)
{
	for (; ns; ns = ns->parent)
		if (ns == ancestor)
			return true;
	return false;
}

/*
 * The init of @ns is exiting (all its threads).  Nobody may join any
 * more; everyone else in it gets SIGKILL, and the init reaps them -- its
 * own children directly, the others as they are reparented to it when
 * their parents die -- before its own exit goes on, so that when its
 * parent sees it die the namespace is empty, as on Linux.
 */
void zap_pid_ns_processes(struct pid_namespace *ns)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&pidmap_lock, flags);
	ns->dead = true;
	spin_unlock_irqrestore(&pidmap_lock, flags);

	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		if (p == current->group_leader || p->exit_state)
			continue;
		if (!pid_ns_is_descendant(task_active_pid_ns(p), ns))
			continue;
		send_sig(SIGKILL, p, 1);
	}
	spin_unlock_irq(&tasklist_lock);

	/* SIGKILL is pending on us too: wait without being interrupted by it. */
	for (;;) {
		long ret = kernel_wait4(-1, NULL, __WALL, NULL);

		if (ret == -ECHILD)
			break;
		if (ret < 0) {
			schedule_timeout_uninterruptible(1);
			continue;
		}
	}
}
