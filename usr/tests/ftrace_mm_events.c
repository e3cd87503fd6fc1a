// SPDX-License-Identifier: GPL-2.0
/*
 * ftrace_mm_events: the trace events of memory, block I/O and modules.
 * page_fault_user for a store to a fresh anonymous page (address, the
 * storing instruction, error code 6: user write to a page not there);
 * page_fault_kernel for read() filling such a page from a pipe (error code
 * 2: the kernel writing); mm_filemap_add_to_page_cache and
 * mm_filemap_delete_from_page_cache for a two-page file on ramfs, with
 * its device, inode and offsets, picked out by a filter on i_ino; and the
 * format files of those and of block_rq_* and module_*, whose records are
 * checked with a disk (tools/testing/block-tests.sh) and a module
 * (tools/testing/modules/run-in-vm.sh).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "lt.h"

#define T	"/sys/kernel/tracing"
#define TRACE_MAX	(4 << 20)
#define RAMFS	"/tmp/ftrace_mm_ramfs"

static char *text;

static int put(const char *path, const char *s, int flags)
{
	int fd = open(path, O_WRONLY | flags), err = 0;

	if (fd < 0)
		return errno;
	if (write(fd, s, strlen(s)) != (ssize_t)strlen(s))
		err = errno;
	close(fd);
	return err;
}

static void trace_reset(void)
{
	put(T "/tracing_on", "0", O_TRUNC);
	put(T "/set_event", "", O_TRUNC);
	put(T "/trace", "", O_TRUNC);
	put(T "/tracing_on", "1", O_TRUNC);
}

static long read_trace(void)
{
	return lt_read_file(T "/trace", text, TRACE_MAX);
}

/* The line of the trace holding @needle, cut at its end; NULL if none. */
static char *find_line(const char *needle)
{
	char *p = strstr(text, needle), *nl;

	if (!p)
		return NULL;
	while (p > text && p[-1] != '\n')
		p--;
	nl = strchr(p, '\n');
	if (nl)
		*nl = '\0';
	return p;
}

/*
 * The line is this task's: "<comm>-<pid>" opens it.  Linux prints the
 * comm from a cache of pid -> comm it fills lazily, per CPU; with
 * several CPUs an event can come before this pid's entry, and the line
 * says "<...>-<pid>".
 */
static int is_ours(const char *line)
{
	char tag[32];

	while (*line == ' ')
		line++;
	snprintf(tag, sizeof(tag), "-%d ", getpid());
	if (strncmp(line, "ftrace_mm_event", 15) && strncmp(line, "<...>", 5))
		return 0;
	return strstr(line, tag) != NULL;
}

/* The store that faults: kept out of line so its address is known. */
__attribute__((noinline)) static void touch(volatile char *p)
{
	*p = 1;
}

LT_CASE(page_fault_user)
{
	char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char want[96], *line, *ip;
	unsigned long ipv;

	LT_CHECK(page != MAP_FAILED);
	trace_reset();
	LT_CHECK_EQ(put(T "/events/exceptions/page_fault_user/enable", "1", O_TRUNC), 0);
	touch(page);
	LT_CHECK_EQ(put(T "/events/exceptions/page_fault_user/enable", "0", O_TRUNC), 0);
	LT_CHECK(read_trace() > 0);
	snprintf(want, sizeof(want), "page_fault_user: address=%p ip=", (void *)page);
	line = find_line(want);
	if (!line)
		LT_FAIL("no \"%s\" in:\n%.600s", want, text);
	LT_CHECK(is_ours(line));
	LT_CHECK(strstr(line, " error_code=0x6") != NULL);	/* user, write, not present */
	ip = strstr(line, " ip=") + 4;
	ipv = strtoul(ip, NULL, 16);
	if (ipv < (unsigned long)touch || ipv >= (unsigned long)touch + 64)
		LT_FAIL("ip %#lx is not in touch() at %p: %s", ipv, (void *)touch, line);
	munmap(page, 4096);
}

