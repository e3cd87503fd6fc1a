/*
 * TCP over the loopback device: echo, names, many connections at once,
 * half-close, EOF, RST on a closed port (ECONNREFUSED), SO_LINGER 0
 * (ECONNRESET), EADDRINUSE and SO_REUSEADDR with a TIME_WAIT left
 * behind, nonblocking connect with poll, the accept queue when full,
 * ENOTCONN/EPIPE/SIGPIPE/MSG_NOSIGNAL, MSG_PEEK/DONTWAIT/WAITALL,
 * SIOCINQ/SIOCOUTQ, the SOL_TCP options and TCP_INFO, /proc/net/tcp, and
 * bad arguments.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#ifndef SIOCINQ
#define SIOCINQ		FIONREAD
#endif
#ifndef SIOCOUTQ
#define SIOCOUTQ	TIOCOUTQ
#endif
#ifndef POLLRDHUP
#define POLLRDHUP	0x2000
#endif

static volatile uintptr_t badaddr = 8;
#define BAD	((void *)badaddr)

/* Debian's kernel boots with lo down; Lantern's may already have it up. */
static void lo_up(void)
{
	struct ifreq ifr;
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	if (s < 0)
		return;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(s, SIOCGIFFLAGS, &ifr) == 0 && !(ifr.ifr_flags & IFF_UP)) {
		ifr.ifr_flags |= IFF_UP;
		ioctl(s, SIOCSIFFLAGS, &ifr);
	}
	close(s);
}

static struct sockaddr_in loopback(uint16_t port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static uint16_t port_of(int fd)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);

	if (getsockname(fd, (struct sockaddr *)&a, &len) < 0)
		return 0;
	return ntohs(a.sin_port);
}

/* A listener on 127.0.0.1 and a kernel-chosen port; -1 on failure. */
static int listener(int backlog, int reuse, uint16_t port)
{
	struct sockaddr_in a = loopback(port);
	int s = socket(AF_INET, SOCK_STREAM, 0);

	if (s < 0)
		return -1;
	if (reuse && setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof(reuse)) < 0)
		goto fail;
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(s, backlog) < 0)
		goto fail;
	return s;
fail:
	close(s);
	return -1;
}

static int connect_to(uint16_t port)
{
	struct sockaddr_in a = loopback(port);
	int s = socket(AF_INET, SOCK_STREAM, 0);

	if (s < 0)
		return -1;
	if (connect(s, (struct sockaddr *)&a, sizeof(a)) < 0) {
		close(s);
		return -1;
	}
	return s;
}

/* A port nothing listens on: bound once, then released. */
static uint16_t closed_port(void)
{
	struct sockaddr_in a = loopback(0);
	int s = socket(AF_INET, SOCK_STREAM, 0);
	uint16_t port;

	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof(a)) < 0)
		return 0;
	port = port_of(s);
	close(s);
	return port;
}

static short revents(int fd, short events, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = events };

	if (poll(&p, 1, timeout_ms) < 0)
		return -1;
	return p.revents;
}

static ssize_t read_full(int fd, void *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, (char *)buf + got, len - got);

		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += n;
	}
	return got;
}

