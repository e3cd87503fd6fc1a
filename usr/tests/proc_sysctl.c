// SPDX-License-Identifier: GPL-2.0
/*
 * proc_sysctl: /proc/sys and the version strings, as programs read them.
 *
 * uname -r, /proc/version and /proc/sys/kernel/{osrelease,version} must
 * agree and have Linux's layout; every /proc/sys file programs read has
 * Linux's mode and a value of the right shape; the writable ones parse
 * as Linux's proc_dointvec does (EINVAL for junk and out-of-range values,
 * EFAULT for a bad buffer) and change what the kernel then does
 * (ns_last_pid decides the next PID, pipe-max-size is rounded as
 * F_SETPIPE_SZ rounds, sched_rr_timeslice_ms is what
 * sched_rr_get_interval reports).  Every value changed is put back.
 * Runs as root, on Lantern and on Linux.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define P	"/proc_sysctl_mnt"
#define K	P "/sys/kernel/"

static char buf[4096];

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

static long read_long(const char *path)
{
	return slurp(path) > 0 ? strtol(buf, NULL, 0) : -1;
}

/* write(2) of the whole string at offset 0: its result (or -errno). */
static long put(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	long n;

	if (fd < 0)
		return -1000;
	n = write(fd, text, strlen(text));
	close(fd);
	return n;
}

static int mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : (int)(st.st_mode & 07777);
}

LT_CASE(mount_proc)
{
	mkdir(P, 0755);
	LT_CHECK_OK(mount("proc", P, "proc", 0, NULL));
}

LT_CASE(version_strings)
{
	struct utsname u;
	char want[300];

	LT_CHECK_OK(uname(&u));
	/* A release programs can compare: major.minor.patch first. */
	{
		int a, b, c;

		LT_CHECK_EQ(sscanf(u.release, "%d.%d.%d", &a, &b, &c), 3);
		LT_CHECK(a > 6 || (a == 6 && b >= 1));
	}
	LT_CHECK(slurp(P "/version") > 0);
	snprintf(want, sizeof(want), "Linux version %s (", u.release);
	LT_CHECK(!strncmp(buf, want, strlen(want)));
	snprintf(want, sizeof(want), ") %s\n", u.version);
	LT_CHECK(strlen(buf) > strlen(want) && !strcmp(buf + strlen(buf) - strlen(want), want));
	LT_CHECK(slurp(K "osrelease") > 0);
	snprintf(want, sizeof(want), "%s\n", u.release);
	LT_CHECK(!strcmp(buf, want));
	LT_CHECK(slurp(K "version") > 0);
	snprintf(want, sizeof(want), "%s\n", u.version);
	LT_CHECK(!strcmp(buf, want));
}

/* The modes Linux gives them. */
LT_CASE(modes)
{
	static const struct { const char *path; int mode; } files[] = {
		{ K "cap_last_cap", 0444 },	{ K "domainname", 0644 },
		{ K "hostname", 0644 },		{ K "ngroups_max", 0444 },
		{ K "ns_last_pid", 0666 },	{ K "osrelease", 0444 },
		{ K "ostype", 0444 },		{ K "pid_max", 0644 },
		{ K "printk", 0644 },		{ K "random/boot_id", 0444 },
		{ K "random/entropy_avail", 0444 }, { K "random/poolsize", 0444 },
		{ K "random/uuid", 0444 },	{ K "threads-max", 0644 },
		{ K "version", 0444 },		{ P "/sys/vm/min_free_kbytes", 0644 },
		{ P "/sys/fs/pipe-max-size", 0644 },
	};
	unsigned int i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (mode_of(files[i].path) != files[i].mode)
			LT_FAIL("%s: mode %o, want %o", files[i].path,
				mode_of(files[i].path), files[i].mode);
	LT_CHECK_EQ(mode_of(P "/sys/kernel"), 0555);
	LT_CHECK_EQ(mode_of(P "/sys/vm"), 0555);
}

LT_CASE(values)
{
	LT_CHECK(read_long(K "cap_last_cap") >= 40);
	LT_CHECK_EQ(read_long(K "ngroups_max"), 65536);
	LT_CHECK(read_long(K "pid_max") > getpid());
	LT_CHECK(read_long(K "threads-max") >= 20);
	LT_CHECK_EQ(read_long(K "random/entropy_avail"), 256);
	LT_CHECK_EQ(read_long(K "random/poolsize"), 256);
	LT_CHECK(read_long(P "/sys/vm/min_free_kbytes") >= 128);
	LT_CHECK(read_long(P "/sys/fs/pipe-max-size") >= 4096);
	LT_CHECK(slurp(K "tainted") > 0 && buf[0] >= '0' && buf[0] <= '9');
	{
		int a, b, c, d;

		LT_CHECK(slurp(K "printk") > 0);
		LT_CHECK_EQ(sscanf(buf, "%d\t%d\t%d\t%d\n", &a, &b, &c, &d), 4);
	}
}

