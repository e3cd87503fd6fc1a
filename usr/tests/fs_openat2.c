// SPDX-License-Identifier: GPL-2.0
/*
 * fs_openat2: openat2's struct open_how (any size with zero padding,
 * strict flag and mode checks) and its RESOLVE_ rules: NO_SYMLINKS,
 * NO_MAGICLINKS (/proc/self/exe, fd links; /proc/self is an ordinary
 * link), NO_XDEV at a mount, BENEATH (absolute names, "..", absolute
 * symlinks: EXDEV), IN_ROOT ("/" and ".." stay inside the directory).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_openat2"
#ifndef SYS_openat2
#define SYS_openat2	437
#endif

struct open_how_k {
	uint64_t flags, mode, resolve;
};

#define R_NO_XDEV	0x01
#define R_NO_MAGIC	0x02
#define R_NO_SYM	0x04
#define R_BENEATH	0x08
#define R_IN_ROOT	0x10
#define R_CACHED	0x20

static int dfd;

static long o2(int at, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve)
{
	struct open_how_k how = { flags, mode, resolve };
	long r = lt_syscall(SYS_openat2, at, (long)path, (long)&how, sizeof(how), 0, 0);

	if (r >= 0)
		close(r);
	return r < 0 ? r : 0;
}

LT_CASE(basic_and_sizes)
{
	struct { struct open_how_k h; uint64_t pad; } big = { { O_RDONLY, 0, 0 }, 0 };

	LT_CHECK_EQ(o2(dfd, "f", O_RDWR, 0, 0), 0);
	LT_CHECK_EQ(o2(dfd, "new", O_RDWR | O_CREAT, 0600, 0), 0);
	LT_CHECK(lt_exists(D "/new"));
	LT_CHECK_EQ(lt_syscall(SYS_openat2, dfd, (long)"f", (long)&big, sizeof(big), 0, 0) >= 0, 1);
	big.pad = 1;
	LT_CHECK_EQ(lt_syscall(SYS_openat2, dfd, (long)"f", (long)&big, sizeof(big), 0, 0), -E2BIG);
	LT_CHECK_EQ(lt_syscall(SYS_openat2, dfd, (long)"f", (long)&big, 23, 0, 0), -EINVAL);
	LT_CHECK_EQ(lt_syscall(SYS_openat2, dfd, (long)"f", (long)&big, 0, 0, 0), -EINVAL);
	LT_CHECK_EQ(lt_syscall(SYS_openat2, dfd, (long)"f", 8, 24, 0, 0), -EFAULT);
	LT_CHECK_EQ(lt_syscall(SYS_openat2, dfd, (long)"f", (long)&big, 8192, 0, 0), -E2BIG);
}

LT_CASE(x_strict_flags)
{
	LT_CHECK_EQ(o2(dfd, "f", O_RDONLY, 0600, 0), -EINVAL);	/* mode without O_CREAT */
	LT_CHECK_EQ(o2(dfd, "f", O_RDWR | O_CREAT, 07777 + 1, 0), -EINVAL);
	LT_CHECK_EQ(o2(dfd, "f", 1ULL << 40, 0, 0), -EINVAL);
	LT_CHECK_EQ(o2(dfd, "f", O_RDONLY, 0, 0x40), -EINVAL);
	LT_CHECK_EQ(o2(dfd, "f", O_RDONLY, 0, R_BENEATH | R_IN_ROOT), -EINVAL);
	LT_CHECK_EQ(o2(dfd, "f", O_PATH | O_RDWR, 0, 0), -EINVAL);
	LT_CHECK_EQ(o2(dfd, "f", O_RDWR | O_TRUNC, 0, R_CACHED), -EAGAIN);
	LT_CHECK_EQ(o2(dfd, "f", O_RDONLY, 0, R_CACHED), 0);
	LT_CHECK_EQ(o2(-1, "f", O_RDONLY, 0, 0), -EBADF);
	LT_CHECK_EQ(o2(dfd, NULL, O_RDONLY, 0, 0), -EFAULT);
}

