/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registers saved on kernel entry, in the order entry_64.S pushes
 * them; the last five are the frame the CPU pushes itself.  The layout
 * matches Linux's so that ptrace and signal frames can share it.
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct pt_regs {
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long bp;
	unsigned long bx;
	unsigned long r11;
	unsigned long r10;
	unsigned long r9;
	unsigned long r8;
	unsigned long ax;
	unsigned long cx;
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	/* syscall number on SYSCALL entry, vector or error code otherwise */
	unsigned long orig_ax;
	unsigned long ip;
	unsigned long cs;
	unsigned long flags;
	unsigned long sp;
	unsigned long ss;
};

static inline int user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

static inline unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->ip;
}
#endif

/* Byte offsets, for assembly. */
#define PTREGS_R15	0
#define PTREGS_ORIG_AX	(15 * 8)
#define PTREGS_IP	(16 * 8)
#define PTREGS_CS	(17 * 8)
#define PTREGS_FLAGS	(18 * 8)
#define PTREGS_SP	(19 * 8)
#define PTREGS_SS	(20 * 8)
#define PTREGS_SIZE	(21 * 8)

#endif
