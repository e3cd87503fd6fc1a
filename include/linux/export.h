/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exported symbols: the part of the kernel a module may link against.
 * Everything else stays private even though it sits in the same address
 * space.  EXPORT_SYMBOL(f) puts a (value, name) pair for f in __ksymtab,
 * EXPORT_SYMBOL_GPL(f) in __ksymtab_gpl, which only modules under a
 * GPL-compatible license may resolve against.  The linker gathers each
 * section into one table (vmlinux.lds.S); a module's own exports land in
 * the same sections of its .ko and join the search when it loads.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler.h>

struct kernel_symbol {
	unsigned long value;
	const char *name;
};

#define __EXPORT_SYMBOL(sym, sec)						\
	extern __typeof__(sym) sym;						\
	static const char __kstrtab_##sym[]					\
		__section("__ksymtab_strings") __used __aligned(1) = #sym;	\
	static const struct kernel_symbol __ksymtab_##sym			\
		__section(sec) __used __aligned(8) =				\
		{ (unsigned long)&sym, __kstrtab_##sym }

#ifdef __HOST_TEST__
/* lib/ built for the host unit tests: nothing to export to. */
#define EXPORT_SYMBOL(sym)		extern __typeof__(sym) sym
#define EXPORT_SYMBOL_GPL(sym)		extern __typeof__(sym) sym
#else
#define EXPORT_SYMBOL(sym)		__EXPORT_SYMBOL(sym, "__ksymtab")
#define EXPORT_SYMBOL_GPL(sym)		__EXPORT_SYMBOL(sym, "__ksymtab_gpl")
#endif

#endif /* _LINUX_EXPORT_H */
