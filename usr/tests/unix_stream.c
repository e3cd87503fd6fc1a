/*
 * AF_UNIX stream sockets: socketpair, path-name and abstract servers
 * (bind, listen, connect, accept/accept4), names (getsockname,
 * getpeername, autobind), errors (EADDRINUSE, ECONNREFUSED, ENOTCONN,
 * EISCONN, EPIPE with SIGPIPE), shutdown, MSG_PEEK/DONTWAIT/WAITALL,
 * O_NONBLOCK, poll, the socket options, fstat and /proc/self/fd.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define D	"/t_unix_stream"

/* An unmapped address the compiler cannot see through. */
static volatile uintptr_t badaddr = 8;
#define BAD	((void *)badaddr)

static socklen_t unaddr(struct sockaddr_un *a, const char *path, int abstract)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	if (abstract) {
		strcpy(a->sun_path + 1, path);
		return offsetof(struct sockaddr_un, sun_path) + 1 + strlen(path);
	}
	strcpy(a->sun_path, path);
	return sizeof(*a);
}

static short revents(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };

	if (poll(&p, 1, 0) < 0)
		return -1;
	return p.revents;
}

LT_CASE(socketpair_echo)
{
	int sv[2];
	char buf[16];

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	LT_CHECK_EQ(write(sv[0], "hello", 5), 5);
	LT_CHECK_EQ(write(sv[0], "world", 5), 5);
	LT_CHECK_EQ(read(sv[1], buf, sizeof(buf)), 10);	/* a stream merges writes */
	LT_CHECK(!memcmp(buf, "helloworld", 10));
	LT_CHECK_EQ(send(sv[1], "x", 1, 0), 1);
	LT_CHECK_EQ(recv(sv[0], buf, 1, 0), 1);
	/* readv returns what is there: a full first piece does not wait for more */
	LT_CHECK_EQ(write(sv[0], "abcd", 4), 4);
	{
		char p1[4], p2[4];
		struct iovec v[2] = { { p1, 4 }, { p2, 4 } };

		LT_CHECK_EQ(readv(sv[1], v, 2), 4);
	}
	LT_CHECK_EQ(buf[0], 'x');
	close(sv[0]);
	LT_CHECK_EQ(read(sv[1], buf, sizeof(buf)), 0);	/* EOF */
	close(sv[1]);
}

