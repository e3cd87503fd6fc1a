/* SPDX-License-Identifier: GPL-2.0 */
/* The x86 half of the function tracer: fentry sites and their patching (arch/x86/kernel/ftrace.c). */
#ifndef _ASM_X86_FTRACE_H
#define _ASM_X86_FTRACE_H

#include <linux/types.h>

#define MCOUNT_INSN_SIZE	5	/* call rel32, or the NOP of the same size */

/*
 * The registers ftrace_caller saved, lowest address first; %rbp is the
 * function's, the stack pointer at its entry is just above rbp's slot
 * plus the call into ftrace_caller.
 */
struct ftrace_regs {
	unsigned long pad, r15, r14, r13, r12, bx, r11, r10, r9, r8, di, si, dx, cx, ax, bp;
	unsigned long caller_ret;	/* into the function, after its fentry call */
	unsigned long ret;		/* the function's own return address */
};

void ftrace_caller(void);
void return_to_handler(void);
/*
 * A batch: ftrace_modify_prepare() (may sleep), then with interrupts off
 * ftrace_modify_site() for each site and ftrace_modify_done(), then
 * ftrace_modify_post().
 */
int ftrace_modify_prepare(void);
int ftrace_modify_site(unsigned long ip, bool enable);
void ftrace_modify_done(void);
void ftrace_modify_post(void);
/* Around the sites' writes, interrupts off: hold every other CPU still. */
void ftrace_stop_other_cpus(void);
void ftrace_release_other_cpus(void);

#endif
