// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, the part processes need before handlers exist: a signal is a
 * bit in the target's pending set plus TIF_SIGPENDING; on its way back to
 * user mode the target looks at what is pending and acts on the default
 * action: terminate (SIGKILL, SIGTERM, SIGSEGV ...), or ignore (SIGCHLD,
 * SIGURG, SIGWINCH).  Faults in user mode (a bad access, an invalid
 * instruction) force the matching signal, which kills the task.
 *
 * Handlers (sigaction), masks, stop/continue and real signal frames
 * arrive with the TTY and job control.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <uapi/linux/siginfo.h>

#define SIG_KERNEL_IGNORE_MASK \
	((1UL << (SIGCHLD - 1)) | (1UL << (SIGURG - 1)) | (1UL << (SIGWINCH - 1)) | \
	 (1UL << (SIGCONT - 1)))
static bool sig_ignored(struct task_struct *t, int sig)
{
	__sighandler_t handler = t->sighand->action[sig - 1].sa.sa_handler;

	if (sig == SIGKILL || sig == SIGSTOP)
		return false;
	if (handler == SIG_IGN)
		return true;
	return handler == SIG_DFL && (SIG_KERNEL_IGNORE_MASK & (1UL << (sig - 1)));
}

/* Queue @sig for @p and make it notice.  Fatal ones wake it from any sleep. */
int send_sig(int sig, struct task_struct *p, int priv)
{
	unsigned long flags;

	if (sig <= 0 || sig > _NSIG)
		return -EINVAL;
	if (p->exit_state)
		return 0;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	if (!sig_ignored(p, sig)) {
		sigaddset(&p->pending.signal, sig);
		set_tsk_thread_flag(p, TIF_SIGPENDING);
	}
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	if (signal_pending(p))
		wake_up_state(p, sig == SIGKILL ? TASK_NORMAL | TASK_WAKEKILL
						: TASK_INTERRUPTIBLE);
	return 0;
}

/* May current signal @t?  Root (CAP_KILL), or matching real/effective UIDs. */
static bool kill_permitted(struct task_struct *t)
{
	const struct cred *cred = current_cred(), *tcred = t->real_cred;

	return cred->euid == tcred->suid || cred->euid == tcred->uid ||
	       cred->uid == tcred->suid || cred->uid == tcred->uid ||
	       capable(CAP_KILL);
}

static int group_send_sig(int sig, struct task_struct *p)
{
	if (!kill_permitted(p))
		return -EPERM;
	return sig ? send_sig(sig, p, 0) : 0;
}

/* kill(2)'s four cases: a pid, our group (0), everyone (-1), a group (< -1). */
static int kill_something_info(int sig, pid_t pid)
{
	struct task_struct *p;
	int ret = -ESRCH, count = 0, err;

	if (pid > 0) {
		p = find_task_by_vpid(pid);
		if (!p || p->exit_state)
			return p && p->exit_state == EXIT_ZOMBIE ? 0 : -ESRCH;
		return group_send_sig(sig, p->group_leader);
	}
	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		if (p->exit_state)
			continue;
		if (pid == -1) {
			if (p->pid <= 1 || p == current->group_leader)
				continue;
		} else if (p->signal->pgrp != (pid ? -pid : current->signal->pgrp)) {
			continue;
		}
		err = group_send_sig(sig, p);
		count++;
		if (err != -EPERM || ret == -ESRCH)
			ret = err;
	}
	spin_unlock_irq(&tasklist_lock);
	return count ? ret : -ESRCH;
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	return kill_something_info(sig, pid);
}

static int do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct task_struct *p;

	if (pid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	p = find_task_by_vpid(pid);
	if (!p || (tgid > 0 && p->tgid != tgid) || p->exit_state)
		return -ESRCH;
	if (!kill_permitted(p))
		return -EPERM;
	return sig ? send_sig(sig, p, 0) : 0;
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	return do_tkill(0, pid, sig);
}

/*
 * A fault in user mode that the task cannot survive without a handler.
 * The log line says what happened, as Linux's show_unhandled_signals does.
 */
void force_sig_fault(int sig, int code, void __user *addr)
{
	struct task_struct *t = current;

	pr_info("%s[%d]: killed by signal %d (code %d) at address %px\n",
		t->comm, t->pid, sig, code, addr);
	send_sig(sig, t, 1);
}

/* On the way back to user mode: act on the first pending signal. */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct task_struct *t = current;
	unsigned long pending;
	int sig, status;

	spin_lock_irq(&t->sighand->siglock);
	pending = t->pending.signal.sig[0] & ~t->blocked.sig[0];
	if (!pending) {
		clear_tsk_thread_flag(t, TIF_SIGPENDING);
		spin_unlock_irq(&t->sighand->siglock);
		return;
	}
	sig = __builtin_ctzl(pending) + 1;
	sigdelset(&t->pending.signal, sig);
	if (!(t->pending.signal.sig[0] & ~t->blocked.sig[0]))
		clear_tsk_thread_flag(t, TIF_SIGPENDING);
	spin_unlock_irq(&t->sighand->siglock);

	if (sig_ignored(t, sig))
		return;
	/*
	 * Every other default action terminates (no handlers yet).  The
	 * "core dumped" bit stays clear: no core file is written, as on
	 * Linux with RLIMIT_CORE at its default of 0.
	 */
	status = sig;
	t->flags |= PF_SIGNALED;
	do_group_exit(status);
}

void ignore_signals(struct task_struct *t)
{
	int i;

	for (i = 0; i < _NSIG; i++)
		t->sighand->action[i].sa.sa_handler = SIG_IGN;
}
