// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vsprintf.c against the C library.  Every standard conversion is
 * run through both k_vsnprintf() and the host's vsnprintf() -- a generated
 * table of flag, width, precision and length combinations over values at
 * the edges of each type -- and the two must agree on the return value
 * and on every byte, at the full buffer size and truncated.  The kernel's
 * own %p extensions are checked against strings worked out by hand, with
 * a fake kallsyms_lookup() below, and %p's keyed hash against SipHash
 * with a fake random pool.  sscanf() is checked against the host's.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <linux/kallsyms.h>
#include <linux/siphash.h>
#include "unit.h"
#include "klib.h"

int scnprintf(char *buf, size_t size, const char *fmt, ...);
bool rng_is_initialized(void);
void get_random_bytes(void *buf, size_t len);
bool kptr_restrict_may_see(void);
extern int kptr_restrict;

#define BUF_SIZE	512
#define CANARY		0x5a

/* Fill with a canary so a write past @size shows. */
static void poison(char *buf)
{
	memset(buf, CANARY, BUF_SIZE);
}

static bool canary_intact(const char *buf, size_t from)
{
	for (size_t i = from; i < BUF_SIZE; i++) {
		if ((unsigned char)buf[i] != CANARY)
			return false;
	}
	return true;
}

/*
 * Compare lib and libc on one format at buffer size @size: return values,
 * the bytes stored (NUL included), and nothing written past @size.
 */
static void compare_at(size_t size, const char *fmt, va_list args)
{
	char kbuf[BUF_SIZE], lbuf[BUF_SIZE];
	va_list a1, a2;
	int kret, lret;
	size_t stored;

	poison(kbuf);
	poison(lbuf);
	va_copy(a1, args);
	va_copy(a2, args);
	kret = k_vsnprintf(size ? kbuf : NULL, size, fmt, a1);
	lret = vsnprintf(size ? lbuf : NULL, size, fmt, a2);
	va_end(a1);
	va_end(a2);

	if (!CHECK(kret == lret, "\"%s\" size %zu: returned %d, libc %d",
		   fmt, size, kret, lret))
		return;
	if (size == 0)
		return;
	stored = (size_t)lret < size ? (size_t)lret + 1 : size;
	CHECK(memcmp(kbuf, lbuf, stored) == 0,
	      "\"%s\" size %zu: got \"%.*s\", libc \"%.*s\"",
	      fmt, size, (int)stored, kbuf, (int)stored, lbuf);
	CHECK(canary_intact(kbuf, size), "\"%s\" size %zu: wrote past the end",
	      fmt, size);
}

/* The full comparison: a roomy buffer, then the cut-off points. */
static void vcompare(const char *fmt, va_list args)
{
	char lbuf[BUF_SIZE];
	va_list a;
	int len;

	va_copy(a, args);
	len = vsnprintf(lbuf, sizeof(lbuf), fmt, a);
	va_end(a);

	compare_at(BUF_SIZE, fmt, args);
	compare_at(0, fmt, args);
	compare_at(1, fmt, args);
	if (len >= 2) {
		compare_at(len / 2 + 1, fmt, args);
		compare_at(len, fmt, args);
		compare_at(len + 1, fmt, args);
	}
}

static void compare(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vcompare(fmt, args);
	va_end(args);
}

/* Format with lib only, and check against an expected string. */
static void expect(const char *want, const char *fmt, ...)
{
	char buf[BUF_SIZE];
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = k_vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	CHECK(ret == (int)strlen(want) && strcmp(buf, want) == 0,
	      "\"%s\": got \"%s\" (%d), want \"%s\"", fmt, buf, ret, want);
}

/*
 * Pass @v as the type the length modifier names, after @nstar "*"
 * arguments.  Narrow types go as int, as the default promotions do.
 */
static void compare_typed(const char *fmt, const char *len, int nstar,
			  const int *star, long long v)
{
	int a = star[0], b = star[1];

#define PASS_AS(type)							\
	do {								\
		if (nstar == 0)						\
			compare(fmt, (type)v);				\
		else if (nstar == 1)					\
			compare(fmt, a, (type)v);			\
		else							\
			compare(fmt, a, b, (type)v);			\
	} while (0)

	if (!strcmp(len, "l"))
		PASS_AS(long);
	else if (!strcmp(len, "ll"))
		PASS_AS(long long);
	else if (!strcmp(len, "z"))
		PASS_AS(size_t);
	else if (!strcmp(len, "t"))
		PASS_AS(ptrdiff_t);
	else if (!strcmp(len, "j"))
		PASS_AS(intmax_t);
	else
		PASS_AS(int);
#undef PASS_AS
}

