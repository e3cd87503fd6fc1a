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

/*
 * Touch the first @bytes of a user source so they are mapped before the
 * caller locks a page-cache page: a write whose buffer is a mapping of
 * the same file would otherwise fault on the page it holds locked.
 * Returns the bytes that could not be faulted in.
 */
size_t fault_in_iov_iter_readable(const struct iov_iter *i, size_t bytes)
{
	const char __user *p = (const char __user *)i->buf;
	size_t n = min(bytes, i->count), done = 0;
	char c __maybe_unused;

	if (i->kernel || !n)
		return 0;
	while (done < n) {
		size_t step = PAGE_SIZE - ((unsigned long)(p + done) & (PAGE_SIZE - 1));

		if (get_user(c, p + done))
			return n - done;
		done += min(step, n - done);
	}
	if (get_user(c, p + n - 1))
		return 1;
	return 0;
}
