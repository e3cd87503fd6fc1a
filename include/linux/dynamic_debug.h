/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dynamic debug: every pr_debug()/dev_dbg() site is a struct _ddebug in
 * the __dyndbg section, off by default, and switched at run time through
 * /sys/kernel/debug/dynamic_debug/control ("module mymodule +p"), the
 * dyndbg= boot option, or a module's dyndbg= parameter
 * (lib/dynamic_debug.c).  A disabled site costs one test of its flags.
 */
#ifndef _LINUX_DYNAMIC_DEBUG_H
#define _LINUX_DYNAMIC_DEBUG_H

#include <linux/compiler.h>
#include <linux/types.h>

struct _ddebug {
	const char *modname;
	const char *function;
	const char *filename;
	const char *format;
	unsigned int lineno:18;
	unsigned int flags:8;
} __aligned(8);

#define _DPRINTK_FLAGS_NONE		0
#define _DPRINTK_FLAGS_PRINT		(1 << 0)	/* p: print it */
#define _DPRINTK_FLAGS_INCL_MODNAME	(1 << 1)	/* m */
#define _DPRINTK_FLAGS_INCL_FUNCNAME	(1 << 2)	/* f */
#define _DPRINTK_FLAGS_INCL_LINENO	(1 << 3)	/* l */
#define _DPRINTK_FLAGS_INCL_TID		(1 << 4)	/* t */
#define _DPRINTK_FLAGS_INCL_SOURCENAME	(1 << 5)	/* s */
#define _DPRINTK_FLAGS_DEFAULT		_DPRINTK_FLAGS_NONE

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "kernel"
#endif

__printf(2, 3) void __dynamic_pr_debug(struct _ddebug *descriptor, const char *fmt, ...);
struct device;
__printf(3, 4) void __dynamic_dev_dbg(struct _ddebug *descriptor, const struct device *dev,
				      const char *fmt, ...);

#define DEFINE_DYNAMIC_DEBUG_METADATA(name, fmt)				\
	static struct _ddebug name __used __section("__dyndbg") __aligned(8) = {	\
		.modname = KBUILD_MODNAME, .function = __func__,		\
		.filename = __FILE__, .format = (fmt), .lineno = __LINE__,	\
		.flags = _DPRINTK_FLAGS_DEFAULT }

#define __dynamic_func_call(id, fmt, func, ...) do {				\
	DEFINE_DYNAMIC_DEBUG_METADATA(id, fmt);					\
	if (unlikely(id.flags & _DPRINTK_FLAGS_PRINT))				\
		func(&id, ##__VA_ARGS__);					\
} while (0)

#define dynamic_pr_debug(fmt, ...)						\
	__dynamic_func_call(__PASTE(__ddebug_, __COUNTER__), pr_fmt(fmt),	\
			    __dynamic_pr_debug, pr_fmt(fmt), ##__VA_ARGS__)

#define dynamic_dev_dbg(dev, fmt, ...)						\
	__dynamic_func_call(__PASTE(__ddebug_, __COUNTER__), fmt,		\
			    __dynamic_dev_dbg, dev, fmt, ##__VA_ARGS__)

#ifndef __PASTE
#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)
#endif

/* Apply @query ("module m +p", "file f.c line 10 -p"...) to @modname's sites (NULL: all). */
int ddebug_exec_queries(char *query, const char *modname);

/* A module's sites join the tables when it loads and leave when it goes. */
struct module;
void dynamic_debug_setup(struct module *mod);
void dynamic_debug_remove(struct module *mod);
/* Its dyndbg= parameter: @val is a query for its own sites ("+p" if empty). */
int ddebug_module_param(struct module *mod, const char *val);

#endif /* _LINUX_DYNAMIC_DEBUG_H */
