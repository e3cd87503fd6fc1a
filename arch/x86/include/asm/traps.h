/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <linux/types.h>
#include <asm/ptrace.h>

enum {
	X86_TRAP_DE = 0,	/* divide error */
	X86_TRAP_DB,		/* debug */
	X86_TRAP_NMI,		/* non-maskable interrupt */
	X86_TRAP_BP,		/* breakpoint */
	X86_TRAP_OF,		/* overflow */
	X86_TRAP_BR,		/* bound range exceeded */
	X86_TRAP_UD,		/* invalid opcode */
	X86_TRAP_NM,		/* device not available */
	X86_TRAP_DF,		/* double fault */
	X86_TRAP_OLD_MF,	/* coprocessor segment overrun */
	X86_TRAP_TS,		/* invalid TSS */
	X86_TRAP_NP,		/* segment not present */
	X86_TRAP_SS,		/* stack segment fault */
	X86_TRAP_GP,		/* general protection */
	X86_TRAP_PF,		/* page fault */
	X86_TRAP_SPURIOUS,	/* spurious interrupt */
	X86_TRAP_MF,		/* x87 floating-point exception */
	X86_TRAP_AC,		/* alignment check */
	X86_TRAP_MC,		/* machine check */
	X86_TRAP_XF,		/* SIMD floating-point exception */
	X86_TRAP_VE,		/* virtualization exception */
	X86_TRAP_CP,		/* control protection */
};

/* Page-fault error code bits (Intel SDM vol. 3, 4.7). */
enum x86_pf_error_code {
	X86_PF_PROT	= 1 << 0,	/* 0: not present, 1: protection */
	X86_PF_WRITE	= 1 << 1,
	X86_PF_USER	= 1 << 2,
	X86_PF_RSVD	= 1 << 3,
	X86_PF_INSTR	= 1 << 4,
	X86_PF_PK	= 1 << 5,
	X86_PF_SHSTK	= 1 << 6,
};

#define DECLARE_EXC(name) \
	extern const char asm_##name[]; \
	void name(struct pt_regs *regs, unsigned long error_code)

DECLARE_EXC(exc_divide_error);
DECLARE_EXC(exc_debug);
DECLARE_EXC(exc_nmi);
DECLARE_EXC(exc_int3);
DECLARE_EXC(exc_overflow);
DECLARE_EXC(exc_bounds);
DECLARE_EXC(exc_invalid_op);
DECLARE_EXC(exc_device_not_available);
DECLARE_EXC(exc_double_fault);
DECLARE_EXC(exc_coproc_segment_overrun);
DECLARE_EXC(exc_invalid_tss);
DECLARE_EXC(exc_segment_not_present);
DECLARE_EXC(exc_stack_segment);
DECLARE_EXC(exc_general_protection);
DECLARE_EXC(exc_page_fault);
DECLARE_EXC(exc_spurious_interrupt_bug);
DECLARE_EXC(exc_coprocessor_error);
DECLARE_EXC(exc_alignment_check);
DECLARE_EXC(exc_machine_check);
DECLARE_EXC(exc_simd_coprocessor_error);
DECLARE_EXC(exc_virtualization);
DECLARE_EXC(exc_control_protection);

extern const char irq_entries_start[];

void __noreturn die(const char *str, struct pt_regs *regs, long err);
unsigned long oops_begin(void);
void __noreturn oops_end(struct pt_regs *regs, const char *reason);
void __show_regs(struct pt_regs *regs);
bool fixup_exception(struct pt_regs *regs, int trapnr);
bool in_exception_stack(unsigned long addr, unsigned long *begin, unsigned long *end);

/* Called from the entry stubs. */
void do_IRQ(struct pt_regs *regs);
void do_page_fault(struct pt_regs *regs, unsigned long error_code, unsigned long address);

#endif
