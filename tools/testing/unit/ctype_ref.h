/* SPDX-License-Identifier: GPL-2.0 */
#ifndef CTYPE_REF_H
#define CTYPE_REF_H

enum ctype_class {
	CT_ALNUM, CT_ALPHA, CT_CNTRL, CT_DIGIT, CT_GRAPH, CT_LOWER, CT_PRINT,
	CT_PUNCT, CT_SPACE, CT_UPPER, CT_XDIGIT, CT_TOLOWER, CT_TOUPPER,
};

/* The C library's answer for @class on character @c (0..255). */
int ref_ctype(enum ctype_class class, int c);

#endif
