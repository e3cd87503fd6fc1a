// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions.  An exception in the kernel is either expected (the
 * faulting instruction has an exception-table entry, as user-memory
 * accesses do) or a bug: then die() prints an oops and the kernel stops.
 * Exceptions in user mode become signals to the task (with signals).
 */
#include <linux/kernel.h>
#include <linux/sched/debug.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/traps.h>

static void do_error_trap(struct pt_regs *regs, long error_code,
			  const char *str, int trapnr)
{
	if (!user_mode(regs) && fixup_exception(regs, trapnr))
		return;
	/* Until processes exist, every trap is the kernel's own. */
	die(str, regs, error_code);
}

#define DEFINE_TRAP(func, trapnr, str)					\
void func(struct pt_regs *regs, unsigned long error_code)		\
{									\
	do_error_trap(regs, error_code, str, trapnr);			\
}

DEFINE_TRAP(exc_divide_error,		X86_TRAP_DE,	"divide error")
DEFINE_TRAP(exc_overflow,		X86_TRAP_OF,	"overflow")
DEFINE_TRAP(exc_bounds,			X86_TRAP_BR,	"bounds")
DEFINE_TRAP(exc_invalid_op,		X86_TRAP_UD,	"invalid opcode")
DEFINE_TRAP(exc_device_not_available,	X86_TRAP_NM,	"device not available")
DEFINE_TRAP(exc_coproc_segment_overrun,	X86_TRAP_OLD_MF, "coprocessor segment overrun")
DEFINE_TRAP(exc_invalid_tss,		X86_TRAP_TS,	"invalid TSS")
DEFINE_TRAP(exc_segment_not_present,	X86_TRAP_NP,	"segment not present")
DEFINE_TRAP(exc_stack_segment,		X86_TRAP_SS,	"stack segment")
DEFINE_TRAP(exc_general_protection,	X86_TRAP_GP,	"general protection fault")
DEFINE_TRAP(exc_spurious_interrupt_bug,	X86_TRAP_SPURIOUS, "spurious interrupt bug")
DEFINE_TRAP(exc_coprocessor_error,	X86_TRAP_MF,	"coprocessor error")
DEFINE_TRAP(exc_alignment_check,	X86_TRAP_AC,	"alignment check")
DEFINE_TRAP(exc_simd_coprocessor_error,	X86_TRAP_XF,	"SIMD coprocessor error")
DEFINE_TRAP(exc_virtualization,		X86_TRAP_VE,	"virtualization exception")
DEFINE_TRAP(exc_control_protection,	X86_TRAP_CP,	"control protection fault")
DEFINE_TRAP(exc_debug,			X86_TRAP_DB,	"debug")

void exc_int3(struct pt_regs *regs, unsigned long error_code)
{
	do_error_trap(regs, error_code, "int3", X86_TRAP_BP);
}

/* Nothing in a VM sends NMIs on purpose; say so instead of hiding it. */
void exc_nmi(struct pt_regs *regs, unsigned long error_code)
{
	pr_emerg("NMI received at %pS, ignoring\n", (void *)regs->ip);
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
