/*
 * POSIX message queues: mq_open's create/exclusive/attribute rules and
 * names, priority order, EMSGSIZE, O_NONBLOCK and mq_setattr, absolute
 * time-outs, a sleeping receiver woken by another process, mq_notify
 * with SIGEV_SIGNAL (once, EBUSY for a second process), the mqueue
 * filesystem view (listing, the QSIZE line, open(2) and unlink), poll,
 * the fs.mqueue sysctls, bad descriptors and pointers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#define M	"/ipc_mqueue_mnt"
#define P	"/ipc_mqueue_proc"

static char qname[64];

static const char *name(const char *tag)
{
	snprintf(qname, sizeof(qname), "/lt-%s-%d", tag, getpid());
	return qname;
}

static mqd_t newq(const char *tag, long maxmsg, long msgsize, int flags)
{
	struct mq_attr a = { .mq_maxmsg = maxmsg, .mq_msgsize = msgsize };

	mq_unlink(name(tag));
	return mq_open(name(tag), O_CREAT | O_EXCL | O_RDWR | flags, 0600, &a);
}

LT_CASE(open_rules)
{
	struct mq_attr a = { .mq_maxmsg = 0, .mq_msgsize = 16 };
	mqd_t q;

	mq_unlink(name("open"));
	LT_CHECK_ERR(mq_open(qname, O_RDWR), ENOENT);
	LT_CHECK_ERR(mq_open(qname, O_CREAT | O_RDWR, 0600, &a), EINVAL);
	a.mq_maxmsg = 70000;
	LT_CHECK_ERR(mq_open(qname, O_CREAT | O_RDWR, 0600, &a), EINVAL);
	a.mq_maxmsg = 4;
	a.mq_msgsize = -1;
	LT_CHECK_ERR(mq_open(qname, O_CREAT | O_RDWR, 0600, &a), EINVAL);
	a.mq_msgsize = 16;
	q = mq_open(qname, O_CREAT | O_EXCL | O_RDWR, 0600, &a);
	LT_CHECK(q >= 0);
	LT_CHECK_ERR(mq_open(qname, O_CREAT | O_EXCL | O_RDWR, 0600, &a), EEXIST);
	/* An existing queue ignores the attributes. */
	a.mq_maxmsg = 0;
	mqd_t q2 = mq_open(qname, O_CREAT | O_RDWR, 0600, &a);
	LT_CHECK(q2 >= 0);
	LT_CHECK_OK(mq_getattr(q2, &a));
	LT_CHECK_EQ(a.mq_maxmsg, 4);
	LT_CHECK_EQ(a.mq_msgsize, 16);
	LT_CHECK_ERR(mq_open(qname, O_RDWR | O_WRONLY), EINVAL);
	LT_CHECK_ERR(mq_open("/a/b", O_CREAT | O_RDWR, 0600, NULL), EACCES);
	LT_CHECK_ERR(mq_open("/", O_CREAT | O_RDWR, 0600, NULL), ENOENT);
	LT_CHECK_ERR(syscall(SYS_mq_open, (void *)1, O_RDWR, 0, NULL), EFAULT);
	LT_CHECK_ERR(syscall(SYS_mq_open, "x", O_CREAT | O_RDWR, 0600, (void *)1), EFAULT);
	mq_close(q);
	mq_close(q2);
	LT_CHECK_OK(mq_unlink(qname));
	LT_CHECK_ERR(mq_unlink(qname), ENOENT);
}

LT_CASE(default_attributes)
{
	struct mq_attr a;
	mqd_t q;

	mq_unlink(name("dflt"));
	q = mq_open(qname, O_CREAT | O_EXCL | O_RDWR, 0600, NULL);
	LT_CHECK(q >= 0);
	LT_CHECK_OK(mq_getattr(q, &a));
	LT_CHECK_EQ(a.mq_maxmsg, 10);
	LT_CHECK_EQ(a.mq_msgsize, 8192);
	LT_CHECK_EQ(a.mq_curmsgs, 0);
	LT_CHECK_EQ(a.mq_flags, 0);
	mq_close(q);
	mq_unlink(qname);
}

