// SPDX-License-Identifier: GPL-2.0
/*
 * The ktest= command-line option selects in-kernel self-tests (see
 * <linux/ktest.h>).  Tests that end the boot on purpose (an induced oops)
 * simply never return; the others report PASS/FAIL, and when all chosen
 * tests are done the VM powers off, so the runner reads one serial log
 * per boot - unless "user" is in the list: then boot goes on to init,
 * still in test mode (a panic exits the VM with a failure status).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/ktest.h>
#include <linux/reboot.h>
#include <linux/string.h>

extern const struct ktest __ktest_start[], __ktest_end[];

bool ktest_mode;
static char *ktest_list;

static int __init ktest_setup(char *str)
{
	ktest_list = str;
	ktest_mode = true;
	return 0;
}
early_param("ktest", ktest_setup);

/* Is @name in the comma-separated ktest= list? */
bool ktest_selected(const char *name)
{
	size_t n = strlen(name);
	const char *p = ktest_list;

	while (p && *p) {
		if (!strncmp(p, name, n) && (p[n] == ',' || p[n] == '\0'))
			return true;
		p = strchr(p, ',');
		if (p)
			p++;
	}
	return false;
}

void ktest_run_all(void)
{
	const struct ktest *t;
	int failed = 0, ran = 0;

	if (!ktest_mode)
		return;
	for (t = __ktest_start; t < __ktest_end; t++) {
		int ret;

		if (!ktest_selected(t->name))
			continue;
		pr_info("ktest: %s: running\n", t->name);
		ret = t->fn();
		pr_info("ktest: %s: %s (%d)\n", t->name, ret ? "FAIL" : "PASS", ret);
		failed += ret != 0;
		ran++;
	}
	pr_info("ktest: %d run, %d failed\n", ran, failed);
	if (failed)
		qemu_debug_exit(1);
	/* ktest=user: test mode for user-space tests; boot on into init. */
	if (!ktest_selected("user"))
		kernel_power_off();
}
