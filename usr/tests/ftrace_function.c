// SPDX-License-Identifier: GPL-2.0
/*
 * ftrace_function: the function and function_graph tracers, with the
 * seed's commands as written (echo function > current_tracer; echo 1 >
 * tracing_on; cat trace): a getppid() shows up as called from
 * do_syscall_64; function_graph nests close_fd inside __x64_sys_close
 * with durations; set_ftrace_filter narrows the trace to
 * the functions it names; available_filter_functions lists them; bad
 * names are refused.  set_ftrace_pid keeps the trace to this process.
 * A return hooked by an earlier function_graph session is not traced.
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
#define DT	"/sys/kernel/debug/tracing"
#define TRACE_MAX	(8 << 20)

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

static void trace_off(void)
{
	put(T "/tracing_on", "0", O_TRUNC);
	put(T "/current_tracer", "nop", O_TRUNC);
	put(T "/set_ftrace_filter", "", O_TRUNC);
	put(T "/set_ftrace_pid", "", O_TRUNC);
	put(T "/trace", "", O_TRUNC);
	put(T "/tracing_on", "1", O_TRUNC);
}

static int setup(void)
{
	struct stat st;

	mkdir("/sys", 0755);
	if (stat("/sys/kernel", &st) && mount("sysfs", "/sys", "sysfs", 0, NULL))
		return -1;
	if (stat(T "/trace", &st) && mount("nodev", T, "tracefs", 0, NULL))
		return -1;
	if (stat(DT, &st) && mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL))
		return -1;
	text = malloc(TRACE_MAX);
	return text ? 0 : -1;
}

static int count_of(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static void my_pid_only(void)
{
	char pid[16];

	snprintf(pid, sizeof(pid), "%d", getpid());
	put(T "/set_ftrace_pid", pid, O_TRUNC);
}

/* The seed's three commands, with a getppid() while the tracer runs. */
LT_CASE(seed_function_tracer)
{
	trace_off();
	LT_CHECK_OK(lt_read_file(DT "/available_tracers", text, TRACE_MAX));
	LT_CHECK(strstr(text, "function") != NULL);
	LT_CHECK(strstr(text, "function_graph") != NULL);
	/* Only the path we look for is patched: Linux under TCG crawls with everything traced. */
	LT_CHECK_EQ(put(DT "/set_ftrace_filter", "*sys_getppid", O_TRUNC), 0);
	my_pid_only();
	LT_CHECK_EQ(put(DT "/current_tracer", "function", O_TRUNC), 0);
	LT_CHECK_EQ(put(DT "/tracing_on", "1", O_TRUNC), 0);
	for (int i = 0; i < 3; i++)
		syscall(SYS_getppid);
	LT_CHECK_EQ(put(DT "/tracing_on", "0", O_TRUNC), 0);
	LT_CHECK(lt_read_file(DT "/trace", text, TRACE_MAX) > 0);
	LT_CHECK(!strncmp(text, "# tracer: function\n", 19));
	/* Lantern's __x64_sys_getppid, Linux 6.1's __do_sys_getppid (x64_sys_call inlined). */
	if (count_of(text, "sys_getppid <-do_syscall_64") < 3) {
		char *g = strstr(text, "getppid");

		LT_FAIL("no getppid call in:\n%.600s", g ? (g - 300 > text ? g - 300 : text) : text + strlen(text) / 2);
	}
	LT_CHECK_OK(lt_read_file(DT "/current_tracer", text, TRACE_MAX));
	LT_CHECK(!strcmp(text, "function\n"));
	trace_off();
}

/* Indentation of the function name on a function_graph line. */
static int graph_depth(const char *line)
{
	const char *bar = strchr(line, '|');

	if (!bar)
		return -1;
	return (int)(strspn(bar + 1, " ") - 2) / 2;
}

