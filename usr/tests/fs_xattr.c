// SPDX-License-Identifier: GPL-2.0
/*
 * fs_xattr: extended attributes on tmpfs.  set/get/list/remove in the
 * path, l- (symlink itself) and f- (descriptor) forms; trusted.* and
 * security.* names; XATTR_CREATE/XATTR_REPLACE; size 0 asking for the
 * size; ERANGE for small buffers and bad names, E2BIG for big values,
 * ENODATA for missing ones, EOPNOTSUPP for unknown namespaces; trusted.*
 * hidden from and refused to an unprivileged user.  user.* is checked
 * where the kernel has it on tmpfs (Lantern, Linux 6.6 and later; Linux
 * 6.1 says EOPNOTSUPP): regular files and directories only.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_xattr"
#define F	D "/f"
#define L	D "/l"

static int has_user_xattr;

/* Is NAME in the NUL-separated LIST of LEN bytes? */
static int in_list(const char *list, long len, const char *name)
{
	long i = 0;

	while (i < len) {
		if (!strcmp(list + i, name))
			return 1;
		i += strlen(list + i) + 1;
	}
	return 0;
}

LT_CASE(set_get_list_remove)
{
	char buf[64], list[256];
	long n;

	LT_CHECK_OK(setxattr(F, "trusted.a", "hello", 5, 0));
	LT_CHECK_OK(setxattr(F, "security.b", "", 0, 0));
	LT_CHECK_EQ(getxattr(F, "trusted.a", NULL, 0), 5);
	LT_CHECK_EQ(getxattr(F, "trusted.a", buf, sizeof(buf)), 5);
	LT_CHECK(!memcmp(buf, "hello", 5));
	LT_CHECK_EQ(getxattr(F, "security.b", buf, sizeof(buf)), 0);
	n = listxattr(F, NULL, 0);
	LT_CHECK(n >= (long)sizeof("trusted.a") + (long)sizeof("security.b"));
	LT_CHECK_EQ(listxattr(F, list, sizeof(list)), n);
	LT_CHECK(in_list(list, n, "trusted.a") && in_list(list, n, "security.b"));
	LT_CHECK_ERR(listxattr(F, list, 3), ERANGE);
	LT_CHECK_ERR(getxattr(F, "trusted.a", buf, 2), ERANGE);
	/* Replace the value in place. */
	LT_CHECK_OK(setxattr(F, "trusted.a", "xy", 2, 0));
	LT_CHECK_EQ(getxattr(F, "trusted.a", buf, sizeof(buf)), 2);
	LT_CHECK_OK(removexattr(F, "trusted.a"));
	LT_CHECK_ERR(getxattr(F, "trusted.a", buf, sizeof(buf)), ENODATA);
	LT_CHECK_ERR(removexattr(F, "trusted.a"), ENODATA);
	LT_CHECK_OK(removexattr(F, "security.b"));
	n = listxattr(F, list, sizeof(list));
	LT_CHECK(n >= 0 && !in_list(list, n, "trusted.a") && !in_list(list, n, "security.b"));
}

LT_CASE(create_replace)
{
	char buf[8];

	LT_CHECK_ERR(setxattr(F, "trusted.c", "1", 1, XATTR_REPLACE), ENODATA);
	LT_CHECK_OK(setxattr(F, "trusted.c", "1", 1, XATTR_CREATE));
	LT_CHECK_ERR(setxattr(F, "trusted.c", "2", 1, XATTR_CREATE), EEXIST);
	LT_CHECK_OK(setxattr(F, "trusted.c", "3", 1, XATTR_REPLACE));
	LT_CHECK_EQ(getxattr(F, "trusted.c", buf, sizeof(buf)), 1);
	LT_CHECK_EQ(buf[0], '3');
	LT_CHECK_ERR(setxattr(F, "trusted.c", "3", 1, 4), EINVAL);
	LT_CHECK_OK(removexattr(F, "trusted.c"));
}

LT_CASE(l_and_f_forms)
{
	char buf[16];
	int fd = open(F, O_RDWR), pfd = open(F, O_PATH);

	LT_CHECK(fd >= 0 && pfd >= 0);
	/* The l- forms act on the link itself, the others follow it. */
	LT_CHECK_OK(lsetxattr(L, "trusted.link", "L", 1, 0));
	LT_CHECK_OK(setxattr(L, "trusted.file", "F", 1, 0));
	LT_CHECK_EQ(lgetxattr(L, "trusted.link", buf, sizeof(buf)), 1);
	LT_CHECK_ERR(getxattr(L, "trusted.link", buf, sizeof(buf)), ENODATA);
	LT_CHECK_EQ(fgetxattr(fd, "trusted.file", buf, sizeof(buf)), 1);
	LT_CHECK_ERR(lgetxattr(L, "trusted.file", buf, sizeof(buf)), ENODATA);
	LT_CHECK(llistxattr(L, buf, sizeof(buf)) == (long)sizeof("trusted.link"));
	LT_CHECK_OK(fsetxattr(fd, "trusted.fd", "x", 1, 0));
	LT_CHECK(flistxattr(fd, NULL, 0) > 0);
	LT_CHECK_OK(fremovexattr(fd, "trusted.fd"));
	LT_CHECK_OK(lremovexattr(L, "trusted.link"));
	LT_CHECK_OK(removexattr(F, "trusted.file"));
	LT_CHECK_ERR(fgetxattr(pfd, "trusted.file", buf, sizeof(buf)), EBADF);
	LT_CHECK_ERR(fgetxattr(999, "trusted.file", buf, sizeof(buf)), EBADF);
	close(fd);
	close(pfd);
}

