// SPDX-License-Identifier: GPL-2.0
/*
 * sys_misc: the small system calls.  uname, getrandom, the clocks
 * (clock_gettime/getres, gettimeofday, time, times), umask, the task name
 * (prctl PR_SET_NAME/PR_GET_NAME), resource limits (prlimit64), the
 * FS/GS bases (arch_prctl), and I/O port access (ioperm, iopl: in on
 * port 0x80, the POST port, which any PC lets us read harmlessly).
 *
 * The clock checks leave wide margins: QEMU's TCG can stall a guest for
 * tens of milliseconds.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sysmacros.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004
#define MS		1000000LL

static long long ns_of(clockid_t clk)
{
	struct timespec ts;

	if (clock_gettime(clk, &ts))
		return -1;
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void spin_cpu_ms(long ms)
{
	long long end = ns_of(CLOCK_PROCESS_CPUTIME_ID) + ms * MS;

	while (ns_of(CLOCK_PROCESS_CPUTIME_ID) < end)
		;
}

static int nul_within(const char *s, size_t n)
{
	return memchr(s, '\0', n) != NULL;
}

LT_CASE(uname)
{
	struct utsname u;

	memset(&u, 0xff, sizeof(u));
	LT_CHECK_EQ(syscall(SYS_uname, &u), 0);
	LT_CHECK(!strcmp(u.sysname, "Linux"));
	LT_CHECK(!strcmp(u.machine, "x86_64"));
	LT_CHECK(nul_within(u.nodename, sizeof(u.nodename)));
	LT_CHECK(nul_within(u.release, sizeof(u.release)) && u.release[0]);
	LT_CHECK(nul_within(u.version, sizeof(u.version)) && u.version[0]);
	LT_CHECK(nul_within(u.domainname, sizeof(u.domainname)));
}

LT_CASE(getrandom)
{
	static unsigned char big[256 * 1024];
	unsigned char a[64] = { 0 }, b[64] = { 0 };
	int seen[256] = { 0 }, distinct = 0;

	LT_CHECK_EQ(syscall(SYS_getrandom, a, sizeof(a), 0), sizeof(a));
	LT_CHECK_EQ(syscall(SYS_getrandom, b, sizeof(b), 0), sizeof(b));
	LT_CHECK(memcmp(a, b, sizeof(a)));
	LT_CHECK_EQ(syscall(SYS_getrandom, a, 7, GRND_NONBLOCK), 7);
	LT_CHECK_EQ(syscall(SYS_getrandom, a, 7, GRND_RANDOM), 7);
	LT_CHECK_EQ(syscall(SYS_getrandom, a, 7, GRND_RANDOM | GRND_NONBLOCK), 7);
	LT_CHECK_EQ(syscall(SYS_getrandom, a, 7, GRND_INSECURE), 7);
	LT_CHECK_EQ(syscall(SYS_getrandom, a, 0, 0), 0);
	LT_CHECK_ERR(syscall(SYS_getrandom, a, 7, 0x8), EINVAL);
	LT_CHECK_ERR(syscall(SYS_getrandom, a, 7, GRND_INSECURE | GRND_RANDOM), EINVAL);
	/* A big request is filled whole, and with every byte value. */
	LT_CHECK_EQ(syscall(SYS_getrandom, big, sizeof(big), 0), sizeof(big));
	for (size_t i = 0; i < sizeof(big); i++)
		distinct += !seen[big[i]]++;
	LT_CHECK_EQ(distinct, 256);
}

/*
 * /dev/urandom's ioctls (<linux/random.h>): the entropy count agrees
 * with /proc/sys/kernel/random/entropy_avail (at most 256: the pool's
 * size); adding entropy needs CAP_SYS_ADMIN; written bytes are taken.
 */
#define RNDGETENTCNT	_IOR('R', 0x00, int)
#define RNDADDTOENTCNT	_IOW('R', 0x01, int)
#define RNDADDENTROPY	_IOW('R', 0x03, int[2])
#define RNDZAPENTCNT	_IO('R', 0x04)

