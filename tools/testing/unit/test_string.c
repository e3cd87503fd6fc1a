// SPDX-License-Identifier: GPL-2.0
/*
 * lib/string.c against the C library where the C library has the same
 * function, and against a few lines of obvious code where it has not
 * (strscpy, strlcpy, strnchr, memchr_inv...).  Inputs are random, over
 * every source and destination alignment 0..15 and lengths 0..300; bytes
 * around each destination are checked to be left alone, and ASan catches
 * any read past a source.
 */
#include <string.h>
#include <linux/string.h>
#include <linux/errno.h>
#include "unit.h"
#include "klib.h"

#define AREA		(16 + 300 + 16 + 64)
#define GUARD		0xa5
#define MAX_LEN		300

static unsigned char src_area[AREA], kdst[AREA], ldst[AREA];

static void fill_random(unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = unit_rand();
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

/* memcpy at every pair of alignments; the rest of kdst must stay GUARD. */
static void test_memcpy(void)
{
	for (size_t sa = 0; sa < 16; sa++)
	for (size_t da = 0; da < 16; da++)
	for (size_t len = 0; len <= MAX_LEN; len++) {
		void *ret;

		fill_random(src_area, AREA);
		memset(kdst, GUARD, AREA);
		memset(ldst, GUARD, AREA);
		ret = k_memcpy(kdst + da, src_area + sa, len);
		memcpy(ldst + da, src_area + sa, len);
		CHECK(ret == kdst + da, "memcpy returned %p, not dest", ret);
		CHECK(!memcmp(kdst, ldst, AREA),
		      "memcpy src+%zu dst+%zu len %zu differs", sa, da, len);
	}
}

/* Overlapping moves both ways, inside one buffer, against libc. */
static void test_memmove(void)
{
	for (int i = 0; i < 20000; i++) {
		size_t len = unit_rand_below(MAX_LEN + 1);
		size_t from = unit_rand_below(AREA - len);
		size_t to = unit_rand_below(AREA - len);
		void *ret;

		fill_random(kdst, AREA);
		memcpy(ldst, kdst, AREA);
		ret = k_memmove(kdst + to, kdst + from, len);
		memmove(ldst + to, ldst + from, len);
		CHECK(ret == kdst + to, "memmove returned %p, not dest", ret);
		CHECK(!memcmp(kdst, ldst, AREA),
		      "memmove from %zu to %zu len %zu differs", from, to, len);
	}
}

static void test_memset(void)
{
	for (size_t da = 0; da < 16; da++)
	for (size_t len = 0; len <= MAX_LEN; len++) {
		int c = (int)unit_rand_below(512) - 128;	/* only the low byte counts */
		void *ret;

		memset(kdst, GUARD, AREA);
		memset(ldst, GUARD, AREA);
		ret = k_memset(kdst + da, c, len);
		memset(ldst + da, c, len);
		CHECK(ret == kdst + da, "memset returned %p, not dest", ret);
		CHECK(!memcmp(kdst, ldst, AREA), "memset +%zu len %zu c %d differs",
		      da, len, c);
	}
}

/* Equal buffers with one byte changed, so the difference can be anywhere. */
static void test_memcmp_memchr(void)
{
	for (int i = 0; i < 20000; i++) {
		size_t len = unit_rand_below(MAX_LEN + 1);
		size_t a = unit_rand_below(16), b = unit_rand_below(16);
		unsigned char c = unit_rand_below(4) ? unit_rand() : 0;
		unsigned char *p;

		fill_random(src_area, AREA);
		memcpy(kdst + b, src_area + a, len);
		if (len && unit_rand_below(4))
			kdst[b + unit_rand_below(len)] = unit_rand();
		CHECK(sign(k_memcmp(src_area + a, kdst + b, len)) ==
		      sign(memcmp(src_area + a, kdst + b, len)),
		      "memcmp len %zu sign differs", len);

		/* Few distinct bytes, so a search hits often. */
		for (size_t j = 0; j < len; j++)
			src_area[a + j] &= 3;
		CHECK(k_memchr(src_area + a, c & 3, len) == memchr(src_area + a, c & 3, len),
		      "memchr len %zu c %d", len, c & 3);
		p = memchr(src_area + a, c & 3, len);
		CHECK(memscan(src_area + a, c & 3, len) == (p ? p : src_area + a + len),
		      "memscan len %zu c %d", len, c & 3);
	}
}

static void test_memchr_inv(void)
{
	for (int i = 0; i < 5000; i++) {
		size_t len = unit_rand_below(MAX_LEN + 1);
		unsigned char c = unit_rand();
		unsigned char *want = NULL;

		memset(src_area, c, len);
		if (len && unit_rand_below(2)) {
			size_t at = unit_rand_below(len);

			src_area[at] = c ^ (1 << unit_rand_below(8));
			want = src_area + at;
			/* A later stray byte must not be reported instead. */
			if (at + 1 < len)
				src_area[len - 1] = c + 1;
		}
		CHECK(memchr_inv(src_area, c, len) == want, "memchr_inv len %zu", len);
	}
}

/*
 * A random string of @len characters from a small alphabet with spaces,
 * both cases and bytes above 127, so compares and searches find things.
 */
static void random_string(char *s, size_t len)
{
	static const char alphabet[] = "abcABC -_\t\x80\xfe";

	for (size_t i = 0; i < len; i++)
		s[i] = alphabet[unit_rand_below(sizeof(alphabet) - 1)];
	s[len] = '\0';
}

static void test_compare(void)
{
	char a[64], b[64];

	for (int i = 0; i < 50000; i++) {
		size_t la = unit_rand_below(20), lb, n = unit_rand_below(24);

		random_string(a, la);
		/* Often b is a copy of a with a late change, else independent. */
		if (unit_rand_below(2)) {
			memcpy(b, a, la + 1);
			lb = la;
			if (la && unit_rand_below(2))
				random_string(b + unit_rand_below(la), 1 + unit_rand_below(3));
		} else {
			lb = unit_rand_below(20);
			random_string(b, lb);
		}
		CHECK(k_strlen(a) == la, "strlen %zu", la);
		CHECK(k_strnlen(a, n) == strnlen(a, n), "strnlen %zu of %zu", n, la);
		CHECK(sign(k_strcmp(a, b)) == sign(strcmp(a, b)),
		      "strcmp \"%s\" \"%s\"", a, b);
		CHECK(sign(k_strncmp(a, b, n)) == sign(strncmp(a, b, n)),
		      "strncmp \"%s\" \"%s\" %zu", a, b, n);
		CHECK(sign(k_strcasecmp(a, b)) == sign(strcasecmp(a, b)),
		      "strcasecmp \"%s\" \"%s\"", a, b);
		CHECK(sign(k_strncasecmp(a, b, n)) == sign(strncasecmp(a, b, n)),
		      "strncasecmp \"%s\" \"%s\" %zu", a, b, n);
	}
	/* A bounded length never looks past the bound. */
	CHECK(k_strnlen((const char *)src_area + AREA - 3, 3) <= 3, "strnlen bound");
}

/* What strscpy should do, spelled out. */
static ssize_t model_strscpy(char *dest, const char *src, size_t count)
{
	size_t len = strlen(src);

	if (count == 0)
		return -E2BIG;
	if (len < count) {
		memcpy(dest, src, len + 1);
		return len;
	}
	memcpy(dest, src, count - 1);
	dest[count - 1] = '\0';
	return -E2BIG;
}

static size_t model_strlcpy(char *dest, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dest, src, n);
		dest[n] = '\0';
	}
	return len;
}

