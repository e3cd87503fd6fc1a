/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomic integers: atomic_t (int) and atomic_long_t (long), the types
 * behind page reference counts and memory counters.  Every operation is a
 * single locked instruction through the compiler's __atomic builtins, so
 * they are safe against interrupts and other CPUs without a lock.  The
 * plain read and set are single untorn accesses and order nothing.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>

#define ATOMIC_INIT(i)		{ (i) }
#define ATOMIC_LONG_INIT(i)	{ (i) }

#define __ATOMIC_OPS(prefix, atype, itype)					\
static inline itype prefix##_read(const atype *v)			\
{									\
	return READ_ONCE(v->counter);					\
}									\
static inline void prefix##_set(atype *v, itype i)			\
{									\
	WRITE_ONCE(v->counter, i);					\
}									\
static inline void prefix##_add(itype i, atype *v)			\
{									\
	__atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);		\
}									\
static inline void prefix##_sub(itype i, atype *v)			\
{									\
	__atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED);		\
}									\
static inline void prefix##_inc(atype *v)				\
{									\
	prefix##_add(1, v);						\
}									\
static inline void prefix##_dec(atype *v)				\
{									\
	prefix##_sub(1, v);						\
}									\
static inline itype prefix##_add_return(itype i, atype *v)		\
{									\
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);	\
}									\
static inline itype prefix##_sub_return(itype i, atype *v)		\
{									\
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);	\
}									\
static inline itype prefix##_inc_return(atype *v)			\
{									\
	return prefix##_add_return(1, v);				\
}									\
static inline itype prefix##_dec_return(atype *v)			\
{									\
	return prefix##_sub_return(1, v);				\
}									\
static inline bool prefix##_dec_and_test(atype *v)			\
{									\
	return prefix##_sub_return(1, v) == 0;				\
}									\
static inline bool prefix##_inc_and_test(atype *v)			\
{									\
	return prefix##_add_return(1, v) == 0;				\
}									\
static inline bool prefix##_sub_and_test(itype i, atype *v)		\
{									\
	return prefix##_sub_return(i, v) == 0;				\
}									\
static inline bool prefix##_add_negative(itype i, atype *v)		\
{									\
	return prefix##_add_return(i, v) < 0;				\
}									\
static inline itype prefix##_xchg(atype *v, itype i)			\
{									\
	return __atomic_exchange_n(&v->counter, i, __ATOMIC_SEQ_CST);	\
}									\
static inline itype prefix##_cmpxchg(atype *v, itype old, itype new)	\
{									\
	__atomic_compare_exchange_n(&v->counter, &old, new, false,	\
				    __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);	\
	return old;							\
}									\
/* Add @a unless the value is @u; true if it added. */			\
static inline bool prefix##_add_unless(atype *v, itype a, itype u)	\
{									\
	itype c = prefix##_read(v);					\
									\
	do {								\
		if (c == u)						\
			return false;					\
	} while (!__atomic_compare_exchange_n(&v->counter, &c, c + a,	\
			false, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));	\
	return true;							\
}

__ATOMIC_OPS(atomic, atomic_t, int)
__ATOMIC_OPS(atomic_long, atomic_long_t, long)
#undef __ATOMIC_OPS

#define atomic_inc_not_zero(v)		atomic_add_unless((v), 1, 0)
#define atomic_long_inc_not_zero(v)	atomic_long_add_unless((v), 1, 0)

#endif /* _LINUX_ATOMIC_H */
