// SPDX-License-Identifier: GPL-2.0
/*
 * lib/find_bit.c, lib/bitmap.c, <linux/bitops.h> and <linux/log2.h>
 * against naive bit-at-a-time versions, on random bitmaps of awkward
 * sizes (1, 63, 64, 65, ... bits) and densities.  Bits past the size in
 * the last word are set to garbage, which no function may report, and
 * each bitmap sits in a buffer of exactly its own size, so ASan catches
 * a read of the word after it.
 *
 * (No <string.h> here: its ffs() would clash with the kernel's.)
 */
#include <linux/bitmap.h>
#include <linux/log2.h>
#include "unit.h"

#define MAX_BITS	300
#define MAX_WORDS	BITS_TO_LONGS(MAX_BITS)

static const unsigned int sizes[] = {
	1, 2, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 191, 192, 193, 255,
	256, 257, MAX_BITS,
};

static bool naive_test(const unsigned long *map, unsigned long nr)
{
	return (map[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG)) & 1;
}

static unsigned long naive_find(const unsigned long *map, unsigned long size,
				unsigned long from, bool set)
{
	for (unsigned long i = from; i < size; i++) {
		if (naive_test(map, i) == set)
			return i;
	}
	return size;
}

/* Random bits at one of several densities; garbage past @size. */
static void random_map(unsigned long *map, unsigned int size)
{
	unsigned int density = unit_rand_below(6);

	for (unsigned int i = 0; i < BITS_TO_LONGS(size); i++) {
		unsigned long w = unit_rand();

		switch (density) {
		case 0: w = 0; break;
		case 1: w = ~0UL; break;
		case 2: w &= unit_rand() & unit_rand() & unit_rand(); break;
		case 3: w |= unit_rand() | unit_rand() | unit_rand(); break;
		case 4: w = unit_rand_below(8) ? 0 : 1UL << unit_rand_below(64); break;
		}
		map[i] = w;
	}
	if (size % BITS_PER_LONG) {
		unsigned long tail = ~0UL << (size % BITS_PER_LONG);

		map[BIT_WORD(size)] = (map[BIT_WORD(size)] & ~tail) |
				      (unit_rand() & tail);
	}
}

/* Room for @size bits at the very end of an array whose redzone ASan watches. */
static unsigned long *exact_map(unsigned int size)
{
	static unsigned long store[MAX_WORDS];

	return store + MAX_WORDS - BITS_TO_LONGS(size);
}

static void test_find(void)
{
	for (int round = 0; round < 300; round++) {
		for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			unsigned int size = sizes[s];
			unsigned long *map = exact_map(size);
			unsigned long last = size;

			random_map(map, size);
			CHECK(find_first_bit(map, size) == naive_find(map, size, 0, true),
			      "find_first_bit size %u", size);
			CHECK(find_first_zero_bit(map, size) == naive_find(map, size, 0, false),
			      "find_first_zero_bit size %u", size);
			for (unsigned long off = 0; off <= size + 1; off++) {
				CHECK(find_next_bit(map, size, off) ==
				      naive_find(map, size, off, true),
				      "find_next_bit size %u offset %lu", size, off);
				CHECK(find_next_zero_bit(map, size, off) ==
				      naive_find(map, size, off, false),
				      "find_next_zero_bit size %u offset %lu", size, off);
			}
			for (unsigned long i = 0; i < size; i++) {
				if (naive_test(map, i))
					last = i;
			}
			CHECK(find_last_bit(map, size) == last, "find_last_bit size %u", size);
			CHECK(bitmap_empty(map, size) == (find_first_bit(map, size) == size),
			      "bitmap_empty size %u", size);
			CHECK(bitmap_full(map, size) ==
			      (naive_find(map, size, 0, false) == size),
			      "bitmap_full size %u", size);
		}
	}
	CHECK(find_first_bit(exact_map(1), 0) == 0, "find_first_bit size 0");
	CHECK(find_last_bit(exact_map(1), 0) == 0, "find_last_bit size 0");
}

static void test_iterators(void)
{
	unsigned long *map = exact_map(MAX_BITS);
	unsigned long bit, n = 0, z = 0, want_set = 0;

	random_map(map, MAX_BITS);
	for (unsigned long i = 0; i < MAX_BITS; i++)
		want_set += naive_test(map, i);
	for_each_set_bit(bit, map, MAX_BITS)
		n += naive_test(map, bit);
	for_each_clear_bit(bit, map, MAX_BITS)
		z += !naive_test(map, bit);
	CHECK(n == want_set && z == MAX_BITS - want_set,
	      "for_each: %lu set, %lu clear, want %lu", n, z, want_set);
}

static unsigned int naive_weight(const unsigned long *map, unsigned int size)
{
	unsigned int w = 0;

	for (unsigned int i = 0; i < size; i++)
		w += naive_test(map, i);
	return w;
}

