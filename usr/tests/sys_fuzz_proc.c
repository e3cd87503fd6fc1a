// SPDX-License-Identifier: GPL-2.0
/*
 * sys_fuzz_proc: random arguments to the process and memory-control
 * calls (mlock family, madvise, pidfd_*, process_vm_*, kcmp, ioprio,
 * membarrier, sched_setattr/getattr, unshare, setns, rseq, acct), a
 * bounded run.  Every call must return (any error is fine) and the
 * kernel must survive: the calls run in throw-away children, since some
 * argument mixes legitimately kill the caller (an rseq area at a random
 * address, MADV_DONTNEED on its own stack).  The seed is printed, so a
 * failure can be replayed.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#define ROUNDS		100
#define CALLS_PER_ROUND	300

static uint64_t state;

static uint64_t rnd(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

static char *buf;	/* a valid page, a readable one, and a PROT_NONE one after */

static long arg(void)
{
	switch (rnd() % 10) {
	case 0: return 0;
	case 1: return -1;
	case 2: return rnd() % 16;
	case 3: return (long)(rnd() % 4096);
	case 4: return (long)rnd();
	case 5: return (long)buf;
	case 6: return (long)(buf + (rnd() % 4096));
	case 7: return (long)(buf + 2 * 4096);		/* PROT_NONE */
	case 8: return (long)0xffff880000000000UL;	/* kernel */
	default: return 1L << (rnd() % 63);
	}
}

static const long calls[] = {
	SYS_mlock, SYS_munlock, SYS_mlock2, SYS_mlockall, SYS_munlockall, SYS_madvise,
	SYS_pidfd_open, SYS_pidfd_send_signal, SYS_pidfd_getfd, SYS_process_vm_readv,
	SYS_process_vm_writev, SYS_kcmp, SYS_ioprio_get, SYS_ioprio_set, SYS_membarrier,
	SYS_sched_setattr, SYS_sched_getattr, SYS_unshare, SYS_setns, SYS_rseq, SYS_getcpu,
	SYS_sched_get_priority_max, SYS_sched_rr_get_interval, SYS_prlimit64, SYS_acct,
};

static void one_call(void)
{
	long nr = calls[rnd() % (sizeof(calls) / sizeof(calls[0]))];
	long a[6];

	for (int i = 0; i < 6; i++)
		a[i] = arg();
	/* Calls that take a pid act on this throw-away process only. */
	if (nr == SYS_sched_setattr || nr == SYS_prlimit64)
		a[0] = rnd() & 1 ? 0 : getpid();
	if (nr == SYS_process_vm_readv || nr == SYS_process_vm_writev)
		a[0] = getpid();
	if (nr == SYS_ioprio_set)
		a[1] = 0;
	/* No signals at random processes; accounting only ever switched off. */
	if (nr == SYS_pidfd_send_signal)
		a[1] = 0;
	if (nr == SYS_acct && a[0] == (long)buf)
		a[0] = 0;
	/* Not a real-time policy: a spinning FIFO task would starve the test's parent. */
	if (nr == SYS_sched_setattr && (a[1] == (long)buf))
		((uint32_t *)buf)[1] = rnd() % 2 ? 0 : 3;
	syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

LT_CASE(random_calls)
{
	uint64_t seed = (uint64_t)time(NULL) * 2654435761u + getpid();
	int exited = 0;

	lt_note("seed %llu", (unsigned long long)seed);
	for (int r = 0; r < ROUNDS; r++) {
		pid_t pid;
		int status;

		state = seed + r + 1;
		pid = fork();
		if (pid == 0) {
			alarm(20);
			for (int i = 0; i < CALLS_PER_ROUND; i++) {
				memset(buf, 0, 4096);
				one_call();
			}
			_exit(0);
		}
		LT_CHECK(pid > 0);
		LT_CHECK_EQ(waitpid(pid, &status, 0), pid);
		/* Exited, or killed by what the calls may cause; never hung. */
		LT_CHECK(WIFEXITED(status) ||
			 (WIFSIGNALED(status) && WTERMSIG(status) != SIGALRM));
		exited += WIFEXITED(status);
	}
	lt_note("%d of %d rounds ran all their calls", exited, ROUNDS);
	/* Still alive and well. */
	LT_CHECK(getpid() > 0);
	LT_CHECK_OK(syscall(SYS_membarrier, 1, 0, 0));
}

int main(void)
{
	buf = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED)
		return 1;
	mprotect(buf + 2 * 4096, 4096, PROT_NONE);
	lt_begin("sys_fuzz_proc");
	LT_RUN(random_calls);
	return lt_end();
}
