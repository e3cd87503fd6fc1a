// SPDX-License-Identifier: GPL-2.0
/* Uses test_dep_a's export, so loading it needs test_dep_a first. */
#include <linux/module.h>

int test_dep_a_answer(int x);

static int __init test_dep_b_init(void)
{
	pr_info("test_dep_b: test_dep_a_answer(20) = %d\n", test_dep_a_answer(20));
	return 0;
}

static void __exit test_dep_b_exit(void)
{
	pr_info("test_dep_b: unloaded\n");
}

module_init(test_dep_b_init);
module_exit(test_dep_b_exit);
MODULE_LICENSE("GPL");
