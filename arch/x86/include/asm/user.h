/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What ptrace's PEEKUSER/POKEUSER offsets index (struct user) and what
 * GETREGS/SETREGS copy (struct user_regs_struct): x86-64 Linux's layout,
 * which debuggers and libc's <sys/user.h> hard-code.
 */
#ifndef _ASM_X86_USER_H
#define _ASM_X86_USER_H

#include <linux/types.h>
#include <asm/processor.h>

/* The first 21 words are struct pt_regs, in the same order. */
struct user_regs_struct {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8;
	unsigned long ax, cx, dx, si, di, orig_ax, ip, cs, flags, sp, ss;
	unsigned long fs_base, gs_base;
	unsigned long ds, es, fs, gs;
};

struct user {
	struct user_regs_struct regs;
	int u_fpvalid;
	int pad0;
	struct fxregs_state i387;
	unsigned long u_tsize, u_dsize, u_ssize;
	unsigned long start_code, start_stack;
	long signal;
	int reserved;
	int pad1;
	unsigned long u_ar0;
	struct fxregs_state *u_fpstate;
	unsigned long magic;
	char u_comm[32];
	unsigned long u_debugreg[8];
	unsigned long error_code;
	unsigned long fault_address;
};

#endif
