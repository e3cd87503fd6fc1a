// SPDX-License-Identifier: GPL-2.0
/*
 * fs_fallocate: fallocate on tmpfs.  Mode 0 grows the file and counts
 * the pages in st_blocks, reading zeros and keeping existing data;
 * FALLOC_FL_KEEP_SIZE allocates past the end without growing;
 * PUNCH_HOLE|KEEP_SIZE frees whole pages and zeroes partial ones, also
 * through a shared mapping; SEEK_DATA/SEEK_HOLE find the pages and the
 * holes between them; modes tmpfs lacks are EOPNOTSUPP; and the
 * argument, descriptor and file-type errors.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_falloc"
#define F	D "/f"
#define PG	4096

#define KEEP_SIZE	0x01
#define PUNCH_HOLE	0x02
#define COLLAPSE	0x08
#define ZERO_RANGE	0x10

static long fa(int fd, int mode, long off, long len)
{
	return lt_syscall(SYS_fallocate, fd, mode, off, len, 0, 0);
}

static long blocks(int fd)
{
	struct stat st;

	return fstat(fd, &st) ? -1 : (long)st.st_blocks;
}

LT_CASE(allocate_grows)
{
	char buf[PG];
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "data", 4), 4);
	LT_CHECK_EQ(fa(fd, 0, 0, 3 * PG), 0);
	LT_CHECK_EQ(lt_file_size(F), 3 * PG);
	LT_CHECK_EQ(blocks(fd), 3 * PG / 512);
	LT_CHECK_EQ(pread(fd, buf, 8, 0), 8);
	LT_CHECK(!memcmp(buf, "data\0\0\0\0", 8));
	LT_CHECK_EQ(pread(fd, buf, PG, PG), PG);
	LT_CHECK_EQ(buf[0] | buf[PG - 1], 0);
	/* A range inside the file changes nothing visible. */
	LT_CHECK_EQ(fa(fd, 0, 100, 10), 0);
	LT_CHECK_EQ(lt_file_size(F), 3 * PG);
	close(fd);
}

LT_CASE(keep_size)
{
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "abc", 3), 3);
	LT_CHECK_EQ(fa(fd, KEEP_SIZE, 0, 4 * PG), 0);
	LT_CHECK_EQ(lt_file_size(F), 3);
	LT_CHECK_EQ(blocks(fd), 4 * PG / 512);
	close(fd);
}

LT_CASE(punch_hole)
{
	static char buf[4 * PG], back[4 * PG];
	char *m;
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);

	LT_CHECK(fd >= 0);
	memset(buf, 'x', sizeof(buf));
	LT_CHECK_EQ(write(fd, buf, sizeof(buf)), (long)sizeof(buf));
	m = mmap(NULL, sizeof(buf), PROT_READ, MAP_SHARED, fd, 0);
	LT_CHECK(m != MAP_FAILED);
	LT_CHECK_EQ(m[PG + 5], 'x');
	/* From the middle of page 0 to the middle of page 3. */
	LT_CHECK_EQ(fa(fd, PUNCH_HOLE, PG / 2, 3 * PG), -EOPNOTSUPP);
	LT_CHECK_EQ(fa(fd, PUNCH_HOLE | KEEP_SIZE, PG / 2, 3 * PG), 0);
	/* Pages 1 and 2 are gone: two of four left (until a fault brings one back). */
	LT_CHECK_EQ(blocks(fd), 2 * PG / 512);
	LT_CHECK_EQ(lt_file_size(F), 4 * PG);
	LT_CHECK_EQ(pread(fd, back, sizeof(back), 0), (long)sizeof(back));
	memset(buf + PG / 2, 0, 3 * PG);
	LT_CHECK(!memcmp(buf, back, sizeof(buf)));
	LT_CHECK_EQ(m[PG + 5], 0);
	LT_CHECK_EQ(m[PG / 2 - 1], 'x');
	LT_CHECK_EQ(m[3 * PG + PG / 2], 'x');
	munmap(m, sizeof(buf));
	close(fd);
}

/*
 * SEEK_DATA/SEEK_HOLE see the pages: data at 1 and 3, holes at 0, 2, 4.
 * (Written pages: Linux counts fallocated, never written ones as holes.)
 */
LT_CASE(seek_data_hole)
{
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(pwrite(fd, "a", 1, PG + 10), 1);
	LT_CHECK_EQ(pwrite(fd, "b", 1, 3 * PG), 1);
	LT_CHECK_EQ(ftruncate(fd, 5 * PG), 0);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_DATA), PG);
	LT_CHECK_EQ(lseek(fd, PG + 5, SEEK_DATA), PG + 5);
	LT_CHECK_EQ(lseek(fd, 2 * PG, SEEK_DATA), 3 * PG);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_HOLE), 0);
	LT_CHECK_EQ(lseek(fd, PG, SEEK_HOLE), 2 * PG);
	LT_CHECK_EQ(lseek(fd, 3 * PG + 1, SEEK_HOLE), 4 * PG);
	LT_CHECK_ERR(lseek(fd, 4 * PG, SEEK_DATA), ENXIO);
	LT_CHECK_EQ(lseek(fd, 4 * PG, SEEK_HOLE), 4 * PG);
	LT_CHECK_ERR(lseek(fd, 5 * PG, SEEK_HOLE), ENXIO);
	LT_CHECK_ERR(lseek(fd, -1, SEEK_DATA), ENXIO);
	close(fd);
}

LT_CASE(x_errors)
{
	int fd = open(F, O_RDWR | O_CREAT, 0644), ro = open(F, O_RDONLY), p[2];
	int dfd = open(D, O_RDONLY | O_DIRECTORY);

	LT_CHECK(fd >= 0 && ro >= 0 && dfd >= 0);
	LT_CHECK_EQ(fa(fd, 0, -1, 1), -EINVAL);
	LT_CHECK_EQ(fa(fd, 0, 0, 0), -EINVAL);
	LT_CHECK_EQ(fa(fd, 0, 0, -1), -EINVAL);
	LT_CHECK_EQ(fa(fd, 0x100, 0, 1), -EOPNOTSUPP);
	LT_CHECK_EQ(fa(fd, PUNCH_HOLE | ZERO_RANGE | KEEP_SIZE, 0, 1), -EOPNOTSUPP);
	LT_CHECK_EQ(fa(fd, ZERO_RANGE, 0, 1), -EOPNOTSUPP);
	LT_CHECK_EQ(fa(fd, COLLAPSE, 0, PG), -EOPNOTSUPP);
	LT_CHECK_EQ(fa(fd, 0, 0x7fffffffffffffffL, 1), -EFBIG);
	LT_CHECK_EQ(fa(ro, 0, 0, 1), -EBADF);
	LT_CHECK_EQ(fa(999, 0, 0, 1), -EBADF);
	LT_CHECK_EQ(fa(dfd, 0, 0, 1), -EBADF);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(fa(p[1], 0, 0, 1), -ESPIPE);
	close(p[0]);
	close(p[1]);
	close(fd);
	close(ro);
	close(dfd);
}

int main(void)
{
	lt_begin("fs_fallocate");
	if (lt_fs_setup(D)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(allocate_grows);
	LT_RUN(keep_size);
	LT_RUN(punch_hole);
	LT_RUN(seek_data_hole);
	LT_RUN(x_errors);
	lt_fs_cleanup(D);
	return lt_end();
}