LT_CASE(priorities)
{
	char buf[32];
	unsigned int prio;
	mqd_t q = newq("prio", 8, 32, 0);

	LT_CHECK(q >= 0);
	LT_CHECK_OK(mq_send(q, "a", 2, 1));
	LT_CHECK_OK(mq_send(q, "b", 2, 5));
	LT_CHECK_OK(mq_send(q, "c", 2, 1));
	LT_CHECK_OK(mq_send(q, "d", 2, 5));
	LT_CHECK_OK(mq_send(q, "", 0, 0));
	LT_CHECK_ERR(mq_send(q, "x", 2, 32768), EINVAL);
	LT_CHECK_ERR(mq_send(q, buf, 33, 0), EMSGSIZE);
	LT_CHECK_ERR(mq_receive(q, buf, 31, &prio), EMSGSIZE);
	LT_CHECK_EQ(mq_receive(q, buf, sizeof(buf), &prio), 2);
	LT_CHECK(buf[0] == 'b' && prio == 5);
	LT_CHECK_EQ(mq_receive(q, buf, sizeof(buf), &prio), 2);
	LT_CHECK(buf[0] == 'd' && prio == 5);
	LT_CHECK_EQ(mq_receive(q, buf, sizeof(buf), &prio), 2);
	LT_CHECK(buf[0] == 'a' && prio == 1);
	LT_CHECK_EQ(mq_receive(q, buf, sizeof(buf), NULL), 2);
	LT_CHECK(buf[0] == 'c');
	LT_CHECK_EQ(mq_receive(q, buf, sizeof(buf), &prio), 0);
	LT_CHECK_EQ(prio, 0);
	mq_close(q);
	mq_unlink(qname);
}

LT_CASE(nonblock_and_setattr)
{
	struct mq_attr a, old;
	char buf[16];
	mqd_t q = newq("nb", 2, 16, O_NONBLOCK);

	LT_CHECK(q >= 0);
	LT_CHECK_ERR(mq_receive(q, buf, sizeof(buf), NULL), EAGAIN);
	LT_CHECK_OK(mq_send(q, "1", 1, 0));
	LT_CHECK_OK(mq_send(q, "2", 1, 0));
	LT_CHECK_ERR(mq_send(q, "3", 1, 0), EAGAIN);
	LT_CHECK_OK(mq_getattr(q, &a));
	LT_CHECK_EQ(a.mq_curmsgs, 2);
	LT_CHECK_EQ(a.mq_flags, O_NONBLOCK);
	a.mq_flags = 0;
	LT_CHECK_OK(mq_setattr(q, &a, &old));
	LT_CHECK_EQ(old.mq_flags, O_NONBLOCK);
	LT_CHECK_OK(mq_getattr(q, &a));
	LT_CHECK_EQ(a.mq_flags, 0);
	a.mq_flags = O_NONBLOCK | O_APPEND;
	LT_CHECK_ERR(mq_setattr(q, &a, NULL), EINVAL);
	mq_close(q);
	mq_unlink(qname);
}

LT_CASE(timeouts)
{
	struct timespec ts;
	char buf[16];
	long long t0;
	mqd_t q = newq("tmo", 1, 16, 0);

	LT_CHECK(q >= 0);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 50 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	t0 = lt_now_ns();
	LT_CHECK_ERR(mq_timedreceive(q, buf, sizeof(buf), NULL, &ts), ETIMEDOUT);
	LT_CHECK(lt_now_ns() - t0 >= 40 * 1000 * 1000);
	LT_CHECK_OK(mq_send(q, "x", 1, 0));
	LT_CHECK_ERR(mq_timedsend(q, "y", 1, 0, &ts), ETIMEDOUT);	/* already past */
	ts.tv_nsec = 1000000000;
	LT_CHECK_ERR(mq_timedsend(q, "y", 1, 0, &ts), EINVAL);
	LT_CHECK_ERR(mq_timedreceive(q, buf, sizeof(buf), NULL, (void *)1), EFAULT);
	mq_close(q);
	mq_unlink(qname);
}

LT_CASE(blocking_receive)
{
	char buf[16];
	mqd_t q = newq("blk", 2, 16, 0);
	pid_t pid;

	LT_CHECK(q >= 0);
	pid = fork();
	if (pid == 0) {
		lt_sleep_ms(50);
		_exit(mq_send(q, "late", 5, 3) ? 1 : 0);
	}
	LT_CHECK_EQ(mq_receive(q, buf, sizeof(buf), NULL), 5);
	LT_CHECK(!strcmp(buf, "late"));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	mq_close(q);
	mq_unlink(qname);
}

