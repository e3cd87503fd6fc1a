// SPDX-License-Identifier: GPL-2.0
/*
 * fs_stat: inode attributes.  stat/fstat/lstat/newfstatat/statx fields,
 * time stamps and what changes them, chmod and chown families (as root),
 * utimensat, statfs/fstatfs of the initramfs root, and access/faccessat/
 * faccessat2 with real and effective ids.
 *
 * The initramfs root that Debian's kernel boots is a tmpfs (rootfs is
 * tmpfs when CONFIG_TMPFS=y and no root= is given), so statfs("/") reports
 * TMPFS_MAGIC.  Everything happens under /t_stat, removed at the end.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D		"/t_stat"
#define TMPFS_MAGIC	0x01021994
#define SLACK_NS	50000000LL	/* file times use a coarse clock: allow 50 ms */

/* This musl predates statx: the kernel's structure and flags. */
struct k_statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t __reserved;
};

struct k_statx {
	uint32_t stx_mask, stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink, stx_uid, stx_gid;
	uint16_t stx_mode, __spare0[1];
	uint64_t stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct k_statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	uint64_t __spare2[14];
};

#define STATX_BASIC_STATS	0x7ffU
#define AT_STATX_FORCE_SYNC	0x2000
#define AT_STATX_DONT_SYNC	0x4000
#ifndef SYS_statx
#define SYS_statx		332
#endif

static long statx_(int dfd, const char *path, int flags, unsigned mask, struct k_statx *sx)
{
	return syscall(SYS_statx, dfd, path, flags, mask, sx);
}

#ifndef SYS_faccessat2
#define SYS_faccessat2	439
#endif

