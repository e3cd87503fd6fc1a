/* SPDX-License-Identifier: GPL-2.0 */
/* Restartable sequences (kernel/rseq.c). */
#ifndef _LINUX_RSEQ_H
#define _LINUX_RSEQ_H

#include <linux/sched.h>

struct pt_regs;

/* The task was switched away from: its critical section and CPU number need a look. */
static inline void rseq_preempt(struct task_struct *t)
{
	if (t->rseq)
		set_tsk_thread_flag(t, TIF_NOTIFY_RESUME);
}

/* On the way back to user mode with TIF_NOTIFY_RESUME. */
void rseq_handle_notify_resume(struct pt_regs *regs);
/* Before a signal frame is built: a critical section is aborted first. */
void rseq_signal_deliver(struct pt_regs *regs);

/* fork (a new thread starts unregistered) and exec (so does a new program). */
static inline void rseq_fork(struct task_struct *t, unsigned long clone_flags)
{
	if (clone_flags & 0x00000100 /* CLONE_VM */) {
		t->rseq = NULL;
		t->rseq_len = 0;
		t->rseq_sig = 0;
	}
}

static inline void rseq_execve(struct task_struct *t)
{
	t->rseq = NULL;
	t->rseq_len = 0;
	t->rseq_sig = 0;
}

#endif