static volatile int got_sig, got_code, got_val, got_pid;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got_sig = sig;
	got_code = si->si_code;
	got_val = si->si_value.sival_int;
	got_pid = si->si_pid;
}

LT_CASE(notify_signal)
{
	struct sigaction sa = { .sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO };
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1 };
	char buf[16];
	mqd_t q = newq("ntf", 4, 16, 0);
	pid_t pid;

	LT_CHECK(q >= 0);
	sigaction(SIGUSR1, &sa, NULL);
	ev.sigev_value.sival_int = 1234;
	LT_CHECK_OK(mq_notify(q, &ev));
	/* Another process may not register while we are. */
	pid = fork();
	if (pid == 0)
		_exit(mq_notify(q, &ev) == -1 && errno == EBUSY ? 0 : 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_ERR(mq_notify(q, &ev), EBUSY);
	pid = fork();
	if (pid == 0)
		_exit(mq_send(q, "m", 1, 0) ? 1 : 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK(lt_wait_flag(&got_sig, SIGUSR1, 2000));
	LT_CHECK_EQ(got_code, SI_MESGQ);
	LT_CHECK_EQ(got_val, 1234);
	LT_CHECK_EQ(got_pid, pid);
	/* Used up: registering again works, and NULL unregisters. */
	LT_CHECK_EQ(mq_receive(q, buf, sizeof(buf), NULL), 1);
	LT_CHECK_OK(mq_notify(q, &ev));
	LT_CHECK_OK(mq_notify(q, NULL));
	got_sig = 0;
	LT_CHECK_OK(mq_send(q, "m", 1, 0));
	lt_sleep_ms(20);
	LT_CHECK_EQ(got_sig, 0);
	ev.sigev_notify = 99;
	LT_CHECK_ERR(mq_notify(q, &ev), EINVAL);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = 65;
	LT_CHECK_ERR(mq_notify(q, &ev), EINVAL);
	LT_CHECK_ERR(syscall(SYS_mq_notify, q, (void *)1), EFAULT);
	signal(SIGUSR1, SIG_DFL);
	mq_close(q);
	mq_unlink(qname);
}

/*
 * SIGEV_THREAD as the kernel sees it (the raw call, no C library helper):
 * a netlink socket gets the 32-byte cookie back, its last byte 1
 * (NOTIFY_WOKENUP) when a message came, 2 (NOTIFY_REMOVED) when the
 * registration went without one.  Other descriptors are refused.
 */
LT_CASE(notify_thread_cookie)
{
	unsigned char cookie[32], got[64];
	struct sigevent ev = { .sigev_notify = SIGEV_THREAD };
	int nl = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, 0), udp, fd;
	mqd_t q = newq("thr", 4, 16, 0);

	LT_CHECK(nl >= 0);
	LT_CHECK(q >= 0);
	for (unsigned int i = 0; i < sizeof(cookie); i++)
		cookie[i] = 0xa0 + i;
	ev.sigev_signo = nl;
	ev.sigev_value.sival_ptr = cookie;
	LT_CHECK_OK(syscall(SYS_mq_notify, q, &ev));
	LT_CHECK_ERR(syscall(SYS_mq_notify, q, &ev), EBUSY);
	LT_CHECK_ERR(recv(nl, got, sizeof(got), MSG_DONTWAIT), EAGAIN);
	LT_CHECK_OK(mq_send(q, "m", 1, 0));
	LT_CHECK_EQ(recv(nl, got, sizeof(got), MSG_DONTWAIT), 32);
	LT_CHECK(!memcmp(got, cookie, 31));
	LT_CHECK_EQ(got[31], 1);
	/* Used up: a second message sends nothing. */
	LT_CHECK_OK(mq_send(q, "n", 1, 0));
	LT_CHECK_ERR(recv(nl, got, sizeof(got), MSG_DONTWAIT), EAGAIN);
	LT_CHECK_OK(syscall(SYS_mq_notify, q, &ev));
	LT_CHECK_OK(syscall(SYS_mq_notify, q, NULL));
	LT_CHECK_EQ(recv(nl, got, sizeof(got), MSG_DONTWAIT), 32);
	LT_CHECK_EQ(got[31], 2);
	/* Closing the queue unregisters too. */
	LT_CHECK_OK(syscall(SYS_mq_notify, q, &ev));
	mq_close(q);
	LT_CHECK_EQ(recv(nl, got, sizeof(got), MSG_DONTWAIT), 32);
	LT_CHECK_EQ(got[31], 2);
	q = mq_open(qname, O_RDWR);
	LT_CHECK(q >= 0);
	/* Not a netlink socket, not a socket, no descriptor, a bad cookie. */
	udp = socket(AF_INET, SOCK_DGRAM, 0);
	LT_CHECK(udp >= 0);
	ev.sigev_signo = udp;
	LT_CHECK_ERR(syscall(SYS_mq_notify, q, &ev), EINVAL);
	fd = open("/", O_RDONLY);
	ev.sigev_signo = fd;
	LT_CHECK_ERR(syscall(SYS_mq_notify, q, &ev), ENOTSOCK);
	ev.sigev_signo = 9999;
	LT_CHECK_ERR(syscall(SYS_mq_notify, q, &ev), EBADF);
	ev.sigev_signo = nl;
	ev.sigev_value.sival_ptr = (void *)0xffffffff81000000UL;
	LT_CHECK_ERR(syscall(SYS_mq_notify, q, &ev), EFAULT);
	/* Nothing was registered by the failures. */
	ev.sigev_value.sival_ptr = cookie;
	LT_CHECK_OK(syscall(SYS_mq_notify, q, &ev));
	LT_CHECK_OK(syscall(SYS_mq_notify, q, NULL));
	close(fd);
	close(udp);
	close(nl);
	mq_close(q);
	mq_unlink(qname);
}

