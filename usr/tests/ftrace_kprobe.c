// SPDX-License-Identifier: GPL-2.0
/*
 * ftrace_kprobe: kprobe events through kprobe_events.  An entry probe on
 * the x86-64 openat entry (__x64_sys_openat, whose one argument is the
 * caller's saved registers) fetching dfd, the path string and the flags
 * through dereferences and $comm; a return probe with $retval; both read
 * back from kprobe_events, their format files, the trace (after openat of
 * a missing file and of "/"), a string filter on the path, kprobe_profile,
 * deletion (refused while enabled), and bad definitions refused with
 * Linux's errors.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "lt.h"

#define T	"/sys/kernel/tracing"
#define KE	T "/kprobe_events"
#define TRACE_MAX	(4 << 20)

/* pt_regs offsets of di, si, dx: openat's dfd, path and flags. */
#define ENTRY_DEF "p:ltkp/open_entry __x64_sys_openat dfd=+112($arg1):s32 " \
	"path=+0(+104($arg1)):string flags=+96($arg1):x32 comm=$comm"
#define RET_DEF "r:ltkp/open_ret __x64_sys_openat ret=$retval:s64"

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

static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/*
 * The path from the stack: a probe reads it without faulting pages in,
 * and a constant on a page not yet touched would read as (fault).
 */
static long sys_openat(const char *path, int flags)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%s", path);
	return syscall(SYS_openat, AT_FDCWD, buf, flags);
}

