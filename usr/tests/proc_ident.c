// SPDX-License-Identifier: GPL-2.0
/*
 * proc_ident: process identity and the limits that depend on it.  Pids,
 * parent pids and thread ids; user and group ids (real, effective, saved)
 * and supplementary groups, with who may change what; and RLIMIT_NPROC,
 * which binds only non-root users: a uid 1000 process forks until EAGAIN.
 *
 * Every identity change happens in a child, so this program stays root.
 * The program runs under testinit, so its parent is PID 1.
 */
#define _GNU_SOURCE
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

struct shared {
	int stop;
	pid_t pid, ppid, tid;
};

static struct shared *sh;

static int become_user(void)
{
	return setgroups(0, NULL) || setresgid(1000, 1000, 1000) ||
	       setresuid(1000, 1000, 1000) ? -1 : 0;
}

LT_CASE(pids)
{
	pid_t me = getpid(), pid;

	LT_CHECK(me > 1);
	LT_CHECK_EQ(syscall(SYS_gettid), me);
	LT_CHECK_EQ(getppid(), 1);			/* testinit */
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		sh->pid = getpid();
		sh->ppid = getppid();
		sh->tid = syscall(SYS_gettid);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(sh->pid, pid);
	LT_CHECK_EQ(sh->tid, pid);
	LT_CHECK_EQ(sh->ppid, me);
	LT_CHECK(pid != me);
}

LT_CASE(root_ids)
{
	uid_t r = 9, e = 9, s = 9;
	gid_t gr = 9, ge = 9, gs = 9;

	LT_CHECK_EQ(getuid(), 0);
	LT_CHECK_EQ(geteuid(), 0);
	LT_CHECK_EQ(getgid(), 0);
	LT_CHECK_EQ(getegid(), 0);
	LT_CHECK_OK(getresuid(&r, &e, &s));
	LT_CHECK(r == 0 && e == 0 && s == 0);
	LT_CHECK_OK(getresgid(&gr, &ge, &gs));
	LT_CHECK(gr == 0 && ge == 0 && gs == 0);
}

/* setuid as root changes all three ids: there is no way back. */
LT_CASE(setuid_is_permanent)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		uid_t r, e, s;

		LT_CHECK_OK(setuid(1000));
		LT_CHECK_OK(getresuid(&r, &e, &s));
		LT_CHECK(r == 1000 && e == 1000 && s == 1000);
		LT_CHECK_EQ(getuid(), 1000);
		LT_CHECK_EQ(geteuid(), 1000);
		LT_CHECK_ERR(setuid(0), EPERM);
		LT_CHECK_ERR(setresuid(-1, 0, -1), EPERM);
		LT_CHECK_ERR(setresuid(0, 0, 0), EPERM);
		LT_CHECK_OK(setuid(1000));			/* to itself: fine */
		LT_CHECK_ERR(setuid(1001), EPERM);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/*
 * setresuid: an unprivileged process may set each id to any of its
 * current real, effective or saved ids; a saved uid of 0 is a way back.
 */
