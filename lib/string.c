// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's memory and string functions.  There is no C library under
 * the kernel, so everything from memcpy() to strsep() lives here, with the
 * semantics of the C standard and, for the kernel-only ones (strscpy,
 * strnchr, skip_spaces, strim, memchr_inv, memscan), those of Linux.
 *
 * They are written for clarity, byte at a time.  memcpy() and memset() are
 * called for every struct copy and page clear, so an architecture may
 * bring its own (__HAVE_ARCH_MEMCPY in asm/string.h; x86's are in
 * arch/x86/lib/memcpy_64.S); host unit tests build the plain ones here.
 */
#include <linux/export.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/errno.h>

/*
 * gcc recognises copy and fill loops and may turn them into calls to
 * memcpy(), memset() or memmove() -- which, inside those functions, would
 * recurse forever.  Hiding the pointer from the optimiser on each pass
 * through the loop stops the transformation and costs nothing.
 */
#define hide_from_optimizer(p)	__asm__("" : "+r"(p))

#ifndef __HAVE_ARCH_MEMCPY
void *memcpy(void *dest, const void *src, size_t count)
{
	char *d = dest;
	const char *s = src;

	while (count--) {
		hide_from_optimizer(d);
		*d++ = *s++;
	}
	return dest;
}
#endif
EXPORT_SYMBOL(memcpy);

#ifndef __HAVE_ARCH_MEMSET
void *memset(void *s, int c, size_t count)
{
	char *p = s;

	while (count--) {
		hide_from_optimizer(p);
		*p++ = (char)c;
	}
	return s;
}
#endif
EXPORT_SYMBOL(memset);

/*
 * When @dest lies above an overlapping @src, a forward copy would overwrite
 * source bytes before reading them, so copy from the top down.  The
 * direction flag is left alone (no "std"): an interrupt arriving mid-copy
 * would run its handler with string instructions going backwards.
 */
void *memmove(void *dest, const void *src, size_t count)
{
	char *d = dest;
	const char *s = src;

	if (d <= s || d >= s + count)
		return memcpy(dest, src, count);

	d += count;
	s += count;
	while (count--) {
		hide_from_optimizer(d);
		*--d = *--s;
	}
	return dest;
}
EXPORT_SYMBOL(memmove);

int memcmp(const void *cs, const void *ct, size_t count)
{
	const unsigned char *a = cs, *b = ct;

	for (; count; count--, a++, b++) {
		if (*a != *b)
			return *a < *b ? -1 : 1;
	}
	return 0;
}
EXPORT_SYMBOL(memcmp);

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}
EXPORT_SYMBOL(memchr);

/* Like memchr(), but a miss returns the end of the area instead of NULL. */
void *memscan(void *addr, int c, size_t size)
{
	unsigned char *p = addr;

	while (size && *p != (unsigned char)c) {
		p++;
		size--;
	}
	return p;
}

/*
 * The first byte that is NOT @c, or NULL when the whole area is @c: the
 * check that a buffer is still all zeroes or all poison.
 */
void *memchr_inv(const void *start, int c, size_t bytes)
{
	const unsigned char *p = start;

	for (; bytes; bytes--, p++) {
		if (*p != (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}
EXPORT_SYMBOL(memchr_inv);

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}
EXPORT_SYMBOL(strlen);

size_t strnlen(const char *s, size_t count)
{
	size_t len = 0;

	while (len < count && s[len])
		len++;
	return len;
}
EXPORT_SYMBOL(strnlen);

/* Characters compare as unsigned char, as the C standard asks. */
int strcmp(const char *cs, const char *ct)
{
	return strncmp(cs, ct, (size_t)-1);
}
EXPORT_SYMBOL(strcmp);

int strncmp(const char *cs, const char *ct, size_t count)
{
	for (; count; count--, cs++, ct++) {
		unsigned char a = *cs, b = *ct;

		if (a != b)
			return a < b ? -1 : 1;
		if (!a)
			break;
	}
	return 0;
}
EXPORT_SYMBOL(strncmp);

int strcasecmp(const char *s1, const char *s2)
{
	return strncasecmp(s1, s2, (size_t)-1);
}

int strncasecmp(const char *s1, const char *s2, size_t len)
{
	for (; len; len--, s1++, s2++) {
		unsigned char a = tolower(*s1), b = tolower(*s2);

		if (a != b)
			return a < b ? -1 : 1;
		if (!a)
			break;
	}
	return 0;
}

char *strcpy(char *dest, const char *src)
{
	char *d = dest;

	while ((*d++ = *src++))
		;
	return dest;
}
EXPORT_SYMBOL(strcpy);

/*
 * Copies at most @count bytes and pads the rest of @dest with NULs; the
 * result is NOT terminated when @src is @count bytes or longer.  Prefer
 * strscpy().
 */
char *strncpy(char *dest, const char *src, size_t count)
{
	size_t i;

	for (i = 0; i < count && src[i]; i++)
		dest[i] = src[i];
	for (; i < count; i++)
		dest[i] = '\0';
	return dest;
}
EXPORT_SYMBOL(strncpy);

/*
 * The copy to use: @dest is always terminated (unless @count is 0), and the
 * caller learns of truncation from the return value: the length copied, or
 * -E2BIG when @src did not fit.  @src is never read past @count bytes.
 */
ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t len;

	if (count == 0)
		return -E2BIG;

	len = strnlen(src, count);
	if (len == count) {
		len = count - 1;
		memcpy(dest, src, len);
		dest[len] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return len;
}
EXPORT_SYMBOL(strscpy);

/* BSD's copy: returns strlen(@src), so truncation shows as a result >= @size. */
size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size ? len : size - 1;

		memcpy(dest, src, n);
		dest[n] = '\0';
	}
	return len;
}