static size_t model_strlcat(char *dest, const char *src, size_t size)
{
	size_t dlen = strnlen(dest, size);

	if (dlen == size)
		return size + strlen(src);
	return dlen + model_strlcpy(dest + dlen, src, size - dlen);
}

static void test_copy(void)
{
	char src[64], k[96], l[96];

	for (int i = 0; i < 30000; i++) {
		size_t slen = unit_rand_below(40), dlen = unit_rand_below(20);
		size_t size = unit_rand_below(48), n = unit_rand_below(48);
		ssize_t kr, lr;

		random_string(src, slen);
		memset(k, GUARD, sizeof(k));
		memset(l, GUARD, sizeof(l));
		CHECK(k_strcpy(k, src) == k && !memcmp(k, strcpy(l, src), sizeof(k)),
		      "strcpy \"%s\"", src);

		memset(k, GUARD, sizeof(k));
		memset(l, GUARD, sizeof(l));
		CHECK(k_strncpy(k, src, n) == k && !memcmp(k, strncpy(l, src, n), sizeof(k)),
		      "strncpy \"%s\" %zu", src, n);

		random_string(k, dlen);
		memcpy(l, k, sizeof(k));
		CHECK(k_strcat(k, src) == k && !memcmp(k, strcat(l, src), sizeof(k)),
		      "strcat \"%s\"", src);

		random_string(k, dlen);
		memcpy(l, k, sizeof(k));
		CHECK(k_strncat(k, src, n) == k && !memcmp(k, strncat(l, src, n), sizeof(k)),
		      "strncat \"%s\" %zu", src, n);

		memset(k, GUARD, sizeof(k));
		memset(l, GUARD, sizeof(l));
		kr = strscpy(k, src, size);
		lr = model_strscpy(l, src, size);
		CHECK(kr == lr && !memcmp(k, l, sizeof(k)),
		      "strscpy \"%s\" size %zu: %zd, want %zd", src, size, kr, lr);

		memset(k, GUARD, sizeof(k));
		memset(l, GUARD, sizeof(l));
		kr = k_strlcpy(k, src, size);
		lr = model_strlcpy(l, src, size);
		CHECK(kr == lr && !memcmp(k, l, sizeof(k)),
		      "strlcpy \"%s\" size %zu: %zd, want %zd", src, size, kr, lr);

		/* Sometimes leave dest unterminated within size. */
		memset(k, GUARD, sizeof(k));
		if (unit_rand_below(4))
			random_string(k, dlen);
		memcpy(l, k, sizeof(k));
		kr = k_strlcat(k, src, size);
		lr = model_strlcat(l, src, size);
		CHECK(kr == lr && !memcmp(k, l, sizeof(k)),
		      "strlcat \"%s\" size %zu: %zd, want %zd", src, size, kr, lr);
	}

	/* The documented strscpy cases, by hand. */
	CHECK(strscpy(k, "abc", 4) == 3 && !strcmp(k, "abc"), "strscpy fits");
	CHECK(strscpy(k, "abcd", 4) == -E2BIG && !strcmp(k, "abc"), "strscpy cut");
	k[0] = 'x';
	CHECK(strscpy(k, "abcd", 0) == -E2BIG && k[0] == 'x', "strscpy size 0");
	CHECK(strscpy(k, "", 1) == 0 && k[0] == '\0', "strscpy empty");
}

