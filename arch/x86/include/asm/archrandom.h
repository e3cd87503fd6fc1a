/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPU's own random numbers for drivers/char/random.c: RDRAND, where
 * CPUID says it exists.  It may fail for a moment when its entropy
 * source is drained, so each number gets a few tries (Intel suggests
 * ten).  random_get_entropy() is the cheap jitter source every CPU has:
 * the time-stamp counter.
 */
#ifndef _ASM_X86_ARCHRANDOM_H
#define _ASM_X86_ARCHRANDOM_H

#include <linux/types.h>
#include <asm/cpufeatures.h>
#include <asm/msr.h>
#include <asm/processor.h>

#define RDRAND_RETRY_LOOPS	10

static inline bool rdrand_long(unsigned long *v)
{
	int tries = RDRAND_RETRY_LOOPS;
	bool ok;

	do {
		asm volatile("rdrand %0" : "=r"(*v), "=@ccc"(ok));
	} while (!ok && --tries);
	return ok;
}

/* Fill up to @max longs; returns how many it could (0 without RDRAND). */
static inline size_t arch_get_random_longs(unsigned long *v, size_t max)
{
	size_t i;

	if (!boot_cpu_has(X86_FEATURE_RDRAND))
		return 0;
	for (i = 0; i < max; i++)
		if (!rdrand_long(&v[i]))
			break;
	return i;
}

static inline unsigned long random_get_entropy(void)
{
	return rdtsc();
}

#endif /* _ASM_X86_ARCHRANDOM_H */
