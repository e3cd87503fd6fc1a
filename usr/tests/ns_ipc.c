// SPDX-License-Identifier: GPL-2.0
/*
 * ns_ipc: IPC namespaces (CLONE_NEWIPC).  A new namespace starts empty:
 * the parent's message queues, semaphore sets, segments and POSIX queues
 * are not there, a key names a new object whose id counts from 0 again,
 * the limits are the defaults and change for that namespace only, and
 * a mount of the mqueue filesystem shows that namespace's queues.  setns
 * goes back; leaving runs the SEM_UNDO list; a namespace held only by an
 * open /proc/PID/ns/ipc keeps its objects; dropping namespaces full of
 * objects gives their memory back; EPERM without CAP_SYS_ADMIN.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define PROCDIR	"/t_ns_ipc_proc"
#define MQDIR	"/t_ns_ipc_mq"
#define KEY	0x4e535043	/* "NSPC" */
#define QNAME	"/ns_ipc_queue"

static char stack[65536] __attribute__((aligned(16)));

struct msgbuf1 {
	long mtype;
	char mtext[4096];
};

/* The number in a /proc/sys file, or -1. */
static long long read_sys(const char *name)
{
	char path[128], buf[64];

	snprintf(path, sizeof(path), PROCDIR "/sys/%s", name);
	if (lt_read_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	return strtoll(buf, NULL, 0);
}

static int write_sys(const char *name, const char *val)
{
	char path[128];
	int fd, ok;

	snprintf(path, sizeof(path), PROCDIR "/sys/%s", name);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	ok = write(fd, val, strlen(val)) == (ssize_t)strlen(val);
	close(fd);
	return ok ? 0 : -1;
}

/* Is @key listed in /proc/sysvipc/@kind (the reader's namespace)? */
static int sysvipc_has_key(const char *kind, int key)
{
	char path[128], buf[8192], want[32];

	snprintf(path, sizeof(path), PROCDIR "/sysvipc/%s", kind);
	if (lt_read_file(path, buf, sizeof(buf)) < 0)
		return -1;
	snprintf(want, sizeof(want), "\n%10d ", key);	/* a row starts with its key */
	return strstr(buf, want) != NULL;
}

/* The parent's objects under KEY are not in a new namespace; KEY makes new ones there. */
static int invisible_child(void)
{
	int id;

	if (unshare(CLONE_NEWIPC))
		return 1;
	if (msgget(KEY, 0) != -1 || errno != ENOENT)
		return 2;
	if (semget(KEY, 0, 0) != -1 || errno != ENOENT)
		return 3;
	if (shmget(KEY, 0, 0) != -1 || errno != ENOENT)
		return 4;
	if (sysvipc_has_key("msg", KEY) || sysvipc_has_key("sem", KEY) ||
	    sysvipc_has_key("shm", KEY))
		return 5;
	/* Its own id sequences: the first object of each kind is id 0. */
	if (msgget(KEY, IPC_CREAT | 0600) != 0)
		return 6;
	if (semget(KEY, 2, IPC_CREAT | 0600) != 0)
		return 7;
	id = shmget(KEY, 8192, IPC_CREAT | 0600);
	if (id != 0)
		return 8;
	if (sysvipc_has_key("msg", KEY) != 1 || sysvipc_has_key("shm", KEY) != 1)
		return 9;
	/* Removing ours leaves the parent's alone. */
	if (msgctl(0, IPC_RMID, NULL) || semctl(0, 0, IPC_RMID) || shmctl(id, IPC_RMID, NULL))
		return 10;
	return 0;
}

LT_CASE(objects_invisible)
{
	struct msgbuf1 m = { .mtype = 7, .mtext = "kept" };
	struct msqid_ds ds;
	int msq, sem, shm;
	pid_t pid;

	msq = msgget(KEY, IPC_CREAT | IPC_EXCL | 0600);
	sem = semget(KEY, 1, IPC_CREAT | IPC_EXCL | 0600);
	shm = shmget(KEY, 4096, IPC_CREAT | IPC_EXCL | 0600);
	LT_CHECK(msq >= 0 && sem >= 0 && shm >= 0);
	LT_CHECK_OK(msgsnd(msq, &m, 5, 0));
	pid = fork();
	if (pid == 0)
		_exit(invisible_child());
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* Ours are still there, untouched. */
	LT_CHECK_EQ(msgget(KEY, 0), msq);
	LT_CHECK_EQ(semget(KEY, 0, 0), sem);
	LT_CHECK_EQ(shmget(KEY, 0, 0), shm);
	LT_CHECK_OK(msgctl(msq, IPC_STAT, &ds));
	LT_CHECK_EQ(ds.msg_qnum, 1);
	LT_CHECK_EQ(sysvipc_has_key("msg", KEY), 1);
	LT_CHECK_OK(msgctl(msq, IPC_RMID, NULL));
	LT_CHECK_OK(semctl(sem, 0, IPC_RMID));
	LT_CHECK_OK(shmctl(shm, IPC_RMID, NULL));
}

/* The id the parent got is not valid in a new namespace. */
static int clone_child(void *arg)
{
	int msq = *(int *)arg;
	struct msqid_ds ds;

	if (msgctl(msq, IPC_STAT, &ds) != -1 || errno != EINVAL)
		return 1;
	return msgget(KEY, 0) == -1 && errno == ENOENT ? 0 : 2;
}

LT_CASE(clone_newipc)
{
	int msq = msgget(KEY, IPC_CREAT | IPC_EXCL | 0600);
	pid_t pid;

	LT_CHECK(msq >= 0);
	pid = clone(clone_child, stack + sizeof(stack), CLONE_NEWIPC | SIGCHLD, &msq);
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* One undo list in two namespaces: refused. */
	LT_CHECK_ERR(syscall(SYS_clone, CLONE_NEWIPC | CLONE_SYSVSEM | SIGCHLD, 0, 0, 0, 0),
		     EINVAL);
	LT_CHECK_OK(msgctl(msq, IPC_RMID, NULL));
}

static int limits_child(void)
{
	char buf[128];

	if (unshare(CLONE_NEWIPC))
		return 1;
	/* Linux's defaults, not the parent's values. */
	if (read_sys("kernel/msgmax") != 8192 || read_sys("kernel/msgmnb") != 16384 ||
	    read_sys("kernel/msgmni") != 32000 || read_sys("kernel/shmmni") != 4096)
		return 2;
	if (lt_read_file(PROCDIR "/sys/kernel/sem", buf, sizeof(buf)) <= 0 ||
	    strcmp(buf, "32000\t1024000000\t500\t32000\n"))
		return 3;
	if (lt_read_file(PROCDIR "/sys/kernel/shmmax", buf, sizeof(buf)) <= 0 ||
	    strcmp(buf, "18446744073692774399\n"))
		return 4;
	if (read_sys("fs/mqueue/msg_max") != 10 || read_sys("fs/mqueue/queues_max") != 256 ||
	    read_sys("fs/mqueue/msgsize_max") != 8192)
		return 5;
	/* Set here, they bind here. */
	if (write_sys("kernel/msgmax", "100") || read_sys("kernel/msgmax") != 100)
		return 6;
	if (write_sys("kernel/shmmni", "1"))
		return 7;
	{
		struct msgbuf1 m = { .mtype = 1 };
		int q = msgget(IPC_PRIVATE, 0600);

		if (q < 0 || msgsnd(q, &m, 101, IPC_NOWAIT) != -1 || errno != EINVAL)
			return 8;
		if (msgsnd(q, &m, 100, IPC_NOWAIT))
			return 9;
	}
	if (shmget(IPC_PRIVATE, 4096, 0600) < 0)
		return 10;
	if (shmget(IPC_PRIVATE, 4096, 0600) != -1 || errno != ENOSPC)
		return 11;
	return 0;
}

LT_CASE(limits_per_namespace)
{
	long long msgmax = read_sys("kernel/msgmax"), mq_msg_max = read_sys("fs/mqueue/msg_max");
	long long shmmni = read_sys("kernel/shmmni");
	pid_t pid;

	LT_CHECK(msgmax > 0 && mq_msg_max > 0 && shmmni > 0);
	/* Ours differ from the defaults while the child looks. */
	LT_CHECK_OK(write_sys("kernel/msgmax", "4000"));
	LT_CHECK_OK(write_sys("fs/mqueue/msg_max", "20"));
	pid = fork();
	if (pid == 0)
		_exit(limits_child());
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(read_sys("kernel/msgmax"), 4000);
	LT_CHECK_EQ(read_sys("kernel/shmmni"), shmmni);
	LT_CHECK_EQ(read_sys("fs/mqueue/msg_max"), 20);
	{
		char v[32];

		snprintf(v, sizeof(v), "%lld", msgmax);
		LT_CHECK_OK(write_sys("kernel/msgmax", v));
		snprintf(v, sizeof(v), "%lld", mq_msg_max);
		LT_CHECK_OK(write_sys("fs/mqueue/msg_max", v));
	}
}

static int setns_child(int outer)
{
	int inner;

	if (unshare(CLONE_NEWIPC))
		return 1;
	if (msgget(KEY, IPC_CREAT | IPC_EXCL | 0600) < 0)
		return 2;
	inner = open(PROCDIR "/self/ns/ipc", O_RDONLY);
	if (inner < 0)
		return 3;
	if (setns(outer, CLONE_NEWUTS) != -1 || errno != EINVAL)
		return 4;
	/* Back out: the parent's queue under KEY (it holds a message), not ours. */
	if (setns(outer, CLONE_NEWIPC))
		return 5;
	{
		struct msqid_ds ds;
		int q = msgget(KEY, 0);

		if (q < 0 || msgctl(q, IPC_STAT, &ds) || ds.msg_qnum != 1)
			return 6;
	}
	/* Nobody is in the inner namespace now, but the open file keeps it and its queue. */
	if (setns(inner, 0))
		return 7;
	{
		struct msqid_ds ds;
		int q = msgget(KEY, 0);

		if (q < 0 || msgctl(q, IPC_STAT, &ds) || ds.msg_qnum != 0)
			return 8;
		if (msgctl(q, IPC_RMID, NULL))
			return 9;
	}
	close(inner);
	return 0;
}

LT_CASE(setns_back)
{
	struct msgbuf1 m = { .mtype = 1 };
	int outer = open(PROCDIR "/self/ns/ipc", O_RDONLY);
	int msq = msgget(KEY, IPC_CREAT | IPC_EXCL | 0600);
	pid_t pid;

	LT_CHECK(outer >= 0 && msq >= 0);
	LT_CHECK_OK(msgsnd(msq, &m, 1, 0));
	pid = fork();
	if (pid == 0)
		_exit(setns_child(outer));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(msgctl(msq, IPC_RMID, NULL));
	close(outer);
}

/* Leaving a namespace runs the undo list at once, as exit would. */
LT_CASE(unshare_runs_undo)
{
	int sem = semget(IPC_PRIVATE, 1, 0600), go[2], done[2];
	char c = 0;
	pid_t pid;

	LT_CHECK(sem >= 0);
	LT_CHECK_OK(pipe(go));
	LT_CHECK_OK(pipe(done));
	pid = fork();
	if (pid == 0) {
		struct sembuf up = { .sem_num = 0, .sem_op = 1, .sem_flg = SEM_UNDO };

		if (semop(sem, &up, 1))
			_exit(1);
		if (write(go[1], &c, 1) != 1 || read(done[0], &c, 1) != 1)
			_exit(2);
		if (unshare(CLONE_NEWIPC))
			_exit(3);
		if (write(go[1], &c, 1) != 1 || read(done[0], &c, 1) != 1)
			_exit(4);
		_exit(0);
	}
	LT_CHECK_EQ(read(go[0], &c, 1), 1);
	LT_CHECK_EQ(semctl(sem, 0, GETVAL), 1);
	LT_CHECK_EQ(write(done[1], &c, 1), 1);
	LT_CHECK_EQ(read(go[0], &c, 1), 1);
	/* The child is still alive, in another namespace: its +1 is undone. */
	LT_CHECK_EQ(semctl(sem, 0, GETVAL), 0);
	LT_CHECK_EQ(write(done[1], &c, 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(semctl(sem, 0, IPC_RMID));
	close(go[0]);
	close(go[1]);
	close(done[0]);
	close(done[1]);
}

/* Is @name (no slash) in directory @dir? */
static int dir_has(const char *dir, const char *name)
{
	struct dirent *d;
	DIR *dp = opendir(dir);
	int found = 0;

	if (!dp)
		return -1;
	while ((d = readdir(dp)))
		if (!strcmp(d->d_name, name))
			found = 1;
	closedir(dp);
	return found;
}

static int mqueue_child(void)
{
	struct mq_attr a = { .mq_maxmsg = 2, .mq_msgsize = 16 };
	mqd_t q;

	if (unshare(CLONE_NEWIPC | CLONE_NEWNS))
		return 1;
	if (mq_open(QNAME, O_RDONLY) != -1 || errno != ENOENT)
		return 2;
	q = mq_open(QNAME, O_CREAT | O_EXCL | O_RDWR, 0600, &a);
	if (q < 0)
		return 3;
	if (mq_open(QNAME "2", O_CREAT | O_EXCL | O_RDWR, 0600, &a) < 0)
		return 4;
	/* Private mounts, so ours do not show up outside. */
	if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL))
		return 5;
	if (mount("mqueue", MQDIR, "mqueue", 0, NULL))
		return 6;
	if (dir_has(MQDIR, QNAME + 1) != 1 || dir_has(MQDIR, "ns_ipc_outer") != 0)
		return 7;
	if (umount(MQDIR))
		return 8;
	/* The namespace goes with us, and its queues with it. */
	return 0;
}

LT_CASE(mqueue_separate)
{
	struct mq_attr a = { .mq_maxmsg = 2, .mq_msgsize = 16 }, got;
	mqd_t outer, q;
	pid_t pid;

	mkdir(MQDIR, 0755);
	mq_unlink("/ns_ipc_outer");
	mq_unlink(QNAME);
	outer = mq_open("/ns_ipc_outer", O_CREAT | O_EXCL | O_RDWR, 0600, &a);
	LT_CHECK(outer >= 0);
	pid = fork();
	if (pid == 0)
		_exit(mqueue_child());
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_ERR(mq_open(QNAME, O_RDONLY), ENOENT);
	q = mq_open("/ns_ipc_outer", O_RDONLY);
	LT_CHECK(q >= 0);
	LT_CHECK_OK(mq_getattr(q, &got));
	LT_CHECK_EQ(got.mq_maxmsg, 2);
	/* Our namespace's mount lists ours. */
	LT_CHECK_OK(mount("mqueue", MQDIR, "mqueue", 0, NULL));
	LT_CHECK_EQ(dir_has(MQDIR, "ns_ipc_outer"), 1);
	LT_CHECK_EQ(dir_has(MQDIR, QNAME + 1), 0);
	LT_CHECK_OK(umount(MQDIR));
	mq_close(q);
	mq_close(outer);
	LT_CHECK_OK(mq_unlink("/ns_ipc_outer"));
	rmdir(MQDIR);
}

/*
 * A segment attached in a namespace everyone has left stays usable
 * until detached.
 */
static int attached_child(int outer)
{
	int id;
	char *p;

	if (unshare(CLONE_NEWIPC))
		return 1;
	id = shmget(IPC_PRIVATE, 65536, 0600);
	if (id < 0)
		return 2;
	p = shmat(id, NULL, 0);
	if (p == (void *)-1)
		return 3;
	memset(p, 0x5a, 65536);
	if (setns(outer, CLONE_NEWIPC))
		return 4;
	/* The namespace of the segment has no task now; the mapping still works. */
	if (p[65535] != 0x5a)
		return 5;
	p[0] = 1;
	if (shmdt(p))
		return 6;
	return 0;
}

LT_CASE(attached_outlives)
{
	int outer = open(PROCDIR "/self/ns/ipc", O_RDONLY);
	pid_t pid;

	LT_CHECK(outer >= 0);
	pid = fork();
	if (pid == 0)
		_exit(attached_child(outer));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(outer);
}

static long long meminfo_kb(const char *field)
{
	char buf[4096], *p;

	if (lt_read_file(PROCDIR "/meminfo", buf, sizeof(buf)) <= 0)
		return -1;
	p = strstr(buf, field);
	return p ? strtoll(p + strlen(field), NULL, 10) : -1;
}

#define SEG_SIZE	(2 << 20)

/* A namespace full of objects, left with them in it: exit must free them. */
static int fill_child(void)
{
	struct mq_attr a = { .mq_maxmsg = 4, .mq_msgsize = 4096 };
	static struct msgbuf1 m = { .mtype = 1 };
	int shm, shm2, msq, i;
	char *p;
	mqd_t q;

	if (unshare(CLONE_NEWIPC))
		return 1;
	shm = shmget(IPC_PRIVATE, SEG_SIZE, 0600);
	shm2 = shmget(KEY, SEG_SIZE, IPC_CREAT | 0600);
	if (shm < 0 || shm2 < 0)
		return 2;
	/* One detached and left, one still attached at exit. */
	p = shmat(shm, NULL, 0);
	if (p == (void *)-1)
		return 3;
	memset(p, 1, SEG_SIZE);
	if (shmdt(p))
		return 4;
	p = shmat(shm2, NULL, 0);
	if (p == (void *)-1)
		return 5;
	memset(p, 2, SEG_SIZE);
	msq = msgget(KEY, IPC_CREAT | 0600);
	for (i = 0; i < 3; i++)
		if (msgsnd(msq, &m, sizeof(m.mtext), IPC_NOWAIT))
			return 6;
	if (semget(KEY, 64, IPC_CREAT | 0600) < 0)
		return 7;
	q = mq_open(QNAME, O_CREAT | O_RDWR, 0600, &a);
	if (q < 0)
		return 8;
	for (i = 0; i < 4; i++)
		if (mq_send(q, m.mtext, sizeof(m.mtext), 0))
			return 9;
	return 0;
}

static int fill_and_drop(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(fill_child());
	return lt_wait(pid) == LT_EXITED(0);
}

/*
 * Can a queue of 16 KiB be charged under a 400000-byte RLIMIT_MSGQUEUE?
 * Not if the queues of the dropped namespaces (33 x 16 KiB) still count.
 */
static int mq_charges_back(void)
{
	struct mq_attr a = { .mq_maxmsg = 4, .mq_msgsize = 4096 };
	struct rlimit rl = { 400000, 400000 };
	pid_t pid = fork();

	if (pid == 0) {
		if (setrlimit(RLIMIT_MSGQUEUE, &rl) || unshare(CLONE_NEWIPC))
			_exit(1);
		_exit(mq_open(QNAME, O_CREAT | O_RDWR, 0600, &a) >= 0 ? 0 : 2);
	}
	return lt_wait(pid) == LT_EXITED(0);
}

LT_CASE(teardown_frees)
{
	long long before, after = -1;
	int i, tries;

	LT_CHECK(fill_and_drop());	/* caches warm */
	lt_sleep_ms(200);
	before = meminfo_kb("MemFree:");
	LT_CHECK(before > 0);
	/* 32 namespaces with 4 MiB of segments each: 128 MiB if they leaked. */
	for (i = 0; i < 32; i++)
		if (!fill_and_drop())
			LT_FAIL("namespace %d: a child failed", i);
	/* Linux frees a namespace from a work queue: give it time. */
	for (tries = 0; tries < 50; tries++) {
		after = meminfo_kb("MemFree:");
		if (after > before - 16384)
			break;
		lt_sleep_ms(100);
	}
	if (after <= before - 16384)
		LT_FAIL("MemFree %lld kB before, %lld kB after 32 namespaces", before, after);
	for (tries = 0; tries < 50 && !mq_charges_back(); tries++)
		lt_sleep_ms(100);
	if (tries == 50)
		LT_FAIL("the dropped namespaces' POSIX queues are still charged");
	/* Our own namespace never saw any of it. */
	LT_CHECK_ERR(msgget(KEY, 0), ENOENT);
	LT_CHECK_ERR(mq_open(QNAME, O_RDONLY), ENOENT);
}

LT_CASE(eperm_and_einval)
{
	int fd = open(PROCDIR "/self/ns/ipc", O_RDONLY);
	pid_t pid;

	LT_CHECK(fd >= 0);
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(1);
		if (unshare(CLONE_NEWIPC) != -1 || errno != EPERM)
			_exit(2);
		if (syscall(SYS_clone, CLONE_NEWIPC | SIGCHLD, 0, 0, 0, 0) != -1 || errno != EPERM)
			_exit(3);
		if (setns(fd, CLONE_NEWIPC) != -1 || errno != EPERM)
			_exit(4);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_ERR(setns(fd, CLONE_NEWNS), EINVAL);
	LT_CHECK_ERR(unshare(CLONE_NEWIPC | 0x40), EINVAL);
	close(fd);
}

int main(void)
{
	mkdir(PROCDIR, 0555);
	mount("proc", PROCDIR, "proc", 0, NULL);
	lt_begin("ns_ipc");
	LT_RUN(objects_invisible);
	LT_RUN(clone_newipc);
	LT_RUN(limits_per_namespace);
	LT_RUN(setns_back);
	LT_RUN(unshare_runs_undo);
	LT_RUN(mqueue_separate);
	LT_RUN(attached_outlives);
	LT_RUN(teardown_frees);
	LT_RUN(eperm_and_einval);
	return lt_end();
}
