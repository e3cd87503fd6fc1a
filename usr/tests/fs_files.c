// SPDX-License-Identifier: GPL-2.0
/*
 * fs_files: regular files through file descriptors.  open/openat/creat and
 * their flags, the mode a file is created with, read/write and their
 * positioned and vectored forms, lseek and holes, truncation, sync calls,
 * descriptor rules (EBADF, access modes), dup/dup2/dup3 and fcntl's
 * descriptor commands, EMFILE under RLIMIT_NOFILE, close-on-exec across
 * execve (helper fd_check), and sendfile between files.
 *
 * Everything happens under /t_files, removed at the end.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D		"/t_files"
#define K_O_LARGEFILE	0100000		/* the kernel's bit; 64-bit opens always have it */

static int nfd(void)
{
	/* Lowest free descriptor, i.e. what the next open returns. */
	int fd = dup(0);

	if (fd >= 0)
		close(fd);
	return fd;
}

LT_CASE(creat_excl)
{
	int fd;

	LT_CHECK_ERR(open(D "/a", O_RDWR), ENOENT);
	fd = open(D "/a", O_RDWR | O_CREAT | O_EXCL, 0644);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(close(fd));
	LT_CHECK_ERR(open(D "/a", O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
	/* O_EXCL without O_CREAT is ignored for regular files. */
	fd = open(D "/a", O_RDWR | O_EXCL);
	LT_CHECK(fd >= 0);
	close(fd);
	/* O_CREAT without O_EXCL opens the existing file. */
	fd = open(D "/a", O_RDWR | O_CREAT, 0600);
	LT_CHECK(fd >= 0);
	close(fd);
	/* A dangling symlink: O_CREAT creates its target, O_EXCL refuses it. */
	LT_CHECK_OK(symlink("a2", D "/dangling"));
	LT_CHECK_ERR(open(D "/dangling", O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
	LT_CHECK(!lt_exists(D "/a2"));
	fd = open(D "/dangling", O_RDWR | O_CREAT, 0644);
	LT_CHECK(fd >= 0);
	close(fd);
	LT_CHECK(lt_exists(D "/a2"));
	/* O_CREAT on an existing directory, or with a trailing slash. */
	LT_CHECK_ERR(open(D, O_RDWR | O_CREAT, 0644), EISDIR);
	LT_CHECK_ERR(open(D "/newdir/", O_RDWR | O_CREAT, 0644), EISDIR);
	LT_CHECK_ERR(open(D "/nodir/x", O_RDWR | O_CREAT, 0644), ENOENT);
	LT_CHECK_ERR(open(D "/a/x", O_RDWR | O_CREAT, 0644), ENOTDIR);
	LT_CHECK_ERR(open(D "/a/", O_RDONLY), ENOTDIR);
	LT_CHECK_ERR(open("", O_RDONLY), ENOENT);
	/* "/", "." and "..": they exist (O_EXCL) and are directories. */
	LT_CHECK_ERR(open("/", O_RDWR | O_CREAT, 0644), EISDIR);
	LT_CHECK_ERR(open("/", O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
	LT_CHECK_ERR(open(D "/.", O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
	LT_CHECK_ERR(open(D "/..", O_RDWR | O_CREAT, 0644), EISDIR);
	unlink(D "/a");
	unlink(D "/a2");
	unlink(D "/dangling");
}

/* O_CREAT through a /proc/self/fd link opens the file the descriptor has. */
LT_CASE(creat_through_fd_link)
{
	char link[64];
	int fd = open(D "/fl", O_RDWR | O_CREAT | O_TRUNC, 0644), fd2, proc_mounted;

	LT_CHECK(fd >= 0);
	mkdir("/proc", 0555);
	proc_mounted = !mount("proc", "/proc", "proc", 0, NULL);
	LT_CHECK_EQ(write(fd, "abc", 3), 3);
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	fd2 = open(link, O_RDWR | O_CREAT, 0600);
	LT_CHECK(fd2 >= 0);
	LT_CHECK_EQ(lseek(fd2, 0, SEEK_END), 3);	/* the same file, not a new one */
	close(fd2);
	fd2 = open(link, O_RDWR | O_CREAT | O_TRUNC, 0600);
	LT_CHECK(fd2 >= 0);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), 0);		/* and O_TRUNC reached it */
	close(fd2);
	LT_CHECK_ERR(open(link, O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
	if (proc_mounted)
		umount("/proc");
	close(fd);
	unlink(D "/fl");
}

LT_CASE(creat_call)
{
	int fd;

	LT_CHECK_OK(lt_put_file(D "/c", "hello", 5, 0644));
	fd = creat(D "/c", 0600);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_WRONLY);
	LT_CHECK_EQ(lt_file_size(D "/c"), 0);		/* O_TRUNC */
	LT_CHECK_EQ(write(fd, "xy", 2), 2);
	close(fd);
	LT_CHECK_EQ(lt_file_size(D "/c"), 2);
	unlink(D "/c");
}

LT_CASE(trunc)
{
	char buf[16];
	int fd;

	LT_CHECK_OK(lt_put_file(D "/t", "0123456789", 10, 0644));
	fd = open(D "/t", O_WRONLY | O_TRUNC);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(lt_file_size(D "/t"), 0);
	close(fd);
	/* Linux truncates even for O_RDONLY|O_TRUNC (POSIX leaves it open). */
	LT_CHECK_OK(lt_put_file(D "/t", "0123456789", 10, 0644));
	fd = open(D "/t", O_RDONLY | O_TRUNC);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(read(fd, buf, sizeof(buf)), 0);
	close(fd);
	LT_CHECK_EQ(lt_file_size(D "/t"), 0);
	unlink(D "/t");
}

LT_CASE(append)
{
	char buf[32];
	int fd;

	LT_CHECK_OK(lt_put_file(D "/ap", "abc", 3, 0644));
	fd = open(D "/ap", O_RDWR | O_APPEND);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0);		/* opening does not move */
	LT_CHECK_EQ(write(fd, "de", 2), 2);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 5);
	LT_CHECK_EQ(lseek(fd, 1, SEEK_SET), 1);
	LT_CHECK_EQ(write(fd, "fg", 2), 2);		/* still at the end */
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 7);
	/* Linux: pwrite on an O_APPEND fd appends, ignoring the offset. */
	LT_CHECK_EQ(pwrite(fd, "h", 1, 0), 1);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 7);		/* pwrite leaves the offset */
	LT_CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 8);
	LT_CHECK(!memcmp(buf, "abcdefgh", 8));
	close(fd);
	unlink(D "/ap");
}

LT_CASE(o_directory)
{
	char buf[8];
	int fd;

	LT_CHECK_OK(lt_put_file(D "/f", "x", 1, 0644));
	LT_CHECK_ERR(open(D "/f", O_RDONLY | O_DIRECTORY), ENOTDIR);
	fd = open(D, O_RDONLY | O_DIRECTORY);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(read(fd, buf, sizeof(buf)), EISDIR);
	LT_CHECK_ERR(write(fd, buf, 1), EBADF);
	close(fd);
	fd = open(D, O_RDONLY);				/* a directory may be opened read-only */
	LT_CHECK(fd >= 0);
	close(fd);
	LT_CHECK_ERR(open(D, O_WRONLY), EISDIR);
	LT_CHECK_ERR(open(D, O_RDWR), EISDIR);
	LT_CHECK_ERR(open(D, O_RDONLY | O_TRUNC), EISDIR);
	LT_CHECK_ERR(open(D "/none", O_RDONLY | O_DIRECTORY), ENOENT);
	/* O_DIRECTORY|O_CREAT never creates a directory: EINVAL since 6.4, a regular file before. */
	unlink(D "/f");
}

LT_CASE(o_nofollow)
{
	struct stat st;
	int fd;

	LT_CHECK_OK(lt_put_file(D "/target", "data", 4, 0644));
	LT_CHECK_OK(symlink("target", D "/link"));
	LT_CHECK_ERR(open(D "/link", O_RDONLY | O_NOFOLLOW), ELOOP);
	LT_CHECK_ERR(open(D "/link", O_RDONLY | O_NOFOLLOW | O_CREAT, 0644), ELOOP);
	fd = open(D "/target", O_RDONLY | O_NOFOLLOW);	/* not a link: fine */
	LT_CHECK(fd >= 0);
	close(fd);
	/* O_NOFOLLOW only concerns the last component. */
	LT_CHECK_OK(symlink(".", D "/dot"));
	fd = open(D "/dot/target", O_RDONLY | O_NOFOLLOW);
	LT_CHECK(fd >= 0);
	close(fd);
	/* O_PATH|O_NOFOLLOW opens the link itself. */
	fd = open(D "/link", O_PATH | O_NOFOLLOW);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK(S_ISLNK(st.st_mode));
	LT_CHECK_EQ(st.st_size, 6);
	close(fd);
	unlink(D "/link");
	unlink(D "/dot");
	unlink(D "/target");
}

LT_CASE(o_path)
{
	struct stat st;
	char buf[8];
	int fd, dfd, fd2;

	LT_CHECK_OK(lt_put_file(D "/p", "12345", 5, 0600));
	fd = open(D "/p", O_PATH);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(read(fd, buf, 1), EBADF);
	LT_CHECK_ERR(write(fd, buf, 1), EBADF);
	LT_CHECK_ERR(pread(fd, buf, 1, 0), EBADF);
	LT_CHECK_ERR(lseek(fd, 0, SEEK_SET), EBADF);
	LT_CHECK_ERR(ftruncate(fd, 0), EBADF);
	/* Raw calls: musl's fchmod retries an EBADF through /proc/self/fd. */
	LT_CHECK_ERR(syscall(SYS_fchmod, fd, 0644), EBADF);
	LT_CHECK_ERR(syscall(SYS_fchown, fd, 0, 0), EBADF);
	LT_CHECK_ERR(fsync(fd), EBADF);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK(S_ISREG(st.st_mode));
	LT_CHECK_EQ(st.st_size, 5);
	LT_CHECK_EQ(st.st_mode & 07777, 0600);
	LT_CHECK_EQ(fcntl(fd, F_GETFL), O_PATH);		/* no O_LARGEFILE here */
	fd2 = dup(fd);					/* fd operations work */
	LT_CHECK(fd2 >= 0);
	LT_CHECK_OK(fcntl(fd2, F_SETFD, FD_CLOEXEC));
	LT_CHECK_EQ(fcntl(fd2, F_GETFD), FD_CLOEXEC);
	close(fd2);
	LT_CHECK_OK(close(fd));
	/* An O_PATH directory serves as dirfd and for fchdir. */
	dfd = open(D, O_PATH | O_DIRECTORY);
	LT_CHECK(dfd >= 0);
	fd = openat(dfd, "p", O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(read(fd, buf, 8), 5);
	close(fd);
	LT_CHECK_ERR(syscall(SYS_getdents64, dfd, buf, sizeof(buf)), EBADF);
	LT_CHECK_OK(fchdir(dfd));
	LT_CHECK(lt_exists("p"));
	LT_CHECK_OK(chdir("/"));
	close(dfd);
	/* No permission needed: O_PATH of a file we may not read (root still may). */
	unlink(D "/p");
}

LT_CASE(create_mode_umask)
{
	struct stat st;
	int fd;

	umask(022);
	fd = open(D "/m1", O_WRONLY | O_CREAT, 0777);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0755);
	close(fd);
	umask(077);
	fd = open(D "/m2", O_WRONLY | O_CREAT, 0666);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0600);
	close(fd);
	umask(0);
	fd = open(D "/m3", O_WRONLY | O_CREAT, 07777);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 07777);
	close(fd);
	/* Mode 0: created unreadable, yet this open (which created it) works. */
	fd = open(D "/m4", O_RDWR | O_CREAT, 0);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "x", 1), 1);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0);
	close(fd);
	/* An existing file keeps its mode whatever O_CREAT's mode says. */
	fd = open(D "/m2", O_WRONLY | O_CREAT, 0666);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0600);
	close(fd);
	/* umask returns the previous mask and keeps only 0777. */
	LT_CHECK_EQ(umask(0xffff), 0);
	LT_CHECK_EQ(umask(022), 0777);
	unlink(D "/m1");
	unlink(D "/m2");
	unlink(D "/m3");
	unlink(D "/m4");
}

