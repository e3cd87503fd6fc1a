// SPDX-License-Identifier: GPL-2.0
/*
 * mm_swap: swapon(2) and swapoff(2) refusing what they must, and the
 * files that report swap, in a machine that has none: /proc/swaps is
 * only its header, meminfo and sysinfo say 0.  Swapping itself (a swap
 * partition, a swap file on ext2, pages going out and coming back)
 * needs a disk: that is block/swap in tools/testing/block-tests.sh.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/sysmacros.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define P		"/mm_swap_proc"
#define T		"/mm_swap_tmp"
#define PAGE		4096

static char buf[65536];

/* A one-page file at @path; with @magic, mkswap's signature and header in it. */
static int make_file(const char *path, int magic)
{
	static char page[PAGE];
	int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600), ok;

	if (fd < 0)
		return -1;
	memset(page, 0, sizeof(page));
	if (magic) {
		unsigned int version = 1, last_page = 15;

		memcpy(page + 1024, &version, 4);
		memcpy(page + 1028, &last_page, 4);
		memcpy(page + PAGE - 10, "SWAPSPACE2", 10);
	}
	ok = write(fd, page, PAGE) == PAGE && ftruncate(fd, 16 * PAGE) == 0;
	close(fd);
	return ok ? 0 : -1;
}

/* Unknown flag bits fail before anything else is looked at. */
LT_CASE(bad_flags)
{
	LT_CHECK_ERR(swapon(T "/plain", 0x80000), EINVAL);
	LT_CHECK_ERR(swapon(T "/plain", 0x40000000), EINVAL);
}

/* Without CAP_SYS_ADMIN both calls are refused, whatever the path. */
LT_CASE(not_root)
{
	pid_t pid = fork();

	if (!pid) {
		if (setuid(1000))
			_exit(10);
		if (swapon(T "/good", 0) != -1 || errno != EPERM)
			_exit(11);
		if (swapoff(T "/good") != -1 || errno != EPERM)
			_exit(12);
		if (swapon("/nonexistent", 0) != -1 || errno != EPERM)
			_exit(13);
		_exit(0);
	}
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, 0);
}

LT_CASE(bad_paths)
{
	LT_CHECK_ERR(swapon("/nonexistent/swap", 0), ENOENT);
	LT_CHECK_ERR(swapoff("/nonexistent/swap"), ENOENT);
	LT_CHECK_ERR(swapon((const char *)8, 0), EFAULT);
	LT_CHECK_ERR(swapoff((const char *)8), EFAULT);
}

/*
 * No signature: EINVAL.  With one, tmpfs still cannot hold swap (its
 * pages have no fixed place on a disk): EINVAL too.  A character device
 * is not swap either.
 */
LT_CASE(not_swappable)
{
	LT_CHECK_ERR(swapon(T "/plain", 0), EINVAL);
	LT_CHECK_ERR(swapon(T "/good", 0), EINVAL);
	LT_CHECK_ERR(swapon(T "/good", 0x8000 | 5), EINVAL);
	LT_CHECK_ERR(swapon(T "/null", 0), EINVAL);
}

/* swapoff of something that is not an active swap area. */
LT_CASE(swapoff_not_swap)
{
	LT_CHECK_ERR(swapoff(T "/good"), EINVAL);
	LT_CHECK_ERR(swapoff(T "/plain"), EINVAL);
}

/* /proc/swaps: Linux's header line and no device. */
LT_CASE(proc_swaps)
{
	LT_CHECK(lt_read_file(P "/swaps", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"));
}

static long meminfo(const char *key)
{
	size_t klen = strlen(key);
	char *p = buf;

	if (lt_read_file(P "/meminfo", buf, sizeof(buf)) <= 0)
		return -1;
	while (p && *p) {
		if (!strncmp(p, key, klen) && p[klen] == ':')
			return strtol(p + klen + 1, NULL, 10);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return -1;
}

/* No swap: meminfo's three swap lines and sysinfo's totals are 0, vmstat counts none. */
LT_CASE(no_swap_counters)
{
	struct sysinfo si;

	LT_CHECK_EQ(meminfo("SwapTotal"), 0);
	LT_CHECK_EQ(meminfo("SwapFree"), 0);
	LT_CHECK_EQ(meminfo("SwapCached"), 0);
	LT_CHECK_OK(sysinfo(&si));
	LT_CHECK_EQ(si.totalswap, 0);
	LT_CHECK_EQ(si.freeswap, 0);
	LT_CHECK(lt_read_file(P "/vmstat", buf, sizeof(buf)) > 0);
	LT_CHECK(strstr(buf, "\npswpin 0\n") && strstr(buf, "\npswpout 0\n"));
	LT_CHECK(lt_read_file(P "/self/status", buf, sizeof(buf)) > 0);
	LT_CHECK(strstr(buf, "\nVmSwap:\t       0 kB\n"));
}

int main(void)
{
	lt_begin("mm_swap");
	mkdir(P, 0755);
	mkdir(T, 0755);
	if (mount("proc", P, "proc", 0, NULL) || mount("tmpfs", T, "tmpfs", 0, NULL)) {
		perror("mount");
		return 1;
	}
	if (make_file(T "/plain", 0) || make_file(T "/good", 1) ||
	    mknod(T "/null", S_IFCHR | 0600, makedev(1, 3))) {
		perror("mm_swap: files");
		return 1;
	}
	LT_RUN(bad_flags);
	LT_RUN(not_root);
	LT_RUN(bad_paths);
	LT_RUN(not_swappable);
	LT_RUN(swapoff_not_swap);
	LT_RUN(proc_swaps);
	LT_RUN(no_swap_counters);
	umount(T);
	umount(P);
	rmdir(T);
	rmdir(P);
	return lt_end();
}
