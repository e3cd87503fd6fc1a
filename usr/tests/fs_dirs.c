// SPDX-License-Identifier: GPL-2.0
/*
 * fs_dirs: the name space.  mkdir/rmdir, getdents64, the working
 * directory, unlink, rename/renameat2, hard links, symbolic links and their
 * resolution (loops, relative targets, the 40-link limit), ".." at the
 * root, ENAMETOOLONG, and ENOTDIR in the middle of a path.
 *
 * Everything happens under /t_dirs, removed at the end.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_dirs"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE	1
#define RENAME_EXCHANGE		2
#define RENAME_WHITEOUT		4
#endif

struct k_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static long renameat2_(int ofd, const char *o, int nfd, const char *n, unsigned flags)
{
	return syscall(SYS_renameat2, ofd, o, nfd, n, flags);
}

static ino_t ino_of(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? 0 : st.st_ino;
}

static long nlink_of(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? -1 : (long)st.st_nlink;
}

LT_CASE(mkdir_basic)
{
	struct stat st;
	long parent;
	int dfd;

	parent = nlink_of(D);
	umask(022);
	LT_CHECK_OK(mkdir(D "/a", 0777));
	LT_CHECK_OK(stat(D "/a", &st));
	LT_CHECK_EQ(st.st_mode, S_IFDIR | 0755);
	LT_CHECK_EQ(st.st_nlink, 2);			/* "." and its name */
	LT_CHECK_EQ(nlink_of(D), parent + 1);		/* the new ".." */
	LT_CHECK_ERR(mkdir(D "/a", 0755), EEXIST);
	LT_CHECK_OK(lt_put_file(D "/f", "", 0, 0644));
	LT_CHECK_ERR(mkdir(D "/f", 0755), EEXIST);
	LT_CHECK_ERR(mkdir(D "/f/x", 0755), ENOTDIR);
	LT_CHECK_ERR(mkdir(D "/none/x", 0755), ENOENT);
	LT_CHECK_ERR(mkdir("", 0755), ENOENT);
	LT_CHECK_OK(mkdir(D "/b/", 0755));		/* a trailing slash is fine */
	LT_CHECK_OK(symlink("nowhere", D "/dl"));
	LT_CHECK_ERR(mkdir(D "/dl", 0755), EEXIST);	/* no following at the end */
	LT_CHECK(!lt_exists(D "/nowhere"));
	umask(0);
	LT_CHECK_OK(mkdir(D "/c", 01777));		/* sticky bit kept */
	LT_CHECK_OK(stat(D "/c", &st));
	LT_CHECK_EQ(st.st_mode, S_IFDIR | 01777);
	umask(022);
	dfd = open(D "/a", O_RDONLY | O_DIRECTORY);
	LT_CHECK_OK(mkdirat(dfd, "in", 0700));
	LT_CHECK_OK(stat(D "/a/in", &st));
	LT_CHECK_EQ(st.st_mode, S_IFDIR | 0700);
	LT_CHECK_ERR(mkdirat(-1, "in", 0700), EBADF);
	close(dfd);
	lt_rm_rf(D "/a");
	lt_rm_rf(D "/b");
	lt_rm_rf(D "/c");
	unlink(D "/f");
	unlink(D "/dl");
	LT_CHECK_EQ(nlink_of(D), parent);
}

LT_CASE(rmdir_errors)
{
	long parent = nlink_of(D);

	LT_CHECK_OK(mkdir(D "/r", 0755));
	LT_CHECK_OK(mkdir(D "/r/s", 0755));
	LT_CHECK_ERR(rmdir(D "/r"), ENOTEMPTY);
	LT_CHECK_ERR(rmdir(D "/r/s/."), EINVAL);
	LT_CHECK_ERR(rmdir(D "/r/s/.."), ENOTEMPTY);
	LT_CHECK_OK(chdir(D "/r/s"));
	LT_CHECK_ERR(rmdir("."), EINVAL);
	LT_CHECK_ERR(rmdir(".."), ENOTEMPTY);
	LT_CHECK_OK(chdir("/"));
	LT_CHECK_ERR(rmdir("/"), EBUSY);
	LT_CHECK_ERR(rmdir(D "/none"), ENOENT);
	LT_CHECK_OK(lt_put_file(D "/r/file", "", 0, 0644));
	LT_CHECK_ERR(rmdir(D "/r/file"), ENOTDIR);
	LT_CHECK_OK(symlink("s", D "/r/ls"));
	LT_CHECK_ERR(rmdir(D "/r/ls"), ENOTDIR);	/* a link to a directory */
	LT_CHECK_OK(unlink(D "/r/ls"));
	LT_CHECK_OK(unlink(D "/r/file"));
	LT_CHECK_OK(rmdir(D "/r/s/"));			/* trailing slash */
	LT_CHECK_OK(rmdir(D "/r"));
	LT_CHECK(!lt_exists(D "/r"));
	LT_CHECK_EQ(nlink_of(D), parent);
}