LT_CASE(echo_and_names)
{
	struct sockaddr_in a, b;
	socklen_t alen = sizeof(a), blen = sizeof(b);
	char buf[64];
	int l, c, s;
	uint16_t port;

	l = listener(4, 0, 0);
	LT_CHECK(l >= 0);
	port = port_of(l);
	LT_CHECK(port != 0);
	c = connect_to(port);
	LT_CHECK(c >= 0);
	s = accept(l, (struct sockaddr *)&a, &alen);
	LT_CHECK(s >= 0);
	LT_CHECK_EQ(alen, sizeof(a));
	LT_CHECK_EQ(a.sin_family, AF_INET);
	LT_CHECK_EQ(a.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	LT_CHECK_EQ(ntohs(a.sin_port), port_of(c));
	LT_CHECK_OK(getpeername(c, (struct sockaddr *)&b, &blen));
	LT_CHECK_EQ(ntohs(b.sin_port), port);
	LT_CHECK_EQ(b.sin_addr.s_addr, htonl(INADDR_LOOPBACK));

	LT_CHECK_EQ(write(c, "hello, tcp", 10), 10);
	LT_CHECK_EQ(read(s, buf, sizeof(buf)), 10);
	LT_CHECK(!memcmp(buf, "hello, tcp", 10));
	LT_CHECK_EQ(send(s, buf, 10, 0), 10);
	LT_CHECK_EQ(recv(c, buf + 10, sizeof(buf) - 10, 0), 10);
	LT_CHECK(!memcmp(buf + 10, "hello, tcp", 10));

	/* connecting again: EISCONN; listening on a connected socket: EINVAL */
	b = loopback(port);
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&b, sizeof(b)), EISCONN);
	LT_CHECK_ERR(listen(c, 1), EINVAL);
	LT_CHECK_ERR(bind(c, (struct sockaddr *)&b, sizeof(b)), EINVAL);
	close(c);
	close(s);
	close(l);
}

#define NCONN 40

LT_CASE(many_connections)
{
	int cl[NCONN], sv[NCONN];
	int l, i, j;
	uint16_t port;

	l = listener(NCONN, 0, 0);
	LT_CHECK(l >= 0);
	port = port_of(l);
	for (i = 0; i < NCONN; i++) {
		cl[i] = connect_to(port);
		LT_CHECK(cl[i] >= 0);
	}
	for (i = 0; i < NCONN; i++) {
		sv[i] = accept(l, NULL, NULL);
		LT_CHECK(sv[i] >= 0);
	}
	/* each client names itself; the server side finds it by its peer port */
	for (i = 0; i < NCONN; i++)
		LT_CHECK_EQ(write(cl[i], &i, sizeof(i)), sizeof(i));
	for (j = 0; j < NCONN; j++) {
		struct sockaddr_in p;
		socklen_t plen = sizeof(p);
		int who = -1;

		LT_CHECK_EQ(read(sv[j], &who, sizeof(who)), sizeof(who));
		LT_CHECK(who >= 0 && who < NCONN);
		LT_CHECK_OK(getpeername(sv[j], (struct sockaddr *)&p, &plen));
		LT_CHECK_EQ(ntohs(p.sin_port), port_of(cl[who]));
		who = ~who;
		LT_CHECK_EQ(write(sv[j], &who, sizeof(who)), sizeof(who));
	}
	for (i = 0; i < NCONN; i++) {
		int back = 0;

		LT_CHECK_EQ(read(cl[i], &back, sizeof(back)), sizeof(back));
		LT_CHECK_EQ(back, ~i);
	}
	for (i = 0; i < NCONN; i++) {
		close(cl[i]);
		close(sv[i]);
	}
	close(l);
}

LT_CASE(half_close_and_eof)
{
	char buf[32];
	int l, c, s;
	uint16_t port;

	l = listener(1, 0, 0);
	LT_CHECK(l >= 0);
	port = port_of(l);
	c = connect_to(port);
	LT_CHECK(c >= 0);
	s = accept(l, NULL, NULL);
	LT_CHECK(s >= 0);

	LT_CHECK_EQ(write(c, "request", 7), 7);
	LT_CHECK_OK(shutdown(c, SHUT_WR));
	/* the server reads the request, then end of file ... */
	LT_CHECK_EQ(read_full(s, buf, sizeof(buf)), 7);
	LT_CHECK(!memcmp(buf, "request", 7));
	LT_CHECK_EQ(read(s, buf, sizeof(buf)), 0);
	LT_CHECK((revents(s, POLLIN | POLLRDHUP, 0) & (POLLIN | POLLRDHUP)) ==
		 (POLLIN | POLLRDHUP));
	/* ... and can still answer; the client can still read */
	LT_CHECK_EQ(write(s, "reply", 5), 5);
	LT_CHECK_EQ(read(c, buf, sizeof(buf)), 5);
	LT_CHECK(!memcmp(buf, "reply", 5));
	/* the client's send side is shut: EPIPE */
	signal(SIGPIPE, SIG_IGN);
	LT_CHECK_ERR(write(c, "x", 1), EPIPE);
	signal(SIGPIPE, SIG_DFL);
	/* the server closes: the client sees EOF, and POLLHUP once both halves are done */
	close(s);
	LT_CHECK_EQ(read(c, buf, sizeof(buf)), 0);
	LT_CHECK(revents(c, POLLIN, 1000) & POLLHUP);
	close(c);
	close(l);
}

