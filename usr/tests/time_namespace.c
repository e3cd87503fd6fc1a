// SPDX-License-Identifier: GPL-2.0
/*
 * time_namespace: time namespaces (CLONE_NEWTIME).  unshare makes a
 * namespace for the caller's children only; its offsets, written to
 * /proc/PID/timens_offsets before anyone enters, shift CLOCK_MONOTONIC
 * (and _RAW, _COARSE) and CLOCK_BOOTTIME inside, through the system call
 * and the vDSO alike, while CLOCK_REALTIME stays.  Absolute sleeps and
 * timers (clock_nanosleep, timerfd, POSIX timers) take namespace times;
 * sysinfo and /proc/uptime show the shifted uptime.  Fork and setns
 * enter, exec keeps; setns back leaves, vDSO included.  The offsets
 * file: its format, EACCES once entered, EPERM without CAP_SYS_TIME,
 * EINVAL and ERANGE for bad lines, EFAULT for a bad buffer.  A thread or
 * vfork child cannot be made while the children's namespace differs
 * (EINVAL).
 */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME	0x00000080
#endif

#define NSEC		1000000000LL
#define MONO_OFF	1000LL		/* s: far more than any test's run time */
#define BOOT_OFF	5000LL
#define SLACK		(2 * NSEC)	/* two readings a moment apart on a loaded host */

typedef int (*cgt_fn)(clockid_t, struct timespec *);

static char stack[65536] __attribute__((aligned(16)));

/* A function of the vDSO by name (version LINUX_2.6), or NULL. */
static void *vdso_sym(const char *name)
{
	uintptr_t base = getauxval(AT_SYSINFO_EHDR);
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
	const Elf64_Phdr *ph;
	const Elf64_Dyn *dyn = NULL;
	const Elf64_Sym *sym = NULL;
	const uint32_t *hash = NULL;
	const char *str = NULL;
	uintptr_t bias = 0;
	uint32_t i;
	int j;

	if (!base)
		return NULL;
	ph = (const Elf64_Phdr *)(base + eh->e_phoff);
	for (j = 0; j < eh->e_phnum; j++) {
		if (ph[j].p_type == PT_LOAD && !ph[j].p_offset)
			bias = base - ph[j].p_vaddr;
		if (ph[j].p_type == PT_DYNAMIC)
			dyn = (const Elf64_Dyn *)ph[j].p_vaddr;
	}
	if (!dyn)
		return NULL;
	for (dyn = (const Elf64_Dyn *)((uintptr_t)dyn + bias); dyn->d_tag != DT_NULL; dyn++) {
		if (dyn->d_tag == DT_SYMTAB)
			sym = (const Elf64_Sym *)(dyn->d_un.d_ptr + bias);
		else if (dyn->d_tag == DT_STRTAB)
			str = (const char *)(dyn->d_un.d_ptr + bias);
		else if (dyn->d_tag == DT_HASH)
			hash = (const uint32_t *)(dyn->d_un.d_ptr + bias);
	}
	if (!sym || !str || !hash)
		return NULL;
	for (i = 0; i < hash[1]; i++)
		if (!strcmp(str + sym[i].st_name, name) && sym[i].st_shndx &&
		    ELF64_ST_TYPE(sym[i].st_info) == STT_FUNC)
			return (void *)(bias + sym[i].st_value);
	return NULL;
}

static long long ts_ns(const struct timespec *ts)
{
	return ts->tv_sec * NSEC + ts->tv_nsec;
}

/* @clock by the system call (never the vDSO), ns; -1 on error. */
static long long sys_ns(clockid_t clock)
{
	struct timespec ts;

	if (syscall(SYS_clock_gettime, clock, &ts))
		return -1;
	return ts_ns(&ts);
}

static long long vdso_ns(clockid_t clock)
{
	cgt_fn cgt = (cgt_fn)vdso_sym("__vdso_clock_gettime");
	struct timespec ts;

	if (!cgt || cgt(clock, &ts))
		return -1;
	return ts_ns(&ts);
}