/* Read every entry of the directory open at FD; return how many. */
static int list_dir(int fd, char names[][64], unsigned char *types, ino_t *inos, int max,
		    size_t bufsize)
{
	char buf[4096];
	int n = 0;
	long got;

	while ((got = syscall(SYS_getdents64, fd, buf, bufsize)) > 0) {
		for (long off = 0; off < got;) {
			struct k_dirent64 *d = (void *)(buf + off);

			if (d->d_reclen % 8 || d->d_reclen == 0)
				return -2;
			if (n < max) {
				snprintf(names[n], 64, "%s", d->d_name);
				types[n] = d->d_type;
				inos[n] = d->d_ino;
			}
			n++;
			off += d->d_reclen;
		}
	}
	return got < 0 ? -1 : n;
}

static int find_name(char names[][64], int n, const char *name)
{
	int i, at = -1;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], name)) {
			if (at >= 0)
				return -2;		/* listed twice */
			at = i;
		}
	return at;
}

LT_CASE(getdents64_listing)
{
	static const struct { const char *name; unsigned char type; } want[] = {
		{ ".", DT_DIR }, { "..", DT_DIR }, { "reg", DT_REG }, { "dir", DT_DIR },
		{ "lnk", DT_LNK }, { "fifo", DT_FIFO }, { "chr", DT_CHR },
	};
	char names[64][64];
	unsigned char types[64];
	ino_t inos[64];
	char buf[64];
	int fd, n, i, at;

	LT_CHECK_OK(mkdir(D "/g", 0755));
	LT_CHECK_OK(lt_put_file(D "/g/reg", "x", 1, 0644));
	LT_CHECK_OK(mkdir(D "/g/dir", 0755));
	LT_CHECK_OK(symlink("reg", D "/g/lnk"));
	LT_CHECK_OK(mkfifo(D "/g/fifo", 0644));
	LT_CHECK_OK(mknod(D "/g/chr", S_IFCHR | 0644, makedev(1, 3)));
	for (i = 0; i < 20; i++) {
		snprintf(buf, sizeof(buf), D "/g/many-%02d-%s", i, "padding-padding-padding");
		LT_CHECK_OK(lt_put_file(buf, "", 0, 0644));
	}
	fd = open(D "/g", O_RDONLY | O_DIRECTORY);
	LT_CHECK(fd >= 0);
	n = list_dir(fd, names, types, inos, 64, 4096);
	LT_CHECK_EQ(n, 7 + 20);
	for (i = 0; i < 7; i++) {
		at = find_name(names, n, want[i].name);
		if (at < 0)
			LT_FAIL("%s: %s", want[i].name, at == -1 ? "missing" : "listed twice");
		LT_CHECK_EQ(types[at], want[i].type);
		if (i != 1) {
			snprintf(buf, sizeof(buf), D "/g/%s", want[i].name);
			LT_CHECK_EQ(inos[at], ino_of(buf));
		}
	}
	for (i = 0; i < 20; i++) {
		snprintf(buf, sizeof(buf), "many-%02d-%s", i, "padding-padding-padding");
		LT_CHECK(find_name(names, n, buf) >= 0);
	}
	LT_CHECK_EQ(syscall(SYS_getdents64, fd, buf, sizeof(buf)), 0);	/* at the end */
	/* Rewinding reads the same entries again, even through a tiny buffer. */
	LT_CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	LT_CHECK_EQ(list_dir(fd, names, types, inos, 64, 64), n);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	LT_CHECK_ERR(syscall(SYS_getdents64, fd, buf, 8), EINVAL);	/* no entry fits */
	LT_CHECK_ERR(syscall(SYS_getdents64, fd, buf, 0), EINVAL);
	close(fd);
	fd = open(D "/g/reg", O_RDONLY);
	LT_CHECK_ERR(syscall(SYS_getdents64, fd, buf, sizeof(buf)), ENOTDIR);
	close(fd);
	LT_CHECK_ERR(syscall(SYS_getdents64, fd, buf, sizeof(buf)), EBADF);
	/* An empty directory lists "." and ".." only. */
	fd = open(D "/g/dir", O_RDONLY | O_DIRECTORY);
	LT_CHECK_EQ(list_dir(fd, names, types, inos, 64, 4096), 2);
	/* Once removed, while still open, Linux answers ENOENT. */
	LT_CHECK_OK(rmdir(D "/g/dir"));
	LT_CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	LT_CHECK_ERR(syscall(SYS_getdents64, fd, buf, sizeof(buf)), ENOENT);
	close(fd);
	lt_rm_rf(D "/g");
}

