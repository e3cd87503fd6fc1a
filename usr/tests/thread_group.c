// SPDX-License-Identifier: GPL-2.0
/*
 * Threads: tasks that share an address space, files and signal handlers,
 * grouped under one process ID (the TGID).  Checks pthread_create/join,
 * mutexes, condition variables, barriers, thread-local storage and
 * pthread_cancel on top of the kernel's CLONE_THREAD, CLONE_SETTLS and
 * CLONE_CHILD_CLEARTID; then the group rules: getpid is the TGID, exit
 * ends one thread and exit_group all, a fatal signal kills the group, the
 * leader stays until the last thread is gone, execve from any thread
 * keeps the PID, wait4 from any thread reaps the group's children; and
 * clone's and clone3's argument checks.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "lt.h"

#ifndef CLONE_CLEAR_SIGHAND
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#endif

static long sys_gettid(void)
{
	return syscall(SYS_gettid);
}

static void *ret_arg(void *arg)
{
	return arg;
}

LT_CASE(create_join_64)
{
	pthread_t t[64];
	void *ret;
	int i;

	for (i = 0; i < 64; i++)
		LT_CHECK_EQ(pthread_create(&t[i], NULL, ret_arg, (void *)(intptr_t)(i + 1)), 0);
	for (i = 0; i < 64; i++) {
		LT_CHECK_EQ(pthread_join(t[i], &ret), 0);
		LT_CHECK_EQ((intptr_t)ret, i + 1);
	}
}

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *count_up(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 20000; i++) {
		pthread_mutex_lock(&counter_lock);
		counter++;
		pthread_mutex_unlock(&counter_lock);
		if (i % 1000 == 0)
			sched_yield();	/* contention: some waits reach the kernel */
	}
	return NULL;
}

LT_CASE(mutex_counter_8)
{
	pthread_t t[8];
	int i;

	counter = 0;
	for (i = 0; i < 8; i++)
		LT_CHECK_EQ(pthread_create(&t[i], NULL, count_up, NULL), 0);
	for (i = 0; i < 8; i++)
		LT_CHECK_EQ(pthread_join(t[i], NULL), 0);
	LT_CHECK_EQ(counter, 8 * 20000);
}

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_nonempty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t q_nonfull = PTHREAD_COND_INITIALIZER;
static int q_items, q_sum;

static void *consumer(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 1000; i++) {
		pthread_mutex_lock(&q_lock);
		while (!q_items)
			pthread_cond_wait(&q_nonempty, &q_lock);
		q_items--;
		q_sum++;
		pthread_cond_signal(&q_nonfull);
		pthread_mutex_unlock(&q_lock);
	}
	return NULL;
}

LT_CASE(condvar_producer_consumer)
{
	pthread_t t[2];
	int i;

	q_items = q_sum = 0;
	for (i = 0; i < 2; i++)
		LT_CHECK_EQ(pthread_create(&t[i], NULL, consumer, NULL), 0);
	for (i = 0; i < 2000; i++) {
		pthread_mutex_lock(&q_lock);
		while (q_items >= 4)
			pthread_cond_wait(&q_nonfull, &q_lock);
		q_items++;
		pthread_cond_signal(&q_nonempty);
		pthread_mutex_unlock(&q_lock);
	}
	for (i = 0; i < 2; i++)
		LT_CHECK_EQ(pthread_join(t[i], NULL), 0);
	LT_CHECK_EQ(q_sum, 2000);
}

static pthread_barrier_t barrier;
static int phase_count[3];

static void *barrier_worker(void *arg)
{
	int round;

	(void)arg;
	for (round = 0; round < 3; round++) {
		__atomic_fetch_add(&phase_count[round], 1, __ATOMIC_SEQ_CST);
		pthread_barrier_wait(&barrier);
		/* Past the barrier every thread has counted this round. */
		if (__atomic_load_n(&phase_count[round], __ATOMIC_SEQ_CST) != 8)
			return (void *)1;
		pthread_barrier_wait(&barrier);
	}
	return NULL;
}

