// SPDX-License-Identifier: GPL-2.0
/*
 * The last C code before returning to user mode from an interrupt or
 * exception: the place to act on work that was flagged while we were in
 * the kernel (reschedule, deliver signals).  With no user tasks yet there
 * is no such work.
 */
#include <linux/kernel.h>
#include <asm/ptrace.h>

void irqentry_exit_to_user_mode(struct pt_regs *regs);

void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
}