LT_CASE(page_fault_kernel)
{
	char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char want[96], *line, *ip;
	int p[2];

	LT_CHECK(page != MAP_FAILED);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(write(p[1], "hello", 5), 5);
	trace_reset();
	LT_CHECK_EQ(put(T "/events/exceptions/page_fault_kernel/enable", "1", O_TRUNC), 0);
	LT_CHECK_EQ(read(p[0], page, 5), 5);	/* the kernel's copy takes the fault */
	LT_CHECK_EQ(put(T "/events/exceptions/page_fault_kernel/enable", "0", O_TRUNC), 0);
	LT_CHECK(!memcmp(page, "hello", 5));
	LT_CHECK(read_trace() > 0);
	snprintf(want, sizeof(want), "page_fault_kernel: address=%p ip=", (void *)page);
	line = find_line(want);
	if (!line)
		LT_FAIL("no \"%s\" in:\n%.600s", want, text);
	LT_CHECK(strstr(line, " error_code=0x2") != NULL);	/* supervisor write, not present */
	/* The faulting instruction is kernel text: printed as its symbol. */
	ip = strstr(line, " ip=") + 4;
	if (!strncmp(ip, "0x", 2))
		LT_FAIL("ip is no kernel symbol: %s", line);
	close(p[0]);
	close(p[1]);
	munmap(page, 4096);
}

