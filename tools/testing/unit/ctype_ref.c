// SPDX-License-Identifier: GPL-2.0
/*
 * The C library's character classes, in a file of their own because
 * <ctype.h> and <linux/ctype.h> define the same names.  The test runs in
 * the "C" locale (no setlocale call), where the classes are plain ASCII.
 */
#include <ctype.h>
#include "ctype_ref.h"

int ref_ctype(enum ctype_class class, int c)
{
	switch (class) {
	case CT_ALNUM: return !!isalnum(c);
	case CT_ALPHA: return !!isalpha(c);
	case CT_CNTRL: return !!iscntrl(c);
	case CT_DIGIT: return !!isdigit(c);
	case CT_GRAPH: return !!isgraph(c);
	case CT_LOWER: return !!islower(c);
	case CT_PRINT: return !!isprint(c);
	case CT_PUNCT: return !!ispunct(c);
	case CT_SPACE: return !!isspace(c);
	case CT_UPPER: return !!isupper(c);
	case CT_XDIGIT: return !!isxdigit(c);
	case CT_TOLOWER: return tolower(c);
	case CT_TOUPPER: return toupper(c);
	}
	return -1;
}
