// SPDX-License-Identifier: GPL-2.0
/*
 * fs_badinput: the file system calls given bad arguments.  EFAULT for
 * every kind of bad pointer (see sys_badptr: page 0, the kernel's direct
 * map and text, a freshly unmapped page) in paths, buffers, structures
 * and arrays; strings and buffers that run into an unmapped page; EBADF
 * for closed, negative and out-of-range fds; ENAMETOOLONG and ELOOP in
 * every path-taking call; huge and negative counts and lengths.
 *
 * Raw system calls throughout, so that libc neither touches the memory
 * first nor rewrites the arguments.  Works under /t_bad, removed at the end.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_bad"
#define F	D "/file"
#define L	D "/loop"	/* a symlink to itself */
#define PAGE	4096UL
#define NBAD	4

static void *bad[NBAD];
static char *edge;		/* first byte of an unmapped page after a mapped one */
static char *longpath;		/* 4096 bytes + NUL: one too many */

#define CHECK_EFAULT(call) do {						\
	for (int i_ = 0; i_ < NBAD; i_++) {				\
		void *b = bad[i_];					\
		errno = 0;						\
		long r_ = (long)(call);					\
		if (!lt_is_err(r_, EFAULT))				\
			LT_FAIL("%s with b=%p: expected EFAULT, got %ld (errno %s)", \
				#call, b, r_, lt_errname(errno));	\
	}								\
} while (0)

#define S(...)	syscall(__VA_ARGS__)

static int setup(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	static char data[3 * 4096];

	if (p == MAP_FAILED)
		return -1;
	munmap(p + PAGE, PAGE);
	edge = p + PAGE;
	bad[0] = (void *)1;
	bad[1] = (void *)0xffff888000000000UL;
	bad[2] = (void *)0xffffffff80000000UL;
	bad[3] = edge;
	longpath = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (longpath == MAP_FAILED)
		return -1;
	memset(longpath, 'a', 4096);
	longpath[0] = '/';
	longpath[4096] = '\0';
	memset(data, 'd', sizeof(data));
	if (lt_fs_setup(D) || lt_put_file(F, data, sizeof(data), 0644))
		return -1;
	return symlink("loop", L) || mkdir(D "/dir", 0755);
}

/* A string that runs, without a NUL, into the unmapped page. */
static const char *unterminated(void)
{
	memcpy(edge - 4, "/t_b", 4);
	return edge - 4;
}

