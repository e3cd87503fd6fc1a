// SPDX-License-Identifier: GPL-2.0
/*
 * sys_badptr: every system call of this milestone that takes a pointer
 * must fail with EFAULT, not crash and not write elsewhere, when given
 *
 *   (void *)1			the never-mapped first page
 *   0xffff888000000000		kernel memory (the direct map)
 *   0xffffffff80000000		kernel text
 *   a freshly unmapped page	a user address with nothing behind it
 *   a straddling buffer		starts mapped, runs into an unmapped page
 *
 * Raw system calls throughout: the libc wrappers (and the vDSO) would
 * fault in user space instead of asking the kernel.  Where Linux does
 * something other than EFAULT, the case says so.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#define PAGE		4096UL
#define NBAD		4
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

static void *bad[NBAD];
static char *edge;	/* first byte of an unmapped page after a mapped one */

/* Run CALL (which uses b) with every bad pointer b; each must be EFAULT. */
#define CHECK_EFAULT(call) do {						\
	for (int i_ = 0; i_ < NBAD; i_++) {				\
		void *b = bad[i_];					\
		errno = 0;						\
		long r_ = (long)(call);					\
		if (!lt_is_err(r_, EFAULT))				\
			LT_FAIL("%s with b=%p: expected EFAULT, got %ld (errno %s)", \
				#call, b, r_, lt_errname(errno));	\
	}								\
} while (0)

/* A SIZE-byte buffer whose second half is unmapped. */
static void *straddle(size_t size)
{
	return edge - size / 2;
}

static void setup(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	bad[0] = (void *)1;
	bad[1] = (void *)0xffff888000000000UL;
	bad[2] = (void *)0xffffffff80000000UL;
	if (p == MAP_FAILED) {
		bad[3] = (void *)2;
		edge = NULL;
		return;
	}
	munmap(p + PAGE, PAGE);
	bad[3] = p + PAGE;
	edge = p + PAGE;
}

LT_CASE(uname)
{
	CHECK_EFAULT(syscall(SYS_uname, b));
	LT_CHECK_ERR(syscall(SYS_uname, straddle(sizeof(struct utsname))), EFAULT);
}

LT_CASE(clock_gettime)
{
	CHECK_EFAULT(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, b));
	CHECK_EFAULT(syscall(SYS_clock_gettime, CLOCK_REALTIME, b));
	CHECK_EFAULT(syscall(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, b));
	LT_CHECK_ERR(syscall(SYS_clock_gettime, CLOCK_MONOTONIC,
			     straddle(sizeof(struct timespec))), EFAULT);
}

/* clock_getres(clk, NULL) is fine: the result is simply not stored. */
LT_CASE(clock_getres)
{
	CHECK_EFAULT(syscall(SYS_clock_getres, CLOCK_MONOTONIC, b));
	LT_CHECK_EQ(syscall(SYS_clock_getres, CLOCK_MONOTONIC, NULL), 0);
}

LT_CASE(gettimeofday)
{
	struct timeval tv;

	CHECK_EFAULT(syscall(SYS_gettimeofday, b, NULL));
	CHECK_EFAULT(syscall(SYS_gettimeofday, &tv, b));	/* the timezone */
	LT_CHECK_ERR(syscall(SYS_gettimeofday, straddle(sizeof(tv)), NULL), EFAULT);
	LT_CHECK_EQ(syscall(SYS_gettimeofday, NULL, NULL), 0);
}

LT_CASE(time)
{
	CHECK_EFAULT(syscall(SYS_time, b));
	LT_CHECK(syscall(SYS_time, NULL) > 0);
}

LT_CASE(getrusage)
{
	CHECK_EFAULT(syscall(SYS_getrusage, RUSAGE_SELF, b));
	CHECK_EFAULT(syscall(SYS_getrusage, RUSAGE_CHILDREN, b));
	LT_CHECK_ERR(syscall(SYS_getrusage, RUSAGE_SELF, straddle(sizeof(struct rusage))),
		     EFAULT);
}

/*
 * times() returns clock ticks, which could be any value, so Linux's
 * EFAULT is told apart from a tick count only by the -4095..-1 range.
 */
