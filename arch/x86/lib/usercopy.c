// SPDX-License-Identifier: GPL-2.0
/*
 * String copies from user space.  They go byte by byte through
 * copy_user_generic, so a string that runs into an unmapped page gives
 * -EFAULT at exactly the right byte, like Linux.
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>

bool smap_enabled;

/*
 * Copy a NUL-terminated string of at most @count bytes.  Returns its
 * length (without the NUL), @count if it did not fit (not terminated),
 * or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	if (count <= 0)
		return 0;
	for (i = 0; i < count; i++) {
		if (!access_ok(src + i, 1) || copy_user_generic(dst + i, src + i, 1))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return count;
}
EXPORT_SYMBOL(strncpy_from_user);

/* Length of a user string including its NUL, 0 on a fault, > n if too long. */
long strnlen_user(const char __user *str, long n)
{
	long i;

	for (i = 0; i < n; i++) {
		char c;

		if (!access_ok(str + i, 1) || copy_user_generic(&c, str + i, 1))
			return 0;
		if (!c)
			return i + 1;
	}
	return n + 1;
}
EXPORT_SYMBOL(strnlen_user);

/* The assembly copy routines the uaccess.h inlines call, for modules too. */
EXPORT_SYMBOL(copy_user_generic);
EXPORT_SYMBOL(__clear_user);
