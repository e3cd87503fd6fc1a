/* SPDX-License-Identifier: GPL-2.0 */
/* Creating tasks: what fork, clone and kernel_thread ask copy_process for. */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>

struct kernel_clone_args {
	unsigned long flags;		/* CLONE_* without the exit signal */
	int exit_signal;
	unsigned long stack;		/* the child's user stack; 0 = the parent's */
	int __user *parent_tid;
	int __user *child_tid;
	unsigned long tls;
	pid_t set_tid[32];		/* clone3: the PIDs asked for, innermost namespace first */
	int set_tid_size;		/* how many (at most MAX_PID_NS_LEVEL) */
	int (*fn)(void *);		/* kernel threads: what to run */
	void *fn_arg;
	int __user *pidfd;		/* CLONE_PIDFD: where the new pidfd goes */
};

/* wait4(2) for the kernel's own use (kernel/exit.c); @stat_addr may be NULL. */
struct rusage;
long kernel_wait4(pid_t upid, int __user *stat_addr, int options, struct rusage __user *ru);

/* The lock /proc takes to look at another task's mm, files or fs. */
static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

extern int nr_threads;
extern int max_threads;
extern unsigned long total_forks;

pid_t kernel_clone(struct kernel_clone_args *args);
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);
void release_task(struct task_struct *p);
void exit_thread(struct task_struct *tsk);
void futex_wake_tid(int __user *tidptr);
void complete_vfork_done(struct task_struct *tsk);
int unshare_sighand(struct task_struct *me);

#endif