LT_CASE(filesystem_view)
{
	char buf[256], path[128];
	struct pollfd pfd;
	struct stat st;
	mqd_t q = newq("fs", 4, 16, 0);
	int fd;

	LT_CHECK(q >= 0);
	mkdir(M, 0755);
	LT_CHECK_OK(mount("mqueue", M, "mqueue", 0, NULL));
	LT_CHECK_OK(mq_send(q, "hello", 5, 0));
	LT_CHECK_OK(mq_send(q, "xyz", 3, 0));
	snprintf(path, sizeof(path), M "%s", qname);
	LT_CHECK_OK(stat(path, &st));
	LT_CHECK(S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0600);
	LT_CHECK(lt_read_file(path, buf, sizeof(buf)) > 0);
	LT_CHECK(!strncmp(buf, "QSIZE:8          NOTIFY:0     SIGNO:0     NOTIFY_PID:0", 52));
	pfd = (struct pollfd){ .fd = q, .events = POLLIN | POLLOUT };
	LT_CHECK_EQ(poll(&pfd, 1, 0), 1);
	LT_CHECK_EQ(pfd.revents, POLLIN | POLLOUT);
	/* A queue made by open(2) in the mounted directory gets the defaults. */
	LT_CHECK((fd = open(M "/by-open", O_CREAT | O_RDWR, 0644)) >= 0);
	close(fd);
	LT_CHECK_OK(mq_unlink("/by-open"));
	LT_CHECK_OK(unlink(path));
	LT_CHECK_ERR(stat(path, &st), ENOENT);
	/* The queue lives on while a descriptor is open. */
	LT_CHECK_EQ(mq_receive(q, buf, sizeof(buf), NULL), 5);
	umount(M);
	mq_close(q);
}

LT_CASE(bad_descriptors)
{
	struct mq_attr a = { .mq_maxmsg = 2, .mq_msgsize = 8 };
	char buf[16];
	int p[2];
	mqd_t w, r;

	mq_unlink(name("bad"));
	w = mq_open(qname, O_CREAT | O_WRONLY, 0600, &a);
	LT_CHECK(w >= 0);
	r = mq_open(qname, O_RDONLY);
	LT_CHECK(r >= 0);
	LT_CHECK_ERR(mq_send(r, "x", 1, 0), EBADF);
	LT_CHECK_ERR(mq_receive(w, buf, sizeof(buf), NULL), EBADF);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_ERR(mq_send(p[1], "x", 1, 0), EBADF);
	LT_CHECK_ERR(mq_getattr(p[0], &a), EBADF);
	LT_CHECK_ERR(mq_notify(-1, NULL), EBADF);
	LT_CHECK_ERR(mq_send(w, (void *)1, 4, 0), EFAULT);
	LT_CHECK_ERR(syscall(SYS_mq_getsetattr, w, (void *)1, NULL), EFAULT);
	LT_CHECK_ERR(syscall(SYS_mq_getsetattr, w, NULL, (void *)1), EFAULT);
	LT_CHECK_OK(mq_send(w, "lost", 4, 0));
	LT_CHECK_ERR(mq_receive(r, (void *)1, sizeof(buf), NULL), EFAULT);
	close(p[0]);
	close(p[1]);
	mq_close(w);
	mq_close(r);
	mq_unlink(qname);
}

