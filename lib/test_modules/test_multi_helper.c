// SPDX-License-Identifier: GPL-2.0
/* The second file of test_multi: a function the first one calls. */
#include <linux/module.h>

int test_multi_helper(void);

int test_multi_helper(void)
{
	return 7;
}