/* set/clear ranges, then every whole-map operation, against per-bit loops. */
static void test_bitmap_ops(void)
{
	unsigned long a[MAX_WORDS], b[MAX_WORDS], want[MAX_WORDS], got[MAX_WORDS];

	for (int round = 0; round < 3000; round++) {
		unsigned int size = sizes[unit_rand_below(sizeof(sizes) / sizeof(sizes[0]))];
		unsigned int start = unit_rand_below(size + 1);
		unsigned int len = unit_rand_below(size - start + 1);
		bool same = true, any_and = false, any_andnot = false;
		bool intersects = false, subset = true;

		random_map(a, size);
		random_map(b, size);
		if (unit_rand_below(4) == 0)
			bitmap_copy(b, a, size);

		bitmap_copy(got, a, size);
		bitmap_copy(want, a, size);
		bitmap_set(got, start, len);
		for (unsigned int i = start; i < start + len; i++)
			__set_bit(i, want);
		CHECK(!memcmp(got, want, sizeof(long) * BITS_TO_LONGS(size)),
		      "bitmap_set %u+%u of %u", start, len, size);
		bitmap_clear(got, start, len);
		for (unsigned int i = start; i < start + len; i++)
			__clear_bit(i, want);
		CHECK(!memcmp(got, want, sizeof(long) * BITS_TO_LONGS(size)),
		      "bitmap_clear %u+%u of %u", start, len, size);

		CHECK(bitmap_weight(a, size) == naive_weight(a, size),
		      "bitmap_weight size %u", size);
		for (unsigned int i = 0; i < size; i++) {
			bool x = naive_test(a, i), y = naive_test(b, i);

			same &= x == y;
			any_and |= x && y;
			any_andnot |= x && !y;
			intersects |= x && y;
			subset &= !x || y;
		}
		CHECK(bitmap_equal(a, b, size) == same, "bitmap_equal size %u", size);
		CHECK(bitmap_intersects(a, b, size) == intersects,
		      "bitmap_intersects size %u", size);
		CHECK(bitmap_subset(a, b, size) == subset, "bitmap_subset size %u", size);
		CHECK(bitmap_and(got, a, b, size) == any_and, "bitmap_and result");
		for (unsigned int i = 0; i < size; i++)
			same &= naive_test(got, i) == (naive_test(a, i) && naive_test(b, i));
		CHECK(bitmap_andnot(got, a, b, size) == any_andnot, "bitmap_andnot result");
		bitmap_or(want, a, b, size);
		bitmap_xor(got, a, b, size);
		for (unsigned int i = 0; i < size; i++) {
			bool x = naive_test(a, i), y = naive_test(b, i);

			CHECK(naive_test(want, i) == (x || y) && naive_test(got, i) == (x != y),
			      "bitmap_or/xor bit %u of %u", i, size);
		}
		bitmap_complement(got, a, size);
		CHECK(naive_weight(got, size) == size - naive_weight(a, size),
		      "bitmap_complement size %u", size);
		bitmap_zero(got, size);
		CHECK(naive_weight(got, size) == 0, "bitmap_zero");
		bitmap_fill(got, size);
		CHECK(naive_weight(got, size) == size, "bitmap_fill");
	}
}

/* The first aligned run of @nr clear bits at or after @start, naively. */
static unsigned long naive_zero_area(const unsigned long *map, unsigned long size,
				     unsigned long start, unsigned int nr,
				     unsigned long align_mask)
{
	for (unsigned long i = (start + align_mask) & ~align_mask; i + nr <= size;
	     i += align_mask + 1) {
		bool free = true;

		for (unsigned long j = i; free && j < i + nr; j++)
			free = !naive_test(map, j);
		if (free)
			return i;
	}
	return size + 1;
}

static void test_zero_area(void)
{
	for (int round = 0; round < 5000; round++) {
		unsigned int size = sizes[unit_rand_below(sizeof(sizes) / sizeof(sizes[0]))];
		unsigned long *map = exact_map(size);
		unsigned long start = unit_rand_below(size);
		unsigned int nr = 1 + unit_rand_below(12);
		unsigned long align = (1UL << unit_rand_below(4)) - 1;
		unsigned long got, want;

		random_map(map, size);
		got = bitmap_find_next_zero_area(map, size, start, nr, align);
		want = naive_zero_area(map, size, start, nr, align);
		if (want <= size)
			CHECK(got == want, "zero area size %u start %lu nr %u align %lu: %lu, want %lu",
			      size, start, nr, align, got, want);
		else
			CHECK(got + nr > size, "zero area size %u start %lu nr %u: %lu, want none",
			      size, start, nr, got);
	}
}

static int naive_fls64(unsigned long long w)
{
	int n = 0;

	while (w) {
		n++;
		w >>= 1;
	}
	return n;
}

static int naive_ffs64(unsigned long long w)
{
	for (int i = 0; i < 64; i++) {
		if (w & (1ULL << i))
			return i + 1;
	}
	return 0;
}

