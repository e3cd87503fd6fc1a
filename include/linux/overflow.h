/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Arithmetic that reports overflow instead of wrapping, for sizes that
 * come from counts (n * size) where a wrapped product would allocate a
 * buffer too small for what is then written into it.
 */
#ifndef _LINUX_OVERFLOW_H
#define _LINUX_OVERFLOW_H

#include <linux/types.h>
#include <linux/compiler.h>

/* Store a + b (a * b, a - b) in *d; true if the result did not fit. */
#define check_add_overflow(a, b, d)	__builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d)	__builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d)	__builtin_mul_overflow(a, b, d)

/* a * b, or SIZE_MAX if that overflows, so the allocation fails. */
static inline size_t array_size(size_t a, size_t b)
{
	size_t bytes;

	if (check_mul_overflow(a, b, &bytes))
		return ~(size_t)0;
	return bytes;
}

#endif /* _LINUX_OVERFLOW_H */
