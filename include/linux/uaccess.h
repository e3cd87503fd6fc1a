/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The only ways the kernel touches user memory.  Each checks that the
 * range lies below TASK_SIZE_MAX (so a user pointer can never make the
 * kernel read or write its own memory) and turns a fault into -EFAULT,
 * never an oops.  Return values follow Linux: copy_*_user return the
 * number of bytes NOT copied; get_user/put_user return 0 or -EFAULT.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/lockdep.h>
#include <asm/page_64_types.h>

#define USER_ADDR_LIMIT	((1UL << 47) - PAGE_SIZE)

static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= USER_ADDR_LIMIT && a <= USER_ADDR_LIMIT - size;
}

unsigned long copy_user_generic(void *to, const void *from, unsigned long len);
unsigned long __clear_user(void __user *to, unsigned long len);
long strncpy_from_user(char *dst, const char __user *src, long count);
long strnlen_user(const char __user *str, long n);

static inline unsigned long copy_from_user(void *to, const void __user *from,
					   unsigned long n)
{
	unsigned long left = n;

	might_fault();
	if (access_ok(from, n))
		left = copy_user_generic(to, (const void *)from, n);
	/* Never leave kernel memory uninitialized behind a short copy. */
	if (unlikely(left))
		memset((char *)to + (n - left), 0, left);
	return left;
}

static inline unsigned long copy_to_user(void __user *to, const void *from,
					 unsigned long n)
{
	might_fault();
	if (!access_ok(to, n))
		return n;
	return copy_user_generic((void *)to, from, n);
}

static inline unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __clear_user(to, n);
}

/* Read into raw bytes: *(ptr) may be a const type we cannot assign to. */
#define get_user(x, ptr) ({						\
	unsigned char __gu_buf[sizeof(*(ptr))] __aligned(8);		\
	int __gu_err = copy_from_user(__gu_buf, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
	(x) = *(__typeof__(*(ptr)) *)__gu_buf;				\
	__gu_err; })

#define put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __pu_val = (x);				\
	copy_to_user((ptr), &__pu_val, sizeof(__pu_val)) ? -EFAULT : 0; })

/* A user pointer passed in a u64 field (clone3, futex_waitv). */
#define u64_to_user_ptr(x)	((void __user *)(uintptr_t)(u64)(x))

#endif