LT_CASE(symlinks)
{
	LT_CHECK_EQ(o2(dfd, "lnk", O_RDONLY, 0, 0), 0);
	LT_CHECK_EQ(o2(dfd, "lnk", O_RDONLY, 0, R_NO_SYM), -ELOOP);
	LT_CHECK_EQ(o2(dfd, "sub/../lnk", O_RDONLY, 0, R_NO_SYM), -ELOOP);
	LT_CHECK_EQ(o2(dfd, "f", O_RDONLY, 0, R_NO_SYM), 0);
	/* Magic links are refused, ordinary ones (even /proc/self) are not. */
	LT_CHECK_EQ(o2(dfd, "proc/self/exe", O_RDONLY, 0, R_NO_MAGIC), -ELOOP);
	LT_CHECK_EQ(o2(dfd, "proc/self/fd/0", O_RDONLY, 0, R_NO_MAGIC), -ELOOP);
	LT_CHECK_EQ(o2(dfd, "proc/self/exe", O_RDONLY, 0, 0), 0);
	LT_CHECK_EQ(o2(dfd, "proc/self/status", O_RDONLY, 0, R_NO_MAGIC), 0);
}

LT_CASE(no_xdev)
{
	LT_CHECK_EQ(o2(dfd, "proc/version", O_RDONLY, 0, R_NO_XDEV), -EXDEV);
	LT_CHECK_EQ(o2(dfd, "proc/version", O_RDONLY, 0, 0), 0);
	LT_CHECK_EQ(o2(dfd, "sub/../f", O_RDONLY, 0, R_NO_XDEV), 0);
	/* From inside the mount, ".." out of it is a crossing too. */
	{
		int pfd = open(D "/proc", O_RDONLY | O_DIRECTORY);

		LT_CHECK(pfd >= 0);
		LT_CHECK_EQ(o2(pfd, "../f", O_RDONLY, 0, R_NO_XDEV), -EXDEV);
		LT_CHECK_EQ(o2(pfd, "version", O_RDONLY, 0, R_NO_XDEV), 0);
		close(pfd);
	}
}

LT_CASE(beneath_and_in_root)
{
	int sub = open(D "/sub", O_RDONLY | O_DIRECTORY);

	LT_CHECK(sub >= 0);
	LT_CHECK_EQ(o2(dfd, "sub/../f", O_RDONLY, 0, R_BENEATH), 0);
	LT_CHECK_EQ(o2(sub, "../f", O_RDONLY, 0, R_BENEATH), -EXDEV);
	LT_CHECK_EQ(o2(sub, D "/f", O_RDONLY, 0, R_BENEATH), -EXDEV);
	LT_CHECK_EQ(o2(dfd, "abs", O_RDONLY, 0, R_BENEATH), -EXDEV);	/* -> /t_openat2/f */
	LT_CHECK_EQ(o2(dfd, "lnk", O_RDONLY, 0, R_BENEATH), 0);	/* relative: fine */
	/* IN_ROOT: "/" is the directory, ".." stops at it. */
	LT_CHECK_EQ(o2(sub, "/g", O_RDONLY, 0, R_IN_ROOT), 0);
	LT_CHECK_EQ(o2(sub, "../../../g", O_RDONLY, 0, R_IN_ROOT), 0);
	LT_CHECK_EQ(o2(sub, "/f", O_RDONLY, 0, R_IN_ROOT), -ENOENT);
	LT_CHECK_EQ(o2(dfd, "abs", O_RDONLY, 0, R_IN_ROOT), -ENOENT);	/* /t_openat2/f inside */
	close(sub);
}

/* O_NOATIME (open, openat2 alike) is for the file's owner only. */
LT_CASE(noatime_needs_owner)
{
	pid_t pid;

	LT_CHECK(open(D "/f", O_RDONLY | O_NOATIME) >= 0);
	pid = fork();
	if (pid == 0) {
		if (setuid(1000))
			_exit(2);
		if (open(D "/f", O_RDONLY | O_NOATIME) != -1 || errno != EPERM)
			_exit(3);
		_exit(o2(dfd, "f", O_RDONLY | O_NOATIME, 0, 0) == -EPERM ? 0 : 4);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("fs_openat2");
	if (lt_fs_setup(D) || lt_put_file(D "/f", "x", 1, 0644) || mkdir(D "/sub", 0755) ||
	    lt_put_file(D "/sub/g", "g", 1, 0644) || symlink("f", D "/lnk") ||
	    symlink(D "/f", D "/abs") || mkdir(D "/proc", 0755) ||
	    mount("proc", D "/proc", "proc", 0, NULL)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	dfd = open(D, O_RDONLY | O_DIRECTORY);
	LT_RUN(basic_and_sizes);
	LT_RUN(x_strict_flags);
	LT_RUN(symlinks);
	LT_RUN(no_xdev);
	LT_RUN(beneath_and_in_root);
	LT_RUN(noatime_needs_owner);
	close(dfd);
	umount(D "/proc");
	lt_fs_cleanup(D);
	return lt_end();
}