/* boot_id stays; uuid is new at each read; both in 8-4-4-4-12 hex form. */
LT_CASE(uuids)
{
	char id1[64], u1[64];

	LT_CHECK_EQ(slurp(K "random/boot_id"), 37);
	LT_CHECK(buf[8] == '-' && buf[13] == '-' && buf[14] == '4' && buf[36] == '\n');
	strcpy(id1, buf);
	LT_CHECK_EQ(slurp(K "random/boot_id"), 37);
	LT_CHECK(!strcmp(buf, id1));
	LT_CHECK_EQ(slurp(K "random/uuid"), 37);
	strcpy(u1, buf);
	LT_CHECK_EQ(slurp(K "random/uuid"), 37);
	LT_CHECK(strcmp(buf, u1));
}

/* proc_dointvec_minmax's rules, on threads-max (Linux takes 1.. there). */
LT_CASE(int_parsing)
{
	long old = read_long(K "threads-max");
	char text[32];
	int fd;

	LT_CHECK(old >= 20);
	LT_CHECK_ERR(put(K "threads-max", "0"), EINVAL);
	LT_CHECK_ERR(put(K "threads-max", "12abc"), EINVAL);
	LT_CHECK_ERR(put(K "threads-max", "\n"), EINVAL);
	LT_CHECK_ERR(put(K "pid_max", "300"), EINVAL);
	LT_CHECK_EQ(read_long(K "threads-max"), old);
	LT_CHECK_EQ(put(K "threads-max", " 0x1000\n"), 8);
	LT_CHECK_EQ(read_long(K "threads-max"), 0x1000);
	snprintf(text, sizeof(text), "%ld\n", old);
	LT_CHECK_EQ(put(K "threads-max", text), (long)strlen(text));
	LT_CHECK_EQ(read_long(K "threads-max"), old);
	fd = open(K "threads-max", O_WRONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(write(fd, (void *)8, 4), EFAULT);
	close(fd);
	LT_CHECK_EQ(read_long(K "threads-max"), old);
}

/* The next fork gets the PID after the one written to ns_last_pid. */
LT_CASE(ns_last_pid)
{
	long max = read_long(K "pid_max");
	long want = getpid() + 1000;
	char text[32];
	pid_t pid;

	LT_CHECK(max > 0);
	if (want + 2 >= max)
		want = 400;
	snprintf(text, sizeof(text), "%ld", want);
	LT_CHECK_EQ(put(K "ns_last_pid", text), (long)strlen(text));
	LT_CHECK_EQ(read_long(K "ns_last_pid"), want);
	pid = fork();
	if (pid == 0)
		_exit(0);
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(pid, want + 1);
	snprintf(text, sizeof(text), "%ld", max + 1);
	LT_CHECK_ERR(put(K "ns_last_pid", text), EINVAL);
}

LT_CASE(pipe_max_size)
{
	const char *f = P "/sys/fs/pipe-max-size";
	long old = read_long(f);
	char text[32];

	LT_CHECK(old > 0);
	LT_CHECK_EQ(put(f, "5000"), 4);
	LT_CHECK_EQ(read_long(f), 8192);
	LT_CHECK_EQ(put(f, "1"), 1);
	LT_CHECK_EQ(read_long(f), 4096);
	LT_CHECK_ERR(put(f, "-1"), EINVAL);
	snprintf(text, sizeof(text), "%ld", old);
	LT_CHECK_EQ(put(f, text), (long)strlen(text));
	LT_CHECK_EQ(read_long(f), old);
}

/* fs.nr_open: the ceiling of RLIMIT_NOFILE, and of a descriptor table's copy. */
LT_CASE(nr_open)
{
	const char *f = P "/sys/fs/nr_open";
	struct rlimit r, big;
	long old = read_long(f);
	char text[32];

	LT_CHECK_EQ(old, 1048576);
	LT_CHECK_OK(getrlimit(RLIMIT_NOFILE, &r));
	LT_CHECK_EQ(put(f, "4096"), 4);
	big.rlim_cur = 1024;
	big.rlim_max = 8192;
	LT_CHECK_ERR(setrlimit(RLIMIT_NOFILE, &big), EPERM);
	big.rlim_max = 4096;
	LT_CHECK_OK(setrlimit(RLIMIT_NOFILE, &big));
	LT_CHECK_ERR(put(f, "63"), EINVAL);		/* below BITS_PER_LONG */
	/* A shared table holding fd 100 cannot be copied under a ceiling of 64. */
	LT_CHECK_EQ(dup2(2, 100), 100);
	pid_t pid = syscall(SYS_clone, CLONE_FILES | SIGCHLD, 0, NULL, NULL, 0);
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		if (put(f, "64") != 2)
			_exit(2);
		_exit(unshare(CLONE_FILES) == -1 && errno == EMFILE ? 0 : 3);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(100);
	snprintf(text, sizeof(text), "%ld", old);
	LT_CHECK_EQ(put(f, text), (long)strlen(text));
	LT_CHECK_OK(setrlimit(RLIMIT_NOFILE, &r));
}

LT_CASE(printk_levels)
{
	int a, b, c, d, a2, b2;
	char text[64];

	LT_CHECK(slurp(K "printk") > 0);
	LT_CHECK_EQ(sscanf(buf, "%d %d %d %d", &a, &b, &c, &d), 4);
	LT_CHECK_EQ(put(K "printk", "3"), 1);
	LT_CHECK(slurp(K "printk") > 0);
	LT_CHECK_EQ(sscanf(buf, "%d %d", &a2, &b2), 2);
	LT_CHECK(a2 == 3 && b2 == b);
	snprintf(text, sizeof(text), "%d %d", a, b);
	LT_CHECK_EQ(put(K "printk", text), (long)strlen(text));
	LT_CHECK(slurp(K "printk") > 0);
	LT_CHECK_EQ(sscanf(buf, "%d %d", &a2, &b2), 2);
	LT_CHECK(a2 == a && b2 == b);
}

LT_CASE(domainname)
{
	char old[80];
	struct utsname u;

	LT_CHECK_OK(getdomainname(old, sizeof(old)));
	LT_CHECK_EQ(put(K "domainname", "lt.example\n"), 11);
	LT_CHECK_OK(uname(&u));
	LT_CHECK(!strcmp(u.domainname, "lt.example"));
	LT_CHECK_OK(setdomainname(old, strlen(old)));
	LT_CHECK(slurp(K "domainname") > 0);
	LT_CHECK(!strncmp(buf, old, strlen(old)) && buf[strlen(old)] == '\n');
}

LT_CASE(rr_timeslice)
{
	struct timespec ts;
	long ms = read_long(K "sched_rr_timeslice_ms");
	struct sched_param sp = { .sched_priority = 1 };
	pid_t pid;

	LT_CHECK(ms > 0);
	pid = fork();
	if (pid == 0) {
		/* Raw: musl's sched_setscheduler is ENOSYS by design. */
		if (syscall(SYS_sched_setscheduler, 0, SCHED_RR, &sp))
			_exit(2);
		if (syscall(SYS_sched_rr_get_interval, 0, &ts))
			_exit(3);
		_exit(ts.tv_sec * 1000 + ts.tv_nsec / 1000000 == ms ? 0 : 1);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* The soft-lockup detector's knobs: 0-60 seconds, and on or off. */
LT_CASE(watchdog)
{
	long thresh = read_long(K "watchdog_thresh"), soft = read_long(K "soft_watchdog");

	LT_CHECK_EQ(mode_of(K "watchdog_thresh"), 0644);
	LT_CHECK_EQ(mode_of(K "soft_watchdog"), 0644);
	LT_CHECK(thresh >= 0 && thresh <= 60);
	LT_CHECK(soft == 0 || soft == 1);
	LT_CHECK_ERR(put(K "watchdog_thresh", "61"), EINVAL);
	LT_CHECK_ERR(put(K "watchdog_thresh", "-1"), EINVAL);
	LT_CHECK_ERR(put(K "soft_watchdog", "2"), EINVAL);
	LT_CHECK_EQ(read_long(K "watchdog_thresh"), thresh);
	LT_CHECK_EQ(put(K "watchdog_thresh", "15"), 2);
	LT_CHECK_EQ(read_long(K "watchdog_thresh"), 15);
	snprintf(buf, sizeof(buf), "%ld", thresh);
	LT_CHECK_EQ(put(K "watchdog_thresh", buf), (long)strlen(buf));
	LT_CHECK_EQ(read_long(K "watchdog_thresh"), thresh);
	LT_CHECK_EQ(put(K "soft_watchdog", soft ? "0" : "1"), 1);
	LT_CHECK_EQ(read_long(K "soft_watchdog"), !soft);
	LT_CHECK_EQ(put(K "soft_watchdog", soft ? "1" : "0"), 1);
	LT_CHECK_EQ(read_long(K "soft_watchdog"), soft);
}

LT_CASE(umount_proc)
{
	LT_CHECK_OK(umount(P));
	LT_CHECK_OK(rmdir(P));
}

int main(void)
{
	lt_begin("proc_sysctl");
	LT_RUN(mount_proc);
	LT_RUN(version_strings);
	LT_RUN(modes);
	LT_RUN(values);
	LT_RUN(uuids);
	LT_RUN(int_parsing);
	LT_RUN(ns_last_pid);
	LT_RUN(pipe_max_size);
	LT_RUN(nr_open);
	LT_RUN(printk_levels);
	LT_RUN(domainname);
	LT_RUN(rr_timeslice);
	LT_RUN(watchdog);
	LT_RUN(umount_proc);
	return lt_end();
}
