/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct nsproxy: the namespaces a task lives in, shared by every task
 * in the same set (copy-on-write: unshare, clone with CLONE_NEW* or
 * setns give the task a new nsproxy, never change a shared one).
 */
#ifndef _LINUX_NSPROXY_H
#define _LINUX_NSPROXY_H

#include <linux/refcount.h>

struct task_struct;
struct uts_namespace;
struct mnt_namespace;
struct ipc_namespace;
struct pid_namespace;
struct time_namespace;

struct nsproxy {
	refcount_t count;
	struct uts_namespace *uts_ns;
	struct mnt_namespace *mnt_ns;
	struct ipc_namespace *ipc_ns;
	/* where the task's children get their PIDs; the task's own is task_active_pid_ns() */
	struct pid_namespace *pid_ns_for_children;
	/* the task's clocks; its children's differ after unshare(CLONE_NEWTIME) */
	struct time_namespace *time_ns;
	struct time_namespace *time_ns_for_children;
};

extern struct nsproxy init_nsproxy;

/* The namespaces of @p; init's for tasks that have none of their own yet. */
static inline struct nsproxy *task_nsproxy(struct task_struct *p);

int copy_namespaces(unsigned long flags, struct task_struct *tsk);
void exit_task_namespaces(struct task_struct *p);
int unshare_nsproxy_namespaces(unsigned long flags, struct nsproxy **new_nsp);
void switch_task_namespaces(struct task_struct *p, struct nsproxy *new);
void put_nsproxy(struct nsproxy *ns);
unsigned int ns_alloc_inum(void);	/* kernel/utsname.c: /proc/PID/ns inode numbers */

#include <linux/sched.h>

static inline struct nsproxy *task_nsproxy(struct task_struct *p)
{
	return p->nsproxy ? p->nsproxy : &init_nsproxy;
}

#endif
