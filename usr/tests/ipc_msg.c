/*
 * System V message queues: msgget's key rules, msgsnd/msgrcv ordering
 * and msgtyp selection (0, >0, MSG_EXCEPT, <0), E2BIG and MSG_NOERROR,
 * IPC_NOWAIT, MSG_COPY, a sleeping receiver woken by a sender, by
 * IPC_RMID (EIDRM) and by a signal (EINTR), a full queue, msgctl's
 * IPC_STAT/IPC_SET/MSG_INFO/MSG_STAT, permissions and bad pointers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mount.h>
#include <sys/msg.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#ifndef MSG_COPY
#define MSG_COPY 040000
#endif
#ifndef MSG_STAT_ANY
#define MSG_STAT_ANY 13
#endif

#define P	"/ipc_msg_proc"

struct mbuf {
	long mtype;
	char mtext[64];
};

static int send_str(int id, long type, const char *s)
{
	struct mbuf m = { .mtype = type };

	strcpy(m.mtext, s);
	return msgsnd(id, &m, strlen(s) + 1, IPC_NOWAIT);
}

static int newq(void)
{
	return msgget(IPC_PRIVATE, IPC_CREAT | 0600);
}

LT_CASE(get_keys)
{
	key_t key = 0x4c540001 + getpid();
	int id, id2;

	msgctl(msgget(key, 0), IPC_RMID, NULL);
	LT_CHECK_ERR(msgget(key, 0600), ENOENT);
	id = msgget(key, IPC_CREAT | IPC_EXCL | 0600);
	LT_CHECK(id >= 0);
	LT_CHECK_EQ(msgget(key, 0), id);
	LT_CHECK_EQ(msgget(key, IPC_CREAT | 0600), id);
	LT_CHECK_ERR(msgget(key, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	/* IPC_PRIVATE always makes a new queue. */
	id2 = newq();
	LT_CHECK(id2 >= 0 && id2 != id);
	LT_CHECK_OK(msgctl(id, IPC_RMID, NULL));
	LT_CHECK_OK(msgctl(id2, IPC_RMID, NULL));
	/* A removed queue's id is stale, and the key is free again. */
	LT_CHECK_ERR(msgctl(id, IPC_STAT, &(struct msqid_ds){ 0 }), EINVAL);
	LT_CHECK_ERR(msgget(key, 0), ENOENT);
}

LT_CASE(fifo_and_types)
{
	struct mbuf m;
	int id = newq();

	LT_CHECK(id >= 0);
	LT_CHECK_OK(send_str(id, 3, "c1"));
	LT_CHECK_OK(send_str(id, 1, "a1"));
	LT_CHECK_OK(send_str(id, 2, "b1"));
	LT_CHECK_OK(send_str(id, 1, "a2"));
	LT_CHECK_OK(send_str(id, 5, "e1"));
	/* Type 2 exactly. */
	LT_CHECK_EQ(msgrcv(id, &m, sizeof(m.mtext), 2, IPC_NOWAIT), 3);
	LT_CHECK(!strcmp(m.mtext, "b1") && m.mtype == 2);
	/* The first of the lowest type <= 4: a1 (not a2, not c1). */
	LT_CHECK_EQ(msgrcv(id, &m, sizeof(m.mtext), -4, IPC_NOWAIT), 3);
	LT_CHECK(!strcmp(m.mtext, "a1"));
	/* The first not of type 3. */
	LT_CHECK_EQ(msgrcv(id, &m, sizeof(m.mtext), 3, IPC_NOWAIT | MSG_EXCEPT), 3);
	LT_CHECK(!strcmp(m.mtext, "a2"));
	/* Type 0: the first in the queue. */
	LT_CHECK_EQ(msgrcv(id, &m, sizeof(m.mtext), 0, IPC_NOWAIT), 3);
	LT_CHECK(!strcmp(m.mtext, "c1"));
	LT_CHECK_ERR(msgrcv(id, &m, sizeof(m.mtext), 7, IPC_NOWAIT), ENOMSG);
	LT_CHECK_ERR(msgrcv(id, &m, sizeof(m.mtext), -4, IPC_NOWAIT), ENOMSG);
	LT_CHECK_EQ(msgrcv(id, &m, sizeof(m.mtext), 5, IPC_NOWAIT), 3);
	msgctl(id, IPC_RMID, NULL);
}