LT_CASE(getcwd_chdir)
{
	char buf[256];
	int fd;

	LT_CHECK_OK(mkdir(D "/w", 0755));
	LT_CHECK_OK(mkdir(D "/w/in", 0755));
	LT_CHECK_OK(chdir(D "/w/in"));
	LT_CHECK_EQ(syscall(SYS_getcwd, buf, sizeof(buf)), sizeof(D "/w/in"));	/* counts the NUL */
	LT_CHECK(!strcmp(buf, D "/w/in"));
	LT_CHECK_ERR(syscall(SYS_getcwd, buf, sizeof(D "/w/in") - 1), ERANGE);
	LT_CHECK_ERR(syscall(SYS_getcwd, buf, 1), ERANGE);
	LT_CHECK_ERR(syscall(SYS_getcwd, buf, 0), ERANGE);
	LT_CHECK_EQ(syscall(SYS_getcwd, buf, sizeof(D "/w/in")), sizeof(D "/w/in"));
	/* Renaming a parent of the cwd shows in getcwd. */
	LT_CHECK_OK(rename(D "/w", D "/w2"));
	LT_CHECK(getcwd(buf, sizeof(buf)) != NULL);
	LT_CHECK(!strcmp(buf, D "/w2/in"));
	LT_CHECK_OK(chdir(".."));
	LT_CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, D "/w2"));
	LT_CHECK_OK(chdir("in/../in/."));
	LT_CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, D "/w2/in"));
	/* fchdir. */
	fd = open(D, O_RDONLY | O_DIRECTORY);
	LT_CHECK_OK(fchdir(fd));
	LT_CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, D));
	close(fd);
	LT_CHECK_OK(lt_put_file(D "/file", "", 0, 0644));
	fd = open(D "/file", O_RDONLY);
	LT_CHECK_ERR(fchdir(fd), ENOTDIR);
	close(fd);
	LT_CHECK_ERR(fchdir(fd), EBADF);
	LT_CHECK_ERR(chdir(D "/file"), ENOTDIR);
	LT_CHECK_ERR(chdir(D "/none"), ENOENT);
	LT_CHECK_ERR(chdir(""), ENOENT);
	/* A removed cwd: getcwd says ENOENT, nothing can be created in it. */
	LT_CHECK_OK(chdir(D "/w2/in"));
	LT_CHECK_OK(rmdir(D "/w2/in"));
	LT_CHECK_ERR(syscall(SYS_getcwd, buf, sizeof(buf)), ENOENT);
	LT_CHECK_ERR(open("x", O_RDWR | O_CREAT, 0644), ENOENT);
	LT_CHECK_ERR(mkdir("x", 0755), ENOENT);
	LT_CHECK_OK(chdir(".."));			/* ".." still leads out */
	LT_CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, D "/w2"));
	LT_CHECK_OK(chdir("/"));
	LT_CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/"));
	LT_CHECK_EQ(syscall(SYS_getcwd, buf, 2), 2);
	unlink(D "/file");
	lt_rm_rf(D "/w2");
}

/*
 * chroot leaves the working directory where it was: outside the new
 * root, getcwd says "(unreachable)/..." (never an absolute name, which
 * realpath would trust: CVE-2018-1000001), and realpath fails.
 */
LT_CASE(getcwd_unreachable)
{
	char buf[256];
	pid_t pid;
	long n;

	LT_CHECK_OK(mkdir(D "/jail", 0755));
	LT_CHECK_OK(mkdir(D "/out", 0755));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(chdir(D "/out"));
		LT_CHECK_OK(chroot(D "/jail"));
		/*
		 * The name runs from the namespace's root, which is not "/"
		 * here when the root filesystem was switched to (an ext2
		 * disk): only its prefix and its tail are fixed.
		 */
		n = syscall(SYS_getcwd, buf, sizeof(buf));
		LT_CHECK(n > 0 && (size_t)n == strlen(buf) + 1);
		LT_CHECK(!strncmp(buf, "(unreachable)/", 14));
		LT_CHECK(n >= (long)sizeof("(unreachable)" D "/out"));
		LT_CHECK(!strcmp(buf + n - sizeof(D "/out"), D "/out"));
		LT_CHECK(realpath(".", NULL) == NULL);
		LT_CHECK_ERR(syscall(SYS_getcwd, buf, sizeof(D "/out")), ERANGE);
		LT_CHECK_OK(chdir("/"));
		LT_CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/"));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	rmdir(D "/jail");
	rmdir(D "/out");
}

