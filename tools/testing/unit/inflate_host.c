// SPDX-License-Identifier: GPL-2.0
/*
 * Host services for test_inflate.c (see inflate_host.h).  This file sees
 * only the C library's headers, never the kernel's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "inflate_host.h"

void *gz_alloc(size_t size)
{
	/* malloc(0) may return NULL; one byte keeps "NULL = failure". */
	void *p = malloc(size ? size : 1);

	if (!p) {
		fprintf(stderr, "inflate_host: out of memory\n");
		exit(2);
	}
	return p;
}

void gz_free(void *p)
{
	free(p);
}

/*
 * lib/inflate.c's allocator.  The state is filled with a pattern, not
 * zeros, so a decoder that reads a field before setting it misbehaves
 * in the tests instead of passing by luck.
 */
void *kmalloc(size_t size, unsigned int gfp)
{
	void *p = malloc(size);

	(void)gfp;
	if (p)
		memset(p, 0xa5, size);
	return p;
}

void kfree(const void *p)
{
	free((void *)p);
}

double gz_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

bool gz_have_gzip(void)
{
	return system("gzip --version >/dev/null 2>&1") == 0;
}

/* A private directory, so parallel test runs do not share files. */
static char dir[64];

static const char *work_dir(void)
{
	if (!dir[0]) {
		strcpy(dir, "/tmp/lantern-inflate-XXXXXX");
		if (!mkdtemp(dir)) {
			perror("inflate_host: mkdtemp");
			exit(2);
		}
	}
	return dir;
}

static int write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	int ret = 0;

	if (!f)
		return -1;
	if (len && fwrite(data, 1, len, f) != len)
		ret = -1;
	if (fclose(f))
		ret = -1;
	return ret;
}

/* All of @f, in a buffer of exactly the right size. */
static unsigned char *read_all(FILE *f, size_t *out_len)
{
	size_t cap = 1 << 16, len = 0, n;
	unsigned char *buf = malloc(cap), *exact;

	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	if (!buf)
		return NULL;
	exact = gz_alloc(len);
	memcpy(exact, buf, len);
	free(buf);
	*out_len = len;
	return exact;
}

unsigned char *gz_compress(const void *data, size_t len, const char *opts,
			   size_t *out_len)
{
	char path[128], cmd[300];
	unsigned char *out;
	FILE *p;

	snprintf(path, sizeof(path), "%s/inflate-test.dat", work_dir());
	if (write_file(path, data, len))
		return NULL;
	snprintf(cmd, sizeof(cmd), "gzip -c %s %s", opts, path);
	p = popen(cmd, "r");
	if (!p)
		return NULL;
	out = read_all(p, out_len);
	if (pclose(p) != 0) {
		gz_free(out);
		out = NULL;
	}
	unlink(path);
	return out;
}

/* Leave no directory behind. */
__attribute__((destructor)) static void remove_work_dir(void)
{
	if (dir[0])
		rmdir(dir);
}
