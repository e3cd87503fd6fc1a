// SPDX-License-Identifier: GPL-2.0
/* One module from two files (test_multi-objs in the Makefile). */
#include <linux/module.h>

int test_multi_helper(void);

static int __init test_multi_init(void)
{
	pr_info("test_multi: helper says %d\n", test_multi_helper());
	return 0;
}

static void __exit test_multi_exit(void)
{
}

module_init(test_multi_init);
module_exit(test_multi_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("Lantern");
