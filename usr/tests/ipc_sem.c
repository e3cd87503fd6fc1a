/*
 * System V semaphores: semget's nsems rules, semop's all-or-nothing
 * operations, IPC_NOWAIT, sleeping for a decrement or for zero (woken by
 * another process, by IPC_RMID with EIDRM, by a signal with EINTR),
 * semtimedop's time-out, SEM_UNDO applied at exit (and shared by
 * CLONE_SYSVSEM threads), GETNCNT/GETZCNT/GETPID, GETALL/SETALL,
 * ERANGE/EFBIG/E2BIG, IPC_STAT/IPC_SET/SEM_INFO/SEM_STAT, bad pointers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mount.h>
#include <sys/sem.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#define P	"/ipc_sem_proc"

union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *__buf;
};

#ifndef SEM_STAT_ANY
#define SEM_STAT_ANY 20
#endif

static int op1(int id, unsigned short num, short op, short flg)
{
	struct sembuf sb = { num, op, flg };

	return semop(id, &sb, 1);
}

static int getval(int id, int num)
{
	return semctl(id, num, GETVAL);
}

LT_CASE(get_rules)
{
	key_t key = 0x4c550001 + getpid();
	int id;

	semctl(semget(key, 0, 0), 0, IPC_RMID);
	LT_CHECK_ERR(semget(IPC_PRIVATE, 0, IPC_CREAT | 0600), EINVAL);
	LT_CHECK_ERR(semget(IPC_PRIVATE, -1, IPC_CREAT | 0600), EINVAL);
	LT_CHECK_ERR(semget(IPC_PRIVATE, 32001, IPC_CREAT | 0600), EINVAL);
	id = semget(key, 3, IPC_CREAT | IPC_EXCL | 0600);
	LT_CHECK(id >= 0);
	/* An existing set: nsems 0 or up to its size is fine, more is EINVAL. */
	LT_CHECK_EQ(semget(key, 0, 0), id);
	LT_CHECK_EQ(semget(key, 3, 0), id);
	LT_CHECK_ERR(semget(key, 4, 0), EINVAL);
	LT_CHECK_ERR(semget(key, 3, IPC_CREAT | IPC_EXCL), EEXIST);
	LT_CHECK_EQ(getval(id, 0), 0);
	LT_CHECK_OK(semctl(id, 0, IPC_RMID));
	LT_CHECK_ERR(semget(key, 1, 0), ENOENT);
}

LT_CASE(atomic_ops)
{
	struct sembuf two[2] = { { 0, 1, 0 }, { 1, -1, IPC_NOWAIT } };
	unsigned short vals[3];
	int id = semget(IPC_PRIVATE, 3, 0600);

	LT_CHECK(id >= 0);
	/* The second operation would block: neither happens. */
	LT_CHECK_ERR(semop(id, two, 2), EAGAIN);
	LT_CHECK_EQ(getval(id, 0), 0);
	LT_CHECK_OK(op1(id, 1, 2, 0));
	LT_CHECK_OK(semop(id, two, 2));
	LT_CHECK_EQ(getval(id, 0), 1);
	LT_CHECK_EQ(getval(id, 1), 1);
	LT_CHECK_EQ(semctl(id, 1, GETPID), getpid());
	/* Waiting for zero with IPC_NOWAIT on a non-zero value. */
	LT_CHECK_ERR(op1(id, 0, 0, IPC_NOWAIT), EAGAIN);
	LT_CHECK_OK(op1(id, 2, 0, IPC_NOWAIT));
	/* GETALL/SETALL */
	vals[0] = 5; vals[1] = 6; vals[2] = 7;
	LT_CHECK_OK(semctl(id, 0, SETALL, (union semun){ .array = vals }));
	memset(vals, 0, sizeof(vals));
	LT_CHECK_OK(semctl(id, 0, GETALL, (union semun){ .array = vals }));
	LT_CHECK(vals[0] == 5 && vals[1] == 6 && vals[2] == 7);
	vals[2] = 40000;
	LT_CHECK_ERR(semctl(id, 0, SETALL, (union semun){ .array = vals }), ERANGE);
	semctl(id, 0, IPC_RMID);
}

LT_CASE(limits_and_errors)
{
	struct sembuf many[501];
	int id = semget(IPC_PRIVATE, 2, 0600);

	LT_CHECK(id >= 0);
	LT_CHECK_ERR(semctl(id, 0, SETVAL, (union semun){ .val = 32768 }), ERANGE);
	LT_CHECK_ERR(semctl(id, 0, SETVAL, (union semun){ .val = -1 }), ERANGE);
	LT_CHECK_ERR(semctl(id, 2, SETVAL, (union semun){ .val = 1 }), EINVAL);
	LT_CHECK_ERR(semctl(id, 5, GETVAL), EINVAL);
	LT_CHECK_OK(semctl(id, 0, SETVAL, (union semun){ .val = 32767 }));
	LT_CHECK_ERR(op1(id, 0, 1, 0), ERANGE);
	LT_CHECK_ERR(op1(id, 2, 1, 0), EFBIG);
	memset(many, 0, sizeof(many));
	LT_CHECK_ERR(semop(id, many, 501), E2BIG);
	LT_CHECK_ERR(semop(id, many, 0), EINVAL);
	LT_CHECK_ERR(semop(-1, many, 1), EINVAL);
	LT_CHECK_ERR(semctl(id, 0, 99), EINVAL);
	semctl(id, 0, IPC_RMID);
	LT_CHECK_ERR(op1(id, 0, 1, 0), EINVAL);
}

