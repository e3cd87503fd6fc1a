// SPDX-License-Identifier: GPL-2.0
/*
 * sig_wait: waiting for signals and signals from timers.  rt_sigtimedwait
 * (with a time-out: EAGAIN), sigsuspend and pause, real-time signals
 * queueing in order while standard ones coalesce, rt_sigpending, alarm
 * and setitimer/getitimer, and what an interrupted system call returns:
 * -EINTR, or a restart with SA_RESTART (wait4), and nanosleep's EINTR
 * with the time left.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

static volatile int alarms, usr1s;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void on_usr1(int sig)
{
	(void)sig;
	usr1s++;
}

static void handle(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

static void block(int sig, int how)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, sig);
	sigprocmask(how, &s, NULL);
}

static void arm_ms(long first, long every)
{
	struct itimerval it = {
		.it_value = { first / 1000, first % 1000 * 1000 },
		.it_interval = { every / 1000, every % 1000 * 1000 },
	};

	setitimer(ITIMER_REAL, &it, NULL);
}

LT_CASE(sigtimedwait_timeout)
{
	struct timespec ts = { 0, 60 * 1000 * 1000 };
	sigset_t set;
	long long t0;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	block(SIGUSR1, SIG_BLOCK);
	t0 = lt_now_ns();
	LT_CHECK_ERR(sigtimedwait(&set, NULL, &ts), EAGAIN);
	LT_CHECK(lt_now_ns() - t0 >= 50 * 1000 * 1000LL);
	ts.tv_nsec = 0;
	LT_CHECK_ERR(sigtimedwait(&set, NULL, &ts), EAGAIN);
	ts.tv_nsec = 1000000000;
	LT_CHECK_ERR(sigtimedwait(&set, NULL, &ts), EINVAL);
	block(SIGUSR1, SIG_UNBLOCK);
}

LT_CASE(sigtimedwait_takes)
{
	struct timespec ts = { 1, 0 };
	sigset_t set, pend;
	siginfo_t si;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	block(SIGUSR1, SIG_BLOCK);
	kill(getpid(), SIGUSR1);
	LT_CHECK_OK(sigpending(&pend));
	LT_CHECK(sigismember(&pend, SIGUSR1));
	LT_CHECK_EQ(sigtimedwait(&set, &si, &ts), SIGUSR1);
	LT_CHECK_EQ(si.si_signo, SIGUSR1);
	LT_CHECK_EQ(si.si_code, SI_USER);
	LT_CHECK_EQ(si.si_pid, getpid());
	LT_CHECK_OK(sigpending(&pend));
	LT_CHECK(!sigismember(&pend, SIGUSR1));
	/* Sent by a timer while we wait. */
	block(SIGALRM, SIG_BLOCK);
	sigaddset(&set, SIGALRM);
	arm_ms(30, 0);
	LT_CHECK_EQ(sigwaitinfo(&set, &si), SIGALRM);
	LT_CHECK_EQ(si.si_code, SI_KERNEL);
	block(SIGALRM, SIG_UNBLOCK);
	block(SIGUSR1, SIG_UNBLOCK);
}

/* Real-time signals: every instance, lowest number first, each in order. */
LT_CASE(rt_queue_order)
{
	int lo = SIGRTMIN, hi = SIGRTMIN + 1, vals[] = { 1, 2, 3, 4 };
	int sigs[] = { hi, lo, hi, lo }, want_sig[] = { lo, lo, hi, hi }, want_val[] = { 2, 4, 1, 3 };
	struct timespec ts = { 0, 0 };
	sigset_t set;
	siginfo_t si;
	int i;

	sigemptyset(&set);
	sigaddset(&set, lo);
	sigaddset(&set, hi);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (i = 0; i < 4; i++)
		LT_CHECK_OK(sigqueue(getpid(), sigs[i], (union sigval){ .sival_int = vals[i] }));
	for (i = 0; i < 4; i++) {
		LT_CHECK_EQ(sigtimedwait(&set, &si, &ts), want_sig[i]);
		LT_CHECK_EQ(si.si_value.sival_int, want_val[i]);
		LT_CHECK_EQ(si.si_code, SI_QUEUE);
	}
	LT_CHECK_ERR(sigtimedwait(&set, &si, &ts), EAGAIN);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

LT_CASE(standard_coalesce)
{
	usr1s = 0;
	handle(SIGUSR1, on_usr1, 0);
	block(SIGUSR1, SIG_BLOCK);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	LT_CHECK_EQ(usr1s, 0);
	block(SIGUSR1, SIG_UNBLOCK);
	LT_CHECK_EQ(usr1s, 1);
	signal(SIGUSR1, SIG_DFL);
}

/* Queued real-time signals count against RLIMIT_SIGPENDING: EAGAIN. */
LT_CASE(rlimit_sigpending)
{
	struct rlimit old, lim = { 0, 0 };
	struct timespec ts = { 0, 0 };
	sigset_t set;
	pid_t pid;

	LT_CHECK_OK(getrlimit(RLIMIT_SIGPENDING, &old));
	LT_CHECK(old.rlim_cur > 0);
	pid = fork();
	if (pid == 0) {
		sigemptyset(&set);
		sigaddset(&set, SIGRTMIN);
		sigprocmask(SIG_BLOCK, &set, NULL);
		LT_CHECK_OK(setrlimit(RLIMIT_SIGPENDING, &lim));
		LT_CHECK_ERR(sigqueue(getpid(), SIGRTMIN, (union sigval){ 0 }), EAGAIN);
		/* A standard signal is never refused, only its details may be. */
		LT_CHECK_ERR(sigtimedwait(&set, NULL, &ts), EAGAIN);
		kill(getpid(), SIGUSR2);
		_exit(1);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGUSR2));
}