LT_CASE(unlink_calls)
{
	int dfd;

	LT_CHECK_OK(mkdir(D "/u", 0755));
	LT_CHECK_OK(lt_put_file(D "/u/f", "", 0, 0644));
	LT_CHECK_OK(symlink("f", D "/u/l"));
	LT_CHECK_OK(unlink(D "/u/l"));			/* the link, not its target */
	LT_CHECK(lt_exists(D "/u/f"));
	LT_CHECK_ERR(unlink(D "/u/f/"), ENOTDIR);
	LT_CHECK_OK(unlink(D "/u/f"));
	LT_CHECK_ERR(unlink(D "/u/f"), ENOENT);
	LT_CHECK_ERR(unlink(D "/u"), EISDIR);		/* Linux: EISDIR, POSIX: EPERM */
	LT_CHECK_ERR(unlink(D "/u/"), EISDIR);
	dfd = open(D, O_RDONLY | O_DIRECTORY);
	LT_CHECK_OK(lt_put_file(D "/u/g", "", 0, 0644));
	LT_CHECK_ERR(unlinkat(dfd, "u/g", AT_REMOVEDIR), ENOTDIR);
	LT_CHECK_ERR(unlinkat(dfd, "u/g", 0x1), EINVAL);	/* unknown flag */
	LT_CHECK_OK(unlinkat(dfd, "u/g", 0));
	LT_CHECK_ERR(unlinkat(dfd, "u", 0), EISDIR);
	LT_CHECK_OK(unlinkat(dfd, "u", AT_REMOVEDIR));
	LT_CHECK(!lt_exists(D "/u"));
	LT_CHECK_ERR(unlinkat(dfd, ".", AT_REMOVEDIR), EINVAL);
	LT_CHECK_ERR(unlink(""), ENOENT);
	close(dfd);
}

LT_CASE(rename_files)
{
	char buf[16];
	int fd;
	ino_t ia;

	LT_CHECK_OK(lt_put_file(D "/ra", "aaa", 3, 0644));
	ia = ino_of(D "/ra");
	LT_CHECK_OK(rename(D "/ra", D "/rb"));
	LT_CHECK(!lt_exists(D "/ra"));
	LT_CHECK_EQ(ino_of(D "/rb"), ia);
	LT_CHECK_ERR(rename(D "/ra", D "/rc"), ENOENT);
	/* Over an existing file: replaced; an open fd keeps the old one. */
	LT_CHECK_OK(lt_put_file(D "/rc", "ccc", 3, 0644));
	fd = open(D "/rc", O_RDONLY);
	LT_CHECK_OK(rename(D "/rb", D "/rc"));
	LT_CHECK_EQ(ino_of(D "/rc"), ia);
	LT_CHECK_EQ(read(fd, buf, 3), 3);
	LT_CHECK(!memcmp(buf, "ccc", 3));
	close(fd);
	LT_CHECK_EQ(lt_get_file(D "/rc", buf, sizeof(buf)), 3);
	LT_CHECK(!strcmp(buf, "aaa"));
	/* To itself, and between two links of one file: nothing happens. */
	LT_CHECK_OK(rename(D "/rc", D "/rc"));
	LT_CHECK_OK(link(D "/rc", D "/rd"));
	LT_CHECK_OK(rename(D "/rc", D "/rd"));
	LT_CHECK(lt_exists(D "/rc"));
	LT_CHECK(lt_exists(D "/rd"));
	LT_CHECK_EQ(nlink_of(D "/rc"), 2);
	/* A symlink is renamed itself, not its target. */
	LT_CHECK_OK(symlink("rc", D "/rl"));
	LT_CHECK_OK(rename(D "/rl", D "/rl2"));
	LT_CHECK_EQ(readlink(D "/rl2", buf, sizeof(buf)), 2);
	LT_CHECK_ERR(rename(D "/rc/", D "/re"), ENOTDIR);
	LT_CHECK_ERR(rename(D "/rc", D "/none/x"), ENOENT);
	LT_CHECK_ERR(rename("", D "/x"), ENOENT);
	unlink(D "/rc");
	unlink(D "/rd");
	unlink(D "/rl2");
}

LT_CASE(rename_dirs)
{
	long pa, pb;

	LT_CHECK_OK(mkdir(D "/A", 0755));
	LT_CHECK_OK(mkdir(D "/B", 0755));
	LT_CHECK_OK(mkdir(D "/A/sub", 0755));
	LT_CHECK_OK(lt_put_file(D "/A/sub/f", "", 0, 0644));
	pa = nlink_of(D "/A");
	pb = nlink_of(D "/B");
	/* Moving a directory moves its ".." and the parents' link counts. */
	LT_CHECK_OK(rename(D "/A/sub", D "/B/sub"));
	LT_CHECK_EQ(nlink_of(D "/A"), pa - 1);
	LT_CHECK_EQ(nlink_of(D "/B"), pb + 1);
	LT_CHECK_EQ(ino_of(D "/B/sub/.."), ino_of(D "/B"));
	LT_CHECK(lt_exists(D "/B/sub/f"));
	/* Over an empty directory: fine; over a non-empty one: ENOTEMPTY. */
	LT_CHECK_OK(mkdir(D "/A/empty", 0755));
	LT_CHECK_OK(rename(D "/B/sub", D "/A/empty"));
	LT_CHECK(lt_exists(D "/A/empty/f"));
	LT_CHECK_OK(mkdir(D "/B/other", 0755));
	LT_CHECK_ERR(rename(D "/B/other", D "/A/empty"), ENOTEMPTY);
	/* Directory over a file and file over a directory. */
	LT_CHECK_OK(lt_put_file(D "/B/file", "", 0, 0644));
	LT_CHECK_ERR(rename(D "/B/other", D "/B/file"), ENOTDIR);
	LT_CHECK_ERR(rename(D "/B/file", D "/B/other"), EISDIR);
	LT_CHECK_ERR(rename(D "/B/file", D "/B/newdir/"), ENOTDIR);
	LT_CHECK_OK(rename(D "/B/other", D "/B/newdir/"));	/* dirs may have a slash */
	/* Into itself or its own subdirectory: EINVAL. */
	LT_CHECK_ERR(rename(D "/A", D "/A/empty/x"), EINVAL);
	LT_CHECK_ERR(rename(D "/A", D "/A/x"), EINVAL);
	/* A directory's new name may not be an ancestor (ENOTEMPTY on Linux). */
	LT_CHECK_ERR(rename(D "/A/empty", D "/A"), ENOTEMPTY);
	LT_CHECK_ERR(rename(D "/A/.", D "/C"), EBUSY);
	LT_CHECK_ERR(rename(D "/A/..", D "/C"), EBUSY);
	/* "." or ".." as the last component is refused before any lookup. */
	LT_CHECK_ERR(rename(D "/C", D "/A/."), EBUSY);
	LT_CHECK_ERR(rename(D "/A/empty", D "/A/."), EBUSY);
	LT_CHECK_ERR(rename("/", D "/C"), EBUSY);
	lt_rm_rf(D "/A");
	lt_rm_rf(D "/B");
}

