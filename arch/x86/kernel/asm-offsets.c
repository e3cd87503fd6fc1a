// SPDX-License-Identifier: GPL-2.0
/*
 * Structure offsets for assembly code.  This file is compiled to
 * assembly only; scripts/asm-offsets.sh turns the "->NAME value" markers
 * into #defines in <generated/asm-offsets.h>.
 */
#include <linux/sched.h>
#include <linux/stddef.h>
#include <asm/processor.h>

#define DEFINE(sym, val) \
	asm volatile("\n.ascii \"->" #sym " %0\"" : : "i"(val))

void common(void);

void common(void)
{
	DEFINE(TASK_threadsp, offsetof(struct task_struct, thread.sp));
	DEFINE(TASK_thread_flags, offsetof(struct task_struct, thread_flags));
	DEFINE(PTREGS_SIZE_C, sizeof(struct pt_regs));
	DEFINE(TSS_sp0, offsetof(struct tss_struct, x86_tss.sp0));
	DEFINE(TSS_sp2, offsetof(struct tss_struct, x86_tss.sp2));
}