static long long ts_ns(struct timespec ts)
{
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long stx_ns(struct k_statx_timestamp t)
{
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static long long real_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts_ns(ts);
}

/* Set PATH's atime and mtime far in the past (2001), so changes show. */
static int age(const char *path)
{
	struct timespec t[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

	return utimensat(AT_FDCWD, path, t, AT_SYMLINK_NOFOLLOW);
}

LT_CASE(stat_fields)
{
	static char data[5000];
	struct stat st, st2;
	int fd;

	fd = open(D "/f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, data, sizeof(data)), sizeof(data));
	LT_CHECK_OK(stat(D "/f", &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0644);
	LT_CHECK_EQ(st.st_nlink, 1);
	LT_CHECK_EQ(st.st_uid, 0);
	LT_CHECK_EQ(st.st_gid, 0);
	LT_CHECK_EQ(st.st_size, 5000);
	LT_CHECK(st.st_blocks >= 10 && st.st_blocks <= 64);	/* 512-byte units */
	LT_CHECK_EQ(st.st_blksize, 4096);
	LT_CHECK_EQ(st.st_rdev, 0);
	LT_CHECK(st.st_ino != 0);
	LT_CHECK_OK(fstat(fd, &st2));
	LT_CHECK_EQ(st2.st_ino, st.st_ino);
	LT_CHECK_EQ(st2.st_dev, st.st_dev);
	LT_CHECK_EQ(st2.st_size, st.st_size);
	LT_CHECK_EQ(ts_ns(st2.st_mtim), ts_ns(st.st_mtim));
	close(fd);
	/* The same device for everything in one file system. */
	LT_CHECK_OK(stat(D, &st2));
	LT_CHECK_EQ(st2.st_dev, st.st_dev);
	LT_CHECK(S_ISDIR(st2.st_mode));
	LT_CHECK(st2.st_ino != st.st_ino);
	LT_CHECK_EQ(st2.st_nlink, 2);
	/* An empty file has no blocks. */
	LT_CHECK_OK(lt_put_file(D "/e", "", 0, 0644));
	LT_CHECK_OK(stat(D "/e", &st));
	LT_CHECK_EQ(st.st_size, 0);
	LT_CHECK_EQ(st.st_blocks, 0);
	/* Device nodes and FIFOs. */
	LT_CHECK_OK(mknod(D "/chr", S_IFCHR | 0600, makedev(1, 3)));
	LT_CHECK_OK(stat(D "/chr", &st));
	LT_CHECK_EQ(st.st_mode, S_IFCHR | 0600);
	LT_CHECK_EQ(st.st_rdev, makedev(1, 3));
	LT_CHECK_EQ(st.st_size, 0);
	LT_CHECK_OK(mknod(D "/blk", S_IFBLK | 0600, makedev(7, 0)));
	LT_CHECK_OK(stat(D "/blk", &st));
	LT_CHECK_EQ(st.st_mode, S_IFBLK | 0600);
	LT_CHECK_EQ(major(st.st_rdev), 7);
	LT_CHECK_OK(mknod(D "/fifo", S_IFIFO | 0640, 0));
	LT_CHECK_OK(stat(D "/fifo", &st));
	LT_CHECK_EQ(st.st_mode, S_IFIFO | 0640);
	LT_CHECK_OK(mknod(D "/reg", 0640, 0));		/* type 0 means a regular file */
	LT_CHECK_OK(stat(D "/reg", &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0640);
	/* A directory type is EPERM (use mkdir), an unknown type EINVAL. */
	LT_CHECK_ERR(mknod(D "/bad", S_IFDIR | 0755, 0), EPERM);
	LT_CHECK_ERR(mknod(D "/bad", 0170000 | 0755, 0), EINVAL);
	LT_CHECK_ERR(mknod(D "/bad", 0110000 | 0755, 0), EINVAL);
	LT_CHECK_OK(mknod(D "/sock", S_IFSOCK | 0755, 0));
	LT_CHECK_OK(lstat(D "/sock", &st));
	LT_CHECK_EQ(st.st_mode, S_IFSOCK | 0755);
	unlink(D "/sock");
	LT_CHECK_ERR(mknod(D "/reg", S_IFIFO | 0644, 0), EEXIST);
	unlink(D "/e");
	unlink(D "/chr");
	unlink(D "/blk");
	unlink(D "/fifo");
	unlink(D "/reg");
}

LT_CASE(ino_stable)
{
	struct stat a, b, c;

	LT_CHECK_OK(lt_put_file(D "/i1", "", 0, 0644));
	LT_CHECK_OK(lt_put_file(D "/i2", "", 0, 0644));
	LT_CHECK_OK(stat(D "/i1", &a));
	LT_CHECK_OK(stat(D "/i2", &b));
	LT_CHECK(a.st_ino != b.st_ino);
	LT_CHECK_OK(rename(D "/i1", D "/i3"));
	LT_CHECK_OK(stat(D "/i3", &c));
	LT_CHECK_EQ(c.st_ino, a.st_ino);
	LT_CHECK_OK(link(D "/i3", D "/i4"));
	LT_CHECK_OK(stat(D "/i4", &c));
	LT_CHECK_EQ(c.st_ino, a.st_ino);
	LT_CHECK_EQ(c.st_nlink, 2);
	unlink(D "/i2");
	unlink(D "/i3");
	unlink(D "/i4");
}

LT_CASE(lstat_fstatat)
{
	struct stat st, st2;
	int fd, dfd;

	LT_CHECK_OK(lt_put_file(D "/t", "1234567", 7, 0600));
	LT_CHECK_OK(symlink("t", D "/l"));
	LT_CHECK_OK(lstat(D "/l", &st));
	LT_CHECK_EQ(st.st_mode, S_IFLNK | 0777);
	LT_CHECK_EQ(st.st_size, 1);
	LT_CHECK_OK(stat(D "/l", &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0600);
	LT_CHECK_EQ(st.st_size, 7);
	dfd = open(D, O_RDONLY | O_DIRECTORY);
	LT_CHECK_OK(fstatat(dfd, "l", &st2, 0));
	LT_CHECK_EQ(st2.st_ino, st.st_ino);
	LT_CHECK_OK(fstatat(dfd, "l", &st2, AT_SYMLINK_NOFOLLOW));
	LT_CHECK(S_ISLNK(st2.st_mode));
	/* AT_EMPTY_PATH: the fd itself (a file, or the cwd with AT_FDCWD). */
	fd = open(D "/t", O_RDONLY);
	LT_CHECK_OK(fstatat(fd, "", &st2, AT_EMPTY_PATH));
	LT_CHECK_EQ(st2.st_ino, st.st_ino);
	LT_CHECK_ERR(fstatat(fd, "", &st2, 0), ENOENT);
	LT_CHECK_ERR(fstatat(fd, "x", &st2, 0), ENOTDIR);
	LT_CHECK_OK(chdir(D));
	LT_CHECK_OK(fstatat(AT_FDCWD, "", &st2, AT_EMPTY_PATH));
	LT_CHECK(S_ISDIR(st2.st_mode));
	LT_CHECK_OK(chdir("/"));
	LT_CHECK_ERR(syscall(SYS_newfstatat, dfd, "t", &st2, 0x1), EINVAL);	/* unknown flag */
	LT_CHECK_ERR(syscall(SYS_newfstatat, -1, "t", &st2, 0), EBADF);
	LT_CHECK_OK(syscall(SYS_newfstatat, -1, D "/t", &st2, 0));
	close(fd);
	LT_CHECK_ERR(fstat(fd, &st2), EBADF);
	close(dfd);
	unlink(D "/l");
	unlink(D "/t");
}

LT_CASE(statx_fields)
{
	struct k_statx sx;
	struct stat st;
	int fd;

	LT_CHECK_OK(lt_put_file(D "/x", "abcdefghij", 10, 0640));
	LT_CHECK_OK(symlink("x", D "/xl"));
	LT_CHECK_OK(stat(D "/x", &st));
	memset(&sx, 0xff, sizeof(sx));
	LT_CHECK_OK(statx_(AT_FDCWD, D "/x", 0, STATX_BASIC_STATS, &sx));
	LT_CHECK_EQ(sx.stx_mask & STATX_BASIC_STATS, STATX_BASIC_STATS);
	LT_CHECK_EQ(sx.stx_mode, S_IFREG | 0640);
	LT_CHECK_EQ(sx.stx_nlink, 1);
	LT_CHECK_EQ(sx.stx_uid, 0);
	LT_CHECK_EQ(sx.stx_gid, 0);
	LT_CHECK_EQ(sx.stx_size, 10);
	LT_CHECK_EQ(sx.stx_ino, st.st_ino);
	LT_CHECK_EQ(sx.stx_blocks, st.st_blocks);
	LT_CHECK_EQ(sx.stx_blksize, st.st_blksize);
	LT_CHECK_EQ(makedev(sx.stx_dev_major, sx.stx_dev_minor), st.st_dev);
	LT_CHECK_EQ(stx_ns(sx.stx_mtime), ts_ns(st.st_mtim));
	LT_CHECK_EQ(stx_ns(sx.stx_ctime), ts_ns(st.st_ctim));
	LT_CHECK_EQ(stx_ns(sx.stx_atime), ts_ns(st.st_atim));
	LT_CHECK_EQ(sx.stx_rdev_major, 0);
	LT_CHECK_EQ(sx.__spare0[0], 0);
	/* Links: followed unless AT_SYMLINK_NOFOLLOW. */
	LT_CHECK_OK(statx_(AT_FDCWD, D "/xl", 0, STATX_BASIC_STATS, &sx));
	LT_CHECK_EQ(sx.stx_ino, st.st_ino);
	LT_CHECK_OK(statx_(AT_FDCWD, D "/xl", AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &sx));
	LT_CHECK_EQ(sx.stx_mode, S_IFLNK | 0777);
	LT_CHECK_EQ(sx.stx_size, 1);
	/* An fd with AT_EMPTY_PATH; a mask of 0 is allowed. */
	fd = open(D "/x", O_RDONLY);
	LT_CHECK_OK(statx_(fd, "", AT_EMPTY_PATH, 0, &sx));
	LT_CHECK_EQ(sx.stx_ino, st.st_ino);
	LT_CHECK_EQ(sx.stx_size, 10);			/* filled in anyway */
	LT_CHECK_ERR(statx_(fd, "", 0, STATX_BASIC_STATS, &sx), ENOENT);
	close(fd);
	/* Bad flags and masks. */
	LT_CHECK_ERR(statx_(AT_FDCWD, D "/x", AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC,
			   STATX_BASIC_STATS, &sx), EINVAL);
	LT_CHECK_ERR(statx_(AT_FDCWD, D "/x", 0x1, STATX_BASIC_STATS, &sx), EINVAL);
	LT_CHECK_ERR(statx_(AT_FDCWD, D "/x", 0, 0x80000000U, &sx), EINVAL);	/* STATX__RESERVED */
	LT_CHECK_ERR(statx_(AT_FDCWD, D "/none", 0, STATX_BASIC_STATS, &sx), ENOENT);
	unlink(D "/xl");
	unlink(D "/x");
}

LT_CASE(times_on_write)
{
	struct stat st, st2;
	long long before;
	int fd;

	LT_CHECK_OK(lt_put_file(D "/tw", "abc", 3, 0644));
	LT_CHECK_OK(age(D "/tw"));
	LT_CHECK_OK(stat(D "/tw", &st));
	LT_CHECK_EQ(st.st_mtim.tv_sec, 1000000000);
	LT_CHECK_EQ(st.st_atim.tv_sec, 1000000000);
	before = real_now();
	fd = open(D "/tw", O_WRONLY);
	LT_CHECK_EQ(write(fd, "x", 1), 1);
	LT_CHECK_OK(fstat(fd, &st2));
	LT_CHECK(ts_ns(st2.st_mtim) >= before - SLACK_NS);
	LT_CHECK(ts_ns(st2.st_ctim) >= before - SLACK_NS);
	LT_CHECK(ts_ns(st2.st_mtim) <= real_now() + SLACK_NS);
	LT_CHECK_EQ(st2.st_atim.tv_sec, 1000000000);	/* a write does not read */
	close(fd);
	/* Truncation changes mtime and ctime too. */
	LT_CHECK_OK(age(D "/tw"));
	LT_CHECK_OK(truncate(D "/tw", 1));
	LT_CHECK_OK(stat(D "/tw", &st2));
	LT_CHECK(ts_ns(st2.st_mtim) >= before - SLACK_NS);
	/* An open with O_TRUNC of an already empty file does too. */
	LT_CHECK_OK(truncate(D "/tw", 0));
	LT_CHECK_OK(age(D "/tw"));
	fd = open(D "/tw", O_WRONLY | O_TRUNC);
	close(fd);
	LT_CHECK_OK(stat(D "/tw", &st2));
	LT_CHECK(ts_ns(st2.st_mtim) >= before - SLACK_NS);
	unlink(D "/tw");
}

/* atime: reading a file whose atime is years old updates it (strictatime or relatime). */
LT_CASE(times_on_read)
{
	struct stat st;
	long long before;
	char buf[4];
	int fd;

	LT_CHECK_OK(lt_put_file(D "/tr", "abc", 3, 0644));
	LT_CHECK_OK(age(D "/tr"));
	before = real_now();
	fd = open(D "/tr", O_RDONLY);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_atim.tv_sec, 1000000000);	/* opening is not reading */
	LT_CHECK_EQ(read(fd, buf, sizeof(buf)), 3);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK(ts_ns(st.st_atim) >= before - SLACK_NS);
	LT_CHECK_EQ(st.st_mtim.tv_sec, 1000000000);	/* reading changes nothing else */
	close(fd);
	unlink(D "/tr");
}

LT_CASE(times_on_dir_and_attr)
{
	struct stat st, st2;
	long long before;

	LT_CHECK_OK(mkdir(D "/td", 0755));
	LT_CHECK_OK(age(D "/td"));
	before = real_now();
	/* Creating an entry changes the directory's mtime and ctime. */
	LT_CHECK_OK(lt_put_file(D "/td/f", "", 0, 0644));
	LT_CHECK_OK(stat(D "/td", &st));
	LT_CHECK(ts_ns(st.st_mtim) >= before - SLACK_NS);
	LT_CHECK(ts_ns(st.st_ctim) >= before - SLACK_NS);
	/* chmod changes ctime only. */
	LT_CHECK_OK(age(D "/td/f"));
	LT_CHECK_OK(stat(D "/td/f", &st));
	LT_CHECK_OK(chmod(D "/td/f", 0600));
	LT_CHECK_OK(stat(D "/td/f", &st2));
	LT_CHECK_EQ(st2.st_mtim.tv_sec, 1000000000);
	LT_CHECK(ts_ns(st2.st_ctim) >= ts_ns(st.st_ctim));
	LT_CHECK(ts_ns(st2.st_ctim) >= before - SLACK_NS);
	/* link and unlink change the file's ctime; unlink the dir's mtime. */
	LT_CHECK_OK(age(D "/td"));
	LT_CHECK_OK(unlink(D "/td/f"));
	LT_CHECK_OK(stat(D "/td", &st));
	LT_CHECK(ts_ns(st.st_mtim) >= before - SLACK_NS);
	lt_rm_rf(D "/td");
}

LT_CASE(chmod_family)
{
	struct stat st;
	int fd, dfd;

	LT_CHECK_OK(lt_put_file(D "/c", "", 0, 0644));
	LT_CHECK_OK(chmod(D "/c", 0600));
	LT_CHECK_OK(stat(D "/c", &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0600);
	LT_CHECK_OK(chmod(D "/c", 07777 | S_IFDIR));	/* type bits are ignored */
	LT_CHECK_OK(stat(D "/c", &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 07777);
	fd = open(D "/c", O_RDONLY);
	LT_CHECK_OK(fchmod(fd, 0));			/* read-only fd is fine */
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0);
	close(fd);
	LT_CHECK_ERR(syscall(SYS_fchmod, fd, 0644), EBADF);
	dfd = open(D, O_RDONLY | O_DIRECTORY);
	LT_CHECK_OK(fchmodat(dfd, "c", 0751, 0));
	LT_CHECK_OK(stat(D "/c", &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0751);
	close(dfd);
	/* chmod follows links; the link's own mode never changes. */
	LT_CHECK_OK(symlink("c", D "/cl"));
	LT_CHECK_OK(chmod(D "/cl", 0640));
	LT_CHECK_OK(stat(D "/c", &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0640);
	LT_CHECK_OK(lstat(D "/cl", &st));
	LT_CHECK_EQ(st.st_mode, S_IFLNK | 0777);
	LT_CHECK_ERR(chmod(D "/none", 0644), ENOENT);
	unlink(D "/cl");
	unlink(D "/c");
}

LT_CASE(chown_family)
{
	struct stat st;
	int fd;

	LT_CHECK_OK(lt_put_file(D "/o", "", 0, 0644));
	LT_CHECK_OK(chown(D "/o", 1000, 1001));
	LT_CHECK_OK(stat(D "/o", &st));
	LT_CHECK_EQ(st.st_uid, 1000);
	LT_CHECK_EQ(st.st_gid, 1001);
	LT_CHECK_OK(chown(D "/o", -1, 2000));		/* -1 keeps */
	LT_CHECK_OK(stat(D "/o", &st));
	LT_CHECK_EQ(st.st_uid, 1000);
	LT_CHECK_EQ(st.st_gid, 2000);
	fd = open(D "/o", O_RDONLY);
	LT_CHECK_OK(fchown(fd, 3000, -1));
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_uid, 3000);
	LT_CHECK_EQ(st.st_gid, 2000);
	close(fd);
	LT_CHECK_ERR(syscall(SYS_fchown, fd, 0, 0), EBADF);
	/* lchown and AT_SYMLINK_NOFOLLOW change the link, not the target. */
	LT_CHECK_OK(symlink("o", D "/ol"));
	LT_CHECK_OK(lchown(D "/ol", 5, 6));
	LT_CHECK_OK(lstat(D "/ol", &st));
	LT_CHECK_EQ(st.st_uid, 5);
	LT_CHECK_EQ(st.st_gid, 6);
	LT_CHECK_OK(stat(D "/ol", &st));
	LT_CHECK_EQ(st.st_uid, 3000);
	LT_CHECK_OK(fchownat(AT_FDCWD, D "/ol", 7, 8, AT_SYMLINK_NOFOLLOW));
	LT_CHECK_OK(lstat(D "/ol", &st));
	LT_CHECK_EQ(st.st_uid, 7);
	LT_CHECK_OK(fchownat(AT_FDCWD, D "/ol", 0, 0, 0));	/* follows */
	LT_CHECK_OK(stat(D "/o", &st));
	LT_CHECK_EQ(st.st_uid, 0);
	LT_CHECK_ERR(fchownat(AT_FDCWD, D "/ol", 0, 0, 0x1), EINVAL);
	/* Changing the owner clears set-user-ID, and set-group-ID with group x. */
	LT_CHECK_OK(chmod(D "/o", 06755));
	LT_CHECK_OK(chown(D "/o", 1000, 1000));
	LT_CHECK_OK(stat(D "/o", &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0755);
	LT_CHECK_OK(chmod(D "/o", 06745));		/* set-group-ID without group x: a lock mark */
	LT_CHECK_OK(chown(D "/o", 0, 0));
	LT_CHECK_OK(stat(D "/o", &st));
	LT_CHECK_EQ(st.st_mode, S_IFREG | 02745);
	/* Directories keep both bits. */
	LT_CHECK_OK(mkdir(D "/od", 0755));
	LT_CHECK_OK(chmod(D "/od", 06755));
	LT_CHECK_OK(chown(D "/od", 1000, 1000));
	LT_CHECK_OK(stat(D "/od", &st));
	LT_CHECK_EQ(st.st_mode, S_IFDIR | 06755);
	LT_CHECK_ERR(chown(D "/none", 0, 0), ENOENT);
	rmdir(D "/od");
	unlink(D "/ol");
	unlink(D "/o");
}

LT_CASE(utimensat_calls)
{
	struct timespec t[2];
	struct stat st, st2;
	long long before;
	int fd;

	LT_CHECK_OK(lt_put_file(D "/u", "", 0, 0644));
	t[0] = (struct timespec){ 123456789, 111 };
	t[1] = (struct timespec){ 987654321, 999999999 };
	LT_CHECK_OK(utimensat(AT_FDCWD, D "/u", t, 0));
	LT_CHECK_OK(stat(D "/u", &st));
	LT_CHECK_EQ(st.st_atim.tv_sec, 123456789);
	LT_CHECK_EQ(st.st_atim.tv_nsec, 111);		/* tmpfs keeps nanoseconds */
	LT_CHECK_EQ(st.st_mtim.tv_sec, 987654321);
	LT_CHECK_EQ(st.st_mtim.tv_nsec, 999999999);
	/* UTIME_OMIT leaves one, UTIME_NOW sets the other. */
	before = real_now();
	t[0] = (struct timespec){ 0, UTIME_OMIT };
	t[1] = (struct timespec){ 0, UTIME_NOW };
	LT_CHECK_OK(utimensat(AT_FDCWD, D "/u", t, 0));
	LT_CHECK_OK(stat(D "/u", &st));
	LT_CHECK_EQ(st.st_atim.tv_sec, 123456789);
	LT_CHECK_EQ(st.st_atim.tv_nsec, 111);
	LT_CHECK(ts_ns(st.st_mtim) >= before - SLACK_NS);
	LT_CHECK(ts_ns(st.st_ctim) >= before - SLACK_NS);
	/* NULL means both now. */
	LT_CHECK_OK(utimensat(AT_FDCWD, D "/u", NULL, 0));
	LT_CHECK_OK(stat(D "/u", &st));
	LT_CHECK(ts_ns(st.st_atim) >= before - SLACK_NS);
	/* Both omitted: success, nothing changes, not even ctime. */
	t[0] = (struct timespec){ 5, UTIME_OMIT };
	t[1] = (struct timespec){ 5, UTIME_OMIT };
	LT_CHECK_OK(utimensat(AT_FDCWD, D "/u", t, 0));
	LT_CHECK_OK(stat(D "/u", &st2));
	LT_CHECK_EQ(ts_ns(st2.st_ctim), ts_ns(st.st_ctim));
	/* Bad nanoseconds. */
	t[0] = (struct timespec){ 0, 1000000000 };
	t[1] = (struct timespec){ 0, 0 };
	LT_CHECK_ERR(utimensat(AT_FDCWD, D "/u", t, 0), EINVAL);
	t[0] = (struct timespec){ 0, -1 };
	LT_CHECK_ERR(utimensat(AT_FDCWD, D "/u", t, 0), EINVAL);
	LT_CHECK_ERR(utimensat(AT_FDCWD, D "/u", NULL, 0x1), EINVAL);
	/* A symlink's own times with AT_SYMLINK_NOFOLLOW; the target's without. */
	LT_CHECK_OK(symlink("u", D "/ul"));
	t[0] = (struct timespec){ 1111, 0 };
	t[1] = (struct timespec){ 2222, 0 };
	LT_CHECK_OK(utimensat(AT_FDCWD, D "/ul", t, AT_SYMLINK_NOFOLLOW));
	LT_CHECK_OK(lstat(D "/ul", &st));
	LT_CHECK_EQ(st.st_mtim.tv_sec, 2222);
	LT_CHECK_OK(stat(D "/u", &st));
	LT_CHECK(st.st_mtim.tv_sec != 2222);
	LT_CHECK_OK(utimensat(AT_FDCWD, D "/ul", t, 0));
	LT_CHECK_OK(stat(D "/u", &st));
	LT_CHECK_EQ(st.st_atim.tv_sec, 1111);
	/* The fd form: a NULL path means the fd itself (futimens). */
	fd = open(D "/u", O_RDONLY);
	t[1] = (struct timespec){ 3333, 0 };
	LT_CHECK_OK(syscall(SYS_utimensat, fd, NULL, t, 0));
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_mtim.tv_sec, 3333);
	LT_CHECK_OK(futimens(fd, t));
	close(fd);
	LT_CHECK_ERR(syscall(SYS_utimensat, fd, NULL, t, 0), EBADF);
	LT_CHECK_ERR(utimensat(AT_FDCWD, D "/none", t, 0), ENOENT);
	unlink(D "/ul");
	unlink(D "/u");
}

LT_CASE(statfs_root)
{
	struct statfs sf, sf2;
	int fd;

	LT_CHECK_OK(statfs("/", &sf));
	lt_note("statfs(\"/\"): f_type %#lx, f_bsize %ld, f_namelen %ld",
		(long)sf.f_type, (long)sf.f_bsize, (long)sf.f_namelen);
	LT_CHECK_EQ(sf.f_type, TMPFS_MAGIC);
	LT_CHECK_EQ(sf.f_bsize, 4096);
	LT_CHECK_EQ(sf.f_namelen, 255);
	LT_CHECK(sf.f_files > 0);
	LT_CHECK_OK(statfs(D, &sf2));
	LT_CHECK_EQ(sf2.f_type, TMPFS_MAGIC);
	fd = open(D, O_RDONLY);
	LT_CHECK_OK(fstatfs(fd, &sf2));
	LT_CHECK_EQ(sf2.f_type, TMPFS_MAGIC);
	LT_CHECK_EQ(sf2.f_bsize, sf.f_bsize);
	close(fd);
	LT_CHECK_ERR(fstatfs(fd, &sf2), EBADF);
	LT_CHECK_ERR(statfs(D "/none", &sf2), ENOENT);
}

LT_CASE(access_root)
{
	LT_CHECK_OK(lt_put_file(D "/a0", "", 0, 0));
	LT_CHECK_OK(lt_put_file(D "/a644", "", 0, 0644));
	LT_CHECK_OK(lt_put_file(D "/a100", "", 0, 0100));
	LT_CHECK_OK(mkdir(D "/ad", 0));
	LT_CHECK_OK(access(D "/a0", F_OK));
	LT_CHECK_OK(access(D "/a0", R_OK | W_OK));	/* root reads and writes anything */
	LT_CHECK_ERR(access(D "/a0", X_OK), EACCES);	/* but executes only with some x bit */
	LT_CHECK_ERR(access(D "/a644", X_OK), EACCES);
	LT_CHECK_OK(access(D "/a100", X_OK | R_OK));
	LT_CHECK_OK(access(D "/ad", X_OK | R_OK | W_OK));	/* directories: searchable */
	LT_CHECK_ERR(access(D "/none", F_OK), ENOENT);
	LT_CHECK_ERR(access(D "/a0", 8), EINVAL);
	LT_CHECK_OK(faccessat(AT_FDCWD, D "/a0", R_OK, 0));
	LT_CHECK_ERR(syscall(SYS_faccessat2, AT_FDCWD, D "/a0", R_OK, 0x1), EINVAL);
	LT_CHECK_OK(syscall(SYS_faccessat2, AT_FDCWD, D "/a0", R_OK, AT_EACCESS));
	/* A dangling link: F_OK fails unless AT_SYMLINK_NOFOLLOW. */
	LT_CHECK_OK(symlink("none", D "/adl"));
	LT_CHECK_ERR(syscall(SYS_faccessat2, AT_FDCWD, D "/adl", F_OK, 0), ENOENT);
	LT_CHECK_OK(syscall(SYS_faccessat2, AT_FDCWD, D "/adl", F_OK, AT_SYMLINK_NOFOLLOW));
	/* AT_EMPTY_PATH with an fd. */
	int fd = open(D "/a100", O_RDONLY);
	LT_CHECK_OK(syscall(SYS_faccessat2, fd, "", X_OK, AT_EMPTY_PATH));
	close(fd);
	unlink(D "/adl");
}

/* access() uses the real ids, AT_EACCESS the effective ones. */
LT_CASE(access_real_vs_effective)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(setresuid(1000, 0, 0));
		LT_CHECK_ERR(access(D "/a644", W_OK), EACCES);	/* as uid 1000 */
		LT_CHECK_OK(access(D "/a644", R_OK));
		LT_CHECK_ERR(access(D "/a0", R_OK), EACCES);
		LT_CHECK_OK(syscall(SYS_faccessat2, AT_FDCWD, D "/a644", W_OK, AT_EACCESS));
		LT_CHECK_OK(syscall(SYS_faccessat2, AT_FDCWD, D "/a0", R_OK, AT_EACCESS));
		LT_CHECK_ERR(syscall(SYS_faccessat2, AT_FDCWD, D "/a0", R_OK, 0), EACCES);
		/* ...but opening uses the effective ids. */
		int fd = open(D "/a0", O_RDONLY);
		LT_CHECK(fd >= 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	unlink(D "/a0");
	unlink(D "/a644");
	unlink(D "/a100");
	rmdir(D "/ad");
}

int main(void)
{
	lt_begin("fs_stat");
	if (lt_fs_setup(D)) {
		lt_note("cannot make %s: %s", D, lt_errname(errno));
		return 1;
	}
	LT_RUN(stat_fields);
	LT_RUN(ino_stable);
	LT_RUN(lstat_fstatat);
	LT_RUN(statx_fields);
	LT_RUN(times_on_write);
	LT_RUN(times_on_read);
	LT_RUN(times_on_dir_and_attr);
	LT_RUN(chmod_family);
	LT_RUN(chown_family);
	LT_RUN(utimensat_calls);
	LT_RUN(statfs_root);
	LT_RUN(access_root);
	LT_RUN(access_real_vs_effective);
	lt_fs_cleanup(D);
	return lt_end();
}
