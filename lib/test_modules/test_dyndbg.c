// SPDX-License-Identifier: GPL-2.0
/*
 * pr_debug sites for the dynamic debug tests: writing N to the "say"
 * parameter runs test_dyndbg_say(N), whose pr_debug prints only when
 * switched on ("module test_dyndbg +p", or dyndbg=+p at insmod).
 */
#include <linux/module.h>
#include <linux/moduleparam.h>

static noinline void test_dyndbg_say(int n)
{
	pr_debug("test_dyndbg: say %d\n", n);
}

static noinline void test_dyndbg_other(int n)
{
	pr_debug("test_dyndbg: other %d\n", n);
}

static int say_set(const char *val, const struct kernel_param *kp)
{
	int ret = param_set_int(val, kp);

	if (!ret) {
		test_dyndbg_say(*(int *)kp->arg);
		test_dyndbg_other(*(int *)kp->arg);
	}
	return ret;
}

static const struct kernel_param_ops say_ops = {
	.set = say_set,
	.get = param_get_int,
};
static int say;
module_param_cb(say, &say_ops, &say, 0644);

static int __init test_dyndbg_init(void)
{
	pr_debug("test_dyndbg: init\n");
	return 0;
}

static void __exit test_dyndbg_exit(void)
{
}

module_init(test_dyndbg_init);
module_exit(test_dyndbg_exit);
MODULE_LICENSE("GPL");
