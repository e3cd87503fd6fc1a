/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

#include <linux/types.h>

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define roundup(x, y)		((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y)		((x) - ((x) % (y)))

/* Divide a u64 in place by a u32 and return the remainder, as Linux does. */
#define do_div(n, base) ({					\
	u32 __base = (base);					\
	u32 __rem = (u32)((u64)(n) % __base);			\
	(n) = (u64)(n) / __base;				\
	__rem; })

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	return dividend / divisor;
}

static inline u64 div64_u64(u64 dividend, u64 divisor)
{
	return dividend / divisor;
}

/*
 * a * mul / divisor without a 128-bit division (which would need libgcc):
 * split a into quotient and remainder by divisor; both products fit.
 */
static inline u64 mul_u64_u32_div(u64 a, u32 mul, u32 divisor)
{
	return (a / divisor) * mul + (a % divisor) * mul / divisor;
}

#endif