LT_CASE(renameat2_flags)
{
	char buf[16];
	int dfd;

	dfd = open(D, O_RDONLY | O_DIRECTORY);
	LT_CHECK(dfd >= 0);
	LT_CHECK_OK(lt_put_file(D "/x1", "one", 3, 0644));
	LT_CHECK_OK(lt_put_file(D "/x2", "two", 3, 0644));
	LT_CHECK_ERR(renameat2_(dfd, "x1", dfd, "x2", RENAME_NOREPLACE), EEXIST);
	LT_CHECK_OK(renameat2_(dfd, "x1", dfd, "x3", RENAME_NOREPLACE));
	LT_CHECK_OK(renameat2_(dfd, "x3", AT_FDCWD, D "/x1", 0));
	/* Exchange two files, a file and a directory. */
	LT_CHECK_OK(renameat2_(dfd, "x1", dfd, "x2", RENAME_EXCHANGE));
	LT_CHECK_EQ(lt_get_file(D "/x1", buf, sizeof(buf)), 3);
	LT_CHECK(!strcmp(buf, "two"));
	LT_CHECK_EQ(lt_get_file(D "/x2", buf, sizeof(buf)), 3);
	LT_CHECK(!strcmp(buf, "one"));
	LT_CHECK_OK(mkdir(D "/xd", 0755));
	LT_CHECK_OK(renameat2_(dfd, "x1", dfd, "xd", RENAME_EXCHANGE));
	LT_CHECK(S_ISDIR(({ struct stat st_; stat(D "/x1", &st_); st_.st_mode; })));
	LT_CHECK_EQ(lt_get_file(D "/xd", buf, sizeof(buf)), 3);
	LT_CHECK_ERR(renameat2_(dfd, "x2", dfd, "none", RENAME_EXCHANGE), ENOENT);
	LT_CHECK_ERR(renameat2_(dfd, "x2", dfd, "xd", RENAME_EXCHANGE | RENAME_NOREPLACE), EINVAL);
	LT_CHECK_ERR(renameat2_(dfd, "x2", dfd, "xd", 0x100), EINVAL);
	LT_CHECK_ERR(renameat2_(dfd, "x2", dfd, "x1/in", RENAME_EXCHANGE), ENOENT);
	/* Exchanging a directory with its own child: EINVAL. */
	LT_CHECK_OK(mkdir(D "/x1/child", 0755));
	LT_CHECK_ERR(renameat2_(dfd, "x1", dfd, "x1/child", RENAME_EXCHANGE), EINVAL);
	LT_CHECK_ERR(renameat(-1, "x2", dfd, "x4"), EBADF);
	LT_CHECK_OK(renameat(dfd, "x2", dfd, "x4"));
	close(dfd);
	lt_rm_rf(D "/x1");
	unlink(D "/x4");
	unlink(D "/xd");
}

