// SPDX-License-Identifier: GPL-2.0
/*
 * prctl: the per-process switches.  Name, parent-death signal (and its
 * delivery when the parent exits), dumpable, no_new_privs (one way,
 * inherited, shown in /proc/self/status), child subreaper (orphans go to
 * it instead of init), timer slack, the clear-child-tid address, and the
 * errors for bad options, arguments and pointers.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

struct shared {
	volatile int got_signal;
	volatile pid_t grandchild_ppid;
	volatile pid_t middle;
};

static struct shared *sh;

LT_CASE(name)
{
	char buf[32];

	LT_CHECK_OK(prctl(PR_SET_NAME, "a-very-long-thread-name-indeed", 0, 0, 0));
	LT_CHECK_OK(prctl(PR_GET_NAME, buf, 0, 0, 0));
	LT_CHECK(!strcmp(buf, "a-very-long-thr"));	/* 15 bytes and the NUL */
	LT_CHECK_ERR(prctl(PR_SET_NAME, (char *)8, 0, 0, 0), EFAULT);
	LT_CHECK_ERR(prctl(PR_GET_NAME, (char *)8, 0, 0, 0), EFAULT);
	LT_CHECK_OK(prctl(PR_SET_NAME, "prctl", 0, 0, 0));
}

static void on_usr1(int sig)
{
	sh->got_signal = sig;
}

LT_CASE(pdeathsig)
{
	int sig = -1;
	pid_t pid;

	LT_CHECK_ERR(prctl(PR_SET_PDEATHSIG, 1000, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(prctl(PR_GET_PDEATHSIG, (int *)8, 0, 0, 0), EFAULT);
	sh->got_signal = 0;
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		pid_t child = fork();

		if (child == 0) {
			signal(SIGUSR1, on_usr1);
			LT_CHECK_OK(prctl(PR_SET_PDEATHSIG, SIGUSR1, 0, 0, 0));
			LT_CHECK_OK(prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0));
			LT_CHECK_EQ(sig, SIGUSR1);
			sh->middle = 1;
			while (!sh->got_signal)
				usleep(1000);
			_exit(0);
		}
		lt_wait_flag((volatile int *)&sh->middle, 1, 5000);
		_exit(0);	/* the parent dies: the child gets SIGUSR1 */
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(lt_wait_flag(&sh->got_signal, SIGUSR1, 5000), 1);
	sh->middle = 0;
	/* fork clears it */
	LT_CHECK_OK(prctl(PR_SET_PDEATHSIG, SIGUSR1, 0, 0, 0));
	pid = fork();
	if (pid == 0) {
		sig = -1;
		prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0);
		_exit(sig == 0 ? 0 : 1);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(prctl(PR_SET_PDEATHSIG, 0, 0, 0, 0));
}

LT_CASE(dumpable)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_EQ(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1);
		LT_CHECK_ERR(prctl(PR_SET_DUMPABLE, 2, 0, 0, 0), EINVAL);
		LT_CHECK_OK(prctl(PR_SET_DUMPABLE, 0, 0, 0, 0));
		LT_CHECK_EQ(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
		LT_CHECK_OK(prctl(PR_SET_DUMPABLE, 1, 0, 0, 0));
		/* Changing the effective UID makes a process undumpable. */
		LT_CHECK_OK(seteuid(1000));
		LT_CHECK_EQ(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(no_new_privs)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		char buf[4096];

		LT_CHECK_EQ(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), 0);
		LT_CHECK_ERR(prctl(PR_GET_NO_NEW_PRIVS, 1, 0, 0, 0), EINVAL);
		LT_CHECK_ERR(prctl(PR_SET_NO_NEW_PRIVS, 2, 0, 0, 0), EINVAL);
		LT_CHECK_ERR(prctl(PR_SET_NO_NEW_PRIVS, 1, 1, 0, 0), EINVAL);
		LT_CHECK_OK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
		LT_CHECK_EQ(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), 1);
		LT_CHECK(lt_read_file("/proc/self/status", buf, sizeof(buf)) > 0);
		LT_CHECK(strstr(buf, "NoNewPrivs:\t1\n") != NULL);
		pid_t kid = fork();
		if (kid == 0)
			_exit(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1 ? 0 : 1);
		LT_CHECK_WAIT(kid, LT_EXITED(0));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(subreaper)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int on = -1;
		pid_t mid, gc;

		LT_CHECK_OK(prctl(PR_GET_CHILD_SUBREAPER, &on, 0, 0, 0));
		LT_CHECK_EQ(on, 0);
		LT_CHECK_OK(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0));
		LT_CHECK_OK(prctl(PR_GET_CHILD_SUBREAPER, &on, 0, 0, 0));
		LT_CHECK_EQ(on, 1);
		sh->grandchild_ppid = 0;
		mid = fork();
		if (mid == 0) {
			gc = fork();
			if (gc == 0) {
				while (getppid() == sh->middle || !sh->middle)
					usleep(1000);
				sh->grandchild_ppid = getppid();
				_exit(7);
			}
			sh->middle = getpid();
			_exit(0);
		}
		LT_CHECK_WAIT(mid, LT_EXITED(0));
		/* The orphan is ours now: we can wait for it. */
		int st;
		gc = wait(&st);
		LT_CHECK(gc > 0);
		LT_CHECK_EQ(st, LT_EXITED(7));
		LT_CHECK_EQ(sh->grandchild_ppid, getpid());
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	sh->middle = 0;
}

LT_CASE(timerslack_and_tid)
{
	int x;

	LT_CHECK_OK(prctl(PR_SET_TIMERSLACK, 123456, 0, 0, 0));
	LT_CHECK_EQ(prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0), 123456);
	LT_CHECK_OK(prctl(PR_SET_TIMERSLACK, 0, 0, 0, 0));
	LT_CHECK_EQ(prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0), 50000);

	pid_t pid = fork();
	if (pid == 0) {
		int *addr = NULL;

		syscall(SYS_set_tid_address, &x);
		LT_CHECK_OK(prctl(PR_GET_TID_ADDRESS, &addr, 0, 0, 0));
		LT_CHECK(addr == &x);
		LT_CHECK_ERR(prctl(PR_GET_TID_ADDRESS, (void *)8, 0, 0, 0), EFAULT);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(bad_options)
{
	LT_CHECK_ERR(prctl(-1, 0, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(prctl(12345, 0, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(prctl(PR_SET_KEEPCAPS, 2, 0, 0, 0), EINVAL);
}

int main(void)
{
	lt_begin("prctl");
	/* The test initramfs mounts nothing. */
	mkdir("/proc", 0555);
	if (access("/proc/self", F_OK))
		mount("proc", "/proc", "proc", 0, NULL);
	sh = lt_shared(sizeof(*sh));
	LT_RUN(name);
	LT_RUN(pdeathsig);
	LT_RUN(dumpable);
	LT_RUN(no_new_privs);
	LT_RUN(subreaper);
	LT_RUN(timerslack_and_tid);
	LT_RUN(bad_options);
	return lt_end();
}
