/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Touching memory that may not be there.  Each access that may fault has
 * an exception-table entry: the page-fault handler finds it and resumes
 * at the fixup, which makes the access return -EFAULT instead of oopsing.
 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

#include <linux/errno.h>
#include <linux/types.h>
#include <asm/asm.h>

/* Read one byte of kernel memory; -EFAULT if it is not mapped. */
static inline int __get_kernel_nofault_u8(u8 *dst, const void *src)
{
	int err = 0;
	u8 val = 0;

	asm volatile("1:	movb (%[src]), %[val]\n"
		     "2:\n"
		     "	.pushsection .fixup, \"ax\"\n"
		     "3:	movl %[efault], %[err]\n"
		     "	jmp 2b\n"
		     "	.popsection\n"
		     _ASM_EXTABLE(1b, 3b)
		     : [err] "+r"(err), [val] "+q"(val)
		     : [src] "r"(src), [efault] "i"(-EFAULT));
	*dst = val;
	return err;
}

long copy_from_kernel_nofault(void *dst, const void *src, size_t size);

#endif