LT_CASE(sleep_and_counts)
{
	int id = semget(IPC_PRIVATE, 2, 0600);
	pid_t a, b;

	LT_CHECK(id >= 0);
	LT_CHECK_OK(op1(id, 1, 1, 0));
	a = fork();
	if (a == 0)
		_exit(op1(id, 0, -2, 0) ? 1 : 0);
	b = fork();
	if (b == 0)
		_exit(op1(id, 1, 0, 0) ? 1 : 0);
	lt_sleep_ms(100);
	LT_CHECK_EQ(semctl(id, 0, GETNCNT), 1);
	LT_CHECK_EQ(semctl(id, 1, GETZCNT), 1);
	LT_CHECK_EQ(semctl(id, 1, GETNCNT), 0);
	LT_CHECK_OK(op1(id, 0, 1, 0));
	lt_sleep_ms(20);
	LT_CHECK_EQ(semctl(id, 0, GETNCNT), 1);	/* 1 is not enough */
	LT_CHECK_OK(op1(id, 0, 1, 0));
	LT_CHECK_WAIT(a, LT_EXITED(0));
	LT_CHECK_EQ(getval(id, 0), 0);
	LT_CHECK_OK(op1(id, 1, -1, 0));
	LT_CHECK_WAIT(b, LT_EXITED(0));
	LT_CHECK_EQ(semctl(id, 1, GETZCNT), 0);
	semctl(id, 0, IPC_RMID);
}

static void on_usr1(int sig)
{
	(void)sig;
}

LT_CASE(rmid_and_signal)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	int id = semget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	LT_CHECK(id >= 0);
	pid = fork();
	if (pid == 0)
		_exit(op1(id, 0, -1, 0) == -1 && errno == EIDRM ? 0 : 1);
	lt_sleep_ms(50);
	LT_CHECK_OK(semctl(id, 0, IPC_RMID));
	LT_CHECK_WAIT(pid, LT_EXITED(0));

	id = semget(IPC_PRIVATE, 1, 0600);
	LT_CHECK(id >= 0);
	pid = fork();
	if (pid == 0) {
		/* Never restarted, even with SA_RESTART (signal(7)). */
		sigaction(SIGUSR1, &sa, NULL);
		_exit(op1(id, 0, -1, 0) == -1 && errno == EINTR ? 0 : 1);
	}
	lt_sleep_ms(50);
	kill(pid, SIGUSR1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	semctl(id, 0, IPC_RMID);
}

LT_CASE(timedop)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	struct sembuf sb = { 0, -1, 0 };
	int id = semget(IPC_PRIVATE, 1, 0600);
	long long t0;

	LT_CHECK(id >= 0);
	t0 = lt_now_ns();
	LT_CHECK_ERR(semtimedop(id, &sb, 1, &ts), EAGAIN);
	LT_CHECK(lt_now_ns() - t0 >= 45 * 1000 * 1000);
	ts.tv_nsec = 1000000000;
	LT_CHECK_ERR(semtimedop(id, &sb, 1, &ts), EINVAL);
	LT_CHECK_ERR(semtimedop(id, &sb, 1, (void *)1), EFAULT);
	semctl(id, 0, IPC_RMID);
}

