// SPDX-License-Identifier: GPL-2.0
/*
 * Page faults of several threads of one process at once: the kernel
 * handles them under the read side of mmap_lock, so two threads may
 * fault the same page, or neighbours sharing a page table, together.
 * Whoever fills the entry first wins and the other must use that page:
 * a lost race that maps a second page shows up as a thread's store
 * gone missing.  Four threads, started together at a barrier, write
 * their own word into every page of:
 *
 *  - fresh anonymous memory (some threads reading first, so the zero
 *    page is mapped and then replaced by copy-on-write);
 *  - a shared file mapping (the file must end up with every store);
 *  - a private file mapping (copies of the page-cache page; the file
 *    must not change);
 *  - anonymous memory inherited across fork (copy-on-write in the child,
 *    the parent's copy unchanged);
 *
 * each in a fresh area, with the pages spread over several page tables
 * (2 MiB apart), for a few rounds.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "lt.h"

#define NTHREADS	4
#define PAGE		4096UL
#define NPAGES		96
#define ROUNDS		4
/* Pages 0..NPAGES-1 at a stride that crosses page tables every 32 pages. */
#define PAGE_ADDR(base, i)	((char *)(base) + ((i) / 32) * (2UL << 20) + ((i) % 32) * PAGE)
#define AREA_SIZE	((NPAGES / 32 + 1) * (2UL << 20))

struct job {
	char *base;
	int id;
	int read_first;		/* read every page before writing it */
	int reverse;		/* walk the pages backwards */
};

static pthread_barrier_t start;

static void *toucher(void *arg)
{
	struct job *j = arg;
	volatile uint64_t *w;
	uint64_t sum = 0;
	int k;

	pthread_barrier_wait(&start);
	for (k = 0; k < NPAGES; k++) {
		int i = j->reverse ? NPAGES - 1 - k : k;

		w = (volatile uint64_t *)PAGE_ADDR(j->base, i) + j->id;
		if (j->read_first)
			sum += *w;
		*w = ((uint64_t)j->id << 32) | (uint64_t)i;
	}
	return (void *)(uintptr_t)sum;
}

/* All threads at once on @base; 0 or the first failing pthread error. */
static int run_threads(char *base)
{
	pthread_t t[NTHREADS];
	struct job jobs[NTHREADS];
	int i, err;

	if (pthread_barrier_init(&start, NULL, NTHREADS))
		return -1;
	for (i = 0; i < NTHREADS; i++) {
		jobs[i] = (struct job){ .base = base, .id = i, .read_first = i & 1,
					.reverse = i >= 2 };
		err = pthread_create(&t[i], NULL, toucher, &jobs[i]);
		if (err)
			return err;
	}
	for (i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&start);
	return 0;
}

/* Every page holds every thread's store; the rest of the page is @fill. */
static int check_stores(const char *base, unsigned char fill)
{
	int i, id;

	for (i = 0; i < NPAGES; i++) {
		const uint64_t *w = (const uint64_t *)PAGE_ADDR(base, i);
		const unsigned char *rest = (const unsigned char *)(w + NTHREADS);
		size_t b;

		for (id = 0; id < NTHREADS; id++)
			if (w[id] != (((uint64_t)id << 32) | (uint64_t)i))
				return -(i * NTHREADS + id) - 1;
		for (b = 0; b < PAGE - NTHREADS * sizeof(uint64_t); b++)
			if (rest[b] != fill)
				return -1000000 - i;
	}
	return 0;
}

static char *map_area(int prot, int flags, int fd)
{
	char *p = mmap(NULL, AREA_SIZE, prot, flags, fd, 0);

	return p == MAP_FAILED ? NULL : p;
}

LT_CASE(anonymous_same_pages)
{
	int r;

	for (r = 0; r < ROUNDS; r++) {
		char *p = map_area(PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);

		LT_CHECK(p != NULL);
		LT_CHECK_EQ(run_threads(p), 0);
		LT_CHECK_EQ(check_stores(p, 0), 0);
		LT_CHECK_OK(munmap(p, AREA_SIZE));
	}
}