LT_CASE(socket_errors)
{
	int fd;

	LT_CHECK_ERR(socket(AF_UNIX, SOCK_STREAM, 2), EPROTONOSUPPORT);
	fd = socket(AF_UNIX, SOCK_STREAM, PF_UNIX);	/* its own number is fine */
	LT_CHECK(fd >= 0);
	close(fd);
	LT_CHECK_ERR(socket(AF_UNIX, 77, 0), EINVAL);
	LT_CHECK_ERR(socket(AF_UNIX, SOCK_STREAM | 0x10000, 0), EINVAL);
	LT_CHECK_ERR(socket(9999, SOCK_STREAM, 0), EAFNOSUPPORT);
	LT_CHECK_ERR(socket(-1, SOCK_STREAM, 0), EAFNOSUPPORT);
	LT_CHECK_ERR(socketpair(AF_UNIX, SOCK_STREAM, 0, BAD), EFAULT);
	fd = open("/", O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(listen(fd, 1), ENOTSOCK);
	LT_CHECK_ERR(shutdown(fd, SHUT_RD), ENOTSOCK);
	close(fd);
	LT_CHECK_ERR(listen(9999, 1), EBADF);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(listen(fd, 1), EINVAL);		/* unbound */
	LT_CHECK_ERR(send(fd, "x", 1, MSG_NOSIGNAL), ENOTCONN);
	LT_CHECK_ERR(recv(fd, NULL, 0, 0), EINVAL);
	LT_CHECK_ERR(accept(fd, NULL, NULL), EINVAL);	/* not listening */
	LT_CHECK_ERR(shutdown(fd, 3), EINVAL);
	LT_CHECK_ERR(lseek(fd, 0, SEEK_SET), ESPIPE);
	close(fd);
}

/* A path-name server: the socket is a file; a second bind is EADDRINUSE. */
LT_CASE(path_server)
{
	struct sockaddr_un a, b, got;
	socklen_t len = unaddr(&a, D "/s", 0), blen = unaddr(&b, D "/s2", 0), glen;
	struct stat st;
	int s, c, n;
	char buf[8];

	mkdir(D, 0755);
	unlink(D "/s");
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	LT_CHECK(s >= 0);
	LT_CHECK_OK(bind(s, (struct sockaddr *)&a, len));
	LT_CHECK_ERR(bind(s, (struct sockaddr *)&a, len), EADDRINUSE);	/* the name first */
	LT_CHECK_ERR(bind(s, (struct sockaddr *)&b, blen), EINVAL);	/* already bound */
	LT_CHECK_ERR(access(D "/s2", F_OK), ENOENT);	/* and the new name undone */
	LT_CHECK_OK(stat(D "/s", &st));
	LT_CHECK(S_ISSOCK(st.st_mode));
	LT_CHECK_ERR(open(D "/s", O_RDWR), ENXIO);	/* a socket file is not opened */
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	LT_CHECK_ERR(bind(c, (struct sockaddr *)&a, len), EADDRINUSE);
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, len), ECONNREFUSED);	/* not listening */
	LT_CHECK_OK(listen(s, 5));
	LT_CHECK_OK(connect(c, (struct sockaddr *)&a, len));
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, len), EISCONN);
	LT_CHECK_EQ(write(c, "ping", 4), 4);	/* before accept: into the embryo */
	glen = sizeof(got);
	n = accept(s, (struct sockaddr *)&got, &glen);
	LT_CHECK(n >= 0);
	LT_CHECK_EQ(glen, sizeof(sa_family_t));	/* the client is unnamed */
	LT_CHECK_EQ(read(n, buf, 4), 4);
	LT_CHECK(!memcmp(buf, "ping", 4));
	glen = sizeof(got);
	LT_CHECK_OK(getpeername(c, (struct sockaddr *)&got, &glen));
	LT_CHECK_EQ(glen, offsetof(struct sockaddr_un, sun_path) + strlen(D "/s") + 1);
	LT_CHECK(!strcmp(got.sun_path, D "/s"));
	glen = sizeof(got);
	LT_CHECK_OK(getsockname(n, (struct sockaddr *)&got, &glen));
	LT_CHECK(!strcmp(got.sun_path, D "/s"));
	close(n);
	close(c);
	close(s);
	/* The file stays after close; connecting to it is refused. */
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, len), ECONNREFUSED);
	LT_CHECK_OK(unlink(D "/s"));
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, len), ENOENT);
	close(c);
}

LT_CASE(abstract_and_autobind)
{
	struct sockaddr_un a, got;
	socklen_t len = unaddr(&a, "lantern-test", 1), glen;
	int s, s2, c, n;

	s = socket(AF_UNIX, SOCK_STREAM, 0);
	LT_CHECK_OK(bind(s, (struct sockaddr *)&a, len));
	s2 = socket(AF_UNIX, SOCK_STREAM, 0);
	LT_CHECK_ERR(bind(s2, (struct sockaddr *)&a, len), EADDRINUSE);
	LT_CHECK_OK(listen(s, 1));
	glen = sizeof(got);
	LT_CHECK_OK(getsockname(s, (struct sockaddr *)&got, &glen));
	LT_CHECK_EQ(glen, len);
	LT_CHECK(!memcmp(&got, &a, len));
	/* autobind: binding just the family gives "\0" and five hex digits */
	LT_CHECK_OK(bind(s2, (struct sockaddr *)&a, sizeof(sa_family_t)));
	glen = sizeof(got);
	LT_CHECK_OK(getsockname(s2, (struct sockaddr *)&got, &glen));
	LT_CHECK_EQ(glen, offsetof(struct sockaddr_un, sun_path) + 6);
	LT_CHECK_EQ(got.sun_path[0], 0);
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	LT_CHECK_OK(connect(c, (struct sockaddr *)&a, len));
	n = accept4(s, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	LT_CHECK(n >= 0);
	LT_CHECK(fcntl(n, F_GETFD) & FD_CLOEXEC);
	LT_CHECK(fcntl(n, F_GETFL) & O_NONBLOCK);
	/* raw: musl retries a failed accept4 as accept */
	LT_CHECK_ERR(lt_syscall(SYS_accept4, s, 0, 0, 0x1, 0, 0), EINVAL);
	/* accept4's flags are the new file's; the listener's own decide blocking */
	LT_CHECK_OK(fcntl(s, F_SETFL, O_NONBLOCK));
	LT_CHECK_ERR(accept4(s, NULL, NULL, 0), EAGAIN);
	close(n);
	close(c);
	close(s);
	close(s2);
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, len), ECONNREFUSED);
	close(c);
}

