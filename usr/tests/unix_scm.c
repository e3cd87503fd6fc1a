/*
 * AF_UNIX control messages: SCM_RIGHTS (a passed pipe works in the
 * receiver, MSG_CMSG_CLOEXEC, MSG_CTRUNC when the buffer is short,
 * EBADF and EINVAL for bad messages, a socket passed through itself),
 * the garbage collector freeing a cycle of in-flight sockets, and
 * SCM_CREDENTIALS with SO_PASSCRED (real IDs; EPERM for a false claim).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

/* Send one byte with @n descriptors attached; returns sendmsg's result. */
static int send_fds(int sock, const int *fds, int n)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * 8)];
		struct cmsghdr align;
	} u;
	struct iovec iov = { "F", 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *c;

	memset(&u, 0, sizeof(u));
	mh.msg_control = u.buf;
	mh.msg_controllen = CMSG_SPACE(sizeof(int) * n);
	c = CMSG_FIRSTHDR(&mh);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int) * n);
	memcpy(CMSG_DATA(c), fds, sizeof(int) * n);
	return sendmsg(sock, &mh, 0);
}

/* Receive one byte and up to @max descriptors into @fds; returns how many came. */
static int recv_fds(int sock, int *fds, int max, size_t ctl, int flags, int *mflags)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * 8)];
		struct cmsghdr align;
	} u;
	char byte;
	struct iovec iov = { &byte, 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
			     .msg_controllen = ctl };
	struct cmsghdr *c;
	int n = 0;

	if (recvmsg(sock, &mh, flags) != 1)
		return -1;
	*mflags = mh.msg_flags;
	for (c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		if (n > max)
			n = max;
		memcpy(fds, CMSG_DATA(c), n * sizeof(int));
	}
	return n;
}

LT_CASE(pass_a_pipe)
{
	int sv[2], p[2], got[2], mf;
	char buf[8];

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(send_fds(sv[0], p, 2), 1);
	close(p[0]);
	close(p[1]);
	LT_CHECK_EQ(recv_fds(sv[1], got, 2, CMSG_SPACE(sizeof(int) * 2), MSG_CMSG_CLOEXEC, &mf), 2);
	LT_CHECK(!(mf & MSG_CTRUNC));
	LT_CHECK(fcntl(got[0], F_GETFD) & FD_CLOEXEC);
	LT_CHECK_EQ(write(got[1], "via", 3), 3);
	LT_CHECK_EQ(read(got[0], buf, sizeof(buf)), 3);
	close(got[0]);
	close(got[1]);
	close(sv[0]);
	close(sv[1]);
}

LT_CASE(ctrunc)
{
	int sv[2], p[2], got[2] = { -1, -1 }, mf;

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(send_fds(sv[0], p, 2), 1);
	/* room for one descriptor: one arrives, the other is closed */
	LT_CHECK_EQ(recv_fds(sv[1], got, 2, CMSG_LEN(sizeof(int)), 0, &mf), 1);
	LT_CHECK(mf & MSG_CTRUNC);
	LT_CHECK(fcntl(got[0], F_GETFD) >= 0);
	close(got[0]);
	LT_CHECK_EQ(send_fds(sv[0], p, 1), 1);
	LT_CHECK_EQ(recv_fds(sv[1], got, 2, 0, 0, &mf), 0);	/* no buffer at all */
	LT_CHECK(mf & MSG_CTRUNC);
	close(p[0]);
	close(p[1]);
	close(sv[0]);
	close(sv[1]);
}

