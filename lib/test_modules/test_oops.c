// SPDX-License-Identifier: GPL-2.0
/* Writing 1 to "crash" dereferences NULL in test_oops_crash: an oops inside a module. */
#include <linux/module.h>
#include <linux/moduleparam.h>

static int * volatile test_oops_ptr;

static noinline void test_oops_crash(void)
{
	*test_oops_ptr = 1;
}

static int crash_set(const char *val, const struct kernel_param *kp)
{
	int ret = param_set_int(val, kp);

	if (!ret && *(int *)kp->arg == 1)
		test_oops_crash();
	return ret;
}

static const struct kernel_param_ops crash_ops = {
	.set = crash_set,
	.get = param_get_int,
};
static int crash;
module_param_cb(crash, &crash_ops, &crash, 0644);

static int __init test_oops_init(void)
{
	return 0;
}

static void __exit test_oops_exit(void)
{
}

module_init(test_oops_init);
module_exit(test_oops_exit);
MODULE_LICENSE("GPL");
