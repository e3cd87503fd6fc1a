/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How BUG() stops the kernel on x86: ud2, the instruction defined to be
 * invalid, traps to do_invalid_op, which oopses with the registers and
 * a backtrace from the BUG() site.
 */
#ifndef _ASM_X86_BUG_H
#define _ASM_X86_BUG_H

#define __BUG_TRAP()	asm volatile("ud2")

#endif /* _ASM_X86_BUG_H */
