// SPDX-License-Identifier: GPL-2.0
/*
 * lib/kstrtox.c: the strict kstrto*() family on tables of valid, junk and
 * out-of-range input and on random numbers printed by the C library;
 * simple_strto*(), memparse() and get_option()/get_options() on tables
 * of what they read and where they stop.  Expected values are written
 * out by hand from the Linux semantics each function documents.
 */
#include <limits.h>
#include <string.h>
#include <linux/kstrtox.h>
#include <linux/errno.h>
#include "unit.h"

#define SENTINEL	0x5a5a5a5a5a5a5a5aULL

static const struct ull_case {
	const char *s;
	unsigned int base;
	int ret;
	unsigned long long val;
} ull_cases[] = {
	{ "0", 10, 0, 0 },
	{ "1", 10, 0, 1 },
	{ "+1", 10, 0, 1 },
	{ "-1", 10, -EINVAL, 0 },
	{ "18446744073709551615", 10, 0, ULLONG_MAX },
	{ "18446744073709551616", 10, -ERANGE, 0 },
	{ "99999999999999999999", 10, -ERANGE, 0 },
	{ "99999999999999999999x", 10, -ERANGE, 0 },
	{ "0xffffffffffffffff", 0, 0, ULLONG_MAX },
	{ "0x10000000000000000", 0, -ERANGE, 0 },
	{ "1777777777777777777777", 8, 0, ULLONG_MAX },
	{ "2000000000000000000000", 8, -ERANGE, 0 },
	{ "0x1f", 16, 0, 31 },
	{ "1f", 16, 0, 31 },
	{ "0X1F", 0, 0, 31 },
	{ "0x", 16, -EINVAL, 0 },
	{ "0x", 0, -EINVAL, 0 },
	{ "0xg", 0, -EINVAL, 0 },
	{ "010", 0, 0, 8 },
	{ "010", 10, 0, 10 },
	{ "08", 0, -EINVAL, 0 },
	{ "0", 0, 0, 0 },
	{ "0", 8, 0, 0 },
	{ "777", 8, 0, 511 },
	{ "1010", 2, 0, 10 },
	{ "2", 2, -EINVAL, 0 },
	{ "ABCDEF", 16, 0, 0xabcdef },
	{ "abcdef", 10, -EINVAL, 0 },
	{ "+0x10", 0, 0, 16 },
	{ "12\n", 10, 0, 12 },
	{ "12\n\n", 10, -EINVAL, 0 },
	{ "12 ", 10, -EINVAL, 0 },
	{ " 12", 10, -EINVAL, 0 },
	{ "12a", 10, -EINVAL, 0 },
	{ "", 10, -EINVAL, 0 },
	{ "\n", 10, -EINVAL, 0 },
	{ "+", 10, -EINVAL, 0 },
	{ "++1", 10, -EINVAL, 0 },
	{ "1", 1, -EINVAL, 0 },
	{ "1", 17, -EINVAL, 0 },
	{ "z", 36, -EINVAL, 0 },
};

static const struct ll_case {
	const char *s;
	unsigned int base;
	int ret;
	long long val;
} ll_cases[] = {
	{ "-9223372036854775808", 10, 0, LLONG_MIN },
	{ "-9223372036854775809", 10, -ERANGE, 0 },
	{ "9223372036854775807", 10, 0, LLONG_MAX },
	{ "9223372036854775808", 10, -ERANGE, 0 },
	{ "+9223372036854775807", 10, 0, LLONG_MAX },
	{ "-18446744073709551616", 10, -ERANGE, 0 },
	{ "-0", 10, 0, 0 },
	{ "-1\n", 10, 0, -1 },
	{ "-0x10", 0, 0, -16 },
	{ "-010", 0, 0, -8 },
	{ "--1", 10, -EINVAL, 0 },
	{ "-+1", 10, -EINVAL, 0 },
	{ "+-1", 10, -EINVAL, 0 },
	{ "-", 10, -EINVAL, 0 },
	{ "- 1", 10, -EINVAL, 0 },
};

static void test_tables(void)
{
	for (size_t i = 0; i < sizeof(ull_cases) / sizeof(ull_cases[0]); i++) {
		const struct ull_case *c = &ull_cases[i];
		unsigned long long v = SENTINEL;
		int ret = kstrtoull(c->s, c->base, &v);

		CHECK(ret == c->ret && v == (ret ? SENTINEL : c->val),
		      "kstrtoull(\"%s\", %u) = %d %#llx, want %d %#llx",
		      c->s, c->base, ret, v, c->ret, c->val);
	}
	for (size_t i = 0; i < sizeof(ll_cases) / sizeof(ll_cases[0]); i++) {
		const struct ll_case *c = &ll_cases[i];
		long long v = (long long)SENTINEL;
		int ret = kstrtoll(c->s, c->base, &v);

		CHECK(ret == c->ret && v == (ret ? (long long)SENTINEL : c->val),
		      "kstrtoll(\"%s\", %u) = %d %lld, want %d %lld",
		      c->s, c->base, ret, v, c->ret, c->val);
	}
}