LT_CASE(backlog_nonblocking_connect)
{
	struct sockaddr_un a;
	socklen_t len = unaddr(&a, "lantern-backlog", 1);
	int s = socket(AF_UNIX, SOCK_STREAM, 0), c[4], i, ok = 0;

	LT_CHECK_OK(bind(s, (struct sockaddr *)&a, len));
	LT_CHECK_OK(listen(s, 0));
	for (i = 0; i < 4; i++) {
		c[i] = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
		if (!connect(c[i], (struct sockaddr *)&a, len))
			ok++;
		else
			LT_CHECK_EQ(errno, EAGAIN);
	}
	LT_CHECK(ok >= 1 && ok < 4);
	for (i = 0; i < 4; i++)
		close(c[i]);
	close(s);
}

static volatile int got_sigpipe;

static void on_sigpipe(int sig)
{
	got_sigpipe = sig;
}

LT_CASE(epipe_and_sigpipe)
{
	int sv[2];

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	signal(SIGPIPE, on_sigpipe);
	close(sv[1]);
	LT_CHECK_ERR(send(sv[0], "x", 1, MSG_NOSIGNAL), EPIPE);
	LT_CHECK_EQ(got_sigpipe, 0);
	LT_CHECK_ERR(write(sv[0], "x", 1), EPIPE);
	LT_CHECK_EQ(got_sigpipe, SIGPIPE);
	signal(SIGPIPE, SIG_DFL);
	close(sv[0]);
}

LT_CASE(shutdown_halves)
{
	int sv[2];
	char c;

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	LT_CHECK_EQ(write(sv[1], "ab", 2), 2);
	LT_CHECK_OK(shutdown(sv[1], SHUT_WR));
	LT_CHECK_ERR(send(sv[1], "x", 1, MSG_NOSIGNAL), EPIPE);
	LT_CHECK_EQ(read(sv[0], &c, 1), 1);
	LT_CHECK(revents(sv[0], POLLIN | POLLRDHUP) & POLLRDHUP);
	LT_CHECK_EQ(read(sv[0], &c, 1), 1);
	LT_CHECK_EQ(read(sv[0], &c, 1), 0);		/* EOF, not a block */
	LT_CHECK_EQ(write(sv[0], "y", 1), 1);		/* the other half still works */
	LT_CHECK_EQ(read(sv[1], &c, 1), 1);
	LT_CHECK_OK(shutdown(sv[0], SHUT_RDWR));
	LT_CHECK(revents(sv[0], POLLIN | POLLOUT) & POLLHUP);
	close(sv[0]);
	close(sv[1]);
}

LT_CASE(peek_dontwait_waitall)
{
	int sv[2], fl;
	char buf[16];
	pid_t pid;

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	LT_CHECK_ERR(recv(sv[0], buf, 1, MSG_DONTWAIT), EAGAIN);
	LT_CHECK_EQ(revents(sv[0], POLLIN | POLLOUT), POLLOUT);
	LT_CHECK_EQ(write(sv[1], "abc", 3), 3);
	LT_CHECK_EQ(write(sv[1], "def", 3), 3);
	LT_CHECK_EQ(revents(sv[0], POLLIN), POLLIN);
	LT_CHECK_OK(ioctl(sv[0], FIONREAD, &fl));
	LT_CHECK_EQ(fl, 6);
	LT_CHECK_EQ(recv(sv[0], buf, 4, MSG_PEEK), 4);
	LT_CHECK(!memcmp(buf, "abcd", 4));
	LT_CHECK_EQ(recv(sv[0], buf, 2, 0), 2);
	LT_CHECK_EQ(recv(sv[0], buf, 16, 0), 4);
	LT_CHECK(!memcmp(buf, "cdef", 4));
	/* WAITALL waits for the whole request across several writes */
	pid = fork();
	if (pid == 0) {
		lt_sleep_ms(50);
		write(sv[1], "12", 2);
		lt_sleep_ms(50);
		write(sv[1], "345", 3);
		_exit(0);
	}
	LT_CHECK_EQ(recv(sv[0], buf, 5, MSG_WAITALL), 5);
	LT_CHECK(!memcmp(buf, "12345", 5));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	fl = fcntl(sv[0], F_GETFL);
	LT_CHECK_OK(fcntl(sv[0], F_SETFL, fl | O_NONBLOCK));
	LT_CHECK_ERR(read(sv[0], buf, 1), EAGAIN);
	close(sv[0]);
	close(sv[1]);
}

