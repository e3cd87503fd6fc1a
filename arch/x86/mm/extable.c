// SPDX-License-Identifier: GPL-2.0
/*
 * The exception table: (faulting instruction, fixup) pairs collected by
 * the linker from every _ASM_EXTABLE.  A fault at a listed instruction
 * resumes at its fixup instead of being treated as a kernel bug.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <asm/extable.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

static const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	const struct exception_table_entry *e;

	/* Few entries, built once: a linear scan is plenty. */
	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == ip)
			return e;
	return NULL;
}

bool fixup_exception(struct pt_regs *regs, int trapnr)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (!e)
		e = search_module_extables(regs->ip);

	if (!e)
		return false;
	regs->ip = e->fixup;
	return true;
}
