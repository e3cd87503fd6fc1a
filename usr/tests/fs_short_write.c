// SPDX-License-Identifier: GPL-2.0
/*
 * fs_short_write: a write whose count runs past the end of the caller's
 * buffer copies what the buffer has and returns that count; a write
 * whose buffer is not mapped at all is EFAULT.  Neither may leave disk
 * space behind past the end of the file: the file's st_blocks covers its
 * data only, and the file system's free count comes back.  (On a disk
 * root, block/user-ext2, this is ext2's write path; a garbage write of
 * a huge count once filled the disk.)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_short_write"
#define F	D "/f"
#define PAGE	4096L
#define HUGE_	(64L << 20)

static char *one_page;	/* a readable page with nothing mapped after it */

static long blocks_of(int fd)
{
	struct stat st;

	return fstat(fd, &st) ? -1 : (long)st.st_blocks;
}

LT_CASE(huge_count_short_buffer)
{
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0600);
	struct statfs before, after;
	char c;

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(fsync(fd));
	LT_CHECK_OK(statfs(D, &before));
	LT_CHECK_EQ(write(fd, one_page, HUGE_), PAGE);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), PAGE);
	/* One data block (ext2's 4 KiB or 1 KiB ones, tmpfs's page): 8 sectors. */
	LT_CHECK(blocks_of(fd) <= 8);
	LT_CHECK_EQ(pread(fd, &c, 1, PAGE - 1), 1);
	LT_CHECK_EQ(c, 'w');
	LT_CHECK_OK(statfs(D, &after));
	LT_CHECK(before.f_bfree - after.f_bfree < 64);
	LT_CHECK_OK(close(fd));
	LT_CHECK_OK(unlink(F));
}

LT_CASE(far_offset_short_buffer)
{
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0600);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(pwrite(fd, one_page, HUGE_, 1 << 20), PAGE);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), (1 << 20) + PAGE);
	/* The data block and, on ext2, the indirect block that finds it. */
	LT_CHECK(blocks_of(fd) <= 16);
	LT_CHECK_OK(close(fd));
	LT_CHECK_OK(unlink(F));
}

LT_CASE(unmapped_buffer)
{
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0600);

	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(write(fd, one_page + PAGE, HUGE_), EFAULT);
	LT_CHECK_ERR(pwrite(fd, one_page + PAGE, 3 * PAGE, 5 * PAGE), EFAULT);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), 0);
	LT_CHECK_EQ(blocks_of(fd), 0);
	/* Appending to data: the old data stays, nothing is added. */
	LT_CHECK_EQ(write(fd, "abc", 3), 3);
	LT_CHECK_ERR(write(fd, one_page + PAGE, PAGE), EFAULT);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), 3);
	LT_CHECK(blocks_of(fd) <= 8);
	LT_CHECK_OK(close(fd));
	LT_CHECK_OK(unlink(F));
}

int main(void)
{
	lt_begin("fs_short_write");
	one_page = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (one_page == MAP_FAILED || munmap(one_page + PAGE, PAGE) || lt_fs_setup(D)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	memset(one_page, 'w', PAGE);
	LT_RUN(huge_count_short_buffer);
	LT_RUN(far_offset_short_buffer);
	LT_RUN(unmapped_buffer);
	lt_fs_cleanup(D);
	return lt_end();
}
