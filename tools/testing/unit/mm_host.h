/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What mm_host.c provides to the memory-management unit tests (which
 * include the kernel's headers, so not <stdlib.h>): host memory, and the
 * printk log captured since the last log_clear() -- printed as it comes
 * with UNIT_VERBOSE=1.
 */
#ifndef UNIT_MM_HOST_H
#define UNIT_MM_HOST_H

#include <stdbool.h>
#include <stddef.h>

void *host_alloc(size_t size);		/* zeroed; exits when out of memory */
void *host_alloc_aligned(size_t size, size_t align);	/* zeroed */
void host_free(void *p);

bool log_contains(const char *s);
unsigned int log_count(const char *s);
void log_clear(void);
const char *log_text(void);

#endif
