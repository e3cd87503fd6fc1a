/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reference counts that refuse to wrap: an increment from zero (use after
 * free) or a decrement below zero warns and leaves the count saturated,
 * so a counting bug leaks memory instead of handing it out twice.
 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/types.h>
#include <linux/bug.h>

typedef struct refcount_struct {
	int refs;
} refcount_t;

#define REFCOUNT_INIT(n)	{ .refs = (n) }
#define REFCOUNT_SATURATED	((int)0xc0000000)	/* far from 0 both ways */

static inline void refcount_set(refcount_t *r, int n)
{
	__atomic_store_n(&r->refs, n, __ATOMIC_RELAXED);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return __atomic_load_n(&r->refs, __ATOMIC_RELAXED);
}

static inline void refcount_inc(refcount_t *r)
{
	int old = __atomic_fetch_add(&r->refs, 1, __ATOMIC_RELAXED);

	if (WARN_ON_ONCE(old <= 0))
		refcount_set(r, REFCOUNT_SATURATED);
}

/* True when this drop released the last reference. */
static inline bool refcount_dec_and_test(refcount_t *r)
{
	int old = __atomic_fetch_sub(&r->refs, 1, __ATOMIC_RELEASE);

	if (old == 1) {
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		return true;
	}
	if (WARN_ON_ONCE(old <= 0))
		refcount_set(r, REFCOUNT_SATURATED);
	return false;
}

#endif
