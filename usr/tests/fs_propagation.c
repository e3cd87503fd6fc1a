/*
 * Shared subtrees and mount_setattr: mount --make-{shared,slave,private,
 * unbindable} (MS_REC too), what /proc/self/mountinfo says of them, a
 * mount under one peer appearing under the others, a slave receiving
 * but not sending, unbindable mounts refusing binds; mount_setattr's
 * flags (read-only, nosymfollow, AT_RECURSIVE) and its errno.  All of it
 * in a private mount namespace, so the system's mounts stay as they were.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define D	"/t_prop"

#ifndef MS_PRIVATE
#define MS_UNBINDABLE	(1 << 17)
#define MS_PRIVATE	(1 << 18)
#define MS_SLAVE	(1 << 19)
#define MS_SHARED	(1 << 20)
#endif

struct lt_mount_attr {
	uint64_t attr_set, attr_clr, propagation, userns_fd;
};

#define ATTR_RDONLY		0x1
#define ATTR_NOSUID		0x2
#define ATTR_NOSYMFOLLOW	0x200000
#define LT_AT_RECURSIVE		0x8000

static long mount_setattr(const char *path, unsigned int flags, struct lt_mount_attr *attr,
			  size_t size)
{
	return syscall(SYS_mount_setattr, AT_FDCWD, path, flags, attr, size);
}

/* The mount options and optional fields of @path's mountinfo line (NULL: none). */
static const char *mountinfo_fields(const char *path)
{
	static char fields[512];
	char line[1024], mp[512], rest[512];
	FILE *f = fopen("/proc/self/mountinfo", "r");
	const char *found = NULL;

	if (!f)
		return NULL;
	while (fgets(line, sizeof(line), f)) {
		char *dash = strstr(line, " - ");
		int n;

		if (!dash || sscanf(line, "%*d %*d %*d:%*d %*s %511s%n", mp, &n) != 1)
			continue;
		if (strcmp(mp, path))
			continue;
		*dash = 0;
		snprintf(rest, sizeof(rest), "%s", line + n);
		snprintf(fields, sizeof(fields), "%s", rest[0] == ' ' ? rest + 1 : rest);
		found = fields;
	}
	fclose(f);
	return found;
}

static int group_of(const char *path, const char *kind)
{
	const char *f = mountinfo_fields(path), *p;

	if (!f || !(p = strstr(f, kind)))
		return 0;
	return atoi(p + strlen(kind));
}

static int mount_tmpfs(const char *path)
{
	mkdir(path, 0755);
	return mount("none", path, "tmpfs", 0, NULL);
}