LT_CASE(sizes_and_copy)
{
	struct mbuf m;
	int id = newq();

	LT_CHECK(id >= 0);
	LT_CHECK_OK(send_str(id, 1, "hello world"));
	/* Too small a buffer: E2BIG and the message stays; MSG_NOERROR truncates. */
	LT_CHECK_ERR(msgrcv(id, &m, 4, 0, IPC_NOWAIT), E2BIG);
	/* MSG_COPY reads by position and leaves it; it needs IPC_NOWAIT. */
	LT_CHECK_ERR(msgrcv(id, &m, sizeof(m.mtext), 0, MSG_COPY), EINVAL);
	LT_CHECK_ERR(msgrcv(id, &m, sizeof(m.mtext), 0, MSG_COPY | IPC_NOWAIT | MSG_EXCEPT), EINVAL);
	memset(&m, 0, sizeof(m));
	LT_CHECK_EQ(msgrcv(id, &m, sizeof(m.mtext), 0, MSG_COPY | IPC_NOWAIT), 12);
	LT_CHECK(!strcmp(m.mtext, "hello world"));
	LT_CHECK_ERR(msgrcv(id, &m, sizeof(m.mtext), 1, MSG_COPY | IPC_NOWAIT), ENOMSG);
	memset(&m, 0, sizeof(m));
	LT_CHECK_EQ(msgrcv(id, &m, 4, 0, IPC_NOWAIT | MSG_NOERROR), 4);
	LT_CHECK(!memcmp(m.mtext, "hell", 4) && m.mtext[4] == 0);
	LT_CHECK_ERR(msgrcv(id, &m, 4, 0, IPC_NOWAIT), ENOMSG);
	/* Bad sizes and types. */
	LT_CHECK_ERR(msgsnd(id, &m, 8193, IPC_NOWAIT), EINVAL);
	m.mtype = 0;
	LT_CHECK_ERR(msgsnd(id, &m, 1, IPC_NOWAIT), EINVAL);
	m.mtype = 1;
	LT_CHECK_ERR(msgsnd(id, &m, (size_t)-1, IPC_NOWAIT), EINVAL);
	LT_CHECK_ERR(msgrcv(id, &m, (size_t)-1, 0, IPC_NOWAIT), EINVAL);
	/* An empty message is a message. */
	LT_CHECK_OK(msgsnd(id, &m, 0, IPC_NOWAIT));
	LT_CHECK_EQ(msgrcv(id, &m, 0, 0, IPC_NOWAIT), 0);
	msgctl(id, IPC_RMID, NULL);
}

LT_CASE(full_queue)
{
	struct msqid_ds ds;
	struct mbuf m = { .mtype = 1 };
	int id = newq();

	LT_CHECK(id >= 0);
	LT_CHECK_OK(msgctl(id, IPC_STAT, &ds));
	ds.msg_qbytes = 100;
	LT_CHECK_OK(msgctl(id, IPC_SET, &ds));
	LT_CHECK_OK(msgsnd(id, &m, 60, IPC_NOWAIT));
	LT_CHECK_ERR(msgsnd(id, &m, 60, IPC_NOWAIT), EAGAIN);
	LT_CHECK_OK(msgsnd(id, &m, 40, IPC_NOWAIT));
	LT_CHECK_OK(msgctl(id, IPC_STAT, &ds));
	LT_CHECK_EQ(ds.msg_qnum, 2);
	LT_CHECK_EQ(ds.__msg_cbytes, 100);
	LT_CHECK_EQ(ds.msg_lspid, getpid());
	msgctl(id, IPC_RMID, NULL);
}

