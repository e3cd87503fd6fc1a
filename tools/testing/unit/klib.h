/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lib/'s versions of the C library's functions, under the k_ names
 * rename-libc-syms.sh gives them in host builds (the list is
 * libc-names.txt).  A test declares both and compares them.
 */
#ifndef KLIB_H
#define KLIB_H

#include <stdarg.h>
#include <stddef.h>

void *k_memcpy(void *dest, const void *src, size_t count);
void *k_memmove(void *dest, const void *src, size_t count);
void *k_memset(void *s, int c, size_t count);
int k_memcmp(const void *cs, const void *ct, size_t count);
void *k_memchr(const void *s, int c, size_t n);

size_t k_strlen(const char *s);
size_t k_strnlen(const char *s, size_t count);
int k_strcmp(const char *cs, const char *ct);
int k_strncmp(const char *cs, const char *ct, size_t count);
int k_strcasecmp(const char *s1, const char *s2);
int k_strncasecmp(const char *s1, const char *s2, size_t len);
char *k_strcpy(char *dest, const char *src);
char *k_strncpy(char *dest, const char *src, size_t count);
size_t k_strlcpy(char *dest, const char *src, size_t size);
char *k_strcat(char *dest, const char *src);
char *k_strncat(char *dest, const char *src, size_t count);
size_t k_strlcat(char *dest, const char *src, size_t count);
char *k_strchr(const char *s, int c);
char *k_strrchr(const char *s, int c);
char *k_strstr(const char *s1, const char *s2);
char *k_strpbrk(const char *cs, const char *ct);
char *k_strsep(char **s, const char *ct);
size_t k_strspn(const char *s, const char *accept);
size_t k_strcspn(const char *s, const char *reject);

__attribute__((format(printf, 3, 4)))
int k_snprintf(char *buf, size_t size, const char *fmt, ...);
__attribute__((format(printf, 3, 0)))
int k_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__attribute__((format(printf, 2, 3)))
int k_sprintf(char *buf, const char *fmt, ...);
__attribute__((format(printf, 2, 0)))
int k_vsprintf(char *buf, const char *fmt, va_list args);
__attribute__((format(scanf, 2, 3)))
int k_sscanf(const char *buf, const char *fmt, ...);
__attribute__((format(scanf, 2, 0)))
int k_vsscanf(const char *buf, const char *fmt, va_list args);

#endif /* KLIB_H */
