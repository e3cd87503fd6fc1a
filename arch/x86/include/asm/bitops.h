/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The atomic bit operations of <linux/bitops.h> on x86: a "lock bts",
 * "btr" or "btc" on the word holding the bit, and for the test_and_*()
 * forms the bit's old value from the carry flag.  Include
 * <linux/bitops.h>, not this file.
 */
#ifndef _ASM_X86_BITOPS_H
#define _ASM_X86_BITOPS_H

#ifndef _LINUX_BITOPS_H
#error only <linux/bitops.h> can be included directly
#endif

/*
 * The instruction addresses the word that holds the bit, so the bit
 * offset is always below 64 and may be an immediate ("J").  The "memory"
 * clobber makes each one a compiler barrier, as callers expect of atomics.
 */
#define BITOP_WORD(nr, addr)	((addr)[BIT_WORD((unsigned long)(nr))])
#define BITOP_BIT(nr)		((unsigned long)(nr) % BITS_PER_LONG)

static __always_inline void set_bit(long nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("lock btsq %1, %0"
			     : "+m"(BITOP_WORD(nr, addr)) : "Jr"(BITOP_BIT(nr)) : "memory");
}

static __always_inline void clear_bit(long nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("lock btrq %1, %0"
			     : "+m"(BITOP_WORD(nr, addr)) : "Jr"(BITOP_BIT(nr)) : "memory");
}

static __always_inline void change_bit(long nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("lock btcq %1, %0"
			     : "+m"(BITOP_WORD(nr, addr)) : "Jr"(BITOP_BIT(nr)) : "memory");
}

/* The bit's old value comes back in the carry flag. */
static __always_inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	bool old;

	__asm__ __volatile__("lock btsq %2, %1"
			     : "=@ccc"(old), "+m"(BITOP_WORD(nr, addr))
			     : "Jr"(BITOP_BIT(nr)) : "memory");
	return old;
}

static __always_inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	bool old;

	__asm__ __volatile__("lock btrq %2, %1"
			     : "=@ccc"(old), "+m"(BITOP_WORD(nr, addr))
			     : "Jr"(BITOP_BIT(nr)) : "memory");
	return old;
}

static __always_inline bool test_and_change_bit(long nr, volatile unsigned long *addr)
{
	bool old;

	__asm__ __volatile__("lock btcq %2, %1"
			     : "=@ccc"(old), "+m"(BITOP_WORD(nr, addr))
			     : "Jr"(BITOP_BIT(nr)) : "memory");
	return old;
}
#endif /* _ASM_X86_BITOPS_H */