LT_CASE(paths_efault)
{
	struct timespec ts[2] = { { 1, 0 }, { 2, 0 } };
	struct timespec omit[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
	const char *u = unterminated();

	CHECK_EFAULT(S(SYS_open, b, O_RDONLY));
	CHECK_EFAULT(S(SYS_open, b, O_RDWR | O_CREAT, 0644));
	CHECK_EFAULT(S(SYS_openat, AT_FDCWD, b, O_RDONLY));
	CHECK_EFAULT(S(SYS_creat, b, 0644));
	CHECK_EFAULT(S(SYS_mkdir, b, 0755));
	CHECK_EFAULT(S(SYS_mkdirat, AT_FDCWD, b, 0755));
	CHECK_EFAULT(S(SYS_rmdir, b));
	CHECK_EFAULT(S(SYS_unlink, b));
	CHECK_EFAULT(S(SYS_unlinkat, AT_FDCWD, b, 0));
	CHECK_EFAULT(S(SYS_rename, b, D "/x"));
	CHECK_EFAULT(S(SYS_rename, F, b));
	CHECK_EFAULT(S(SYS_renameat2, AT_FDCWD, F, AT_FDCWD, b, 0));
	CHECK_EFAULT(S(SYS_link, b, D "/x"));
	CHECK_EFAULT(S(SYS_link, F, b));
	CHECK_EFAULT(S(SYS_symlink, b, D "/x"));
	CHECK_EFAULT(S(SYS_symlink, "x", b));
	CHECK_EFAULT(S(SYS_chdir, b));
	CHECK_EFAULT(S(SYS_chmod, b, 0644));
	CHECK_EFAULT(S(SYS_chown, b, 0, 0));
	CHECK_EFAULT(S(SYS_lchown, b, 0, 0));
	CHECK_EFAULT(S(SYS_truncate, b, 0));
	CHECK_EFAULT(S(SYS_access, b, F_OK));
	CHECK_EFAULT(S(SYS_faccessat, AT_FDCWD, b, F_OK));
	CHECK_EFAULT(S(SYS_mknod, b, S_IFIFO | 0644, 0));
	CHECK_EFAULT(S(SYS_utimensat, AT_FDCWD, b, ts, 0));
	/* Linux: with both times UTIME_OMIT the path is never looked at. */
	LT_CHECK_EQ(S(SYS_utimensat, AT_FDCWD, bad[0], omit, 0), 0);
	CHECK_EFAULT(S(SYS_execve, b, NULL, NULL));
	LT_CHECK_ERR(S(SYS_open, NULL, O_RDONLY), EFAULT);
	LT_CHECK_ERR(S(SYS_open, u, O_RDONLY), EFAULT);
	LT_CHECK_ERR(S(SYS_mkdir, u, 0755), EFAULT);
	LT_CHECK_ERR(S(SYS_stat, u, edge - 200), EFAULT);
	LT_CHECK(!lt_exists(D "/x"));
}

LT_CASE(stat_efault)
{
	struct stat st;
	char buf[512];
	int fd = open(F, O_RDONLY);

	CHECK_EFAULT(S(SYS_stat, b, &st));
	CHECK_EFAULT(S(SYS_stat, F, b));
	CHECK_EFAULT(S(SYS_lstat, b, &st));
	CHECK_EFAULT(S(SYS_lstat, F, b));
	CHECK_EFAULT(S(SYS_fstat, fd, b));
	CHECK_EFAULT(S(SYS_newfstatat, AT_FDCWD, b, &st, 0));
	CHECK_EFAULT(S(SYS_newfstatat, AT_FDCWD, F, b, 0));
	CHECK_EFAULT(S(SYS_newfstatat, fd, b, &st, AT_EMPTY_PATH));
	CHECK_EFAULT(S(SYS_statx, AT_FDCWD, b, 0, 0x7ff, buf));
	CHECK_EFAULT(S(SYS_statx, AT_FDCWD, F, 0, 0x7ff, b));
	CHECK_EFAULT(S(SYS_statfs, F, b));
	CHECK_EFAULT(S(SYS_statfs, b, buf));
	CHECK_EFAULT(S(SYS_fstatfs, fd, b));
	/* A structure that runs into the unmapped page. */
	LT_CHECK_ERR(S(SYS_stat, F, edge - sizeof(st) / 2), EFAULT);
	LT_CHECK_ERR(S(SYS_fstat, fd, edge - 8), EFAULT);
	LT_CHECK_ERR(S(SYS_statx, AT_FDCWD, F, 0, 0x7ff, edge - 64), EFAULT);
	close(fd);
}

LT_CASE(io_buffers_efault)
{
	struct iovec iov[2];
	char buf[16];
	int fd = open(F, O_RDWR), p[2];

	LT_CHECK(fd >= 0);
	CHECK_EFAULT(S(SYS_read, fd, b, 10));
	CHECK_EFAULT(S(SYS_write, fd, b, 10));
	CHECK_EFAULT(S(SYS_pread64, fd, b, 10, 0));
	CHECK_EFAULT(S(SYS_pwrite64, fd, b, 10, 0));
	CHECK_EFAULT(S(SYS_readv, fd, b, 1));
	CHECK_EFAULT(S(SYS_writev, fd, b, 1));
	iov[0] = (struct iovec){ buf, 4 };
	iov[1] = (struct iovec){ bad[0], 4 };
	LT_CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	/* The first iovec is read, then the bad one: a short count. */
	LT_CHECK_EQ(S(SYS_readv, fd, iov, 2), 4);
	iov[0] = (struct iovec){ bad[0], 4 };
	LT_CHECK_ERR(S(SYS_readv, fd, iov, 1), EFAULT);
	LT_CHECK_ERR(S(SYS_writev, fd, iov, 1), EFAULT);
	/* The file is unchanged by the failed writes. */
	LT_CHECK_EQ(pread(fd, buf, 16, 0), 16);
	LT_CHECK(!memcmp(buf, "dddddddddddddddd", 16));
	LT_CHECK_EQ(lt_file_size(F), 3 * 4096);
	/* A pipe keeps its data when the reader's buffer is bad. */
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(write(p[1], "pipe", 4), 4);
	CHECK_EFAULT(S(SYS_read, p[0], b, 4));
	LT_CHECK_EQ(read(p[0], buf, 16), 4);
	CHECK_EFAULT(S(SYS_write, p[1], b, 4));
	close(p[0]);
	close(p[1]);
	close(fd);
}

/* A buffer whose second half is unmapped: file I/O stops at the hole. */
LT_CASE(io_straddling_buffer)
{
	int fd = open(F, O_RDWR);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(S(SYS_pread64, fd, edge - 4096, 8192, 0), 4096);
	LT_CHECK_EQ(S(SYS_pread64, fd, edge - 100, 200, 0), 100);
	memset(edge - 4096, 'w', 4096);
	LT_CHECK_EQ(S(SYS_pwrite64, fd, edge - 4096, 8192, 0), 4096);
	LT_CHECK_EQ(lt_file_size(F), 3 * 4096);
	memset(edge - 4096, 'd', 4096);
	LT_CHECK_EQ(pwrite(fd, edge - 4096, 4096, 0), 4096);
	close(fd);
}

LT_CASE(misc_efault)
{
	char buf[64];
	int fd = open(F, O_RDONLY), dfd = open(D, O_RDONLY | O_DIRECTORY);
	int before, p[2];

	CHECK_EFAULT(S(SYS_getdents64, dfd, b, 4096));
	CHECK_EFAULT(S(SYS_readlink, L, b, 64));
	CHECK_EFAULT(S(SYS_readlink, b, buf, 64));
	CHECK_EFAULT(S(SYS_readlinkat, AT_FDCWD, b, buf, 64));
	CHECK_EFAULT(S(SYS_getcwd, b, 64));
	CHECK_EFAULT(S(SYS_utimensat, AT_FDCWD, F, b, 0));
	CHECK_EFAULT(S(SYS_fcntl, fd, F_GETLK, b));
	CHECK_EFAULT(S(SYS_fcntl, fd, F_SETLK, b));
	CHECK_EFAULT(S(SYS_ioctl, fd, FIONREAD, b));
	int out = open(D "/sf", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK_EFAULT(S(SYS_sendfile, out, fd, b, 1));	/* the offset pointer */
	LT_CHECK_EQ(lt_file_size(D "/sf"), 0);
	close(out);
	unlink(D "/sf");
	/* pipe: EFAULT, and no fds are left behind. */
	before = dup(0);
	close(before);
	CHECK_EFAULT(S(SYS_pipe, b));
	CHECK_EFAULT(S(SYS_pipe2, b, 0));
	LT_CHECK_EQ(dup(0), before);
	close(before);
	LT_CHECK_ERR(S(SYS_pipe, edge - 4), EFAULT);	/* only p[0] fits */
	LT_CHECK_EQ(dup(0), before);
	close(before);
	LT_CHECK_OK(pipe(p));
	close(p[0]);
	close(p[1]);
	close(fd);
	close(dfd);
}

LT_CASE(poll_select_efault)
{
	struct timespec ts = { 0, 0 };
	struct timeval tv = { 0, 0 };
	fd_set rd;

	CHECK_EFAULT(S(SYS_poll, b, 1, 0));
	CHECK_EFAULT(S(SYS_ppoll, b, 1, &ts, NULL, 8));
	CHECK_EFAULT(S(SYS_ppoll, NULL, 0, b, NULL, 8));
	LT_CHECK_EQ(S(SYS_poll, NULL, 0, 0), 0);
	LT_CHECK_EQ(S(SYS_poll, bad[0], 0, 0), 0);		/* nothing to read */
	FD_ZERO(&rd);
	FD_SET(0, &rd);
	CHECK_EFAULT(S(SYS_select, 1, b, NULL, NULL, &tv));
	CHECK_EFAULT(S(SYS_select, 1, NULL, b, NULL, &tv));
	CHECK_EFAULT(S(SYS_select, 1, NULL, NULL, b, &tv));
	CHECK_EFAULT(S(SYS_select, 1, &rd, NULL, NULL, b));
	CHECK_EFAULT(S(SYS_pselect6, 1, b, NULL, NULL, &ts, NULL));
	CHECK_EFAULT(S(SYS_pselect6, 1, &rd, NULL, NULL, b, NULL));
	LT_CHECK_EQ(S(SYS_select, 0, bad[0], NULL, NULL, &tv), 0);	/* nfds 0: not read */
}

LT_CASE(name_too_long)
{
	char buf[64];
	struct stat st;

	LT_CHECK_ERR(S(SYS_open, longpath, O_RDONLY), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_open, longpath, O_RDWR | O_CREAT, 0644), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_stat, longpath, &st), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_lstat, longpath, &st), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_mkdir, longpath, 0755), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_rmdir, longpath), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_unlink, longpath), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_rename, longpath, D "/x"), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_rename, F, longpath), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_link, F, longpath), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_symlink, "x", longpath), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_readlink, longpath, buf, sizeof(buf)), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_chdir, longpath), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_chmod, longpath, 0644), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_truncate, longpath, 0), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_access, longpath, F_OK), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_statfs, longpath, buf), ENAMETOOLONG);
	LT_CHECK_ERR(S(SYS_execve, longpath, NULL, NULL), ENAMETOOLONG);
	LT_CHECK(!lt_exists(D "/x"));
}