/* Run @fn in a child of its own mount namespace; its exit status is the result. */
static void in_namespace(void (*fn)(void))
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		if (unshare(CLONE_NEWNS) || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
			_exit(2);
		mkdir("/proc", 0555);
		mount("proc", "/proc", "proc", 0, NULL);
		fn();
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

static void peers_body(void)
{
	struct stat st;
	int g;

	LT_CHECK_OK(mount_tmpfs(D "/a"));
	LT_CHECK(mountinfo_fields(D "/a") && !strstr(mountinfo_fields(D "/a"), "shared:"));
	LT_CHECK_OK(mount(NULL, D "/a", NULL, MS_SHARED, NULL));
	g = group_of(D "/a", "shared:");
	LT_CHECK(g > 0);
	LT_CHECK_OK(mkdir(D "/b", 0755));
	LT_CHECK_OK(mount(D "/a", D "/b", NULL, MS_BIND, NULL));
	LT_CHECK_EQ(group_of(D "/b", "shared:"), g);		/* a peer */
	/* Mounted under one peer: there under the other too. */
	LT_CHECK_OK(mount_tmpfs(D "/a/sub"));
	LT_CHECK_OK(mkdir(D "/a/sub/marker", 0755));
	LT_CHECK_OK(stat(D "/b/sub/marker", &st));
	LT_CHECK_OK(umount(D "/a/sub"));
	LT_CHECK_ERR(stat(D "/b/sub/marker", &st), ENOENT);
	/* b becomes a slave: it still receives, but no longer sends. */
	LT_CHECK_OK(mount(NULL, D "/b", NULL, MS_SLAVE, NULL));
	LT_CHECK_EQ(group_of(D "/b", "master:"), g);
	LT_CHECK_EQ(group_of(D "/b", "shared:"), 0);
	LT_CHECK_OK(mount_tmpfs(D "/a/sub"));
	LT_CHECK_OK(mkdir(D "/a/sub/m2", 0755));
	LT_CHECK_OK(stat(D "/b/sub/m2", &st));
	LT_CHECK_OK(mkdir(D "/b/sub2", 0755));
	LT_CHECK_OK(mount_tmpfs(D "/b/sub2"));
	LT_CHECK_OK(mkdir(D "/b/sub2/m3", 0755));
	LT_CHECK_ERR(stat(D "/a/sub2/m3", &st), ENOENT);
	/* Private: nothing more arrives. */
	LT_CHECK_OK(mount(NULL, D "/b", NULL, MS_PRIVATE, NULL));
	LT_CHECK_EQ(group_of(D "/b", "master:"), 0);
	LT_CHECK_OK(mkdir(D "/a/sub3", 0755));
	LT_CHECK_OK(mount_tmpfs(D "/a/sub3"));
	LT_CHECK_OK(mkdir(D "/a/sub3/m4", 0755));
	LT_CHECK_ERR(stat(D "/b/sub3/m4", &st), ENOENT);
	/* Unbindable: no bind of it. */
	LT_CHECK_OK(mount(NULL, D "/a/sub3", NULL, MS_UNBINDABLE, NULL));
	LT_CHECK(mountinfo_fields(D "/a/sub3") && strstr(mountinfo_fields(D "/a/sub3"), "unbindable"));
	LT_CHECK_OK(mkdir(D "/c", 0755));
	LT_CHECK_ERR(mount(D "/a/sub3", D "/c", NULL, MS_BIND, NULL), EINVAL);
	/* One type at a time, and only on a mount's root. */
	LT_CHECK_ERR(mount(NULL, D "/a", NULL, MS_SHARED | MS_PRIVATE, NULL), EINVAL);
	LT_CHECK_ERR(mount(NULL, D "/c", NULL, MS_PRIVATE, NULL), EINVAL);
	/* MS_REC: the whole subtree. */
	LT_CHECK_OK(mount(NULL, D "/a", NULL, MS_REC | MS_SHARED, NULL));
	LT_CHECK(group_of(D "/a/sub", "shared:") > 0);
	LT_CHECK(group_of(D "/a/sub3", "shared:") > 0);
}

LT_CASE(peers_and_slaves)
{
	mkdir(D, 0755);
	in_namespace(peers_body);
}

static void setattr_body(void)
{
	struct lt_mount_attr attr = { 0 };
	char big[4200];
	int fd;

	LT_CHECK_OK(mount_tmpfs(D "/s"));
	LT_CHECK_OK(mkdir(D "/s/dir", 0755));
	LT_CHECK_OK(mount_tmpfs(D "/s/dir"));
	/* Nothing to do is done without looking at the path. */
	LT_CHECK_OK(mount_setattr("/nonexistent", 0, &attr, sizeof(attr)));
	LT_CHECK_ERR(mount_setattr(D "/s", 0, &attr, 8), EINVAL);		/* too small */
	memset(big, 0, sizeof(big));
	LT_CHECK_ERR(mount_setattr(D "/s", 0, (void *)big, sizeof(big)), E2BIG);
	LT_CHECK_ERR(mount_setattr(D "/s", 0x4, &attr, sizeof(attr)), EINVAL);
	attr.propagation = -1;
	LT_CHECK_ERR(mount_setattr(D "/s", 0, &attr, sizeof(attr)), EINVAL);
	attr.propagation = 0;
	attr.attr_set = 1ULL << 40;
	LT_CHECK_ERR(mount_setattr(D "/s", 0, &attr, sizeof(attr)), EINVAL);
	attr.attr_set = ATTR_RDONLY;
	LT_CHECK_OK(mkdir(D "/s/plain", 0755));
	LT_CHECK_ERR(mount_setattr(D "/s/plain", 0, &attr, sizeof(attr)), EINVAL);	/* not a root */
	LT_CHECK_ERR(mount_setattr(D "/none", 0, &attr, sizeof(attr)), ENOENT);
	/* Read-only, then writable again. */
	LT_CHECK_OK(mount_setattr(D "/s", 0, &attr, sizeof(attr)));
	LT_CHECK_ERR(open(D "/s/f", O_RDWR | O_CREAT, 0644), EROFS);
	fd = open(D "/s/dir/f", O_RDWR | O_CREAT, 0644);	/* not recursive */
	LT_CHECK(fd >= 0);
	close(fd);
	attr.attr_set = 0;
	attr.attr_clr = ATTR_RDONLY;
	LT_CHECK_OK(mount_setattr(D "/s", 0, &attr, sizeof(attr)));
	fd = open(D "/s/f", O_RDWR | O_CREAT, 0644);
	LT_CHECK(fd >= 0);
	close(fd);
	/* AT_RECURSIVE reaches the mount below. */
	attr.attr_set = ATTR_RDONLY;
	attr.attr_clr = 0;
	LT_CHECK_OK(mount_setattr(D "/s", LT_AT_RECURSIVE, &attr, sizeof(attr)));
	LT_CHECK_ERR(open(D "/s/dir/g", O_RDWR | O_CREAT, 0644), EROFS);
	attr.attr_set = 0;
	attr.attr_clr = ATTR_RDONLY;
	LT_CHECK_OK(mount_setattr(D "/s", LT_AT_RECURSIVE, &attr, sizeof(attr)));
	/* nosymfollow: a link on the mount leads nowhere. */
	LT_CHECK_OK(symlink("f", D "/s/link"));
	attr.attr_set = ATTR_NOSYMFOLLOW;
	attr.attr_clr = 0;
	LT_CHECK_OK(mount_setattr(D "/s", 0, &attr, sizeof(attr)));
	LT_CHECK_ERR(open(D "/s/link", O_RDONLY), ELOOP);
	LT_CHECK(mountinfo_fields(D "/s") && strstr(mountinfo_fields(D "/s"), "nosymfollow"));
	/* Propagation through mount_setattr, as mount --make-shared. */
	attr.attr_set = 0;
	attr.propagation = MS_SHARED;
	LT_CHECK_OK(mount_setattr(D "/s", 0, &attr, sizeof(attr)));
	LT_CHECK(group_of(D "/s", "shared:") > 0);
	attr.propagation = MS_PRIVATE;
	LT_CHECK_OK(mount_setattr(D "/s", 0, &attr, sizeof(attr)));
	LT_CHECK_EQ(group_of(D "/s", "shared:"), 0);
}

LT_CASE(mount_setattr_calls)
{
	mkdir(D, 0755);
	in_namespace(setattr_body);
}

int main(void)
{
	lt_begin("fs_propagation");
	LT_RUN(peers_and_slaves);
	LT_RUN(mount_setattr_calls);
	return lt_end();
}