LT_CASE(refused_and_reset)
{
	struct sockaddr_in a;
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	char buf[8];
	int l, c, s;
	uint16_t port = closed_port();

	LT_CHECK(port != 0);
	a = loopback(port);
	c = socket(AF_INET, SOCK_STREAM, 0);
	LT_CHECK(c >= 0);
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, sizeof(a)), ECONNREFUSED);
	close(c);

	/* SO_LINGER with zero time: close sends RST, the peer reads ECONNRESET */
	l = listener(1, 0, 0);
	LT_CHECK(l >= 0);
	c = connect_to(port_of(l));
	LT_CHECK(c >= 0);
	s = accept(l, NULL, NULL);
	LT_CHECK(s >= 0);
	LT_CHECK_OK(setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)));
	close(c);
	LT_CHECK_ERR(read(s, buf, sizeof(buf)), ECONNRESET);
	/* after the error is reported: end of file */
	LT_CHECK_EQ(read(s, buf, sizeof(buf)), 0);
	close(s);
	close(l);
}

/* Is there a line for local port @port in state @st in /proc/net/tcp? */
static int proc_net_tcp_has(uint16_t port, int st)
{
	static char text[65536];
	char want[32];
	char *line;

	if (lt_read_file("/proc/net/tcp", text, sizeof(text)) < 0)
		return -1;
	if (strncmp(text, "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode", 96))
		return -2;
	snprintf(want, sizeof(want), ":%04X ", port);
	for (line = strchr(text, '\n'); line; line = strchr(line + 1, '\n')) {
		unsigned int sl, laddr, lport, raddr, rport, state;

		if (sscanf(line + 1, "%u: %x:%x %x:%x %x", &sl, &laddr, &lport, &raddr, &rport,
			   &state) == 6 && lport == port && (int)state == st)
			return 1;
	}
	return 0;
}