LT_CASE(symlink_loop)
{
	char buf[64];
	struct stat st;

	LT_CHECK_ERR(S(SYS_open, L, O_RDONLY), ELOOP);
	LT_CHECK_ERR(S(SYS_open, L "/x", O_RDWR | O_CREAT, 0644), ELOOP);
	LT_CHECK_ERR(S(SYS_stat, L, &st), ELOOP);
	LT_CHECK_OK(S(SYS_lstat, L, &st));
	LT_CHECK_ERR(S(SYS_mkdir, L "/x", 0755), ELOOP);
	LT_CHECK_ERR(S(SYS_chdir, L), ELOOP);
	LT_CHECK_ERR(S(SYS_truncate, L, 0), ELOOP);
	LT_CHECK_ERR(S(SYS_chmod, L, 0644), ELOOP);
	LT_CHECK_ERR(S(SYS_access, L, F_OK), ELOOP);
	LT_CHECK_ERR(S(SYS_rename, L "/x", D "/x"), ELOOP);
	LT_CHECK_ERR(S(SYS_unlink, L "/x"), ELOOP);
	LT_CHECK_ERR(S(SYS_readlink, L "/x", buf, sizeof(buf)), ELOOP);
	LT_CHECK_EQ(S(SYS_readlink, L, buf, sizeof(buf)), 4);	/* the link itself */
	LT_CHECK_ERR(S(SYS_execve, L, NULL, NULL), ELOOP);
}