LT_CASE(urandom_ioctls)
{
	struct { int count, size; unsigned char buf[16]; } info = { 8, 16, "0123456789abcde" };
	int fd, cnt = -1, one = 1, proc_mounted;
	char text[16] = "";
	pid_t pid;

	mkdir("/dev", 0755);
	unlink("/dev/lt_urandom");
	LT_CHECK_OK(mknod("/dev/lt_urandom", S_IFCHR | 0666, makedev(1, 9)));
	fd = open("/dev/lt_urandom", O_RDWR);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(ioctl(fd, RNDGETENTCNT, &cnt));
	LT_CHECK(cnt > 0 && cnt <= 4096);
	mkdir("/proc", 0555);
	proc_mounted = !mount("proc", "/proc", "proc", 0, NULL);
	LT_CHECK(lt_read_file("/proc/sys/kernel/random/entropy_avail", text, sizeof(text)) > 0);
	LT_CHECK(abs(atoi(text) - cnt) <= 2);
	if (proc_mounted)
		umount("/proc");
	LT_CHECK_ERR(ioctl(fd, RNDGETENTCNT, (int *)8), EFAULT);
	LT_CHECK_OK(ioctl(fd, RNDADDTOENTCNT, &one));
	LT_CHECK_OK(ioctl(fd, RNDADDENTROPY, &info));
	LT_CHECK_OK(ioctl(fd, RNDZAPENTCNT));
	LT_CHECK_ERR(ioctl(fd, _IO('R', 0x7f)), EINVAL);
	LT_CHECK_EQ(write(fd, "seed", 4), 4);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK_OK(ioctl(fd, RNDGETENTCNT, &cnt));
		LT_CHECK_ERR(ioctl(fd, RNDADDTOENTCNT, &one), EPERM);
		LT_CHECK_ERR(ioctl(fd, RNDADDENTROPY, &info), EPERM);
		LT_CHECK_ERR(ioctl(fd, RNDZAPENTCNT), EPERM);
		LT_CHECK_EQ(write(fd, "seed", 4), 4);	/* anyone may mix in */
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(fd);
	unlink("/dev/lt_urandom");
}

LT_CASE(monotonic)
{
	long long prev = ns_of(CLOCK_MONOTONIC), now, start;

	for (int i = 0; i < 2000; i++) {
		now = ns_of(CLOCK_MONOTONIC);
		if (now < prev)
			LT_FAIL("CLOCK_MONOTONIC went back from %lld to %lld", prev, now);
		prev = now;
	}
	start = ns_of(CLOCK_MONOTONIC);
	lt_sleep_ms(10);
	now = ns_of(CLOCK_MONOTONIC);
	LT_CHECK(now - start >= 10 * MS);
	LT_CHECK(now - start < 1000 * MS);
	LT_CHECK(ns_of(CLOCK_BOOTTIME) >= start);
	LT_CHECK(ns_of(CLOCK_MONOTONIC_RAW) > 0);
	LT_CHECK_ERR(syscall(SYS_clock_gettime, 100, &(struct timespec){ 0 }), EINVAL);
}

/* Three views of the wall clock agree; it was set from the RTC at boot. */
LT_CASE(realtime_agrees)
{
	struct timespec ts;
	struct timeval tv;
	long t;

	LT_CHECK_EQ(syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts), 0);
	LT_CHECK_EQ(syscall(SYS_gettimeofday, &tv, NULL), 0);
	t = syscall(SYS_time, NULL);
	LT_CHECK(ts.tv_sec > 1577836800);		/* after 2020 */
	LT_CHECK(tv.tv_sec - ts.tv_sec >= 0 && tv.tv_sec - ts.tv_sec <= 1);
	LT_CHECK(t - ts.tv_sec >= 0 && t - ts.tv_sec <= 1);
	LT_CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	LT_CHECK(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
	LT_CHECK(ns_of(CLOCK_REALTIME_COARSE) / 1000000000 - ts.tv_sec <= 1);
}