static unsigned long long ns_ino(const char *name)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/self/ns/%s", name);
	return stat(path, &st) ? 0 : (unsigned long long)st.st_ino;
}

/* Write @s to /proc/self/timens_offsets: 0, or -errno. */
static int write_offsets(const char *s)
{
	int fd = open("/proc/self/timens_offsets", O_WRONLY), err = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, s, strlen(s)) != (ssize_t)strlen(s))
		err = -errno;
	close(fd);
	return err;
}

static long long abs_diff(long long a, long long b)
{
	return a > b ? a - b : b - a;
}

/* The check failed inside a child: the harness quotes it from the parent. */
#define IN_CHILD(body) do {						\
	pid_t pid_ = fork();						\
	LT_CHECK(pid_ >= 0);						\
	if (pid_ == 0) {						\
		body;							\
		_exit(0);						\
	}								\
	LT_CHECK_WAIT(pid_, LT_EXITED(0));				\
} while (0)

/* /proc/self/ns/time and time_for_children; the offsets file at rest. */
static void files_body(void)
{
	char buf[256];

	LT_CHECK(ns_ino("time") != 0);
	LT_CHECK_EQ(ns_ino("time"), ns_ino("time_for_children"));
	LT_CHECK(lt_read_file("/proc/self/timens_offsets", buf, sizeof(buf)) > 0);
	if (strcmp(buf, "monotonic           0         0\nboottime            0         0\n"))
		LT_FAIL("timens_offsets at rest: \"%s\"", buf);
}

LT_CASE(proc_files)
{
	files_body();
}

/*
 * Entering: a child of the unsharer reads the clocks shifted, by the
 * system call and the vDSO, for every clock the namespace moves.
 */
static void inside_body(long long host_mono, long long host_boot)
{
	static const clockid_t mono[] = { CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
					  CLOCK_MONOTONIC_COARSE };
	unsigned int i;
	long long s, v, r;

	/* Both Linux and Lantern have a vDSO: the checks below must not skip it. */
	LT_CHECK(vdso_sym("__vdso_clock_gettime") != NULL);
	for (i = 0; i < sizeof(mono) / sizeof(mono[0]); i++) {
		s = sys_ns(mono[i]);
		v = vdso_ns(mono[i]);
		if (abs_diff(s, host_mono + MONO_OFF * NSEC) > SLACK)
			LT_FAIL("clock %d by syscall %lld, want about %lld", mono[i], s,
				host_mono + MONO_OFF * NSEC);
		if (v != -1 && abs_diff(v, s) > SLACK)
			LT_FAIL("clock %d: vDSO %lld, syscall %lld", mono[i], v, s);
	}
	s = sys_ns(CLOCK_BOOTTIME);
	v = vdso_ns(CLOCK_BOOTTIME);
	if (abs_diff(s, host_boot + BOOT_OFF * NSEC) > SLACK)
		LT_FAIL("boottime by syscall %lld, want about %lld", s, host_boot + BOOT_OFF * NSEC);
	if (v != -1 && abs_diff(v, s) > SLACK)
		LT_FAIL("boottime: vDSO %lld, syscall %lld", v, s);
	/* The wall clock is not virtualized. */
	r = vdso_ns(CLOCK_REALTIME);
	if (r != -1 && abs_diff(r, sys_ns(CLOCK_REALTIME)) > SLACK)
		LT_FAIL("realtime: vDSO %lld, syscall %lld", r, sys_ns(CLOCK_REALTIME));
	/* The namespace's [vvar] page still answers getres and getcpu. */
	{
		int (*getres)(clockid_t, struct timespec *) =
			(int (*)(clockid_t, struct timespec *))vdso_sym("__vdso_clock_getres");
		long (*getcpu)(unsigned int *, unsigned int *, void *) =
			(long (*)(unsigned int *, unsigned int *, void *))vdso_sym("__vdso_getcpu");
		struct timespec vres, sres;
		unsigned int cpu = ~0U;

		LT_CHECK(getres && getcpu);
		LT_CHECK_EQ(getres(CLOCK_MONOTONIC_COARSE, &vres), 0);
		LT_CHECK_OK(syscall(SYS_clock_getres, CLOCK_MONOTONIC_COARSE, &sres));
		LT_CHECK_EQ(ts_ns(&vres), ts_ns(&sres));
		LT_CHECK_EQ(getres(CLOCK_MONOTONIC, &vres), 0);
		LT_CHECK_OK(syscall(SYS_clock_getres, CLOCK_MONOTONIC, &sres));
		LT_CHECK_EQ(ts_ns(&vres), ts_ns(&sres));
		LT_CHECK_EQ(getcpu(&cpu, NULL, NULL), 0);
		LT_CHECK(cpu < (unsigned int)sysconf(_SC_NPROCESSORS_CONF));
	}
	/* libc's clock_gettime (the vDSO if it found it) agrees. */
	{
		struct timespec ts;

		LT_CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &ts));
		if (abs_diff(ts_ns(&ts), sys_ns(CLOCK_MONOTONIC)) > SLACK)
			LT_FAIL("libc monotonic %lld", ts_ns(&ts));
	}
}

