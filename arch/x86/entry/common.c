// SPDX-License-Identifier: GPL-2.0
/*
 * The last C code before any return to user mode (from a system call, an
 * interrupt or an exception): act on work flagged while we were in the
 * kernel.  This is where the timer's "need resched" becomes a context
 * switch (the preemption point for user code) and where pending fatal
 * signals end the task.  Runs with interrupts off; enables them only
 * around the work itself.
 */
#include <linux/kernel.h>
#include <linux/key.h>
#include <linux/rseq.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>

void syscall_exit_to_user_mode(struct pt_regs *regs);
void irqentry_exit_to_user_mode(struct pt_regs *regs);

#define EXIT_TO_USER_WORK ((1UL << TIF_NEED_RESCHED) | (1UL << TIF_SIGPENDING) | \
			   (1UL << TIF_NOTIFY_RESUME))

static void exit_to_user_mode_loop(struct pt_regs *regs, unsigned long work)
{
	while (work & EXIT_TO_USER_WORK) {
		local_irq_enable();
		if (work & (1UL << TIF_NEED_RESCHED))
			schedule();
		if (work & (1UL << TIF_SIGPENDING))
			arch_do_signal_or_restart(regs);
		/*
		 * rseq: abort an interrupted critical section, refresh cpu_id;
		 * keys: a session keyring a child gave us (KEYCTL_SESSION_TO_PARENT).
		 */
		if (test_tsk_thread_flag(current, TIF_NOTIFY_RESUME)) {
			clear_tsk_thread_flag(current, TIF_NOTIFY_RESUME);
			rseq_handle_notify_resume(regs);
			key_change_session_keyring();
		}
		local_irq_disable();
		work = READ_ONCE(current->thread_flags);
	}
}

void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	unsigned long work;

	local_irq_disable();
	work = READ_ONCE(current->thread_flags);
	if (unlikely(work & EXIT_TO_USER_WORK))
		exit_to_user_mode_loop(regs, work);
}

void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
	syscall_exit_to_user_mode(regs);
}