LT_CASE(reuseaddr_and_time_wait)
{
	struct sockaddr_in a;
	int one = 1, l, c, s, t;
	uint16_t port;
	char buf[4];

	l = listener(1, 1, 0);
	LT_CHECK(l >= 0);
	port = port_of(l);
	LT_CHECK_EQ(proc_net_tcp_has(port, 0x0A), 1);

	/* a second listener on the port: EADDRINUSE, with or without SO_REUSEADDR */
	a = loopback(port);
	t = socket(AF_INET, SOCK_STREAM, 0);
	LT_CHECK_ERR(bind(t, (struct sockaddr *)&a, sizeof(a)), EADDRINUSE);
	LT_CHECK_OK(setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
	LT_CHECK_ERR(bind(t, (struct sockaddr *)&a, sizeof(a)), EADDRINUSE);
	close(t);

	/* the server closes first, so its side of the connection waits in TIME_WAIT */
	c = connect_to(port);
	LT_CHECK(c >= 0);
	s = accept(l, NULL, NULL);
	LT_CHECK(s >= 0);
	close(l);
	close(s);
	LT_CHECK_EQ(read(c, buf, sizeof(buf)), 0);
	close(c);
	for (int i = 0; i < 50 && proc_net_tcp_has(port, 0x06) != 1; i++)
		usleep(20000);
	LT_CHECK_EQ(proc_net_tcp_has(port, 0x06), 1);

	/* without SO_REUSEADDR the TIME_WAIT holds the port; with it, bind and listen work */
	t = socket(AF_INET, SOCK_STREAM, 0);
	LT_CHECK_ERR(bind(t, (struct sockaddr *)&a, sizeof(a)), EADDRINUSE);
	LT_CHECK_OK(setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
	LT_CHECK_OK(bind(t, (struct sockaddr *)&a, sizeof(a)));
	LT_CHECK_OK(listen(t, 1));
	c = connect_to(port);
	LT_CHECK(c >= 0);
	s = accept(t, NULL, NULL);
	LT_CHECK(s >= 0);
	close(s);
	close(c);
	close(t);
}

LT_CASE(nonblocking_connect)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(int);
	int l, c, s, err = -1;
	short re;

	l = listener(1, 0, 0);
	LT_CHECK(l >= 0);
	a = loopback(port_of(l));
	c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	LT_CHECK(c >= 0);
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, sizeof(a)), EINPROGRESS);
	re = revents(c, POLLOUT, 2000);
	LT_CHECK(re & POLLOUT);
	LT_CHECK(!(re & (POLLERR | POLLHUP)));
	LT_CHECK_OK(getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len));
	LT_CHECK_EQ(err, 0);
	/* the next connect completes the call (0, as Linux), then EISCONN */
	LT_CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof(a)));
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, sizeof(a)), EISCONN);
	s = accept4(l, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	LT_CHECK(s >= 0);
	LT_CHECK(fcntl(s, F_GETFL) & O_NONBLOCK);
	LT_CHECK(fcntl(s, F_GETFD) & FD_CLOEXEC);
	LT_CHECK_OK(fcntl(l, F_SETFL, O_NONBLOCK));
	LT_CHECK_ERR(accept(l, NULL, NULL), EAGAIN);
	close(s);
	close(c);

	/* to a closed port: EINPROGRESS, then POLLERR and SO_ERROR ECONNREFUSED */
	a = loopback(closed_port());
	c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	LT_CHECK(c >= 0);
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, sizeof(a)), EINPROGRESS);
	re = revents(c, POLLOUT, 2000);
	LT_CHECK(re & POLLERR);
	LT_CHECK(re & POLLHUP);
	len = sizeof(err);
	LT_CHECK_OK(getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len));
	LT_CHECK_EQ(err, ECONNREFUSED);
	LT_CHECK_OK(getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len));
	LT_CHECK_EQ(err, 0);
	close(c);
	close(l);
}

LT_CASE(accept_queue_full)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(int);
	int l, c1, c2, c3, s, err = -1;

	/* backlog 1 holds two established connections (Linux's > test) */
	l = listener(1, 0, 0);
	LT_CHECK(l >= 0);
	c1 = connect_to(port_of(l));
	LT_CHECK(c1 >= 0);
	c2 = connect_to(port_of(l));
	LT_CHECK(c2 >= 0);
	/* a third SYN is dropped while the queue is full */
	a = loopback(port_of(l));
	c3 = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	LT_CHECK(c3 >= 0);
	LT_CHECK_ERR(connect(c3, (struct sockaddr *)&a, sizeof(a)), EINPROGRESS);
	LT_CHECK_EQ(revents(c3, POLLOUT, 300), 0);
	/* room again: the client's SYN retransmission (after 1 s) gets in */
	s = accept(l, NULL, NULL);
	LT_CHECK(s >= 0);
	close(s);
	LT_CHECK(revents(c3, POLLOUT, 5000) & POLLOUT);
	LT_CHECK_OK(getsockopt(c3, SOL_SOCKET, SO_ERROR, &err, &len));
	LT_CHECK_EQ(err, 0);
	for (int i = 0; i < 2; i++) {
		s = accept(l, NULL, NULL);
		LT_CHECK(s >= 0);
		close(s);
	}
	close(c1);
	close(c2);
	close(c3);
	close(l);
}

