// SPDX-License-Identifier: GPL-2.0
/*
 * mm_stat: the memory counters of /proc/meminfo and /proc/vmstat follow
 * what a program does.  Touching N pages of private anonymous memory
 * raises AnonPages by about N pages and pgfault by at least N, and
 * munmap gives them back; N pages of shared anonymous memory are Shmem;
 * each forked child holds a kernel stack (KernelStack); and a link in
 * /proc/self/fd to a directory of /proc itself reads back its path.
 *
 * Counters are machine-wide, so the checks allow for a little activity
 * elsewhere (and for Linux's per-CPU counter batching): N is large and
 * each check wants at least 90% of the expected change.  No value is
 * written here that Linux would not also produce.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define P		"/mm_stat_proc"
#define NPAGES		4096		/* 16 MiB */
#define PAGE_KB		4
#define NCHILDREN	8

static char buf[16384];

/* The whole file into buf; 0 or -1. */
static int slurp(const char *path)
{
	return lt_read_file(path, buf, sizeof(buf)) > 0 ? 0 : -1;
}

/* "Key:   123 kB" in /proc/meminfo, or "key 123" in /proc/vmstat; -1 if absent. */
static long field(const char *file, const char *key)
{
	size_t klen = strlen(key);
	char *p = buf;

	if (slurp(file))
		return -1;
	while (p && *p) {
		if (!strncmp(p, key, klen) && (p[klen] == ':' || p[klen] == ' '))
			return strtol(p + klen + 1, NULL, 10);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return -1;
}

static long meminfo(const char *key)
{
	return field(P "/meminfo", key);
}

static long vmstat(const char *key)
{
	return field(P "/vmstat", key);
}

static void touch(char *p, long npages)
{
	for (long i = 0; i < npages; i++)
		p[i * 4096] = 1;
}

/* Private anonymous memory: AnonPages and the fault/allocation events. */
LT_CASE(anon_pages)
{
	long before = meminfo("AnonPages"), fault0 = vmstat("pgfault"), free0, after, gone;
	char *p = mmap(NULL, NPAGES * 4096L, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	LT_CHECK(before >= 0 && fault0 >= 0);
	LT_CHECK(p != MAP_FAILED);
	madvise(p, NPAGES * 4096L, MADV_NOHUGEPAGE);	/* one fault per page */
	touch(p, NPAGES);
	after = meminfo("AnonPages");
	lt_note("AnonPages %ld kB -> %ld kB after touching %d pages", before, after, NPAGES);
	LT_CHECK(after - before >= NPAGES * PAGE_KB * 9 / 10);
	LT_CHECK(after - before <= NPAGES * PAGE_KB * 11 / 10);
	LT_CHECK(vmstat("pgfault") - fault0 >= NPAGES);

	free0 = vmstat("pgfree");
	LT_CHECK_OK(munmap(p, NPAGES * 4096L));
	gone = meminfo("AnonPages");
	LT_CHECK(after - gone >= NPAGES * PAGE_KB * 9 / 10);
	LT_CHECK(vmstat("pgfree") - free0 >= NPAGES);
}

/* Every page handed out comes from some zone's pgalloc_* count. */
LT_CASE(pgalloc)
{
	long dma = vmstat("pgalloc_dma"), dma32 = vmstat("pgalloc_dma32"),
	     normal = vmstat("pgalloc_normal"), sum;
	char *p;

	LT_CHECK(dma >= 0 && dma32 >= 0 && normal >= 0);
	LT_CHECK(vmstat("pgmajfault") >= 0);
	p = mmap(NULL, NPAGES * 4096L, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	LT_CHECK(p != MAP_FAILED);
	madvise(p, NPAGES * 4096L, MADV_NOHUGEPAGE);
	touch(p, NPAGES);
	sum = vmstat("pgalloc_dma") - dma + vmstat("pgalloc_dma32") - dma32 +
	      vmstat("pgalloc_normal") - normal;
	munmap(p, NPAGES * 4096L);
	LT_CHECK(sum >= NPAGES);
}

/* Shared anonymous memory is shmem: Shmem rises while it exists. */
LT_CASE(shmem)
{
	long before = meminfo("Shmem"), after, gone;
	char *p = mmap(NULL, NPAGES * 4096L, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	LT_CHECK(before >= 0);
	LT_CHECK(p != MAP_FAILED);
	touch(p, NPAGES);
	after = meminfo("Shmem");
	LT_CHECK_OK(munmap(p, NPAGES * 4096L));
	gone = meminfo("Shmem");
	lt_note("Shmem %ld kB -> %ld kB -> %ld kB", before, after, gone);
	LT_CHECK(after - before >= NPAGES * PAGE_KB * 9 / 10);
	LT_CHECK(after - gone >= NPAGES * PAGE_KB * 9 / 10);
}

/* Each child has a kernel stack of at least 8 kB until it exits. */
LT_CASE(kernel_stack)
{
	long before = meminfo("KernelStack"), during, after;
	pid_t pids[NCHILDREN];
	int pipefd[2];
	char c;

	LT_CHECK(before > 0);
	LT_CHECK_OK(pipe(pipefd));
	for (int i = 0; i < NCHILDREN; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			close(pipefd[1]);
			read(pipefd[0], &c, 1);	/* until the parent closes its end */
			_exit(0);
		}
		LT_CHECK(pids[i] > 0);
	}
	during = meminfo("KernelStack");
	close(pipefd[1]);
	close(pipefd[0]);
	for (int i = 0; i < NCHILDREN; i++)
		LT_CHECK_WAIT(pids[i], LT_EXITED(0));
	/*
	 * A reaped task's stack goes after an RCU grace period (Linux frees
	 * the task_struct and its stack from an RCU callback), which on
	 * several CPUs can take longer than the wait: give it 3 s.
	 */
	after = meminfo("KernelStack");
	for (int i = 0; i < 300 && during - after < NCHILDREN * 8; i++) {
		lt_sleep_ms(10);
		after = meminfo("KernelStack");
	}
	lt_note("KernelStack %ld kB -> %ld kB with %d children -> %ld kB", before, during,
		NCHILDREN, after);
	LT_CHECK(during - before >= NCHILDREN * 8);
	LT_CHECK(during - after >= NCHILDREN * 8);
}

/* The other counters Linux shows are there, and the totals add up. */
LT_CASE(meminfo_fields)
{
	static const char *const keys[] = {
		"Active", "Inactive", "Active(anon)", "Inactive(anon)", "Active(file)",
		"Inactive(file)", "PageTables", "Slab", "SReclaimable", "SUnreclaim",
	};

	for (unsigned i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		LT_CHECK(meminfo(keys[i]) >= 0);
	LT_CHECK(meminfo("Slab") == meminfo("SReclaimable") + meminfo("SUnreclaim"));
	LT_CHECK(meminfo("PageTables") > 0);
	LT_CHECK(meminfo("Slab") > 0);
	/* Our own pages are on some anon LRU list. */
	LT_CHECK(meminfo("Active(anon)") + meminfo("Inactive(anon)") > 0);
	LT_CHECK(meminfo("Active") == meminfo("Active(anon)") + meminfo("Active(file)"));
}

/* readlink of /proc/self/fd/N for an fd open on @dir must give @want. */
static int fd_link_is(const char *dir, const char *want)
{
	char path[64], link[256];
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	long n;

	if (fd < 0)
		return 0;
	snprintf(path, sizeof(path), P "/self/fd/%d", fd);
	n = readlink(path, link, sizeof(link) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	link[n] = '\0';
	if (strcmp(link, want))
		lt_note("readlink for %s: %s, expected %s", dir, link, want);
	return !strcmp(link, want);
}

/*
 * What GNU ls -l does: list the directory and lstat and readlink each
 * entry while it is open.  (busybox ls reads the links after closedir,
 * so on Linux too it cannot read the link of the fd it listed with.)
 */
static int ls_l_fd_dir(void)
{
	char path[320], link[256], want[64];
	struct dirent *de;
	int found = 0;
	DIR *d = opendir(P "/self/fd");

	if (!d)
		return 0;
	snprintf(want, sizeof(want), P "/%d/fd", (int)getpid());
	while ((de = readdir(d))) {
		struct stat st;
		long n;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), P "/self/fd/%s", de->d_name);
		n = lstat(path, &st) ? -1 : readlink(path, link, sizeof(link) - 1);
		if (n <= 0) {
			lt_note("%s: lstat/readlink failed: %s", path, strerror(errno));
			found = -1;
			break;
		}
		link[n] = '\0';
		if (atoi(de->d_name) == dirfd(d))
			found = !strcmp(link, want);
	}
	closedir(d);
	return found > 0;
}

/* readlink on an fd open on a /proc directory gives its path (ls -l /proc/self/fd). */
LT_CASE(proc_fd_link)
{
	char path[64], link[256], want[64];
	int fd = open(P, O_RDONLY | O_DIRECTORY), fd2;
	long n;

	LT_CHECK(ls_l_fd_dir());
	snprintf(want, sizeof(want), P "/%d/fd", (int)getpid());
	LT_CHECK(fd_link_is(P "/self/fd", want));
	snprintf(want, sizeof(want), P "/%d", (int)getpid());
	LT_CHECK(fd_link_is(P "/self", want));
	/* The link's mode says how the fd was opened. */
	fd2 = open(P, O_RDONLY | O_DIRECTORY);
	snprintf(path, sizeof(path), P "/self/fd/%d", fd2);
	{
		struct stat st;

		LT_CHECK_OK(lstat(path, &st));
		LT_CHECK_EQ(st.st_mode, S_IFLNK | 0500);
	}
	close(fd2);
	fd2 = open("/mm_stat_file", O_WRONLY | O_CREAT, 0600);
	snprintf(path, sizeof(path), P "/self/fd/%d", fd2);
	{
		struct stat st;

		LT_CHECK_OK(lstat(path, &st));
		LT_CHECK_EQ(st.st_mode, S_IFLNK | 0300);
	}
	close(fd2);
	unlink("/mm_stat_file");
	LT_CHECK(fd_link_is(P "/self/", want));

	LT_CHECK(fd >= 0);
	snprintf(path, sizeof(path), P "/self/fd/%d", fd);
	n = readlink(path, link, sizeof(link) - 1);
	LT_CHECK(n > 0);
	link[n] = '\0';
	LT_CHECK(!strcmp(link, P));

	fd2 = open(P "/sys", O_RDONLY | O_DIRECTORY);
	LT_CHECK(fd2 >= 0);
	snprintf(path, sizeof(path), P "/self/fd/%d", fd2);
	n = readlink(path, link, sizeof(link) - 1);
	LT_CHECK(n > 0);
	link[n] = '\0';
	LT_CHECK(!strcmp(link, P "/sys"));
	close(fd2);
	close(fd);
}

int main(void)
{
	lt_begin("mm_stat");
	mkdir(P, 0755);
	if (mount("proc", P, "proc", 0, NULL)) {
		perror("mount proc");
		return 1;
	}
	LT_RUN(anon_pages);
	LT_RUN(pgalloc);
	LT_RUN(shmem);
	LT_RUN(kernel_stack);
	LT_RUN(meminfo_fields);
	LT_RUN(proc_fd_link);
	umount(P);
	return lt_end();
}