/*
 * High-resolution clocks report 1 ns; the coarse ones the tick (4 ms at
 * 250 Hz); the CPU-time clocks 1 ns.
 */
LT_CASE(clock_getres)
{
	static const clockid_t fine[] = {
		CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME,
		CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
	};
	struct timespec ts;

	for (unsigned int i = 0; i < sizeof(fine) / sizeof(fine[0]); i++) {
		memset(&ts, 0xff, sizeof(ts));
		LT_CHECK_EQ(syscall(SYS_clock_getres, fine[i], &ts), 0);
		LT_CHECK(ts.tv_sec == 0 && ts.tv_nsec == 1);
	}
	LT_CHECK_EQ(syscall(SYS_clock_getres, CLOCK_MONOTONIC_COARSE, &ts), 0);
	LT_CHECK(ts.tv_sec == 0 && ts.tv_nsec == 4 * MS);
	LT_CHECK_ERR(syscall(SYS_clock_getres, 100, &ts), EINVAL);
}

LT_CASE(cpu_time_clocks)
{
	long long p0 = ns_of(CLOCK_PROCESS_CPUTIME_ID), t0 = ns_of(CLOCK_THREAD_CPUTIME_ID);
	long long w0 = ns_of(CLOCK_MONOTONIC), p1, t1, w1;
	struct rusage ru;

	spin_cpu_ms(50);
	p1 = ns_of(CLOCK_PROCESS_CPUTIME_ID);
	t1 = ns_of(CLOCK_THREAD_CPUTIME_ID);
	w1 = ns_of(CLOCK_MONOTONIC);
	LT_CHECK(p1 - p0 >= 50 * MS);
	LT_CHECK(t1 - t0 >= 45 * MS);
	LT_CHECK(p1 - p0 <= w1 - w0 + 5 * MS);
	LT_CHECK_OK(getrusage(RUSAGE_SELF, &ru));
	LT_CHECK(ru.ru_utime.tv_sec * 1000000LL + ru.ru_utime.tv_usec +
		 ru.ru_stime.tv_sec * 1000000LL + ru.ru_stime.tv_usec >= 45000);
	LT_CHECK_OK(getrusage(RUSAGE_THREAD, &ru));
	LT_CHECK_ERR(syscall(SYS_getrusage, 5, &ru), EINVAL);
}

/*
 * times() counts clock ticks at 100 Hz (USER_HZ) from an arbitrary
 * origin (Linux starts 5 minutes short of a 32-bit jiffies wrap).
 */
LT_CASE(times)
{
	struct tms t0, t1;
	long c0, c1;
	pid_t pid;

	c0 = syscall(SYS_times, &t0);
	LT_CHECK(c0 > 0);
	lt_sleep_ms(100);
	spin_cpu_ms(100);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		spin_cpu_ms(100);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	c1 = syscall(SYS_times, &t1);
	LT_CHECK(c1 - c0 >= 28 && c1 - c0 < 500);
	LT_CHECK(t1.tms_utime + t1.tms_stime - t0.tms_utime - t0.tms_stime >= 8);
	LT_CHECK(t1.tms_cutime + t1.tms_cstime - t0.tms_cutime - t0.tms_cstime >= 8);
	LT_CHECK(syscall(SYS_times, NULL) >= c1);
}

/* umask returns the old mask; only the permission bits are kept. */
LT_CASE(umask)
{
	mode_t first = umask(077);

	LT_CHECK_EQ(first, 022);		/* what init starts with */
	LT_CHECK_EQ(umask(0), 077);
	LT_CHECK_EQ(umask(07777), 0);
	LT_CHECK_EQ(umask(first), 0777);
	LT_CHECK_EQ(umask(first), first);
}