static char *model_strnchr(const char *s, size_t count, int c)
{
	for (size_t i = 0; i < count && s[i]; i++) {
		if (s[i] == (char)c)
			return (char *)s + i;
	}
	return NULL;
}

static char *model_strnstr(const char *s1, const char *s2, size_t len)
{
	size_t l1 = strnlen(s1, len), l2 = strlen(s2);

	for (size_t i = 0; i + l2 <= l1; i++) {
		if (!memcmp(s1 + i, s2, l2))
			return (char *)s1 + i;
	}
	return NULL;
}

/* Where @p points in @base, or -1 for NULL. */
static long offset(const char *p, const char *base)
{
	return p ? p - base : -1;
}

static void test_search(void)
{
	static const char probe[] = "abcAB -\x80";
	char s[64], t[8], k[64], l[64];

	for (int i = 0; i < 50000; i++) {
		size_t len = unit_rand_below(30), n = unit_rand_below(34);
		int c = probe[unit_rand_below(sizeof(probe))];	/* NUL included */
		char *kp = k, *lp = l, *ktok, *ltok;

		random_string(s, len);
		random_string(t, unit_rand_below(4));
		CHECK(k_strchr(s, c) == strchr(s, c), "strchr \"%s\" %d", s, c);
		CHECK(k_strrchr(s, c) == strrchr(s, c), "strrchr \"%s\" %d", s, c);
		CHECK(strnchr(s, n, c) == model_strnchr(s, n, c),
		      "strnchr \"%s\" %zu %d", s, n, c);
		CHECK(k_strstr(s, t) == strstr(s, t), "strstr \"%s\" \"%s\"", s, t);
		CHECK(strnstr(s, t, n) == model_strnstr(s, t, n),
		      "strnstr \"%s\" \"%s\" %zu", s, t, n);
		CHECK(k_strpbrk(s, t) == strpbrk(s, t), "strpbrk \"%s\" \"%s\"", s, t);
		CHECK(k_strspn(s, t) == strspn(s, t), "strspn \"%s\" \"%s\"", s, t);
		CHECK(k_strcspn(s, t) == strcspn(s, t), "strcspn \"%s\" \"%s\"", s, t);

		/* strsep walks the same tokens as libc's, in the same places. */
		memcpy(k, s, len + 1);
		memcpy(l, s, len + 1);
		do {
			ktok = k_strsep(&kp, t);
			ltok = strsep(&lp, t);
		} while (CHECK(offset(ktok, k) == offset(ltok, l) &&
			       offset(kp, k) == offset(lp, l),
			       "strsep \"%s\" \"%s\"", s, t) && ltok);
		CHECK(!memcmp(k, l, len + 1), "strsep \"%s\" \"%s\" cuts differ", s, t);
	}
	{
		char *none = NULL;

		CHECK(k_strsep(&none, ",") == NULL, "strsep of NULL");
	}
}

