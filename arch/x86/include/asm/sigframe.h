/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86-64 signal frame, byte for byte the layout Linux programs
 * expect (glibc's and musl's ucontext_t, debuggers, unwinders): the
 * handler's return address (sa_restorer, which calls rt_sigreturn), the
 * ucontext with the interrupted registers, then the siginfo.  The FPU
 * state (fxsave format) lies below, 64-byte aligned; the sigcontext's
 * fpstate points at it.
 */
#ifndef _ASM_X86_SIGFRAME_H
#define _ASM_X86_SIGFRAME_H

#include <linux/types.h>
#include <linux/signal_types.h>

struct sigcontext {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp;
	u64 ip;
	u64 flags;
	u16 cs, gs, fs, ss;
	u64 err;
	u64 trapno;
	u64 oldmask;
	u64 cr2;
	u64 fpstate;		/* struct fxregs_state __user *, or 0 */
	u64 reserved1[8];
};

/* uc_flags */
#define UC_FP_XSTATE		0x1
#define UC_SIGCONTEXT_SS	0x2	/* sigcontext.ss is meaningful */
#define UC_STRICT_RESTORE_SS	0x4	/* rt_sigreturn takes ss from it */

struct ucontext {
	unsigned long uc_flags;
	struct ucontext __user *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;
};

struct rt_sigframe {
	char __user *pretcode;	/* where the handler's ret goes: sa_restorer */
	struct ucontext uc;
	siginfo_t info;
};

#endif
