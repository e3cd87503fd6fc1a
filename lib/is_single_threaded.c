// SPDX-License-Identifier: GPL-2.0
/*
 * Is the caller the only task using its address space?  Not only its
 * thread group: a CLONE_VM child (vfork, or a thread made without
 * CLONE_THREAD) shares the mm as well.  setns into a time namespace
 * needs it, since the [vvar] mapping it rewrites is the mm's.
 */
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>

bool current_is_single_threaded(void)
{
	struct task_struct *me = current, *p, *t;
	struct mm_struct *mm = me->mm;
	bool ret = true;

	spin_lock_irq(&tasklist_lock);
	if (!thread_group_empty(me)) {
		ret = false;
		goto out;
	}
	/* mm_users also counts short-lived holders (/proc readers): look. */
	if (!mm || atomic_read(&mm->mm_users) == 1)
		goto out;
	for_each_process(p) {
		if ((p->flags & PF_KTHREAD) || p == me->group_leader)
			continue;
		for_each_thread(p, t) {
			if (t->mm == mm) {
				ret = false;
				goto out;
			}
			/* Threads of a group share one mm: one look is enough. */
			if (t->mm)
				break;
		}
	}
out:
	spin_unlock_irq(&tasklist_lock);
	return ret;
}