LT_CASE(times)
{
	CHECK_EFAULT(lt_syscall(SYS_times, (long)b, 0, 0, 0, 0, 0));
	LT_CHECK_EQ(lt_syscall(SYS_times, (long)straddle(sizeof(struct tms)), 0, 0, 0, 0, 0),
		    -EFAULT);
}

LT_CASE(rlimits)
{
	struct rlimit rl;

	CHECK_EFAULT(syscall(SYS_getrlimit, RLIMIT_NOFILE, b));
	CHECK_EFAULT(syscall(SYS_setrlimit, RLIMIT_NOFILE, b));
	CHECK_EFAULT(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, b, NULL));
	CHECK_EFAULT(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, b));
	LT_CHECK_ERR(syscall(SYS_getrlimit, RLIMIT_STACK, straddle(sizeof(rl))), EFAULT);
	/* A failed set changed nothing. */
	LT_CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	LT_CHECK(rl.rlim_cur > 0);
}

/*
 * getrandom with a buffer that runs into an unmapped page: Linux returns
 * the bytes it could store (a short count: exactly the mapped part), and
 * EFAULT only when it stored none.
 */
LT_CASE(getrandom)
{
	long r;

	CHECK_EFAULT(syscall(SYS_getrandom, b, 16, 0));
	r = syscall(SYS_getrandom, edge - 100, 200, 0);
	LT_CHECK_EQ(r, 100);
	r = syscall(SYS_getrandom, edge - 1, 4096, 0);
	LT_CHECK_EQ(r, 1);
}

/* wait4 reaps the child first, then fails to store: the child is gone. */
LT_CASE(wait4)
{
	pid_t pid;

	for (int i = 0; i < NBAD; i++) {
		pid = fork();
		LT_CHECK(pid >= 0);
		if (pid == 0)
			_exit(0);
		LT_CHECK_ERR(syscall(SYS_wait4, pid, bad[i], 0, NULL), EFAULT);
		LT_CHECK_ERR(wait4(pid, NULL, WNOHANG, NULL), ECHILD);

		pid = fork();
		LT_CHECK(pid >= 0);
		if (pid == 0)
			_exit(0);
		LT_CHECK_ERR(syscall(SYS_wait4, pid, NULL, 0, bad[i]), EFAULT);	/* rusage */
		LT_CHECK_ERR(wait4(pid, NULL, WNOHANG, NULL), ECHILD);
	}
}

LT_CASE(waitid)
{
	pid_t pid;

	for (int i = 0; i < NBAD; i++) {
		pid = fork();
		LT_CHECK(pid >= 0);
		if (pid == 0)
			_exit(0);
		LT_CHECK_ERR(syscall(SYS_waitid, P_PID, pid, bad[i], WEXITED, NULL), EFAULT);
		LT_CHECK_ERR(wait4(pid, NULL, WNOHANG, NULL), ECHILD);
	}
	/* No child ready with WNOHANG: the zeroed siginfo cannot be stored. */
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		lt_sleep_ms(200);
		_exit(0);
	}
	CHECK_EFAULT(syscall(SYS_waitid, P_PID, pid, b, WEXITED | WNOHANG, NULL));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* The remaining time is stored only when a signal cuts the sleep short. */
LT_CASE(nanosleep)
{
	struct timespec ts = { 0, 1000 };

	CHECK_EFAULT(syscall(SYS_nanosleep, b, NULL));
	CHECK_EFAULT(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, b, NULL));
	CHECK_EFAULT(syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, b, NULL));
	LT_CHECK_ERR(syscall(SYS_nanosleep, straddle(sizeof(ts)), NULL), EFAULT);
	LT_CHECK_EQ(syscall(SYS_nanosleep, &ts, bad[0]), 0);
	LT_CHECK_EQ(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, bad[1]), 0);
}