/* The task name: 15 bytes and a NUL; set by exec from the file name. */
LT_CASE(prctl_name)
{
	char name[32];

	memset(name, 'x', sizeof(name));
	LT_CHECK_OK(prctl(PR_GET_NAME, name));
	LT_CHECK(!strcmp(name, "sys_misc"));
	LT_CHECK_OK(prctl(PR_SET_NAME, "short"));
	LT_CHECK_OK(prctl(PR_GET_NAME, name));
	LT_CHECK(!strcmp(name, "short"));
	LT_CHECK_OK(prctl(PR_SET_NAME, "0123456789abcdefghij"));
	memset(name, 'x', sizeof(name));
	LT_CHECK_OK(prctl(PR_GET_NAME, name));
	LT_CHECK(!strcmp(name, "0123456789abcde"));
	LT_CHECK_EQ(name[16], 'x');		/* 16 bytes stored, no more */
	LT_CHECK_OK(prctl(PR_SET_NAME, ""));
	LT_CHECK_OK(prctl(PR_GET_NAME, name));
	LT_CHECK_EQ(name[0], '\0');
	LT_CHECK_ERR(syscall(SYS_prctl, 12345, 0, 0, 0, 0), EINVAL);
	LT_CHECK_OK(prctl(PR_SET_NAME, "sys_misc"));
}

LT_CASE(prlimit)
{
	struct rlimit saved, rl, old;
	struct shared { int ready, seen, go; } *sh = lt_shared(sizeof(*sh));
	pid_t pid;

	LT_CHECK(sh);
	LT_CHECK_EQ(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &saved), 0);
	LT_CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	LT_CHECK(rl.rlim_cur == saved.rlim_cur && rl.rlim_max == saved.rlim_max);
	LT_CHECK(saved.rlim_cur <= saved.rlim_max);

	/* Set and get back the old value in one call. */
	rl.rlim_cur = 100;
	rl.rlim_max = 200;
	LT_CHECK_EQ(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &rl, &old), 0);
	LT_CHECK(old.rlim_cur == saved.rlim_cur && old.rlim_max == saved.rlim_max);
	LT_CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	LT_CHECK(rl.rlim_cur == 100 && rl.rlim_max == 200);
	rl.rlim_cur = 300;				/* soft above hard */
	LT_CHECK_ERR(setrlimit(RLIMIT_NOFILE, &rl), EINVAL);
	LT_CHECK_OK(setrlimit(RLIMIT_NOFILE, &saved));	/* root may raise hard */
	rl.rlim_cur = rl.rlim_max = RLIM_INFINITY;
	LT_CHECK_OK(setrlimit(RLIMIT_CORE, &rl));
	LT_CHECK_OK(getrlimit(RLIMIT_CORE, &rl));
	LT_CHECK(rl.rlim_cur == RLIM_INFINITY && rl.rlim_max == RLIM_INFINITY);
	rl.rlim_cur = 0;
	LT_CHECK_OK(setrlimit(RLIMIT_CORE, &rl));
	LT_CHECK_ERR(syscall(SYS_prlimit64, 0, 99, NULL, &rl), EINVAL);
	LT_CHECK_ERR(syscall(SYS_getrlimit, 99, &rl), EINVAL);
	LT_CHECK_ERR(syscall(SYS_prlimit64, 0x3fffffff, RLIMIT_NOFILE, NULL, &rl), ESRCH);

	/* Another process's limits, read and written from outside. */
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct rlimit mine;

		sh->ready = 1;
		LT_CHECK(lt_wait_flag(&sh->go, 1, 5000));
		LT_CHECK_OK(getrlimit(RLIMIT_NOFILE, &mine));
		sh->seen = mine.rlim_cur;
		_exit(0);
	}
	LT_CHECK(lt_wait_flag(&sh->ready, 1, 5000));
	rl.rlim_cur = 77;
	rl.rlim_max = saved.rlim_max;
	LT_CHECK_EQ(syscall(SYS_prlimit64, pid, RLIMIT_NOFILE, &rl, NULL), 0);
	LT_CHECK_EQ(syscall(SYS_prlimit64, pid, RLIMIT_NOFILE, NULL, &old), 0);
	LT_CHECK_EQ(old.rlim_cur, 77);
	sh->go = 1;
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(sh->seen, 77);
	LT_CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	LT_CHECK_EQ(rl.rlim_cur, saved.rlim_cur);
}

