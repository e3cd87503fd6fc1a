// SPDX-License-Identifier: GPL-2.0
/*
 * proc_iomem: /proc/iomem and /proc/ioports print resource trees.  Each
 * line is "start-end : name", indented two spaces per level; a child
 * lies inside its parent and siblings come in address order without
 * overlapping.  The firmware's RAM is "System RAM" at the top, at least
 * MemTotal of it, with the kernel image's sections inside; the legacy
 * PC ports (pic1 at 0x20) are claimed; and a reader without
 * CAP_SYS_ADMIN sees every address as zero.  Run as root, as on Linux.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define P		"/proc_iomem_mnt"
#define MAX_RES		256
#define MAX_DEPTH	8

struct res {
	unsigned long long start, end;
	int depth, parent;		/* parent: index, or -1 at the top */
	char name[64];
};

static struct res res[MAX_RES];
static int nres;
static char buf[32768];

static int slurp(const char *path)
{
	return lt_read_file(path, buf, sizeof(buf)) > 0 ? 0 : -1;
}

/*
 * Parse @path into res[]; 0, or the 1-based number of the first line that
 * breaks the format or, with @addrs, the tree's rules for addresses
 * (@digits: the least hex digits).
 */
static int parse_tree(const char *path, int digits, int addrs)
{
	int stack[MAX_DEPTH], line = 0;
	char *p, *save = NULL;

	nres = 0;
	if (slurp(path))
		return -1;
	for (p = strtok_r(buf, "\n", &save); p; p = strtok_r(NULL, "\n", &save)) {
		struct res *r = &res[nres];
		int indent = 0, n1 = 0, n2 = 0, sib;

		line++;
		if (nres == MAX_RES)
			return line;
		while (p[indent] == ' ')
			indent++;
		if (indent % 2 || indent / 2 >= MAX_DEPTH)
			return line;
		r->depth = indent / 2;
		if (sscanf(p + indent, "%llx%n-%llx%n : %63[^\n]", &r->start, &n1, &r->end, &n2,
			   r->name) != 3)
			return line;
		if (n1 < digits || n2 - n1 - 1 < digits || r->end < r->start)
			return line;
		/* One level deeper at most; the parent is the last line one level up. */
		if (r->depth > 0 && (nres == 0 || r->depth > res[nres - 1].depth + 1))
			return line;
		r->parent = r->depth ? stack[r->depth - 1] : -1;
		sib = nres && res[nres - 1].depth >= r->depth ? stack[r->depth] : -1;
		stack[r->depth] = nres++;
		if (!addrs)
			continue;
		if (r->parent >= 0 && (r->start < res[r->parent].start || r->end > res[r->parent].end))
			return line;
		/* @sib: the last line seen at this depth under the same parent. */
		if (sib >= 0 && res[sib].end >= r->start)
			return line;
	}
	return nres ? 0 : -1;
}

static int find(const char *name, int from)
{
	for (int i = from; i < nres; i++)
		if (!strcmp(res[i].name, name))
			return i;
	return -1;
}

static long meminfo_kb(const char *key)
{
	char *p;

	if (slurp(P "/meminfo") || !(p = strstr(buf, key)))
		return -1;
	return strtol(p + strlen(key), NULL, 10);
}

LT_CASE(iomem_tree)
{
	LT_CHECK_EQ(parse_tree(P "/iomem", 8, 1), 0);
}

LT_CASE(system_ram)
{
	long memtotal = meminfo_kb("MemTotal:");
	unsigned long long ram = 0;

	LT_CHECK(memtotal > 0);
	LT_CHECK_EQ(parse_tree(P "/iomem", 8, 1), 0);
	for (int i = 0; i < nres; i++)
		if (res[i].depth == 0 && !strcmp(res[i].name, "System RAM"))
			ram += res[i].end - res[i].start + 1;
	lt_note("System RAM %llu kB, MemTotal %ld kB", ram >> 10, memtotal);
	LT_CHECK(ram >= (unsigned long long)memtotal * 1024);
}

/* Code, rodata, data and bss: in that order, inside one System RAM range. */
LT_CASE(kernel_image)
{
	static const char *const names[] = {
		"Kernel code", "Kernel rodata", "Kernel data", "Kernel bss",
	};
	int prev = -1;

	LT_CHECK_EQ(parse_tree(P "/iomem", 8, 1), 0);
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		int k = find(names[i], 0), top = k;

		LT_CHECK(k >= 0);
		while (res[top].parent >= 0)
			top = res[top].parent;
		LT_CHECK(top != k && !strcmp(res[top].name, "System RAM"));
		LT_CHECK(prev < 0 || res[k].start > res[prev].end);
		prev = k;
	}
}

LT_CASE(ioports)
{
	int pic;

	LT_CHECK_EQ(parse_tree(P "/ioports", 4, 1), 0);
	pic = find("pic1", 0);
	LT_CHECK(pic >= 0);
	LT_CHECK_EQ(res[pic].start, 0x20);
	LT_CHECK_EQ(res[pic].end, 0x21);
	for (int i = 0; i < nres; i++)
		LT_CHECK(res[i].end <= 0xffff);
}

/* Without CAP_SYS_ADMIN the names are there and every address is 0. */
LT_CASE(unprivileged)
{
	pid_t pid = fork();

	if (pid == 0) {
		int ram;

		if (setgid(65534) || setuid(65534))
			_exit(2);
		if (parse_tree(P "/iomem", 8, 0) != 0)
			_exit(3);
		ram = find("System RAM", 0);
		if (ram < 0)
			_exit(4);
		for (int i = 0; i < nres; i++)
			if (res[i].start || res[i].end)
				_exit(5);
		_exit(0);
	}
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("proc_iomem");
	mkdir(P, 0755);
	if (mount("proc", P, "proc", 0, NULL)) {
		perror("mount proc");
		return 1;
	}
	LT_RUN(iomem_tree);
	LT_RUN(system_ram);
	LT_RUN(kernel_image);
	LT_RUN(ioports);
	LT_RUN(unprivileged);
	umount(P);
	return lt_end();
}