/* 4 MiB through a stream in odd-sized pieces arrives whole and in order. */
LT_CASE(bulk_transfer)
{
	static unsigned char buf[70000];
	const size_t total = 4 << 20;
	size_t got = 0, i;
	unsigned int seed = 1;
	int sv[2], bad = 0;
	pid_t pid;

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	pid = fork();
	if (pid == 0) {
		size_t sent = 0, n;

		close(sv[1]);
		while (sent < total) {
			n = 1 + (sent * 7919) % sizeof(buf);
			if (n > total - sent)
				n = total - sent;
			for (i = 0; i < n; i++)
				buf[i] = (unsigned char)((sent + i) * 31 + ((sent + i) >> 12));
			if (write(sv[0], buf, n) != (ssize_t)n)
				_exit(1);
			sent += n;
		}
		_exit(0);
	}
	close(sv[0]);
	while (got < total) {
		ssize_t n;

		seed = seed * 1103515245 + 12345;
		n = read(sv[1], buf, 1 + (seed >> 8) % sizeof(buf));
		if (n <= 0)
			break;
		for (i = 0; i < (size_t)n; i++)
			bad += buf[i] != (unsigned char)((got + i) * 31 + ((got + i) >> 12));
		got += n;
	}
	LT_CHECK_EQ(got, total);
	LT_CHECK_EQ(bad, 0);
	LT_CHECK_EQ(read(sv[1], buf, 1), 0);	/* the writer exited: EOF */
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(sv[1]);
}

/* A writer fills the peer's buffer and blocks; non-blocking gets EAGAIN. */
LT_CASE(full_buffer)
{
	static char big[65536];
	int sv[2], total = 0;
	ssize_t n;

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv));
	while ((n = write(sv[0], big, sizeof(big))) > 0)
		total += n;
	LT_CHECK_EQ(errno, EAGAIN);
	LT_CHECK(total >= 65536);
	LT_CHECK(!(revents(sv[0], POLLOUT) & POLLOUT));
	while ((n = read(sv[1], big, sizeof(big))) > 0)
		total -= n;
	LT_CHECK_EQ(total, 0);
	LT_CHECK(revents(sv[0], POLLOUT) & POLLOUT);
	close(sv[0]);
	close(sv[1]);
}

LT_CASE(options)
{
	int sv[2], v;
	socklen_t len = sizeof(v);
	struct ucred cr;
	struct timeval tv = { 0, 100000 };
	struct linger lg = { 1, 5 };
	char c;

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	LT_CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &len));
	LT_CHECK_EQ(v, SOCK_STREAM);
	LT_CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_DOMAIN, &v, &len));
	LT_CHECK_EQ(v, AF_UNIX);
	LT_CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_PROTOCOL, &v, &len));
	LT_CHECK_EQ(v, 0);
	LT_CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_ERROR, &v, &len));
	LT_CHECK_EQ(v, 0);
	LT_CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_ACCEPTCONN, &v, &len));
	LT_CHECK_EQ(v, 0);
	v = 8192;
	LT_CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, sizeof(v)));
	LT_CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, &len));
	LT_CHECK_EQ(v, 16384);		/* doubled, as Linux */
	v = 1;
	LT_CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)));
	v = 0;
	LT_CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_REUSEADDR, &v, &len));
	LT_CHECK_EQ(v, 1);
	LT_CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_REUSEADDR, &v, 2), EINVAL);
	LT_CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, sizeof(v)), ENOPROTOOPT);
	LT_CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, 9999, &v, sizeof(v)), ENOPROTOOPT);
	LT_CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_REUSEADDR, BAD, sizeof(v)), EFAULT);
	LT_CHECK_ERR(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, BAD), EFAULT);
	len = -1;
	LT_CHECK_ERR(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &len), EINVAL);
	len = sizeof(cr);
	LT_CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &cr, &len));
	LT_CHECK_EQ(len, sizeof(cr));
	LT_CHECK_EQ(cr.pid, getpid());
	LT_CHECK_EQ(cr.uid, geteuid());
	LT_CHECK_EQ(cr.gid, getegid());
	LT_CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)));
	memset(&lg, 0, sizeof(lg));
	len = sizeof(lg);
	LT_CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, &len));
	LT_CHECK_EQ(lg.l_onoff, 1);
	LT_CHECK_EQ(lg.l_linger, 5);
	tv.tv_usec = 2000000;
	LT_CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), EDOM);
	tv.tv_usec = 100000;
	LT_CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	LT_CHECK_ERR(read(sv[0], &c, 1), EAGAIN);	/* timed out */
	memset(&tv, 0, sizeof(tv));
	len = sizeof(tv);
	LT_CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, &len));
	LT_CHECK_EQ(tv.tv_sec, 0);
	LT_CHECK(tv.tv_usec >= 90000 && tv.tv_usec <= 110000);
	LT_CHECK_ERR(setsockopt(sv[0], SOL_IP, 1, &v, sizeof(v)), EOPNOTSUPP);
	close(sv[0]);
	close(sv[1]);
}