LT_CASE(read_write)
{
	char buf[64];
	int fd;

	fd = open(D "/rw", O_RDWR | O_CREAT | O_TRUNC, 0644);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "hello world", 11), 11);
	LT_CHECK_EQ(write(fd, buf, 0), 0);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 11);
	LT_CHECK_EQ(read(fd, buf, sizeof(buf)), 0);	/* at EOF */
	LT_CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	LT_CHECK_EQ(read(fd, buf, 5), 5);
	LT_CHECK(!memcmp(buf, "hello", 5));
	LT_CHECK_EQ(read(fd, buf, 0), 0);
	LT_CHECK_EQ(read(fd, buf, sizeof(buf)), 6);	/* short read at EOF */
	LT_CHECK(!memcmp(buf, " world", 6));
	LT_CHECK_EQ(lseek(fd, 6, SEEK_SET), 6);
	LT_CHECK_EQ(write(fd, "WORLD", 5), 5);		/* overwrite in place */
	LT_CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 11);
	LT_CHECK(!memcmp(buf, "hello WORLD", 11));
	close(fd);
	unlink(D "/rw");
}

/* A big write and read, crossing many pages. */
LT_CASE(large_io)
{
	static char out[300000], in[300000];
	size_t i;
	int fd;

	for (i = 0; i < sizeof(out); i++)
		out[i] = (char)(i * 7 + i / 4096);
	fd = open(D "/big", O_RDWR | O_CREAT | O_TRUNC, 0644);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, out, sizeof(out)), sizeof(out));
	LT_CHECK_EQ(pread(fd, in, sizeof(in), 0), sizeof(in));
	LT_CHECK(!memcmp(in, out, sizeof(out)));
	LT_CHECK_EQ(pread(fd, in, 10000, 4090), 10000);
	LT_CHECK(!memcmp(in, out + 4090, 10000));
	close(fd);
	unlink(D "/big");
}