LT_CASE(enotconn_epipe_sigpipe)
{
	struct sockaddr_in a;
	socklen_t alen = sizeof(a);
	char buf[8];
	int c, l, s, st;
	pid_t pid;

	c = socket(AF_INET, SOCK_STREAM, 0);
	LT_CHECK(c >= 0);
	LT_CHECK_ERR(recv(c, buf, sizeof(buf), 0), ENOTCONN);
	LT_CHECK_ERR(getpeername(c, (struct sockaddr *)&a, &alen), ENOTCONN);
	LT_CHECK_ERR(shutdown(c, SHUT_RDWR), ENOTCONN);
	/* Linux answers a send on a socket that never connected with EPIPE */
	LT_CHECK_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
	close(c);

	l = listener(1, 0, 0);
	LT_CHECK(l >= 0);
	c = connect_to(port_of(l));
	LT_CHECK(c >= 0);
	s = accept(l, NULL, NULL);
	LT_CHECK(s >= 0);
	LT_CHECK_OK(shutdown(c, SHUT_WR));
	LT_CHECK_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
	pid = fork();
	if (pid == 0) {
		send(c, "x", 1, 0);	/* SIGPIPE kills us */
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGPIPE));

	/* the peer goes away entirely: writes end in EPIPE (after its RST) */
	close(s);
	LT_CHECK_EQ(read(c, buf, sizeof(buf)), 0);
	close(c);

	c = connect_to(port_of(l));
	LT_CHECK(c >= 0);
	s = accept(l, NULL, NULL);
	LT_CHECK(s >= 0);
	close(s);
	st = 0;
	for (int i = 0; i < 20; i++) {
		if (send(c, "data", 4, MSG_NOSIGNAL) < 0) {
			st = errno;
			break;
		}
		usleep(20000);
	}
	LT_CHECK(st == EPIPE || st == ECONNRESET);
	close(c);
	close(l);
}

