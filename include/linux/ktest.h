/* SPDX-License-Identifier: GPL-2.0 */
/*
 * In-kernel self-tests chosen on the command line: `ktest=name[,name...]`.
 * A test registers with DEFINE_KTEST(name, fn); start_kernel runs the
 * chosen ones after the core is up and reports "ktest: <name>: PASS" or
 * "FAIL" on the console.  Any ktest= puts the kernel in test mode: a
 * panic ends the VM with a failure status instead of halting.
 */
#ifndef _LINUX_KTEST_H
#define _LINUX_KTEST_H

#include <linux/compiler.h>
#include <linux/types.h>

struct ktest {
	const char *name;
	int (*fn)(void);	/* 0 = pass, negative errno = fail */
};

#define DEFINE_KTEST(tname, tfn)					\
	static const struct ktest __ktest_##tfn __used			\
		__section(".ktest") __aligned(8) = { .name = #tname, .fn = tfn }

extern bool ktest_mode;

void ktest_run_all(void);
bool ktest_selected(const char *name);

#define KTEST_EXPECT(cond) ({						\
	bool __ok = !!(cond);						\
	if (!__ok)							\
		pr_err("ktest: %s:%d: expected %s\n", __FILE__, __LINE__, #cond); \
	__ok; })

#endif