LT_CASE(blocking_receive)
{
	struct mbuf m;
	int id = newq();
	pid_t pid;

	LT_CHECK(id >= 0);
	pid = fork();
	if (pid == 0) {
		lt_sleep_ms(50);
		_exit(send_str(id, 9, "late") ? 1 : 0);
	}
	LT_CHECK_EQ(msgrcv(id, &m, sizeof(m.mtext), 9, 0), 5);
	LT_CHECK(!strcmp(m.mtext, "late"));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	msgctl(id, IPC_RMID, NULL);
}

LT_CASE(blocking_send)
{
	struct msqid_ds ds;
	struct mbuf m = { .mtype = 1 };
	int id = newq();
	pid_t pid;

	LT_CHECK(id >= 0);
	LT_CHECK_OK(msgctl(id, IPC_STAT, &ds));
	ds.msg_qbytes = 10;
	LT_CHECK_OK(msgctl(id, IPC_SET, &ds));
	LT_CHECK_OK(msgsnd(id, &m, 10, 0));
	pid = fork();
	if (pid == 0) {
		lt_sleep_ms(50);
		_exit(msgrcv(id, &m, sizeof(m.mtext), 0, 0) == 10 ? 0 : 1);
	}
	LT_CHECK_OK(msgsnd(id, &m, 10, 0));	/* sleeps until the child made room */
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	msgctl(id, IPC_RMID, NULL);
}