LT_CASE(bad_fds)
{
	static const int fds[] = { -1, -100, 200, 1 << 20, INT_MAX };
	struct pollfd pf;
	struct stat st;
	char buf[64];
	unsigned i;

	for (i = 0; i < sizeof(fds) / sizeof(fds[0]); i++) {
		int fd = fds[i];

		LT_CHECK_ERR(S(SYS_read, fd, buf, 1), EBADF);
		LT_CHECK_ERR(S(SYS_write, fd, buf, 1), EBADF);
		LT_CHECK_ERR(S(SYS_pread64, fd, buf, 1, 0), EBADF);
		LT_CHECK_ERR(S(SYS_lseek, fd, 0, SEEK_SET), EBADF);
		LT_CHECK_ERR(S(SYS_fstat, fd, &st), EBADF);
		LT_CHECK_ERR(S(SYS_fstatfs, fd, buf), EBADF);
		LT_CHECK_ERR(S(SYS_fchdir, fd), EBADF);
		LT_CHECK_ERR(S(SYS_fchmod, fd, 0644), EBADF);
		LT_CHECK_ERR(S(SYS_fchown, fd, 0, 0), EBADF);
		LT_CHECK_ERR(S(SYS_fsync, fd), EBADF);
		LT_CHECK_ERR(S(SYS_ftruncate, fd, 0), EBADF);
		LT_CHECK_ERR(S(SYS_getdents64, fd, buf, sizeof(buf)), EBADF);
		LT_CHECK_ERR(S(SYS_dup, fd), EBADF);
		LT_CHECK_ERR(S(SYS_fcntl, fd, F_GETFD), EBADF);
		LT_CHECK_ERR(S(SYS_close, fd), EBADF);
		if (fd == -100)		/* AT_FDCWD */
			continue;
		LT_CHECK_ERR(S(SYS_openat, fd, "x", O_RDONLY), EBADF);
		LT_CHECK_ERR(S(SYS_mkdirat, fd, "x", 0755), EBADF);
		LT_CHECK_ERR(S(SYS_unlinkat, fd, "x", 0), EBADF);
		LT_CHECK_ERR(S(SYS_renameat, fd, "x", AT_FDCWD, D "/y"), EBADF);
		LT_CHECK_ERR(S(SYS_linkat, AT_FDCWD, F, fd, "y", 0), EBADF);
		LT_CHECK_ERR(S(SYS_symlinkat, "t", fd, "y"), EBADF);
		LT_CHECK_ERR(S(SYS_readlinkat, fd, "x", buf, sizeof(buf)), EBADF);
		LT_CHECK_ERR(S(SYS_newfstatat, fd, "x", &st, 0), EBADF);
		LT_CHECK_ERR(S(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH), EBADF);
		LT_CHECK_ERR(S(SYS_sendfile, fd, 0, NULL, 1), EBADF);
		pf = (struct pollfd){ fd, POLLIN, 0 };
		LT_CHECK_EQ(S(SYS_poll, &pf, 1, 0), fd < 0 ? 0 : 1);
		LT_CHECK_EQ(pf.revents, fd < 0 ? 0 : POLLNVAL);
	}
	/*
	 * select: a closed fd within the fd table is EBADF.  (Linux ignores
	 * fds beyond the current size of its fd table, 64 at first: not tested.)
	 */
	fd_set rd;
	struct timeval tv = { 0, 0 };

	FD_ZERO(&rd);
	FD_SET(20, &rd);
	LT_CHECK_ERR(S(SYS_select, 21, &rd, NULL, NULL, &tv), EBADF);
	/* AT_FDCWD is only special as a dirfd: as an fd it is just bad. */
	LT_CHECK_ERR(S(SYS_read, AT_FDCWD, buf, 1), EBADF);
	/* A dirfd is not needed for an absolute path. */
	LT_CHECK_OK(S(SYS_newfstatat, -1, F, &st, 0));
}