LT_CASE(sysctls)
{
	char buf[64];

	mkdir(P, 0755);
	LT_CHECK_OK(mount("proc", P, "proc", 0, NULL));
	LT_CHECK(lt_read_file(P "/sys/fs/mqueue/msg_max", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "10\n"));
	LT_CHECK(lt_read_file(P "/sys/fs/mqueue/msgsize_max", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "8192\n"));
	LT_CHECK(lt_read_file(P "/sys/fs/mqueue/queues_max", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "256\n"));
	umount(P);
}

/* fs.mqueue.queues_max binds without CAP_SYS_RESOURCE; closing and unlinking frees a slot. */
static int queue_limit_child(void)
{
	struct mq_attr a = { .mq_maxmsg = 1, .mq_msgsize = 1 };
	char n[64];
	int i, made = 0, hit = 0;
	mqd_t q;

	if (setuid(65534))
		return 2;
	for (i = 0; i < 300; i++) {
		snprintf(n, sizeof(n), "/lt-lim-%d-%d", getpid(), i);
		q = mq_open(n, O_CREAT | O_EXCL | O_RDWR, 0600, &a);
		if (q < 0) {
			hit = errno == ENOSPC;
			break;
		}
		mq_close(q);
		made++;
	}
	if (!hit || made > 256)
		return 3;
	for (i = 0; i < made; i++) {
		snprintf(n, sizeof(n), "/lt-lim-%d-%d", getpid(), i);
		if (mq_unlink(n))
			return 4;
	}
	for (i = 0; i < 300; i++) {
		snprintf(n, sizeof(n), "/lt-lim-%d-again", getpid());
		q = mq_open(n, O_CREAT | O_EXCL | O_RDWR, 0600, &a);
		if (q < 0)
			return 5;
		mq_close(q);
		if (mq_unlink(n))
			return 6;
	}
	return 0;
}

LT_CASE(queues_max)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(queue_limit_child());
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/*
 * RLIMIT_MSGQUEUE: a user's queues may reserve that many bytes, counted
 * as Linux does (maxmsg * (msgsize + 96)); EMFILE past it.
 */
static int rlimit_child(void)
{
	struct rlimit rl = { 10000, 10000 };
	struct mq_attr a = { .mq_maxmsg = 10, .mq_msgsize = 100 };	/* 1960 bytes */
	char n[64];
	int i;
	mqd_t q;

	if (setrlimit(RLIMIT_MSGQUEUE, &rl) || setuid(65533))
		return 2;
	for (i = 0; i < 6; i++) {
		snprintf(n, sizeof(n), "/lt-rl-%d-%d", getpid(), i);
		q = mq_open(n, O_CREAT | O_EXCL | O_RDWR, 0600, &a);
		if (i < 5 && q < 0)
			return 10 + i;
		if (i == 5 && (q >= 0 || errno != EMFILE))
			return 3;
		if (q >= 0)
			mq_close(q);
	}
	/* Removing a queue gives its bytes back. */
	snprintf(n, sizeof(n), "/lt-rl-%d-0", getpid());
	if (mq_unlink(n))
		return 4;
	snprintf(n, sizeof(n), "/lt-rl-%d-5", getpid());
	q = mq_open(n, O_CREAT | O_EXCL | O_RDWR, 0600, &a);
	if (q < 0)
		return 5;
	mq_close(q);
	for (i = 1; i < 6; i++) {
		snprintf(n, sizeof(n), "/lt-rl-%d-%d", getpid(), i);
		mq_unlink(n);
	}
	return 0;
}

LT_CASE(rlimit_msgqueue)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(rlimit_child());
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("ipc_mqueue");
	LT_RUN(open_rules);
	LT_RUN(default_attributes);
	LT_RUN(priorities);
	LT_RUN(nonblock_and_setattr);
	LT_RUN(timeouts);
	LT_RUN(blocking_receive);
	LT_RUN(notify_signal);
	LT_RUN(notify_thread_cookie);
	LT_RUN(filesystem_view);
	LT_RUN(bad_descriptors);
	LT_RUN(sysctls);
	LT_RUN(queues_max);
	LT_RUN(rlimit_msgqueue);
	return lt_end();
}