LT_CASE(rmid_wakes_sleeper)
{
	struct mbuf m;
	int id = newq();
	pid_t pid;

	LT_CHECK(id >= 0);
	pid = fork();
	if (pid == 0) {
		long r = msgrcv(id, &m, sizeof(m.mtext), 0, 0);

		_exit(r == -1 && errno == EIDRM ? 0 : 1);
	}
	lt_sleep_ms(50);
	LT_CHECK_OK(msgctl(id, IPC_RMID, NULL));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

static void on_alarm(int sig)
{
	(void)sig;
}

LT_CASE(signal_interrupts)
{
	struct sigaction sa = { .sa_handler = on_alarm, .sa_flags = SA_RESTART };
	struct mbuf m;
	int id = newq();

	LT_CHECK(id >= 0);
	sigaction(SIGALRM, &sa, NULL);
	alarm(1);
	/* Never restarted, even with SA_RESTART (signal(7)). */
	LT_CHECK_ERR(msgrcv(id, &m, sizeof(m.mtext), 0, 0), EINTR);
	signal(SIGALRM, SIG_DFL);
	msgctl(id, IPC_RMID, NULL);
}

LT_CASE(ctl_stat_set_info)
{
	struct msqid_ds ds;
	struct msginfo info;
	int id = newq(), maxidx, idx, found = 0;

	LT_CHECK(id >= 0);
	LT_CHECK_OK(msgctl(id, IPC_STAT, &ds));
	LT_CHECK_EQ(ds.msg_perm.mode & 0777, 0600);
	LT_CHECK_EQ(ds.msg_perm.uid, geteuid());
	LT_CHECK_EQ(ds.msg_perm.cuid, geteuid());
	LT_CHECK_EQ(ds.msg_qnum, 0);
	LT_CHECK(ds.msg_ctime > 0);
	ds.msg_perm.mode = 0640;
	LT_CHECK_OK(msgctl(id, IPC_SET, &ds));
	LT_CHECK_OK(msgctl(id, IPC_STAT, &ds));
	LT_CHECK_EQ(ds.msg_perm.mode & 0777, 0640);

	maxidx = msgctl(0, MSG_INFO, (struct msqid_ds *)&info);
	LT_CHECK(maxidx >= 0);
	LT_CHECK(info.msgpool >= 1);
	LT_CHECK_EQ(msgctl(0, IPC_INFO, (struct msqid_ds *)&info), maxidx);
	LT_CHECK_EQ(info.msgmax, 8192);
	LT_CHECK_EQ(info.msgmnb, 16384);
	/* MSG_STAT takes an index and returns the id. */
	for (idx = 0; idx <= maxidx; idx++)
		if (msgctl(idx, MSG_STAT, &ds) == id)
			found = 1;
	LT_CHECK(found);
	LT_CHECK_ERR(msgctl(maxidx + 1, MSG_STAT, &ds), EINVAL);
	LT_CHECK_ERR(msgctl(id, 99, &ds), EINVAL);
	LT_CHECK_ERR(msgctl(-1, IPC_STAT, &ds), EINVAL);
	msgctl(id, IPC_RMID, NULL);
}

LT_CASE(permissions)
{
	struct mbuf m = { .mtype = 1 };
	struct msqid_ds ds;
	int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	pid_t pid;

	LT_CHECK(id >= 0);
	LT_CHECK_OK(send_str(id, 1, "x"));
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(2);
		if (msgrcv(id, &m, 8, 0, IPC_NOWAIT) != -1 || errno != EACCES)
			_exit(3);
		if (msgsnd(id, &m, 1, IPC_NOWAIT) != -1 || errno != EACCES)
			_exit(4);
		if (msgctl(id, IPC_STAT, &ds) != -1 || errno != EACCES)
			_exit(5);
		if (msgctl(id, IPC_RMID, NULL) != -1 || errno != EPERM)
			_exit(6);
		/* MSG_STAT_ANY skips the read check (Linux 4.17). */
		_exit(msgctl(0, MSG_STAT_ANY, &ds) >= 0 || errno == EINVAL ? 0 : 7);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	msgctl(id, IPC_RMID, NULL);
}

LT_CASE(bad_pointers)
{
	int id = newq();

	LT_CHECK(id >= 0);
	LT_CHECK_ERR(msgsnd(id, (void *)1, 4, IPC_NOWAIT), EFAULT);
	LT_CHECK_ERR(msgctl(id, IPC_STAT, (void *)1), EFAULT);
	LT_CHECK_ERR(msgctl(id, IPC_SET, (void *)1), EFAULT);
	LT_CHECK_ERR(msgctl(0, IPC_INFO, (void *)1), EFAULT);
	LT_CHECK_OK(send_str(id, 1, "lost"));
	LT_CHECK_ERR(msgrcv(id, (void *)1, 8, 0, IPC_NOWAIT), EFAULT);
	msgctl(id, IPC_RMID, NULL);
}

LT_CASE(proc_files)
{
	char buf[4096], line[64];
	int id = msgget(IPC_PRIVATE, IPC_CREAT | 0640);

	LT_CHECK(id >= 0);
	mkdir(P, 0755);
	LT_CHECK_OK(mount("proc", P, "proc", 0, NULL));
	LT_CHECK_OK(send_str(id, 1, "abc"));
	LT_CHECK(lt_read_file(P "/sysvipc/msg", buf, sizeof(buf)) > 0);
	LT_CHECK(!strncmp(buf, "       key      msqid perms", 27));
	snprintf(line, sizeof(line), " %10d   640           4          1 ", id);
	LT_CHECK(strstr(buf, line));
	LT_CHECK(lt_read_file(P "/sys/kernel/msgmax", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "8192\n"));
	LT_CHECK(lt_read_file(P "/sys/kernel/msgmnb", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "16384\n"));
	LT_CHECK(lt_read_file(P "/sys/kernel/msgmni", buf, sizeof(buf)) > 0);
	LT_CHECK(atoi(buf) > 0);
	umount(P);
	msgctl(id, IPC_RMID, NULL);
}

int main(void)
{
	lt_begin("ipc_msg");
	LT_RUN(get_keys);
	LT_RUN(fifo_and_types);
	LT_RUN(sizes_and_copy);
	LT_RUN(full_queue);
	LT_RUN(blocking_receive);
	LT_RUN(blocking_send);
	LT_RUN(rmid_wakes_sleeper);
	LT_RUN(signal_interrupts);
	LT_RUN(ctl_stat_set_info);
	LT_RUN(permissions);
	LT_RUN(bad_pointers);
	LT_RUN(proc_files);
	return lt_end();
}
