/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatted output to and input from strings (lib/vsprintf.c).  The
 * conversions are C's integer, character and string ones, plus the
 * kernel's %p extensions documented at the top of lib/vsprintf.c.
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <stdarg.h>

/* Return the length the output would have had without truncation. */
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

/* Return the length actually stored in @buf, not counting the NUL. */
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);

/* No bound at all: only for output whose length is known in advance. */
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
__printf(2, 0) int vsprintf(char *buf, const char *fmt, va_list args);

__scanf(2, 3) int sscanf(const char *buf, const char *fmt, ...);
__scanf(2, 0) int vsscanf(const char *buf, const char *fmt, va_list args);

#endif /* _LINUX_SPRINTF_H */