LT_CASE(file_view)
{
	struct stat st;
	char path[64], link[64], want[64];
	int sv[2];
	ssize_t n;

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	LT_CHECK(fcntl(sv[0], F_GETFD) & FD_CLOEXEC);
	LT_CHECK_OK(fstat(sv[0], &st));
	LT_CHECK(S_ISSOCK(st.st_mode));
	snprintf(want, sizeof(want), "socket:[%lu]", (unsigned long)st.st_ino);
	/* the test initramfs has no /proc: mount one */
	mkdir(D, 0755);
	mkdir(D "/proc", 0755);
	LT_CHECK_OK(mount("proc", D "/proc", "proc", 0, NULL));
	snprintf(path, sizeof(path), D "/proc/self/fd/%d", sv[0]);
	n = readlink(path, link, sizeof(link) - 1);
	LT_CHECK(n > 0);
	umount(D "/proc");
	link[n] = 0;
	if (strcmp(link, want))
		LT_FAIL("readlink: %s, want %s", link, want);
	close(sv[0]);
	close(sv[1]);
}

/*
 * Connecting needs write permission on the socket file, binding needs
 * it on the directory; a socket of the wrong type is EPROTOTYPE.
 */
LT_CASE(permissions_and_types)
{
	struct sockaddr_un a;
	socklen_t len = unaddr(&a, D "/perm", 0);
	int s = socket(AF_UNIX, SOCK_STREAM, 0), d = socket(AF_UNIX, SOCK_DGRAM, 0);
	mode_t old = umask(022);
	pid_t pid;

	mkdir(D, 0755);
	unlink(D "/perm");
	LT_CHECK_OK(bind(s, (struct sockaddr *)&a, len));
	umask(old);
	LT_CHECK_OK(listen(s, 2));
	LT_CHECK_ERR(connect(d, (struct sockaddr *)&a, len), EPROTOTYPE);
	LT_CHECK_ERR(sendto(d, "x", 1, 0, (struct sockaddr *)&a, len), EPROTOTYPE);
	pid = fork();
	if (pid == 0) {
		struct sockaddr_un b;
		socklen_t blen = unaddr(&b, D "/nope", 0);
		int c = socket(AF_UNIX, SOCK_STREAM, 0);

		if (setgid(65534) || setuid(65534))
			_exit(3);
		if (connect(c, (struct sockaddr *)&a, len) != -1 || errno != EACCES)
			_exit(1);
		if (bind(c, (struct sockaddr *)&b, blen) != -1 || errno != EACCES)
			_exit(2);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(s);
	close(d);
	unlink(D "/perm");
}

/* /proc/net/unix lists every socket: a listener with its path and flags. */
LT_CASE(proc_net_unix)
{
	static char buf[65536];
	struct sockaddr_un a, b;
	socklen_t len = unaddr(&a, D "/listed", 0), blen = unaddr(&b, "lantern-listed", 1);
	int s = socket(AF_UNIX, SOCK_STREAM, 0), t = socket(AF_UNIX, SOCK_DGRAM, 0);
	struct stat st;
	char want[128];

	mkdir(D, 0755);
	mkdir(D "/proc", 0755);
	unlink(D "/listed");
	LT_CHECK_OK(bind(s, (struct sockaddr *)&a, len));
	LT_CHECK_OK(listen(s, 3));
	LT_CHECK_OK(bind(t, (struct sockaddr *)&b, blen));
	LT_CHECK_OK(fstat(s, &st));
	LT_CHECK_OK(mount("proc", D "/proc", "proc", 0, NULL));
	LT_CHECK(lt_read_file(D "/proc/net/unix", buf, sizeof(buf)) > 0);
	umount(D "/proc");
	LT_CHECK(!strncmp(buf, "Num       RefCount Protocol Flags    Type St Inode Path\n", 56));
	snprintf(want, sizeof(want), "00010000 0001 01 %5lu " D "/listed\n",
		 (unsigned long)st.st_ino);
	if (!strstr(buf, want))
		LT_FAIL("no \"%s\" in:\n%s", want, buf);
	LT_CHECK(strstr(buf, " 0002 01 ") && strstr(buf, " @lantern-listed\n"));
	close(s);
	close(t);
	unlink(D "/listed");
}

/* The longest path fills sun_path with no terminator; Linux takes it. */
LT_CASE(longest_path)
{
	struct sockaddr_un a;
	struct sockaddr_storage got;
	socklen_t glen = sizeof(got);
	char path[sizeof(a.sun_path) + 1];
	int s = socket(AF_UNIX, SOCK_STREAM, 0);

	mkdir(D, 0755);
	memset(path, 'x', sizeof(path) - 1);
	memcpy(path, D "/", sizeof(D));
	path[sizeof(path) - 1] = 0;
	unlink(path);
	memset(&a, 0, sizeof(a));
	a.sun_family = AF_UNIX;
	memcpy(a.sun_path, path, sizeof(a.sun_path));	/* no NUL */
	LT_CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof(a)));
	LT_CHECK_OK(access(path, F_OK));
	LT_CHECK_OK(getsockname(s, (struct sockaddr *)&got, &glen));
	LT_CHECK_EQ(glen, sizeof(a) + 1);
	close(s);
	unlink(path);
}

