/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Text to integer.  The kstrto*() family is strict: the whole string must
 * be one number (a single trailing newline is allowed, so sysfs and /proc
 * writes from "echo" work) and the result must fit, else -EINVAL or
 * -ERANGE.  simple_strto*() is the old forgiving kind that stops at the
 * first non-digit and reports where; command-line parsing still uses it.
 * Base 0 means: "0x" prefix for hex, leading "0" for octal, else decimal.
 */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

#include <linux/types.h>
#include <linux/compiler.h>

int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtou16(const char *s, unsigned int base, u16 *res);
int kstrtos16(const char *s, unsigned int base, s16 *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
int kstrtos8(const char *s, unsigned int base, s8 *res);
int kstrtobool(const char *s, bool *res);

static inline int kstrtou64(const char *s, unsigned int base, u64 *res)
{
	return kstrtoull(s, base, res);
}

static inline int kstrtos64(const char *s, unsigned int base, s64 *res)
{
	return kstrtoll(s, base, res);
}

static inline int kstrtou32(const char *s, unsigned int base, u32 *res)
{
	return kstrtouint(s, base, res);
}

static inline int kstrtos32(const char *s, unsigned int base, s32 *res)
{
	return kstrtoint(s, base, res);
}

unsigned long long simple_strntoull(const char *cp, char **endp,
				    unsigned int base, size_t max_chars);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);

/* Command-line number helpers (see lib/kstrtox.c for the exact grammar). */
unsigned long long memparse(const char *ptr, char **retptr);
int get_option(char **str, int *pint);
char *get_options(const char *str, int nints, int *ints);

#endif /* _LINUX_KSTRTOX_H */