LT_CASE(undo_at_exit)
{
	int id = semget(IPC_PRIVATE, 2, 0600);
	pid_t pid;

	LT_CHECK(id >= 0);
	LT_CHECK_OK(semctl(id, 0, SETVAL, (union semun){ .val = 3 }));
	pid = fork();
	if (pid == 0) {
		if (op1(id, 0, -2, SEM_UNDO) || op1(id, 1, 4, SEM_UNDO))
			_exit(1);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(getval(id, 0), 3);
	LT_CHECK_EQ(getval(id, 1), 0);
	LT_CHECK_EQ(semctl(id, 0, GETPID), pid);
	/* A value changed meanwhile: the undo is clamped at 0. */
	pid = fork();
	if (pid == 0) {
		if (op1(id, 1, 5, SEM_UNDO))
			_exit(1);
		lt_sleep_ms(100);
		_exit(0);
	}
	lt_sleep_ms(50);
	LT_CHECK_OK(op1(id, 1, -3, 0));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(getval(id, 1), 0);
	/* SETVAL clears the recorded adjustment. */
	pid = fork();
	if (pid == 0) {
		if (op1(id, 0, -1, SEM_UNDO))
			_exit(1);
		if (semctl(id, 0, SETVAL, (union semun){ .val = 1 }))
			_exit(2);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(getval(id, 0), 1);
	semctl(id, 0, IPC_RMID);
}

static int thread_fn(void *arg)
{
	int id = *(int *)arg;

	/* Shares the process's undo list: nothing is undone when it exits. */
	syscall(SYS_exit, op1(id, 0, 1, SEM_UNDO) ? 1 : 0);
	return 0;
}

LT_CASE(undo_shared_by_clone_sysvsem)
{
	static char stack[65536] __attribute__((aligned(16)));
	int id = semget(IPC_PRIVATE, 1, 0600), st;
	pid_t pid, tid;

	LT_CHECK(id >= 0);
	pid = fork();
	if (pid == 0) {
		tid = clone(thread_fn, stack + sizeof(stack), CLONE_VM | CLONE_SYSVSEM | SIGCHLD, &id);
		if (tid < 0 || waitpid(tid, &st, 0) != tid || st)
			_exit(1);
		/* The thread is gone but the process lives: the +1 stays. */
		_exit(getval(id, 0) == 1 ? 0 : 2);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* The whole group exited: undone. */
	LT_CHECK_EQ(getval(id, 0), 0);
	semctl(id, 0, IPC_RMID);
}

LT_CASE(ctl_stat_info)
{
	struct semid_ds ds;
	struct seminfo info;
	int id = semget(IPC_PRIVATE, 4, 0640), maxidx;

	LT_CHECK(id >= 0);
	LT_CHECK_OK(semctl(id, 0, IPC_STAT, (union semun){ .buf = &ds }));
	LT_CHECK_EQ(ds.sem_nsems, 4);
	LT_CHECK_EQ(ds.sem_perm.mode & 0777, 0640);
	LT_CHECK_EQ(ds.sem_otime, 0);
	ds.sem_perm.mode = 0600;
	LT_CHECK_OK(semctl(id, 0, IPC_SET, (union semun){ .buf = &ds }));
	LT_CHECK_OK(semctl(id, 0, IPC_STAT, (union semun){ .buf = &ds }));
	LT_CHECK_EQ(ds.sem_perm.mode & 0777, 0600);
	LT_CHECK_OK(op1(id, 0, 1, 0));
	LT_CHECK_OK(semctl(id, 0, IPC_STAT, (union semun){ .buf = &ds }));
	LT_CHECK(ds.sem_otime > 0);
	maxidx = semctl(0, 0, SEM_INFO, (union semun){ .__buf = &info });
	LT_CHECK(maxidx >= 0);
	LT_CHECK(info.semusz >= 1 && info.semaem >= 4);
	LT_CHECK_EQ(semctl(0, 0, IPC_INFO, (union semun){ .__buf = &info }), maxidx);
	LT_CHECK_EQ(info.semmsl, 32000);
	LT_CHECK_EQ(info.semopm, 500);
	LT_CHECK_EQ(info.semvmx, 32767);
	LT_CHECK_EQ(semctl(id & 0x7fff, 0, SEM_STAT, (union semun){ .buf = &ds }), id);
	LT_CHECK_ERR(semctl(id, 0, IPC_STAT, (union semun){ .buf = (void *)1 }), EFAULT);
	LT_CHECK_ERR(semctl(id, 0, GETALL, (union semun){ .array = (void *)1 }), EFAULT);
	LT_CHECK_ERR(semctl(id, 0, SETALL, (union semun){ .array = (void *)1 }), EFAULT);
	LT_CHECK_ERR(semop(id, (void *)1, 1), EFAULT);
	semctl(id, 0, IPC_RMID);
}

LT_CASE(permissions)
{
	int id = semget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	LT_CHECK(id >= 0);
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(2);
		if (op1(id, 0, 1, IPC_NOWAIT) != -1 || errno != EACCES)
			_exit(3);
		if (semctl(id, 0, GETVAL) != -1 || errno != EACCES)
			_exit(4);
		if (semctl(id, 0, IPC_RMID) != -1 || errno != EPERM)
			_exit(5);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	semctl(id, 0, IPC_RMID);
}

LT_CASE(proc_files)
{
	char buf[4096], line[64];
	int id = semget(IPC_PRIVATE, 3, 0600);

	LT_CHECK(id >= 0);
	mkdir(P, 0755);
	LT_CHECK_OK(mount("proc", P, "proc", 0, NULL));
	LT_CHECK(lt_read_file(P "/sys/kernel/sem", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "32000\t1024000000\t500\t32000\n"));
	LT_CHECK(lt_read_file(P "/sysvipc/sem", buf, sizeof(buf)) > 0);
	LT_CHECK(!strncmp(buf, "       key      semid perms      nsems", 38));
	snprintf(line, sizeof(line), " %10d   600          3 ", id);
	LT_CHECK(strstr(buf, line));
	umount(P);
	semctl(id, 0, IPC_RMID);
}

int main(void)
{
	lt_begin("ipc_sem");
	LT_RUN(get_rules);
	LT_RUN(atomic_ops);
	LT_RUN(limits_and_errors);
	LT_RUN(sleep_and_counts);
	LT_RUN(rmid_and_signal);
	LT_RUN(timedop);
	LT_RUN(undo_at_exit);
	LT_RUN(undo_shared_by_clone_sysvsem);
	LT_RUN(ctl_stat_info);
	LT_RUN(permissions);
	LT_RUN(proc_files);
	return lt_end();
}