LT_CASE(huge_and_negative_counts)
{
	struct iovec iov[2];
	char buf[64];
	int fd = open(F, O_RDWR), dfd = open(D, O_RDONLY | O_DIRECTORY), p[2];

	LT_CHECK(fd >= 0 && dfd >= 0);
	/* A count that reaches past user space fails the address check first. */
	LT_CHECK_ERR(S(SYS_read, fd, buf, -1L), EFAULT);
	LT_CHECK_ERR(S(SYS_write, fd, buf, -1L), EFAULT);
	LT_CHECK_ERR(S(SYS_getdents64, dfd, buf, -1), EINVAL);	/* the count is an int inside */
	/* A large count on a small buffer reads what the file holds (it fits). */
	LT_CHECK_EQ(S(SYS_pread64, fd, edge - 4096, 1UL << 40, 3 * 4096 - 10), 10);
	/* Vector lengths: negative is EINVAL; past user space EFAULT. */
	iov[0] = (struct iovec){ buf, (size_t)-1 };
	LT_CHECK_ERR(S(SYS_readv, fd, iov, 1), EINVAL);
	iov[0] = (struct iovec){ buf, SSIZE_MAX };
	iov[1] = (struct iovec){ buf, SSIZE_MAX };
	LT_CHECK_ERR(S(SYS_writev, fd, iov, 2), EFAULT);
	/* Negative offsets and lengths. */
	LT_CHECK_ERR(S(SYS_pread64, fd, buf, 1, -4096L), EINVAL);
	LT_CHECK_ERR(S(SYS_lseek, fd, -1L, SEEK_SET), EINVAL);
	LT_CHECK_ERR(S(SYS_ftruncate, fd, -1L), EINVAL);
	LT_CHECK_ERR(S(SYS_truncate, F, -1L), EINVAL);
	LT_CHECK_ERR(S(SYS_readlink, D "/loop", buf, -1), EINVAL);
	LT_CHECK_ERR(S(SYS_poll, NULL, -1, 0), EINVAL);
	LT_CHECK_ERR(S(SYS_select, -1, NULL, NULL, NULL, NULL), EINVAL);
	LT_CHECK_ERR(S(SYS_readv, fd, iov, -1), EINVAL);
	/* getcwd with a huge size: fine, only the path's bytes are written. */
	LT_CHECK_OK(chdir("/"));
	LT_CHECK_EQ(S(SYS_getcwd, buf, -1L), 2);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_ERR(S(SYS_fcntl, p[0], F_SETPIPE_SZ, -1), EINVAL);
	close(p[0]);
	close(p[1]);
	/* Offsets beyond what the file system allows. */
	LT_CHECK_ERR(S(SYS_pwrite64, fd, "x", 1, LLONG_MAX), EINVAL);
	/* tmpfs allows sizes up to LLONG_MAX (MAX_LFS_FILESIZE): sparse. */
	LT_CHECK_EQ(S(SYS_ftruncate, fd, LLONG_MAX), 0);
	LT_CHECK_EQ(lt_file_size(F), LLONG_MAX);
	LT_CHECK_EQ(S(SYS_lseek, fd, 0, SEEK_END), LLONG_MAX);
	LT_CHECK_ERR(S(SYS_lseek, fd, 1, SEEK_END), EINVAL);	/* would overflow */
	LT_CHECK_EQ(S(SYS_ftruncate, fd, 3 * 4096), 0);
	LT_CHECK_EQ(lt_file_size(F), 3 * 4096);
	close(fd);
	close(dfd);
}

int main(void)
{
	lt_begin("fs_badinput");
	if (setup()) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	signal(SIGXFSZ, SIG_IGN);
	LT_RUN(paths_efault);
	LT_RUN(stat_efault);
	LT_RUN(io_buffers_efault);
	LT_RUN(io_straddling_buffer);
	LT_RUN(misc_efault);
	LT_RUN(poll_select_efault);
	LT_RUN(name_too_long);
	LT_RUN(symlink_loop);
	LT_RUN(bad_fds);
	LT_RUN(huge_and_negative_counts);
	lt_fs_cleanup(D);
	return lt_end();
}
