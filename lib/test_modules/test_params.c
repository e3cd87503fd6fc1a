// SPDX-License-Identifier: GPL-2.0
/*
 * Every module_param type.  init prints each value, so a test sees what
 * insmod's arguments and the command line ("test_params.p_int=...") set;
 * the sysfs files show them afterwards, p_watch reports writes, and a
 * write to "dump" prints the values again.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>

static bool p_bool;
static bool p_invbool;
static int p_int = -1;
static unsigned int p_uint = 1;
static long p_long = -2;
static unsigned long p_ulong = 2;
static short p_short = -3;
static unsigned short p_ushort = 3;
static unsigned char p_byte = 4;
static unsigned int p_hexint = 0x10;
static char *p_charp = "default";
static char p_string[8] = "str";
static int p_array[4] = { 1, 2 };
static unsigned int p_array_n = 2;
static int p_hidden = 5;		/* perm 0: no sysfs file */
static int p_ro = 6;			/* 0444 */
static int p_watched;

module_param(p_bool, bool, 0644);
module_param(p_invbool, invbool, 0644);
module_param(p_int, int, 0644);
module_param(p_uint, uint, 0644);
module_param(p_long, long, 0644);
module_param(p_ulong, ulong, 0644);
module_param(p_short, short, 0644);
module_param(p_ushort, ushort, 0644);
module_param(p_byte, byte, 0644);
module_param(p_hexint, hexint, 0644);
module_param(p_charp, charp, 0644);
module_param_string(p_string, p_string, sizeof(p_string), 0644);
module_param_array(p_array, int, &p_array_n, 0644);
module_param(p_hidden, int, 0);
module_param(p_ro, int, 0444);
MODULE_PARM_DESC(p_int, "An int");

/* A parameter with its own ops: the module learns of every write. */
static int watch_set(const char *val, const struct kernel_param *kp)
{
	int ret = param_set_int(val, kp);

	if (!ret)
		pr_info("test_params: p_watch set to %d\n", *(int *)kp->arg);
	return ret;
}

static const struct kernel_param_ops watch_ops = {
	.set = watch_set,
	.get = param_get_int,
};
module_param_cb(p_watch, &watch_ops, &p_watched, 0644);

/* Every value, as the module's variables hold them. */
static void test_params_dump(void)
{
	pr_info("test_params: bool=%d invbool=%d int=%d uint=%u long=%ld ulong=%lu\n",
		p_bool, p_invbool, p_int, p_uint, p_long, p_ulong);
	pr_info("test_params: short=%d ushort=%u byte=%u hexint=%#x charp=%s string=%s\n",
		p_short, p_ushort, p_byte, p_hexint, p_charp, p_string);
	pr_info("test_params: array=%d,%d,%d,%d n=%u hidden=%d ro=%d\n", p_array[0],
		p_array[1], p_array[2], p_array[3], p_array_n, p_hidden, p_ro);
}

/* Writing "dump" prints them again: a sysfs write reached the variable. */
static int dump_set(const char *val, const struct kernel_param *kp)
{
	test_params_dump();
	return 0;
}

static const struct kernel_param_ops dump_ops = {
	.set = dump_set,
};
module_param_cb(dump, &dump_ops, NULL, 0200);

static int __init test_params_init(void)
{
	test_params_dump();
	return 0;
}

static void __exit test_params_exit(void)
{
}

module_init(test_params_init);
module_exit(test_params_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("module_param of every type");
