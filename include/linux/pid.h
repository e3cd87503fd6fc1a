/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

#include <linux/types.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/wait.h>

#define PID_MAX_DEFAULT	32768

struct file;
struct task_struct;

/*
 * A process ID as an object: what a pidfd (and a /proc/<pid> directory)
 * holds instead of the bare number, so that once the process is reaped
 * and its number handed to a new one, the old handle finds no task
 * (ESRCH) instead of the stranger.  Every task has one (thread_pid); it
 * lives as long as the task or any holder, counted in @count.
 */
struct pid_namespace;

/* One number of a pid: @nr in namespace @ns. */
struct upid {
	int nr;
	struct pid_namespace *ns;
	struct hlist_node pid_chain;	/* in the pid hash, by (nr, ns) */
};

struct pid {
	refcount_t count;
	unsigned int level;		/* numbers[0..level]: init_pid_ns down */
	struct task_struct *task;	/* NULL once the task is reaped; tasklist_lock */
	wait_queue_head_t wait_pidfd;	/* pidfd pollers: woken when the process exits */
	struct rcu_head rcu;		/* the task's reference, dropped a grace period after reaping */
	struct upid numbers[];		/* numbers[level] is the task's own namespace */
};

/* The number of @pid in the first namespace: the one task->pid holds. */
static inline pid_t pid_nr(const struct pid *pid)
{
	return pid ? pid->numbers[0].nr : 0;
}

/* @pid's number in @ns, or 0 if @ns cannot see it. */
pid_t pid_nr_ns(struct pid *pid, struct pid_namespace *ns);
/* ... in the namespace of the calling task. */
pid_t pid_vnr(struct pid *pid);

struct pid *find_pid_ns(int nr, struct pid_namespace *ns);
struct task_struct *find_task_by_pid_ns(pid_t nr, struct pid_namespace *ns);

/*
 * Process-group and session ids are kept as first-namespace numbers
 * (signal_struct->pgrp, ->session).  These translate such a number for
 * the caller's namespace and back; 0 when the caller's namespace has no
 * number for it (for instance a group whose leader lies outside it).
 */
pid_t pid_global_to_vnr(pid_t nr);
pid_t pid_vnr_to_global(pid_t nr);

struct pid *get_pid(struct pid *pid);
void put_pid(struct pid *pid);
struct pid *find_get_pid(pid_t nr);
struct task_struct *get_pid_task(struct pid *pid);
void do_notify_pidfd(struct task_struct *task);
/* The struct pid of a pidfd or a /proc/<pid> directory, or ERR_PTR(-EBADF). */
struct pid *pidfd_pid(const struct file *file);
struct pid *tgid_pidfd_to_pid(const struct file *file);	/* fs/proc/base.c */
int pidfd_create(struct pid *pid, unsigned int flags);
/* waitid(P_PIDFD): the number behind pidfd @fd and its file flags. */
int pidfd_get_nr(int fd, pid_t *nr, unsigned int *f_flags);

extern int pid_max;
/* @set_tid: wanted numbers, innermost namespace first (clone3); may be NULL. */
pid_t alloc_pid(struct task_struct *p, struct pid_namespace *ns, const pid_t *set_tid,
		int set_tid_size);
void free_pid(struct task_struct *p);
void exchange_tids(struct task_struct *left, struct task_struct *right);

#endif