/* sched_*param: NULL is EINVAL, a bad pointer EFAULT. */
LT_CASE(sched_param)
{
	CHECK_EFAULT(syscall(SYS_sched_getparam, 0, b));
	CHECK_EFAULT(syscall(SYS_sched_setparam, 0, b));
	CHECK_EFAULT(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, b));
	LT_CHECK_ERR(syscall(SYS_sched_getparam, 0, NULL), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sched_setparam, 0, NULL), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, NULL), EINVAL);
}

LT_CASE(getresuid_getresgid)
{
	uid_t r, e, s;
	gid_t gr, ge, gs;

	CHECK_EFAULT(syscall(SYS_getresuid, b, &e, &s));
	CHECK_EFAULT(syscall(SYS_getresuid, &r, b, &s));
	CHECK_EFAULT(syscall(SYS_getresuid, &r, &e, b));
	CHECK_EFAULT(syscall(SYS_getresgid, b, &ge, &gs));
	CHECK_EFAULT(syscall(SYS_getresgid, &gr, &ge, b));
}

/*
 * setgroups reads the list; getgroups stores it, and with no groups it
 * stores nothing, so even a bad pointer succeeds.
 */
LT_CASE(groups)
{
	gid_t two[2] = { 5, 6 };
	pid_t pid;

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		CHECK_EFAULT(syscall(SYS_setgroups, 1, b));
		LT_CHECK_EQ(syscall(SYS_setgroups, 0, NULL), 0);
		LT_CHECK_EQ(syscall(SYS_getgroups, 4, bad[0]), 0);
		LT_CHECK_EQ(syscall(SYS_setgroups, 2, two), 0);
		CHECK_EFAULT(syscall(SYS_getgroups, 2, b));
		LT_CHECK_EQ(syscall(SYS_getgroups, 0, bad[0]), 2);	/* size only */
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(prctl_name)
{
	char name[16];

	CHECK_EFAULT(syscall(SYS_prctl, PR_SET_NAME, b, 0, 0, 0));
	CHECK_EFAULT(syscall(SYS_prctl, PR_GET_NAME, b, 0, 0, 0));
	LT_CHECK_ERR(syscall(SYS_prctl, PR_GET_NAME, straddle(16), 0, 0, 0), EFAULT);
	LT_CHECK_OK(prctl(PR_GET_NAME, name));
	LT_CHECK(!strcmp(name, "sys_badptr"));
}

LT_CASE(arch_prctl)
{
	CHECK_EFAULT(lt_syscall(SYS_arch_prctl, ARCH_GET_FS, (long)b, 0, 0, 0, 0));
	CHECK_EFAULT(lt_syscall(SYS_arch_prctl, ARCH_GET_GS, (long)b, 0, 0, 0, 0));
}

LT_CASE(write)
{
	CHECK_EFAULT(syscall(SYS_write, 1, b, 10));
}

/*
 * set_tid_address stores the pointer without looking at it; at exit the
 * kernel's attempt to clear the word there fails silently.
 */
LT_CASE(set_tid_address)
{
	pid_t pid;

	for (int i = 0; i < NBAD; i++) {
		pid = fork();
		LT_CHECK(pid >= 0);
		if (pid == 0) {
			long tid = syscall(SYS_gettid);

			LT_CHECK_EQ(syscall(SYS_set_tid_address, bad[i]), tid);
			_exit(0);
		}
		LT_CHECK_WAIT(pid, LT_EXITED(0));
	}
}

int main(void)
{
	lt_begin("sys_badptr");
	setup();	/* after lt_begin's mmap, which could reuse the hole */
	LT_RUN(uname);
	LT_RUN(clock_gettime);
	LT_RUN(clock_getres);
	LT_RUN(gettimeofday);
	LT_RUN(time);
	LT_RUN(getrusage);
	LT_RUN(times);
	LT_RUN(rlimits);
	LT_RUN(getrandom);
	LT_RUN(wait4);
	LT_RUN(waitid);
	LT_RUN(nanosleep);
	LT_RUN(sched_param);
	LT_RUN(getresuid_getresgid);
	LT_RUN(groups);
	LT_RUN(prctl_name);
	LT_RUN(arch_prctl);
	LT_RUN(write);
	LT_RUN(set_tid_address);
	return lt_end();
}
