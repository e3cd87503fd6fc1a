// SPDX-License-Identifier: GPL-2.0
/*
 * sig_job: the default actions of stop and continue, and what the parent
 * learns.  SIGSTOP stops a child (wait4 WUNTRACED: 0x7f | sig << 8,
 * waitid WSTOPPED: CLD_STOPPED), SIGCONT resumes it (WCONTINUED: 0xffff,
 * CLD_CONTINUED), SIGCHLD carries CLD_STOPPED/CLD_CONTINUED/CLD_EXITED
 * unless SA_NOCLDSTOP, and terminating signals give plain statuses with
 * the core bit clear (no core is written).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

static volatile int chld_count, chld_code[8], chld_status[8], chld_pid[8];

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	if (chld_count < 8) {
		chld_code[chld_count] = si->si_code;
		chld_status[chld_count] = si->si_status;
		chld_pid[chld_count] = si->si_pid;
	}
	chld_count++;
}

static void catch_chld(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_chld;
	sa.sa_flags = SA_SIGINFO | SA_RESTART | flags;
	sigaction(SIGCHLD, &sa, NULL);
	chld_count = 0;
}

static pid_t idle_child(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

/* Wait (bounded) for the SIGCHLD handler to have run @n times. */
static int wait_chld(int n)
{
	long long end = lt_now_ns() + 5000LL * 1000 * 1000;

	while (chld_count < n && lt_now_ns() < end)
		lt_sleep_ms(5);
	return chld_count >= n;
}

LT_CASE(stop_continue_wait4)
{
	pid_t pid = idle_child();
	int status;

	LT_CHECK_OK(kill(pid, SIGSTOP));
	LT_CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
	LT_CHECK_EQ(status, 0x137f);
	LT_CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
	/* Reported once. */
	LT_CHECK_EQ(waitpid(pid, &status, WUNTRACED | WNOHANG), 0);
	LT_CHECK_OK(kill(pid, SIGCONT));
	LT_CHECK_EQ(waitpid(pid, &status, WCONTINUED), pid);
	LT_CHECK_EQ(status, 0xffff);
	LT_CHECK(WIFCONTINUED(status));
	LT_CHECK_EQ(waitpid(pid, &status, WCONTINUED | WNOHANG), 0);
	/*
	 * (Not SIGTSTP: testinit's process group is orphaned, and there
	 * Linux discards the terminal stop signals.)
	 */
	LT_CHECK_OK(kill(pid, SIGSTOP));
	LT_CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
	LT_CHECK_EQ(status, 0x137f);
	/* SIGKILL ends a stopped process. */
	LT_CHECK_OK(kill(pid, SIGKILL));
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
}

LT_CASE(stop_continue_waitid)
{
	pid_t pid = idle_child();
	siginfo_t si;

	kill(pid, SIGSTOP);
	memset(&si, 0, sizeof(si));
	LT_CHECK_OK(waitid(P_PID, pid, &si, WSTOPPED));
	LT_CHECK_EQ(si.si_pid, pid);
	LT_CHECK_EQ(si.si_code, CLD_STOPPED);
	LT_CHECK_EQ(si.si_status, SIGSTOP);
	kill(pid, SIGCONT);
	memset(&si, 0, sizeof(si));
	LT_CHECK_OK(waitid(P_PID, pid, &si, WCONTINUED));
	LT_CHECK_EQ(si.si_code, CLD_CONTINUED);
	LT_CHECK_EQ(si.si_status, SIGCONT);
	kill(pid, SIGKILL);
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
}

LT_CASE(sigchld_codes)
{
	pid_t pid;
	int status;

	catch_chld(0);
	pid = fork();
	if (pid == 0) {
		raise(SIGSTOP);
		lt_sleep_ms(200);	/* so CLD_CONTINUED and CLD_EXITED do not coalesce */
		_exit(3);
	}
	LT_CHECK(wait_chld(1));
	LT_CHECK_EQ(chld_code[0], CLD_STOPPED);
	LT_CHECK_EQ(chld_status[0], SIGSTOP);
	LT_CHECK_EQ(chld_pid[0], pid);
	LT_CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
	kill(pid, SIGCONT);
	LT_CHECK(wait_chld(2));
	LT_CHECK_EQ(chld_code[1], CLD_CONTINUED);
	LT_CHECK_EQ(chld_status[1], SIGCONT);
	LT_CHECK(wait_chld(3));
	LT_CHECK_EQ(chld_code[2], CLD_EXITED);
	LT_CHECK_EQ(chld_status[2], 3);
	LT_CHECK_WAIT(pid, LT_EXITED(3));
	signal(SIGCHLD, SIG_DFL);
}

LT_CASE(nocldstop)
{
	pid_t pid;
	int status;

	catch_chld(SA_NOCLDSTOP);
	pid = idle_child();
	kill(pid, SIGSTOP);
	LT_CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
	kill(pid, SIGCONT);
	LT_CHECK_EQ(waitpid(pid, &status, WCONTINUED), pid);
	LT_CHECK_EQ(chld_count, 0);
	kill(pid, SIGTERM);
	LT_CHECK(wait_chld(1));
	LT_CHECK_EQ(chld_code[0], CLD_KILLED);
	LT_CHECK_EQ(chld_status[0], SIGTERM);
	LT_CHECK_WAIT(pid, LT_KILLED(SIGTERM));
	signal(SIGCHLD, SIG_DFL);
}

/* SIGCONT cancels a pending stop, and the reverse. */
LT_CASE(cont_discards_stop)
{
	pid_t pid = fork();
	sigset_t set, pend;

	if (pid == 0) {
		sigemptyset(&set);
		sigaddset(&set, SIGTSTP);
		sigaddset(&set, SIGCONT);
		sigprocmask(SIG_BLOCK, &set, NULL);
		raise(SIGTSTP);
		raise(SIGCONT);
		sigpending(&pend);
		LT_CHECK(!sigismember(&pend, SIGTSTP));
		LT_CHECK(sigismember(&pend, SIGCONT));
		raise(SIGTSTP);
		sigpending(&pend);
		LT_CHECK(sigismember(&pend, SIGTSTP));
		LT_CHECK(!sigismember(&pend, SIGCONT));
		signal(SIGTSTP, SIG_IGN);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* Terminating signals: the status is the signal, core bit clear. */
LT_CASE(terminate_status)
{
	int sigs[] = { SIGTERM, SIGQUIT, SIGABRT, SIGUSR1, SIGRTMIN + 2 }, i;

	for (i = 0; i < 5; i++) {
		pid_t pid = idle_child();

		kill(pid, sigs[i]);
		LT_CHECK_WAIT(pid, LT_KILLED(sigs[i]));
	}
}

/* Ignored by default: SIGCHLD, SIGURG, SIGWINCH, SIGCONT change nothing. */
LT_CASE(default_ignore)
{
	pid_t pid = fork();

	if (pid == 0) {
		raise(SIGURG);
		raise(SIGWINCH);
		raise(SIGCHLD);
		raise(SIGCONT);
		_exit(5);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(5));
}

int main(void)
{
	lt_begin("sig_job");
	LT_RUN(stop_continue_wait4);
	LT_RUN(stop_continue_waitid);
	LT_RUN(sigchld_codes);
	LT_RUN(nocldstop);
	LT_RUN(cont_discards_stop);
	LT_RUN(terminate_status);
	LT_RUN(default_ignore);
	return lt_end();
}