LT_CASE(barrier_8)
{
	pthread_t t[8];
	void *ret;
	int i;

	memset(phase_count, 0, sizeof(phase_count));
	LT_CHECK_EQ(pthread_barrier_init(&barrier, NULL, 8), 0);
	for (i = 0; i < 8; i++)
		LT_CHECK_EQ(pthread_create(&t[i], NULL, barrier_worker, NULL), 0);
	for (i = 0; i < 8; i++) {
		LT_CHECK_EQ(pthread_join(t[i], &ret), 0);
		LT_CHECK(ret == NULL);
	}
	pthread_barrier_destroy(&barrier);
}

static __thread long tls_value = 42;

static void *tls_worker(void *arg)
{
	if (tls_value != 42)
		return (void *)-1;
	tls_value = (intptr_t)arg;
	sched_yield();
	return (void *)(tls_value == (intptr_t)arg ? tls_value : -1);
}

LT_CASE(tls)
{
	pthread_t t[4];
	void *ret;
	int i;

	tls_value = 7;
	for (i = 0; i < 4; i++)
		LT_CHECK_EQ(pthread_create(&t[i], NULL, tls_worker, (void *)(intptr_t)(100 + i)), 0);
	for (i = 0; i < 4; i++) {
		LT_CHECK_EQ(pthread_join(t[i], &ret), 0);
		LT_CHECK_EQ((intptr_t)ret, 100 + i);
	}
	LT_CHECK_EQ(tls_value, 7);	/* the main thread's copy untouched */
}

static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

LT_CASE(pthread_cancel)
{
	pthread_t t;
	void *ret;

	LT_CHECK_EQ(pthread_create(&t, NULL, sleeper, NULL), 0);
	lt_sleep_ms(20);
	LT_CHECK_EQ(pthread_cancel(t), 0);
	LT_CHECK_EQ(pthread_join(t, &ret), 0);
	LT_CHECK(ret == PTHREAD_CANCELED);
}

static long thread_ids[2];

static void *report_ids(void *arg)
{
	(void)arg;
	thread_ids[0] = getpid();
	thread_ids[1] = sys_gettid();
	return NULL;
}

LT_CASE(getpid_is_tgid)
{
	pthread_t t;

	LT_CHECK_EQ(sys_gettid(), getpid());	/* the leader's TID is the PID */
	LT_CHECK_EQ(pthread_create(&t, NULL, report_ids, NULL), 0);
	LT_CHECK_EQ(pthread_join(t, NULL), 0);
	LT_CHECK_EQ(thread_ids[0], getpid());
	LT_CHECK(thread_ids[1] != getpid() && thread_ids[1] > 0);
	/* A thread is not a child: wait finds nothing. */
	LT_CHECK_ERR(waitpid(-1, NULL, WNOHANG | __WALL), ECHILD);
}

static void *exit_group_7(void *arg)
{
	(void)arg;
	exit(7);
}

LT_CASE(exit_group_from_thread)
{
	pid_t pid = fork();

	if (pid == 0) {
		pthread_t t;

		pthread_create(&t, NULL, exit_group_7, NULL);
		for (;;)
			pause();
	}
	LT_CHECK_WAIT(pid, LT_EXITED(7));
}

static void *late_exit_5(void *arg)
{
	(void)arg;
	lt_sleep_ms(100);
	exit(5);
}

/* The leader ends first (pthread_exit); the process lives on in its thread. */
LT_CASE(leader_exits_first)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		pthread_t t;

		pthread_create(&t, NULL, late_exit_5, NULL);
		pthread_exit(NULL);
	}
	lt_sleep_ms(30);
	/* Not reapable yet, and still a process that takes signals. */
	LT_CHECK_EQ(waitpid(pid, &status, WNOHANG), 0);
	LT_CHECK_EQ(kill(pid, 0), 0);
	LT_CHECK_WAIT(pid, LT_EXITED(5));
}

static void *crash(void *arg)
{
	(void)arg;
	volatile int *volatile bad = (int *)8;

	lt_sleep_ms(10);
	*bad = 1;
	return NULL;
}

LT_CASE(fatal_signal_kills_group)
{
	pid_t pid = fork();

	if (pid == 0) {
		pthread_t t[3];
		int i;

		for (i = 0; i < 2; i++)
			pthread_create(&t[i], NULL, sleeper, NULL);
		pthread_create(&t[2], NULL, crash, NULL);
		for (;;)
			pause();
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGSEGV));
}

