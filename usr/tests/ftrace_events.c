// SPDX-License-Identifier: GPL-2.0
/*
 * ftrace_events: tracefs and trace events, as a learner uses them.  The
 * seed's commands through /sys/kernel/debug/tracing (tracefs appears
 * there by itself once debugfs is mounted): sched_switch lines while two
 * processes ping-pong over pipes; available_tracers.  Then, through
 * /sys/kernel/tracing: sys_enter/sys_exit events of a getppid loop with
 * the value it returned; a field filter; set_event_pid; set_event;
 * sched_process_fork/exit; sched_wakeup; a format file against its id file;
 * tracing_on; trace_pipe blocking until a trace_marker line arrives and
 * EAGAIN when non-blocking; buffer_size_kb; and bad input refused.
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
#include <sys/wait.h>
#include "lt.h"

#define T	"/sys/kernel/tracing"
#define DT	"/sys/kernel/debug/tracing"
#define TRACE_MAX	(4 << 20)

static char *text;	/* what the last read_trace() got */

/* Write @s to @path; 0 or the errno. */
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

static long read_trace(const char *root)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/trace", root);
	return lt_read_file(path, text, TRACE_MAX);
}

/* Everything off and the buffer empty: each case starts clean. */
static void trace_reset(void)
{
	put(T "/tracing_on", "0", O_TRUNC);
	put(T "/set_event", "", O_TRUNC);
	put(T "/set_event_pid", "", O_TRUNC);
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

/* The pid of a trace line: the number after the last '-' before " [". */
static int line_pid(const char *line)
{
	const char *br = strstr(line, " [");
	const char *p;

	if (!br)
		return -1;
	for (p = br; p > line && p[-1] == ' '; p--)
		;
	while (p > line && p[-1] != '-')
		p--;
	return atoi(p);
}

static int setup(void)
{
	struct stat st;

	mkdir("/sys", 0755);
	if (stat("/sys/kernel", &st) && mount("sysfs", "/sys", "sysfs", 0, NULL))
		return -1;
	if (stat(T "/trace", &st) && mount("nodev", T, "tracefs", 0, NULL))
		return -1;
	if (stat("/sys/kernel/debug/tracing", &st) &&
	    mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL))
		return -1;
	text = malloc(TRACE_MAX);
	return text ? 0 : -1;
}

