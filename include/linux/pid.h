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
struct pid {
	refcount_t count;
	pid_t nr;
	struct task_struct *task;	/* NULL once the task is reaped; tasklist_lock */
	wait_queue_head_t wait_pidfd;	/* pidfd pollers: woken when the process exits */
	struct rcu_head rcu;		/* the task's reference, dropped a grace period after reaping */
};

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
extern int last_pid;		/* /proc/sys/kernel/ns_last_pid */
pid_t alloc_pid(struct task_struct *p, pid_t set_tid);
void free_pid(struct task_struct *p);
void exchange_tids(struct task_struct *left, struct task_struct *right);

#endif
