// SPDX-License-Identifier: GPL-2.0
/* Exports a function test_dep_b uses: b depends on a (modules.dep, lsmod "Used by"). */
#include <linux/module.h>

int test_dep_a_answer(int x);

int test_dep_a_answer(int x)
{
	return x * 2 + 2;
}
EXPORT_SYMBOL_GPL(test_dep_a_answer);

static int __init test_dep_a_init(void)
{
	pr_info("test_dep_a: loaded\n");
	return 0;
}

static void __exit test_dep_a_exit(void)
{
	pr_info("test_dep_a: unloaded\n");
}

module_init(test_dep_a_init);
module_exit(test_dep_a_exit);
MODULE_LICENSE("GPL");