static const long long int_values[] = {
	0, 1, -1, 7, -7, 42, 127, -128, 128, 255, 256, -129, 300,
	32767, -32768, 65535, 65536, 1234567, -1234567,
	INT_MAX, INT_MIN, UINT_MAX, (long long)UINT_MAX + 1,
	LLONG_MAX, LLONG_MIN, 0x123456789abcdefLL, -0x123456789abcdefLL,
};

static const char *const widths[] = { "", "1", "6", "23", "*" };
static const char *const precisions[] = { "", ".", ".0", ".1", ".4", ".20", ".*" };
static const char *const lengths[] = { "hh", "h", "", "l", "ll", "z", "t", "j" };
static const char convs[] = "diuoxX";

/* Each of the 32 subsets of the flags "-+ 0#", in a fixed order. */
static void flag_set(unsigned int mask, char *out)
{
	static const char all[] = "-+ 0#";

	for (int i = 0; all[i]; i++) {
		if (mask & (1u << i))
			*out++ = all[i];
	}
	*out = '\0';
}

static void test_integers(void)
{
	/* "*" arguments: a positive and a negative of each. */
	static const int star_widths[] = { 9, -9 };
	static const int star_precisions[] = { 3, -1 };

	unit_begin("vsnprintf-int");
	for (unsigned int mask = 0; mask < 32; mask++) {
		char flags[8];

		flag_set(mask, flags);
		for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
		for (size_t p = 0; p < sizeof(precisions) / sizeof(precisions[0]); p++)
		for (size_t l = 0; l < sizeof(lengths) / sizeof(lengths[0]); l++)
		for (size_t c = 0; convs[c]; c++) {
			char fmt[64];
			bool wstar = widths[w][0] == '*';
			bool pstar = !strcmp(precisions[p], ".*");

			snprintf(fmt, sizeof(fmt), "<%%%s%s%s%s%c>", flags,
				 widths[w], precisions[p], lengths[l], convs[c]);
			for (size_t v = 0; v < sizeof(int_values) / sizeof(int_values[0]); v++) {
				int star[2], n = 0;

				/* Alternate the star values over the values. */
				if (wstar)
					star[n++] = star_widths[v % 2];
				if (pstar)
					star[n++] = star_precisions[(v / 2) % 2];
				compare_typed(fmt, lengths[l], n, star, int_values[v]);
			}
		}
	}
	unit_end();
}

/* Random values of every size through a few representative formats. */
static void test_random_integers(void)
{
	static const char *const fmts[][2] = {
		{ "%d", "%lld" }, { "%u", "%llu" }, { "%x", "%llx" },
		{ "%X", "%llX" }, { "%o", "%llo" }, { "%+d", "%+lld" },
		{ "% d", "% lld" }, { "%#x", "%#llx" }, { "%#o", "%#llo" },
		{ "%-12d|", "%-12lld|" }, { "%012d", "%012lld" },
		{ "%.7u", "%.7llu" }, { "%#15.9X", "%#15.9llX" },
		{ "%-#22o|", "%-#22llo|" },
	};

	unit_begin("vsnprintf-random");
	for (int i = 0; i < 20000; i++) {
		/* Shift so that short and long values are equally likely. */
		uint64_t r = unit_rand() >> unit_rand_below(64);
		size_t f = unit_rand_below(sizeof(fmts) / sizeof(fmts[0]));

		compare(fmts[f][0], (int)r);
		compare(fmts[f][1], (long long)r);
	}
	unit_end();
}

