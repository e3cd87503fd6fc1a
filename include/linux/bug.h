/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BUG() stops the kernel with an oops at the line that found an
 * impossible state; WARN() reports one and carries on.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/printk.h>
#include <asm/bug.h>

void __warn(const char *file, int line, void *caller);

/* The architecture's trap (asm/bug.h) oopses with the registers. */
#define BUG() do {							\
	printk(KERN_EMERG "kernel BUG at %s:%d!\n", __FILE__, __LINE__);	\
	__BUG_TRAP();							\
	__builtin_unreachable();					\
} while (0)

#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

#define WARN_ON(cond) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		__warn(__FILE__, __LINE__, __builtin_return_address(0));	\
	unlikely(__ret_warn_on); })

#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	int __ret_warn_once = !!(cond);					\
	if (unlikely(__ret_warn_once && !__warned)) {			\
		__warned = true;					\
		__warn(__FILE__, __LINE__, __builtin_return_address(0));	\
	}								\
	unlikely(__ret_warn_once); })

#define WARN(cond, fmt, ...) ({						\
	int __ret_warn = !!(cond);					\
	if (unlikely(__ret_warn)) {					\
		printk(KERN_WARNING fmt, ##__VA_ARGS__);		\
		__warn(__FILE__, __LINE__, __builtin_return_address(0));	\
	}								\
	unlikely(__ret_warn); })

#endif
