// SPDX-License-Identifier: GPL-2.0
/*
 * Whole-bitmap operations (see <linux/bitmap.h> for the conventions).
 * Word-wise logic runs over every word, tail included; anything that
 * reports on the result -- weight, equality, emptiness -- masks the last
 * word with BITMAP_LAST_WORD_MASK(), because the bits past @nbits are
 * not part of the set.  The bit searches live in lib/find_bit.c.
 */
#include <linux/bitmap.h>

/* @n bits (1..BITS_PER_LONG) starting at bit @bit of a word. */
static unsigned long range_mask(unsigned int bit, unsigned int n)
{
	return (~0UL >> (BITS_PER_LONG - n)) << bit;
}

/* Number of bits to handle in the word holding @start, at most @len. */
static unsigned int chunk(unsigned int start, unsigned int len)
{
	unsigned int room = BITS_PER_LONG - start % BITS_PER_LONG;

	return len < room ? len : room;
}

void bitmap_set(unsigned long *map, unsigned int start, unsigned int nbits)
{
	while (nbits) {
		unsigned int n = chunk(start, nbits);

		map[BIT_WORD(start)] |= range_mask(start % BITS_PER_LONG, n);
		start += n;
		nbits -= n;
	}
}

void bitmap_clear(unsigned long *map, unsigned int start, unsigned int nbits)
{
	while (nbits) {
		unsigned int n = chunk(start, nbits);

		map[BIT_WORD(start)] &= ~range_mask(start % BITS_PER_LONG, n);
		start += n;
		nbits -= n;
	}
}

/* Mask for word @i of an @nbits bitmap: all ones except in the last. */
static unsigned long word_mask(unsigned int i, unsigned int nbits)
{
	return i == BIT_WORD(nbits - 1) ? BITMAP_LAST_WORD_MASK(nbits) : ~0UL;
}

unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int w = 0;

	for (unsigned int i = 0; i < BITS_TO_LONGS(nbits); i++)
		w += hweight_long(src[i] & word_mask(i, nbits));
	return w;
}

bool bitmap_equal(const unsigned long *src1, const unsigned long *src2,
		  unsigned int nbits)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(nbits); i++) {
		if ((src1[i] ^ src2[i]) & word_mask(i, nbits))
			return false;
	}
	return true;
}

bool bitmap_intersects(const unsigned long *src1, const unsigned long *src2,
		       unsigned int nbits)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(nbits); i++) {
		if (src1[i] & src2[i] & word_mask(i, nbits))
			return true;
	}
	return false;
}

/* Is every bit of @src1 also in @src2? */
bool bitmap_subset(const unsigned long *src1, const unsigned long *src2,
		   unsigned int nbits)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(nbits); i++) {
		if (src1[i] & ~src2[i] & word_mask(i, nbits))
			return false;
	}
	return true;
}

bool bitmap_and(unsigned long *dst, const unsigned long *src1,
		const unsigned long *src2, unsigned int nbits)
{
	unsigned long any = 0;

	for (unsigned int i = 0; i < BITS_TO_LONGS(nbits); i++) {
		dst[i] = src1[i] & src2[i];
		any |= dst[i] & word_mask(i, nbits);
	}
	return any != 0;
}

bool bitmap_andnot(unsigned long *dst, const unsigned long *src1,
		   const unsigned long *src2, unsigned int nbits)
{
	unsigned long any = 0;

	for (unsigned int i = 0; i < BITS_TO_LONGS(nbits); i++) {
		dst[i] = src1[i] & ~src2[i];
		any |= dst[i] & word_mask(i, nbits);
	}
	return any != 0;
}

void bitmap_or(unsigned long *dst, const unsigned long *src1,
	       const unsigned long *src2, unsigned int nbits)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = src1[i] | src2[i];
}

void bitmap_xor(unsigned long *dst, const unsigned long *src1,
		const unsigned long *src2, unsigned int nbits)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = src1[i] ^ src2[i];
}

void bitmap_complement(unsigned long *dst, const unsigned long *src,
		       unsigned int nbits)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = ~src[i];
}

/**
 * bitmap_find_next_zero_area - find a run of clear bits
 * @map: the bitmap
 * @size: its size in bits
 * @start: where to start looking
 * @nr: how many clear bits in a row are wanted
 * @align_mask: the run must start at a multiple of @align_mask + 1
 *
 * Returns the first bit of the run.  When there is none, the value
 * returned is such that it + @nr > @size, which callers test for.
 */
unsigned long bitmap_find_next_zero_area(const unsigned long *map,
					 unsigned long size,
					 unsigned long start,
					 unsigned int nr,
					 unsigned long align_mask)
{
	for (;;) {
		unsigned long index = find_next_zero_bit(map, size, start);
		unsigned long end, busy;

		index = (index + align_mask) & ~align_mask;
		end = index + nr;
		if (end > size)
			return end;
		busy = find_next_bit(map, end, index);
		if (busy >= end)
			return index;
		start = busy + 1;
	}
}