static void test_strings(void)
{
	static const char *const strs[] = {
		"", "a", "hello", "hello world, this is longer than twenty",
	};
	static const char *const sflags[] = { "", "-", "0", "-0", "+ #" };
	static const char chars[] = { 'a', ' ', '\x7f', '\xe9', '%' };

	unit_begin("vsnprintf-str");
	for (size_t f = 0; f < sizeof(sflags) / sizeof(sflags[0]); f++)
	for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
	for (size_t p = 0; p < sizeof(precisions) / sizeof(precisions[0]); p++) {
		char fmt[64];
		bool wstar = widths[w][0] == '*';
		bool pstar = !strcmp(precisions[p], ".*");

		snprintf(fmt, sizeof(fmt), "[%%%s%s%ss]", sflags[f], widths[w],
			 precisions[p]);
		for (size_t s = 0; s < sizeof(strs) / sizeof(strs[0]); s++) {
			if (wstar && pstar)
				compare(fmt, -25, 3, strs[s]);
			else if (wstar)
				compare(fmt, 12 - (int)s * 8, strs[s]);
			else if (pstar)
				compare(fmt, (int)s * 2 - 1, strs[s]);
			else
				compare(fmt, strs[s]);
		}
		if (pstar || precisions[p][0])
			continue;
		snprintf(fmt, sizeof(fmt), "[%%%s%sc]", sflags[f], widths[w]);
		for (size_t c = 0; c < sizeof(chars); c++) {
			if (wstar)
				compare(fmt, (int)c * 3 - 5, chars[c]);
			else
				compare(fmt, chars[c]);
		}
	}

	compare("%c%c%c", 'a', 0, 'b');
	compare("%%");
	compare("100%% done, %d%%", 50);
	compare("no conversions at all");
	compare("");
	compare("%s=%d, %s=%#x, %c%c", "alpha", -3, "beta", 255u, 'o', 'k');
	unit_end();
}

/* What C leaves to the implementation, and Lantern defines as Linux does. */
static void test_kernel_rules(void)
{
	char unterminated[3] = { 'a', 'b', 'c' };
	char buf[BUF_SIZE];
	int ret;

	unit_begin("vsnprintf-kernel");
	expect("(null)", "%s", (char *)NULL);
	expect("[  (null)]", "[%8s]", (char *)NULL);
	expect("(nu", "%.3s", (char *)NULL);
	/* The precision bounds the read: ASan sees any byte past [2]. */
	expect("abc", "%.3s", unterminated);
	expect("ab", "%.2s", unterminated);
	/* Unknown conversions, %n and a lone % end the output. */
	expect("ab", "ab%yc%d", 5);
	expect("ab", "ab%nc", &ret);
	expect("ab", "ab%");
	expect("ab", "ab%f", 1.0);
	/* A "%%" with a width is still just '%' (C leaves it undefined). */
	expect("%|", "%5%|");
	/* hh and h cut back a promoted int, as the C standard asks. */
	expect("44 44 4464 -1", "%hhd %hhu %hd %hhd", 300, 300, 70000, 255);

	/* sprintf and vsprintf have no bound. */
	ret = k_sprintf(buf, "%s-%05d", "pid", 42);
	CHECK(ret == 9 && !strcmp(buf, "pid-00042"), "sprintf: \"%s\" %d", buf, ret);

	/* scnprintf returns what was stored, not what was wanted. */
	ret = scnprintf(buf, 4, "%s", "abcdef");
	CHECK(ret == 3 && !strcmp(buf, "abc"), "scnprintf: \"%s\" %d", buf, ret);
	ret = scnprintf(buf, 10, "%s", "abc");
	CHECK(ret == 3, "scnprintf fits: %d", ret);
	ret = scnprintf(buf, 0, "%s", "abc");
	CHECK(ret == 0, "scnprintf size 0: %d", ret);

	/* A size that is really a negative length writes nothing. */
	buf[0] = 'x';
	ret = k_snprintf(buf, (size_t)-1, "abc");
	CHECK(ret == 0 && buf[0] == 'x', "size -1: %d \"%c\"", ret, buf[0]);
	unit_end();
}

/* A symbol table for %pS: two kernel functions and one in a module. */
static const struct fake_sym {
	const char *name;
	unsigned long start, size;
	const char *module;
} fake_syms[] = {
	{ "start_kernel", 0xffffffff81000000UL, 0x200, NULL },
	{ "schedule", 0xffffffff81000200UL, 0x80, NULL },
	{ "ext2_readdir", 0xffffffffc0001000UL, 0x40, "ext2" },
};

static unsigned long last_lookup;

const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char **modname, char *namebuf)
{
	last_lookup = addr;
	for (size_t i = 0; i < sizeof(fake_syms) / sizeof(fake_syms[0]); i++) {
		const struct fake_sym *s = &fake_syms[i];

		if (addr >= s->start && addr < s->start + s->size) {
			*symbolsize = s->size;
			*offset = addr - s->start;
			*modname = (char *)s->module;
			snprintf(namebuf, KSYM_NAME_LEN, "%s", s->name);
			return namebuf;
		}
	}
	return NULL;
}

