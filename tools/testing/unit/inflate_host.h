/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What inflate_host.c provides to test_inflate.c, which includes the
 * kernel's headers and so cannot include <stdlib.h> or <unistd.h>: host
 * memory, a clock, and the host's gzip command to make test vectors.
 * It also defines kmalloc() and kfree() for lib/inflate.c.
 */
#ifndef UNIT_INFLATE_HOST_H
#define UNIT_INFLATE_HOST_H

#include <stdbool.h>
#include <stddef.h>

/* Exactly @size bytes (ASan then catches a byte past the end); exits on OOM. */
void *gz_alloc(size_t size);
void gz_free(void *p);

/* Seconds on a monotonic clock. */
double gz_now(void);

/* Whether "gzip" runs on this host. */
bool gz_have_gzip(void);

/*
 * @data compressed by "gzip -c <opts> <file>", the file holding @data and
 * named "inflate-test.dat" (so without --no-name the header has FNAME).
 * Returns a gz_alloc'ed buffer of exactly *@out_len bytes, or NULL.
 */
unsigned char *gz_compress(const void *data, size_t len, const char *opts,
			   size_t *out_len);

#endif