/* A file of AREA_SIZE bytes of @fill, unlinked; its fd. */
static int make_file(unsigned char fill)
{
	char path[] = "/tmp/mm_fault_threadsXXXXXX";
	static char buf[1 << 16];
	size_t off;
	int fd;

	mkdir("/tmp", 01777);
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	unlink(path);
	memset(buf, fill, sizeof(buf));
	for (off = 0; off < AREA_SIZE; off += sizeof(buf))
		if (pwrite(fd, buf, sizeof(buf), off) != (ssize_t)sizeof(buf)) {
			close(fd);
			return -1;
		}
	return fd;
}

LT_CASE(shared_file_same_pages)
{
	int r;

	for (r = 0; r < ROUNDS; r++) {
		int fd = make_file(0x5a);
		char *p, *copy;

		LT_CHECK(fd >= 0);
		p = map_area(PROT_READ | PROT_WRITE, MAP_SHARED, fd);
		LT_CHECK(p != NULL);
		LT_CHECK_EQ(run_threads(p), 0);
		LT_CHECK_EQ(check_stores(p, 0x5a), 0);
		LT_CHECK_OK(munmap(p, AREA_SIZE));
		/* The stores are the file's now: read it back through read(). */
		copy = malloc(AREA_SIZE);
		LT_CHECK(copy != NULL);
		LT_CHECK_EQ(pread(fd, copy, AREA_SIZE, 0), (ssize_t)AREA_SIZE);
		LT_CHECK_EQ(check_stores(copy, 0x5a), 0);
		free(copy);
		close(fd);
	}
}

LT_CASE(private_file_same_pages)
{
	int r;

	for (r = 0; r < ROUNDS; r++) {
		int fd = make_file(0xa5);
		unsigned char b = 0;
		char *p;

		LT_CHECK(fd >= 0);
		p = map_area(PROT_READ | PROT_WRITE, MAP_PRIVATE, fd);
		LT_CHECK(p != NULL);
		LT_CHECK_EQ(run_threads(p), 0);
		LT_CHECK_EQ(check_stores(p, 0xa5), 0);
		LT_CHECK_OK(munmap(p, AREA_SIZE));
		/* Private copies: the file is as written. */
		LT_CHECK_EQ(pread(fd, &b, 1, 0), 1);
		LT_CHECK_EQ(b, 0xa5);
		LT_CHECK_EQ(pread(fd, &b, 1, 2UL << 20), 1);
		LT_CHECK_EQ(b, 0xa5);
		close(fd);
	}
}

LT_CASE(cow_after_fork_same_pages)
{
	int r, i;

	for (r = 0; r < ROUNDS; r++) {
		char *p = map_area(PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);
		pid_t pid;

		LT_CHECK(p != NULL);
		/* Every page present and the parent's before the fork. */
		for (i = 0; i < NPAGES; i++)
			memset(PAGE_ADDR(p, i), 0x33, PAGE);
		pid = fork();
		LT_CHECK(pid >= 0);
		if (pid == 0) {
			/* The child's threads break copy-on-write on the same pages at once. */
			if (run_threads(p) || check_stores(p, 0x33))
				_exit(1);
			_exit(0);
		}
		LT_CHECK_WAIT(pid, LT_EXITED(0));
		/* The parent's pages are untouched by the child's stores. */
		for (i = 0; i < NPAGES; i++) {
			const unsigned char *q = (const unsigned char *)PAGE_ADDR(p, i);

			LT_CHECK(q[0] == 0x33 && q[8 * NTHREADS - 1] == 0x33 && q[PAGE - 1] == 0x33);
		}
		/* And the parent breaks it the same way on its side. */
		LT_CHECK_EQ(run_threads(p), 0);
		LT_CHECK_EQ(check_stores(p, 0x33), 0);
		LT_CHECK_OK(munmap(p, AREA_SIZE));
	}
}

int main(void)
{
	lt_begin("mm_fault_threads");
	LT_RUN(anonymous_same_pages);
	LT_RUN(shared_file_same_pages);
	LT_RUN(private_file_same_pages);
	LT_RUN(cow_after_fork_same_pages);
	return lt_end();
}