LT_CASE(bad_messages)
{
	int sv[2], bad = 9999;
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { "x", 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
			     .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *c = (struct cmsghdr *)cbuf;

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	LT_CHECK_ERR(send_fds(sv[0], &bad, 1), EBADF);
	memset(cbuf, 0, sizeof(cbuf));
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = sizeof(cbuf) + 64;		/* longer than the buffer */
	LT_CHECK_ERR(sendmsg(sv[0], &mh, 0), EINVAL);
	c->cmsg_len = CMSG_LEN(sizeof(int));
	c->cmsg_type = 77;				/* no such type */
	LT_CHECK_ERR(sendmsg(sv[0], &mh, 0), EINVAL);
	c->cmsg_type = SCM_CREDENTIALS;		/* wrong size for a ucred */
	LT_CHECK_ERR(sendmsg(sv[0], &mh, 0), EINVAL);
	LT_CHECK_ERR(recv(sv[1], cbuf, 1, MSG_DONTWAIT), EAGAIN);	/* none got through */
	close(sv[0]);
	close(sv[1]);
}

/* A user may have at most RLIMIT_NOFILE files in flight (unprivileged). */
LT_CASE(inflight_limit)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct rlimit rl = { 8, 8 };
		int sv[2], p[2], i;

		if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) || pipe(p))
			_exit(3);
		if (setgid(65534) || setuid(65534) || setrlimit(RLIMIT_NOFILE, &rl))
			_exit(4);
		for (i = 0; i < 20; i++)
			if (send_fds(sv[0], &p[0], 1) != 1)
				break;
		if (errno != ETOOMANYREFS)
			_exit(1);
		_exit(i == 9 ? 0 : 2);	/* 9 went: the check is "more than the limit" */
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* A socket passed through itself, then closed: the collector frees it. */
LT_CASE(gc_frees_cycle)
{
	int a[2], b[2], p[2], fds[2];
	struct pollfd pf;
	char c;

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, a));
	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, b));
	LT_CHECK_OK(pipe(p));
	/* a[1]'s queue holds a[0] and b[0]; b[0]'s queue holds b[1] and the pipe's writer */
	fds[0] = b[1];
	fds[1] = p[1];
	LT_CHECK_EQ(send_fds(b[1], fds, 2), 1);
	fds[0] = a[1];
	fds[1] = b[0];
	LT_CHECK_EQ(send_fds(a[0], fds, 2), 1);
	close(a[0]);
	close(a[1]);
	close(b[0]);
	close(b[1]);
	close(p[1]);
	/* The collector runs when a socket is released: release one. */
	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, a));
	close(a[0]);
	close(a[1]);
	/* Only garbage collection can close the pipe's last writer. */
	pf.fd = p[0];
	pf.events = POLLIN;
	LT_CHECK_EQ(poll(&pf, 1, 2000), 1);
	LT_CHECK_EQ(read(p[0], &c, 1), 0);
	close(p[0]);
}

/* A socket held in flight but still reachable through a descriptor is not collected. */
LT_CASE(gc_keeps_reachable)
{
	int a[2], p[2], got[2], mf;

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, a));
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(send_fds(a[0], &p[1], 1), 1);
	LT_CHECK_EQ(send_fds(a[0], &a[0], 1), 1);	/* a[0] sits in a[1]'s queue */
	close(a[0]);
	close(p[1]);
	/* any socket release runs the collector: a[1] is still ours */
	{
		int t[2];

		LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, t));
		close(t[0]);
		close(t[1]);
	}
	LT_CHECK_EQ(recv_fds(a[1], got, 1, CMSG_SPACE(sizeof(int)), 0, &mf), 1);
	LT_CHECK_EQ(write(got[0], "k", 1), 1);		/* the pipe writer survived */
	close(got[0]);
	LT_CHECK_EQ(recv_fds(a[1], got, 1, CMSG_SPACE(sizeof(int)), 0, &mf), 1);
	close(got[0]);
	close(a[1]);
	close(p[0]);
}

/* The descriptors end a stream read: bytes after them come with the next read. */
LT_CASE(stream_fd_boundary)
{
	int sv[2], p[2], got[2], mf;
	char buf[8];

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(write(sv[0], "ab", 2), 2);
	LT_CHECK_EQ(send_fds(sv[0], &p[0], 1), 1);
	LT_CHECK_EQ(write(sv[0], "cd", 2), 2);
	LT_CHECK_EQ(recv(sv[1], buf, 2, 0), 2);
	LT_CHECK_EQ(recv_fds(sv[1], got, 1, CMSG_SPACE(sizeof(int)), 0, &mf), 1);
	close(got[0]);
	LT_CHECK_EQ(recv(sv[1], buf, sizeof(buf), 0), 2);
	LT_CHECK(!memcmp(buf, "cd", 2));
	close(p[0]);
	close(p[1]);
	close(sv[0]);
	close(sv[1]);
}

static int recv_creds(int sock, struct ucred *uc)
{
	union {
		char buf[CMSG_SPACE(sizeof(struct ucred))];
		struct cmsghdr align;
	} u;
	char byte;
	struct iovec iov = { &byte, 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
			     .msg_controllen = sizeof(u.buf) };
	struct cmsghdr *c;

	if (recvmsg(sock, &mh, 0) != 1)
		return -1;
	c = CMSG_FIRSTHDR(&mh);
	if (!c || c->cmsg_type != SCM_CREDENTIALS || c->cmsg_len != CMSG_LEN(sizeof(*uc)))
		return -2;
	memcpy(uc, CMSG_DATA(c), sizeof(*uc));
	return 0;
}