static void uptime_body(long long host_boot)
{
	struct sysinfo si;
	char buf[128];
	double up;

	LT_CHECK_OK(sysinfo(&si));
	if (abs_diff(si.uptime * NSEC, host_boot + BOOT_OFF * NSEC) > SLACK)
		LT_FAIL("sysinfo uptime %ld, host boottime %lld ns", si.uptime, host_boot);
	LT_CHECK(lt_read_file("/proc/uptime", buf, sizeof(buf)) > 0);
	LT_CHECK(sscanf(buf, "%lf", &up) == 1);
	if (abs_diff((long long)(up * NSEC), host_boot + BOOT_OFF * NSEC) > SLACK)
		LT_FAIL("/proc/uptime %s, host boottime %lld ns", buf, host_boot);
}

static void enter_body(void)
{
	unsigned long long own = ns_ino("time"), children;
	long long host_mono, host_boot;
	char buf[256], want[256];
	pid_t pid;

	LT_CHECK_OK(unshare(CLONE_NEWTIME));
	children = ns_ino("time_for_children");
	/* The caller stays where it was; only its children will move. */
	LT_CHECK_EQ(ns_ino("time"), own);
	LT_CHECK(children != own);
	/* Numbers or names; nanoseconds read back as written. */
	LT_CHECK_EQ(write_offsets("1 1000 250\n"), 0);
	LT_CHECK_EQ(write_offsets("boottime 5000 0\n"), 0);
	LT_CHECK(lt_read_file("/proc/self/timens_offsets", buf, sizeof(buf)) > 0);
	snprintf(want, sizeof(want), "monotonic %11d %9d\nboottime  %11d %9d\n", 1000, 250, 5000, 0);
	if (strcmp(buf, want))
		LT_FAIL("timens_offsets: \"%s\", want \"%s\"", buf, want);
	/* Not entered yet: the caller's clocks are the host's. */
	host_mono = sys_ns(CLOCK_MONOTONIC);
	LT_CHECK(abs_diff(host_mono, vdso_ns(CLOCK_MONOTONIC)) < SLACK ||
		 vdso_ns(CLOCK_MONOTONIC) == -1);
	host_boot = sys_ns(CLOCK_BOOTTIME);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		if (ns_ino("time") != children || ns_ino("time_for_children") != children)
			LT_FAIL("the child is not in the new namespace");
		inside_body(host_mono, host_boot);
		uptime_body(host_boot);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* Someone entered: the offsets are fixed now. */
	LT_CHECK_EQ(write_offsets("monotonic 5 0"), -EACCES);
	LT_CHECK(lt_read_file("/proc/self/timens_offsets", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, want));
	/* Still the host's clock for the caller. */
	LT_CHECK(abs_diff(sys_ns(CLOCK_MONOTONIC), host_mono) < MONO_OFF * NSEC / 2);
}

