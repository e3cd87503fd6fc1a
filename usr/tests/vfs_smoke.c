// SPDX-License-Identifier: GPL-2.0
/*
 * vfs_smoke: a quick pass over the file system calls on the root tmpfs:
 * create, write, read, stat, readdir, rename, unlink, symlinks, links,
 * permissions, descriptors.  The full file-call suite lives elsewhere;
 * this one catches a broken VFS in seconds.  Works in /tmp/vfs_smoke
 * (made here), so it runs on Linux's initramfs too.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define DIR_ "/tmp/vfs_smoke"

LT_CASE(create_write_read)
{
	char buf[64];
	int fd;

	fd = open(DIR_ "/a", O_CREAT | O_EXCL | O_RDWR, 0644);
	LT_CHECK_OK(fd);
	LT_CHECK_EQ(write(fd, "hello world", 11), 11);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	LT_CHECK_EQ(read(fd, buf, sizeof(buf)), 11);
	LT_CHECK(!memcmp(buf, "hello world", 11));
	LT_CHECK_EQ(pread(fd, buf, 5, 6), 5);
	LT_CHECK(!memcmp(buf, "world", 5));
	LT_CHECK_ERR(open(DIR_ "/a", O_CREAT | O_EXCL | O_RDWR, 0644), EEXIST);
	LT_CHECK_OK(close(fd));
	LT_CHECK_ERR(close(fd), EBADF);
}

LT_CASE(holes_and_truncate)
{
	char buf[16];
	struct stat st;
	int fd = open(DIR_ "/sparse", O_CREAT | O_RDWR | O_TRUNC, 0600);

	LT_CHECK_OK(fd);
	LT_CHECK_EQ(pwrite(fd, "x", 1, 100000), 1);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_size, 100001);
	LT_CHECK_EQ(pread(fd, buf, 4, 5000), 4);
	LT_CHECK(!memcmp(buf, "\0\0\0\0", 4));
	LT_CHECK_OK(ftruncate(fd, 3));
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), 3);
	LT_CHECK_OK(ftruncate(fd, 10));
	LT_CHECK_EQ(pread(fd, buf, 16, 0), 10);
	LT_CHECK_OK(close(fd));
	LT_CHECK_OK(unlink(DIR_ "/sparse"));
}

LT_CASE(stat_and_dirs)
{
	struct stat st;

	LT_CHECK_OK(mkdir(DIR_ "/d", 0755));
	LT_CHECK_ERR(mkdir(DIR_ "/d", 0755), EEXIST);
	LT_CHECK_OK(stat(DIR_ "/d", &st));
	LT_CHECK(S_ISDIR(st.st_mode));
	LT_CHECK_EQ(st.st_nlink, 2);
	LT_CHECK_OK(mkdir(DIR_ "/d/sub", 0700));
	LT_CHECK_OK(stat(DIR_ "/d", &st));
	LT_CHECK_EQ(st.st_nlink, 3);
	LT_CHECK_ERR(rmdir(DIR_ "/d"), ENOTEMPTY);
	LT_CHECK_ERR(unlink(DIR_ "/d"), EISDIR);
	LT_CHECK_ERR(stat(DIR_ "/nope", &st), ENOENT);
	LT_CHECK_ERR(stat(DIR_ "/a/x", &st), ENOTDIR);
	LT_CHECK_ERR(open(DIR_ "/d", O_WRONLY), EISDIR);
	LT_CHECK_ERR(open(DIR_ "/a", O_RDONLY | O_DIRECTORY), ENOTDIR);
	LT_CHECK_OK(rmdir(DIR_ "/d/sub"));
	LT_CHECK_OK(rmdir(DIR_ "/d"));
}

LT_CASE(readdir)
{
	DIR *d;
	struct dirent *e;
	int seen = 0;

	LT_CHECK_OK(close(open(DIR_ "/r1", O_CREAT | O_WRONLY, 0600)));
	LT_CHECK_OK(close(open(DIR_ "/r2", O_CREAT | O_WRONLY, 0600)));
	d = opendir(DIR_);
	LT_CHECK(d != NULL);
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, "."))
			seen |= 1;
		else if (!strcmp(e->d_name, ".."))
			seen |= 2;
		else if (!strcmp(e->d_name, "r1") && e->d_type == DT_REG)
			seen |= 4;
		else if (!strcmp(e->d_name, "r2"))
			seen |= 8;
	}
	closedir(d);
	LT_CHECK_EQ(seen, 15);
	LT_CHECK_OK(unlink(DIR_ "/r1"));
	LT_CHECK_OK(unlink(DIR_ "/r2"));
}

LT_CASE(rename_and_links)
{
	struct stat st;
	char buf[PATH_MAX];

	LT_CHECK_OK(close(open(DIR_ "/old", O_CREAT | O_WRONLY, 0600)));
	LT_CHECK_OK(rename(DIR_ "/old", DIR_ "/new"));
	LT_CHECK_ERR(access(DIR_ "/old", F_OK), ENOENT);
	LT_CHECK_OK(link(DIR_ "/new", DIR_ "/hard"));
	LT_CHECK_OK(stat(DIR_ "/new", &st));
	LT_CHECK_EQ(st.st_nlink, 2);
	LT_CHECK_OK(symlink("new", DIR_ "/sym"));
	LT_CHECK_EQ(readlink(DIR_ "/sym", buf, sizeof(buf)), 3);
	LT_CHECK_OK(lstat(DIR_ "/sym", &st));
	LT_CHECK(S_ISLNK(st.st_mode));
	LT_CHECK_OK(stat(DIR_ "/sym", &st));
	LT_CHECK(S_ISREG(st.st_mode));
	LT_CHECK_ERR(open(DIR_ "/sym", O_RDONLY | O_NOFOLLOW), ELOOP);
	LT_CHECK_OK(symlink("loop", DIR_ "/loop"));
	LT_CHECK_ERR(open(DIR_ "/loop", O_RDONLY), ELOOP);
	LT_CHECK_OK(mkdir(DIR_ "/rd", 0755));
	LT_CHECK_ERR(rename(DIR_ "/rd", DIR_ "/rd/in"), EINVAL);
	LT_CHECK_ERR(rename(DIR_ "/new", DIR_ "/rd"), EISDIR);
	LT_CHECK_OK(rename(DIR_ "/new", DIR_ "/rd/moved"));
	LT_CHECK_OK(unlink(DIR_ "/rd/moved"));
	LT_CHECK_OK(rmdir(DIR_ "/rd"));
	LT_CHECK_OK(unlink(DIR_ "/hard"));
	LT_CHECK_OK(unlink(DIR_ "/sym"));
	LT_CHECK_OK(unlink(DIR_ "/loop"));
}

LT_CASE(cwd_and_dirfd)
{
	char buf[PATH_MAX];
	int dfd;

	LT_CHECK_OK(chdir(DIR_));
	LT_CHECK(getcwd(buf, sizeof(buf)) != NULL);
	LT_CHECK(!strcmp(buf, DIR_));
	LT_CHECK_OK(chdir(".."));
	LT_CHECK(getcwd(buf, sizeof(buf)) != NULL);
	LT_CHECK(!strcmp(buf, "/tmp"));
	dfd = open(DIR_, O_RDONLY | O_DIRECTORY);
	LT_CHECK_OK(dfd);
	LT_CHECK_OK(mkdirat(dfd, "at", 0700));
	LT_CHECK_OK(faccessat(dfd, "at", X_OK, 0));
	LT_CHECK_OK(unlinkat(dfd, "at", AT_REMOVEDIR));
	LT_CHECK_OK(close(dfd));
	LT_CHECK_OK(chdir("/"));
}

LT_CASE(permissions_as_user)
{
	pid_t pid;
	int fd;

	fd = open(DIR_ "/secret", O_CREAT | O_WRONLY, 0600);
	LT_CHECK_OK(fd);
	LT_CHECK_OK(close(fd));
	pid = fork();
	LT_CHECK_OK(pid);
	if (pid == 0) {
		if (setgid(1000) || setuid(1000))
			_exit(LT_CHILD_FAILED);
		if (open(DIR_ "/secret", O_RDONLY) != -1 || errno != EACCES)
			_exit(LT_CHILD_FAILED);
		if (unlink(DIR_ "/secret") != -1 || errno != EACCES)
			_exit(LT_CHILD_FAILED);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(unlink(DIR_ "/secret"));
}

LT_CASE(descriptors)
{
	int fd, fd2;

	/* A 1:3 node of our own: the initramfs need not have /dev/null. */
	LT_CHECK_OK(mknod(DIR_ "/null", S_IFCHR | 0666, makedev(1, 3)));
	fd = open(DIR_ "/null", O_RDWR);
	LT_CHECK_OK(fd);
	LT_CHECK_OK(unlink(DIR_ "/null"));
	fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 40);
	LT_CHECK_EQ(fd2, 40);
	LT_CHECK_EQ(fcntl(fd2, F_GETFD), FD_CLOEXEC);
	LT_CHECK_EQ(dup2(fd, 41), 41);
	LT_CHECK_EQ(fcntl(41, F_GETFD), 0);
	LT_CHECK_EQ(write(41, "x", 1), 1);
	LT_CHECK_EQ(read(fd, &fd2, 1), 0);
	LT_CHECK_OK(close(40));
	LT_CHECK_OK(close(41));
	LT_CHECK_OK(close(fd));
	LT_CHECK_ERR(dup(12345), EBADF);
}

int main(void)
{
	lt_begin("vfs_smoke");
	mkdir("/tmp", 01777);
	mkdir(DIR_, 0755);
	LT_RUN(create_write_read);
	LT_RUN(holes_and_truncate);
	LT_RUN(stat_and_dirs);
	LT_RUN(readdir);
	LT_RUN(rename_and_links);
	LT_RUN(cwd_and_dirfd);
	LT_RUN(permissions_as_user);
	LT_RUN(descriptors);
	unlink(DIR_ "/a");
	rmdir(DIR_);
	return lt_end();
}
