// SPDX-License-Identifier: GPL-2.0
/*
 * proc_wait: exit, wait4 and waitid.  Exit statuses 0..255, death by
 * SIGKILL and SIGSEGV, which child a wait picks, WNOHANG, WNOWAIT, ECHILD,
 * the resource usage a wait returns, zombies, and orphans: a process whose
 * parent exits is re-parented to init (testinit, PID 1), which reaps it.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#define PAGE	4096

struct shared {
	int go;
	int done;
	pid_t pid, ppid;
};

static struct shared *sh;
static volatile int *volatile bad_ptr = (int *)16;

static pid_t child_exiting(int code)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(code);
	return pid;
}

/* A child that exits with CODE once sh->go is set. */
static pid_t child_waiting(int code)
{
	pid_t pid = fork();

	if (pid == 0) {
		lt_wait_flag(&sh->go, 1, 10000);
		_exit(code);
	}
	return pid;
}

/* Every exit status, alternately through wait4 and waitid. */
LT_CASE(exit_status_0_to_255)
{
	int code, status;
	siginfo_t si;
	pid_t pid;

	for (code = 0; code <= 255; code++) {
		pid = child_exiting(code);
		LT_CHECK(pid > 0);
		if (code % 2 == 0) {
			LT_CHECK_EQ(wait4(pid, &status, 0, NULL), pid);
			LT_CHECK(WIFEXITED(status));
			LT_CHECK_EQ(WEXITSTATUS(status), code);
			continue;
		}
		memset(&si, 0xff, sizeof(si));
		LT_CHECK_EQ(waitid(P_PID, pid, &si, WEXITED), 0);
		LT_CHECK_EQ(si.si_signo, SIGCHLD);
		LT_CHECK_EQ(si.si_code, CLD_EXITED);
		LT_CHECK_EQ(si.si_status, code);
		LT_CHECK_EQ(si.si_pid, pid);
		LT_CHECK_EQ(si.si_uid, 0);
		LT_CHECK_EQ(si.si_errno, 0);
	}
}

/* Only the low 8 bits of the exit code reach the parent. */
LT_CASE(exit_code_truncated)
{
	pid_t pid;

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0)
		syscall(SYS_exit, 300);
	LT_CHECK_WAIT(pid, LT_EXITED(300 & 0xff));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0)
		syscall(SYS_exit_group, -1);
	LT_CHECK_WAIT(pid, LT_EXITED(255));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0)
		_exit(256);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(killed_by_sigkill)
{
	siginfo_t si;
	int status;
	pid_t pid;

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		kill(getpid(), SIGKILL);
		_exit(1);
	}
	LT_CHECK_EQ(wait4(pid, &status, 0, NULL), pid);
	LT_CHECK(WIFSIGNALED(status));
	LT_CHECK(!WIFEXITED(status));
	LT_CHECK_EQ(WTERMSIG(status), SIGKILL);
	LT_CHECK(!WCOREDUMP(status));

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		kill(getpid(), SIGKILL);
		_exit(1);
	}
	LT_CHECK_EQ(waitid(P_PID, pid, &si, WEXITED), 0);
	LT_CHECK_EQ(si.si_code, CLD_KILLED);
	LT_CHECK_EQ(si.si_status, SIGKILL);
	LT_CHECK_EQ(si.si_pid, pid);
}

/* A sleeping child dies at once when we kill it. */
LT_CASE(kill_sleeping_child)
{
	long long start;
	pid_t pid;

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		lt_sleep_ms(10000);
		_exit(1);
	}
	lt_sleep_ms(20);
	start = lt_now_ns();
	LT_CHECK_OK(kill(pid, SIGKILL));
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
	LT_CHECK(lt_now_ns() - start < 2000 * 1000000LL);
}

