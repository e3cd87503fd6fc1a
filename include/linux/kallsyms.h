/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel symbol lookup: the address-to-name table that turns a raw
 * instruction pointer into "schedule+0x2a/0x80" in oopses, backtraces and
 * the %pS family of printk formats.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN	128
#define MODULE_NAME_LEN	56

/* Room for "name+0x<16 digits>/0x<16 digits> [module]" and its NUL. */
#define KSYM_SYMBOL_LEN	(KSYM_NAME_LEN + 40 + MODULE_NAME_LEN + 4)

/* The address of @name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

/**
 * kallsyms_lookup - find the symbol that contains an address
 * @addr: the address
 * @symbolsize: receives the size of the symbol
 * @offset: receives @addr minus the symbol's start
 * @modname: receives the module's name, or NULL for the kernel proper
 * @namebuf: KSYM_NAME_LEN bytes that may receive the name
 *
 * Returns the name (often @namebuf), or NULL when no symbol covers @addr.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char **modname, char *namebuf);

/* /proc/kallsyms; addresses only for readers kallsyms_show_value() allows. */
struct seq_file;
bool kallsyms_show_value(void);
int kallsyms_proc_show(struct seq_file *m, void *v);

#endif /* _LINUX_KALLSYMS_H */