LT_CASE(entry_and_return)
{
	char want[256];
	struct stat st;
	long fd;

	trace_reset();
	LT_CHECK_EQ(put(KE, ENTRY_DEF, O_TRUNC), 0);
	LT_CHECK_EQ(put(KE, RET_DEF, O_APPEND), 0);
	LT_CHECK_OK(lt_read_file(KE, text, TRACE_MAX));
	LT_CHECK(strstr(text, ENTRY_DEF "\n") != NULL);
	/* A return probe lists how many calls it can follow at once. */
	if (!strstr(text, "r10:ltkp/open_ret __x64_sys_openat ret=$retval:s64\n"))
		LT_FAIL("kprobe_events:\n%s", text);

	LT_CHECK_OK(lt_read_file(T "/events/ltkp/open_entry/format", text, TRACE_MAX));
	LT_CHECK(!strncmp(text, "name: open_entry\nID: ", 21));
	LT_CHECK(strstr(text, "\tfield:unsigned long __probe_ip;\toffset:8;\tsize:8;\tsigned:0;\n"));
	LT_CHECK(strstr(text, "\tfield:s32 dfd;\toffset:16;\tsize:4;\tsigned:1;\n"));
	LT_CHECK(strstr(text, "\tfield:__data_loc char[] path;\toffset:20;\tsize:4;\tsigned:1;\n"));
	LT_CHECK(strstr(text, "\tfield:u32 flags;\toffset:24;\tsize:4;\tsigned:0;\n"));
	if (!strstr(text, "\nprint fmt: \"(%lx) dfd=%d path=\\\"%s\\\" flags=0x%x comm=\\\"%s\\\"\", "
		    "REC->__probe_ip, REC->dfd, __get_str(path), REC->flags, __get_str(comm)\n"))
		LT_FAIL("format:\n%s", text);
	LT_CHECK_OK(lt_read_file(T "/events/ltkp/open_ret/format", text, TRACE_MAX));
	LT_CHECK(strstr(text, "\tfield:unsigned long __probe_func;\toffset:8;\tsize:8;\tsigned:0;\n"));
	LT_CHECK(strstr(text, "\tfield:unsigned long __probe_ret_ip;\toffset:16;\tsize:8;\tsigned:0;\n"));
	LT_CHECK(strstr(text, "\tfield:s64 ret;\toffset:24;\tsize:8;\tsigned:1;\n"));

	LT_CHECK_EQ(put(T "/events/ltkp/enable", "1", O_TRUNC), 0);
	LT_CHECK_ERR(sys_openat("/nonexistent-ltkp-42", O_RDONLY), ENOENT);
	fd = sys_openat("/", O_RDONLY | O_DIRECTORY);
	LT_CHECK(fd >= 0);
	close(fd);
	/* Enabled: neither deleted nor cleared. */
	LT_CHECK_EQ(put(KE, "-:ltkp/open_entry", O_APPEND), EBUSY);
	LT_CHECK_EQ(put(KE, "", O_TRUNC), EBUSY);
	LT_CHECK_EQ(put(T "/events/ltkp/enable", "0", O_TRUNC), 0);

	LT_CHECK(lt_read_file(T "/trace", text, TRACE_MAX) > 0);
	LT_CHECK(strstr(text, "open_entry: (__x64_sys_openat+0x0/0x") != NULL);
	if (!strstr(text, ") dfd=-100 path=\"/nonexistent-ltkp-42\" flags=0x0 comm=\"ftrace_kprobe\"\n"))
		LT_FAIL("no entry line for the missing file:\n%.1500s", text);
	snprintf(want, sizeof(want), ") dfd=-100 path=\"/\" flags=0x%x comm=\"ftrace_kprobe\"\n",
		 O_RDONLY | O_DIRECTORY);
	if (!strstr(text, want))
		LT_FAIL("no \"%s\" in:\n%.1500s", want, strstr(text, "open_") ? strstr(text, "open_") : text);
	LT_CHECK(strstr(text, " <- __x64_sys_openat) ret=-2\n") != NULL);
	snprintf(want, sizeof(want), " <- __x64_sys_openat) ret=%ld\n", fd);
	LT_CHECK(strstr(text, want) != NULL);

	LT_CHECK_OK(lt_read_file(T "/kprobe_profile", text, TRACE_MAX));
	{
		char *l = strstr(text, "open_entry ");
		unsigned long hits = 0, missed = 1;

		LT_CHECK(l != NULL);
		LT_CHECK_EQ(sscanf(l, "open_entry %lu %lu", &hits, &missed), 2);
		LT_CHECK(hits >= 2);
		LT_CHECK_EQ(missed, 0);
	}

	/* A string filter on the fetched path: one of two opens is kept. */
	trace_reset();
	LT_CHECK_EQ(put(T "/events/ltkp/open_entry/filter", "path ~ \"*ltkp-keep*\"", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/events/ltkp/open_entry/enable", "1", O_TRUNC), 0);
	sys_openat("/nonexistent-ltkp-keep", O_RDONLY);
	sys_openat("/nonexistent-ltkp-drop", O_RDONLY);
	LT_CHECK_EQ(put(T "/events/ltkp/open_entry/enable", "0", O_TRUNC), 0);
	LT_CHECK(lt_read_file(T "/trace", text, TRACE_MAX) > 0);
	LT_CHECK_EQ(count(text, "path=\"/nonexistent-ltkp-keep\""), 1);
	LT_CHECK_EQ(count(text, "ltkp-drop"), 0);

	/* Deleted: by group/event and by event alone; the folders go with them. */
	LT_CHECK_EQ(put(KE, "-:ltkp/open_entry", O_APPEND), 0);
	LT_CHECK_ERR(stat(T "/events/ltkp/open_entry", &st), ENOENT);
	LT_CHECK_EQ(put(KE, "-:open_ret", O_APPEND), 0);
	LT_CHECK_ERR(stat(T "/events/ltkp", &st), ENOENT);
	LT_CHECK_OK(lt_read_file(KE, text, TRACE_MAX));
	LT_CHECK(strstr(text, "ltkp") == NULL);
	LT_CHECK_EQ(put(KE, "-:ltkp/open_entry", O_APPEND), ENOENT);
}

/* A probe named by default, in the default group. */
LT_CASE(default_names)
{
	long fd;

	trace_reset();
	LT_CHECK_EQ(put(KE, "p __x64_sys_openat", O_TRUNC), 0);
	LT_CHECK_OK(lt_read_file(KE, text, TRACE_MAX));
	LT_CHECK(strstr(text, "p:kprobes/p___x64_sys_openat_0 __x64_sys_openat\n") != NULL);
	LT_CHECK_EQ(put(T "/events/kprobes/p___x64_sys_openat_0/enable", "1", O_TRUNC), 0);
	fd = sys_openat("/", O_RDONLY);
	LT_CHECK_EQ(put(T "/events/kprobes/p___x64_sys_openat_0/enable", "0", O_TRUNC), 0);
	close(fd);
	LT_CHECK(lt_read_file(T "/trace", text, TRACE_MAX) > 0);
	LT_CHECK(strstr(text, "p___x64_sys_openat_0: (__x64_sys_openat+0x0/0x") != NULL);
	LT_CHECK_EQ(put(KE, "", O_TRUNC), 0);
	LT_CHECK_OK(lt_read_file(KE, text, TRACE_MAX));
	LT_CHECK(!strcmp(text, ""));
}

/*
 * A return probe and the function_graph tracer on the same function: both
 * hook its return, and both see it.
 */
LT_CASE(with_function_graph)
{
	char want[96];
	long fd;

	trace_reset();
	LT_CHECK_EQ(put(KE, RET_DEF, O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/set_ftrace_filter", "__x64_sys_openat", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/current_tracer", "function_graph", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/events/ltkp/open_ret/enable", "1", O_TRUNC), 0);
	fd = sys_openat("/", O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(put(T "/events/ltkp/open_ret/enable", "0", O_TRUNC), 0);
	/* Read before the tracer changes: Linux empties the buffer then. */
	LT_CHECK_EQ(put(T "/tracing_on", "0", O_TRUNC), 0);
	LT_CHECK(lt_read_file(T "/trace", text, TRACE_MAX) > 0);
	LT_CHECK_EQ(put(T "/current_tracer", "nop", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/set_ftrace_filter", "", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/tracing_on", "1", O_TRUNC), 0);
	close(fd);
	snprintf(want, sizeof(want), " <- __x64_sys_openat) ret=%ld", fd);
	/* The graph's line is a leaf, or an entry and an exit around the probe's line. */
	if (!strstr(text, want) || strstr(text, "return_to_handler") ||
	    (!strstr(text, "__x64_sys_openat();") && !strstr(text, "} /* __x64_sys_openat */")))
		LT_FAIL("no return probe line or no graph line:\n%.1500s",
			strstr(text, "open") ? strstr(text, "open") - 80 : text);
	LT_CHECK_EQ(put(KE, "", O_TRUNC), 0);
}

/* Bad definitions: an error each, and nothing left behind. */
LT_CASE(bad_input)
{
	struct stat st;

	LT_CHECK_EQ(put(KE, "", O_TRUNC), 0);
	LT_CHECK_EQ(put(KE, "p:ltkp/bad no_such_symbol_xyz", O_APPEND), ENOENT);
	LT_CHECK_EQ(put(KE, "p:ltkp/bad __x64_sys_openat+1", O_APPEND), EILSEQ);
	LT_CHECK_EQ(put(KE, "garbage here", O_APPEND), EINVAL);
	LT_CHECK_EQ(put(KE, "p:ltkp/bad", O_APPEND), EINVAL);
	LT_CHECK_EQ(put(KE, "p:ltkp/bad exc_page_fault", O_APPEND), EINVAL);	/* blacklisted */
	LT_CHECK_EQ(put(KE, "p:ltkp/bad __x64_sys_openat x=$arg1:u7", O_APPEND), EINVAL);
	LT_CHECK_EQ(put(KE, "p:ltkp/bad __x64_sys_openat x=%zz", O_APPEND), EINVAL);
	LT_CHECK_EQ(put(KE, "p:ltkp/bad __x64_sys_openat $retval", O_APPEND), EINVAL);
	LT_CHECK_EQ(put(KE, "p:ltkp/bad __x64_sys_openat x=$arg1:string", O_APPEND), EINVAL);
	LT_CHECK_EQ(put(KE, "p:ltkp/bad __x64_sys_openat x=+0($arg1", O_APPEND), EINVAL);
	LT_CHECK_EQ(put(KE, "r:ltkp/bad __x64_sys_openat+1", O_APPEND), EINVAL);
	LT_CHECK_EQ(put(KE, "p:ltkp/bad-name __x64_sys_openat", O_APPEND), EINVAL);
	LT_CHECK_EQ(put(KE, "-:ltkp/nosuch", O_APPEND), ENOENT);
	LT_CHECK_EQ(put(KE, "p:ltkp/dup __x64_sys_openat", O_APPEND), 0);
	LT_CHECK_EQ(put(KE, "p:ltkp/dup __x64_sys_openat x=%di", O_APPEND), EEXIST);
	LT_CHECK_EQ(put(KE, "-:ltkp/dup", O_APPEND), 0);
	LT_CHECK_OK(lt_read_file(KE, text, TRACE_MAX));
	LT_CHECK(!strcmp(text, ""));
	LT_CHECK_ERR(stat(T "/events/ltkp", &st), ENOENT);
	{
		int fd = open(KE, O_WRONLY | O_APPEND);

		LT_CHECK(fd >= 0);
		LT_CHECK_ERR(write(fd, (void *)0xffffffff81000000UL, 16), EFAULT);
		close(fd);
	}
	/* The functions refused, as the debugfs blacklist lists them. */
	LT_CHECK(lt_read_file("/sys/kernel/debug/kprobes/blacklist", text, TRACE_MAX) > 0);
	LT_CHECK(strstr(text, "\texc_page_fault\n") != NULL);
}

int main(void)
{
	struct stat st;

	lt_begin("ftrace_kprobe");
	mkdir("/sys", 0755);
	if (stat("/sys/kernel", &st) && mount("sysfs", "/sys", "sysfs", 0, NULL))
		return 1;
	if (stat(T "/trace", &st) && mount("nodev", T, "tracefs", 0, NULL)) {
		printf("FAIL ftrace_kprobe/setup: cannot mount tracefs (errno %d)\n", errno);
		return 1;
	}
	if (stat("/sys/kernel/debug/kprobes", &st))
		mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL);
	text = malloc(TRACE_MAX);
	if (!text)
		return 1;
	LT_RUN(entry_and_return);
	LT_RUN(default_names);
	LT_RUN(with_function_graph);
	LT_RUN(bad_input);
	put(T "/events/ltkp/enable", "0", O_TRUNC);
	put(KE, "", O_TRUNC);
	trace_reset();
	return lt_end();
}
