/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

struct pt_regs;

static inline int signal_pending(struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_SIGPENDING);
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p) && sigismember(&p->pending.signal, SIGKILL);
}

static inline unsigned long task_rlimit(const struct task_struct *t, unsigned int limit)
{
	return READ_ONCE(t->signal->rlim[limit].rlim_cur);
}

static inline unsigned long rlimit(unsigned int limit)
{
	return task_rlimit(current, limit);
}

int send_sig(int sig, struct task_struct *p, int priv);
int kill_pid_info(int sig, pid_t pid);
void force_sig_fault(int sig, int code, void __user *addr);
void arch_do_signal_or_restart(struct pt_regs *regs);
void ignore_signals(struct task_struct *t);

#endif
