// SPDX-License-Identifier: GPL-2.0
/*
 * proc_fdinfo: /t_fdinfo/proc/self/fdinfo/<fd> shows the position, the open
 * flags in octal (O_CLOEXEC too when the descriptor has it), the mount
 * id and the inode number; the directory lists exactly the open
 * descriptors; a closed descriptor is ENOENT; another user's process is
 * off limits.  procfs is mounted at a directory of the test's own.  And /t_fdinfo/proc/self/fd/<fd>: readlink gives the path, and an
 * open through it reaches the same file.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_fdinfo"
#define F	D "/f"

/* The number after "key:\t" in BUF, or -1. */
static long long field(const char *buf, const char *key, int base)
{
	const char *p = strstr(buf, key);

	return p ? strtoll(p + strlen(key), NULL, base) : -1;
}

LT_CASE(fields)
{
	char path[64], buf[512];
	struct stat st;
	int fd = open(F, O_RDWR | O_CLOEXEC | O_APPEND), plain;

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(lseek(fd, 3, SEEK_SET), 3);
	LT_CHECK_OK(fstat(fd, &st));
	snprintf(path, sizeof(path), "/t_fdinfo/proc/self/fdinfo/%d", fd);
	LT_CHECK(lt_read_file(path, buf, sizeof(buf)) > 0);
	LT_CHECK_EQ(field(buf, "pos:\t", 10), 3);
	LT_CHECK_EQ(field(buf, "flags:\t", 8) & (O_ACCMODE | O_APPEND | O_CLOEXEC),
		    O_RDWR | O_APPEND | O_CLOEXEC);
	LT_CHECK(strstr(buf, "flags:\t0"));
	LT_CHECK_EQ(field(buf, "ino:\t", 10), (long long)st.st_ino);
	LT_CHECK(field(buf, "mnt_id:\t", 10) > 0);
	plain = open(F, O_RDONLY);
	snprintf(path, sizeof(path), "/t_fdinfo/proc/self/fdinfo/%d", plain);
	LT_CHECK(lt_read_file(path, buf, sizeof(buf)) > 0);
	LT_CHECK_EQ(field(buf, "flags:\t", 8) & (O_ACCMODE | O_CLOEXEC), O_RDONLY);
	LT_CHECK_EQ(field(buf, "pos:\t", 10), 0);
	close(plain);
	LT_CHECK(lt_read_file(path, buf, sizeof(buf)) < 0);
	LT_CHECK_EQ(errno, ENOENT);
	close(fd);
}

LT_CASE(listing)
{
	int fd = dup2(0, 77), seen77 = 0, seen78 = 0;
	struct dirent *d;
	DIR *dir;

	LT_CHECK_EQ(fd, 77);
	dir = opendir("/t_fdinfo/proc/self/fdinfo");
	LT_CHECK(dir != NULL);
	while ((d = readdir(dir))) {
		if (!strcmp(d->d_name, "77")) {
			seen77 = 1;
			LT_CHECK_EQ(d->d_type, DT_REG);
		}
		if (!strcmp(d->d_name, "78"))
			seen78 = 1;
	}
	closedir(dir);
	LT_CHECK(seen77 && !seen78);
	close(77);
}

LT_CASE(fd_links)
{
	char path[64], target[256], buf[8];
	int fd = open(F, O_RDONLY), fd2;
	long n;

	LT_CHECK(fd >= 0);
	snprintf(path, sizeof(path), "/t_fdinfo/proc/self/fd/%d", fd);
	n = readlink(path, target, sizeof(target) - 1);
	LT_CHECK(n > 0);
	target[n] = '\0';
	LT_CHECK(!strcmp(target, F));
	fd2 = open(path, O_RDONLY);
	LT_CHECK(fd2 >= 0);
	LT_CHECK_EQ(read(fd2, buf, 5), 5);
	LT_CHECK(!memcmp(buf, "hello", 5));
	close(fd2);
	close(fd);
}

LT_CASE(other_user_denied)
{
	pid_t pid = fork();

	if (pid == 0) {
		char buf[256];

		if (setuid(1000))
			_exit(2);
		/* Our own: fine.  init's (root's): no. */
		if (lt_read_file("/t_fdinfo/proc/self/fdinfo/0", buf, sizeof(buf)) < 0)
			_exit(3);
		if (lt_read_file("/t_fdinfo/proc/1/fdinfo/0", buf, sizeof(buf)) >= 0 || errno != EACCES)
			_exit(4);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("proc_fdinfo");
	if (lt_fs_setup(D) || lt_put_file(F, "hello", 5, 0644) || mkdir(D "/proc", 0755) ||
	    mount("proc", D "/proc", "proc", 0, NULL)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(fields);
	LT_RUN(listing);
	LT_RUN(fd_links);
	LT_RUN(other_user_denied);
	umount(D "/proc");
	lt_fs_cleanup(D);
	return lt_end();
}
