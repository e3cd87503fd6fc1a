/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Seccomp state of a task (kernel/seccomp.c).  mode is SECCOMP_MODE_*;
 * filter is the newest of a chain of BPF programs, each pointing to the
 * one installed before it.  The chain is shared with children (fork takes
 * a reference) and only ever grows, so a filter can never be removed.
 */
#ifndef _LINUX_SECCOMP_H
#define _LINUX_SECCOMP_H

#include <uapi/linux/seccomp.h>

struct seccomp_filter;
struct task_struct;
struct pt_regs;

struct seccomp {
	int mode;
	int filter_count;
	struct seccomp_filter *filter;
};

long prctl_get_seccomp(void);
long prctl_set_seccomp(unsigned long mode, void __user *filter);
void get_seccomp_filter(struct task_struct *tsk);
void seccomp_filter_release(struct task_struct *tsk);
/* Entry hook: false means skip the call (regs->ax holds its result). */
bool __secure_computing(struct pt_regs *regs, unsigned long nr);

static inline bool secure_computing(struct task_struct *tsk, struct pt_regs *regs,
				    unsigned long nr, int mode)
{
	return mode ? __secure_computing(regs, nr) : true;
}

#endif