LT_CASE(peek_dontwait_waitall_ioctls)
{
	char buf[64];
	int l, c, s, n = -1;
	pid_t pid;

	l = listener(1, 0, 0);
	LT_CHECK(l >= 0);
	c = connect_to(port_of(l));
	LT_CHECK(c >= 0);
	s = accept(l, NULL, NULL);
	LT_CHECK(s >= 0);

	LT_CHECK_ERR(recv(s, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	LT_CHECK_OK(ioctl(s, SIOCINQ, &n));
	LT_CHECK_EQ(n, 0);
	LT_CHECK_EQ(write(c, "0123456789", 10), 10);
	LT_CHECK(revents(s, POLLIN, 2000) & POLLIN);
	LT_CHECK_OK(ioctl(s, SIOCINQ, &n));
	LT_CHECK_EQ(n, 10);
	LT_CHECK_EQ(recv(s, buf, 4, MSG_PEEK), 4);
	LT_CHECK(!memcmp(buf, "0123", 4));
	LT_CHECK_EQ(recv(s, buf, 6, 0), 6);
	LT_CHECK(!memcmp(buf, "012345", 6));
	LT_CHECK_EQ(recv(s, buf, sizeof(buf), 0), 4);
	LT_CHECK(!memcmp(buf, "6789", 4));
	/* SIOCOUTQ: what the peer has not acknowledged (all of it, soon) */
	for (int i = 0; i < 50; i++) {
		LT_CHECK_OK(ioctl(c, SIOCOUTQ, &n));
		if (!n)
			break;
		usleep(10000);
	}
	LT_CHECK_EQ(n, 0);

	/* MSG_WAITALL gathers two writes made apart */
	pid = fork();
	if (pid == 0) {
		write(c, "abc", 3);
		usleep(100000);
		write(c, "defgh", 5);
		_exit(0);
	}
	LT_CHECK_EQ(recv(s, buf, 8, MSG_WAITALL), 8);
	LT_CHECK(!memcmp(buf, "abcdefgh", 8));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_ERR(recv(s, buf, 1, MSG_OOB), EINVAL);
	close(c);
	close(s);
	close(l);
}

LT_CASE(options_and_info)
{
	struct tcp_info ti;
	socklen_t len;
	int l, c, s, v;

	c = socket(AF_INET, SOCK_STREAM, 0);
	LT_CHECK(c >= 0);
	len = sizeof(v);
	LT_CHECK_OK(getsockopt(c, SOL_SOCKET, SO_TYPE, &v, &len));
	LT_CHECK_EQ(v, SOCK_STREAM);
	LT_CHECK_OK(getsockopt(c, SOL_SOCKET, SO_PROTOCOL, &v, &len));
	LT_CHECK_EQ(v, IPPROTO_TCP);
	LT_CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, &len));
	LT_CHECK_EQ(v, 0);
	v = 1;
	LT_CHECK_OK(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, sizeof(v)));
	LT_CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, &len));
	LT_CHECK_EQ(v, 1);
	v = 30;
	LT_CHECK_OK(setsockopt(c, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof(v)));
	v = 5;
	LT_CHECK_OK(setsockopt(c, IPPROTO_TCP, TCP_KEEPINTVL, &v, sizeof(v)));
	v = 4;
	LT_CHECK_OK(setsockopt(c, IPPROTO_TCP, TCP_KEEPCNT, &v, sizeof(v)));
	LT_CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_KEEPIDLE, &v, &len));
	LT_CHECK_EQ(v, 30);
	LT_CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_KEEPINTVL, &v, &len));
	LT_CHECK_EQ(v, 5);
	LT_CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_KEEPCNT, &v, &len));
	LT_CHECK_EQ(v, 4);
	v = 0;
	LT_CHECK_ERR(setsockopt(c, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof(v)), EINVAL);
	LT_CHECK_ERR(setsockopt(c, IPPROTO_TCP, TCP_KEEPCNT, &v, sizeof(v)), EINVAL);
	v = 1;
	LT_CHECK_OK(setsockopt(c, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof(v)));
	LT_CHECK_OK(getsockopt(c, SOL_SOCKET, SO_KEEPALIVE, &v, &len));
	LT_CHECK_EQ(v, 1);
	LT_CHECK_ERR(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, 1), EINVAL);
	LT_CHECK_ERR(setsockopt(c, IPPROTO_TCP, 9999, &v, sizeof(v)), ENOPROTOOPT);
	LT_CHECK_ERR(getsockopt(c, IPPROTO_TCP, 9999, &v, &len), ENOPROTOOPT);
	LT_CHECK_ERR(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, BAD, sizeof(v)), EFAULT);
	len = sizeof(ti);
	LT_CHECK_ERR(getsockopt(c, IPPROTO_TCP, TCP_INFO, BAD, &len), EFAULT);
	memset(&ti, 0xff, sizeof(ti));
	LT_CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_INFO, &ti, &len));
	LT_CHECK_EQ(ti.tcpi_state, 7);	/* TCP_CLOSE */

	l = listener(1, 0, 0);
	LT_CHECK(l >= 0);
	len = sizeof(ti);
	LT_CHECK_OK(getsockopt(l, IPPROTO_TCP, TCP_INFO, &ti, &len));
	LT_CHECK_EQ(ti.tcpi_state, 10);	/* TCP_LISTEN */
	{
		struct sockaddr_in a = loopback(port_of(l));

		LT_CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof(a)));
	}
	s = accept(l, NULL, NULL);
	LT_CHECK(s >= 0);
	len = sizeof(ti);
	LT_CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_INFO, &ti, &len));
	LT_CHECK_EQ(ti.tcpi_state, 1);	/* TCP_ESTABLISHED */
	LT_CHECK(ti.tcpi_snd_mss > 0);
	LT_CHECK(ti.tcpi_options & TCPI_OPT_TIMESTAMPS);
	LT_CHECK(ti.tcpi_options & TCPI_OPT_WSCALE);
	len = sizeof(v);
	LT_CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_MAXSEG, &v, &len));
	LT_CHECK(v >= 536 && v <= 65495);
	/* the accepted socket inherits the listener's options, not the client's */
	LT_CHECK_OK(getsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, &len));
	LT_CHECK_EQ(v, 0);
	/* a short TCP_INFO buffer gets a prefix */
	len = 1;
	LT_CHECK_OK(getsockopt(s, IPPROTO_TCP, TCP_INFO, &ti, &len));
	LT_CHECK_EQ(len, 1);
	LT_CHECK_EQ(ti.tcpi_state, 1);
	close(s);
	close(c);
	close(l);
}