/* Setting SIG_IGN discards a pending signal. */
LT_CASE(ignore_discards)
{
	sigset_t pend;

	block(SIGUSR2, SIG_BLOCK);
	raise(SIGUSR2);
	sigpending(&pend);
	LT_CHECK(sigismember(&pend, SIGUSR2));
	signal(SIGUSR2, SIG_IGN);
	sigpending(&pend);
	LT_CHECK(!sigismember(&pend, SIGUSR2));
	signal(SIGUSR2, SIG_DFL);
	block(SIGUSR2, SIG_UNBLOCK);
}

LT_CASE(sigsuspend_mask)
{
	sigset_t wait_mask, now;

	alarms = 0;
	handle(SIGALRM, on_alarm, 0);
	block(SIGALRM, SIG_BLOCK);
	arm_ms(30, 0);
	sigemptyset(&wait_mask);
	LT_CHECK_ERR(sigsuspend(&wait_mask), EINTR);
	LT_CHECK_EQ(alarms, 1);
	sigprocmask(SIG_BLOCK, NULL, &now);
	LT_CHECK(sigismember(&now, SIGALRM));	/* the old mask is back */
	block(SIGALRM, SIG_UNBLOCK);
	signal(SIGALRM, SIG_DFL);
}

LT_CASE(pause_alarm)
{
	alarms = 0;
	handle(SIGALRM, on_alarm, 0);
	arm_ms(30, 0);
	LT_CHECK_ERR(pause(), EINTR);
	LT_CHECK_EQ(alarms, 1);
	signal(SIGALRM, SIG_DFL);
}

LT_CASE(alarm_remaining)
{
	LT_CHECK_EQ(alarm(5), 0);
	LT_CHECK_EQ(alarm(3), 5);
	LT_CHECK_EQ(alarm(0), 3);
	LT_CHECK_EQ(alarm(0), 0);
}

LT_CASE(itimer_real)
{
	struct itimerval it, old;

	arm_ms(2000, 500);
	LT_CHECK_OK(getitimer(ITIMER_REAL, &it));
	LT_CHECK(it.it_value.tv_sec == 1 || (it.it_value.tv_sec == 2 && it.it_value.tv_usec == 0));
	LT_CHECK_EQ(it.it_interval.tv_sec, 0);
	LT_CHECK_EQ(it.it_interval.tv_usec, 500000);
	memset(&it, 0, sizeof(it));
	LT_CHECK_OK(setitimer(ITIMER_REAL, &it, &old));
	LT_CHECK_EQ(old.it_interval.tv_usec, 500000);
	LT_CHECK_OK(getitimer(ITIMER_REAL, &it));
	LT_CHECK_EQ(it.it_value.tv_sec + it.it_value.tv_usec, 0);

	/* Periodic: it keeps firing until disarmed. */
	alarms = 0;
	handle(SIGALRM, on_alarm, SA_RESTART);
	arm_ms(20, 20);
	while (alarms < 3)
		pause();
	arm_ms(0, 0);
	signal(SIGALRM, SIG_DFL);

	LT_CHECK_ERR(getitimer(7, &it), EINVAL);
	LT_CHECK_ERR(setitimer(7, &it, NULL), EINVAL);
	LT_CHECK_OK(getitimer(ITIMER_VIRTUAL, &it));
	LT_CHECK_OK(getitimer(ITIMER_PROF, &it));
}

/* A blocking call (wait4 returns -ERESTARTSYS) with and without SA_RESTART. */
LT_CASE(restart_vs_eintr)
{
	pid_t pid;
	int status;

	alarms = 0;
	handle(SIGALRM, on_alarm, 0);
	pid = fork();
	if (pid == 0) {
		lt_sleep_ms(300);
		_exit(7);
	}
	arm_ms(50, 0);
	LT_CHECK_ERR(waitpid(pid, &status, 0), EINTR);
	LT_CHECK_EQ(alarms, 1);

	handle(SIGALRM, on_alarm, SA_RESTART);
	arm_ms(50, 0);
	LT_CHECK_EQ(waitpid(pid, &status, 0), pid);
	LT_CHECK_EQ(alarms, 2);
	LT_CHECK_EQ(status, LT_EXITED(7));
	signal(SIGALRM, SIG_DFL);
}

LT_CASE(nanosleep_eintr)
{
	struct timespec req = { 2, 0 }, rem = { 0, 0 };

	alarms = 0;
	handle(SIGALRM, on_alarm, SA_RESTART);	/* nanosleep never restarts */
	arm_ms(50, 0);
	LT_CHECK_ERR(nanosleep(&req, &rem), EINTR);
	LT_CHECK_EQ(alarms, 1);
	LT_CHECK(rem.tv_sec == 1 && rem.tv_nsec > 500 * 1000 * 1000);
	signal(SIGALRM, SIG_DFL);
}

/* SIGALRM's default action terminates. */
LT_CASE(alarm_default_kills)
{
	pid_t pid = fork();

	if (pid == 0) {
		alarm(1);
		for (;;)
			pause();
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGALRM));
}

int main(void)
{
	lt_begin("sig_wait");
	LT_RUN(sigtimedwait_timeout);
	LT_RUN(sigtimedwait_takes);
	LT_RUN(rt_queue_order);
	LT_RUN(standard_coalesce);
	LT_RUN(rlimit_sigpending);
	LT_RUN(ignore_discards);
	LT_RUN(sigsuspend_mask);
	LT_RUN(pause_alarm);
	LT_RUN(alarm_remaining);
	LT_RUN(itimer_real);
	LT_RUN(restart_vs_eintr);
	LT_RUN(nanosleep_eintr);
	LT_RUN(alarm_default_kills);
	return lt_end();
}
