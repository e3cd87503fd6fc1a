// SPDX-License-Identifier: GPL-2.0
/*
 * mm_dcache_shrink: the dentry cache keeps unused names and gives them
 * back when asked.  A walk of /proc/sys (whose dentries nothing pins)
 * leaves its names cached and unused, so nr_unused in
 * /proc/sys/fs/dentry-state grows by about the number of names seen;
 * writing 2 to /proc/sys/vm/drop_caches runs the shrinkers, so it falls
 * again, slabs_scanned in /proc/vmstat counts the objects looked at, and
 * a second walk finds every name again (a lookup repopulates the cache).
 * The counters have Linux's format; drop_caches takes 1-4 only and is
 * root's alone.  Runs as root, on Lantern and on Linux.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define P	"/t_dcache_proc"	/* the test initramfs mounts nothing */

static char buf[8192];

static long slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	long n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return n;
}

/* The tab-separated longs of a sysctl array file; how many, or -1. */
static int read_longs(const char *path, long *out, int max)
{
	char *p, *end;
	int n = 0;

	if (slurp(path) <= 0)
		return -1;
	for (p = buf; n < max; p = end) {
		out[n] = strtol(p, &end, 10);
		if (end == p)
			break;
		n++;
		if (*end != '\t')
			break;
	}
	return n;
}

static long nr_unused(void)
{
	long st[6];

	return read_longs(P "/sys/fs/dentry-state", st, 6) == 6 ? st[1] : -1;
}

static long vmstat(const char *name)
{
	size_t len = strlen(name);
	char *line;

	if (slurp(P "/vmstat") <= 0)
		return -1;
	for (line = buf; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL)
		if (!strncmp(line, name, len) && line[len] == ' ')
			return strtol(line + len + 1, NULL, 10);
	return -1;
}

static long drop(const char *what)
{
	int fd = open(P "/sys/vm/drop_caches", O_WRONLY);
	long n;

	if (fd < 0)
		return -errno;
	n = write(fd, what, strlen(what));
	if (n < 0)
		n = -errno;
	close(fd);
	return n;
}

/* Every name under @dir, looked up (stat) and counted; directories walked too. */
static long walk(const char *dir)
{
	char path[512];
	struct dirent *de;
	struct stat st;
	long n = 0;
	DIR *d = opendir(dir);

	if (!d)
		return 0;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (lstat(path, &st))
			continue;
		n++;
		if (S_ISDIR(st.st_mode))
			n += walk(path);
	}
	closedir(d);
	return n;
}

LT_CASE(mount_proc)
{
	mkdir(P, 0755);
	LT_CHECK_OK(mount("proc", P, "proc", 0, NULL));
}

LT_CASE(counter_formats)
{
	long v[8];

	/* nr_dentry nr_unused age_limit want_pages nr_negative dummy */
	LT_CHECK_EQ(read_longs(P "/sys/fs/dentry-state", v, 8), 6);
	LT_CHECK(v[0] > 0 && v[1] >= 0 && v[1] <= v[0]);
	LT_CHECK_EQ(v[2], 45);
	/* nr_inodes nr_free_inodes */
	LT_CHECK_EQ(read_longs(P "/sys/fs/inode-nr", v, 8), 2);
	LT_CHECK(v[0] > 0 && v[1] >= 0 && v[1] <= v[0]);
	/* the same two, then preshrink and four unused fields */
	LT_CHECK_EQ(read_longs(P "/sys/fs/inode-state", v, 8), 7);
	LT_CHECK(v[0] > 0 && v[1] >= 0);
	LT_CHECK(vmstat("slabs_scanned") >= 0);
}

LT_CASE(walk_drop_walk)
{
	long names, again, before, walked, dropped = -1, scanned;

	LT_CHECK_EQ(drop("2"), 1);
	before = nr_unused();
	names = walk(P "/sys");
	LT_CHECK(names >= 50);
	walked = nr_unused();
	/* Most names seen are now cached and unused (directories too, once closed). */
	if (walked - before < names / 2)
		LT_FAIL("nr_unused %ld -> %ld after a walk of %ld names", before, walked, names);

	/*
	 * Linux gives a dentry used since the last scan a second chance
	 * (DCACHE_REFERENCED), and a round that mostly rotates them frees
	 * too little for drop_slab to go on: there a few writes may be
	 * needed.  Lantern frees them at the first.
	 */
	scanned = vmstat("slabs_scanned");
	for (int i = 0; i < 8; i++) {
		LT_CHECK_EQ(drop("2"), 1);
		dropped = nr_unused();
		if (dropped <= walked - (walked - before) * 3 / 4)
			break;
	}
	if (dropped > walked - (walked - before) * 3 / 4)
		LT_FAIL("nr_unused %ld -> %ld -> %ld only, after drop_caches 2 (%ld names, slabs_scanned +%ld)", before, walked, dropped, names, vmstat("slabs_scanned") - scanned);
	LT_CHECK(vmstat("slabs_scanned") > scanned);

	/* The names were only cached: every one is found again, and cached again. */
	again = walk(P "/sys");
	LT_CHECK_EQ(again, names);
	LT_CHECK(nr_unused() - dropped >= names / 2);
	LT_CHECK(slurp(P "/sys/kernel/ostype") > 0);
	LT_CHECK_EQ(strcmp(buf, "Linux\n"), 0);
}

LT_CASE(drop_caches_bad_input)
{
	LT_CHECK_EQ(drop("0"), -EINVAL);
	LT_CHECK_EQ(drop("5"), -EINVAL);
	LT_CHECK_EQ(drop("-1"), -EINVAL);
	LT_CHECK_EQ(drop("3"), 1);	/* page cache and slab together */
}

LT_CASE(drop_caches_root_only)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(2);
		/* Mode 0200, owned by root: the open itself is refused. */
		_exit(drop("2") == -EACCES ? 0 : 1);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("mm_dcache_shrink");
	LT_RUN(mount_proc);
	LT_RUN(counter_formats);
	LT_RUN(walk_drop_walk);
	LT_RUN(drop_caches_bad_input);
	LT_RUN(drop_caches_root_only);
	umount(P);
	rmdir(P);
	return lt_end();
}
