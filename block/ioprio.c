// SPDX-License-Identifier: GPL-2.0
/*
 * I/O priorities: how a task's disk requests are to be ordered against
 * others', as ionice(1) sets them.  A priority is a class -- real-time,
 * best-effort or idle -- and a level 0..7 within it (0 first); "none"
 * means "follow the CPU nice value".  The value belongs to the task
 * (task->ioprio), is inherited at fork, and is what an I/O scheduler
 * reads when it orders requests.
 *
 * ioprio_set and ioprio_get address one process, a process group or
 * all processes of a user, like setpriority.  Setting the real-time
 * class needs CAP_SYS_ADMIN or CAP_SYS_NICE; changing another user's
 * task needs CAP_SYS_NICE.  ioprio_get over several tasks reports the
 * best (most urgent) of their priorities.
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <uapi/linux/capability.h>
#include <uapi/linux/ioprio.h>

/* What a task that never set one reports: class none, level 0. */
#define IOPRIO_DEFAULT	((int)IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))

static int ioprio_check_cap(int ioprio)
{
	int class = IOPRIO_PRIO_CLASS(ioprio), data = IOPRIO_PRIO_DATA(ioprio);

	switch (class) {
	case IOPRIO_CLASS_RT:
		if (!capable(CAP_SYS_NICE) && !capable(CAP_SYS_ADMIN))
			return -EPERM;
		fallthrough;
	case IOPRIO_CLASS_BE:
		if (data >= IOPRIO_NR_LEVELS || data < 0)
			return -EINVAL;
		return 0;
	case IOPRIO_CLASS_IDLE:
		return 0;
	case IOPRIO_CLASS_NONE:
		return data ? -EINVAL : 0;
	default:
		return -EINVAL;
	}
}

/* tasklist_lock held. */
static int set_task_ioprio(struct task_struct *task, int ioprio)
{
	const struct cred *cred = current_cred(), *tcred = task->real_cred;

	if (tcred->uid != cred->euid && tcred->uid != cred->uid && !capable(CAP_SYS_NICE))
		return -EPERM;
	WRITE_ONCE(task->ioprio, ioprio);
	return 0;
}

SYSCALL_DEFINE3(ioprio_set, int, which, int, who, int, ioprio)
{
	struct task_struct *p, *t;
	int ret;

	ret = ioprio_check_cap(ioprio);
	if (ret)
		return ret;
	ret = -ESRCH;
	spin_lock_irq(&tasklist_lock);
	switch (which) {
	case IOPRIO_WHO_PROCESS:
		p = who ? find_task_by_vpid(who) : current;
		if (p && p->exit_state != EXIT_DEAD)
			ret = set_task_ioprio(p, ioprio);
		break;
	case IOPRIO_WHO_PGRP:
		/* a group is kept by its first-namespace number */
		who = who ? pid_vnr_to_global(who) : current->signal->pgrp;
		for_each_process(p) {
			if (p->exit_state || p->signal->pgrp != who)
				continue;
			for_each_thread(p, t) {
				ret = set_task_ioprio(t, ioprio);
				if (ret)
					goto out;
			}
		}
		break;
	case IOPRIO_WHO_USER:
		if (!who)
			who = current_uid();
		for_each_process(p) {
			if (p->exit_state || p->real_cred->uid != (uid_t)who)
				continue;
			for_each_thread(p, t) {
				ret = set_task_ioprio(t, ioprio);
				if (ret)
					goto out;
			}
		}
		break;
	default:
		ret = -EINVAL;
	}
out:
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

static int get_task_ioprio(struct task_struct *p)
{
	int ioprio = READ_ONCE(p->ioprio);

	return ioprio ? ioprio : IOPRIO_DEFAULT;
}

/*
 * The more urgent of two priorities: the smaller value, since the classes
 * go RT, BE, IDLE and the levels 0 first; "none" counts as the normal
 * best-effort level.
 */
static int ioprio_best(int a, int b)
{
	if (!IOPRIO_PRIO_CLASS(a))
		a = IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, IOPRIO_NORM);
	if (!IOPRIO_PRIO_CLASS(b))
		b = IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, IOPRIO_NORM);
	return min(a, b);
}

SYSCALL_DEFINE2(ioprio_get, int, which, int, who)
{
	struct task_struct *p;
	int ret = -ESRCH;

	spin_lock_irq(&tasklist_lock);
	switch (which) {
	case IOPRIO_WHO_PROCESS:
		p = who ? find_task_by_vpid(who) : current;
		if (p && p->exit_state != EXIT_DEAD)
			ret = get_task_ioprio(p);
		break;
	case IOPRIO_WHO_PGRP:
		/* a group is kept by its first-namespace number */
		who = who ? pid_vnr_to_global(who) : current->signal->pgrp;
		for_each_process(p) {
			if (p->exit_state || p->signal->pgrp != who)
				continue;
			ret = ret == -ESRCH ? get_task_ioprio(p) : ioprio_best(ret, get_task_ioprio(p));
		}
		break;
	case IOPRIO_WHO_USER:
		if (!who)
			who = current_uid();
		for_each_process(p) {
			if (p->exit_state || p->real_cred->uid != (uid_t)who)
				continue;
			ret = ret == -ESRCH ? get_task_ioprio(p) : ioprio_best(ret, get_task_ioprio(p));
		}
		break;
	default:
		ret = -EINVAL;
	}
	spin_unlock_irq(&tasklist_lock);
	return ret;
}