static void test_pointers(void)
{
	static const unsigned char bytes[100] = { 0x00, 0x01, 0xab, 0xff, 0x10 };
	void *sched = (void *)0xffffffff81000210UL;
	void *boundary = (void *)0xffffffff81000200UL;
	phys_addr_t phys = 0x12345678;
	char buf[BUF_SIZE];
	int ret;

	unit_begin("vsnprintf-ptr");
	expect("ffffffff81000210", "%px", sched);
	expect("0000000000001234", "%px", (void *)0x1234);
	expect("0000000000000000", "%px", NULL);
	expect("0000000000001234:", "%px:", (void *)0x1234);
	expect("[    1234]", "[%8px]", (void *)0x1234);

	expect("schedule+0x10/0x80", "%pS", sched);
	expect("schedule", "%ps", sched);
	expect("start_kernel+0x0/0x200", "%pS", (void *)0xffffffff81000000UL);
	expect("schedule+0x0/0x80", "%pS", boundary);
	/* %pB looks up address - 1, then prints the real offset. */
	expect("start_kernel+0x200/0x200", "%pB", boundary);
	CHECK(last_lookup == 0xffffffff810001ffUL, "%%pB looked up %#lx",
	      last_lookup);
	expect("schedule+0x10/0x80", "%pB", sched);
	expect("ext2_readdir+0x8/0x40 [ext2]", "%pS", (void *)0xffffffffc0001008UL);
	expect("ext2_readdir [ext2]", "%ps", (void *)0xffffffffc0001008UL);
	expect("0x1234", "%pS", (void *)0x1234);
	expect("0x1234", "%ps", (void *)0x1234);
	expect("0x1234", "%pB", (void *)0x1234);
	expect("0x0", "%pS", NULL);
	/* Letters after the extension belong to it. */
	expect("schedule+0x10/0x80!", "%pSR!", sched);
	expect("<schedule            >", "<%-20ps>", sched);
	expect("<  schedule>", "<%10ps>", sched);
	expect("at schedule+0x10/0x80 (ffffffff81000210) 7",
	       "at %pS (%px) %d", sched, sched, 7);

	expect("0x0000000012345678", "%pa", &phys);
	expect("0x0000000012345678", "%pap", &phys);
	expect("(null)", "%pa", NULL);

	expect("00 01 ab ff", "%*ph", 4, bytes);
	expect("00:01:ab:ff", "%*phC", 4, bytes);
	expect("00-01-ab-ff", "%*phD", 4, bytes);
	expect("0001abff", "%*phN", 4, bytes);
	expect("00", "%ph", bytes);
	expect("[]", "[%*ph]", 0, bytes);
	expect("(null)", "%*ph", 4, NULL);
	ret = k_snprintf(buf, sizeof(buf), "%*ph", 100, bytes);
	CHECK(ret == 64 * 3 - 1, "%%*ph of 100 bytes: length %d, want 191", ret);
	CHECK(!strncmp(buf, "00 01 ab ff 10 00", 17), "%%*ph of 100: \"%.20s\"", buf);

	/* Truncation applies to extensions like everything else. */
	poison(buf);
	ret = k_snprintf(buf, 5, "%pS", sched);
	CHECK(ret == 18 && !strcmp(buf, "sche") && canary_intact(buf, 5),
	      "%%pS into 5 bytes: \"%s\" %d", buf, ret);
	poison(buf);
	ret = k_snprintf(buf, 6, "%*ph", 4, bytes);
	CHECK(ret == 11 && !strcmp(buf, "00 01") && canary_intact(buf, 6),
	      "%%*ph into 6 bytes: \"%s\" %d", buf, ret);
	unit_end();
}

/* Run one sscanf on both sides with up to three ints, compare everything. */
static void scan_ints(const char *input, const char *fmt)
{
	int k[3] = { -77, -77, -77 }, l[3] = { -77, -77, -77 };
	int kret = k_sscanf(input, fmt, &k[0], &k[1], &k[2]);
	int lret = sscanf(input, fmt, &l[0], &l[1], &l[2]);

	CHECK(kret == lret && !memcmp(k, l, sizeof(k)),
	      "sscanf(\"%s\", \"%s\"): %d {%d %d %d}, libc %d {%d %d %d}",
	      input, fmt, kret, k[0], k[1], k[2], lret, l[0], l[1], l[2]);
}