char *strcat(char *dest, const char *src)
{
	strcpy(dest + strlen(dest), src);
	return dest;
}
EXPORT_SYMBOL(strcat);

/* Appends at most @count bytes of @src, then always a NUL. */
char *strncat(char *dest, const char *src, size_t count)
{
	char *d = dest + strlen(dest);
	size_t n = strnlen(src, count);

	memcpy(d, src, n);
	d[n] = '\0';
	return dest;
}
EXPORT_SYMBOL(strncat);

/*
 * BSD's append: @count is the size of the whole @dest buffer.  Returns the
 * length the result would have had; when @dest is not terminated within
 * @count, nothing is written and that is @count + strlen(@src).
 */
size_t strlcat(char *dest, const char *src, size_t count)
{
	size_t dlen = strnlen(dest, count);

	if (dlen == count)
		return count + strlen(src);
	return dlen + strlcpy(dest + dlen, src, count - dlen);
}

/* Searching for '\0' finds the terminator, as in C. */
char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++) {
		if (!*s)
			return NULL;
	}
	return (char *)s;
}
EXPORT_SYMBOL(strchr);

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}
EXPORT_SYMBOL(strrchr);

/* strchr() within the first @count bytes; never matches the terminator. */
char *strnchr(const char *s, size_t count, int c)
{
	for (; count && *s; count--, s++) {
		if (*s == (char)c)
			return (char *)s;
	}
	return NULL;
}

char *strstr(const char *s1, const char *s2)
{
	size_t l2 = strlen(s2);

	if (!l2)
		return (char *)s1;
	for (; *s1; s1++) {
		if (!strncmp(s1, s2, l2))
			return (char *)s1;
	}
	return NULL;
}
EXPORT_SYMBOL(strstr);

/* strstr() that looks at no more than the first @len bytes of @s1. */
char *strnstr(const char *s1, const char *s2, size_t len)
{
	size_t l2 = strlen(s2);
	size_t l1 = strnlen(s1, len);

	for (; l1 >= l2; l1--, s1++) {
		if (!memcmp(s1, s2, l2))
			return (char *)s1;
	}
	return NULL;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

char *strpbrk(const char *cs, const char *ct)
{
	cs += strcspn(cs, ct);
	return *cs ? (char *)cs : NULL;
}

/*
 * Split off the token at *@s that ends at the first character of @ct: the
 * delimiter is overwritten with a NUL and *@s moves past it (to NULL after
 * the last token).  Empty tokens are returned, unlike strtok().
 */
char *strsep(char **s, const char *ct)
{
	char *start = *s, *end;

	if (!start)
		return NULL;
	end = strpbrk(start, ct);
	if (end)
		*end++ = '\0';
	*s = end;
	return start;
}
EXPORT_SYMBOL(strsep);

char *skip_spaces(const char *str)
{
	while (isspace(*str))
		str++;
	return (char *)str;
}
EXPORT_SYMBOL(skip_spaces);

/*
 * Trim white space at both ends: the trailing part is cut in place with a
 * NUL, the leading part by returning a pointer past it.
 */
char *strim(char *s)
{
	size_t len = strlen(s);

	while (len && isspace(s[len - 1]))
		len--;
	s[len] = '\0';
	return skip_spaces(s);
}
EXPORT_SYMBOL(strim);