LT_CASE(hard_links)
{
	struct stat st;
	int fd;

	LT_CHECK_OK(lt_put_file(D "/h1", "data", 4, 0644));
	LT_CHECK_EQ(nlink_of(D "/h1"), 1);
	LT_CHECK_OK(link(D "/h1", D "/h2"));
	LT_CHECK_EQ(nlink_of(D "/h1"), 2);
	LT_CHECK_EQ(nlink_of(D "/h2"), 2);
	LT_CHECK_EQ(ino_of(D "/h1"), ino_of(D "/h2"));
	LT_CHECK_ERR(link(D "/h1", D "/h2"), EEXIST);
	LT_CHECK_ERR(link(D "/none", D "/h3"), ENOENT);
	LT_CHECK_ERR(link(D, D "/dlink"), EPERM);	/* directories: never */
	LT_CHECK_ERR(link(D "/h1/", D "/h3"), ENOTDIR);
	/* linkat: a symlink itself, or with AT_SYMLINK_FOLLOW its target. */
	LT_CHECK_OK(symlink("h1", D "/hs"));
	LT_CHECK_OK(linkat(AT_FDCWD, D "/hs", AT_FDCWD, D "/hs-self", 0));
	LT_CHECK_OK(lstat(D "/hs-self", &st));
	LT_CHECK(S_ISLNK(st.st_mode));
	LT_CHECK_EQ(st.st_nlink, 2);
	LT_CHECK_OK(linkat(AT_FDCWD, D "/hs", AT_FDCWD, D "/h3", AT_SYMLINK_FOLLOW));
	LT_CHECK_EQ(nlink_of(D "/h1"), 3);
	LT_CHECK_ERR(linkat(AT_FDCWD, D "/h1", AT_FDCWD, D "/h4", 0x8000000), EINVAL);
	/* AT_EMPTY_PATH links an open file (root has CAP_DAC_READ_SEARCH). */
	fd = open(D "/h1", O_RDONLY);
	LT_CHECK_OK(linkat(fd, "", AT_FDCWD, D "/h4", AT_EMPTY_PATH));
	LT_CHECK_EQ(nlink_of(D "/h1"), 4);
	LT_CHECK_ERR(linkat(fd, "", AT_FDCWD, D "/h5", 0), ENOENT);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_nlink, 4);
	LT_CHECK_OK(unlink(D "/h1"));
	LT_CHECK_OK(unlink(D "/h3"));
	LT_CHECK_OK(unlink(D "/h4"));
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_nlink, 1);
	close(fd);
	unlink(D "/h2");
	unlink(D "/hs");
	unlink(D "/hs-self");
}

LT_CASE(symlink_readlink)
{
	struct stat st;
	char buf[64];
	int dfd, fd;

	LT_CHECK_OK(symlink("some/target", D "/sl"));
	memset(buf, 'X', sizeof(buf));
	LT_CHECK_EQ(readlink(D "/sl", buf, sizeof(buf)), 11);
	LT_CHECK(!memcmp(buf, "some/targetX", 12));	/* no NUL added */
	memset(buf, 'X', sizeof(buf));
	LT_CHECK_EQ(readlink(D "/sl", buf, 4), 4);	/* truncated, no error */
	LT_CHECK(!memcmp(buf, "someX", 5));
	LT_CHECK_ERR(syscall(SYS_readlink, D "/sl", buf, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_readlink, D "/sl", buf, -1), EINVAL);
	LT_CHECK_OK(lstat(D "/sl", &st));
	LT_CHECK_EQ(st.st_size, 11);
	LT_CHECK_EQ(st.st_mode, S_IFLNK | 0777);	/* umask does not apply */
	LT_CHECK_ERR(readlink(D, buf, sizeof(buf)), EINVAL);
	LT_CHECK_ERR(readlink(D "/none", buf, sizeof(buf)), ENOENT);
	LT_CHECK_ERR(symlink("x", D "/sl"), EEXIST);
	LT_CHECK_ERR(symlink("", D "/empty"), ENOENT);
	LT_CHECK_ERR(symlink("x", D "/none/sl"), ENOENT);
	/* readlinkat relative to a dirfd, and of an O_PATH link fd. */
	dfd = open(D, O_RDONLY | O_DIRECTORY);
	LT_CHECK_EQ(readlinkat(dfd, "sl", buf, sizeof(buf)), 11);
	LT_CHECK_OK(symlinkat("/abs/path", dfd, "sl2"));
	LT_CHECK_EQ(readlinkat(AT_FDCWD, D "/sl2", buf, sizeof(buf)), 9);
	LT_CHECK(!memcmp(buf, "/abs/path", 9));
	fd = open(D "/sl2", O_PATH | O_NOFOLLOW);
	LT_CHECK_EQ(readlinkat(fd, "", buf, sizeof(buf)), 9);
	close(fd);
	LT_CHECK_ERR(readlinkat(dfd, "", buf, sizeof(buf)), ENOENT);	/* a directory */
	close(dfd);
	/* A trailing slash follows the link: readlink of "sl/" fails. */
	LT_CHECK_ERR(readlink(D "/sl/", buf, sizeof(buf)), ENOENT);
	unlink(D "/sl");
	unlink(D "/sl2");
}