LT_CASE(pread_pwrite)
{
	char buf[16];
	int fd, p[2];

	fd = open(D "/pp", O_RDWR | O_CREAT | O_TRUNC, 0644);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "abcdef", 6), 6);
	LT_CHECK_EQ(lseek(fd, 2, SEEK_SET), 2);
	LT_CHECK_EQ(pwrite(fd, "XY", 2, 4), 2);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 2);		/* unchanged */
	LT_CHECK_EQ(pread(fd, buf, 3, 3), 3);
	LT_CHECK(!memcmp(buf, "dXY", 3));
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 2);
	LT_CHECK_EQ(pread(fd, buf, sizeof(buf), 6), 0);
	LT_CHECK_EQ(pread(fd, buf, sizeof(buf), 1000), 0);
	LT_CHECK_ERR(syscall(SYS_pread64, fd, buf, 1, -1L), EINVAL);
	LT_CHECK_ERR(syscall(SYS_pwrite64, fd, buf, 1, -1L), EINVAL);
	/* pwrite beyond the end leaves a hole of zeros. */
	LT_CHECK_EQ(pwrite(fd, "Z", 1, 10), 1);
	LT_CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 11);
	LT_CHECK(!memcmp(buf, "abcdXY\0\0\0\0Z", 11));
	close(fd);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_ERR(pread(p[0], buf, 1, 0), ESPIPE);
	LT_CHECK_ERR(pwrite(p[1], buf, 1, 0), ESPIPE);
	close(p[0]);
	close(p[1]);
	unlink(D "/pp");
}

