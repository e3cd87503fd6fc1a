// SPDX-License-Identifier: GPL-2.0
/*
 * lib/ctype.c: every class and both case mappings for all 256 byte
 * values, against the C library in the "C" locale; chars above 127 must
 * be in no class whether they arrive as signed or unsigned char.
 */
#include <linux/ctype.h>
#include "unit.h"
#include "ctype_ref.h"

static int lantern_ctype(enum ctype_class class, int c)
{
	switch (class) {
	case CT_ALNUM: return isalnum(c);
	case CT_ALPHA: return isalpha(c);
	case CT_CNTRL: return iscntrl(c);
	case CT_DIGIT: return isdigit(c);
	case CT_GRAPH: return isgraph(c);
	case CT_LOWER: return islower(c);
	case CT_PRINT: return isprint(c);
	case CT_PUNCT: return ispunct(c);
	case CT_SPACE: return isspace(c);
	case CT_UPPER: return isupper(c);
	case CT_XDIGIT: return isxdigit(c);
	case CT_TOLOWER: return tolower(c);
	case CT_TOUPPER: return toupper(c);
	}
	return -1;
}

static const char *const names[] = {
	"isalnum", "isalpha", "iscntrl", "isdigit", "isgraph", "islower",
	"isprint", "ispunct", "isspace", "isupper", "isxdigit", "tolower",
	"toupper",
};

int main(void)
{
	unit_begin("ctype");
	for (int class = CT_ALNUM; class <= CT_TOUPPER; class++) {
		for (int c = 0; c < 256; c++) {
			int got = lantern_ctype(class, c);

			CHECK(got == ref_ctype(class, c), "%s(%#x) = %d, libc %d",
			      names[class], c, got, ref_ctype(class, c));
			/* The same byte through a (signed) char. */
			CHECK(lantern_ctype(class, (signed char)c) == got,
			      "%s((signed char)%#x) differs", names[class], c);
		}
	}
	for (int c = 0; c < 256; c++) {
		CHECK(isascii(c) == (c < 128), "isascii(%#x)", c);
		if (isalpha(c) || isdigit(c))
			CHECK(_tolower(c) == tolower(c), "_tolower(%#x)", c);
	}
	unit_end();
	return unit_exit_status();
}
