// SPDX-License-Identifier: GPL-2.0
/*
 * lib/cmdline.c: command lines split by next_arg() and parse_args()
 * compared word by word with the split worked out by hand -- quoting,
 * empty values, runs of spaces, "--" -- plus parse_args()'s error
 * reporting and parameq()'s dash/underscore rule.
 */
#include <string.h>
#include <linux/cmdline.h>
#include <linux/err.h>
#include <linux/errno.h>
#include "unit.h"

struct word {
	const char *param;
	const char *val;	/* NULL: no '=' in the word */
};

#define MAX_WORDS	16

/* What parse_args() handed to the callback, in order. */
struct seen {
	struct word words[MAX_WORDS];
	char text[MAX_WORDS][2][64];
	int n;
	const char *fail_on;	/* return -EINVAL for this param */
};

static int record(char *param, char *val, const char *doing, void *arg)
{
	struct seen *seen = arg;

	if (strcmp(doing, "Testing") || seen->n >= MAX_WORDS)
		return -E2BIG;
	snprintf(seen->text[seen->n][0], 64, "%s", param);
	snprintf(seen->text[seen->n][1], 64, "%s", val ? val : "");
	seen->words[seen->n].param = seen->text[seen->n][0];
	seen->words[seen->n].val = val ? seen->text[seen->n][1] : NULL;
	seen->n++;
	return seen->fail_on && !strcmp(param, seen->fail_on) ? -EINVAL : 0;
}

static bool same_word(const struct word *a, const struct word *b)
{
	if (strcmp(a->param, b->param))
		return false;
	if (!a->val || !b->val)
		return a->val == b->val;
	return !strcmp(a->val, b->val);
}

/*
 * Parse @line and compare the words with @want (ended by a NULL param)
 * and the return value with @rest (NULL: none, else the text after "--").
 */
static void check_line(const char *line, const struct word *want,
		       const char *rest)
{
	struct seen seen = { .n = 0 };
	char buf[256];
	char *ret;
	int nwant = 0;
	bool ok = true;

	snprintf(buf, sizeof(buf), "%s", line);
	ret = parse_args("Testing", buf, record, &seen);

	while (want[nwant].param)
		nwant++;
	ok = seen.n == nwant;
	for (int i = 0; ok && i < nwant; i++)
		ok = same_word(&seen.words[i], &want[i]);
	CHECK(ok, "\"%s\": %d words, want %d (first: \"%s\"=%s%s%s)", line,
	      seen.n, nwant, seen.n ? seen.words[0].param : "",
	      seen.n && seen.words[0].val ? "\"" : "",
	      seen.n ? (seen.words[0].val ? seen.words[0].val : "NULL") : "",
	      seen.n && seen.words[0].val ? "\"" : "");
	if (rest)
		CHECK(ret && !IS_ERR(ret) && !strcmp(ret, rest),
		      "\"%s\": rest \"%s\", want \"%s\"", line,
		      ret && !IS_ERR(ret) ? ret : "(none)", rest);
	else
		CHECK(ret == NULL, "\"%s\": returned %p, want NULL", line, (void *)ret);
}

#define WORDS(...)	((const struct word[]){ __VA_ARGS__, { NULL, NULL } })
#define NO_WORDS	((const struct word[]){ { NULL, NULL } })

static void test_split(void)
{
	check_line("a=b c d=", WORDS({ "a", "b" }, { "c", NULL }, { "d", "" }), NULL);
	check_line("   a    b   ", WORDS({ "a", NULL }, { "b", NULL }), NULL);
	check_line("a\tb\nc\r\vd", WORDS({ "a", NULL }, { "b", NULL }, { "c", NULL },
					 { "d", NULL }), NULL);
	check_line("console=ttyS0,115200 root=/dev/vda rw",
		   WORDS({ "console", "ttyS0,115200" }, { "root", "/dev/vda" },
			 { "rw", NULL }), NULL);
	check_line("dyndbg=\"file foo.c +p\" x",
		   WORDS({ "dyndbg", "file foo.c +p" }, { "x", NULL }), NULL);
	check_line("\"param=a b\" z", WORDS({ "param", "a b" }, { "z", NULL }), NULL);
	check_line("\"quoted word\" y", WORDS({ "quoted word", NULL }, { "y", NULL }), NULL);
	check_line("a=\"\" b", WORDS({ "a", "" }, { "b", NULL }), NULL);
	check_line("a=b=c", WORDS({ "a", "b=c" }), NULL);
	check_line("a=\"b c", WORDS({ "a", "b c" }), NULL);
	check_line("=x", WORDS({ "", "x" }), NULL);
	check_line("", NO_WORDS, NULL);
	check_line("    ", NO_WORDS, NULL);
}