LT_CASE(readv_writev)
{
	char a[4], b[6], c[8], all[16];
	struct iovec iov[3];
	int fd;

	fd = open(D "/v", O_RDWR | O_CREAT | O_TRUNC, 0644);
	LT_CHECK(fd >= 0);
	iov[0] = (struct iovec){ "one", 3 };
	iov[1] = (struct iovec){ "", 0 };
	iov[2] = (struct iovec){ "twothree", 8 };
	LT_CHECK_EQ(writev(fd, iov, 3), 11);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 11);
	LT_CHECK_EQ(writev(fd, iov, 0), 0);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	iov[0] = (struct iovec){ a, 4 };
	iov[1] = (struct iovec){ b, 6 };
	iov[2] = (struct iovec){ c, 8 };
	LT_CHECK_EQ(readv(fd, iov, 3), 11);		/* fills in order, short at EOF */
	LT_CHECK(!memcmp(a, "onet", 4));
	LT_CHECK(!memcmp(b, "wothre", 6));
	LT_CHECK_EQ(c[0], 'e');
	LT_CHECK_EQ(preadv(fd, iov, 1, 8), 3);
	LT_CHECK(!memcmp(a, "ree", 3));
	iov[0] = (struct iovec){ "AB", 2 };
	LT_CHECK_EQ(pwritev(fd, iov, 1, 0), 2);
	LT_CHECK_EQ(pread(fd, all, sizeof(all), 0), 11);
	LT_CHECK(!memcmp(all, "ABetwothree", 11));
	LT_CHECK_ERR(readv(fd, iov, -1), EINVAL);
	LT_CHECK_ERR(readv(fd, iov, IOV_MAX + 1), EINVAL);
	LT_CHECK_ERR(writev(fd, iov, IOV_MAX + 1), EINVAL);
	close(fd);
	unlink(D "/v");
}

LT_CASE(lseek_whence)
{
	char buf[16];
	int fd, p[2];

	fd = open(D "/s", O_RDWR | O_CREAT | O_TRUNC, 0644);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "0123456789", 10), 10);
	LT_CHECK_EQ(lseek(fd, 3, SEEK_SET), 3);
	LT_CHECK_EQ(lseek(fd, 2, SEEK_CUR), 5);
	LT_CHECK_EQ(lseek(fd, -1, SEEK_CUR), 4);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), 10);
	LT_CHECK_EQ(lseek(fd, -3, SEEK_END), 7);
	LT_CHECK_EQ(read(fd, buf, 16), 3);
	LT_CHECK_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
	LT_CHECK_ERR(lseek(fd, -11, SEEK_END), EINVAL);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 10);	/* a failed seek does not move */
	LT_CHECK_ERR(lseek(fd, 0, 5), EINVAL);
	LT_CHECK_ERR(lseek(fd, 0, -1), EINVAL);
	/* Far beyond the end is fine; a write there leaves a hole. */
	LT_CHECK_EQ(lseek(fd, 100, SEEK_END), 110);
	LT_CHECK_EQ(lt_file_size(D "/s"), 10);
	LT_CHECK_EQ(write(fd, "E", 1), 1);
	LT_CHECK_EQ(lt_file_size(D "/s"), 111);
	LT_CHECK_EQ(pread(fd, buf, 16, 10), 16);
	LT_CHECK(!memcmp(buf, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16));
	LT_CHECK_EQ(pread(fd, buf, 16, 105), 6);
	LT_CHECK(!memcmp(buf, "\0\0\0\0\0E", 6));
	/* A hole spanning whole pages reads back as zeros too. */
	LT_CHECK_EQ(pwrite(fd, "F", 1, 3 * 4096 + 5), 1);
	LT_CHECK_EQ(pread(fd, buf, 4, 2 * 4096), 4);
	LT_CHECK(!memcmp(buf, "\0\0\0\0", 4));
	close(fd);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_ERR(lseek(p[0], 0, SEEK_CUR), ESPIPE);
	close(p[0]);
	close(p[1]);
	unlink(D "/s");
}

/* Each open file has its own offset; dup and fork share one. */
LT_CASE(offsets_shared)
{
	int fd1, fd2, fd3;
	pid_t pid;
	char c;

	LT_CHECK_OK(lt_put_file(D "/o", "abcdef", 6, 0644));
	fd1 = open(D "/o", O_RDONLY);
	fd2 = open(D "/o", O_RDONLY);
	LT_CHECK(fd1 >= 0 && fd2 >= 0);
	fd3 = dup(fd1);
	LT_CHECK(fd3 >= 0);
	LT_CHECK_EQ(read(fd1, &c, 1), 1);
	LT_CHECK_EQ(read(fd3, &c, 1), 1);
	LT_CHECK_EQ(c, 'b');
	LT_CHECK_EQ(read(fd2, &c, 1), 1);
	LT_CHECK_EQ(c, 'a');
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_EQ(read(fd1, &c, 1), 1);
		LT_CHECK_EQ(c, 'c');
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(lseek(fd3, 0, SEEK_CUR), 3);
	close(fd1);
	close(fd2);
	close(fd3);
	unlink(D "/o");
}

