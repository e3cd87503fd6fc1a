// SPDX-License-Identifier: GPL-2.0
/*
 * The ASCII character class table behind <linux/ctype.h>.  One byte of
 * class bits per character makes every isxxx() a load and a mask; the
 * ranges below are the whole definition of each class.  Entries not named
 * (including all of 128-255) are zero: no class.
 */
#include <linux/ctype.h>

const unsigned char _ctype[256] = {
	[0x00 ... 0x08]	= _C,
	['\t']		= _C | _S,
	['\n']		= _C | _S,
	['\v']		= _C | _S,
	['\f']		= _C | _S,
	['\r']		= _C | _S,
	[0x0e ... 0x1f]	= _C,
	[' ']		= _S | _SP,
	['!' ... '/']	= _P,
	['0' ... '9']	= _D,
	[':' ... '@']	= _P,
	['A' ... 'F']	= _U | _X,
	['G' ... 'Z']	= _U,
	['[' ... '`']	= _P,
	['a' ... 'f']	= _L | _X,
	['g' ... 'z']	= _L,
	['{' ... '~']	= _P,
	[0x7f]		= _C,
};
