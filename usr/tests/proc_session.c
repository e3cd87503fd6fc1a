// SPDX-License-Identifier: GPL-2.0
/*
 * proc_session: process groups and sessions (setpgid, getpgid, setsid,
 * getsid) with their errors, orphaned-group stop rules, and what a new
 * session without a terminal sees of /dev/tty.  Each check that runs in
 * a child exits with the number of the step that failed (0 = all good).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define STEP(n, cond) do { if (!(cond)) _exit(n); } while (0)

LT_CASE(getters)
{
	LT_CHECK_EQ(getpgid(0), getpgrp());
	LT_CHECK_EQ(getpgid(getpid()), getpgrp());
	LT_CHECK_EQ(getsid(0), getsid(getpid()));
	LT_CHECK_ERR(getpgid(999999), ESRCH);
	LT_CHECK_ERR(getsid(999999), ESRCH);
	LT_CHECK_ERR(setpgid(0, -1), EINVAL);
	LT_CHECK_ERR(setpgid(999999, 0), ESRCH);
	LT_CHECK_ERR(setpgid(1, 0), ESRCH);	/* not our child */
}

/* A group leader may not start a session; a session leader may not move. */
LT_CASE(setsid_rules)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		pid_t me = getpid();

		STEP(1, setpgid(0, 0) == 0 && getpgrp() == me);
		STEP(2, setsid() == -1 && errno == EPERM);
		if (fork() == 0) {
			pid_t c = getpid();

			STEP(3, setsid() == c);
			STEP(4, getsid(0) == c && getpgrp() == c);
			STEP(5, setpgid(0, me) == -1 && errno == EPERM);
			STEP(6, setsid() == -1 && errno == EPERM);
			/* No controlling terminal in a new session. */
			STEP(7, open("/dev/tty", O_RDWR) == -1 && errno == ENXIO);
			_exit(0);
		}
		int st;
		wait(&st);
		_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 100);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* A parent moves a child between groups until the child runs execve. */
LT_CASE(setpgid_child)
{
	pid_t child, other;

	/* Under init our group is 0, which setpgid cannot name: take our own. */
	LT_CHECK_OK(setpgid(0, 0));
	child = fork();
	LT_CHECK(child >= 0);
	if (child == 0) {
		pause();
		_exit(0);
	}
	LT_CHECK_OK(setpgid(child, child));
	LT_CHECK_EQ(getpgid(child), child);
	LT_CHECK_OK(setpgid(child, getpgrp()));
	LT_CHECK_EQ(getpgid(child), getpgrp());
	/* A group that does not exist in our session. */
	LT_CHECK_ERR(setpgid(child, 999999), EPERM);
	other = fork();
	if (other == 0) {
		setsid();
		pause();
		_exit(0);
	}
	lt_sleep_ms(50);
	/* The child in another session: EPERM. */
	LT_CHECK_ERR(setpgid(other, other), EPERM);
	kill(other, SIGKILL);
	waitpid(other, NULL, 0);
	kill(child, SIGKILL);
	LT_CHECK_WAIT(child, LT_KILLED(SIGKILL));
}

/*
 * A process stays in its group until it is reaped: a shell puts a
 * pipeline's later commands into the group of the first one, which may
 * have exited already.  Only after the wait is the group gone.
 */
LT_CASE(zombie_keeps_group)
{
	siginfo_t si;
	pid_t first, second;

	LT_CHECK_OK(setpgid(0, 0));
	first = fork();
	LT_CHECK(first >= 0);
	if (first == 0)
		_exit(setpgid(0, 0) ? 1 : 0);
	/* A zombie now, not reaped (WNOWAIT). */
	LT_CHECK_OK(waitid(P_PID, first, &si, WEXITED | WNOWAIT));
	LT_CHECK_EQ(si.si_status, 0);
	second = fork();
	LT_CHECK(second >= 0);
	if (second == 0) {
		pause();
		_exit(0);
	}
	LT_CHECK_OK(setpgid(second, first));
	LT_CHECK_EQ(getpgid(second), first);
	kill(second, SIGKILL);
	LT_CHECK_WAIT(second, LT_KILLED(SIGKILL));
	LT_CHECK_WAIT(first, LT_EXITED(0));
	/* Reaped: the group has no member left. */
	second = fork();
	LT_CHECK(second >= 0);
	if (second == 0) {
		pause();
		_exit(0);
	}
	LT_CHECK_ERR(setpgid(second, first), EPERM);
	kill(second, SIGKILL);
	LT_CHECK_WAIT(second, LT_KILLED(SIGKILL));
}

/* kill(0) reaches the caller's own group. */
LT_CASE(kill_group)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		STEP(1, setpgid(0, 0) == 0);
		kill(0, SIGTERM);
		_exit(2);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGTERM));
}

/* An orphaned group ignores SIGTSTP (it would never be continued). */
LT_CASE(orphaned_tstp)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		STEP(1, setsid() > 0);	/* a session leader's group is orphaned */
		raise(SIGTSTP);
		_exit(0);		/* not stopped: reached at once */
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("proc_session");
	LT_RUN(getters);
	LT_RUN(setsid_rules);
	LT_RUN(setpgid_child);
	LT_RUN(zombie_keeps_group);
	LT_RUN(kill_group);
	LT_RUN(orphaned_tstp);
	return lt_end();
}
