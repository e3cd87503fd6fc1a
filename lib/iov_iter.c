// SPDX-License-Identifier: GPL-2.0
/* Copying through a struct iov_iter (see <linux/uio.h>). */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	size_t n = min(bytes, i->count), left = 0;

	if (i->kernel)
		memcpy(i->buf, addr, n);
	else
		left = copy_to_user((void __user *)i->buf, addr, n);
	n -= left;
	i->buf = (char *)i->buf + n;
	i->count -= n;
	return n;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	size_t n = min(bytes, i->count), left = 0;

	/*
	 * Not copy_from_user(): it zeroes what a fault left uncopied, and
	 * here @addr is a file's page or a pipe's, whose bytes must stay.
	 */
	if (i->kernel)
		memcpy(addr, i->buf, n);
	else if (access_ok((const void __user *)i->buf, n))
		left = copy_user_generic(addr, i->buf, n);
	else
		left = n;
	n -= left;
	i->buf = (char *)i->buf + n;
	i->count -= n;
	return n;
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	size_t n = min(bytes, i->count), left = 0;

	if (i->kernel)
		memset(i->buf, 0, n);
	else
		left = clear_user((void __user *)i->buf, n);
	n -= left;
	i->buf = (char *)i->buf + n;
	i->count -= n;
	return n;
}