static unsigned long read_fs0(void)
{
	unsigned long v;

	__asm__ volatile("mov %%fs:0, %0" : "=r"(v));
	return v;
}

static unsigned long read_gs0(void)
{
	unsigned long v;

	__asm__ volatile("mov %%gs:0, %0" : "=r"(v));
	return v;
}

/*
 * Between setting FS to our own block and restoring musl's, no libc runs
 * (musl keeps its thread pointer in FS): lt_syscall is inline assembly.
 */
LT_CASE(arch_prctl_fs_gs)
{
	static unsigned long block[4] = { 0x1122334455667788UL, 2, 3, 4 };
	static unsigned long gblock[2] = { 0x0badc0deUL, 0 };
	unsigned long saved_fs = 0, got = 0, seen, saved_gs = 1;
	long r1, r2, r3, r4;

	LT_CHECK_EQ(lt_syscall(SYS_arch_prctl, ARCH_GET_FS, (long)&saved_fs, 0, 0, 0, 0), 0);
	LT_CHECK(saved_fs != 0);
	r1 = lt_syscall(SYS_arch_prctl, ARCH_SET_FS, (long)block, 0, 0, 0, 0);
	r2 = lt_syscall(SYS_arch_prctl, ARCH_GET_FS, (long)&got, 0, 0, 0, 0);
	seen = read_fs0();
	r3 = lt_syscall(SYS_arch_prctl, ARCH_SET_FS, saved_fs, 0, 0, 0, 0);
	LT_CHECK_EQ(r1, 0);
	LT_CHECK_EQ(r2, 0);
	LT_CHECK_EQ(r3, 0);
	LT_CHECK_EQ(got, (unsigned long)block);
	LT_CHECK_EQ(seen, block[0]);
	LT_CHECK_EQ(read_fs0(), saved_fs);	/* musl's TCB starts with its own address */

	LT_CHECK_EQ(lt_syscall(SYS_arch_prctl, ARCH_GET_GS, (long)&saved_gs, 0, 0, 0, 0), 0);
	LT_CHECK_EQ(saved_gs, 0);
	r4 = lt_syscall(SYS_arch_prctl, ARCH_SET_GS, (long)gblock, 0, 0, 0, 0);
	LT_CHECK_EQ(r4, 0);
	LT_CHECK_EQ(read_gs0(), gblock[0]);
	LT_CHECK_EQ(lt_syscall(SYS_arch_prctl, ARCH_GET_GS, (long)&got, 0, 0, 0, 0), 0);
	LT_CHECK_EQ(got, (unsigned long)gblock);
	LT_CHECK_EQ(lt_syscall(SYS_arch_prctl, ARCH_SET_GS, 0, 0, 0, 0, 0), 0);

	/* Kernel addresses are refused with EPERM; unknown codes with EINVAL. */
	LT_CHECK_EQ(lt_syscall(SYS_arch_prctl, ARCH_SET_FS, (long)0xffffffff80000000UL,
			       0, 0, 0, 0), -EPERM);
	LT_CHECK_EQ(lt_syscall(SYS_arch_prctl, ARCH_SET_GS, (long)0xffff888000000000UL,
			       0, 0, 0, 0), -EPERM);
	LT_CHECK_EQ(lt_syscall(SYS_arch_prctl, 0x1fff, 0, 0, 0, 0, 0), -EINVAL);
}

/* FS and GS bases are per process: a child's changes stay its own. */
LT_CASE(arch_prctl_per_process)
{
	static unsigned long gblock[1] = { 42 };
	unsigned long gs = 1;
	pid_t pid;

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_EQ(lt_syscall(SYS_arch_prctl, ARCH_SET_GS, (long)gblock, 0, 0, 0, 0), 0);
		for (int i = 0; i < 20; i++) {
			sched_yield();
			LT_CHECK_EQ(read_gs0(), 42);
		}
		_exit(0);
	}
	for (int i = 0; i < 20; i++)
		sched_yield();
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(lt_syscall(SYS_arch_prctl, ARCH_GET_GS, (long)&gs, 0, 0, 0, 0), 0);
	LT_CHECK_EQ(gs, 0);
}