/* A bad access kills with SIGSEGV; RLIMIT_CORE is 0, so no core dump. */
LT_CASE(killed_by_sigsegv)
{
	struct rlimit rl;
	siginfo_t si;
	int status;
	pid_t pid;

	LT_CHECK_OK(getrlimit(RLIMIT_CORE, &rl));
	LT_CHECK_EQ(rl.rlim_cur, 0);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		*bad_ptr = 1;
		_exit(1);
	}
	LT_CHECK_EQ(wait4(pid, &status, 0, NULL), pid);
	LT_CHECK(WIFSIGNALED(status));
	LT_CHECK_EQ(WTERMSIG(status), SIGSEGV);
	LT_CHECK(!WCOREDUMP(status));

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		*bad_ptr = 1;
		_exit(1);
	}
	LT_CHECK_EQ(waitid(P_PID, pid, &si, WEXITED), 0);
	LT_CHECK_EQ(si.si_code, CLD_KILLED);
	LT_CHECK_EQ(si.si_status, SIGSEGV);
}

/* Waiting for one pid skips the others that have already exited. */
LT_CASE(wait_specific_pid)
{
	pid_t first, second, third;
	int status;

	first = child_exiting(1);
	second = child_exiting(2);
	third = child_exiting(3);
	LT_CHECK(first > 0 && second > 0 && third > 0);
	lt_sleep_ms(20);
	LT_CHECK_EQ(wait4(third, &status, 0, NULL), third);
	LT_CHECK_EQ(WEXITSTATUS(status), 3);
	LT_CHECK_EQ(wait4(first, &status, 0, NULL), first);
	LT_CHECK_EQ(WEXITSTATUS(status), 1);
	LT_CHECK_EQ(wait4(-1, &status, 0, NULL), second);
	LT_CHECK_EQ(WEXITSTATUS(status), 2);
	LT_CHECK_ERR(wait4(-1, &status, 0, NULL), ECHILD);
}

/* A blocking wait sleeps until the child exits. */
LT_CASE(blocking_wait)
{
	long long start = lt_now_ns();
	int status;
	pid_t pid;

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		lt_sleep_ms(60);
		_exit(4);
	}
	LT_CHECK_EQ(wait4(-1, &status, 0, NULL), pid);
	LT_CHECK_EQ(status, LT_EXITED(4));
	LT_CHECK(lt_now_ns() - start >= 60 * 1000000LL);
}

/* WNOHANG with children that are all still running: 0, nothing filled. */
LT_CASE(wnohang)
{
	siginfo_t si;
	int status = 12345;
	pid_t pid;

	sh->go = 0;
	pid = child_waiting(6);
	LT_CHECK(pid > 0);
	LT_CHECK_EQ(wait4(-1, &status, WNOHANG, NULL), 0);
	LT_CHECK_EQ(wait4(pid, &status, WNOHANG, NULL), 0);
	LT_CHECK_EQ(status, 12345);
	/* waitid stores a zeroed siginfo: si_pid 0 means "none ready". */
	memset(&si, 0xff, sizeof(si));
	LT_CHECK_EQ(waitid(P_ALL, 0, &si, WEXITED | WNOHANG), 0);
	LT_CHECK_EQ(si.si_pid, 0);
	LT_CHECK_EQ(si.si_signo, 0);
	LT_CHECK_EQ(si.si_status, 0);
	sh->go = 1;
	LT_CHECK_WAIT(pid, LT_EXITED(6));
}

LT_CASE(echild)
{
	siginfo_t si;
	int status;

	LT_CHECK_ERR(wait4(-1, &status, 0, NULL), ECHILD);
	LT_CHECK_ERR(wait4(-1, &status, WNOHANG, NULL), ECHILD);
	LT_CHECK_ERR(waitid(P_ALL, 0, &si, WEXITED), ECHILD);
	LT_CHECK_ERR(waitid(P_ALL, 0, &si, WEXITED | WNOHANG), ECHILD);
	/* Not our children: ourselves, our parent (init). */
	LT_CHECK_ERR(wait4(getpid(), &status, 0, NULL), ECHILD);
	LT_CHECK_ERR(wait4(1, &status, WNOHANG, NULL), ECHILD);
	LT_CHECK_ERR(waitid(P_PID, getppid(), &si, WEXITED), ECHILD);
}