/* Each narrow type at its limits and one past them. */
static void test_narrow(void)
{
	unsigned int ui;
	int si;
	unsigned long ul;
	long sl;
	u16 u16v;
	s16 s16v;
	u8 u8v;
	s8 s8v;

	CHECK(!kstrtouint("4294967295", 10, &ui) && ui == UINT_MAX, "uint max");
	CHECK(kstrtouint("4294967296", 10, &ui) == -ERANGE, "uint max+1");
	CHECK(kstrtouint("-1", 10, &ui) == -EINVAL, "uint -1");
	CHECK(!kstrtoint("-2147483648", 10, &si) && si == INT_MIN, "int min");
	CHECK(!kstrtoint("2147483647", 10, &si) && si == INT_MAX, "int max");
	CHECK(kstrtoint("2147483648", 10, &si) == -ERANGE, "int max+1");
	CHECK(kstrtoint("-2147483649", 10, &si) == -ERANGE, "int min-1");
	CHECK(!kstrtoul("0xffffffffffffffff", 0, &ul) && ul == ULONG_MAX, "ulong max");
	CHECK(!kstrtol("-9223372036854775808", 10, &sl) && sl == LONG_MIN, "long min");
	CHECK(kstrtol("9223372036854775808", 10, &sl) == -ERANGE, "long max+1");
	CHECK(!kstrtou16("65535", 10, &u16v) && u16v == 65535, "u16 max");
	CHECK(kstrtou16("65536", 10, &u16v) == -ERANGE, "u16 max+1");
	CHECK(!kstrtos16("-32768", 10, &s16v) && s16v == -32768, "s16 min");
	CHECK(kstrtos16("32768", 10, &s16v) == -ERANGE, "s16 max+1");
	CHECK(kstrtos16("-32769", 10, &s16v) == -ERANGE, "s16 min-1");
	CHECK(!kstrtou8("0xff", 0, &u8v) && u8v == 255, "u8 max");
	CHECK(kstrtou8("256", 10, &u8v) == -ERANGE, "u8 max+1");
	CHECK(!kstrtos8("-128", 10, &s8v) && s8v == -128, "s8 min");
	CHECK(!kstrtos8("127\n", 10, &s8v) && s8v == 127, "s8 max");
	CHECK(kstrtos8("128", 10, &s8v) == -ERANGE, "s8 max+1");
	CHECK(kstrtos8("-129", 10, &s8v) == -ERANGE, "s8 min-1");
	CHECK(kstrtou8("12x", 10, &u8v) == -EINVAL, "u8 junk");
}

/* Random numbers printed by libc in every base must read back exactly. */
static void test_random(void)
{
	static const struct {
		const char *fmt;
		unsigned int base;
	} forms[] = {
		{ "%llu", 10 }, { "%llx", 16 }, { "%#llx", 16 }, { "%llX", 16 },
		{ "%llo", 8 }, { "%llu", 0 }, { "%#llx", 0 }, { "%#llo", 0 },
		{ "%llu\n", 10 }, { "+%llu", 0 },
	};

	for (int i = 0; i < 30000; i++) {
		unsigned long long r = unit_rand() >> unit_rand_below(64);
		size_t f = unit_rand_below(sizeof(forms) / sizeof(forms[0]));
		unsigned long long v = 0;
		unsigned __int128 wide;
		long long sv = 0;
		char buf[64];
		int ret, want;

		snprintf(buf, sizeof(buf), forms[f].fmt, r);
		ret = kstrtoull(buf, forms[f].base, &v);
		CHECK(ret == 0 && v == r, "kstrtoull(\"%s\", %u) = %d %llu",
		      buf, forms[f].base, ret, v);

		/* Signed: a random sign, and the range check at 2^63. */
		snprintf(buf, sizeof(buf), "%s%llu", r & 1 ? "-" : "", r);
		ret = kstrtoll(buf, 10, &sv);
		want = (r & 1) ? (r > (unsigned long long)LLONG_MAX + 1 ? -ERANGE : 0)
			       : (r > LLONG_MAX ? -ERANGE : 0);
		CHECK(ret == want && (ret || sv == ((r & 1) ? (long long)(0 - r) : (long long)r)),
		      "kstrtoll(\"%s\") = %d %lld", buf, ret, sv);

		/* One more digit: valid unless it overflows 64 bits. */
		snprintf(buf, sizeof(buf), "%llu%d", r, (int)(r % 10));
		wide = (unsigned __int128)r * 10 + r % 10;
		ret = kstrtoull(buf, 10, &v);
		if (wide > ULLONG_MAX)
			CHECK(ret == -ERANGE, "kstrtoull(\"%s\") = %d, want -ERANGE", buf, ret);
		else
			CHECK(ret == 0 && v == (unsigned long long)wide,
			      "kstrtoull(\"%s\") = %d %llu", buf, ret, v);

		/* Through kstrtoint: in range or -ERANGE. */
		{
			long long x = (long long)(r % (1ULL << 34)) - (1LL << 33);
			int iv = 0;

			snprintf(buf, sizeof(buf), "%lld", x);
			ret = kstrtoint(buf, 0, &iv);
			if (x < INT_MIN || x > INT_MAX)
				CHECK(ret == -ERANGE, "kstrtoint(\"%s\") = %d", buf, ret);
			else
				CHECK(ret == 0 && iv == x, "kstrtoint(\"%s\") = %d %d",
				      buf, ret, iv);
		}
	}
}

