/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The signal API between the generic code (kernel/signal.c), the
 * architecture's signal frames (arch/x86/kernel/signal.c) and everyone
 * else who sends signals (faults, exit, timers).
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

struct pt_regs;

static inline int signal_pending(struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_SIGPENDING);
}

/* SIGKILL is on its way: to this thread or (kill -9) to its whole process. */
static inline int fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p) && (sigismember(&p->pending.signal, SIGKILL) ||
				     sigismember(&p->signal->shared_pending.signal, SIGKILL));
}

/* The group is going away: exit_group, a fatal signal, or another thread's execve. */
static inline bool signal_group_exit(const struct signal_struct *sig)
{
	return (sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exec_task;
}

static inline unsigned long task_rlimit(const struct task_struct *t, unsigned int limit)
{
	return READ_ONCE(t->signal->rlim[limit].rlim_cur);
}

static inline unsigned long rlimit(unsigned int limit)
{
	return task_rlimit(current, limit);
}

/* A signal get_signal() decided to deliver to a handler. */
struct ksignal {
	struct k_sigaction ka;
	siginfo_t info;
	int sig;
};

/* The alternate signal stack (sigaltstack). */
static inline bool on_sig_stack(unsigned long sp)
{
	/* sp - 1: a stack that is exactly full is still "on" it. */
	return current->sas_ss_size &&
	       sp - 1 - current->sas_ss_sp < current->sas_ss_size;
}

static inline int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

static inline sigset_t *sigmask_to_save(void)
{
	return current->restore_sigmask ? &current->saved_sigmask : &current->blocked;
}

/* kernel/signal.c */
int send_sig(int sig, struct task_struct *p, int priv);
int send_sig_info(int sig, siginfo_t *info, struct task_struct *p);
int group_send_sig_info(int sig, siginfo_t *info, struct task_struct *p);
void force_sig(int sig);
void force_sigsegv(int sig);
void force_sig_seccomp(int syscall, int reason, void __user *call_addr);
void force_sig_fault(int sig, int code, void __user *addr);
bool get_signal(struct ksignal *ksig);
void signal_setup_done(int failed, struct ksignal *ksig);
void set_current_blocked(sigset_t *newset);
void restore_saved_sigmask(void);
void recalc_sigpending(void);
int dequeue_signal(struct task_struct *t, const sigset_t *mask, siginfo_t *info);
void flush_sigqueue(struct sigpending *pending);
void flush_signal_handlers(struct task_struct *t, int force_default);
void do_notify_parent(struct task_struct *tsk, int sig);
/* kernel/exit.c: a dead group's leader announced to its parent; true: reap it now */
bool notify_parent_group_dead(struct task_struct *tsk);
int zap_other_threads(struct task_struct *p);
int kill_pgrp(pid_t pgrp, int sig, int priv);
int __kill_pgrp_info(pid_t pgrp, int sig, siginfo_t *info);

/* What a thread or a whole process used (getrusage, wait4, times). */
struct task_usage {
	u64 utime, stime;		/* ns */
	unsigned long min_flt, maj_flt, nvcsw, nivcsw;
};

/* kernel/sched/cputime.c: a reaped process's usage, tick split scaled to its runtime */
void dead_group_cputime_adjusted(struct task_struct *p, const struct task_usage *u,
				 u64 *ut, u64 *st);

/* kernel/exit.c: thread groups */
void thread_group_usage(struct task_struct *p, struct task_usage *u);

/* kernel/exit.c: job control */
bool is_current_pgrp_orphaned(void);
bool pgrp_is_orphaned(pid_t pgrp);
void ignore_signals(struct task_struct *t);
int restore_altstack(const stack_t __user *uss);
int __save_altstack(stack_t __user *uss, unsigned long sp);

/* arch/x86/kernel/signal.c */
void arch_do_signal_or_restart(struct pt_regs *regs);

/* kernel/time/itimer.c */
enum hrtimer_restart it_real_fn(struct hrtimer *timer);
void exit_itimers(struct signal_struct *sig);
void exec_itimers(struct task_struct *tsk);

/* fs/select.c: ppoll, pselect6 and epoll_pwait wait with a mask of the caller's. */
int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize);

/* kernel/signal.c: group-stop bookkeeping shared with do_exit. */
bool task_participate_group_stop(struct task_struct *t);
/* No other task shares the caller's thread group or mm (lib/is_single_threaded.c). */
bool current_is_single_threaded(void);
void do_notify_parent_cldstop(struct task_struct *tsk, int why);

#endif