LT_CASE(unshare_and_fork)
{
	IN_CHILD(enter_body());
}

/* Sleep until @ms from now on the namespace's clock; how long it took (ns). */
static long long abs_sleep_ns(clockid_t clock, long ms)
{
	struct timespec t;
	long long start = sys_ns(CLOCK_MONOTONIC), when;

	when = sys_ns(clock) + ms * 1000000LL;
	t.tv_sec = when / NSEC;
	t.tv_nsec = when % NSEC;
	if (clock_nanosleep(clock, TIMER_ABSTIME, &t, NULL))
		return -1;
	return sys_ns(CLOCK_MONOTONIC) - start;
}

static void timers_body(void)
{
	struct itimerspec its = { { 0, 0 }, { 0, 0 } };
	struct sigevent sev = { .sigev_notify = SIGEV_NONE };
	struct timespec t;
	long long took, when, start;
	uint64_t ticks;
	timer_t timer;
	int fd;

	/* The absolute times are the namespace's: 100 ms, not 1000 s or nothing. */
	took = abs_sleep_ns(CLOCK_MONOTONIC, 100);
	if (took < 100000000LL || took > 3 * NSEC)
		LT_FAIL("absolute monotonic sleep of 100 ms took %lld ns", took);
	took = abs_sleep_ns(CLOCK_BOOTTIME, 100);
	if (took < 100000000LL || took > 3 * NSEC)
		LT_FAIL("absolute boottime sleep of 100 ms took %lld ns", took);
	/* A time before the namespace's clock began has passed already. */
	t.tv_sec = 1;
	t.tv_nsec = 0;
	start = sys_ns(CLOCK_MONOTONIC);
	LT_CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL), 0);
	LT_CHECK(sys_ns(CLOCK_MONOTONIC) - start < NSEC);

	fd = timerfd_create(CLOCK_BOOTTIME, 0);
	LT_CHECK(fd >= 0);
	when = sys_ns(CLOCK_BOOTTIME) + 100000000LL;
	its.it_value.tv_sec = when / NSEC;
	its.it_value.tv_nsec = when % NSEC;
	start = sys_ns(CLOCK_MONOTONIC);
	LT_CHECK_OK(timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL));
	LT_CHECK_OK(timerfd_gettime(fd, &its));
	if (ts_ns(&its.it_value) > 200000000LL)
		LT_FAIL("timerfd shows %lld ns left", ts_ns(&its.it_value));
	LT_CHECK_EQ(read(fd, &ticks, sizeof(ticks)), sizeof(ticks));
	LT_CHECK_EQ(ticks, 1);
	took = sys_ns(CLOCK_MONOTONIC) - start;
	close(fd);
	if (took < 90000000LL || took > 3 * NSEC)
		LT_FAIL("absolute timerfd of 100 ms fired after %lld ns", took);

	LT_CHECK_OK(timer_create(CLOCK_MONOTONIC, &sev, &timer));
	when = sys_ns(CLOCK_MONOTONIC) + 500000000LL;
	its.it_value.tv_sec = when / NSEC;
	its.it_value.tv_nsec = when % NSEC;
	LT_CHECK_OK(timer_settime(timer, TIMER_ABSTIME, &its, NULL));
	LT_CHECK_OK(timer_gettime(timer, &its));
	if (ts_ns(&its.it_value) <= 0 || ts_ns(&its.it_value) > 600000000LL)
		LT_FAIL("absolute POSIX timer of 500 ms shows %lld ns left", ts_ns(&its.it_value));
	timer_delete(timer);
}

