/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time namespaces (kernel/time/namespace.c): CLOCK_MONOTONIC and
 * CLOCK_BOOTTIME shifted by per-namespace offsets, so that a container
 * moved to another machine sees its clocks continue.  The kernel keeps
 * one host time; these helpers convert at the boundary with user space.
 */
#ifndef _LINUX_TIME_NAMESPACE_H
#define _LINUX_TIME_NAMESPACE_H

#include <linux/refcount.h>
#include <linux/types.h>

struct file;
struct mm_struct;
struct page;
struct seq_file;
struct task_struct;
struct nsproxy;

/* What the user wrote to /proc/PID/timens_offsets, in ns (may be negative). */
struct timens_offsets {
	s64 monotonic;
	s64 boottime;
};

struct time_namespace {
	refcount_t count;
	unsigned int inum;		/* /proc/PID/ns/time's st_ino */
	struct timens_offsets offsets;	/* lock: offset_lock until frozen */
	/* [vvar] page of this namespace's tasks: offsets for the vDSO (NULL for init) */
	struct page *vvar_page;
	/* a task entered: the offsets can no longer change (EACCES) */
	bool frozen_offsets;
};

extern struct time_namespace init_time_ns;

static inline struct time_namespace *get_time_ns(struct time_namespace *ns)
{
	refcount_inc(&ns->count);
	return ns;
}

void put_time_ns(struct time_namespace *ns);
struct time_namespace *copy_time_ns(unsigned long flags, struct time_namespace *old);
/* fork without CLONE_VM: @tsk enters nsproxy->time_ns_for_children. */
void timens_on_fork(struct nsproxy *nsproxy, struct task_struct *tsk);
/* After setns switched the caller's nsproxy: freeze @ns and remap [vvar]. */
void timens_commit_current(struct time_namespace *ns);

/* The offset of @clock in the caller's namespace (0 for clocks that have none). */
s64 timens_clock_offset(clockid_t clock);
/* An absolute time the caller gave on @clock, as the host's clock reads it. */
s64 timens_ktime_to_host(clockid_t clock, s64 tim);

int proc_timens_show_offsets(struct task_struct *p, struct seq_file *m);
/* /proc/PID/timens_offsets: @buf holds @count bytes and a NUL; bytes used or -errno. */
ssize_t proc_timens_set_offset(struct task_struct *p, char *buf, size_t count);

/* arch/x86/entry/vdso/vma.c: fill a namespace's [vvar] page; remap an mm's [vvar]. */
void vdso_init_timens_page(struct page *page, const struct timens_offsets *offsets);
void vdso_join_timens(struct mm_struct *mm, struct time_namespace *ns);

#endif
