/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct iov_iter: where the bytes of a read or write come from or go to.
 * A file's read_iter/write_iter copies through it and never needs to know
 * whether the buffer is a user address (read(2)) or kernel memory
 * (kernel_read() from exec).  Lantern's iterator is one segment: readv
 * and writev walk their vectors one iovec at a time.
 */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

#include <linux/types.h>

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV	1024

struct iov_iter {
	bool kernel;		/* buf is kernel memory, not a user address */
	void *buf;		/* next byte (__user unless kernel) */
	size_t count;		/* bytes left */
};

static inline void iov_iter_ubuf(struct iov_iter *i, void __user *buf, size_t len)
{
	i->kernel = false;
	i->buf = (void __force *)buf;
	i->count = len;
}

static inline void iov_iter_kvec(struct iov_iter *i, void *buf, size_t len)
{
	i->kernel = true;
	i->buf = buf;
	i->count = len;
}

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/* Stop after @count more bytes (a write shortened to the size limit). */
static inline void iov_iter_truncate(struct iov_iter *i, size_t count)
{
	if (i->count > count)
		i->count = count;
}

/* Undo iov_iter_truncate: @count bytes are left again. */
static inline void iov_iter_reexpand(struct iov_iter *i, size_t count)
{
	i->count = count;
}

/* Each returns the bytes copied; fewer than asked only on a fault. */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
size_t fault_in_iov_iter_readable(const struct iov_iter *i, size_t bytes);

#endif