LT_CASE(bad_arguments)
{
	siginfo_t si;
	int status;

	LT_CHECK_ERR(wait4(-1, &status, 0x8000, NULL), EINVAL);
	LT_CHECK_ERR(waitid(P_ALL, 0, &si, 0), EINVAL);		/* no event asked */
	LT_CHECK_ERR(waitid(42, 0, &si, WEXITED), EINVAL);	/* bad idtype */
	LT_CHECK_ERR(waitid(P_PID, 0, &si, WEXITED), EINVAL);	/* pid 0 */
	LT_CHECK_ERR(waitid(P_ALL, 0, &si, WEXITED | 0x8000), EINVAL);
	/* -INT_MIN does not exist as a process group: ESRCH, not ECHILD. */
	LT_CHECK_ERR(wait4(INT_MIN, &status, 0, NULL), ESRCH);
}

/* WNOWAIT reports the child and leaves it a zombie for the next wait. */
LT_CASE(waitid_wnowait)
{
	siginfo_t si;
	int status;
	pid_t pid;

	pid = child_exiting(17);
	LT_CHECK(pid > 0);
	memset(&si, 0, sizeof(si));
	LT_CHECK_EQ(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0);
	LT_CHECK_EQ(si.si_pid, pid);
	LT_CHECK_EQ(si.si_status, 17);
	memset(&si, 0, sizeof(si));
	LT_CHECK_EQ(waitid(P_ALL, 0, &si, WEXITED | WNOWAIT), 0);
	LT_CHECK_EQ(si.si_pid, pid);
	LT_CHECK_EQ(si.si_code, CLD_EXITED);
	LT_CHECK_OK(kill(pid, 0));		/* still there */
	LT_CHECK_EQ(wait4(pid, &status, 0, NULL), pid);
	LT_CHECK_EQ(status, LT_EXITED(17));
	LT_CHECK_ERR(kill(pid, 0), ESRCH);	/* now gone */
	LT_CHECK_ERR(waitid(P_PID, pid, &si, WEXITED), ECHILD);
}

/* An exited child stays (a zombie: kill(pid, 0) finds it) until reaped. */
LT_CASE(zombie_until_reaped)
{
	pid_t pid = child_exiting(0);

	LT_CHECK(pid > 0);
	lt_sleep_ms(30);
	LT_CHECK_OK(kill(pid, 0));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_ERR(kill(pid, 0), ESRCH);
}

static long long tv_us(struct timeval tv)
{
	return tv.tv_sec * 1000000LL + tv.tv_usec;
}

/* Burn about MS of CPU time and touch PAGES fresh pages. */
static void burn(int ms, int pages)
{
	struct timespec ts;
	long long end;
	char *p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	for (int i = 0; p != MAP_FAILED && i < pages; i++)
		p[i * PAGE] = 1;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	end = ts.tv_sec * 1000000000LL + ts.tv_nsec + ms * 1000000LL;
	do
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	while (ts.tv_sec * 1000000000LL + ts.tv_nsec < end);
}

/*
 * wait4 and waitid return the child's resource usage, and it moves into
 * RUSAGE_CHILDREN only when the child is reaped.
 */