static void test_trim(void)
{
	static const struct {
		const char *in, *want;
		size_t skip;		/* what skip_spaces() skips */
		size_t strim_skip;	/* what strim() skips: the trailing cut comes first */
	} cases[] = {
		{ "", "", 0, 0 },
		{ "abc", "abc", 0, 0 },
		{ "  abc", "abc", 2, 2 },
		{ "abc  ", "abc", 0, 0 },
		{ " \t\n a b \r\v\f ", "a b", 4, 4 },
		{ "   ", "", 3, 0 },
		{ "\x80 ", "\x80", 0, 0 },
	};
	char buf[32];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *r;

		CHECK(skip_spaces(cases[i].in) == cases[i].in + cases[i].skip,
		      "skip_spaces \"%s\"", cases[i].in);
		strcpy(buf, cases[i].in);
		r = strim(buf);
		CHECK(r == buf + cases[i].strim_skip && !strcmp(r, cases[i].want),
		      "strim \"%s\" gave \"%s\"", cases[i].in, r);
	}
	CHECK(str_has_prefix("console=ttyS0", "console=") == 8, "str_has_prefix");
	CHECK(str_has_prefix("con", "console=") == 0, "str_has_prefix short");
	CHECK(strstarts("root=/dev/vda", "root") && !strstarts("ro", "root"),
	      "strstarts");
}

int main(void)
{
	unit_begin("string-mem");
	test_memcpy();
	test_memmove();
	test_memset();
	test_memcmp_memchr();
	test_memchr_inv();
	unit_end();

	unit_begin("string-cmp");
	test_compare();
	unit_end();

	unit_begin("string-copy");
	test_copy();
	unit_end();

	unit_begin("string-search");
	test_search();
	unit_end();

	unit_begin("string-trim");
	test_trim();
	unit_end();
	return unit_exit_status();
}
