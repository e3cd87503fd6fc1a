/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_ASM_H
#define _ASM_X86_ASM_H

/*
 * An exception-table entry: if the instruction at @from faults, resume
 * at @to instead of oopsing.  Entries are pairs of absolute addresses.
 */
#ifdef __ASSEMBLY__
#define _ASM_EXTABLE(from, to)			\
	.pushsection __ex_table, "a";		\
	.balign 8;				\
	.quad (from), (to);			\
	.popsection
#else
#define _ASM_EXTABLE(from, to)			\
	" .pushsection __ex_table, \"a\"\n"	\
	" .balign 8\n"				\
	" .quad (" #from "), (" #to ")\n"	\
	" .popsection\n"
#endif

#endif
