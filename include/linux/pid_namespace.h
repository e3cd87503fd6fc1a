/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PID namespaces: nested numberings of processes.  A task made with
 * CLONE_NEWPID (or forked after unshare(CLONE_NEWPID)) is PID 1 of a new
 * namespace, and it and its descendants have a number in that namespace
 * and one in every namespace above it: a container's init is 1 inside
 * and, say, 4121 outside.  A task sees only the processes of its own
 * namespace and the ones below it, by their numbers there.
 *
 * Inside the kernel task->pid and task->tgid stay the numbers of the
 * first (init_pid_ns) namespace, which every task has; only where a
 * number crosses to user space (getpid, kill, wait, /proc, siginfo) is it
 * translated to the namespace of whoever looks.
 */
#ifndef _LINUX_PID_NAMESPACE_H
#define _LINUX_PID_NAMESPACE_H

#include <linux/pid.h>
#include <linux/refcount.h>

#define MAX_PID_NS_LEVEL	32	/* as Linux: nesting deeper is ENOSPC */

struct super_block;
struct task_struct;

struct pid_namespace {
	refcount_t count;
	unsigned int level;		/* 0 for init_pid_ns */
	struct pid_namespace *parent;	/* holds a reference */
	struct task_struct *child_reaper; /* its PID 1; NULL until forked */
	unsigned long *pidmap;		/* PID_MAX_DEFAULT bits; pidmap_lock */
	int last_pid;			/* ns_last_pid: the number given out last */
	unsigned int nr_pids;		/* numbers in use; pidmap_lock */
	bool dead;			/* its init has exited: no new members */
	struct super_block *proc_sb;	/* its /proc instance (fs/proc/root.c) */
	unsigned int inum;		/* /proc/PID/ns/pid: "pid:[inum]" */
};

extern struct pid_namespace init_pid_ns;

static inline struct pid_namespace *get_pid_ns(struct pid_namespace *ns)
{
	if (ns != &init_pid_ns)
		refcount_inc(&ns->count);
	return ns;
}

void put_pid_ns(struct pid_namespace *ns);

/* The namespace that numbered @pid last: the one its task lives in. */
static inline struct pid_namespace *ns_of_pid(struct pid *pid)
{
	return pid ? pid->numbers[pid->level].ns : &init_pid_ns;
}

struct pid_namespace *task_active_pid_ns(struct task_struct *tsk);

/* A new namespace below @parent for the children of the caller. */
struct pid_namespace *create_pid_namespace(struct pid_namespace *parent);

/* Is @ns @ancestor or below it? */
bool pid_ns_is_descendant(struct pid_namespace *ns, struct pid_namespace *ancestor);

/* The exiting init of @ns: kill every other member and reap them. */
void zap_pid_ns_processes(struct pid_namespace *ns);

#endif