LT_CASE(x_limits_and_names)
{
	static char big[65537], name[300];

	LT_CHECK_ERR(setxattr(F, "trusted.big", big, sizeof(big), 0), E2BIG);
	LT_CHECK_ERR(setxattr(F, "", "v", 1, 0), ERANGE);
	memset(name, 'n', sizeof(name) - 1);
	memcpy(name, "trusted.", 8);
	LT_CHECK_ERR(setxattr(F, name, "v", 1, 0), ERANGE);
	LT_CHECK_ERR(getxattr(F, name, NULL, 0), ERANGE);
	LT_CHECK_ERR(setxattr(F, "nonsense.x", "v", 1, 0), EOPNOTSUPP);
	LT_CHECK_ERR(getxattr(F, "nonsense.x", NULL, 0), EOPNOTSUPP);
	LT_CHECK_ERR(setxattr(F, "trusted.", "v", 1, 0), EINVAL);
	LT_CHECK_ERR(setxattr(D "/nope", "trusted.x", "v", 1, 0), ENOENT);
	LT_CHECK_ERR(setxattr(F, (char *)8, "v", 1, 0), EFAULT);
	LT_CHECK_ERR(setxattr(F, "trusted.x", (char *)8, 1, 0), EFAULT);
	LT_CHECK_OK(setxattr(F, "trusted.x", "v", 1, 0));
	LT_CHECK_ERR(getxattr(F, "trusted.x", (char *)8, 10), EFAULT);
	LT_CHECK_ERR(listxattr(F, (char *)8, 100), EFAULT);
	LT_CHECK_OK(removexattr(F, "trusted.x"));
}

LT_CASE(trusted_needs_privilege)
{
	pid_t pid;

	LT_CHECK_OK(setxattr(F, "trusted.secret", "s", 1, 0));
	LT_CHECK_OK(chmod(F, 0666));
	pid = fork();
	if (pid == 0) {
		char list[256];
		long n;

		if (setuid(1000))
			_exit(2);
		if (getxattr(F, "trusted.secret", list, sizeof(list)) != -1 || errno != ENODATA)
			_exit(3);
		if (setxattr(F, "trusted.other", "o", 1, 0) != -1 || errno != EPERM)
			_exit(4);
		n = listxattr(F, list, sizeof(list));
		if (n < 0 || in_list(list, n, "trusted.secret"))
			_exit(5);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(removexattr(F, "trusted.secret"));
	LT_CHECK_OK(chmod(F, 0644));
}

LT_CASE(user_namespace)
{
	char buf[8];
	pid_t pid;

	if (!has_user_xattr) {
		lt_note("user.* on tmpfs is EOPNOTSUPP here (Linux before 6.6): skipped");
		return;
	}
	LT_CHECK_OK(setxattr(F, "user.u", "uu", 2, 0));
	LT_CHECK_EQ(getxattr(F, "user.u", buf, sizeof(buf)), 2);
	LT_CHECK_OK(setxattr(D, "user.d", "d", 1, 0));
	/* Not on symlinks (nor devices, FIFOs). */
	LT_CHECK_ERR(lsetxattr(L, "user.u", "x", 1, 0), EPERM);
	LT_CHECK_ERR(lgetxattr(L, "user.u", buf, sizeof(buf)), ENODATA);
	/* Needs the file's permissions: a stranger may read a 0644 file's, not write. */
	pid = fork();
	if (pid == 0) {
		if (setuid(1000))
			_exit(2);
		if (getxattr(F, "user.u", buf, sizeof(buf)) != 2)
			_exit(3);
		if (setxattr(F, "user.v", "v", 1, 0) != -1 || errno != EACCES)
			_exit(4);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(removexattr(F, "user.u"));
	LT_CHECK_OK(removexattr(D, "user.d"));
}

int main(void)
{
	struct utsname u;

	lt_begin("fs_xattr");
	if (lt_fs_setup(D) || lt_put_file(F, "x", 1, 0644) || symlink("f", L)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	has_user_xattr = setxattr(F, "user.probe", "p", 1, 0) == 0;
	if (has_user_xattr)
		removexattr(F, "user.probe");
	else if (!uname(&u) && strstr(u.release, "lantern"))
		lt_note("user.* refused on Lantern: %s", lt_errname(errno)), has_user_xattr = 1;
	LT_RUN(set_get_list_remove);
	LT_RUN(create_replace);
	LT_RUN(l_and_f_forms);
	LT_RUN(x_limits_and_names);
	LT_RUN(trusted_needs_privilege);
	LT_RUN(user_namespace);
	lt_fs_cleanup(D);
	return lt_end();
}
