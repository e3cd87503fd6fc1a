/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel threads: tasks that run a kernel function, with no user address
 * space.  kthread_create() asks kthreadd (PID 2) to fork one; it starts
 * stopped, so the caller can set it up, and runs after wake_up_process()
 * (kthread_run does both).  kthread_stop() asks it to return and waits.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

__printf(3, 4)
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...);

#define kthread_run(threadfn, data, namefmt, ...) ({			\
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k; })

int kthread_stop(struct task_struct *k);
void kthread_bind(struct task_struct *k, unsigned int cpu);
bool kthread_should_stop(void);
int kthreadd(void *unused);

/* A kernel thread working in a process's address space for a while (io_uring's worker). */
struct mm_struct;
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);

extern struct task_struct *kthreadd_task;

#endif
