/* SPDX-License-Identifier: GPL-2.0 */
/* What fuzz_libc.c gives the files that see only the kernel's headers. */
#ifndef FUZZ_LIBC_H
#define FUZZ_LIBC_H

#include <stddef.h>

void *host_malloc(size_t size, int zero);	/* aborts when out of memory */
void host_free(void *p);
void host_die(const char *what) __attribute__((noreturn));
void host_dump(const void *image, size_t size);

#endif
