// SPDX-License-Identifier: GPL-2.0
/*
 * Where the loader put this module, seen through the page tables: code
 * executable and read-only, constants read-only, data writable, nothing
 * but code executable (W^X); __ro_after_init data writable during init
 * and read-only after it.  Writing 1 to the "check" parameter prints the
 * permissions of each as "r-x" strings, which the test compares.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <asm/pgtable.h>

static const char layout_rodata[] = "a constant";
static int layout_data = 1;
static int layout_ro_after_init __ro_after_init = 2;

static noinline int layout_text(void)
{
	return layout_data + layout_ro_after_init + layout_rodata[0];
}

/* "rwx" with '-' for what the page does not allow; "???" if unmapped. */
static void describe(const void *addr, char out[4])
{
	unsigned int level;
	pte_t *pte = lookup_address((unsigned long)addr, &level);

	if (!pte) {
		strcpy(out, "???");
		return;
	}
	out[0] = 'r';
	out[1] = pte_write(*pte) ? 'w' : '-';
	out[2] = pte_exec(*pte) ? 'x' : '-';
	out[3] = '\0';
}

static void report(const char *when)
{
	char t[4], r[4], d[4], a[4];

	describe(layout_text, t);
	describe(layout_rodata, r);
	describe(&layout_data, d);
	describe(&layout_ro_after_init, a);
	pr_info("test_layout: %s: text %s rodata %s data %s ro_after_init %s\n",
		when, t, r, d, a);
}

static int check_set(const char *val, const struct kernel_param *kp)
{
	report("live");
	return 0;
}

static const struct kernel_param_ops check_ops = {
	.set = check_set,
};
module_param_cb(check, &check_ops, NULL, 0200);

static int __init test_layout_init(void)
{
	layout_ro_after_init = layout_text();
	report("init");
	return 0;
}

static void __exit test_layout_exit(void)
{
}

module_init(test_layout_init);
module_exit(test_layout_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Reports the page permissions of its own sections");
