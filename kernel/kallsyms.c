// SPDX-License-Identifier: GPL-2.0
/*
 * kallsyms: the kernel's own symbol table, so that an oops can say
 * "do_page_fault+0x2a/0x1c0" instead of a bare address.  The table is
 * generated at build time (scripts/kallsyms.sh) from the linked image and
 * linked into it: an array of sorted addresses and, in parallel, offsets
 * into a blob of NUL-terminated names.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/string.h>
#include <asm/sections.h>

extern const unsigned long kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];

/* Index of the last symbol at or below @addr, or -1. */
static long kallsyms_find(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num_syms - 1, found = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char **modname, char *namebuf)
{
	long i;

	if (modname)
		*modname = NULL;
	if (addr < (unsigned long)_stext || addr >= (unsigned long)_etext)
		return NULL;
	i = kallsyms_find(addr);
	if (i < 0)
		return NULL;
	/* The last symbol's size runs to the end of the text. */
	if (symbolsize)
		*symbolsize = (i + 1 < (long)kallsyms_num_syms ?
			       kallsyms_addresses[i + 1] : (unsigned long)_etext) -
			      kallsyms_addresses[i];
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	strscpy(namebuf, kallsyms_names + kallsyms_offsets[i], KSYM_NAME_LEN);
	return namebuf;
}

unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned long i;

	for (i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}
