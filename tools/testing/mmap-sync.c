// SPDX-License-Identifier: GPL-2.0
/*
 * For tools/testing/block-tests.sh: stores through a MAP_SHARED mapping
 * must reach the disk with msync(MS_SYNC), including a store made after
 * an earlier msync had already written (and cleaned) the page.  Writes
 * "first" and syncs, then "second" and syncs, then waits with the mapping
 * still there: the test powers the machine off without a sync and reads
 * the file from the image.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int fd = open(argc > 1 ? argv[1] : "mapped", O_RDWR | O_CREAT | O_TRUNC, 0644);
	char *p;

	if (fd < 0 || ftruncate(fd, 8192) || fsync(fd))
		return perror("setup"), 1;
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return perror("mmap"), 1;
	memcpy(p, "first ", 6);
	if (msync(p, 8192, MS_SYNC))
		return perror("msync 1"), 1;
	memcpy(p, "second", 6);
	memcpy(p + 4096, "page-two", 8);
	if (msync(p, 8192, MS_SYNC))
		return perror("msync 2"), 1;
	printf("@@mmapsync:ready@@\n");
	fflush(stdout);
	pause();
	return 0;
}
