// SPDX-License-Identifier: GPL-2.0
/*
 * Searching bitmaps for set or clear bits, a word at a time: whole words
 * with nothing of interest are skipped with one compare, and inside a
 * word the bit is found with a single bsf (__ffs).  Searching for a zero
 * is searching the complement, so both share find_next().
 *
 * Words are read only while they hold bits below @size, so a bitmap of
 * exactly BITS_TO_LONGS(size) words is never overrun; stray bits past
 * @size in the last word are never reported.
 */
#include <linux/bitmap.h>

/* @invert is 0 to find a set bit, ~0UL to find a clear one. */
static unsigned long find_next(const unsigned long *addr, unsigned long size,
			       unsigned long start, unsigned long invert)
{
	unsigned long word;

	if (start >= size)
		return size;
	word = (addr[BIT_WORD(start)] ^ invert) & BITMAP_FIRST_WORD_MASK(start);
	start -= start % BITS_PER_LONG;
	while (!word) {
		start += BITS_PER_LONG;
		if (start >= size)
			return size;
		word = addr[BIT_WORD(start)] ^ invert;
	}
	start += __ffs(word);
	return start < size ? start : size;
}

unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset)
{
	return find_next(addr, size, offset, 0);
}

unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset)
{
	return find_next(addr, size, offset, ~0UL);
}

unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{
	return find_next(addr, size, 0, 0);
}

unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size)
{
	return find_next(addr, size, 0, ~0UL);
}

unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	unsigned long idx;
	unsigned long word;

	if (!size)
		return size;
	idx = BIT_WORD(size - 1);
	word = addr[idx] & BITMAP_LAST_WORD_MASK(size);
	while (!word) {
		if (idx == 0)
			return size;
		word = addr[--idx];
	}
	return idx * BITS_PER_LONG + __fls(word);
}