LT_CASE(truncate_grow_shrink)
{
	char buf[32];
	int fd;

	fd = open(D "/tr", O_RDWR | O_CREAT | O_TRUNC, 0644);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "abcdefghij", 10), 10);
	LT_CHECK_OK(ftruncate(fd, 4));
	LT_CHECK_EQ(lt_file_size(D "/tr"), 4);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 10);	/* offset untouched */
	LT_CHECK_EQ(read(fd, buf, 1), 0);
	LT_CHECK_OK(ftruncate(fd, 20));
	LT_CHECK_EQ(pread(fd, buf, 32, 0), 20);
	LT_CHECK(!memcmp(buf, "abcd\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 20));
	LT_CHECK_OK(truncate(D "/tr", 2));
	LT_CHECK_EQ(lt_file_size(D "/tr"), 2);
	LT_CHECK_OK(truncate(D "/tr", 8192 + 3));
	LT_CHECK_EQ(pread(fd, buf, 4, 8192), 3);
	LT_CHECK(!memcmp(buf, "\0\0\0", 3));
	/* Shrink then grow: the cut-off bytes come back as zeros. */
	LT_CHECK_EQ(pwrite(fd, "QRS", 3, 100), 3);
	LT_CHECK_OK(ftruncate(fd, 101));
	LT_CHECK_OK(ftruncate(fd, 103));
	LT_CHECK_EQ(pread(fd, buf, 3, 100), 3);
	LT_CHECK(!memcmp(buf, "Q\0\0", 3));
	LT_CHECK_ERR(ftruncate(fd, -1), EINVAL);
	LT_CHECK_ERR(truncate(D "/tr", -1), EINVAL);
	close(fd);
	fd = open(D "/tr", O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(ftruncate(fd, 0), EINVAL);	/* not open for writing: EINVAL, not EBADF */
	close(fd);
	LT_CHECK_ERR(ftruncate(fd, 0), EBADF);
	LT_CHECK_ERR(truncate(D, 0), EISDIR);
	LT_CHECK_ERR(truncate(D "/none", 0), ENOENT);
	fd = open(D, O_RDONLY);
	LT_CHECK_ERR(ftruncate(fd, 0), EINVAL);
	close(fd);
	unlink(D "/tr");
}

LT_CASE(sync_calls)
{
	int fd, p[2];

	fd = open(D "/sy", O_RDWR | O_CREAT | O_TRUNC, 0644);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "x", 1), 1);
	LT_CHECK_OK(fsync(fd));
	LT_CHECK_OK(fdatasync(fd));
	sync();
	LT_CHECK_OK(syncfs(fd));
	close(fd);
	fd = open(D "/sy", O_RDONLY);			/* read-only fds may be synced */
	LT_CHECK_OK(fsync(fd));
	close(fd);
	fd = open(D, O_RDONLY);
	LT_CHECK_OK(fsync(fd));
	close(fd);
	LT_CHECK_ERR(fsync(fd), EBADF);
	LT_CHECK_ERR(fdatasync(-1), EBADF);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_ERR(fsync(p[0]), EINVAL);
	LT_CHECK_ERR(fdatasync(p[1]), EINVAL);
	close(p[0]);
	close(p[1]);
	unlink(D "/sy");
}

LT_CASE(close_ebadf)
{
	int fd = open(D, O_RDONLY);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(syscall(SYS_close, fd), 0);
	LT_CHECK_ERR(syscall(SYS_close, fd), EBADF);
	LT_CHECK_ERR(syscall(SYS_close, -1), EBADF);
	LT_CHECK_ERR(syscall(SYS_close, 1 << 20), EBADF);
	LT_CHECK_ERR(syscall(SYS_close, INT_MAX), EBADF);
}