static void sleeps_body(void)
{
	pid_t pid;

	LT_CHECK_OK(unshare(CLONE_NEWTIME));
	LT_CHECK_EQ(write_offsets("monotonic 1000 0\nboottime 1000 0\n"), 0);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		timers_body();
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(absolute_timers)
{
	IN_CHILD(sleeps_body());
}

/*
 * setns: a process outside enters the namespace (its vDSO follows), and
 * goes back to the first one by an fd opened before.
 */
static int block_fn(void *arg)
{
	char c;

	/* Raw: this child shares our memory, errno (in our TLS) included. */
	lt_syscall(SYS_read, *(int *)arg, (long)&c, 1, 0, 0, 0);
	return 0;
}

static void setns_body(void)
{
	int host_fd = open("/proc/self/ns/time", O_RDONLY), ns_fd, p[2];
	long long host, inside;
	pid_t pid;

	LT_CHECK(host_fd >= 0);
	/* Made before unshare: CLONE_VM is refused after it. */
	LT_CHECK_OK(pipe(p));
	pid = clone(block_fn, stack + sizeof(stack), CLONE_VM | SIGCHLD, &p[0]);
	LT_CHECK(pid > 0);
	LT_CHECK_OK(unshare(CLONE_NEWTIME));
	LT_CHECK_EQ(write_offsets("monotonic 1000 0"), 0);
	ns_fd = open("/proc/self/ns/time_for_children", O_RDONLY);
	LT_CHECK(ns_fd >= 0);
	/* Another task shares the address space (and [vvar]): EUSERS. */
	LT_CHECK_ERR(setns(ns_fd, CLONE_NEWTIME), EUSERS);
	LT_CHECK_EQ(write(p[1], "x", 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(p[0]);
	close(p[1]);
	/* Wrong type: EINVAL; a file that is not a namespace: EINVAL. */
	LT_CHECK_ERR(setns(ns_fd, CLONE_NEWUTS), EINVAL);
	LT_CHECK_ERR(setns(0, CLONE_NEWTIME), EINVAL);
	host = sys_ns(CLOCK_MONOTONIC);
	LT_CHECK_OK(setns(ns_fd, CLONE_NEWTIME));
	LT_CHECK_EQ(ns_ino("time"), ns_ino("time_for_children"));
	inside = sys_ns(CLOCK_MONOTONIC);
	if (abs_diff(inside, host + MONO_OFF * NSEC) > SLACK)
		LT_FAIL("after setns: syscall %lld, host %lld", inside, host);
	if (vdso_ns(CLOCK_MONOTONIC) != -1 && abs_diff(vdso_ns(CLOCK_MONOTONIC), inside) > SLACK)
		LT_FAIL("after setns: vDSO %lld, syscall %lld", vdso_ns(CLOCK_MONOTONIC), inside);
	LT_CHECK_EQ(write_offsets("monotonic 5 0"), -EACCES);
	/* And back. */
	LT_CHECK_OK(setns(host_fd, CLONE_NEWTIME));
	host = sys_ns(CLOCK_MONOTONIC);
	if (abs_diff(host + MONO_OFF * NSEC, inside) > SLACK)
		LT_FAIL("back: syscall %lld, inside %lld", host, inside);
	if (vdso_ns(CLOCK_MONOTONIC) != -1 && abs_diff(vdso_ns(CLOCK_MONOTONIC), host) > SLACK)
		LT_FAIL("back: vDSO %lld, syscall %lld", vdso_ns(CLOCK_MONOTONIC), host);
	close(ns_fd);
	close(host_fd);
}

LT_CASE(setns_in_and_out)
{
	IN_CHILD(setns_body());
}

/* The helper mode: print the time namespace and the vDSO's monotonic time. */
static int print_self(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	printf("%llu %lld %lld\n", ns_ino("time"), ts_ns(&ts), sys_ns(CLOCK_MONOTONIC));
	return 0;
}

/*
 * A vfork child would share the parent's [vvar] from another namespace:
 * EINVAL (Linux 6.1).  A forked child that execs keeps its namespace,
 * and the new program's vDSO reads the shifted clock.
 */
static void exec_body(void)
{
	char *argv[] = { "/proc/self/exe", "--print-self", NULL };
	unsigned long long ino = 0, children;
	long long vdso = 0, sys = 0, host;
	char out[128] = "";
	pid_t pid;
	int err;

	LT_CHECK_OK(unshare(CLONE_NEWTIME));
	LT_CHECK_EQ(write_offsets("monotonic 1000 0"), 0);
	children = ns_ino("time_for_children");
	errno = 0;
	pid = vfork();
	if (pid == 0)
		_exit(0);
	err = errno;
	if (pid > 0)
		waitpid(pid, NULL, 0);
	LT_CHECK_EQ(pid, -1);
	LT_CHECK_EQ(err, EINVAL);
	host = sys_ns(CLOCK_MONOTONIC);
	LT_CHECK_EQ(lt_run_capture(argv, out, sizeof(out)), LT_EXITED(0));
	LT_CHECK(sscanf(out, "%llu %lld %lld", &ino, &vdso, &sys) == 3);
	LT_CHECK_EQ(ino, children);
	if (abs_diff(sys, host + MONO_OFF * NSEC) > SLACK ||
	    abs_diff(vdso, host + MONO_OFF * NSEC) > SLACK)
		LT_FAIL("exec'd program: libc %lld, syscall %lld, host %lld", vdso, sys, host);
	/* The caller's own clock did not move. */
	LT_CHECK(abs_diff(sys_ns(CLOCK_MONOTONIC), host) < MONO_OFF * NSEC / 2);
}

LT_CASE(vfork_refused_exec_keeps)
{
	IN_CHILD(exec_body());
}

/* struct clone_args up to tls (CLONE_ARGS_SIZE_VER0). */
struct clone_args_v0 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};

/*
 * clone3(CLONE_NEWTIME): the child starts in a namespace of its own (the
 * flag has no place in clone(2)), with zero offsets that are fixed at
 * once; the parent's namespaces do not change.
 */
static void clone3_body(void)
{
	struct clone_args_v0 args = { .flags = CLONE_NEWTIME, .exit_signal = SIGCHLD };
	unsigned long long own = ns_ino("time");
	long long host = sys_ns(CLOCK_MONOTONIC);
	pid_t pid;

	pid = syscall(SYS_clone3, &args, sizeof(args));
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		unsigned long long ino = ns_ino("time");

		if (ino == own || ino != ns_ino("time_for_children"))
			LT_FAIL("clone3 child in %llu (parent %llu)", ino, own);
		if (abs_diff(sys_ns(CLOCK_MONOTONIC), host) > SLACK ||
		    abs_diff(vdso_ns(CLOCK_MONOTONIC), host) > SLACK)
			LT_FAIL("zero offsets shifted the clock");
		if (write_offsets("monotonic 5 0") != -EACCES)
			LT_FAIL("offsets of an entered namespace changed");
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(ns_ino("time"), own);
	LT_CHECK_EQ(ns_ino("time_for_children"), own);
	/* CSIGNAL's other bits stay refused in clone3's flags. */
	args.flags = 0x40;
	LT_CHECK_ERR(syscall(SYS_clone3, &args, sizeof(args)), EINVAL);
}

LT_CASE(clone3_newtime)
{
	IN_CHILD(clone3_body());
}

static int thread_fn(void *arg)
{
	(void)arg;
	return 0;
}

/* A thread would share [vvar] with a task in another namespace. */
static void thread_body(void)
{
	long ret;
	int err;

	LT_CHECK_OK(unshare(CLONE_NEWTIME));
	errno = 0;
	ret = clone(thread_fn, stack + sizeof(stack),
		    CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD, NULL);
	err = errno;
	LT_CHECK_EQ(ret, -1);
	LT_CHECK_EQ(err, EINVAL);
}

LT_CASE(thread_refused)
{
	IN_CHILD(thread_body());
}

/* The offsets file's bad input. */
static void badinput_body(void)
{
	char big[64];
	int fd;

	LT_CHECK_OK(unshare(CLONE_NEWTIME));
	LT_CHECK_EQ(write_offsets("realtime 1 0"), -EINVAL);
	LT_CHECK_EQ(write_offsets("0 1 0"), -EINVAL);		/* CLOCK_REALTIME by number */
	LT_CHECK_EQ(write_offsets("2 1 0"), -EINVAL);
	LT_CHECK_EQ(write_offsets("monotonic 1 1000000000"), -EINVAL);
	LT_CHECK_EQ(write_offsets("monotonic 1"), -EINVAL);
	LT_CHECK_EQ(write_offsets("monotonic x 0"), -EINVAL);
	LT_CHECK_EQ(write_offsets("monotonic 1 0\nfoo 1 0"), -EINVAL);
	LT_CHECK_EQ(write_offsets("\n"), -EINVAL);
	/* Before the clock's zero, or past half of what a ktime holds. */
	LT_CHECK_EQ(write_offsets("monotonic -100000000000 0"), -ERANGE);
	LT_CHECK_EQ(write_offsets("boottime -100000000000 0"), -ERANGE);
	snprintf(big, sizeof(big), "monotonic %lld 0", 9223372036LL / 2 + 1);
	LT_CHECK_EQ(write_offsets(big), -ERANGE);
	LT_CHECK_EQ(write_offsets("monotonic 99999999999999999 0"), -ERANGE);
	/* None of it stuck. */
	{
		char buf[256];

		LT_CHECK(lt_read_file("/proc/self/timens_offsets", buf, sizeof(buf)) > 0);
		if (strcmp(buf, "monotonic           0         0\nboottime            0         0\n"))
			LT_FAIL("after bad writes: \"%s\"", buf);
	}
	fd = open("/proc/self/timens_offsets", O_WRONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(write(fd, (void *)1, 10), EFAULT);
	LT_CHECK_ERR(write(fd, (void *)-4096L, 10), EFAULT);
	close(fd);
}

LT_CASE(offsets_bad_input)
{
	IN_CHILD(badinput_body());
}

/* Without the capabilities: EPERM to unshare and to set offsets. */
static void eperm_body(void)
{
	LT_CHECK_OK(unshare(CLONE_NEWTIME));
	LT_CHECK_OK(setuid(1000));
	/* Dumpable again, so that /proc/self is ours to open for writing. */
	LT_CHECK_OK(prctl(PR_SET_DUMPABLE, 1));
	LT_CHECK_ERR(unshare(CLONE_NEWTIME), EPERM);
	LT_CHECK_EQ(write_offsets("monotonic 1 0"), -EPERM);
}

LT_CASE(unprivileged)
{
	IN_CHILD(eperm_body());
}

int main(int argc, char **argv)
{
	int proc_mounted;

	if (argc > 1 && !strcmp(argv[1], "--print-self"))
		return print_self();
	/* The test initramfs mounts nothing; /proc may be there already. */
	mkdir("/proc", 0555);
	proc_mounted = !mount("proc", "/proc", "proc", 0, NULL);
	lt_begin("time_namespace");
	LT_RUN(proc_files);
	LT_RUN(unshare_and_fork);
	LT_RUN(absolute_timers);
	LT_RUN(setns_in_and_out);
	LT_RUN(vfork_refused_exec_keeps);
	LT_RUN(clone3_newtime);
	LT_RUN(thread_refused);
	LT_RUN(offsets_bad_input);
	LT_RUN(unprivileged);
	if (proc_mounted)
		umount("/proc");
	return lt_end();
}