/* close(2): its *close* helpers (close_fd on both kernels) nest inside __x64_sys_close. */
LT_CASE(function_graph_nesting)
{
	int outer = -1, inner = -1, closes = 0;

	trace_off();
	LT_CHECK_EQ(put(DT "/set_ftrace_filter", "*close*", O_TRUNC), 0);
	my_pid_only();
	LT_CHECK_EQ(put(DT "/current_tracer", "function_graph", O_TRUNC), 0);
	close(12345);
	LT_CHECK_EQ(put(DT "/tracing_on", "0", O_TRUNC), 0);
	LT_CHECK(lt_read_file(DT "/trace", text, TRACE_MAX) > 0);
	LT_CHECK(!strncmp(text, "# tracer: function_graph\n", 25));
	for (char *l = strtok(text, "\n"); l; l = strtok(NULL, "\n")) {
		if (strstr(l, "sys_close() {"))
			outer = graph_depth(l);
		else if (outer >= 0 && inner < 0 && strstr(l, "();")) {
			inner = graph_depth(l);
			if (!strstr(l, " us "))
				LT_FAIL("a leaf without its duration: %s", l);
		} else if (inner >= 0 && strstr(l, " us ") && strchr(l, '}'))
			closes++;
	}
	if (outer < 0 || inner <= outer)
		LT_FAIL("nothing nested in sys_close (depths %d, %d)", outer, inner);
	LT_CHECK(closes >= 1);
	trace_off();
}

/*
 * The seed's function_graph for every task: the scheduler, wakeups,
 * interrupts and fork hooked while a child is forked and reaped.
 */
LT_CASE(function_graph_everything)
{
	pid_t pid;

	trace_off();
	/* Not quite everything: Linux under TCG stalls with all of it hooked. */
	LT_CHECK_EQ(put(DT "/set_ftrace_filter", "schedule *switch* *wake_up* kernel_clone do_syscall_64",
			O_TRUNC), 0);
	LT_CHECK_EQ(put(DT "/current_tracer", "function_graph", O_TRUNC), 0);
	pid = fork();
	if (pid == 0) {
		lt_sleep_ms(20);
		_exit(7);
	}
	for (int i = 0; i < 3; i++)
		syscall(SYS_getppid);
	LT_CHECK_WAIT(pid, LT_EXITED(7));
	lt_sleep_ms(20);
	LT_CHECK_EQ(put(DT "/current_tracer", "nop", O_TRUNC), 0);
	LT_CHECK(lt_read_file(DT "/trace", text, TRACE_MAX) >= 0);
	trace_off();
}

/*
 * A function trace's getppid() lines; *others counts every other event
 * line (the first is noted, to show what got in).  Splits @text.
 */
static int count_getppid_lines(char *text, int *others)
{
	int mine = 0;

	*others = 0;
	for (char *l = strtok(text, "\n"); l; l = strtok(NULL, "\n")) {
		if (*l == '#')
			continue;
		if (strstr(l, "sys_getppid <-"))
			mine++;
		else if ((*others)++ == 0)
			lt_note("not getppid: %s", l);
	}
	return mine;
}

/* set_ftrace_filter: only the named function is traced. */
LT_CASE(ftrace_filter)
{
	char buf[256];
	int others = 0, mine = 0;

	trace_off();
	LT_CHECK_EQ(put(T "/set_ftrace_filter", "*sys_getppid", O_TRUNC), 0);
	LT_CHECK_OK(lt_read_file(T "/set_ftrace_filter", buf, sizeof(buf)));
	LT_CHECK(strstr(buf, "sys_getppid\n") != NULL);
	LT_CHECK_EQ(put(T "/current_tracer", "function", O_TRUNC), 0);
	for (int i = 0; i < 5; i++)
		syscall(SYS_getppid);
	LT_CHECK_EQ(put(T "/tracing_on", "0", O_TRUNC), 0);
	LT_CHECK(lt_read_file(T "/trace", text, TRACE_MAX) > 0);
	mine = count_getppid_lines(text, &others);
	LT_CHECK(mine >= 5);
	LT_CHECK_EQ(others, 0);
	trace_off();
	LT_CHECK_OK(lt_read_file(T "/set_ftrace_filter", buf, sizeof(buf)));
	LT_CHECK(strstr(buf, "sys_getppid") == NULL);
}

