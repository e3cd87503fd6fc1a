/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Character classes for ASCII text (lib/ctype.c holds the table).  Bytes
 * 128-255 belong to no class: the kernel parses command lines, file names
 * and /proc input, never localised text.
 */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H

#include <linux/types.h>

#define _U	0x01	/* upper case letter */
#define _L	0x02	/* lower case letter */
#define _D	0x04	/* decimal digit */
#define _C	0x08	/* control character */
#define _P	0x10	/* punctuation */
#define _S	0x20	/* white space: space, \t \n \v \f \r */
#define _X	0x40	/* hexadecimal digit letter a-f, A-F */
#define _SP	0x80	/* the space character itself */

extern const unsigned char _ctype[256];

/* Any char, signed or not, indexes the table through its byte value. */
static inline unsigned char __ismask(int c)
{
	return _ctype[(unsigned char)c];
}

static inline int isalnum(int c)  { return (__ismask(c) & (_U | _L | _D)) != 0; }
static inline int isalpha(int c)  { return (__ismask(c) & (_U | _L)) != 0; }
static inline int iscntrl(int c)  { return (__ismask(c) & _C) != 0; }
static inline int isdigit(int c)  { return (__ismask(c) & _D) != 0; }
static inline int isgraph(int c)  { return (__ismask(c) & (_P | _U | _L | _D)) != 0; }
static inline int islower(int c)  { return (__ismask(c) & _L) != 0; }
static inline int isprint(int c)  { return (__ismask(c) & (_P | _U | _L | _D | _SP)) != 0; }
static inline int ispunct(int c)  { return (__ismask(c) & _P) != 0; }
static inline int isspace(int c)  { return (__ismask(c) & _S) != 0; }
static inline int isupper(int c)  { return (__ismask(c) & _U) != 0; }
static inline int isxdigit(int c) { return (__ismask(c) & (_D | _X)) != 0; }

static inline int isascii(int c)  { return (unsigned int)c <= 0x7f; }
static inline int toascii(int c)  { return c & 0x7f; }

/* Anything but a letter comes back unchanged, as a byte value 0-255. */
static inline int tolower(int c)
{
	return isupper(c) ? (unsigned char)c - 'A' + 'a' : (unsigned char)c;
}

static inline int toupper(int c)
{
	return islower(c) ? (unsigned char)c - 'a' + 'A' : (unsigned char)c;
}

/*
 * Fast lower-casing for parsers that have already checked @c is a letter
 * or digit: in ASCII upper and lower case differ only in bit 5, and
 * setting it leaves digits unchanged.
 */
static inline char _tolower(const char c)
{
	return c | 0x20;
}

#endif /* _LINUX_CTYPE_H */