LT_CASE(symlink_loops)
{
	char name[64], target[64];
	struct stat st;
	int i, fd;

	LT_CHECK_OK(symlink("loopb", D "/loopa"));
	LT_CHECK_OK(symlink("loopa", D "/loopb"));
	LT_CHECK_OK(symlink("self", D "/self"));
	LT_CHECK_ERR(open(D "/loopa", O_RDONLY), ELOOP);
	LT_CHECK_ERR(stat(D "/self", &st), ELOOP);
	LT_CHECK_ERR(open(D "/self/x", O_RDONLY), ELOOP);
	LT_CHECK_ERR(open(D "/self", O_RDWR | O_CREAT, 0644), ELOOP);
	LT_CHECK_ERR(chdir(D "/loopa"), ELOOP);
	LT_CHECK_OK(lstat(D "/self", &st));		/* the link itself is fine */
	/* 40 links in a chain resolve; 41 are too many. */
	LT_CHECK_OK(lt_put_file(D "/l0", "end", 3, 0644));
	for (i = 1; i <= 41; i++) {
		snprintf(name, sizeof(name), D "/l%d", i);
		snprintf(target, sizeof(target), "l%d", i - 1);
		LT_CHECK_OK(symlink(target, name));
	}
	fd = open(D "/l40", O_RDONLY);
	LT_CHECK(fd >= 0);
	close(fd);
	LT_CHECK_ERR(open(D "/l41", O_RDONLY), ELOOP);
	for (i = 0; i <= 41; i++) {
		snprintf(name, sizeof(name), D "/l%d", i);
		unlink(name);
	}
	unlink(D "/loopa");
	unlink(D "/loopb");
	unlink(D "/self");
}

LT_CASE(symlink_resolution)
{
	char buf[64];
	struct stat st;

	LT_CHECK_OK(mkdir(D "/s", 0755));
	LT_CHECK_OK(mkdir(D "/s/deep", 0755));
	LT_CHECK_OK(lt_put_file(D "/s/file", "F", 1, 0644));
	/* Relative targets resolve from the link's directory, not the cwd. */
	LT_CHECK_OK(symlink("../file", D "/s/deep/rel"));
	LT_CHECK_EQ(lt_get_file(D "/s/deep/rel", buf, sizeof(buf)), 1);
	LT_CHECK_OK(chdir(D "/s/deep"));
	LT_CHECK_EQ(lt_get_file("rel", buf, sizeof(buf)), 1);
	LT_CHECK_OK(chdir("/"));
	/* Absolute targets, links to directories in the middle of a path. */
	LT_CHECK_OK(symlink(D "/s", D "/abs"));
	LT_CHECK_EQ(lt_get_file(D "/abs/file", buf, sizeof(buf)), 1);
	LT_CHECK_OK(symlink("s/deep", D "/dirl"));
	LT_CHECK_EQ(lt_get_file(D "/dirl/rel", buf, sizeof(buf)), 1);
	/* ".." after a link goes up from the link's target (physical). */
	LT_CHECK_EQ(lt_get_file(D "/dirl/../file", buf, sizeof(buf)), 1);
	LT_CHECK_OK(stat(D "/dirl/", &st));		/* a trailing slash follows */
	LT_CHECK(S_ISDIR(st.st_mode));
	LT_CHECK_OK(lstat(D "/dirl/", &st));
	LT_CHECK(S_ISDIR(st.st_mode));
	LT_CHECK_OK(lstat(D "/dirl", &st));
	LT_CHECK(S_ISLNK(st.st_mode));
	/* A link to a file used as a directory. */
	LT_CHECK_OK(symlink("s/file", D "/fl"));
	LT_CHECK_ERR(stat(D "/fl/", &st), ENOTDIR);
	LT_CHECK_ERR(open(D "/fl/x", O_RDONLY), ENOTDIR);
	/* A dangling link: stat ENOENT, lstat fine. */
	LT_CHECK_OK(symlink("s/none", D "/dang"));
	LT_CHECK_ERR(stat(D "/dang", &st), ENOENT);
	LT_CHECK_OK(lstat(D "/dang", &st));
	lt_rm_rf(D "/s");
	unlink(D "/abs");
	unlink(D "/dirl");
	unlink(D "/fl");
	unlink(D "/dang");
}

LT_CASE(dotdot_at_root)
{
	char buf[64];
	ino_t root = ino_of("/");

	LT_CHECK(root != 0);
	LT_CHECK_EQ(ino_of("/.."), root);
	LT_CHECK_EQ(ino_of("/../../.."), root);
	LT_CHECK_EQ(ino_of("//"), root);
	LT_CHECK_EQ(ino_of(D "/../.."), root);
	LT_CHECK_EQ(ino_of("/../" D + 1), ino_of(D));
	LT_CHECK_OK(chdir("/"));
	LT_CHECK_OK(chdir(".."));
	LT_CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/"));
	LT_CHECK_OK(chdir(D "/../../.." D));
	LT_CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, D));
	LT_CHECK_EQ(ino_of("."), ino_of(D));
	LT_CHECK_EQ(ino_of(".."), root);
	LT_CHECK_OK(chdir("/"));
	LT_CHECK_EQ(ino_of(D "//./"), ino_of(D));
}