/* Two pages into a ramfs file's cache, and out again when it is deleted. */
LT_CASE(filemap)
{
	static char data[8192];
	char filter[64], want[128];
	struct stat st;
	int fd, adds = 0;

	mkdir(RAMFS, 0755);
	LT_CHECK_OK(mount("ramfs", RAMFS, "ramfs", 0, NULL));
	fd = open(RAMFS "/f", O_CREAT | O_RDWR, 0644);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(fstat(fd, &st));
	trace_reset();
	snprintf(filter, sizeof(filter), "i_ino == %lu", (unsigned long)st.st_ino);
	LT_CHECK_EQ(put(T "/events/filemap/mm_filemap_add_to_page_cache/filter", filter, O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/events/filemap/mm_filemap_delete_from_page_cache/filter", filter,
			O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/events/filemap/enable", "1", O_TRUNC), 0);
	memset(data, 'x', sizeof(data));
	LT_CHECK_EQ(write(fd, data, sizeof(data)), (long)sizeof(data));
	close(fd);
	LT_CHECK_OK(unlink(RAMFS "/f"));
	LT_CHECK_EQ(put(T "/events/filemap/enable", "0", O_TRUNC), 0);
	put(T "/events/filemap/mm_filemap_add_to_page_cache/filter", "0", O_TRUNC);
	put(T "/events/filemap/mm_filemap_delete_from_page_cache/filter", "0", O_TRUNC);
	umount(RAMFS);
	LT_CHECK(read_trace() > 0);
	for (int ofs = 0; ofs < 8192; ofs += 4096) {
		snprintf(want, sizeof(want), "mm_filemap_add_to_page_cache: dev %u:%u ino %lx pfn=0x",
			 major(st.st_dev), minor(st.st_dev), (unsigned long)st.st_ino);
		for (char *p = text; (p = strstr(p, want)) != NULL; p++) {
			char tail[48];

			snprintf(tail, sizeof(tail), " ofs=%d order=0\n", ofs);
			if (!strncmp(strchr(p + strlen(want), ' '), tail, strlen(tail)))
				adds++;
		}
	}
	if (adds != 2)
		LT_FAIL("%d of 2 mm_filemap_add_to_page_cache lines:\n%.800s", adds, text);
	snprintf(want, sizeof(want), "mm_filemap_delete_from_page_cache: dev %u:%u ino %lx pfn=0x",
		 major(st.st_dev), minor(st.st_dev), (unsigned long)st.st_ino);
	LT_CHECK(strstr(text, want) != NULL);
	LT_CHECK(strstr(text, " ofs=4096 order=0\n") != NULL);
}

static int format_has(const char *event, const char *line)
{
	char path[128];

	snprintf(path, sizeof(path), T "/events/%s/format", event);
	if (lt_read_file(path, text, TRACE_MAX) < 0)
		return 0;
	return strstr(text, line) != NULL;
}

#define CHECK_FORMAT(ev, line) do {						\
	if (!format_has(ev, line))						\
		LT_FAIL("%s: no \"%s\" in:\n%.900s", ev, line, text);		\
} while (0)

/* The layouts Linux gives these records, which tools that parse them expect. */
LT_CASE(formats)
{
	CHECK_FORMAT("exceptions/page_fault_user",
		     "\tfield:unsigned long error_code;\toffset:24;\tsize:8;\tsigned:0;\n");
	CHECK_FORMAT("exceptions/page_fault_kernel",
		     "\nprint fmt: \"address=%ps ip=%ps error_code=0x%lx\"");
	CHECK_FORMAT("filemap/mm_filemap_add_to_page_cache",
		     "\tfield:dev_t s_dev;\toffset:32;\tsize:4;\tsigned:0;\n");
	CHECK_FORMAT("filemap/mm_filemap_delete_from_page_cache",
		     "\tfield:unsigned long i_ino;\toffset:16;\tsize:8;\tsigned:0;\n");
	CHECK_FORMAT("block/block_rq_insert",
		     "\tfield:sector_t sector;\toffset:16;\tsize:8;\tsigned:0;\n");
	CHECK_FORMAT("block/block_rq_issue",
		     "\tfield:__data_loc char[] cmd;\toffset:56;\tsize:4;\tsigned:1;\n");
	CHECK_FORMAT("block/block_rq_issue", "\tfield:char comm[16];\toffset:40;\tsize:16;\tsigned:1;\n");
	CHECK_FORMAT("block/block_rq_complete", "\tfield:int error;\toffset:28;\tsize:4;\tsigned:1;\n");
	CHECK_FORMAT("block/block_rq_complete",
		     "\nprint fmt: \"%d,%d %s (%s) %llu + %u [%d]\"");
	CHECK_FORMAT("module/module_load",
		     "\tfield:__data_loc char[] name;\toffset:12;\tsize:4;\tsigned:1;\n");
	CHECK_FORMAT("module/module_free",
		     "\tfield:__data_loc char[] name;\toffset:8;\tsize:4;\tsigned:1;\n");
	/* A string filter on a __data_loc field, and a bad one. */
	LT_CHECK_EQ(put(T "/events/module/module_free/filter", "name == \"nosuchmod\"", O_TRUNC), 0);
	LT_CHECK_OK(lt_read_file(T "/events/module/module_free/filter", text, TRACE_MAX));
	LT_CHECK(!strcmp(text, "name == \"nosuchmod\"\n"));
	LT_CHECK_EQ(put(T "/events/module/module_free/filter", "name > 3", O_TRUNC), EINVAL);
	LT_CHECK_EQ(put(T "/events/module/module_free/filter", "0", O_TRUNC), 0);
}

int main(void)
{
	struct stat st;

	lt_begin("ftrace_mm_events");
	mkdir("/sys", 0755);
	if (stat("/sys/kernel", &st) && mount("sysfs", "/sys", "sysfs", 0, NULL))
		return 1;
	if (stat(T "/trace", &st) && mount("nodev", T, "tracefs", 0, NULL)) {
		printf("FAIL ftrace_mm_events/setup: cannot mount tracefs (errno %d)\n", errno);
		return 1;
	}
	mkdir("/tmp", 01777);
	text = malloc(TRACE_MAX);
	if (!text)
		return 1;
	LT_RUN(page_fault_user);
	LT_RUN(page_fault_kernel);
	LT_RUN(filemap);
	LT_RUN(formats);
	trace_reset();
	return lt_end();
}