static void test_kstrtobool(void)
{
	static const char *const yes[] = { "y", "Y", "yes", "1", "t", "True", "e", "on", "ON", "y\n" };
	static const char *const no[] = { "n", "N", "no", "0", "f", "false", "d", "off", "oF" };
	static const char *const bad[] = { "", "o", "x", "2", "oz", " y" };
	bool b;

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		b = false;
		CHECK(kstrtobool(yes[i], &b) == 0 && b, "kstrtobool(\"%s\")", yes[i]);
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		b = true;
		CHECK(kstrtobool(no[i], &b) == 0 && !b, "kstrtobool(\"%s\")", no[i]);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(kstrtobool(bad[i], &b) == -EINVAL, "kstrtobool(\"%s\")", bad[i]);
	CHECK(kstrtobool(NULL, &b) == -EINVAL, "kstrtobool(NULL)");
}

static void test_simple(void)
{
	static const struct {
		const char *s;
		unsigned int base;
		unsigned long long val;
		size_t end;
	} cases[] = {
		{ "123abc", 10, 123, 3 },
		{ "0x1fz", 0, 31, 4 },
		{ "0x1fz", 16, 31, 4 },
		{ "0xz", 16, 0, 1 },
		{ "0xz", 0, 0, 1 },
		{ "017", 0, 15, 3 },
		{ "09", 0, 0, 1 },
		{ "", 10, 0, 0 },
		{ "abc", 10, 0, 0 },
		{ "abc", 16, 0xabc, 3 },
		{ " 12", 10, 0, 0 },
		{ "+5", 10, 0, 0 },
		/* Overflow wraps: 10^20 - 1 modulo 2^64. */
		{ "99999999999999999999", 10, 7766279631452241919ULL, 20 },
	};
	char *end;
	long long v;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		unsigned long long r = simple_strtoull(cases[i].s, &end, cases[i].base);

		CHECK(r == cases[i].val && end == cases[i].s + cases[i].end,
		      "simple_strtoull(\"%s\", %u) = %llu end +%td",
		      cases[i].s, cases[i].base, r, end - cases[i].s);
		CHECK(simple_strtoul(cases[i].s, NULL, cases[i].base) == cases[i].val,
		      "simple_strtoul(\"%s\")", cases[i].s);
	}

	v = simple_strtoll("-12x", &end, 10);
	CHECK(v == -12 && !strcmp(end, "x"), "simple_strtoll -12x: %lld", v);
	v = simple_strtol("-x", &end, 10);
	CHECK(v == 0 && !strcmp(end, "-x"), "simple_strtol -x: %lld \"%s\"", v, end);
	v = simple_strtol("-0x10", &end, 0);
	CHECK(v == -16 && !*end, "simple_strtol -0x10: %lld", v);

	CHECK(simple_strntoull("12345", &end, 10, 3) == 123 && !strcmp(end, "45"),
	      "simple_strntoull width 3");
	CHECK(simple_strntoull("0x1f", &end, 0, 2) == 0 && !strcmp(end, "x1f"),
	      "simple_strntoull width inside the prefix");
	CHECK(simple_strntoull("0x1f", &end, 0, 3) == 1 && !strcmp(end, "f"),
	      "simple_strntoull width 3 on hex");
	CHECK(simple_strntoull("7", &end, 10, 0) == 0 && !strcmp(end, "7"),
	      "simple_strntoull width 0");
}