static int send_creds(int sock, const struct ucred *uc)
{
	union {
		char buf[CMSG_SPACE(sizeof(struct ucred))];
		struct cmsghdr align;
	} u;
	struct iovec iov = { "C", 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
			     .msg_controllen = sizeof(u.buf) };
	struct cmsghdr *c = (struct cmsghdr *)u.buf;

	memset(&u, 0, sizeof(u));
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_CREDENTIALS;
	c->cmsg_len = CMSG_LEN(sizeof(*uc));
	memcpy(CMSG_DATA(c), uc, sizeof(*uc));
	return sendmsg(sock, &mh, 0);
}

LT_CASE(credentials)
{
	int sv[2], one = 1;
	struct ucred uc, claim;
	pid_t pid;

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	LT_CHECK_OK(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)));
	LT_CHECK_EQ(send(sv[0], "x", 1, 0), 1);
	LT_CHECK_EQ(recv_creds(sv[1], &uc), 0);		/* sent without asking: ours */
	LT_CHECK_EQ(uc.pid, getpid());
	LT_CHECK_EQ(uc.uid, getuid());
	LT_CHECK_EQ(uc.gid, getgid());
	claim = uc;
	LT_CHECK_EQ(send_creds(sv[0], &claim), 1);
	LT_CHECK_EQ(recv_creds(sv[1], &uc), 0);
	LT_CHECK_EQ(uc.pid, getpid());
	/* an unprivileged sender may not claim another process */
	pid = fork();
	if (pid == 0) {
		struct ucred lie = { .pid = 1, .uid = 65534, .gid = 65534 };

		if (setgid(65534) || setuid(65534))
			_exit(3);
		if (send_creds(sv[0], &lie) != -1 || errno != EPERM)
			_exit(1);
		lie.pid = getpid();
		lie.uid = 0;
		if (send_creds(sv[0], &lie) != -1 || errno != EPERM)
			_exit(2);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(sv[0]);
	close(sv[1]);
}

/* SO_PEERCRED of an accepted connection names the connecting process. */
LT_CASE(peercred_across_fork)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX, .sun_path = "\0lantern-peercred" };
	socklen_t alen = sizeof(sa_family_t) + 17, len;
	int s = socket(AF_UNIX, SOCK_STREAM, 0), n, go[2], one = 1;
	struct ucred uc;
	pid_t pid;
	char c;

	LT_CHECK_OK(pipe(go));
	LT_CHECK_OK(bind(s, (struct sockaddr *)&a, alen));
	LT_CHECK_OK(setsockopt(s, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)));
	LT_CHECK_OK(listen(s, 1));
	pid = fork();
	if (pid == 0) {
		int fd = socket(AF_UNIX, SOCK_STREAM, 0);

		if (connect(fd, (struct sockaddr *)&a, alen))
			_exit(1);
		len = sizeof(uc);
		if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &uc, &len) || (pid_t)uc.pid != getppid())
			_exit(2);
		read(go[0], &c, 1);
		_exit(0);
	}
	n = accept(s, NULL, NULL);
	LT_CHECK(n >= 0);
	len = sizeof(one);
	LT_CHECK_OK(getsockopt(n, SOL_SOCKET, SO_PASSCRED, &one, &len));
	LT_CHECK_EQ(one, 1);		/* inherited from the listener */
	len = sizeof(uc);
	LT_CHECK_OK(getsockopt(n, SOL_SOCKET, SO_PEERCRED, &uc, &len));
	LT_CHECK_EQ(uc.pid, pid);
	LT_CHECK_EQ(write(go[1], "g", 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(n);
	close(s);
	close(go[0]);
	close(go[1]);
}

int main(void)
{
	lt_begin("unix_scm");
	LT_RUN(pass_a_pipe);
	LT_RUN(ctrunc);
	LT_RUN(bad_messages);
	LT_RUN(inflight_limit);
	LT_RUN(gc_frees_cycle);
	LT_RUN(gc_keeps_reachable);
	LT_RUN(stream_fd_boundary);
	LT_RUN(credentials);
	LT_RUN(peercred_across_fork);
	return lt_end();
}