LT_CASE(name_too_long)
{
	static char path[8192];
	char name[300];
	struct stat st;
	size_t len;
	int fd;

	memset(name, 'n', 256);
	name[256] = '\0';
	snprintf(path, sizeof(path), D "/%s", name);
	LT_CHECK_ERR(open(path, O_RDWR | O_CREAT, 0644), ENAMETOOLONG);
	LT_CHECK_ERR(mkdir(path, 0755), ENAMETOOLONG);
	LT_CHECK_ERR(stat(path, &st), ENAMETOOLONG);
	LT_CHECK_ERR(symlink("x", path), ENAMETOOLONG);
	LT_CHECK_ERR(unlink(path), ENAMETOOLONG);
	/* The long component in the middle of a path counts too. */
	strcat(path, "/x");
	LT_CHECK_ERR(stat(path, &st), ENAMETOOLONG);
	/* 255 bytes is the longest name. */
	name[255] = '\0';
	snprintf(path, sizeof(path), D "/%s", name);
	fd = open(path, O_RDWR | O_CREAT, 0644);
	LT_CHECK(fd >= 0);
	close(fd);
	LT_CHECK_OK(unlink(path));
	/* A path of 4095 bytes (+ NUL) is fine, 4096 is too long. */
	len = 4095 - strlen(D "/");
	memset(path, '/', len);
	strcpy(path + len, D "/");
	LT_CHECK_EQ(strlen(path), 4095);
	LT_CHECK_OK(stat(path, &st));
	LT_CHECK(S_ISDIR(st.st_mode));
	strcat(path, "/");
	LT_CHECK_ERR(stat(path, &st), ENAMETOOLONG);
	memset(path, '/', 6000);
	path[6000] = '\0';
	LT_CHECK_ERR(stat(path, &st), ENAMETOOLONG);
	LT_CHECK_ERR(chdir(path), ENAMETOOLONG);
	/* A symlink target of 4095 bytes is accepted, 4096 is not. */
	memset(path, 'a', 4096);
	path[4095] = '\0';
	LT_CHECK_OK(symlink(path, D "/longl"));
	LT_CHECK_EQ(lt_file_size(D "/longl"), 4095);
	path[4095] = 'a';
	path[4096] = '\0';
	LT_CHECK_ERR(symlink(path, D "/longl2"), ENAMETOOLONG);
	unlink(D "/longl");
}

LT_CASE(enotdir_middle)
{
	char buf[8];
	struct stat st;

	LT_CHECK_OK(lt_put_file(D "/nf", "x", 1, 0644));
	LT_CHECK_ERR(stat(D "/nf/x", &st), ENOTDIR);
	LT_CHECK_ERR(stat(D "/nf/x/y", &st), ENOTDIR);
	LT_CHECK_ERR(lstat(D "/nf/", &st), ENOTDIR);
	LT_CHECK_ERR(open(D "/nf/x", O_RDONLY), ENOTDIR);
	LT_CHECK_ERR(mkdir(D "/nf/x", 0755), ENOTDIR);
	LT_CHECK_ERR(rmdir(D "/nf/x"), ENOTDIR);
	LT_CHECK_ERR(unlink(D "/nf/x"), ENOTDIR);
	LT_CHECK_ERR(rename(D "/nf/x", D "/y"), ENOTDIR);
	LT_CHECK_ERR(rename(D "/nf", D "/nf/y"), ENOTDIR);
	LT_CHECK_ERR(link(D "/nf", D "/nf/y"), ENOTDIR);
	LT_CHECK_ERR(symlink("t", D "/nf/y"), ENOTDIR);
	LT_CHECK_ERR(readlink(D "/nf/y", buf, sizeof(buf)), ENOTDIR);
	LT_CHECK_ERR(chdir(D "/nf/.."), ENOTDIR);	/* no lexical ".." */
	LT_CHECK_ERR(stat(D "/nf/.", &st), ENOTDIR);
	/* A missing component before a file: ENOENT wins. */
	LT_CHECK_ERR(stat(D "/none/nf", &st), ENOENT);
	unlink(D "/nf");
}

int main(void)
{
	lt_begin("fs_dirs");
	if (lt_fs_setup(D)) {
		lt_note("cannot make %s: %s", D, lt_errname(errno));
		return 1;
	}
	LT_RUN(mkdir_basic);
	LT_RUN(rmdir_errors);
	LT_RUN(getdents64_listing);
	LT_RUN(getcwd_chdir);
	LT_RUN(getcwd_unreachable);
	LT_RUN(unlink_calls);
	LT_RUN(rename_files);
	LT_RUN(rename_dirs);
	LT_RUN(renameat2_flags);
	LT_RUN(hard_links);
	LT_RUN(symlink_readlink);
	LT_RUN(symlink_loops);
	LT_RUN(symlink_resolution);
	LT_RUN(dotdot_at_root);
	LT_RUN(name_too_long);
	LT_RUN(enotdir_middle);
	chdir("/");
	lt_fs_cleanup(D);
	return lt_end();
}
