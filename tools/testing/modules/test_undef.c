// SPDX-License-Identifier: GPL-2.0
/*
 * Calls a function nobody exports.  modpost refuses to build it; built
 * anyway (KBUILD_MODPOST_WARN=1), the loader must refuse to load it with
 * "Unknown symbol" and -ENOENT.
 */
#include <linux/module.h>

int lantern_no_such_function(void);

static int __init test_undef_init(void)
{
	return lantern_no_such_function();
}

module_init(test_undef_init);
MODULE_LICENSE("GPL");
