// SPDX-License-Identifier: GPL-2.0
/*
 * Reading kernel memory that might be unmapped, for the oops printer and
 * debugging aids: a wild pointer in an oops must not cause a second one.
 */
#include <linux/kernel.h>
#include <asm/uaccess.h>

long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	u8 *d = dst;
	const u8 *s = src;

	while (size--) {
		if (__get_kernel_nofault_u8(d++, s++))
			return -EFAULT;
	}
	return 0;
}
