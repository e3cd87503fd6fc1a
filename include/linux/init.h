/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Boot-time plumbing.
 *
 * __setup("name=", fn) and early_param("name", fn) register a handler for
 * a command-line option in the .init.setup section; start_kernel walks
 * that table, so the code that owns an option also parses it.  Early
 * params run first, before memory management, for options the earliest
 * code needs (loglevel, debug).
 *
 * Initcalls run once, in level order, after the core is up:
 * core_initcall (1) ... device_initcall (6) ... late_initcall (7).
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#ifdef MODULE
/*
 * A module's init code and data go to sections the loader places apart
 * and frees once init has returned; its exit code is kept (modules can
 * be unloaded).
 */
#define __init		__section(".init.text") __cold
#define __initdata	__section(".init.data")
#define __initconst	__section(".init.rodata")
#define __exit		__section(".exit.text") __cold
#else
/* The kernel proper keeps its init code resident; the markers document intent. */
#define __init
#define __initdata
#define __initconst
#define __exit
#endif
#define __ref

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *);
	int early;
};

#define __setup_param(str, unique_id, fn, early)			\
	static const char __setup_str_##unique_id[] = str;		\
	static const struct obs_kernel_param __setup_##unique_id	\
		__used __section(".init.setup") __aligned(8)		\
		= { __setup_str_##unique_id, fn, early }

#define __setup(str, fn)	__setup_param(str, fn, fn, 0)
#define early_param(str, fn)	__setup_param(str, fn, fn, 1)

typedef int (*initcall_t)(void);

#ifdef __HOST_TEST__
/*
 * Host builds (the fuzz targets) have no linker script to walk the
 * sections: an initcall is a global the harness names and calls itself.
 */
#define __define_initcall(fn, level)					\
	extern const initcall_t __initcall_##fn##level;			\
	const initcall_t __initcall_##fn##level __used = fn
#else
#define __define_initcall(fn, level)					\
	static const initcall_t __initcall_##fn##level			\
		__used __section(".initcall" #level ".init") = fn
#endif

#define pure_initcall(fn)	__define_initcall(fn, 0)
#define core_initcall(fn)	__define_initcall(fn, 1)
#define postcore_initcall(fn)	__define_initcall(fn, 2)
#define arch_initcall(fn)	__define_initcall(fn, 3)
#define subsys_initcall(fn)	__define_initcall(fn, 4)
#define fs_initcall(fn)		__define_initcall(fn, 5)
#define device_initcall(fn)	__define_initcall(fn, 6)
#define late_initcall(fn)	__define_initcall(fn, 7)
#define __initcall(fn)		device_initcall(fn)

typedef void (*exitcall_t)(void);

#ifdef MODULE
/*
 * A module's entry points are the symbols init_module and cleanup_module
 * (the .mod.c glue points __this_module at them); the unused inline
 * checks the function's type.
 */
#define module_init(initfn)							\
	static inline initcall_t __maybe_unused __inittest(void)		\
	{ return initfn; }							\
	int init_module(void) __attribute__((__copy__(initfn), __alias__(#initfn)))
#define module_exit(exitfn)							\
	static inline exitcall_t __maybe_unused __exittest(void)		\
	{ return exitfn; }							\
	void cleanup_module(void) __attribute__((__copy__(exitfn), __alias__(#exitfn)))
#else
/* Built in, a module's init is an ordinary initcall and it never exits. */
#define module_init(fn)		device_initcall(fn)
#define module_exit(fn)							\
	static inline exitcall_t __maybe_unused __exittest_##fn(void) { return fn; }
#endif

extern char boot_command_line[];
extern char *saved_command_line;

#endif
