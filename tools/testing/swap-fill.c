// SPDX-License-Identifier: GPL-2.0
/*
 * swap-fill: a working set larger than RAM, checked word by word; the
 * block/swap test runs it in a 64 MiB machine with swap.  The pattern of
 * each 8-byte word depends on its page, its place and a seed, so a page
 * that comes back from swap at the wrong place, stale, or zeroed is
 * caught.  Built static with musl on the host; runs the same on Linux.
 *
 *   swap-fill fill MIB [SEED]  write, touch everything a second time
 *                              (verifying), verify once more
 *   swap-fill fork MIB         fill, fork; the child verifies, rewrites
 *                              every other page (COW of swapped pages)
 *                              and verifies both patterns; the parent
 *                              then verifies that it still has its own
 *   swap-fill hold MIB FILE    fill, create FILE, wait until FILE is
 *                              gone, verify (something runs meanwhile:
 *                              more pressure, swapoff)
 *   swap-fill swapon PATH FLAGS [UID]
 *                              swapon(2) with FLAGS (busybox's swapon has
 *                              no -p), as UID if given; prints
 *                              "swapon: 0" or "swapon: <strerror>"
 *
 * Prints "swap-fill: ok ..." and exits 0, or says what was wrong and
 * exits 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE		4096UL
#define WORDS		(PAGE / sizeof(uint64_t))

static uint64_t word(size_t page, size_t i, uint64_t seed)
{
	return (((uint64_t)page << 32) | i) * 0x9e3779b97f4a7c15ULL ^ seed;
}

static void write_pages(uint64_t *mem, size_t pages, size_t step, size_t first, uint64_t seed)
{
	for (size_t p = first; p < pages; p += step)
		for (size_t i = 0; i < WORDS; i++)
			mem[p * WORDS + i] = word(p, i, seed);
}

/* Pages first, first+step, ... hold @seed's pattern: 0, or 1 after a report. */
static int check_pages(const char *who, uint64_t *mem, size_t pages, size_t step, size_t first,
		       uint64_t seed)
{
	size_t bad = 0;

	for (size_t p = first; p < pages; p += step)
		for (size_t i = 0; i < WORDS; i++)
			if (mem[p * WORDS + i] != word(p, i, seed)) {
				if (!bad++)
					printf("swap-fill: %s: page %zu word %zu is %016llx, want %016llx\n",
					       who, p, i, (unsigned long long)mem[p * WORDS + i],
					       (unsigned long long)word(p, i, seed));
				break;
			}
	if (bad)
		printf("swap-fill: %s: %zu bad pages of %zu\n", who, bad, pages);
	return bad ? 1 : 0;
}

static uint64_t *fill(size_t pages, uint64_t seed)
{
	uint64_t *mem = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (mem == MAP_FAILED) {
		perror("swap-fill: mmap");
		exit(1);
	}
	write_pages(mem, pages, 1, 0, seed);
	/* Second touch: every page comes back in once more. */
	if (check_pages("second pass", mem, pages, 1, 0, seed))
		exit(1);
	return mem;
}

int main(int argc, char **argv)
{
	size_t pages;
	uint64_t *mem;

	if (argc < 3) {
		fprintf(stderr, "usage: swap-fill fill|fork|hold MIB [SEED|FILE]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	if (!strcmp(argv[1], "swapon") && argc > 3) {
		if (argc > 4 && setuid(strtoul(argv[4], NULL, 0))) {
			perror("swap-fill: setuid");
			return 1;
		}
		if (swapon(argv[2], (int)strtol(argv[3], NULL, 0)))
			printf("swapon: %s\n", strerror(errno));
		else
			printf("swapon: 0\n");
		return 0;
	}
	pages = strtoul(argv[2], NULL, 0) * (1UL << 20) / PAGE;
	if (!strcmp(argv[1], "fill")) {
		uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 0) : 1;

		mem = fill(pages, seed);
		if (check_pages("final pass", mem, pages, 1, 0, seed))
			return 1;
		printf("swap-fill: ok fill %zu pages seed %llu\n", pages, (unsigned long long)seed);
		return 0;
	}
	if (!strcmp(argv[1], "fork")) {
		int status;
		pid_t pid;

		mem = fill(pages, 7);
		pid = fork();
		if (pid < 0) {
			perror("swap-fill: fork");
			return 1;
		}
		if (!pid) {
			if (check_pages("child before writing", mem, pages, 1, 0, 7))
				_exit(1);
			write_pages(mem, pages, 2, 0, 8);
			if (check_pages("child's copies", mem, pages, 2, 0, 8) ||
			    check_pages("child's shared pages", mem, pages, 2, 1, 7))
				_exit(1);
			_exit(0);
		}
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status)) {
			printf("swap-fill: child failed (status %#x)\n", status);
			return 1;
		}
		if (check_pages("parent after the child", mem, pages, 1, 0, 7))
			return 1;
		printf("swap-fill: ok fork %zu pages\n", pages);
		return 0;
	}
	if (!strcmp(argv[1], "hold") && argc > 3) {
		struct stat st;
		FILE *f;

		mem = fill(pages, 11);
		f = fopen(argv[3], "w");
		if (!f) {
			perror("swap-fill: ready file");
			return 1;
		}
		fclose(f);
		while (!stat(argv[3], &st))
			usleep(100000);
		if (check_pages("after the wait", mem, pages, 1, 0, 11))
			return 1;
		printf("swap-fill: ok hold %zu pages\n", pages);
		return 0;
	}
	fprintf(stderr, "swap-fill: unknown mode %s\n", argv[1]);
	return 2;
}