#define PORT_POST	0x80

static unsigned char port_in(unsigned short port)
{
	unsigned char v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* Run port_in(@port) in a child: how the child ended. */
static int child_reads_port(unsigned short port)
{
	pid_t pid = fork();

	if (pid == 0) {
		port_in(port);
		_exit(0);
	}
	return lt_wait(pid);
}

static void ioport_child(void)
{
	/* None of it before asking; then exactly the ports asked for. */
	LT_CHECK_EQ(child_reads_port(PORT_POST), LT_KILLED(SIGSEGV));
	LT_CHECK_OK(syscall(SYS_ioperm, PORT_POST, 1, 1));
	port_in(PORT_POST);
	LT_CHECK_EQ(child_reads_port(PORT_POST), LT_EXITED(0));	/* fork keeps it */
	LT_CHECK_EQ(child_reads_port(PORT_POST + 1), LT_KILLED(SIGSEGV));
	LT_CHECK_OK(syscall(SYS_ioperm, PORT_POST, 1, 0));
	LT_CHECK_EQ(child_reads_port(PORT_POST), LT_KILLED(SIGSEGV));
	/* iopl(3): every port. */
	LT_CHECK_OK(syscall(SYS_iopl, 3));
	port_in(PORT_POST + 1);
	LT_CHECK_OK(syscall(SYS_iopl, 0));
	LT_CHECK_EQ(child_reads_port(PORT_POST), LT_KILLED(SIGSEGV));
	_exit(0);
}

LT_CASE(ioperm_iopl)
{
	pid_t pid;

	LT_CHECK_ERR(syscall(SYS_iopl, 4), EINVAL);
	LT_CHECK_ERR(syscall(SYS_ioperm, 65535, 2, 1), EINVAL);
	LT_CHECK_ERR(syscall(SYS_ioperm, 0, 0, 1), EINVAL);
	LT_CHECK_OK(syscall(SYS_ioperm, 0, 65536, 0));	/* turning off what is off */
	pid = fork();
	if (pid == 0)
		ioport_child();
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* Interrupts stay the kernel's: under iopl(3) cli and sti do nothing, elsewhere they fault. */
	pid = fork();
	if (pid == 0) {
		LT_CHECK_OK(syscall(SYS_iopl, 3));
		__asm__ volatile("cli; sti");
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	pid = fork();
	if (pid == 0) {
		__asm__ volatile("cli");
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGSEGV));
	/* Without CAP_SYS_RAWIO: no more access, though giving it up is fine. */
	pid = fork();
	if (pid == 0) {
		LT_CHECK_OK(setresuid(65534, 65534, 65534));
		LT_CHECK_ERR(syscall(SYS_ioperm, PORT_POST, 1, 1), EPERM);
		LT_CHECK_ERR(syscall(SYS_iopl, 1), EPERM);
		LT_CHECK_OK(syscall(SYS_iopl, 0));
		LT_CHECK_OK(syscall(SYS_ioperm, PORT_POST, 1, 0));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("sys_misc");
	LT_RUN(uname);
	LT_RUN(getrandom);
	LT_RUN(urandom_ioctls);
	LT_RUN(monotonic);
	LT_RUN(realtime_agrees);
	LT_RUN(clock_getres);
	LT_RUN(cpu_time_clocks);
	LT_RUN(times);
	LT_RUN(umask);
	LT_RUN(prctl_name);
	LT_RUN(prlimit);
	LT_RUN(arch_prctl_fs_gs);
	LT_RUN(arch_prctl_per_process);
	LT_RUN(ioperm_iopl);
	return lt_end();
}