static void scan_strings(const char *input, const char *fmt)
{
	char k[2][32], l[2][32];
	int kret, lret;

	memset(k, 'Z', sizeof(k));
	memset(l, 'Z', sizeof(l));
	kret = k_sscanf(input, fmt, k[0], k[1]);
	lret = sscanf(input, fmt, l[0], l[1]);
	CHECK(kret == lret && !memcmp(k, l, sizeof(k)),
	      "sscanf(\"%s\", \"%s\"): %d \"%.8s\" \"%.8s\", libc %d \"%.8s\" \"%.8s\"",
	      input, fmt, kret, k[0], k[1], lret, l[0], l[1]);
}

static void test_sscanf_lengths(void)
{
	long long kll = 0, lll = 0;
	unsigned char khh = 0, lhh = 0;
	short kh = 0, lh = 0;
	long kl = 0, ll = 0;
	size_t kz = 0, lz = 0;
	int kn = 0, ln = 0, kr, lr;

	kr = k_sscanf("-9223372036854775808 200 -300 12345678901 77",
		      "%lld %hhu %hd %lx %zu", &kll, &khh, &kh, &kl, &kz);
	lr = sscanf("-9223372036854775808 200 -300 12345678901 77",
		    "%lld %hhu %hd %lx %zu", &lll, &lhh, &lh, &ll, &lz);
	CHECK(kr == lr && kll == lll && khh == lhh && kh == lh && kl == ll && kz == lz,
	      "lengths: %d %lld %u %d %lx %zu, libc %d %lld %u %d %lx %zu",
	      kr, kll, khh, kh, kl, kz, lr, lll, lhh, lh, ll, lz);

	kr = k_sscanf("  abc 123", "%*s %d%n", &kn, &kn);
	lr = sscanf("  abc 123", "%*s %d%n", &ln, &ln);
	CHECK(kr == lr && kn == ln, "%%*s %%d%%n: %d %d, libc %d %d", kr, kn, lr, ln);
}

static void test_sscanf(void)
{
	static const char *const int_cases[][2] = {
		{ "12 34 56", "%d %d %d" },
		{ "-12 +34 0", "%d %d %d" },
		{ "0x1f 017 42", "%i %i %i" },
		{ "-0x1f -017 -42", "%i %i %i" },
		{ "ff 777 123", "%x %o %u" },
		{ "0xff 0XAB 10", "%x %X %x" },
		{ "12345", "%2d%2d%d" },
		{ "-12345", "%3d%d" },
		{ "1,2,3", "%d,%d,%d" },
		{ "1, 2 ,3", "%d , %d , %d" },
		{ "1;2", "%d,%d" },
		{ "a=5 b=6", "a=%d b=%d" },
		{ "a=5 c=6", "a=%d b=%d" },
		{ "5 x 6", "%d %d %d" },
		{ "  \t\n 42", "%d" },
		{ "42abc", "%d%d" },
		{ "7 8 9", "%*d %d %d" },
		{ "100%", "%d%%" },
		{ "1 2", "%d%n %d" },
		{ "x", "%d" },
		{ "2147483647 -2147483648", "%d %d" },
		{ "4294967295", "%u" },
	};
	static const char *const str_cases[][2] = {
		{ "hello world", "%s %s" },
		{ "  leading", "%s" },
		{ "abcdefgh", "%3s%s" },
		{ "ab", "%c%c" },
		{ " ab", "%c%c" },
		{ "abcdef", "%3c" },
		{ "key=value", "%3s=%s" },
		{ "one two", "%*s %s" },
	};

	int n;

	unit_begin("sscanf");
	for (size_t i = 0; i < sizeof(int_cases) / sizeof(int_cases[0]); i++)
		scan_ints(int_cases[i][0], int_cases[i][1]);
	for (size_t i = 0; i < sizeof(str_cases) / sizeof(str_cases[0]); i++)
		scan_strings(str_cases[i][0], str_cases[i][1]);
	test_sscanf_lengths();

	/* Input running out early returns the count so far, never EOF (-1). */
	CHECK(k_sscanf("one", "%*s %d", &n) == 0, "sscanf at end of input");
	CHECK(k_sscanf("", "%d", &n) == 0, "sscanf of empty input");

	/* Random numbers printed by libc read back the same by both. */
	for (int i = 0; i < 5000; i++) {
		int a = (int)unit_rand(), b = (int)unit_rand_below(1u << 31);
		unsigned int c = (unsigned int)unit_rand();
		char in[96];

		snprintf(in, sizeof(in), "%d %#x %o", a, b, c);
		scan_ints(in, "%d %i %o");
		snprintf(in, sizeof(in), "%x,%d;%#o", c, b, c);
		scan_ints(in, "%x,%d;%i");
	}
	unit_end();
}

