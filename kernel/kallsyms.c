// SPDX-License-Identifier: GPL-2.0
/*
 * kallsyms: the kernel's own symbol table, so that an oops can say
 * "do_page_fault+0x2a/0x1c0" instead of a bare address.  The table is
 * generated at build time (scripts/kallsyms.sh) from the linked image and
 * linked into it: an array of sorted addresses and, in parallel, offsets
 * into a blob of NUL-terminated names and nm's type letters.
 *
 * /proc/kallsyms lists the table for anyone, but shows the addresses
 * only to a reader with CAP_SYSLOG, and to nobody when kptr_restrict is
 * 2: where the kernel's code lies is what an exploit needs first.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/cred.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <asm/sections.h>

extern const unsigned long kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];
extern const char kallsyms_types[];

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
		return module_address_lookup(addr, symbolsize, offset, modname, namebuf);
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
	return module_kallsyms_lookup_name(name);
}

/*
 * Linux also shows them to anyone when kptr_restrict is 0 and perf is
 * open to users (perf_event_paranoid <= 1); Lantern has no perf, which
 * is Debian's default of 3: CAP_SYSLOG decides.  Linux asks with the
 * opener's credentials; Lantern's files keep none, so the reader's.
 */
bool kallsyms_show_value(void)
{
	switch (READ_ONCE(kptr_restrict)) {
	case 0:
	case 1:
		return capable(CAP_SYSLOG);
	default:
		return false;
	}
}

int kallsyms_proc_show(struct seq_file *m, void *v)
{
	bool show = kallsyms_show_value();
	unsigned long i;

	for (i = 0; i < kallsyms_num_syms; i++)
		seq_printf(m, "%016lx %c %s\n", show ? kallsyms_addresses[i] : 0UL,
			   kallsyms_types[i], kallsyms_names + kallsyms_offsets[i]);
	module_kallsyms_show(m, show);
	return 0;
}