static void test_word_ops(void)
{
	unsigned long word[2] = { 0, 0 };

	for (int i = 0; i < 100000; i++) {
		unsigned long w = unit_rand() >> unit_rand_below(64);
		unsigned int h = naive_fls64(w), l = naive_ffs64(w);
		unsigned int u32w = (unsigned int)w;

		CHECK(fls64(w) == (int)h && fls_long(w) == h, "fls64(%#lx)", w);
		CHECK(fls(u32w) == naive_fls64(u32w), "fls(%#x)", u32w);
		CHECK(ffs((int)u32w) == naive_ffs64(u32w), "ffs(%#x)", u32w);
		CHECK(hweight64(w) == naive_weight(&w, 64), "hweight64(%#lx)", w);
		CHECK(hweight32(u32w) == naive_weight(&w, 32), "hweight32(%#x)", u32w);
		CHECK(hweight16(w) == naive_weight(&w, 16) && hweight8(w) == naive_weight(&w, 8),
		      "hweight16/8(%#lx)", w);
		if (w) {
			CHECK(__ffs(w) == l - 1 && __fls(w) == h - 1, "__ffs/__fls(%#lx)", w);
			CHECK(ilog2(w) == (int)h - 1, "ilog2(%#lx)", w);
			CHECK(rounddown_pow_of_two(w) == 1UL << (h - 1), "rounddown(%#lx)", w);
			CHECK(is_power_of_2(w) == (naive_weight(&w, 64) == 1),
			      "is_power_of_2(%#lx)", w);
			if (w <= 1UL << 63) {
				unsigned long r = roundup_pow_of_two(w);

				CHECK(is_power_of_2(r) && r >= w && (r == 1 || r / 2 < w),
				      "roundup_pow_of_two(%#lx) = %#lx", w, r);
				CHECK(order_base_2(w) == naive_fls64(r) - 1,
				      "order_base_2(%#lx)", w);
			}
		}
		if (~w)
			CHECK(ffz(w) == (unsigned long)naive_ffs64(~w) - 1, "ffz(%#lx)", w);
	}
	CHECK(ffs(0) == 0 && fls(0) == 0 && fls64(0) == 0, "zero has no bits");
	CHECK(!is_power_of_2(0), "is_power_of_2(0)");

	/* Bits in the second word, through every single-bit operation. */
	for (long nr = 0; nr < 128; nr++) {
		set_bit(nr, word);
		CHECK(test_bit(nr, word) && naive_weight(word, 128) == 1, "set_bit %ld", nr);
		CHECK(test_and_set_bit(nr, word) == true &&
		      test_and_clear_bit(nr, word) == true,
		      "test_and_set/clear %ld", nr);
		CHECK(!test_bit(nr, word) && naive_weight(word, 128) == 0, "cleared %ld", nr);
		change_bit(nr, word);
		CHECK(test_bit(nr, word), "change_bit %ld on", nr);
		CHECK(test_and_change_bit(nr, word) && !test_bit(nr, word), "test_and_change %ld", nr);
		__set_bit(nr, word);
		CHECK(__test_and_clear_bit(nr, word) && !__test_and_set_bit(nr, word) &&
		      __test_and_change_bit(nr, word) && word[0] == 0 && word[1] == 0,
		      "non-atomic forms at %ld", nr);
		clear_bit(nr, word);
		__change_bit(nr, word);
		__clear_bit(nr, word);
	}
}

static void test_macros(void)
{
	/* Constant folding: these must be usable as array sizes. */
	static char ilog_array[ilog2(4096)];
	static char roundup_array[roundup_pow_of_two(33)];

	CHECK(sizeof(ilog_array) == 12 && sizeof(roundup_array) == 64, "constant ilog2");
	CHECK(BIT(0) == 1 && BIT(63) == 1UL << 63, "BIT");
	CHECK(GENMASK(7, 4) == 0xf0 && GENMASK(63, 0) == ~0UL && GENMASK(0, 0) == 1 &&
	      GENMASK(63, 62) == 3UL << 62, "GENMASK");
	CHECK(GENMASK_ULL(39, 21) == 0xffffe00000ULL, "GENMASK_ULL");
	CHECK(BITS_TO_LONGS(0) == 0 && BITS_TO_LONGS(1) == 1 && BITS_TO_LONGS(64) == 1 &&
	      BITS_TO_LONGS(65) == 2, "BITS_TO_LONGS");
	CHECK(BIT_WORD(130) == 2 && BIT_MASK(130) == 4, "BIT_WORD/BIT_MASK");
	CHECK(BITMAP_LAST_WORD_MASK(64) == ~0UL && BITMAP_LAST_WORD_MASK(1) == 1,
	      "BITMAP_LAST_WORD_MASK");
	CHECK(order_base_2(1) == 0 && order_base_2(2) == 1 && order_base_2(5) == 3,
	      "order_base_2");
}

int main(void)
{
	unit_begin("find_bit");
	test_find();
	test_iterators();
	unit_end();

	unit_begin("bitmap");
	test_bitmap_ops();
	test_zero_area();
	unit_end();

	unit_begin("bitops");
	test_word_ops();
	unit_end();

	unit_begin("log2-bits");
	test_macros();
	unit_end();
	return unit_exit_status();
}
