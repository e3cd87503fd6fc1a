// SPDX-License-Identifier: GPL-2.0
/*
 * testinit: PID 1 of the user-space test initramfs.
 *
 * Runs the test programs one after another (fork + execve), each with a
 * time limit, then powers the machine off.  The programs print their own
 * PASS/FAIL lines; testinit adds a FAIL line only for a program that did
 * not finish normally (non-zero exit, death by a signal, time-out).
 *
 * The programs are those /tests/INDEX names, one per line, in its order
 * (usr/Makefile.usr writes it from the files in usr/tests/).
 *
 * Arguments (the kernel passes everything after "--" on its command line):
 *	/path/prog ...		run these instead of the INDEX
 *	lt.only=NAME		run only the program whose base name is NAME
 *	lt.skip=A,B,...		do not run these programs; say "SKIP <name>" for each
 *	lt.timeout=SECONDS	per-program limit (default 30)
 *	lt.timeout.NAME=SECONDS	the limit of program NAME (the stress tests)
 *
 * After each program, testinit reads what the kernel logged meanwhile
 * (/dev/kmsg) and fails the program if the kernel reported a bug there:
 * an oops, a BUG or WARNING report, a general protection fault.  Garbage
 * from user space must give error codes, never kernel bugs, even when
 * the program itself sees nothing wrong.
 *
 * As PID 1 it inherits every orphan, so the wait loop reaps any child, not
 * just the program it started: proc_wait checks that orphans get reaped.
 * Time-outs are polled with nanosleep rather than alarm(), so a kernel
 * whose signals misbehave still gets its FAIL lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#define POLL_MS		5

static unsigned long orphans_reaped;

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	(void)!write(1, line, n);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&ts, NULL);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * Wait until PID exits, reaping every other child on the way.  Kills PID
 * once TIMEOUT_MS has passed.  Returns its wait status; *timed_out says
 * whether it had to be killed.
 */
static int wait_program(pid_t pid, long long timeout_ms, int *timed_out)
{
	long long deadline = now_ms() + timeout_ms;
	int status;
	pid_t r;

	*timed_out = 0;
	for (;;) {
		r = waitpid(-1, &status, WNOHANG);
		if (r == pid)
			return status;
		if (r > 0) {
			orphans_reaped++;
			continue;
		}
		if (r < 0 && errno != EINTR) {
			say("testinit: waitpid: %s", lt_errname(errno));
			return -1;
		}
		if (!*timed_out && now_ms() > deadline) {
			kill(pid, SIGKILL);
			*timed_out = 1;
		}
		sleep_ms(POLL_MS);
	}
}

/*
 * Whatever a program left running would disturb the next one (and its
 * CPU-time measurements): kill it and reap it.  kill(-1) from PID 1 hits
 * every process but init (on Linux it "succeeds" even when only kernel
 * threads exist, so count what gets reaped instead).
 */
static void kill_leftovers(const char *name)
{
	long long deadline = now_ms() + 5000;
	int status, killed = 0;

	if (getpid() != 1)
		return;
	kill(-1, SIGKILL);
	while (now_ms() < deadline) {
		pid_t r = waitpid(-1, &status, WNOHANG);

		if (r > 0) {
			killed++;
		} else if (r < 0 && errno == ECHILD) {
			if (killed)
				say("testinit: killed %d processes %s left running", killed, name);
			return;
		} else {
			sleep_ms(POLL_MS);
		}
	}
	say("testinit: leftovers of %s were not reaped within 5 s", name);
}

static int kmsg_fd = -1;

/* Follow the kernel log from now on (a node of our own if /dev has none). */
static void kmsg_open(void)
{
	if (access("/dev/kmsg", F_OK))
		mknod("/dev/kmsg", S_IFCHR | 0600, makedev(1, 11));
	kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (kmsg_fd < 0)
		say("testinit: no /dev/kmsg (%s): kernel bug reports go unchecked",
		    lt_errname(errno));
	else
		lseek(kmsg_fd, 0, SEEK_END);
}

/* Does this kernel log text report a kernel bug? */
static int is_kernel_bug(const char *msg)
{
	static const char *const starts[] = {
		"BUG: ", "BUG ", "WARNING: ", "kernel BUG", "Oops", "general protection fault",
		"Kernel panic", "list_add corruption", "list_del corruption",
	};
	unsigned int i;

	for (i = 0; i < sizeof(starts) / sizeof(starts[0]); i++)
		if (!strncmp(msg, starts[i], strlen(starts[i])))
			return 1;
	return 0;
}

/* Fail @name if the kernel logged a bug report since the last look. */
static void kmsg_check(const char *name)
{
	char rec[1024];
	int reported = 0, more = 0;

	if (kmsg_fd < 0)
		return;
	for (;;) {
		ssize_t n = read(kmsg_fd, rec, sizeof(rec) - 1);
		char *msg;

		if (n < 0 && errno == EPIPE)
			continue;	/* records lost to the ring: go on with the next */
		if (n <= 0)
			break;
		rec[n] = '\0';
		rec[strcspn(rec, "\n")] = '\0';
		msg = strchr(rec, ';');
		/* Facility 0: the kernel's own, not lines user space wrote to kmsg. */
		if (!msg || (atoi(rec) >> 3) != 0 || !is_kernel_bug(msg + 1))
			continue;
		if (!reported++)
			say("FAIL %s: kernel log: %.200s", name, msg + 1);
		else
			more++;
	}
	if (more)
		say("testinit: %s: %d more kernel bug lines", name, more);
}

