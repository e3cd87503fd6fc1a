// SPDX-License-Identifier: GPL-2.0
/*
 * sys_call_table: the seed's step 5, "sys_call_table[rax] -> sys_read()".
 *
 * The table is generated from syscalls/syscall_64.tbl.  Every entry names
 * __x64_sys_<name>; the ones no file defines are weak references that
 * link to address 0, and do_syscall_64 answers those with -ENOSYS and a
 * log line naming the call, once per call, so gaps show up in dmesg.
 */
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/bitmap.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <linux/ptrace.h>
#include <linux/sched/signal.h>
#include <uapi/linux/siginfo.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>

#define __SYSCALL(nr, sym, name) \
	extern long __x64_##sym(const struct pt_regs *) __attribute__((weak));
#include <generated/syscalls_64.h>
#undef __SYSCALL

#define __SYSCALL(nr, sym, name) [nr] = __x64_##sym,
const sys_call_ptr_t sys_call_table[] = {
#include <generated/syscalls_64.h>
};
#undef __SYSCALL

#define NR_syscalls ARRAY_SIZE(sys_call_table)

#define __SYSCALL(nr, sym, name) [nr] = name,
static const char *const syscall_names[NR_syscalls] = {
#include <generated/syscalls_64.h>
};
#undef __SYSCALL

static DECLARE_BITMAP(ni_logged, NR_syscalls);

const char *syscall_name(unsigned int nr)
{
	return nr < NR_syscalls && syscall_names[nr] ? syscall_names[nr] : NULL;
}

unsigned int syscall_table_size(void)
{
	return NR_syscalls;
}

sys_call_ptr_t syscall_table_entry(unsigned int nr)
{
	return nr < NR_syscalls ? sys_call_table[nr] : NULL;
}

static long sys_ni_syscall(unsigned long nr)
{
	/*
	 * Once per call, at KERN_DEBUG: below the default console level, so
	 * the log (dmesg) has it but the console of every boot is not cluttered
	 * by the calls libc probes for (rseq, set_robust_list...).
	 */
	if (nr < NR_syscalls && !test_and_set_bit(nr, ni_logged))
		printk(KERN_DEBUG "%s[%d]: unimplemented system call %lu (%s) returns -ENOSYS\n",
			current->comm, current->pid, nr,
			syscall_names[nr] ? syscall_names[nr] : "unassigned");
	return -ENOSYS;
}

void syscall_exit_to_user_mode(struct pt_regs *regs);

/*
 * The tracer's syscall-exit stop (it may change the result in ax), or,
 * when single-stepping, the trap the SYSCALL instruction itself owes:
 * TF is masked in the kernel, so without it the step after a system
 * call would silently cover two instructions.
 */
static void syscall_exit_work(struct pt_regs *regs)
{
	if (unlikely(test_tsk_thread_flag(current, TIF_SINGLESTEP)))
		force_sig_fault(SIGTRAP, TRAP_TRACE, (void __user *)regs->ip);
	else if (unlikely(test_tsk_thread_flag(current, TIF_SYSCALL_TRACE)))
		ptrace_report_syscall_exit(regs);
}

/*
 * Called from entry_SYSCALL_64 with interrupts off.  Returns true if the
 * return may use SYSRET: only when rcx/r11 still equal ip/flags (an exec
 * or a signal frame changes them), the address is a canonical user
 * address (SYSRET to a non-canonical one faults in ring 0 on Intel), and
 * no single-step or resume flag needs IRET's exact semantics.
 */
bool do_syscall_64(struct pt_regs *regs, unsigned long nr);

bool do_syscall_64(struct pt_regs *regs, unsigned long nr)
{
	local_irq_enable();
	/*
	 * The tracer's syscall-entry stop comes before seccomp, as on Linux:
	 * it may rewrite the number and arguments, and -1 skips the call.
	 */
	if (unlikely(test_tsk_thread_flag(current, TIF_SYSCALL_TRACE))) {
		if (ptrace_report_syscall_entry(regs))
			goto out;
		nr = regs->orig_ax;
		if ((long)nr == -1)
			goto out;
	}
	/* seccomp next: a refused call never reaches the table. */
	if (unlikely(current->seccomp.mode) && !(current->ptrace & PT_SUSPEND_SECCOMP)) {
		if (!secure_computing(current, regs, nr, current->seccomp.mode))
			goto out;
		nr = regs->orig_ax;	/* a tracer at a seccomp stop may have changed it */
	}
	/* The syscalls trace events see the call as it will run, after both. */
	if (unlikely(READ_ONCE(syscall_trace_count)))
		trace_sys_enter(regs, nr);
	if (likely(nr < NR_syscalls && sys_call_table[nr]))
		regs->ax = sys_call_table[nr](regs);
	else
		regs->ax = sys_ni_syscall(nr);
	if (unlikely(READ_ONCE(syscall_trace_count)))
		trace_sys_exit(regs, regs->ax);
out:
	syscall_exit_work(regs);
	syscall_exit_to_user_mode(regs);

	return regs->cx == regs->ip && regs->r11 == regs->flags &&
	       regs->ip < TASK_SIZE_MAX &&
	       !(regs->flags & (X86_EFLAGS_RF | X86_EFLAGS_TF)) &&
	       regs->cs == __USER_CS && regs->ss == __USER_DS;
}