LT_CASE(bad_input)
{
	struct sockaddr_in a = loopback(1);
	int c;

	c = socket(AF_INET, SOCK_STREAM, 0);
	LT_CHECK(c >= 0);
	LT_CHECK_ERR(connect(c, BAD, sizeof(a)), EFAULT);
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, sizeof(a) - 1), EINVAL);
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, -1), EINVAL);
	a.sin_family = AF_INET6;
	LT_CHECK_ERR(connect(c, (struct sockaddr *)&a, sizeof(a)), EAFNOSUPPORT);
	LT_CHECK_ERR(accept(c, NULL, NULL), EINVAL);
	LT_CHECK_ERR(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP), EPROTONOSUPPORT);
	LT_CHECK_ERR(shutdown(c, 7), EINVAL);
	close(c);
}

/* Connected sockets handed to a child: a connection outlives the fork and its parent's close. */
LT_CASE(across_fork)
{
	char buf[16];
	int l, c;
	pid_t pid;

	l = listener(1, 0, 0);
	LT_CHECK(l >= 0);
	pid = fork();
	if (pid == 0) {
		int k = accept(l, NULL, NULL);
		char b[16];
		ssize_t n;

		if (k < 0)
			_exit(1);
		while ((n = read(k, b, sizeof(b))) > 0)
			if (write(k, b, n) != n)
				_exit(2);
		_exit(n == 0 ? 0 : 3);
	}
	c = connect_to(port_of(l));
	LT_CHECK(c >= 0);
	for (int i = 0; i < 100; i++) {
		snprintf(buf, sizeof(buf), "ping %d", i);
		LT_CHECK_EQ(write(c, buf, strlen(buf)), (long)strlen(buf));
		memset(buf, 0, sizeof(buf));
		LT_CHECK_EQ(read_full(c, buf, strlen("ping ") + (i < 10 ? 1 : 2)),
			    (long)(strlen("ping ") + (i < 10 ? 1 : 2)));
		LT_CHECK_EQ(atoi(buf + 5), i);
	}
	LT_CHECK_OK(shutdown(c, SHUT_WR));
	LT_CHECK_EQ(read(c, buf, sizeof(buf)), 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(c);
	close(l);
}

/* A reader that stops: the sender fills the window and its buffer (EAGAIN), then all arrives. */
LT_CASE(zero_window_and_resume)
{
	static char chunk[65536];
	size_t sent = 0, got = 0;
	int l, c, s, n = -1;
	ssize_t w;

	l = listener(1, 0, 0);
	LT_CHECK(l >= 0);
	c = connect_to(port_of(l));
	LT_CHECK(c >= 0);
	s = accept(l, NULL, NULL);
	LT_CHECK(s >= 0);
	LT_CHECK_OK(fcntl(c, F_SETFL, O_NONBLOCK));
	memset(chunk, 'z', sizeof(chunk));
	for (int idle = 0; idle < 20; ) {
		w = write(c, chunk, sizeof(chunk));
		if (w > 0) {
			sent += w;
			idle = 0;
			LT_CHECK(sent < (256u << 20));
			continue;
		}
		LT_CHECK_EQ(errno, EAGAIN);
		idle++;
		usleep(10000);
	}
	/* the peer holds data it has not read, and we hold what it would not take */
	LT_CHECK(!(revents(c, POLLOUT, 0) & POLLOUT));
	LT_CHECK_OK(ioctl(s, SIOCINQ, &n));
	LT_CHECK(n > 0);
	LT_CHECK_OK(ioctl(c, SIOCOUTQ, &n));
	LT_CHECK(n > 0);
	while (got < sent) {
		ssize_t r = read(s, chunk, sizeof(chunk));

		LT_CHECK(r > 0);
		for (ssize_t i = 0; i < r; i++)
			if (chunk[i] != 'z')
				LT_FAIL("byte %zu is %#x", got + i, chunk[i]);
		got += r;
	}
	LT_CHECK_EQ(got, sent);
	LT_CHECK(revents(c, POLLOUT, 2000) & POLLOUT);
	LT_CHECK_EQ(write(c, "end", 3), 3);
	LT_CHECK_EQ(read(s, chunk, sizeof(chunk)), 3);
	close(c);
	close(s);
	close(l);
}

/* SO_KEEPALIVE with a 1 s idle time: an idle connection still sends (probes). */
LT_CASE(keepalive_probes)
{
	struct sockaddr_in a;
	struct tcp_info ti;
	socklen_t len = sizeof(ti);
	unsigned int before;
	int l, c, s, v = 1;

	l = listener(1, 0, 0);
	LT_CHECK(l >= 0);
	c = socket(AF_INET, SOCK_STREAM, 0);
	LT_CHECK(c >= 0);
	LT_CHECK_OK(setsockopt(c, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof(v)));
	LT_CHECK_OK(setsockopt(c, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof(v)));
	LT_CHECK_OK(setsockopt(c, IPPROTO_TCP, TCP_KEEPINTVL, &v, sizeof(v)));
	a = loopback(port_of(l));
	LT_CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof(a)));
	s = accept(l, NULL, NULL);
	LT_CHECK(s >= 0);
	LT_CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_INFO, &ti, &len));
	before = ti.tcpi_segs_out;
	usleep(2500000);
	LT_CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_INFO, &ti, &len));
	LT_CHECK(ti.tcpi_segs_out > before);
	LT_CHECK_EQ(ti.tcpi_state, 1);	/* the peer answered: still established */
	/* the peer, without keepalive, sent only those answers */
	close(c);
	close(s);
	close(l);
}