/*
 * A task asleep in schedule() while function_graph hooked it returns
 * through the hook after the tracer changed: that return belongs to no
 * trace, so a function trace started meanwhile shows only its own calls.
 */
LT_CASE(graph_returns_after_switch)
{
	int pipefd[2], others = 0, mine = 0;
	pid_t pid;

	trace_off();
	LT_CHECK_OK(pipe(pipefd));
	LT_CHECK_EQ(put(T "/set_ftrace_filter", "schedule", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/current_tracer", "function_graph", O_TRUNC), 0);
	pid = fork();
	if (pid == 0) {
		char c;

		close(pipefd[1]);
		_exit(read(pipefd[0], &c, 1) == 1 ? 3 : 4);
	}
	close(pipefd[0]);
	lt_sleep_ms(100);	/* the child sleeps inside a hooked schedule() */
	LT_CHECK_EQ(put(T "/current_tracer", "nop", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/set_ftrace_filter", "*sys_getppid", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/trace", "", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/current_tracer", "function", O_TRUNC), 0);
	LT_CHECK_EQ(write(pipefd[1], "x", 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(3));
	syscall(SYS_getppid);
	LT_CHECK_EQ(put(T "/tracing_on", "0", O_TRUNC), 0);
	LT_CHECK(lt_read_file(T "/trace", text, TRACE_MAX) > 0);
	mine = count_getppid_lines(text, &others);
	LT_CHECK(mine >= 1);
	LT_CHECK_EQ(others, 0);
	close(pipefd[1]);
	trace_off();
}

/* Opened for writing without O_TRUNC (">>" or no flag): the filter grows. */
LT_CASE(ftrace_filter_append)
{
	char buf[512];

	trace_off();
	LT_CHECK_EQ(put(T "/set_ftrace_filter", "*sys_getppid", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/set_ftrace_filter", "*sys_getpid", 0), 0);
	LT_CHECK_EQ(put(T "/set_ftrace_filter", "*sys_gettid", O_APPEND), 0);
	LT_CHECK_OK(lt_read_file(T "/set_ftrace_filter", buf, sizeof(buf)));
	LT_CHECK(strstr(buf, "sys_getppid\n") != NULL);
	LT_CHECK(strstr(buf, "sys_getpid\n") != NULL);
	LT_CHECK(strstr(buf, "sys_gettid\n") != NULL);
	LT_CHECK_EQ(put(T "/set_ftrace_filter", "*sys_getppid", O_TRUNC), 0);
	LT_CHECK_OK(lt_read_file(T "/set_ftrace_filter", buf, sizeof(buf)));
	LT_CHECK(strstr(buf, "sys_getpid\n") == NULL);
	LT_CHECK(strstr(buf, "sys_getppid\n") != NULL);
	trace_off();
}

LT_CASE(available_functions)
{
	LT_CHECK(lt_read_file(T "/available_filter_functions", text, TRACE_MAX) > 0);
	LT_CHECK(strstr(text, "\nclose_fd\n") != NULL);
	LT_CHECK(strstr(text, "sys_getppid\n") != NULL);
}

LT_CASE(bad_input)
{
	/* Linux judges a name once a blank ends it. */
	LT_CHECK_EQ(put(T "/set_ftrace_filter", "no_such_function_anywhere\n", O_TRUNC), EINVAL);
	LT_CHECK_EQ(put(T "/set_ftrace_pid", "minus-one", O_TRUNC), EINVAL);
	LT_CHECK_EQ(put(T "/current_tracer", "function_graphs", O_TRUNC), EINVAL);
	trace_off();
}

int main(void)
{
	lt_begin("ftrace_function");
	if (setup()) {
		printf("FAIL ftrace_function/setup: cannot mount sysfs/tracefs/debugfs (errno %d)\n",
		       errno);
		return 1;
	}
	LT_RUN(seed_function_tracer);
	LT_RUN(function_graph_nesting);
	LT_RUN(function_graph_everything);
	LT_RUN(ftrace_filter);
	LT_RUN(graph_returns_after_switch);
	LT_RUN(ftrace_filter_append);
	LT_RUN(available_functions);
	LT_RUN(bad_input);
	trace_off();
	return lt_end();
}
