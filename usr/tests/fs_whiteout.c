// SPDX-License-Identifier: GPL-2.0
/*
 * fs_whiteout: renameat2 with RENAME_WHITEOUT on tmpfs (overlayfs's
 * rename): the file moves, and its old name becomes a whiteout, a
 * character device 0/0, listed and removable like any name; with
 * RENAME_EXCHANGE it is EINVAL; as since Linux 5.8, an unprivileged
 * user may make one (no CAP_MKNOD needed).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_whiteout"
#define WHITEOUT	(1 << 2)
#define EXCHANGE	(1 << 1)
#define NOREPLACE	(1 << 0)

static long r2(const char *a, const char *b, unsigned flags)
{
	return lt_syscall(SYS_renameat2, AT_FDCWD, (long)a, AT_FDCWD, (long)b, flags, 0);
}

LT_CASE(whiteout_left_behind)
{
	char buf[8];
	struct stat st;

	LT_CHECK_OK(lt_put_file(D "/a", "data", 4, 0644));
	LT_CHECK_EQ(r2(D "/a", D "/b", WHITEOUT), 0);
	LT_CHECK_EQ(lt_get_file(D "/b", buf, sizeof(buf)), 4);
	LT_CHECK_OK(lstat(D "/a", &st));
	LT_CHECK(S_ISCHR(st.st_mode));
	LT_CHECK_EQ(st.st_rdev, makedev(0, 0));
	/* Over an existing target, with NOREPLACE refused first. */
	LT_CHECK_OK(lt_put_file(D "/c", "c", 1, 0644));
	LT_CHECK_EQ(r2(D "/b", D "/c", WHITEOUT | NOREPLACE), -EEXIST);
	LT_CHECK_EQ(r2(D "/b", D "/c", WHITEOUT), 0);
	LT_CHECK_EQ(lt_get_file(D "/c", buf, sizeof(buf)), 4);
	LT_CHECK_OK(lstat(D "/b", &st));
	LT_CHECK(S_ISCHR(st.st_mode));
	LT_CHECK_OK(unlink(D "/a"));
	LT_CHECK_OK(unlink(D "/b"));
	LT_CHECK_OK(unlink(D "/c"));
}

LT_CASE(x_errors)
{
	pid_t pid;

	LT_CHECK_OK(lt_put_file(D "/x", "x", 1, 0644));
	LT_CHECK_OK(lt_put_file(D "/y", "y", 1, 0644));
	LT_CHECK_EQ(r2(D "/x", D "/y", WHITEOUT | EXCHANGE), -EINVAL);
	LT_CHECK_EQ(r2(D "/nope", D "/z", WHITEOUT), -ENOENT);
	LT_CHECK_OK(chmod(D, 0777));
	pid = fork();
	if (pid == 0) {
		if (setuid(1000))
			_exit(2);
		_exit(r2(D "/x", D "/z", WHITEOUT) == 0 ? 0 : 3);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK(lt_exists(D "/x") && lt_exists(D "/z"));
}

int main(void)
{
	lt_begin("fs_whiteout");
	if (lt_fs_setup(D)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(whiteout_left_behind);
	LT_RUN(x_errors);
	lt_fs_cleanup(D);
	return lt_end();
}
