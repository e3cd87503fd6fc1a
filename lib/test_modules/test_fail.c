// SPDX-License-Identifier: GPL-2.0
/*
 * An init that fails after its module was fully set up (parameters in
 * sysfs, an export, a misc device): everything must be gone afterwards.
 */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>

static int p_fail_param = 1;
module_param(p_fail_param, int, 0644);

int test_fail_symbol(void);

int test_fail_symbol(void)
{
	return 42;
}
EXPORT_SYMBOL(test_fail_symbol);

static const struct file_operations fail_fops = {
	.owner = THIS_MODULE,
};

static struct miscdevice fail_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "test_fail",
	.fops = &fail_fops,
};

static int __init test_fail_init(void)
{
	int err = misc_register(&fail_misc);

	if (err)
		return err;
	pr_info("test_fail: registered, now failing\n");
	/* A driver undoes its own work before failing; the loader does the rest. */
	misc_deregister(&fail_misc);
	return -ENODEV;
}

module_init(test_fail_init);
MODULE_LICENSE("GPL");
