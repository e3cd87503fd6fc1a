/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The user FPU/SSE registers.  The kernel never uses them itself
 * (-mgeneral-regs-only), so they are saved and restored only when
 * switching between tasks, and around signal handlers.
 */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H

#include <asm/processor.h>

static inline void fxsave(struct fxregs_state *fx)
{
	asm volatile("fxsaveq %0" : "=m"(*fx));
}

static inline void fxrstor(const struct fxregs_state *fx)
{
	asm volatile("fxrstorq %0" : : "m"(*fx));
}

/* The state a new program starts with: x87 and SSE at their reset values. */
static inline void fpstate_init(struct fxregs_state *fx)
{
	__builtin_memset(fx, 0, sizeof(*fx));
	fx->cwd = 0x37f;	/* all x87 exceptions masked, 64-bit precision */
	fx->mxcsr = 0x1f80;	/* all SSE exceptions masked, round to nearest */
}

#endif