static void run_program(const char *path, char **envp, long long timeout_ms)
{
	const char *name = base_name(path);
	char *argv[] = { (char *)path, NULL };
	long long start = now_ms();
	int status, timed_out;
	pid_t pid;

	pid = fork();
	if (pid < 0) {
		say("FAIL %s: fork failed: %s", name, lt_errname(errno));
		return;
	}
	if (pid == 0) {
		execve(path, argv, envp);
		say("testinit: execve %s failed: %s", path, lt_errname(errno));
		_exit(127);
	}
	status = wait_program(pid, timeout_ms, &timed_out);
	if (timed_out)
		say("FAIL %s: timed out after %lld s (killed)", name, timeout_ms / 1000);
	else if (status == -1)
		say("FAIL %s: lost track of the program", name);
	else if (WIFSIGNALED(status))
		say("FAIL %s: killed by signal %d (%s)", name, WTERMSIG(status),
		    lt_signame(WTERMSIG(status)));
	else if (WEXITSTATUS(status))
		say("FAIL %s: exited with status %d", name, WEXITSTATUS(status));
	say("testinit: %s finished in %lld ms", name, now_ms() - start);
	kill_leftovers(name);
	kmsg_check(name);
}

/* Is @name one of the comma-separated names in @list? */
static int in_list(const char *list, const char *name)
{
	size_t n = strlen(name);

	while (*list) {
		if (!strncmp(list, name, n) && (list[n] == ',' || list[n] == '\0'))
			return 1;
		list = strchr(list, ',');
		if (!list)
			break;
		list++;
	}
	return 0;
}

/*
 * Read /tests/INDEX into a NULL-terminated array of "/tests/<name>"
 * paths.  Returns the number of programs, 0 if there is no index.
 */
static int read_index(const char ***progsp)
{
	static char buf[16384];
	const char **progs;
	char *line, *save;
	int fd, n = 0, cap = 0;
	ssize_t len;

	fd = open("/tests/INDEX", O_RDONLY);
	if (fd < 0) {
		say("testinit: /tests/INDEX: %s", lt_errname(errno));
		return 0;
	}
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len <= 0)
		return 0;
	buf[len] = '\0';
	for (line = buf; *line; line++)
		cap += *line == '\n';
	progs = calloc(cap + 2, sizeof(*progs));
	if (!progs)
		return 0;
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *path = malloc(strlen(line) + sizeof("/tests/"));

		if (!path)
			break;
		strcpy(path, "/tests/");
		strcat(path, line);
		progs[n++] = path;
	}
	*progsp = progs;
	return n;
}

/* The limit of program @name: its own lt.timeout.NAME=, else @dflt. */
static long long program_timeout_ms(int argc, char **argv, const char *name, long long dflt)
{
	size_t n = strlen(name);

	for (int i = 1; i < argc; i++)
		if (!strncmp(argv[i], "lt.timeout.", 11) && !strncmp(argv[i] + 11, name, n) &&
		    argv[i][11 + n] == '=')
			return atoll(argv[i] + 12 + n) * 1000;
	return dflt;
}

int main(int argc, char **argv, char **envp)
{
	const char **progs, *only = NULL, *skip = "";
	long long timeout_ms = 30000;
	struct utsname u;
	int i, n = 0;

	progs = calloc(argc + 1, sizeof(*progs));
	for (i = 1; progs && i < argc; i++) {
		if (!strncmp(argv[i], "lt.only=", 8))
			only = argv[i] + 8;
		else if (!strncmp(argv[i], "lt.skip=", 8))
			skip = argv[i] + 8;
		else if (!strncmp(argv[i], "lt.timeout=", 11))
			timeout_ms = atoll(argv[i] + 11) * 1000;
		else if (argv[i][0] == '/')
			progs[n++] = argv[i];
	}
	if (!n)
		n = read_index(&progs);

	if (uname(&u) == 0)
		say("testinit: pid %d on %s %s %s", getpid(), u.sysname, u.release, u.machine);
	kmsg_open();
	for (i = 0; i < n; i++) {
		const char *name = base_name(progs[i]);

		if (only && strcmp(name, only))
			continue;
		if (in_list(skip, name)) {
			say("SKIP %s: not run on this kernel (lt.skip)", name);
			continue;
		}
		run_program(progs[i], envp, program_timeout_ms(argc, argv, name, timeout_ms));
	}
	say("testinit: done (%lu orphans reaped)", orphans_reaped);

	if (getpid() != 1)
		return 0;
	sync();		/* as any init before power-off: a disk root keeps what the tests wrote */
	reboot(RB_POWER_OFF);
	say("testinit: power-off failed: %s", lt_errname(errno));
	for (;;)	/* PID 1 must not exit */
		sleep_ms(1000);
}