/* A socket connected to itself: a simultaneous open (RFC 9293 figure 8), as Linux allows. */
LT_CASE(self_connect)
{
	struct sockaddr_in a = loopback(0);
	socklen_t alen = sizeof(a);
	char buf[8];
	int c;

	c = socket(AF_INET, SOCK_STREAM, 0);
	LT_CHECK(c >= 0);
	LT_CHECK_OK(bind(c, (struct sockaddr *)&a, sizeof(a)));
	LT_CHECK_OK(getsockname(c, (struct sockaddr *)&a, &alen));
	LT_CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof(a)));
	LT_CHECK_EQ(write(c, "self", 4), 4);
	LT_CHECK_EQ(read(c, buf, sizeof(buf)), 4);
	LT_CHECK(!memcmp(buf, "self", 4));
	close(c);
}

int main(void)
{
	int mounted;

	/* /proc, for /proc/net/tcp (the test init may not have mounted it) */
	mkdir("/proc", 0555);
	mounted = !mount("proc", "/proc", "proc", 0, NULL);
	signal(SIGPIPE, SIG_DFL);
	lo_up();
	lt_begin("net_tcp");
	LT_RUN(echo_and_names);
	LT_RUN(many_connections);
	LT_RUN(half_close_and_eof);
	LT_RUN(refused_and_reset);
	LT_RUN(reuseaddr_and_time_wait);
	LT_RUN(nonblocking_connect);
	LT_RUN(accept_queue_full);
	LT_RUN(enotconn_epipe_sigpipe);
	LT_RUN(peek_dontwait_waitall_ioctls);
	LT_RUN(options_and_info);
	LT_RUN(bad_input);
	LT_RUN(across_fork);
	LT_RUN(zero_window_and_resume);
	LT_RUN(keepalive_probes);
	LT_RUN(self_connect);
	if (mounted)
		umount("/proc");
	return lt_end();
}