/* Passing the connection to a child across fork: both ends still work. */
LT_CASE(across_fork)
{
	struct sockaddr_un a;
	socklen_t len = unaddr(&a, "lantern-fork", 1);
	int s = socket(AF_UNIX, SOCK_STREAM, 0), n;
	char buf[8];
	pid_t pid;

	LT_CHECK_OK(bind(s, (struct sockaddr *)&a, len));
	LT_CHECK_OK(listen(s, 1));
	pid = fork();
	if (pid == 0) {
		int c = socket(AF_UNIX, SOCK_STREAM, 0);

		if (connect(c, (struct sockaddr *)&a, len) || write(c, "child", 5) != 5)
			_exit(1);
		_exit(read(c, buf, 2) == 2 && !memcmp(buf, "ok", 2) ? 0 : 2);
	}
	n = accept(s, NULL, NULL);		/* blocks until the child connects */
	LT_CHECK(n >= 0);
	LT_CHECK_EQ(read(n, buf, 5), 5);
	LT_CHECK(!memcmp(buf, "child", 5));
	LT_CHECK_EQ(write(n, "ok", 2), 2);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(n);
	close(s);
}

int main(void)
{
	lt_begin("unix_stream");
	LT_RUN(socketpair_echo);
	LT_RUN(socket_errors);
	LT_RUN(path_server);
	LT_RUN(abstract_and_autobind);
	LT_RUN(backlog_nonblocking_connect);
	LT_RUN(epipe_and_sigpipe);
	LT_RUN(shutdown_halves);
	LT_RUN(peek_dontwait_waitall);
	LT_RUN(bulk_transfer);
	LT_RUN(full_buffer);
	LT_RUN(options);
	LT_RUN(file_view);
	LT_RUN(permissions_and_types);
	LT_RUN(proc_net_unix);
	LT_RUN(longest_path);
	LT_RUN(across_fork);
	return lt_end();
}
