/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one atomic instruction the futex code needs on user memory: a
 * locked cmpxchg with an exception-table fixup (arch/x86/lib/usercopy_64.S).
 * Every other operation (WAKE_OP's add, or, xor ...) is a loop around it.
 */
#ifndef _ASM_X86_FUTEX_H
#define _ASM_X86_FUTEX_H

#include <linux/types.h>

int futex_atomic_cmpxchg_inatomic(u32 *uval, u32 __user *uaddr, u32 oldval, u32 newval);

#endif