/* The seed: echo 1 > .../events/sched/sched_switch/enable; cat .../trace. */
LT_CASE(seed_sched_switch)
{
	int ping[2], pong[2];
	char c = 0;
	pid_t pid;

	trace_reset();
	LT_CHECK_OK(lt_read_file(DT "/available_tracers", text, TRACE_MAX));
	LT_CHECK(strstr(text, "nop") != NULL);
	LT_CHECK_EQ(put(DT "/events/sched/sched_switch/enable", "1", O_TRUNC), 0);
	LT_CHECK_OK(pipe(ping));
	LT_CHECK_OK(pipe(pong));
	pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 20; i++)
			if (read(ping[0], &c, 1) != 1 || write(pong[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	for (int i = 0; i < 20; i++) {
		LT_CHECK_EQ(write(ping[1], &c, 1), 1);
		LT_CHECK_EQ(read(pong[0], &c, 1), 1);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(put(DT "/events/sched/sched_switch/enable", "0", O_TRUNC), 0);
	LT_CHECK(read_trace(DT) > 0);
	LT_CHECK(strstr(text, "# tracer: nop") != NULL);
	LT_CHECK(strstr(text, "#           TASK-PID     CPU#") != NULL);
	{
		char me[64], child[64];

		/*
		 * Data crosses 40 times and only a running process moves it, so
		 * each side is switched away from (asleep in read, S, or preempted
		 * by the wakeup it caused, R+) and back to at least 10 times.
		 */
		snprintf(me, sizeof(me), "prev_pid=%d prev_prio=120 prev_state=", getpid());
		snprintf(child, sizeof(child), "prev_pid=%d prev_prio=120 prev_state=", pid);
		if (count(text, me) < 10 || count(text, child) < 10)
			LT_FAIL("sched_switch: %d of ours, %d of the child's:\n%.300s",
				count(text, me), count(text, child), text);
		snprintf(child, sizeof(child), "next_pid=%d next_prio=120", pid);
		LT_CHECK(count(text, child) >= 10);
		LT_CHECK(strstr(text, " prev_state=S ==> ") != NULL);	/* someone slept in read */
		LT_CHECK(strstr(text, "] d") != NULL);	/* switches happen with irqs off */
	}
}

/* syscalls/sys_enter_getppid and sys_exit_getppid around a loop of 10. */
LT_CASE(syscall_getppid)
{
	char ret[64];

	trace_reset();
	LT_CHECK_EQ(put(T "/events/syscalls/sys_enter_getppid/enable", "1", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/events/syscalls/sys_exit_getppid/enable", "1", O_TRUNC), 0);
	for (int i = 0; i < 10; i++)
		syscall(SYS_getppid);
	LT_CHECK_EQ(put(T "/events/syscalls/enable", "0", O_TRUNC), 0);
	LT_CHECK(read_trace(T) > 0);
	LT_CHECK_EQ(count(text, ": sys_getppid()"), 10);
	snprintf(ret, sizeof(ret), ": sys_getppid -> 0x%x\n", getppid());
	LT_CHECK_EQ(count(text, ret), 10);
	LT_CHECK_OK(lt_read_file(T "/events/syscalls/enable", ret, sizeof(ret)));
	LT_CHECK(!strcmp(ret, "0\n"));
}

/* A field filter: only close(12345) is kept, close(12346) is not. */
LT_CASE(event_filter)
{
	char buf[256];

	trace_reset();
	LT_CHECK_EQ(put(T "/events/syscalls/sys_enter_close/filter", "fd == 12345", O_TRUNC), 0);
	LT_CHECK_OK(lt_read_file(T "/events/syscalls/sys_enter_close/filter", buf, sizeof(buf)));
	LT_CHECK(!strcmp(buf, "fd == 12345\n"));
	LT_CHECK_EQ(put(T "/events/syscalls/sys_enter_close/enable", "1", O_TRUNC), 0);
	for (int i = 0; i < 3; i++) {
		close(12345);
		close(12346);
	}
	LT_CHECK_EQ(put(T "/events/syscalls/sys_enter_close/enable", "0", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/events/syscalls/sys_enter_close/filter", "0", O_TRUNC), 0);
	LT_CHECK(read_trace(T) > 0);
	LT_CHECK_EQ(count(text, "sys_close(fd: "), 3);
	LT_CHECK_EQ(count(text, "3039)"), 3);		/* 12345 in hex */
	LT_CHECK_EQ(count(text, "303a)"), 0);
	LT_CHECK_OK(lt_read_file(T "/events/syscalls/sys_enter_close/filter", buf, sizeof(buf)));
	LT_CHECK(!strcmp(buf, "none\n"));
	/* A string field with a glob, and && binding tighter than ||. */
	LT_CHECK_EQ(put(T "/events/sched/sched_switch/filter",
			"prev_comm ~ \"ftr*\" && prev_pid > 0 || next_pid == 1", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/events/sched/sched_switch/filter", "0", O_TRUNC), 0);
}

/* set_event_pid: the child's getppid calls are recorded, the parent's are not. */
LT_CASE(event_pid_filter)
{
	int go[2];
	char pidstr[16], line[128], c;
	pid_t pid;
	int mine = 0, theirs = 0;

	trace_reset();
	LT_CHECK_OK(pipe(go));
	pid = fork();
	if (pid == 0) {
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		for (int i = 0; i < 5; i++)
			syscall(SYS_getppid);
		_exit(0);
	}
	snprintf(pidstr, sizeof(pidstr), "%d", pid);
	LT_CHECK_EQ(put(T "/set_event_pid", pidstr, O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/set_event", "syscalls:sys_enter_getppid", O_TRUNC), 0);
	for (int i = 0; i < 5; i++)
		syscall(SYS_getppid);
	LT_CHECK_EQ(write(go[1], "x", 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(lt_read_file(T "/set_event", line, sizeof(line)));
	LT_CHECK(!strcmp(line, "syscalls:sys_enter_getppid\n"));
	LT_CHECK_EQ(put(T "/set_event", "!syscalls:sys_enter_getppid", O_APPEND), 0);
	LT_CHECK(read_trace(T) > 0);
	for (char *l = strtok(text, "\n"); l; l = strtok(NULL, "\n")) {
		if (!strstr(l, "sys_getppid()"))
			continue;
		if (line_pid(l) == pid)
			theirs++;
		else
			mine++;
	}
	LT_CHECK_EQ(theirs, 5);
	LT_CHECK_EQ(mine, 0);
	put(T "/set_event_pid", "", O_TRUNC);
}

/* set_event takes system:event and writes back what is on; ">" clears it. */
LT_CASE(set_event)
{
	char buf[4096];

	trace_reset();
	LT_CHECK_EQ(put(T "/set_event", "sched:sched_process_fork", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/set_event", "sched:sched_process_exit", O_APPEND), 0);
	LT_CHECK_OK(lt_read_file(T "/set_event", buf, sizeof(buf)));
	LT_CHECK(strstr(buf, "sched:sched_process_fork\n") != NULL);
	LT_CHECK(strstr(buf, "sched:sched_process_exit\n") != NULL);
	LT_CHECK_OK(lt_read_file(T "/events/sched/sched_process_fork/enable", buf, sizeof(buf)));
	LT_CHECK(!strcmp(buf, "1\n"));
	LT_CHECK_OK(lt_read_file(T "/events/sched/enable", buf, sizeof(buf)));
	LT_CHECK(!strcmp(buf, "X\n"));
	{
		pid_t pid = fork();
		char want[64];

		if (pid == 0)
			_exit(0);
		LT_CHECK_WAIT(pid, LT_EXITED(0));
		LT_CHECK_EQ(put(T "/set_event", "", O_TRUNC), 0);
		LT_CHECK(read_trace(T) > 0);
		snprintf(want, sizeof(want), "child_pid=%d\n", pid);
		LT_CHECK(strstr(text, want) != NULL);
		snprintf(want, sizeof(want), "sched_process_exit: comm=ftrace_events pid=%d ", pid);
		LT_CHECK(strstr(text, want) != NULL);
	}
	LT_CHECK_OK(lt_read_file(T "/set_event", buf, sizeof(buf)));
	LT_CHECK(!strcmp(buf, ""));
	LT_CHECK_OK(lt_read_file(T "/available_events", text, TRACE_MAX));
	LT_CHECK(strstr(text, "sched:sched_switch\n") != NULL);
	LT_CHECK(strstr(text, "syscalls:sys_enter_openat\n") != NULL);
	LT_CHECK(strstr(text, "irq:irq_handler_entry\n") != NULL);
}

/* sched_wakeup: a child sleeping in read() is woken by our write. */
LT_CASE(sched_wakeup)
{
	int p[2];
	char c = 'x', want[64];
	pid_t pid;

	trace_reset();
	LT_CHECK_OK(pipe(p));
	pid = fork();
	if (pid == 0)
		_exit(read(p[0], &c, 1) == 1 ? 0 : 1);
	lt_sleep_ms(100);	/* long enough for it to be asleep in read */
	LT_CHECK_EQ(put(T "/events/sched/sched_wakeup/enable", "1", O_TRUNC), 0);
	LT_CHECK_EQ(write(p[1], &c, 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(put(T "/events/sched/sched_wakeup/enable", "0", O_TRUNC), 0);
	LT_CHECK(read_trace(T) > 0);
	snprintf(want, sizeof(want), "sched_wakeup: comm=ftrace_events pid=%d prio=120 target_cpu=0", pid);
	LT_CHECK(strstr(text, want) != NULL);
	close(p[0]);
	close(p[1]);
}

/* The format file: common fields first, then the event's, and its id. */
LT_CASE(event_format)
{
	char id[32], want[64];

	LT_CHECK_OK(lt_read_file(T "/events/sched/sched_switch/id", id, sizeof(id)));
	LT_CHECK_OK(lt_read_file(T "/events/sched/sched_switch/format", text, TRACE_MAX));
	LT_CHECK(!strncmp(text, "name: sched_switch\nID: ", 23));
	snprintf(want, sizeof(want), "ID: %s", id);
	LT_CHECK(strstr(text, want) != NULL);
	LT_CHECK(strstr(text, "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"));
	LT_CHECK(strstr(text, "\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n"));
	/* char is signed on x86, and Linux says so of char arrays too. */
	LT_CHECK(strstr(text, "\tfield:char prev_comm[16];\toffset:8;\tsize:16;\tsigned:1;\n"));
	LT_CHECK(strstr(text, "\tfield:long prev_state;\toffset:32;\tsize:8;\tsigned:1;\n"));
	LT_CHECK(strstr(text, "\nprint fmt: \"prev_comm=%s prev_pid=%d"));
	LT_CHECK_OK(lt_read_file(T "/events/syscalls/sys_enter_read/format", text, TRACE_MAX));
	LT_CHECK(strstr(text, "\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;\n"));
	if (!strstr(text, " fd;\toffset:16;\tsize:8;\tsigned:0;\n") ||
	    !strstr(text, " count;\toffset:32;\tsize:8;\tsigned:0;\n"))
		LT_FAIL("%.700s", text);
}

/* tracing_on 0: writes to trace_marker are dropped; 1: they land. */
LT_CASE(tracing_on_marker)
{
	char buf[8];

	trace_reset();
	LT_CHECK_EQ(put(T "/tracing_on", "0", O_TRUNC), 0);
	LT_CHECK_OK(lt_read_file(T "/tracing_on", buf, sizeof(buf)));
	LT_CHECK(!strcmp(buf, "0\n"));
	/* Linux answers as if the file were not open for writing. */
	LT_CHECK_EQ(put(T "/trace_marker", "lost-marker", 0), EBADF);
	LT_CHECK_EQ(put(T "/tracing_on", "1", O_TRUNC), 0);
	LT_CHECK_EQ(put(T "/trace_marker", "kept-marker", 0), 0);
	LT_CHECK(read_trace(T) > 0);
	LT_CHECK(strstr(text, "lost-marker") == NULL);
	LT_CHECK(strstr(text, ": tracing_mark_write: kept-marker\n") != NULL);
	LT_CHECK(strstr(text, "# entries-in-buffer/entries-written: 1/1 ") != NULL);
}

/* trace_pipe: a read with nothing there blocks until a record comes. */
LT_CASE(trace_pipe_blocks)
{
	char buf[512];
	long long t0;
	ssize_t n;
	pid_t pid;
	int fd;

	trace_reset();
	fd = open(T "/trace_pipe", O_RDONLY | O_NONBLOCK);
	LT_CHECK(fd >= 0);
	/* Linux may hand back old leftovers once; drain them. */
	while (read(fd, buf, sizeof(buf)) > 0)
		;
	LT_CHECK_ERR(read(fd, buf, sizeof(buf)), EAGAIN);
	LT_CHECK_OK(fcntl(fd, F_SETFL, 0));
	pid = fork();
	if (pid == 0) {
		lt_sleep_ms(300);
		_exit(put(T "/trace_marker", "hello-pipe", 0) ? 1 : 0);
	}
	t0 = lt_now_ns();
	n = read(fd, buf, sizeof(buf) - 1);
	LT_CHECK(n > 0);
	buf[n] = '\0';
	LT_CHECK(lt_now_ns() - t0 > 100000000LL);	/* it waited for the child */
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK(strstr(buf, "tracing_mark_write: hello-pipe\n") != NULL);
	close(fd);
	/* Consumed: the trace file no longer holds it. */
	LT_CHECK(read_trace(T) > 0);
	LT_CHECK(strstr(text, "hello-pipe") == NULL);
}

LT_CASE(buffer_size)
{
	char buf[64];

	LT_CHECK_EQ(put(T "/buffer_size_kb", "512", O_TRUNC), 0);
	LT_CHECK_OK(lt_read_file(T "/buffer_size_kb", buf, sizeof(buf)));
	/* Linux rounds to whole pages plus their headers: 513 there. */
	LT_CHECK(atoi(buf) >= 512 && atoi(buf) < 520);
	LT_CHECK_EQ(put(T "/buffer_size_kb", "1408", O_TRUNC), 0);
}

/* Bad input gets an error, never a crash. */
LT_CASE(bad_input)
{
	LT_CHECK_EQ(put(T "/events/sched/sched_switch/enable", "2", O_TRUNC), EINVAL);
	LT_CHECK_EQ(put(T "/events/sched/sched_switch/enable", "", O_TRUNC), EINVAL);
	LT_CHECK_EQ(put(T "/current_tracer", "no_such_tracer", O_TRUNC), EINVAL);
	LT_CHECK_EQ(put(T "/set_event", "no_such:event", O_TRUNC), EINVAL);
	LT_CHECK_EQ(put(T "/buffer_size_kb", "lots", O_TRUNC), EINVAL);
	LT_CHECK_EQ(put(T "/trace_clock", "sundial", O_TRUNC), EINVAL);
	LT_CHECK_EQ(put(T "/events/syscalls/sys_enter_close/filter", "nosuchfield == 1", O_TRUNC),
		    EINVAL);
	LT_CHECK_EQ(put(T "/events/syscalls/sys_enter_close/filter", "fd ==", O_TRUNC), EINVAL);
	LT_CHECK_EQ(put(T "/events/syscalls/sys_enter_close/filter", "fd == 1 &&", O_TRUNC), EINVAL);
	LT_CHECK_EQ(put(T "/events/sched/sched_switch/filter", "prev_comm > 3", O_TRUNC), EINVAL);
	/* A buffer pointing into the kernel: EFAULT. */
	{
		int fd = open(T "/trace_marker", O_WRONLY);

		LT_CHECK(fd >= 0);
		LT_CHECK_ERR(write(fd, (void *)0xffffffff81000000UL, 16), EFAULT);
		close(fd);
	}
	{
		int fd = open(T "/events/sched/sched_switch/filter", O_WRONLY);

		LT_CHECK(fd >= 0);
		LT_CHECK_ERR(write(fd, (void *)0xffffffff81000000UL, 16), EFAULT);
		close(fd);
	}
}

int main(void)
{
	lt_begin("ftrace_events");
	if (setup()) {
		printf("FAIL ftrace_events/setup: cannot mount sysfs/tracefs/debugfs (errno %d)\n",
		       errno);
		return 1;
	}
	LT_RUN(seed_sched_switch);
	LT_RUN(syscall_getppid);
	LT_RUN(event_filter);
	LT_RUN(event_pid_filter);
	LT_RUN(set_event);
	LT_RUN(sched_wakeup);
	LT_RUN(event_format);
	LT_RUN(tracing_on_marker);
	LT_RUN(trace_pipe_blocks);
	LT_RUN(buffer_size);
	LT_RUN(bad_input);
	trace_reset();
	return lt_end();
}