static void test_memparse(void)
{
	static const struct {
		const char *s;
		unsigned long long val;
		size_t end;
	} cases[] = {
		{ "64M", 64ULL << 20, 3 },
		{ "64m", 64ULL << 20, 3 },
		{ "1G", 1ULL << 30, 2 },
		{ "4k", 4096, 2 },
		{ "4K,rest", 4096, 2 },
		{ "2T", 2ULL << 40, 2 },
		{ "3P", 3ULL << 50, 2 },
		{ "1E", 1ULL << 60, 2 },
		{ "1e", 1ULL << 60, 2 },
		{ "0x1000", 4096, 6 },
		{ "0x1k", 1024, 4 },
		{ "0x1e", 30, 4 },
		{ "010K", 8 << 10, 4 },
		{ "12", 12, 2 },
		{ "12X", 12, 2 },
		{ "k", 0, 0 },
		{ "", 0, 0 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *end;
		unsigned long long v = memparse(cases[i].s, &end);

		CHECK(v == cases[i].val && end == cases[i].s + cases[i].end,
		      "memparse(\"%s\") = %llu end +%td, want %llu +%zu",
		      cases[i].s, v, end - cases[i].s, cases[i].val, cases[i].end);
	}
	CHECK(memparse("16M", NULL) == 16 << 20, "memparse without retptr");
}

static void test_get_option(void)
{
	static const struct {
		const char *s;
		int ret, val;
		size_t end;
	} cases[] = {
		{ "3", 1, 3, 1 },
		{ "3,4", 2, 3, 2 },
		{ "3-5", 3, 3, 1 },
		{ "-7,1", 2, -7, 3 },
		{ "0x10,", 2, 16, 5 },
		{ "010", 1, 8, 3 },
		{ "3x", 1, 3, 1 },
		{ "x", 0, -99, 0 },
		{ "-x", 0, -99, 0 },
		{ "", 0, -99, 0 },
		{ ",", 0, -99, 0 },
	};
	char buf[16];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = buf;
		int val = -99;
		int ret;

		strcpy(buf, cases[i].s);
		ret = get_option(&s, &val);
		CHECK(ret == cases[i].ret && val == cases[i].val &&
		      s == buf + cases[i].end,
		      "get_option(\"%s\") = %d %d end +%td, want %d %d +%zu",
		      cases[i].s, ret, val, s - buf, cases[i].ret, cases[i].val,
		      cases[i].end);
	}
	{
		char *s = NULL;

		CHECK(get_option(&s, NULL) == 0, "get_option(NULL)");
	}
}

/* get_options(@s, @nints) must give ints[0..want[0]] and stop at @rest. */
static void check_get_options(const char *s, int nints, const int *want,
			      const char *rest)
{
	int ints[16];
	char *end;
	bool same;

	memset(ints, 0x7f, sizeof(ints));
	end = get_options(s, nints, ints);
	same = ints[0] == want[0] && !strcmp(end, rest);
	for (int i = 1; same && i <= want[0] && nints; i++)
		same = ints[i] == want[i];
	/* Nothing is stored past the array. */
	for (int i = nints ? nints : 1; same && i < 16; i++)
		same = ints[i] == 0x7f7f7f7f;
	CHECK(same, "get_options(\"%s\", %d): count %d, stopped at \"%s\"",
	      s, nints, ints[0], end);
}

static void test_get_options(void)
{
	check_get_options("1,2,3", 10, (int[]){ 3, 1, 2, 3 }, "");
	check_get_options("1-4,7", 10, (int[]){ 5, 1, 2, 3, 4, 7 }, "");
	check_get_options("1,2,3", 3, (int[]){ 2, 1, 2 }, "3");
	check_get_options("5-5", 10, (int[]){ 1, 5 }, "");
	check_get_options("5-3", 10, (int[]){ 0 }, "-3");
	check_get_options("1-3", 3, (int[]){ 2, 1, 2 }, "3");
	check_get_options("-2--1,0x10", 10, (int[]){ 3, -2, -1, 16 }, "");
	check_get_options("1,x", 10, (int[]){ 1, 1 }, "x");
	check_get_options("1 2", 10, (int[]){ 1, 1 }, " 2");
	check_get_options("", 10, (int[]){ 0 }, "");
	/* nints 0 only counts, into ints[0]. */
	check_get_options("1-100,5", 0, (int[]){ 101 }, "");
}

int main(void)
{
	unit_begin("kstrtox");
	test_tables();
	test_narrow();
	test_random();
	test_kstrtobool();
	unit_end();

	unit_begin("simple_strtox");
	test_simple();
	unit_end();

	unit_begin("memparse");
	test_memparse();
	unit_end();

	unit_begin("get_option");
	test_get_option();
	test_get_options();
	unit_end();
	return unit_exit_status();
}
