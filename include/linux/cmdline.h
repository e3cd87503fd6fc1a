/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Splitting the kernel command line ("console=ttyS0 root=/dev/vda
 * init=/bin/sh -- single") into param=value words (lib/cmdline.c).
 * Numbers inside values are read with memparse() and get_option() from
 * <linux/kstrtox.h>.
 */
#ifndef _LINUX_CMDLINE_H
#define _LINUX_CMDLINE_H

#include <linux/types.h>

char *next_arg(char *args, char **param, char **val);

/*
 * Called for each word: @val is NULL for a bare "param", "" for "param=".
 * A non-zero return is remembered as an error; parsing goes on.
 */
typedef int (*parse_unknown_fn)(char *param, char *val, const char *doing,
				void *arg);

char *parse_args(const char *doing, char *args, parse_unknown_fn unknown,
		 void *arg);

bool parameqn(const char *a, const char *b, size_t n);
bool parameq(const char *a, const char *b);

#endif /* _LINUX_CMDLINE_H */
