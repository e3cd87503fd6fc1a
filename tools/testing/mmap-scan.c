// SPDX-License-Identifier: GPL-2.0
/*
 * For tools/testing/block-tests.sh (block/reclaim): walk a file larger
 * than the machine's memory through a mapping, so that reclaim has to
 * unmap page-cache pages (try_to_unmap) to make room for the next ones.
 *
 *   mmap-scan sum FILE    print a checksum of FILE read through a shared
 *                         mapping, twice over (both passes must agree)
 *   mmap-scan fill FILE   store a pattern made of each word's offset in
 *                         every word of FILE through a shared mapping,
 *                         unmap, map again and check every word; dirty
 *                         pages can only leave memory by being written
 * The same binary runs on the host to give the expected checksum.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t pattern(size_t i)
{
	return (uint64_t)i * 0x9e3779b97f4a7c15ULL ^ 0x4c616e7465726e21ULL;
}

static uint64_t checksum(const uint64_t *w, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ w[i]) * 1099511628211ULL;
	return h;
}

int main(int argc, char **argv)
{
	struct stat st;
	uint64_t *w;
	size_t n, i;
	int fd;

	if (argc != 3)
		return 2;
	fd = open(argv[2], strcmp(argv[1], "fill") ? O_RDONLY : O_RDWR);
	if (fd < 0 || fstat(fd, &st) < 0) {
		perror(argv[2]);
		return 1;
	}
	n = (size_t)st.st_size / sizeof(*w);
	if (!strcmp(argv[1], "sum")) {
		uint64_t a, b;

		w = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
		if (w == MAP_FAILED)
			return perror("mmap"), 1;
		a = checksum(w, n);
		b = checksum(w, n);
		printf("%016llx %016llx\n", (unsigned long long)a, (unsigned long long)b);
		return a == b ? 0 : 1;
	}
	w = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (w == MAP_FAILED)
		return perror("mmap"), 1;
	for (i = 0; i < n; i++)
		w[i] = pattern(i);
	munmap(w, (size_t)st.st_size);
	w = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (w == MAP_FAILED)
		return perror("mmap"), 1;
	for (i = 0; i < n; i++)
		if (w[i] != pattern(i)) {
			printf("word %zu: %016llx\n", i, (unsigned long long)w[i]);
			return 1;
		}
	printf("filled\n");
	return 0;
}
