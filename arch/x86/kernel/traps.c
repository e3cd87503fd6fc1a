// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions.  An exception in the kernel is either expected (the
 * faulting instruction has an exception-table entry, as user-memory
 * accesses do) or a bug: then die() prints an oops and the kernel stops.
 * Exceptions in user mode become signals to the task (force_sig_fault).
 */
#include <linux/kernel.h>
#include <asm/smp.h>
#include <linux/hardirq.h>
#include <asm/hardirq.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/signal.h>
#include <uapi/linux/siginfo.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/traps.h>
#include <linux/uaccess.h>

/*
 * In user mode a trap is the program's own error and becomes the signal
 * POSIX assigns to it; in the kernel it is fixed up or it is an oops.
 */
static void do_error_trap(struct pt_regs *regs, long error_code,
			  const char *str, int trapnr, int signr, int sicode)
{
	if (user_mode(regs)) {
		pr_info("%s[%d] trap %s ip:%lx sp:%lx error:%lx\n", current->comm,
			current->pid, str, regs->ip, regs->sp, error_code);
		/* Linux gives these no details: SI_KERNEL, no address. */
		if (sicode == SI_KERNEL)
			force_sig(signr);
		else
			force_sig_fault(signr, sicode, (void __user *)regs->ip);
		return;
	}
	if (fixup_exception(regs, trapnr))
		return;
	die(str, regs, error_code);
}

#define DEFINE_TRAP(func, trapnr, str, signr, sicode)			\
void func(struct pt_regs *regs, unsigned long error_code)		\
{									\
	do_error_trap(regs, error_code, str, trapnr, signr, sicode);	\
}

DEFINE_TRAP(exc_divide_error,		X86_TRAP_DE,	"divide error", SIGFPE, FPE_INTDIV)
DEFINE_TRAP(exc_overflow,		X86_TRAP_OF,	"overflow", SIGSEGV, SI_KERNEL)
DEFINE_TRAP(exc_bounds,			X86_TRAP_BR,	"bounds", SIGSEGV, SI_KERNEL)
DEFINE_TRAP(exc_invalid_op,		X86_TRAP_UD,	"invalid opcode", SIGILL, ILL_ILLOPN)
DEFINE_TRAP(exc_device_not_available,	X86_TRAP_NM,	"device not available", SIGSEGV, SI_KERNEL)
DEFINE_TRAP(exc_coproc_segment_overrun,	X86_TRAP_OLD_MF, "coprocessor segment overrun", SIGFPE, SI_KERNEL)
DEFINE_TRAP(exc_invalid_tss,		X86_TRAP_TS,	"invalid TSS", SIGSEGV, SI_KERNEL)
DEFINE_TRAP(exc_segment_not_present,	X86_TRAP_NP,	"segment not present", SIGBUS, SI_KERNEL)
DEFINE_TRAP(exc_stack_segment,		X86_TRAP_SS,	"stack segment", SIGBUS, SI_KERNEL)
DEFINE_TRAP(exc_spurious_interrupt_bug,	X86_TRAP_SPURIOUS, "spurious interrupt bug", SIGSEGV, SI_KERNEL)
DEFINE_TRAP(exc_coprocessor_error,	X86_TRAP_MF,	"coprocessor error", SIGFPE, SI_KERNEL)
DEFINE_TRAP(exc_alignment_check,	X86_TRAP_AC,	"alignment check", SIGBUS, BUS_ADRERR)
DEFINE_TRAP(exc_simd_coprocessor_error,	X86_TRAP_XF,	"SIMD coprocessor error", SIGFPE, SI_KERNEL)
DEFINE_TRAP(exc_virtualization,		X86_TRAP_VE,	"virtualization exception", SIGSEGV, SI_KERNEL)
DEFINE_TRAP(exc_control_protection,	X86_TRAP_CP,	"control protection fault", SIGSEGV, SI_KERNEL)
DEFINE_TRAP(exc_int3,			X86_TRAP_BP,	"int3", SIGTRAP, SI_KERNEL)

#define DR6_RESERVED	0xffff0ff0UL	/* what DR6 reads with no condition recorded */
#define DR6_BS		(1UL << 14)	/* single step */

/*
 * #DB.  From user mode it is a single step: the tracer's
 * (PTRACE_SINGLESTEP sets TF) or the program's own TF; either way a
 * SIGTRAP with TRAP_TRACE, which a tracee turns into a stop.  Hardware
 * breakpoints are never armed (ptrace keeps u_debugreg as values only),
 * so a #DB in the kernel is stray: cleared and ignored, never fatal.
 */
void exc_debug(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long dr6;

	asm volatile("mov %%db6, %0" : "=r"(dr6));
	asm volatile("mov %0, %%db6" : : "r"(DR6_RESERVED));
	if (!user_mode(regs))
		return;
	current->thread.debugreg6 = dr6 ^ DR6_RESERVED;
	force_sig_fault(SIGTRAP, (dr6 & DR6_BS) ? TRAP_TRACE : TRAP_BRKPT,
			(void __user *)regs->ip);
}

#define INSN_CLI	0xfa
#define INSN_STI	0xfb

/*
 * iopl(3) is emulated through the I/O bitmap (ioport.c), so the CLI and
 * STI of a program that raised it still trap.  As on Linux they become
 * no-ops, with a warning once: such programs guarded port sequences with
 * them, and the kernel keeps interrupts its own.
 */
static bool fixup_iopl_exception(struct pt_regs *regs, unsigned long error_code)
{
	unsigned char insn;

	if (!user_mode(regs) || error_code || current->thread.iopl_emul != 3)
		return false;
	/* Reading the instruction may fault and sleep: user mode had interrupts on. */
	local_irq_enable();
	if (copy_from_user(&insn, (const void __user *)regs->ip, 1) ||
	    (insn != INSN_CLI && insn != INSN_STI))
		return false;
	pr_warn_once("%s[%d] attempts to use CLI/STI, pretending it's a NOP, ip:%lx\n",
		     current->comm, current->pid, regs->ip);
	regs->ip += 1;
	return true;
}

void exc_general_protection(struct pt_regs *regs, unsigned long error_code)
{
	if (fixup_iopl_exception(regs, error_code))
		return;
	do_error_trap(regs, error_code, "general protection fault", X86_TRAP_GP, SIGSEGV,
		      SI_KERNEL);
}

/* Nothing in a VM sends NMIs on purpose; say so instead of hiding it. */
void exc_nmi(struct pt_regs *regs, unsigned long error_code)
{
	/* Another CPU is panicking or powering off: stop here (smp.c). */
	if (smp_stop_requested())
		stop_this_cpu();
	nmi_enter();
	inc_irq_stat(__nmi_count);
	pr_emerg("NMI received at %pS, ignoring\n", (void *)regs->ip);
	nmi_exit();
}

void exc_machine_check(struct pt_regs *regs, unsigned long error_code)
{
	die("machine check", regs, 0);
}

/*
 * A fault while delivering a fault: the stack or the IDT is broken.  We
 * run on the IST stack, so there is a safe place to say what happened.
 */
void exc_double_fault(struct pt_regs *regs, unsigned long error_code)
{
	pr_emerg("PANIC: double fault, error_code: 0x%lx\n", error_code);
	die("double fault", regs, error_code);
}
