// SPDX-License-Identifier: GPL-2.0
/*
 * The test harness behind lt.h.  It uses only write(2), mmap, getpid,
 * wait4, kill, nanosleep and clock_gettime, and never allocates, so it
 * works from vfork and CLONE_VM children and on a kernel without files.
 *
 * State: the current case's name, its first failure, and the pid that runs
 * it (a failing check in any other process is a child's).  A child's reason
 * goes to a MAP_SHARED page the parent reads after waiting.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#define LINE_MAX_LEN	1024
#define REASON_LEN	768
#define LT_SLOW_MS	500	/* report cases slower than this */

static struct {
	const char *suite;
	const char *case_name;
	pid_t case_pid;
	int case_failed;
	char reason[REASON_LEN];
	int passed, failed;
	char *child_reason;	/* shared page, REASON_LEN bytes used */
} lt;

static void put_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void put_line(const char *fmt, ...)
{
	char line[LINE_MAX_LEN];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	(void)!write(1, line, n);
}

void *lt_shared(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

void lt_begin(const char *suite)
{
	static char fallback[REASON_LEN];

	lt.suite = suite;
	lt.child_reason = lt_shared(REASON_LEN);
	if (!lt.child_reason)
		lt.child_reason = fallback;	/* children's reasons are lost */
}

int lt_end(void)
{
	put_line("# %s: %d passed, %d failed", lt.suite, lt.passed, lt.failed);
	return 0;
}

void lt_run(const char *name, void (*fn)(void))
{
	long long start = lt_now_ns(), ms;

	lt.case_name = name;
	lt.case_pid = getpid();
	lt.case_failed = 0;
	lt.child_reason[0] = '\0';
	errno = 0;
	fn();
	ms = (lt_now_ns() - start) / 1000000;
	if (getpid() != lt.case_pid) {
		/* A child returned from the case instead of exiting. */
		lt_fail(__FILE__, __LINE__, "a child process returned from case %s", name);
		_exit(LT_CHILD_FAILED);
	}
	if (lt.case_failed) {
		put_line("FAIL %s/%s: %s", lt.suite, name, lt.reason);
		lt.failed++;
	} else {
		put_line("PASS %s/%s", lt.suite, name);
		lt.passed++;
	}
	if (ms >= LT_SLOW_MS)
		put_line("# %s/%s took %lld ms", lt.suite, name, ms);
}

void lt_fail(const char *file, int line, const char *fmt, ...)
{
	char buf[REASON_LEN];
	va_list ap;
	int n;

	n = snprintf(buf, sizeof(buf), "%s:%d: ", file, line);
	va_start(ap, fmt);
	vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);

	if (getpid() != lt.case_pid) {
		/* A child (maybe sharing our memory): report through the page. */
		if (!lt.child_reason[0])
			memcpy(lt.child_reason, buf, sizeof(buf));
		_exit(LT_CHILD_FAILED);
	}
	if (!lt.case_failed) {
		memcpy(lt.reason, buf, sizeof(buf));
		lt.case_failed = 1;
	}
}

void lt_note(const char *fmt, ...)
{
	char buf[REASON_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	put_line("# %s/%s: %s", lt.suite, lt.case_name, buf);
}

const char *lt_child_reason(void)
{
	return lt.child_reason;
}

int lt_is_err(long ret, int err)
{
	return (ret == -1 && errno == err) || ret == -err;
}

long long lt_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void lt_sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* Poll until *FLAG == VALUE (set by another process); 0 on time-out. */
int lt_wait_flag(volatile int *flag, int value, int timeout_ms)
{
	long long deadline = lt_now_ns() + timeout_ms * 1000000LL;

	while (*flag != value) {
		if (lt_now_ns() > deadline)
			return 0;
		lt_sleep_ms(1);
	}
	return 1;
}

/*
 * Reap PID, killing it if it takes more than LT_WAIT_TIMEOUT_MS.  Returns
 * its wait status, -1 if wait4 failed, LT_WAIT_TIMEDOUT if it was killed.
 */
int lt_wait(pid_t pid)
{
	long long deadline = lt_now_ns() + LT_WAIT_TIMEOUT_MS * 1000000LL;
	int status, i;
	pid_t r;

	for (i = 0;; i++) {
		r = wait4(pid, &status, WNOHANG, NULL);
		if (r == pid)
			return status;
		if (r < 0)
			return -1;
		if (lt_now_ns() > deadline)
			break;
		lt_sleep_ms(i < 100 ? 1 : 10);
	}
	kill(pid, SIGKILL);
	wait4(pid, &status, 0, NULL);
	return LT_WAIT_TIMEDOUT;
}

void lt_copy_status(char *buf, size_t size, int status)
{
	if (status == -1)
		snprintf(buf, size, "wait4 error %s", lt_errname(errno));
	else if (status == LT_WAIT_TIMEDOUT)
		snprintf(buf, size, "timeout (killed after %d ms)", LT_WAIT_TIMEOUT_MS);
	else if (WIFEXITED(status))
		snprintf(buf, size, "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, size, "killed by %s%s", lt_signame(WTERMSIG(status)),
			 WCOREDUMP(status) ? " (core dumped)" : "");
	else
		snprintf(buf, size, "status %#x", status);
}

const char *lt_status(int status)
{
	static char buf[64];

	lt_copy_status(buf, sizeof(buf), status);
	return buf;
}

#define E(x)	[x] = #x
static const char *const errnames[] = {
	E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO), E(E2BIG),
	E(ENOEXEC), E(EBADF), E(ECHILD), E(EAGAIN), E(ENOMEM), E(EACCES),
	E(EFAULT), E(ENOTBLK), E(EBUSY), E(EEXIST), E(EXDEV), E(ENODEV),
	E(ENOTDIR), E(EISDIR), E(EINVAL), E(ENFILE), E(EMFILE), E(ENOTTY),
	E(ETXTBSY), E(EFBIG), E(ENOSPC), E(ESPIPE), E(EROFS), E(EMLINK),
	E(EPIPE), E(EDOM), E(ERANGE), E(EDEADLK), E(ENAMETOOLONG), E(ENOLCK),
	E(ENOSYS), E(ENOTEMPTY), E(ELOOP), E(ENOMSG), E(EOVERFLOW),
	E(EOPNOTSUPP), E(ETIMEDOUT), E(ELIBBAD),
};

