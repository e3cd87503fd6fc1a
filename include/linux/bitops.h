/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Operations on single bits of a bitmap (an array of unsigned long, bit
 * @nr in word nr / BITS_PER_LONG), and on the bits of one word.
 *
 * set_bit(), clear_bit(), change_bit() and the test_and_*() forms are
 * atomic (the architecture's, in asm/bitops.h), so CPUs may flip
 * different bits of one word at the same time.  The __ forms are
 * the same operations without the lock prefix, for data no one else can
 * touch; they are much cheaper.  test_bit() is a plain load.
 *
 * The find_*_bit() searches are in lib/find_bit.c.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bits.h>

#define BITS_TO_LONGS(nr)	(((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define BITS_TO_U64(nr)		(((nr) + 63) / 64)
#define BITS_TO_U32(nr)		(((nr) + 31) / 32)
#define BITS_TO_BYTES(nr)	(((nr) + BITS_PER_BYTE - 1) / BITS_PER_BYTE)

static __always_inline void __set_bit(long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static __always_inline void __clear_bit(long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

static __always_inline void __change_bit(long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] ^= BIT_MASK(nr);
}

static __always_inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

static __always_inline bool __test_and_set_bit(long nr, volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	__set_bit(nr, addr);
	return old;
}

static __always_inline bool __test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	__clear_bit(nr, addr);
	return old;
}

static __always_inline bool __test_and_change_bit(long nr, volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	__change_bit(nr, addr);
	return old;
}

#ifdef __HOST_TEST__
/* Host unit tests are single-threaded: the plain forms stand in. */
#define set_bit(nr, addr)		__set_bit(nr, addr)
#define clear_bit(nr, addr)		__clear_bit(nr, addr)
#define change_bit(nr, addr)		__change_bit(nr, addr)
#define test_and_set_bit(nr, addr)	__test_and_set_bit(nr, addr)
#define test_and_clear_bit(nr, addr)	__test_and_clear_bit(nr, addr)
#define test_and_change_bit(nr, addr)	__test_and_change_bit(nr, addr)
#else
#include <asm/bitops.h>
#endif /* __HOST_TEST__ */

/*
 * Bit positions within one word.  __ffs/__fls/ffz count from 0 and are
 * undefined for a word with no such bit; ffs/fls/fls64 count from 1 and
 * return 0 for 0, as the C library's ffs() does.  The builtins compile to
 * bsf/bsr/tzcnt/lzcnt: no library call.
 */
static __always_inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

static __always_inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(word);
}

static __always_inline unsigned long ffz(unsigned long word)
{
	return __ffs(~word);
}

static __always_inline int ffs(int x)
{
	return x ? __builtin_ctz(x) + 1 : 0;
}

static __always_inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

static __always_inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

static __always_inline unsigned int fls_long(unsigned long l)
{
	return fls64(l);
}

/*
 * Population counts, done with shifts and masks: __builtin_popcount would
 * become a call into libgcc, which the kernel does not link, on CPUs
 * without the popcnt instruction.
 */
static inline unsigned int hweight64(u64 w)
{
	w -= (w >> 1) & 0x5555555555555555ULL;
	w = (w & 0x3333333333333333ULL) + ((w >> 2) & 0x3333333333333333ULL);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (w * 0x0101010101010101ULL) >> 56;
}

static inline unsigned int hweight32(u32 w)	{ return hweight64(w); }
static inline unsigned int hweight16(u16 w)	{ return hweight64(w); }
static inline unsigned int hweight8(u8 w)	{ return hweight64(w); }
static inline unsigned long hweight_long(unsigned long w) { return hweight64(w); }

/* Searches return @size when there is no such bit. */
unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset);
unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset);
unsigned long find_last_bit(const unsigned long *addr, unsigned long size);

#define for_each_set_bit(bit, addr, size)				\
	for ((bit) = find_first_bit((addr), (size));			\
	     (bit) < (size);						\
	     (bit) = find_next_bit((addr), (size), (bit) + 1))

#define for_each_clear_bit(bit, addr, size)				\
	for ((bit) = find_first_zero_bit((addr), (size));		\
	     (bit) < (size);						\
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))

#endif /* _LINUX_BITOPS_H */