LT_CASE(access_mode_ebadf)
{
	char buf[4];
	int fd;

	LT_CHECK_OK(lt_put_file(D "/am", "abc", 3, 0644));
	fd = open(D "/am", O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(write(fd, "x", 1), EBADF);
	LT_CHECK_ERR(write(fd, "x", 0), EBADF);		/* even for 0 bytes */
	LT_CHECK_ERR(pwrite(fd, "x", 1, 0), EBADF);
	close(fd);
	fd = open(D "/am", O_WRONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(read(fd, buf, 1), EBADF);
	LT_CHECK_ERR(pread(fd, buf, 1, 0), EBADF);
	close(fd);
	/* Access mode 3 is "no access" for open(2) (ioctl-only): both fail. */
	fd = open(D "/am", 3);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(read(fd, buf, 1), EBADF);
	LT_CHECK_ERR(write(fd, "x", 1), EBADF);
	close(fd);
	LT_CHECK_ERR(read(-1, buf, 1), EBADF);
	LT_CHECK_ERR(write(9999, buf, 1), EBADF);
	unlink(D "/am");
}

LT_CASE(dup_family)
{
	int fd, low, d;

	fd = open(D, O_RDONLY);
	LT_CHECK(fd >= 0);
	low = nfd();
	d = dup(fd);
	LT_CHECK_EQ(d, low);				/* lowest free */
	LT_CHECK_EQ(fcntl(d, F_GETFD), 0);
	close(d);
	LT_CHECK_EQ(dup2(fd, fd), fd);			/* same fd: returns it */
	LT_CHECK_EQ(dup2(fd, 40), 40);
	LT_CHECK_EQ(fcntl(40, F_GETFD), 0);
	LT_CHECK_EQ(dup2(1, 40), 40);			/* replaces, silently closing */
	LT_CHECK_OK(close(40));
	LT_CHECK_ERR(dup2(200, 200), EBADF);		/* same but closed */
	LT_CHECK_ERR(dup2(200, 41), EBADF);
	LT_CHECK_ERR(fcntl(41, F_GETFD), EBADF);	/* newfd untouched on error */
	LT_CHECK_ERR(dup2(fd, -1), EBADF);
	LT_CHECK_ERR(dup2(fd, INT_MAX), EBADF);
	LT_CHECK_ERR(dup(-1), EBADF);
	LT_CHECK_ERR(syscall(SYS_dup3, fd, fd, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_dup3, fd, 42, 1), EINVAL);	/* unknown flag */
	LT_CHECK_ERR(syscall(SYS_dup3, fd, 42, O_NONBLOCK), EINVAL);
	LT_CHECK_EQ(syscall(SYS_dup3, fd, 42, O_CLOEXEC), 42);
	LT_CHECK_EQ(fcntl(42, F_GETFD), FD_CLOEXEC);
	LT_CHECK_EQ(syscall(SYS_dup3, fd, 42, 0), 42);	/* replaced, flag cleared */
	LT_CHECK_EQ(fcntl(42, F_GETFD), 0);
	close(42);
	close(fd);
}

/* A dup shares the open file (offset, status flags), not the fd flags. */
LT_CASE(dup_shares_open_file)
{
	int fd, d;

	LT_CHECK_OK(lt_put_file(D "/ds", "abc", 3, 0644));
	fd = open(D "/ds", O_RDWR | O_CLOEXEC);
	LT_CHECK(fd >= 0);
	d = dup(fd);
	LT_CHECK_OK(fcntl(d, F_SETFL, O_APPEND | O_NONBLOCK));
	LT_CHECK_EQ(fcntl(fd, F_GETFL), O_RDWR | O_APPEND | O_NONBLOCK | K_O_LARGEFILE);
	LT_CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	LT_CHECK_EQ(fcntl(d, F_GETFD), 0);
	LT_CHECK_EQ(write(fd, "d", 1), 1);
	LT_CHECK_EQ(lseek(d, 0, SEEK_CUR), 4);
	close(fd);
	LT_CHECK_EQ(write(d, "e", 1), 1);		/* still open through the dup */
	close(d);
	LT_CHECK_EQ(lt_file_size(D "/ds"), 5);
	unlink(D "/ds");
}

LT_CASE(fcntl_dupfd)
{
	struct rlimit rl;
	int fd, d;

	fd = open(D, O_RDONLY | O_CLOEXEC);
	LT_CHECK(fd >= 0);
	d = fcntl(fd, F_DUPFD, 100);
	LT_CHECK_EQ(d, 100);
	LT_CHECK_EQ(fcntl(d, F_GETFD), 0);		/* F_DUPFD clears FD_CLOEXEC */
	LT_CHECK_EQ(fcntl(fd, F_DUPFD, 100), 101);	/* next above the minimum */
	LT_CHECK_EQ(fcntl(fd, F_DUPFD_CLOEXEC, 100), 102);
	LT_CHECK_EQ(fcntl(102, F_GETFD), FD_CLOEXEC);
	d = nfd();
	LT_CHECK_EQ(fcntl(fd, F_DUPFD, 0), d);
	close(d);
	LT_CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	LT_CHECK_ERR(fcntl(fd, F_DUPFD, (int)rl.rlim_cur), EINVAL);
	LT_CHECK_ERR(fcntl(fd, F_DUPFD, -1), EINVAL);
	LT_CHECK_ERR(fcntl(-1, F_DUPFD, 0), EBADF);
	close(100);
	close(101);
	close(102);
	close(fd);
}

LT_CASE(fcntl_fd_flags)
{
	int fd;

	fd = open(D, O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(fcntl(fd, F_GETFD), 0);
	LT_CHECK_EQ(fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
	LT_CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	LT_CHECK_EQ(fcntl(fd, F_SETFD, 0xfe), 0);	/* only bit 0 counts */
	LT_CHECK_EQ(fcntl(fd, F_GETFD), 0);
	close(fd);
	fd = open(D, O_RDONLY | O_CLOEXEC);
	LT_CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	LT_CHECK_EQ(fcntl(fd, F_GETFL) & O_CLOEXEC, 0);	/* not a file status flag */
	close(fd);
	LT_CHECK_ERR(fcntl(fd, F_GETFD), EBADF);
	LT_CHECK_ERR(fcntl(0, 12345), EINVAL);		/* unknown command */
}

LT_CASE(fcntl_fl)
{
	char buf[16];
	int fd, fl, p[2];

	LT_CHECK_OK(lt_put_file(D "/fl", "abc", 3, 0644));
	fd = open(D "/fl", O_RDWR);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(fcntl(fd, F_GETFL), O_RDWR | K_O_LARGEFILE);
	LT_CHECK_OK(fcntl(fd, F_SETFL, O_APPEND));
	LT_CHECK_EQ(fcntl(fd, F_GETFL), O_RDWR | O_APPEND | K_O_LARGEFILE);
	LT_CHECK_EQ(write(fd, "d", 1), 1);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 4);
	/* The access mode and creation flags cannot be changed. */
	LT_CHECK_OK(fcntl(fd, F_SETFL, O_RDONLY | O_TRUNC | O_CREAT | O_EXCL));
	fl = fcntl(fd, F_GETFL);
	LT_CHECK_EQ(fl, O_RDWR | K_O_LARGEFILE);
	LT_CHECK_EQ(lt_file_size(D "/fl"), 4);
	LT_CHECK_OK(fcntl(fd, F_SETFL, O_WRONLY | O_NONBLOCK));
	LT_CHECK_EQ(fcntl(fd, F_GETFL), O_RDWR | O_NONBLOCK | K_O_LARGEFILE);
	LT_CHECK_EQ(pread(fd, buf, 4, 0), 4);		/* still readable */
	close(fd);
	fd = open(D "/fl", O_WRONLY | O_APPEND | O_NONBLOCK);
	LT_CHECK_EQ(fcntl(fd, F_GETFL), O_WRONLY | O_APPEND | O_NONBLOCK | K_O_LARGEFILE);
	close(fd);
	/* O_NONBLOCK on a pipe's read end turns a blocking read into EAGAIN. */
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(fcntl(p[0], F_GETFL), O_RDONLY);	/* pipes have no O_LARGEFILE */
	LT_CHECK_OK(fcntl(p[0], F_SETFL, O_NONBLOCK));
	LT_CHECK_ERR(read(p[0], buf, 1), EAGAIN);
	close(p[0]);
	close(p[1]);
	unlink(D "/fl");
}

LT_CASE(emfile)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { 10, 10 };
		int fd, i, p[2];

		for (i = 3; i < 1024; i++)
			close(i);
		LT_CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
		for (i = 3; i < 10; i++)
			LT_CHECK_EQ(open("/", O_RDONLY), i);
		LT_CHECK_ERR(open("/", O_RDONLY), EMFILE);
		LT_CHECK_ERR(dup(0), EMFILE);
		LT_CHECK_ERR(fcntl(0, F_DUPFD, 0), EMFILE);
		LT_CHECK_ERR(fcntl(0, F_DUPFD, 10), EINVAL);	/* minimum beyond the limit */
		LT_CHECK_ERR(dup2(0, 10), EBADF);		/* newfd beyond the limit */
		LT_CHECK_ERR(pipe(p), EMFILE);
		LT_CHECK_ERR(open(D "/new", O_RDWR | O_CREAT, 0644), EMFILE);
		LT_CHECK(!lt_exists(D "/new"));		/* not created either */
		LT_CHECK_EQ(dup2(0, 9), 9);			/* replacing is fine */
		LT_CHECK_OK(close(5));
		LT_CHECK_EQ(open("/", O_RDONLY), 5);		/* the hole is reused */
		/* pipe needs two free slots. */
		LT_CHECK_OK(close(7));
		LT_CHECK_ERR(pipe(p), EMFILE);
		LT_CHECK_EQ(fcntl(7, F_GETFD), -1);		/* nothing leaked */
		LT_CHECK_OK(close(8));
		LT_CHECK_OK(pipe(p));
		LT_CHECK_EQ(p[0], 7);
		LT_CHECK_EQ(p[1], 8);
		/* Lowering the limit below open fds keeps them open. */
		rl.rlim_cur = 4;
		LT_CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
		LT_CHECK_EQ(fcntl(9, F_GETFD), 0);
		LT_CHECK_ERR(dup(0), EMFILE);
		fd = 3;
		LT_CHECK_OK(close(fd));
		LT_CHECK_EQ(dup(0), 3);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(cloexec_exec)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		char *envp[] = { NULL };
		int a, b, c, d;

		a = open(D, O_RDONLY | O_CLOEXEC);
		b = open(D, O_RDONLY);
		c = dup(b);
		d = fcntl(b, F_DUPFD_CLOEXEC, 0);
		LT_CHECK(a >= 0 && b >= 0 && c >= 0 && d >= 0);
		LT_CHECK_OK(fcntl(c, F_SETFD, FD_CLOEXEC));
		char sa[16], sb[16], sc[16], sd[16];
		snprintf(sa, sizeof(sa), "%d=closed", a);
		snprintf(sb, sizeof(sb), "%d=open", b);
		snprintf(sc, sizeof(sc), "%d=closed", c);
		snprintf(sd, sizeof(sd), "%d=closed", d);
		char *argv[] = { "fd_check", sa, sb, sc, sd, NULL };
		execve("/tests/fd_check", argv, envp);
		LT_FAIL("execve /tests/fd_check: %s", lt_errname(errno));
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(sendfile_files)
{
	char buf[32];
	off_t off;
	int in, out;

	LT_CHECK_OK(lt_put_file(D "/sin", "0123456789abcdef", 16, 0644));
	in = open(D "/sin", O_RDONLY);
	out = open(D "/sout", O_RDWR | O_CREAT | O_TRUNC, 0644);
	LT_CHECK(in >= 0 && out >= 0);
	/* With an offset: in's own offset stays, *off advances. */
	off = 4;
	LT_CHECK_EQ(sendfile(out, in, &off, 6), 6);
	LT_CHECK_EQ(off, 10);
	LT_CHECK_EQ(lseek(in, 0, SEEK_CUR), 0);
	LT_CHECK_EQ(lseek(out, 0, SEEK_CUR), 6);
	/* Without: in's offset is used and moved; short at EOF. */
	LT_CHECK_EQ(lseek(in, 12, SEEK_SET), 12);
	LT_CHECK_EQ(sendfile(out, in, NULL, 100), 4);
	LT_CHECK_EQ(lseek(in, 0, SEEK_CUR), 16);
	LT_CHECK_EQ(sendfile(out, in, NULL, 100), 0);
	LT_CHECK_EQ(pread(out, buf, sizeof(buf), 0), 10);
	LT_CHECK(!memcmp(buf, "456789cdef", 10));
	off = -1;
	LT_CHECK_ERR(sendfile(out, in, &off, 1), EINVAL);
	LT_CHECK_ERR(sendfile(in, out, NULL, 1), EBADF);	/* in is not writable */
	LT_CHECK_ERR(sendfile(out, -1, NULL, 1), EBADF);
	close(out);
	out = open(D "/sout", O_WRONLY);
	LT_CHECK_ERR(sendfile(in, out, NULL, 1), EBADF);	/* out is not readable */
	close(out);
	/* Linux refuses an O_APPEND destination. */
	out = open(D "/sout", O_WRONLY | O_APPEND);
	off = 0;
	LT_CHECK_ERR(sendfile(out, in, &off, 4), EINVAL);
	close(out);
	close(in);
	unlink(D "/sin");
	unlink(D "/sout");
}

LT_CASE(openat_dirfd)
{
	int dfd, fd, ffd;

	LT_CHECK_OK(mkdir(D "/sub", 0755));
	dfd = open(D "/sub", O_RDONLY | O_DIRECTORY);
	LT_CHECK(dfd >= 0);
	fd = openat(dfd, "f", O_RDWR | O_CREAT | O_EXCL, 0644);
	LT_CHECK(fd >= 0);
	close(fd);
	LT_CHECK(lt_exists(D "/sub/f"));
	fd = openat(dfd, "../sub/./f", O_RDONLY);
	LT_CHECK(fd >= 0);
	close(fd);
	fd = openat(-1, D "/sub/f", O_RDONLY);		/* absolute: dirfd ignored */
	LT_CHECK(fd >= 0);
	close(fd);
	LT_CHECK_OK(chdir(D));
	fd = openat(AT_FDCWD, "sub/f", O_RDONLY);
	LT_CHECK(fd >= 0);
	close(fd);
	LT_CHECK_OK(chdir("/"));
	ffd = open(D "/sub/f", O_RDONLY);
	LT_CHECK_ERR(openat(ffd, "x", O_RDONLY), ENOTDIR);
	LT_CHECK_ERR(openat(-1, "sub/f", O_RDONLY), EBADF);
	LT_CHECK_ERR(openat(12345, "f", O_RDONLY), EBADF);
	close(ffd);
	/* open/openat ignore unknown flag bits (only openat2 checks them). */
	fd = syscall(SYS_openat, dfd, "f", O_RDONLY | 0x80000000U, 0);
	LT_CHECK(fd >= 0);
	close(fd);
	/* A directory fd stays valid when its directory is renamed. */
	LT_CHECK_OK(rename(D "/sub", D "/sub2"));
	fd = openat(dfd, "f", O_RDONLY);
	LT_CHECK(fd >= 0);
	close(fd);
	close(dfd);
	unlink(D "/sub2/f");
	rmdir(D "/sub2");
}

/* Unlinking an open file keeps its data until the last close. */
LT_CASE(unlink_open_file)
{
	struct stat st;
	char buf[8];
	int fd;

	LT_CHECK_OK(lt_put_file(D "/u", "alive", 5, 0644));
	fd = open(D "/u", O_RDWR);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(unlink(D "/u"));
	LT_CHECK(!lt_exists(D "/u"));
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_nlink, 0);
	LT_CHECK_EQ(pread(fd, buf, 8, 0), 5);
	LT_CHECK(!memcmp(buf, "alive", 5));
	LT_CHECK_EQ(pwrite(fd, "!", 1, 5), 1);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_size, 6);
	close(fd);
}

int main(void)
{
	lt_begin("fs_files");
	if (lt_fs_setup(D)) {
		lt_note("cannot make %s: %s", D, lt_errname(errno));
		return 1;
	}
	LT_RUN(creat_excl);
	LT_RUN(creat_through_fd_link);
	LT_RUN(creat_call);
	LT_RUN(trunc);
	LT_RUN(append);
	LT_RUN(o_directory);
	LT_RUN(o_nofollow);
	LT_RUN(o_path);
	LT_RUN(create_mode_umask);
	LT_RUN(read_write);
	LT_RUN(large_io);
	LT_RUN(pread_pwrite);
	LT_RUN(readv_writev);
	LT_RUN(lseek_whence);
	LT_RUN(offsets_shared);
	LT_RUN(truncate_grow_shrink);
	LT_RUN(sync_calls);
	LT_RUN(close_ebadf);
	LT_RUN(access_mode_ebadf);
	LT_RUN(dup_family);
	LT_RUN(dup_shares_open_file);
	LT_RUN(fcntl_dupfd);
	LT_RUN(fcntl_fd_flags);
	LT_RUN(fcntl_fl);
	LT_RUN(emfile);
	LT_RUN(cloexec_exec);
	LT_RUN(sendfile_files);
	LT_RUN(openat_dirfd);
	LT_RUN(unlink_open_file);
	lt_fs_cleanup(D);
	return lt_end();
}