static volatile long handler_tid;

static void record_tid(int sig)
{
	(void)sig;
	handler_tid = sys_gettid();
}

static volatile long target_tid;
static volatile int target_stop;

static void *spin_reporting(void *arg)
{
	(void)arg;
	target_tid = sys_gettid();
	while (!target_stop)
		sched_yield();
	return NULL;
}

LT_CASE(tgkill_targets_thread)
{
	struct sigaction sa = { .sa_handler = record_tid };
	pthread_t t;

	sigaction(SIGUSR1, &sa, NULL);
	target_tid = 0;
	target_stop = 0;
	handler_tid = 0;
	LT_CHECK_EQ(pthread_create(&t, NULL, spin_reporting, NULL), 0);
	while (!target_tid)
		sched_yield();
	LT_CHECK_EQ(syscall(SYS_tgkill, getpid(), target_tid, SIGUSR1), 0);
	while (!handler_tid)
		sched_yield();
	LT_CHECK_EQ(handler_tid, target_tid);
	/* The wrong TGID for a live TID: ESRCH; bad arguments: EINVAL. */
	LT_CHECK_ERR(syscall(SYS_tgkill, getpid() + 100000, target_tid, SIGUSR1), ESRCH);
	LT_CHECK_ERR(syscall(SYS_tgkill, 0, target_tid, SIGUSR1), EINVAL);
	LT_CHECK_ERR(syscall(SYS_tkill, 0, SIGUSR1), EINVAL);
	handler_tid = 0;
	LT_CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
	while (!handler_tid)
		sched_yield();
	LT_CHECK_EQ(handler_tid, target_tid);
	target_stop = 1;
	LT_CHECK_EQ(pthread_join(t, NULL), 0);
	signal(SIGUSR1, SIG_DFL);
}

static sigjmp_buf fault_jmp;
static volatile long fault_tid;

static void on_segv(int sig)
{
	(void)sig;
	fault_tid = sys_gettid();
	siglongjmp(fault_jmp, 1);
}

static void *fault_in_thread(void *arg)
{
	volatile int *volatile bad = (int *)16;

	(void)arg;
	if (!sigsetjmp(fault_jmp, 1))
		*bad = 1;
	return (void *)sys_gettid();
}

/* A fault is the faulting thread's signal: its handler runs there. */
LT_CASE(fault_goes_to_faulting_thread)
{
	struct sigaction sa = { .sa_handler = on_segv };
	pthread_t t;
	void *ret;

	sigaction(SIGSEGV, &sa, NULL);
	fault_tid = 0;
	LT_CHECK_EQ(pthread_create(&t, NULL, fault_in_thread, NULL), 0);
	LT_CHECK_EQ(pthread_join(t, &ret), 0);
	signal(SIGSEGV, SIG_DFL);
	LT_CHECK(fault_tid != 0);
	LT_CHECK_EQ(fault_tid, (long)ret);
	LT_CHECK(fault_tid != getpid());
}

/* kill() goes to the process: a thread that does not block it takes it. */
LT_CASE(process_signal_to_unblocking_thread)
{
	struct sigaction sa = { .sa_handler = record_tid };
	sigset_t set, old;
	pthread_t t;

	sigaction(SIGUSR2, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	target_tid = 0;
	target_stop = 0;
	handler_tid = 0;
	LT_CHECK_EQ(pthread_create(&t, NULL, spin_reporting, NULL), 0);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	while (!target_tid)
		sched_yield();
	LT_CHECK_EQ(kill(getpid(), SIGUSR2), 0);
	while (!handler_tid)
		sched_yield();
	LT_CHECK_EQ(handler_tid, target_tid);
	target_stop = 1;
	LT_CHECK_EQ(pthread_join(t, NULL), 0);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR2, SIG_DFL);
}

static void *sigwait_thread(void *arg)
{
	sigset_t set;
	siginfo_t info;

	(void)arg;
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	target_tid = sys_gettid();
	if (sigwaitinfo(&set, &info) != SIGRTMIN)
		return (void *)1;
	return (void *)(intptr_t)info.si_value.sival_int;
}

