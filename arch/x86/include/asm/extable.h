/* SPDX-License-Identifier: GPL-2.0 */
/* An exception-table entry: a faulting instruction and where to resume (_ASM_EXTABLE). */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

struct exception_table_entry {
	unsigned long insn;
	unsigned long fixup;
};

#endif