/*
 * %p hashes.  The random pool is faked: not seeded until rng_ready is set,
 * then get_random_bytes() hands out a fixed key, so the hash of a pointer
 * can be checked against SipHash-2-4 worked out independently.
 */
static bool rng_ready;
static int random_calls;
static bool may_see;
static const uint64_t fake_key[2] = { 0x0123456789abcdefULL, 0xfedcba9876543210ULL };

bool rng_is_initialized(void)
{
	return rng_ready;
}

void get_random_bytes(void *buf, size_t len)
{
	random_calls++;
	memset(buf, 0, len);
	memcpy(buf, fake_key, len < sizeof(fake_key) ? len : sizeof(fake_key));
}

bool kptr_restrict_may_see(void)
{
	return may_see;
}

static void test_siphash(void)
{
	siphash_key_t ref = { { 0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL } };
	siphash_key_t key = { { fake_key[0], fake_key[1] } };

	unit_begin("siphash");
	/* The reference paper's key 00..0f, message 00..07. */
	CHECK(siphash_1u64(0x0706050403020100ULL, &ref) == 0x93f5f5799a932462ULL,
	      "SipHash-2-4 test vector: %#llx",
	      (unsigned long long)siphash_1u64(0x0706050403020100ULL, &ref));
	CHECK(siphash_1u64(0xffff888012345678ULL, &key) == 0xf3a4cc6a7e0add12ULL,
	      "siphash of a direct-map address: %#llx",
	      (unsigned long long)siphash_1u64(0xffff888012345678ULL, &key));
	CHECK(siphash_1u64(0xffff888012345679ULL, &key) !=
	      siphash_1u64(0xffff888012345678ULL, &key), "neighbours hash alike");
	unit_end();
}

static void test_pointer_hashing(void)
{
	void *p = (void *)0xffff888012345678UL;
	char a[BUF_SIZE], b[BUF_SIZE];

	unit_begin("vsnprintf-hash");
	/* Before the pool is seeded: a placeholder, never the address. */
	expect("(____ptrval____)", "%p", p);
	expect("(____ptrval____)", "%pK", p);
	CHECK(random_calls == 0, "key drawn before the pool was seeded");
	/* NULL and error pointers are not addresses: printed as they are. */
	expect("0000000000000000", "%p", NULL);
	expect("fffffffffffffff4", "%p", (void *)-12L);

	rng_ready = true;
	expect("000000007e0add12", "%p", p);
	expect("ffff888012345678", "%px", p);
	expect("[000000007e0add12]", "[%p]", p);
	/* Unknown extensions hash too. */
	expect("000000007e0add12", "%pZ", p);
	k_snprintf(a, sizeof(a), "%p", p);
	k_snprintf(b, sizeof(b), "%p", (void *)((unsigned long)p + 64));
	CHECK(strcmp(a, b) != 0, "two objects print alike: %s", a);
	CHECK(random_calls == 1, "key drawn %d times, want once", random_calls);

	/* %pK: kptr_restrict 0 hashes, 1 shows CAP_SYSLOG readers, 2 nobody. */
	kptr_restrict = 0;
	expect("000000007e0add12", "%pK", p);
	kptr_restrict = 1;
	may_see = true;
	expect("ffff888012345678", "%pK", p);
	may_see = false;
	expect("0000000000000000", "%pK", p);
	kptr_restrict = 2;
	may_see = true;
	expect("0000000000000000", "%pK", p);
	kptr_restrict = 0;
	unit_end();
}

int main(void)
{
	test_integers();
	test_random_integers();
	test_strings();
	test_kernel_rules();
	test_pointers();
	test_siphash();
	test_pointer_hashing();
	test_sscanf();
	return unit_exit_status();
}