/* Every thread blocks it; the one in sigwaitinfo collects it. */
LT_CASE(sigwaitinfo_in_thread)
{
	sigset_t set, old;
	union sigval v = { .sival_int = 1234 };
	pthread_t t;
	void *ret;

	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	target_tid = 0;
	LT_CHECK_EQ(pthread_create(&t, NULL, sigwait_thread, NULL), 0);
	while (!target_tid)
		sched_yield();
	LT_CHECK_EQ(sigqueue(getpid(), SIGRTMIN, v), 0);
	LT_CHECK_EQ(pthread_join(t, &ret), 0);
	LT_CHECK_EQ((intptr_t)ret, 1234);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static void *exec_from_thread(void *arg)
{
	char *argv[] = { "exec_check", NULL };
	char *envp[] = { "LT_MODE=exit", "LT_CODE=3", NULL };

	(void)arg;
	execve("/tests/exec_check", argv, envp);
	exit(100);
}

/* execve from a thread that is not the leader: the others die, the PID stays. */
LT_CASE(execve_from_thread)
{
	pid_t pid = fork();

	if (pid == 0) {
		pthread_t t[3];

		pthread_create(&t[0], NULL, sleeper, NULL);
		pthread_create(&t[1], NULL, sleeper, NULL);
		pthread_create(&t[2], NULL, exec_from_thread, NULL);
		for (;;)
			pause();
	}
	/* The exec'd program exits 3 under the fork's PID: waitpid(pid) finds it. */
	LT_CHECK_WAIT(pid, LT_EXITED(3));
}

static pid_t child_to_reap;

static void *reap_child(void *arg)
{
	int status;

	(void)arg;
	if (waitpid(child_to_reap, &status, 0) != child_to_reap)
		return (void *)1;
	return (void *)(intptr_t)(WIFEXITED(status) ? WEXITSTATUS(status) : 2);
}

/* A child of one thread is reaped by another. */
LT_CASE(wait_from_other_thread)
{
	pthread_t t;
	void *ret;

	child_to_reap = fork();
	if (child_to_reap == 0)
		_exit(9);
	LT_CHECK_EQ(pthread_create(&t, NULL, reap_child, NULL), 0);
	LT_CHECK_EQ(pthread_join(t, &ret), 0);
	LT_CHECK_EQ((intptr_t)ret, 9);
}

LT_CASE(clone_flag_checks)
{
	/* CLONE_THREAD needs CLONE_SIGHAND, which needs CLONE_VM. */
	LT_CHECK_ERR(syscall(SYS_clone, CLONE_THREAD | CLONE_VM, 0, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_clone, CLONE_SIGHAND, 0, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_clone, CLONE_NEWNS | CLONE_FS, 0, 0, 0, 0), EINVAL);
}

struct clone_args_v2 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
	uint64_t set_tid, set_tid_size, cgroup;
};

LT_CASE(clone3_args)
{
	struct {
		struct clone_args_v2 a;
		uint64_t tail[8];
	} big;
	struct clone_args_v2 a;
	long pid;

	memset(&a, 0, sizeof(a));
	a.exit_signal = SIGCHLD;
	LT_CHECK_ERR(syscall(SYS_clone3, &a, 63), EINVAL);
	LT_CHECK_ERR(syscall(SYS_clone3, &a, 8192), E2BIG);
	LT_CHECK_ERR(syscall(SYS_clone3, (void *)8, 64), EFAULT);
	memset(&big, 0, sizeof(big));
	big.a.exit_signal = SIGCHLD;
	big.tail[3] = 1;	/* a field this kernel does not know, set */
	LT_CHECK_ERR(syscall(SYS_clone3, &big, sizeof(big)), E2BIG);
	a.flags = CLONE_THREAD | CLONE_SIGHAND | CLONE_VM;	/* exit_signal with THREAD */
	LT_CHECK_ERR(syscall(SYS_clone3, &a, sizeof(a)), EINVAL);
	a.flags = 0;
	a.stack = 4096;		/* a stack without a size */
	LT_CHECK_ERR(syscall(SYS_clone3, &a, sizeof(a)), EINVAL);
	a.stack = 0;
	a.exit_signal = 65;
	LT_CHECK_ERR(syscall(SYS_clone3, &a, sizeof(a)), EINVAL);
	a.exit_signal = SIGCHLD;
	a.flags = CLONE_SIGHAND | CLONE_VM | CLONE_CLEAR_SIGHAND;
	LT_CHECK_ERR(syscall(SYS_clone3, &a, sizeof(a)), EINVAL);

	/* A plain fork through clone3, zero-filled tail accepted. */
	big.tail[3] = 0;
	pid = syscall(SYS_clone3, &big, sizeof(big));
	if (pid == 0)
		_exit(4);
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(4));
}