LT_CASE(setresuid_rules)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		uid_t r, e, s;

		LT_CHECK_OK(setresuid(1000, 1001, 1002));
		LT_CHECK_OK(getresuid(&r, &e, &s));
		LT_CHECK(r == 1000 && e == 1001 && s == 1002);
		LT_CHECK_EQ(geteuid(), 1001);
		LT_CHECK_OK(setresuid(-1, 1002, -1));		/* euid := saved */
		LT_CHECK_OK(setresuid(1002, 1000, -1));		/* swap around */
		LT_CHECK_OK(getresuid(&r, &e, &s));
		LT_CHECK(r == 1002 && e == 1000 && s == 1002);
		LT_CHECK_ERR(setresuid(-1, 1001, -1), EPERM);	/* 1001 is gone */
		LT_CHECK_ERR(setresuid(0, -1, -1), EPERM);
		LT_CHECK_ERR(setuid(0), EPERM);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		uid_t r, e, s;

		LT_CHECK_OK(setresuid(1000, 1000, 0));		/* keep saved 0 */
		LT_CHECK_EQ(geteuid(), 1000);
		LT_CHECK_OK(setresuid(-1, 0, -1));		/* regain root */
		LT_CHECK_EQ(geteuid(), 0);
		LT_CHECK_OK(setresuid(0, 0, 0));
		LT_CHECK_OK(getresuid(&r, &e, &s));
		LT_CHECK(r == 0 && e == 0 && s == 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(gid_rules)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		gid_t r, e, s;

		LT_CHECK_OK(setresgid(1000, 1001, 1002));
		LT_CHECK_OK(getresgid(&r, &e, &s));
		LT_CHECK(r == 1000 && e == 1001 && s == 1002);
		LT_CHECK_EQ(getgid(), 1000);
		LT_CHECK_EQ(getegid(), 1001);
		LT_CHECK_OK(setgid(2000));			/* root: all three */
		LT_CHECK_OK(getresgid(&r, &e, &s));
		LT_CHECK(r == 2000 && e == 2000 && s == 2000);
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK_ERR(setgid(0), EPERM);
		LT_CHECK_ERR(setresgid(-1, 0, -1), EPERM);
		LT_CHECK_OK(setgid(2000));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(supplementary_groups)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		gid_t set[3] = { 10, 20, 30 }, got[4] = { 0 };

		LT_CHECK_OK(setgroups(3, set));
		LT_CHECK_EQ(getgroups(0, NULL), 3);		/* just the count */
		LT_CHECK_EQ(getgroups(4, got), 3);
		LT_CHECK(got[0] == 10 && got[1] == 20 && got[2] == 30);
		LT_CHECK_ERR(getgroups(2, got), EINVAL);	/* too small */
		LT_CHECK_ERR(syscall(SYS_setgroups, 65537, set), EINVAL);
		LT_CHECK_ERR(syscall(SYS_setgroups, -1, set), EINVAL);
		LT_CHECK_OK(setgroups(0, NULL));
		LT_CHECK_EQ(getgroups(0, NULL), 0);
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK_ERR(setgroups(3, set), EPERM);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* What uid 1000 may no longer do. */
LT_CASE(unprivileged_limits)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct sched_param sp = { .sched_priority = 10 };
		struct rlimit rl;

		LT_CHECK_OK(become_user());
		LT_CHECK_ERR(kill(1, 0), EPERM);		/* init is root's */
		LT_CHECK_OK(kill(getpid(), 0));
		LT_CHECK_ERR(setpriority(PRIO_PROCESS, 0, -1), EACCES);
		LT_CHECK_OK(setpriority(PRIO_PROCESS, 0, 5));	/* nicer is fine */
		LT_CHECK_ERR(setpriority(PRIO_PROCESS, 0, 4), EACCES);
		LT_CHECK_ERR(syscall(SYS_sched_setscheduler, 0, SCHED_FIFO, &sp), EPERM);
		LT_CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
		rl.rlim_max += 1;
		LT_CHECK_ERR(setrlimit(RLIMIT_NOFILE, &rl), EPERM);
		rl.rlim_max -= 2;				/* lowering is fine */
		rl.rlim_cur = rl.rlim_max;
		LT_CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/*
 * RLIMIT_NPROC = N for uid 1000: it forks until fork fails with EAGAIN,
 * which happens when N processes of uid 1000 exist (itself and N - 1
 * children).  Once they are reaped it can fork again.
 */
LT_CASE(rlimit_nproc)
{
	enum { N = 8, TRIES = 50 };
	pid_t pid;

	sh->stop = 0;
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { N, N };
		pid_t kids[TRIES], k;
		int forked = 0, err = 0;

		LT_CHECK_OK(become_user());
		LT_CHECK_OK(setrlimit(RLIMIT_NPROC, &rl));
		while (forked < TRIES) {
			k = fork();
			if (k < 0) {
				err = errno;
				break;
			}
			if (k == 0) {
				lt_wait_flag(&sh->stop, 1, 10000);
				_exit(0);
			}
			kids[forked++] = k;
		}
		sh->stop = 1;
		for (int i = 0; i < forked; i++)
			LT_CHECK_WAIT(kids[i], LT_EXITED(0));
		if (forked != N - 1 || err != EAGAIN)
			LT_FAIL("RLIMIT_NPROC %d: %d forks succeeded, then %s (expected %d, EAGAIN)",
				N, forked, lt_errname(err), N - 1);
		/* All reaped: room again. */
		k = fork();
		LT_CHECK(k >= 0);
		if (k == 0)
			_exit(0);
		LT_CHECK_WAIT(k, LT_EXITED(0));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* Root is not bound by RLIMIT_NPROC. */
LT_CASE(rlimit_nproc_root)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { 1, 1 };
		pid_t k[3];

		LT_CHECK_OK(setrlimit(RLIMIT_NPROC, &rl));
		for (int i = 0; i < 3; i++) {
			k[i] = fork();
			LT_CHECK(k[i] >= 0);
			if (k[i] == 0)
				_exit(0);
		}
		for (int i = 0; i < 3; i++)
			LT_CHECK_WAIT(k[i], LT_EXITED(0));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("proc_ident");
	sh = lt_shared(sizeof(*sh));
	LT_RUN(pids);
	LT_RUN(root_ids);
	LT_RUN(setuid_is_permanent);
	LT_RUN(setresuid_rules);
	LT_RUN(gid_rules);
	LT_RUN(supplementary_groups);
	LT_RUN(unprivileged_limits);
	LT_RUN(rlimit_nproc);
	LT_RUN(rlimit_nproc_root);
	return lt_end();
}
