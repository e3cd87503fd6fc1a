// SPDX-License-Identifier: GPL-2.0
/*
 * Small helpers built on kmalloc: copies of strings and buffers that the
 * caller frees with kfree().
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}
EXPORT_SYMBOL(kstrdup);

/* At most @max characters of @s, always NUL-terminated. */
char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}
EXPORT_SYMBOL(kstrndup);

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(kmemdup);