/* clone3's set_tid (checkpoint/restore): the child gets the PID asked for. */
LT_CASE(clone3_set_tid)
{
	struct clone_args_v2 a;
	pid_t want = getpid() + 7919, tids[2];
	long pid;

	memset(&a, 0, sizeof(a));
	a.exit_signal = SIGCHLD;
	tids[0] = getpid();			/* in use */
	a.set_tid = (uintptr_t)tids;
	a.set_tid_size = 1;
	LT_CHECK_ERR(syscall(SYS_clone3, &a, sizeof(a)), EEXIST);
	a.set_tid_size = 2;			/* one PID namespace: one level */
	LT_CHECK_ERR(syscall(SYS_clone3, &a, sizeof(a)), EINVAL);
	a.set_tid_size = 1;
	a.set_tid = 0;
	LT_CHECK_ERR(syscall(SYS_clone3, &a, sizeof(a)), EINVAL);
	tids[0] = -5;
	a.set_tid = (uintptr_t)tids;
	LT_CHECK_ERR(syscall(SYS_clone3, &a, sizeof(a)), EINVAL);
	tids[0] = want;
	pid = syscall(SYS_clone3, &a, sizeof(a));
	if (pid == 0)
		_exit(getpid() == want ? 0 : 1);
	LT_CHECK_EQ(pid, want);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

static void on_usr1(int sig)
{
	(void)sig;
}

/* CLONE_CLEAR_SIGHAND: the child starts with default handlers, SIG_IGN kept. */
LT_CASE(clone3_clear_sighand)
{
	struct clone_args_v2 a;
	long pid;

	signal(SIGUSR1, on_usr1);
	signal(SIGUSR2, SIG_IGN);
	memset(&a, 0, sizeof(a));
	a.flags = CLONE_CLEAR_SIGHAND;
	a.exit_signal = SIGCHLD;
	pid = syscall(SYS_clone3, &a, 64);
	if (pid == 0) {
		struct sigaction sa;

		sigaction(SIGUSR1, NULL, &sa);
		if (sa.sa_handler != SIG_DFL)
			_exit(1);
		sigaction(SIGUSR2, NULL, &sa);
		_exit(sa.sa_handler == SIG_IGN ? 0 : 2);
	}
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

static volatile long *spin_counters;

static void *count_forever(void *arg)
{
	for (;;)
		spin_counters[(intptr_t)arg]++;
	return NULL;
}

static int counters_moving(int n, long *snap)
{
	int i, moved = 0;

	for (i = 0; i < n; i++)
		snap[i] = spin_counters[i];
	lt_sleep_ms(40);
	for (i = 0; i < n; i++)
		moved += spin_counters[i] != snap[i];
	return moved;
}

/* SIGSTOP stops every thread; SIGCONT resumes them all; wait sees it once. */
LT_CASE(stop_stops_every_thread)
{
	long snap[3];
	int status;
	pid_t pid;

	spin_counters = lt_shared(4096);
	memset((void *)spin_counters, 0, 3 * sizeof(long));
	pid = fork();
	if (pid == 0) {
		pthread_t t[2];

		pthread_create(&t[0], NULL, count_forever, (void *)1);
		pthread_create(&t[1], NULL, count_forever, (void *)2);
		count_forever((void *)0);
	}
	while (!spin_counters[1] || !spin_counters[2])
		sched_yield();
	LT_CHECK_EQ(kill(pid, SIGSTOP), 0);
	LT_CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
	LT_CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
	LT_CHECK_EQ(counters_moving(3, snap), 0);
	LT_CHECK_EQ(kill(pid, SIGCONT), 0);
	/*
	 * Every thread runs again.  With more threads than a vCPU gets
	 * turns under emulation, give them up to two seconds to show it.
	 */
	int moved = 0;

	for (int i = 0; i < 50 && (moved = counters_moving(3, snap)) != 3; i++)
		;
	LT_CHECK_EQ(moved, 3);
	LT_CHECK_EQ(kill(pid, SIGKILL), 0);
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
}

static void *altstack_thread(void *arg)
{
	static char stack[2][16384];
	stack_t ss = { .ss_sp = stack[(intptr_t)arg], .ss_size = sizeof(stack[0]) }, old;

	(void)arg;
	/* A new thread starts without the creator's alternate stack. */
	if (sigaltstack(NULL, &old) || !(old.ss_flags & SS_DISABLE))
		return (void *)1;
	if (sigaltstack(&ss, NULL) || sigaltstack(NULL, &old) || old.ss_sp != ss.ss_sp)
		return (void *)2;
	return NULL;
}

LT_CASE(sigaltstack_per_thread)
{
	static char stack[16384];
	stack_t ss = { .ss_sp = stack, .ss_size = sizeof(stack) }, old;
	pthread_t t;
	void *ret;

	LT_CHECK_OK(sigaltstack(&ss, NULL));
	LT_CHECK_EQ(pthread_create(&t, NULL, altstack_thread, (void *)1), 0);
	LT_CHECK_EQ(pthread_join(t, &ret), 0);
	LT_CHECK(ret == NULL);
	/* The thread's own setting did not touch ours. */
	LT_CHECK_OK(sigaltstack(NULL, &old));
	LT_CHECK(old.ss_sp == stack);
	ss.ss_flags = SS_DISABLE;
	LT_CHECK_OK(sigaltstack(&ss, NULL));
}

static void *burn_cpu(void *arg)
{
	long long end = lt_now_ns() + 100000000LL;

	(void)arg;
	while (lt_now_ns() < end)
		;
	return NULL;
}

/* The process's CPU time includes its threads, gone ones too. */
LT_CASE(cpu_time_summed_over_threads)
{
	struct rusage ru;
	struct timespec proc, self;
	pthread_t t[2];
	long self_ms, thread_ms;
	int i;

	/* One after the other: on one CPU, together they would share 100 ms. */
	for (i = 0; i < 2; i++) {
		LT_CHECK_EQ(pthread_create(&t[i], NULL, burn_cpu, NULL), 0);
		LT_CHECK_EQ(pthread_join(t[i], NULL), 0);
	}
	LT_CHECK_OK(getrusage(RUSAGE_SELF, &ru));
	self_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
		  (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
	LT_CHECK_OK(getrusage(RUSAGE_THREAD, &ru));
	thread_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
		    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
	LT_CHECK(self_ms - thread_ms >= 150);
	/* The same through the CPU-time clocks. */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &proc);
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &self);
	LT_CHECK((proc.tv_sec - self.tv_sec) * 1000 + (proc.tv_nsec - self.tv_nsec) / 1000000 >= 150);
}

int main(void)
{
	lt_begin("thread_group");
	LT_RUN(create_join_64);
	LT_RUN(mutex_counter_8);
	LT_RUN(condvar_producer_consumer);
	LT_RUN(barrier_8);
	LT_RUN(tls);
	LT_RUN(pthread_cancel);
	LT_RUN(getpid_is_tgid);
	LT_RUN(exit_group_from_thread);
	LT_RUN(leader_exits_first);
	LT_RUN(fatal_signal_kills_group);
	LT_RUN(tgkill_targets_thread);
	LT_RUN(process_signal_to_unblocking_thread);
	LT_RUN(fault_goes_to_faulting_thread);
	LT_RUN(sigwaitinfo_in_thread);
	LT_RUN(execve_from_thread);
	LT_RUN(wait_from_other_thread);
	LT_RUN(clone_flag_checks);
	LT_RUN(clone3_args);
	LT_RUN(clone3_set_tid);
	LT_RUN(clone3_clear_sighand);
	LT_RUN(stop_stops_every_thread);
	LT_RUN(sigaltstack_per_thread);
	LT_RUN(cpu_time_summed_over_threads);
	return lt_end();
}
