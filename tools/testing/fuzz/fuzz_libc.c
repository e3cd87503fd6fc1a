// SPDX-License-Identifier: GPL-2.0
/*
 * The C-library side of the ext2 fuzz target: memory, the kernel log and
 * formatting.  Files that include the kernel's headers cannot include
 * <stdlib.h> or <stdio.h> (the types clash), so what they need from the
 * C library comes through the small interface in fuzz_libc.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_libc.h"

unsigned long host_phys_offset;		/* <asm/page.h> of the unit tests wants it */

void *host_malloc(size_t size, int zero)
{
	void *p = zero ? calloc(1, size ? size : 1) : malloc(size ? size : 1);

	if (!p) {
		fprintf(stderr, "fuzz: out of memory (%zu bytes)\n", size);
		abort();
	}
	return p;
}

void host_free(void *p)
{
	free(p);
}

void host_die(const char *what)
{
	fprintf(stderr, "fuzz: %s\n", what);
	abort();
}

static int verbose = -1;

int printk(const char *fmt, ...);
int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	if (verbose < 0) {
		const char *v = getenv("FUZZ_VERBOSE");

		verbose = v && *v == '1';
	}
	if (!verbose)
		return 0;
	if (fmt[0] == '\001' && fmt[1])	/* KERN_<level> */
		fmt += 2;
	va_start(ap, fmt);
	n = vfprintf(stderr, fmt, ap);
	va_end(ap);
	return n;
}

/* ext2 formats only what the C library formats the same way (%u, %llu, %s, %#o). */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n;

	if (!size)
		return 0;
	n = vsnprintf(buf, size, fmt, args);
	if (n < 0)
		return 0;
	return (size_t)n >= size ? (int)size - 1 : n;
}

/* FUZZ_DUMP=<file>: the image as the driver left it, for e2fsck -fn. */
void host_dump(const void *image, size_t size)
{
	const char *path = getenv("FUZZ_DUMP");
	FILE *f;

	if (!path || !*path)
		return;
	f = fopen(path, "wb");
	if (!f || fwrite(image, 1, size, f) != size)
		host_die("FUZZ_DUMP: cannot write the image");
	fclose(f);
}
