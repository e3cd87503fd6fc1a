// SPDX-License-Identifier: GPL-2.0
/*
 * block/ext2-xattr's writer, run in the VM on a mounted ext2: leaves
 * known extended attributes on a file, a directory and a fast symlink
 * (several namespaces, a value of a few hundred bytes, a replaced one),
 * and sets and then removes some elsewhere, so that e2fsck and debugfs on
 * the host can check every block Lantern wrote and every one it freed.
 * Prints "xattr-set: ok" or what failed.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

static int fail(const char *what)
{
	perror(what);
	return 1;
}

int main(int argc, char **argv)
{
	char big[300], path[256], buf[400];
	const char *d = argc > 1 ? argv[1] : ".";
	int i, fd;

	for (i = 0; i < (int)sizeof(big); i++)
		big[i] = 'a' + i % 26;
	snprintf(path, sizeof(path), "%s/f", d);
	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "data\n", 5) != 5 || close(fd))
		return fail("create f");
	if (setxattr(path, "user.a", "first", 5, 0) || setxattr(path, "user.a", "hello", 5, XATTR_REPLACE) ||
	    setxattr(path, "trusted.t", big, sizeof(big), 0) ||
	    setxattr(path, "security.s", "sec", 3, 0) || setxattr(path, "user.empty", "", 0, 0))
		return fail("setxattr f");
	if (getxattr(path, "trusted.t", buf, sizeof(buf)) != (ssize_t)sizeof(big) || memcmp(buf, big, sizeof(big)))
		return fail("getxattr f");
	snprintf(path, sizeof(path), "%s/d", d);
	if (mkdir(path, 0755) || setxattr(path, "user.d", "dir", 3, 0))
		return fail("d");
	snprintf(path, sizeof(path), "%s/l", d);
	if (symlink("f", path) || lsetxattr(path, "trusted.l", "link", 4, 0))
		return fail("l");
	if (readlink(path, buf, sizeof(buf)) != 1 || buf[0] != 'f')
		return fail("readlink l");
	/* an attribute block that must be freed again: emptied, and with its inode */
	snprintf(path, sizeof(path), "%s/g", d);
	fd = open(path, O_CREAT | O_WRONLY, 0644);
	if (fd < 0 || close(fd) || setxattr(path, "user.gone", "x", 1, 0) || removexattr(path, "user.gone"))
		return fail("g");
	snprintf(path, sizeof(path), "%s/h", d);
	fd = open(path, O_CREAT | O_WRONLY, 0644);
	if (fd < 0 || close(fd) || setxattr(path, "user.x", "y", 1, 0) || unlink(path))
		return fail("h");
	sync();
	printf("xattr-set: ok\n");
	return 0;
}