const char *lt_errname(int err)
{
	static char buf[16];

	if (err == 0)
		return "0";
	if (err > 0 && err < (int)(sizeof(errnames) / sizeof(errnames[0])) && errnames[err])
		return errnames[err];
	snprintf(buf, sizeof(buf), "%d", err);
	return buf;
}

static const char *const signames[] = {
	E(SIGHUP), E(SIGINT), E(SIGQUIT), E(SIGILL), E(SIGTRAP), E(SIGABRT),
	E(SIGBUS), E(SIGFPE), E(SIGKILL), E(SIGUSR1), E(SIGSEGV), E(SIGUSR2),
	E(SIGPIPE), E(SIGALRM), E(SIGTERM), E(SIGSTKFLT), E(SIGCHLD),
	E(SIGCONT), E(SIGSTOP), E(SIGTSTP), E(SIGTTIN), E(SIGTTOU), E(SIGURG),
	E(SIGXCPU), E(SIGXFSZ), E(SIGVTALRM), E(SIGPROF), E(SIGWINCH),
	E(SIGIO), E(SIGPWR), E(SIGSYS),
};
#undef E

const char *lt_signame(int sig)
{
	static char buf[16];

	if (sig > 0 && sig < (int)(sizeof(signames) / sizeof(signames[0])) && signames[sig])
		return signames[sig];
	snprintf(buf, sizeof(buf), "signal %d", sig);
	return buf;
}

/* Run @argv[0] with stdout into @out; returns the wait status or -1. */
int lt_run_capture(char *const argv[], char *out, size_t size)
{
	int fds[2], status;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	while (len + 1 < size && (n = read(fds[0], out + len, size - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(fds[0]);
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

long lt_read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, got = 0;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + got, size - 1 - got)) > 0)
		got += n;
	close(fd);
	buf[got] = '\0';
	return got;
}

void lt_lo_up(void)
{
	struct ifreq ifr;
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	if (s < 0)
		return;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(s, SIOCGIFFLAGS, &ifr) == 0 && !(ifr.ifr_flags & IFF_UP)) {
		ifr.ifr_flags |= IFF_UP;
		ioctl(s, SIOCSIFFLAGS, &ifr);
	}
	close(s);
}

long lt_snmp(const char *proto, const char *name)
{
	static char buf[8192];
	char *names = NULL, *vals = NULL, *line, *save, *n, *v, *s1, *s2;
	size_t plen = strlen(proto);

	if (lt_read_file("/proc/net/snmp", buf, sizeof(buf)) < 0)
		return -1;
	/* Each protocol has two lines: the counters' names, then their values. */
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, proto, plen) || line[plen] != ':')
			continue;
		if (!names) {
			names = line;
		} else {
			vals = line;
			break;
		}
	}
	if (!names || !vals)
		return -1;
	strtok_r(names, " ", &s1);
	strtok_r(vals, " ", &s2);
	while ((n = strtok_r(NULL, " ", &s1)) && (v = strtok_r(NULL, " ", &s2)))
		if (!strcmp(n, name))
			return atol(v);
	return -1;
}