static void test_dashes(void)
{
	check_line("init=/bin/sh -- single -x",
		   WORDS({ "init", "/bin/sh" }), "single -x");
	check_line("a=1 --   b=2  c", WORDS({ "a", "1" }), "b=2  c");
	check_line("--", NO_WORDS, "");
	check_line("a --", WORDS({ "a", NULL }), "");
	check_line("a -- ", WORDS({ "a", NULL }), "");
	check_line("\"--\" b", NO_WORDS, "b");
	/* Only a bare "--" ends the kernel's part. */
	check_line("--=1 ---", WORDS({ "--", "1" }, { "---", NULL }), NULL);
}

static void test_errors(void)
{
	struct seen seen = { .n = 0, .fail_on = "bad" };
	char buf[64];
	char *ret;

	strcpy(buf, "a bad=1 c");
	ret = parse_args("Testing", buf, record, &seen);
	CHECK(IS_ERR(ret) && PTR_ERR(ret) == -EINVAL, "error not returned");
	CHECK(seen.n == 3, "words after the failure still seen: %d", seen.n);

	/* An error wins over the text after "--". */
	seen.n = 0;
	strcpy(buf, "bad -- rest");
	ret = parse_args("Testing", buf, record, &seen);
	CHECK(IS_ERR(ret) && PTR_ERR(ret) == -EINVAL, "error before --");

	strcpy(buf, "x");
	ret = parse_args("Testing", buf, NULL, NULL);
	CHECK(IS_ERR(ret) && PTR_ERR(ret) == -ENOENT, "no handler: -ENOENT");
}

/* next_arg() on its own: where it cuts, and what it returns. */
static void test_next_arg(void)
{
	char buf[] = "a=\"x y\"   b";
	char *param, *val, *next;

	next = next_arg(buf, &param, &val);
	CHECK(param == buf && !strcmp(param, "a"), "param \"%s\"", param);
	CHECK(val == buf + 3 && !strcmp(val, "x y"), "val \"%s\"", val);
	CHECK(next == buf + 10 && !strcmp(next, "b"), "next \"%s\"", next);
	next = next_arg(next, &param, &val);
	CHECK(!strcmp(param, "b") && val == NULL && *next == '\0', "last word");
}

static void test_parameq(void)
{
	static const char ab[2] = "a", ab2[3] = "a_";

	CHECK(parameq("no-hz", "no_hz"), "no-hz == no_hz");
	CHECK(parameq("no_hz", "no-hz"), "no_hz == no-hz");
	CHECK(parameq("a-b-c", "a_b-c"), "a-b-c == a_b-c");
	CHECK(!parameq("a-b", "a_c"), "a-b != a_c");
	CHECK(!parameq("abc", "ab"), "abc != ab");
	CHECK(!parameq("ab", "abc"), "ab != abc");
	CHECK(parameqn("console=ttyS0", "console", 7), "parameqn prefix");
	CHECK(!parameqn("consolx", "console", 7), "parameqn differs");
	/* A bound past a common end stops there: ASan checks the reads. */
	CHECK(parameqn(ab, ab, 10), "parameqn past the end");
	CHECK(!parameqn(ab, ab2, 10), "parameqn longer b");
}

int main(void)
{
	unit_begin("cmdline-split");
	test_split();
	test_next_arg();
	unit_end();

	unit_begin("cmdline-dashes");
	test_dashes();
	unit_end();

	unit_begin("cmdline-errors");
	test_errors();
	unit_end();

	unit_begin("parameq");
	test_parameq();
	unit_end();
	return unit_exit_status();
}