LT_CASE(rusage_of_child)
{
	struct rusage ru, before, after;
	long long start = lt_now_ns(), cpu;
	siginfo_t si;
	int status;
	pid_t pid;

	LT_CHECK_OK(getrusage(RUSAGE_CHILDREN, &before));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		burn(100, 200);
		_exit(0);
	}
	LT_CHECK_EQ(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0);
	LT_CHECK_OK(getrusage(RUSAGE_CHILDREN, &after));
	LT_CHECK_EQ(tv_us(after.ru_utime) + tv_us(after.ru_stime),
		    tv_us(before.ru_utime) + tv_us(before.ru_stime));
	memset(&ru, 0, sizeof(ru));
	LT_CHECK_EQ(wait4(pid, &status, 0, &ru), pid);
	cpu = tv_us(ru.ru_utime) + tv_us(ru.ru_stime);
	LT_CHECK(cpu >= 90000);
	LT_CHECK(cpu <= (lt_now_ns() - start) / 1000 + 10000);
	LT_CHECK(ru.ru_minflt >= 200);
	LT_CHECK(ru.ru_maxrss > 0);
	LT_CHECK_OK(getrusage(RUSAGE_CHILDREN, &after));
	LT_CHECK(tv_us(after.ru_utime) + tv_us(after.ru_stime) -
		 tv_us(before.ru_utime) - tv_us(before.ru_stime) >= cpu - 1);
	LT_CHECK(after.ru_minflt - before.ru_minflt >= 200);

	/* waitid's fifth argument, which only the raw system call has. */
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		burn(50, 0);
		_exit(0);
	}
	memset(&ru, 0, sizeof(ru));
	LT_CHECK_EQ(syscall(SYS_waitid, P_PID, pid, &si, WEXITED, &ru), 0);
	LT_CHECK(tv_us(ru.ru_utime) + tv_us(ru.ru_stime) >= 40000);
}

/*
 * A child forks a grandchild and exits; the grandchild is re-parented to
 * init (getppid() becomes 1), and init reaps it when it exits: kill(pid, 0)
 * stops finding it.
 */
LT_CASE(orphan_reparented_to_init)
{
	long long deadline;
	pid_t pid, orphan;

	memset(sh, 0, sizeof(*sh));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		pid_t parent = getpid(), g = fork();

		LT_CHECK(g >= 0);
		if (g == 0) {
			for (int i = 0; i < 5000 && getppid() == parent; i++)
				lt_sleep_ms(1);
			sh->pid = getpid();
			sh->ppid = getppid();
			sh->done = 1;
			_exit(0);
		}
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK(lt_wait_flag(&sh->done, 1, 10000));
	LT_CHECK_EQ(sh->ppid, 1);
	orphan = sh->pid;
	LT_CHECK(orphan > 0 && orphan != pid);
	/* Not ours to wait for. */
	LT_CHECK_ERR(wait4(orphan, NULL, WNOHANG, NULL), ECHILD);
	deadline = lt_now_ns() + 5000 * 1000000LL;
	while (kill(orphan, 0) == 0 && lt_now_ns() < deadline)
		lt_sleep_ms(2);
	LT_CHECK_ERR(kill(orphan, 0), ESRCH);
}

/* Several exited children are collected one per wait, each exactly once. */
LT_CASE(collect_all)
{
	enum { N = 12 };
	int seen[N] = { 0 }, status, i;
	pid_t pids[N], r;

	sh->go = 0;
	for (i = 0; i < N; i++) {
		pids[i] = child_waiting(100 + i);
		LT_CHECK(pids[i] > 0);
	}
	sh->go = 1;
	for (i = 0; i < N; i++) {
		r = wait4(-1, &status, 0, NULL);
		LT_CHECK(r > 0);
		LT_CHECK(WIFEXITED(status));
		int k = WEXITSTATUS(status) - 100;
		LT_CHECK(k >= 0 && k < N);
		LT_CHECK_EQ(r, pids[k]);
		LT_CHECK_EQ(seen[k], 0);
		seen[k] = 1;
	}
	LT_CHECK_ERR(wait4(-1, &status, WNOHANG, NULL), ECHILD);
}

int main(void)
{
	lt_begin("proc_wait");
	sh = lt_shared(sizeof(*sh));
	LT_RUN(exit_status_0_to_255);
	LT_RUN(exit_code_truncated);
	LT_RUN(killed_by_sigkill);
	LT_RUN(kill_sleeping_child);
	LT_RUN(killed_by_sigsegv);
	LT_RUN(wait_specific_pid);
	LT_RUN(blocking_wait);
	LT_RUN(wnohang);
	LT_RUN(echild);
	LT_RUN(bad_arguments);
	LT_RUN(waitid_wnowait);
	LT_RUN(zombie_until_reaped);
	LT_RUN(rusage_of_child);
	LT_RUN(orphan_reparented_to_init);
	LT_RUN(collect_all);
	return lt_end();
}
