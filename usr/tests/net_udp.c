/*
 * UDP over the loopback interface: echo between two sockets, ephemeral
 * ports and getsockname, connect semantics (peer filtering, AF_UNSPEC
 * disconnect, getpeername), ECONNREFUSED from an ICMP port unreachable
 * on a connected socket, EADDRINUSE and SO_REUSEADDR/SO_REUSEPORT,
 * EADDRNOTAVAIL, EACCES for low ports without the capability,
 * MSG_PEEK/MSG_TRUNC/MSG_DONTWAIT, SIOCINQ/SIOCOUTQ, poll readiness,
 * large datagrams (64 KiB - headers), SO_BROADCAST, IP_TTL and the
 * IP_PKTINFO/IP_RECVTTL ancillary data, corking (MSG_MORE, UDP_CORK).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#ifndef SIOCINQ
#define SIOCINQ		0x541B
#define SIOCOUTQ	0x5411
#endif

static struct sockaddr_in sin_lo(unsigned short port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

/* A socket bound to 127.0.0.1 and an ephemeral port; its address in *a. */
static int bound_udp(struct sockaddr_in *a)
{
	socklen_t len = sizeof(*a);
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	*a = sin_lo(0);
	if (s < 0 || bind(s, (struct sockaddr *)a, sizeof(*a)) ||
	    getsockname(s, (struct sockaddr *)a, &len))
		return -1;
	return s;
}

/* recv that gives up after two seconds (EAGAIN) rather than hang the suite */
static ssize_t recv_wait(int s, void *buf, size_t len, int flags)
{
	struct pollfd p = { .fd = s, .events = POLLIN };

	if (poll(&p, 1, 2000) == 0) {
		errno = EAGAIN;
		return -1;
	}
	return recv(s, buf, len, flags);
}

/* A socket bound to 127.0.0.1 and a port chosen explicitly (kept across disconnect). */
static int bound_udp_fixed(struct sockaddr_in *a)
{
	int s = bound_udp(a), t;

	if (s < 0)
		return -1;
	close(s);
	t = socket(AF_INET, SOCK_DGRAM, 0);
	if (t < 0 || bind(t, (struct sockaddr *)a, sizeof(*a)))
		return -1;
	return t;
}

LT_CASE(echo)
{
	struct sockaddr_in a, b, from;
	socklen_t flen = sizeof(from);
	int sa = bound_udp(&a), sb = bound_udp(&b);
	char buf[64];

	LT_CHECK(sa >= 0 && sb >= 0);
	LT_CHECK(ntohs(a.sin_port) >= 1024);
	LT_CHECK(a.sin_port != b.sin_port);
	LT_CHECK_EQ(sendto(sa, "ping", 4, 0, (struct sockaddr *)&b, sizeof(b)), 4);
	LT_CHECK_EQ(recvfrom(sb, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen), 4);
	LT_CHECK(!memcmp(buf, "ping", 4));
	LT_CHECK_EQ(flen, sizeof(from));
	LT_CHECK_EQ(from.sin_family, AF_INET);
	LT_CHECK_EQ(from.sin_port, a.sin_port);
	LT_CHECK_EQ(from.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	LT_CHECK_EQ(sendto(sb, "pong!", 5, 0, (struct sockaddr *)&from, flen), 5);
	LT_CHECK_EQ(recv_wait(sa, buf, sizeof(buf), 0), 5);
	LT_CHECK(!memcmp(buf, "pong!", 5));
	/* an empty datagram is a datagram */
	LT_CHECK_EQ(sendto(sa, "", 0, 0, (struct sockaddr *)&b, sizeof(b)), 0);
	LT_CHECK_EQ(recv_wait(sb, buf, sizeof(buf), 0), 0);
	LT_CHECK_ERR(recv(sb, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	close(sa);
	close(sb);
}

LT_CASE(autobind_and_names)
{
	struct sockaddr_in a, b, name;
	socklen_t len = sizeof(name);
	int s = socket(AF_INET, SOCK_DGRAM, 0), sb = bound_udp(&b);
	char buf[8];

	LT_CHECK(s >= 0 && sb >= 0);
	LT_CHECK_OK(getsockname(s, (struct sockaddr *)&name, &len));
	LT_CHECK_EQ(name.sin_port, 0);				/* not bound yet */
	LT_CHECK_ERR(getpeername(s, (struct sockaddr *)&name, &len), ENOTCONN);
	LT_CHECK_EQ(sendto(s, "x", 1, 0, (struct sockaddr *)&b, sizeof(b)), 1);
	len = sizeof(name);
	LT_CHECK_OK(getsockname(s, (struct sockaddr *)&name, &len));
	LT_CHECK(name.sin_port != 0);				/* bound by the send */
	LT_CHECK_EQ(name.sin_addr.s_addr, htonl(INADDR_ANY));
	LT_CHECK_EQ(recvfrom(sb, buf, sizeof(buf), 0, (struct sockaddr *)&a, &len), 1);
	LT_CHECK_EQ(a.sin_port, name.sin_port);
	/* a datagram needs a destination */
	LT_CHECK_ERR(send(s, "x", 1, 0), EDESTADDRREQ);
	a = sin_lo(0);
	LT_CHECK_ERR(sendto(s, "x", 1, 0, (struct sockaddr *)&a, sizeof(a)), EINVAL);	/* port 0 */
	LT_CHECK_ERR(sendto(s, "x", 1, 0, (struct sockaddr *)&b, 4), EINVAL);
	close(s);
	close(sb);
}

LT_CASE(connect_semantics)
{
	struct sockaddr_in a, b, c, peer;
	socklen_t len = sizeof(peer);
	int sa = bound_udp_fixed(&a), sb = bound_udp(&b), sc = bound_udp(&c);
	struct sockaddr unspec = { .sa_family = AF_UNSPEC };
	char buf[8];

	LT_CHECK(sa >= 0 && sb >= 0 && sc >= 0);
	LT_CHECK_OK(connect(sa, (struct sockaddr *)&b, sizeof(b)));
	LT_CHECK_OK(getpeername(sa, (struct sockaddr *)&peer, &len));
	LT_CHECK_EQ(peer.sin_port, b.sin_port);
	LT_CHECK_EQ(send(sa, "1", 1, 0), 1);
	LT_CHECK_EQ(recv_wait(sb, buf, sizeof(buf), 0), 1);
	/* a connected socket hears only its peer */
	LT_CHECK_EQ(sendto(sc, "c", 1, 0, (struct sockaddr *)&a, sizeof(a)), 1);
	LT_CHECK_EQ(sendto(sb, "b", 1, 0, (struct sockaddr *)&a, sizeof(a)), 1);
	LT_CHECK_EQ(recv_wait(sa, buf, sizeof(buf), 0), 1);
	LT_CHECK_EQ(buf[0], 'b');
	LT_CHECK_ERR(recv(sa, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	/* sendto another address still works while connected */
	LT_CHECK_EQ(sendto(sa, "2", 1, 0, (struct sockaddr *)&c, sizeof(c)), 1);
	LT_CHECK_EQ(recv_wait(sc, buf, sizeof(buf), 0), 1);
	/* AF_UNSPEC dissolves the association */
	LT_CHECK_OK(connect(sa, &unspec, sizeof(unspec)));
	LT_CHECK_ERR(getpeername(sa, (struct sockaddr *)&peer, &len), ENOTCONN);
	LT_CHECK_ERR(send(sa, "x", 1, 0), EDESTADDRREQ);
	LT_CHECK_EQ(sendto(sc, "c", 1, 0, (struct sockaddr *)&a, sizeof(a)), 1);
	LT_CHECK_EQ(recv_wait(sa, buf, sizeof(buf), 0), 1);
	LT_CHECK_EQ(buf[0], 'c');
	close(sa);
	close(sb);
	close(sc);
}

LT_CASE(econnrefused)
{
	struct sockaddr_in a, gone, from;
	socklen_t flen = sizeof(from);
	int s = bound_udp(&a), g = bound_udp(&gone);
	int err = 0;
	socklen_t elen = sizeof(err);
	char buf[8];
	struct pollfd p;

	LT_CHECK(s >= 0 && g >= 0);
	close(g);				/* nobody listens on gone's port now */
	/* unconnected: the ICMP error is not reported */
	LT_CHECK_EQ(sendto(s, "x", 1, 0, (struct sockaddr *)&gone, sizeof(gone)), 1);
	usleep(20000);
	LT_CHECK_ERR(recvfrom(s, buf, sizeof(buf), MSG_DONTWAIT, (struct sockaddr *)&from, &flen),
		     EAGAIN);
	LT_CHECK_OK(connect(s, (struct sockaddr *)&gone, sizeof(gone)));
	LT_CHECK_EQ(send(s, "x", 1, 0), 1);
	p.fd = s;
	p.events = POLLIN;
	LT_CHECK_EQ(poll(&p, 1, 1000), 1);
	LT_CHECK(p.revents & POLLERR);
	LT_CHECK_ERR(recv_wait(s, buf, sizeof(buf), 0), ECONNREFUSED);
	/* the error is reported once */
	LT_CHECK_ERR(recv(s, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	LT_CHECK_EQ(send(s, "x", 1, 0), 1);
	usleep(20000);
	LT_CHECK_OK(getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &elen));
	LT_CHECK_EQ(err, ECONNREFUSED);
	LT_CHECK_OK(getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &elen));
	LT_CHECK_EQ(err, 0);
	/* and the next send reports a pending one */
	LT_CHECK_EQ(send(s, "x", 1, 0), 1);
	usleep(20000);
	LT_CHECK_ERR(send(s, "x", 1, 0), ECONNREFUSED);
	close(s);
}

LT_CASE(bind_rules)
{
	struct sockaddr_in a, b;
	int s1 = bound_udp(&a), s2 = socket(AF_INET, SOCK_DGRAM, 0), s3, one = 1;

	LT_CHECK(s1 >= 0 && s2 >= 0);
	b = a;
	LT_CHECK_ERR(bind(s2, (struct sockaddr *)&b, sizeof(b)), EADDRINUSE);
	b.sin_addr.s_addr = htonl(INADDR_ANY);
	LT_CHECK_ERR(bind(s2, (struct sockaddr *)&b, sizeof(b)), EADDRINUSE);
	/* a different local address of the same port is a different socket */
	b.sin_addr.s_addr = htonl(0x7f000002);
	LT_CHECK_OK(bind(s2, (struct sockaddr *)&b, sizeof(b)));
	/* bound once is bound */
	LT_CHECK_ERR(bind(s2, (struct sockaddr *)&a, sizeof(a)), EINVAL);
	close(s2);
	/* not ours */
	s2 = socket(AF_INET, SOCK_DGRAM, 0);
	b = sin_lo(0);
	b.sin_addr.s_addr = inet_addr("192.0.2.1");
	LT_CHECK_ERR(bind(s2, (struct sockaddr *)&b, sizeof(b)), EADDRNOTAVAIL);
	b = sin_lo(0);
	LT_CHECK_ERR(bind(s2, (struct sockaddr *)&b, sizeof(b) - 1), EINVAL);
	b.sin_family = AF_INET6;
	LT_CHECK_ERR(bind(s2, (struct sockaddr *)&b, sizeof(b)), EAFNOSUPPORT);
	close(s2);
	/* SO_REUSEADDR on both shares the port */
	close(s1);
	s1 = socket(AF_INET, SOCK_DGRAM, 0);
	s2 = socket(AF_INET, SOCK_DGRAM, 0);
	LT_CHECK_OK(setsockopt(s1, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
	LT_CHECK_OK(setsockopt(s2, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
	LT_CHECK_OK(bind(s1, (struct sockaddr *)&a, sizeof(a)));
	LT_CHECK_OK(bind(s2, (struct sockaddr *)&a, sizeof(a)));
	s3 = socket(AF_INET, SOCK_DGRAM, 0);
	LT_CHECK_ERR(bind(s3, (struct sockaddr *)&a, sizeof(a)), EADDRINUSE);	/* not s3 */
	close(s1);
	close(s2);
	close(s3);
	/* SO_REUSEPORT, same user */
	s1 = socket(AF_INET, SOCK_DGRAM, 0);
	s2 = socket(AF_INET, SOCK_DGRAM, 0);
	LT_CHECK_OK(setsockopt(s1, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)));
	LT_CHECK_OK(setsockopt(s2, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)));
	LT_CHECK_OK(bind(s1, (struct sockaddr *)&a, sizeof(a)));
	LT_CHECK_OK(bind(s2, (struct sockaddr *)&a, sizeof(a)));
	close(s1);
	close(s2);
	/* the port is free again once closed */
	s1 = socket(AF_INET, SOCK_DGRAM, 0);
	LT_CHECK_OK(bind(s1, (struct sockaddr *)&a, sizeof(a)));
	close(s1);
}

LT_CASE(low_port_needs_capability)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct sockaddr_in a = sin_lo(7);
		int s;

		if (setuid(1000))
			_exit(2);
		s = socket(AF_INET, SOCK_DGRAM, 0);
		if (s < 0)
			_exit(3);
		if (bind(s, (struct sockaddr *)&a, sizeof(a)) == 0 || errno != EACCES)
			_exit(4);
		a = sin_lo(0);
		_exit(bind(s, (struct sockaddr *)&a, sizeof(a)) ? 5 : 0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(peek_trunc_ioctl)
{
	struct sockaddr_in a, b;
	int sa = bound_udp(&a), sb = bound_udp(&b), n;
	char buf[16];
	struct msghdr mh = { 0 };
	struct iovec iov = { buf, 3 };

	LT_CHECK(sa >= 0 && sb >= 0);
	LT_CHECK_OK(ioctl(sb, SIOCINQ, &n));
	LT_CHECK_EQ(n, 0);
	LT_CHECK_EQ(sendto(sa, "abcdefgh", 8, 0, (struct sockaddr *)&b, sizeof(b)), 8);
	LT_CHECK_EQ(sendto(sa, "xyz", 3, 0, (struct sockaddr *)&b, sizeof(b)), 3);
	usleep(10000);
	LT_CHECK_OK(ioctl(sb, SIOCINQ, &n));
	LT_CHECK_EQ(n, 8);					/* the first datagram's size */
	LT_CHECK_OK(ioctl(sa, SIOCOUTQ, &n));
	LT_CHECK_EQ(n, 0);
	LT_CHECK_EQ(recv(sb, buf, sizeof(buf), MSG_PEEK), 8);
	LT_CHECK_EQ(recv(sb, buf, 2, MSG_PEEK | MSG_TRUNC), 8);	/* real length */
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	LT_CHECK_EQ(recvmsg(sb, &mh, 0), 3);
	LT_CHECK(mh.msg_flags & MSG_TRUNC);
	LT_CHECK(!memcmp(buf, "abc", 3));
	LT_CHECK_EQ(recv_wait(sb, buf, sizeof(buf), 0), 3);		/* the rest was dropped */
	LT_CHECK(!memcmp(buf, "xyz", 3));
	LT_CHECK_ERR(recv(sb, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	fcntl(sb, F_SETFL, O_NONBLOCK);
	LT_CHECK_ERR(recv(sb, buf, sizeof(buf), 0), EAGAIN);
	close(sa);
	close(sb);
}

LT_CASE(poll_readiness)
{
	struct sockaddr_in a, b;
	int sa = bound_udp(&a), sb = bound_udp(&b);
	struct pollfd p = { .events = POLLIN | POLLOUT };
	char buf[4];
	pid_t pid;

	LT_CHECK(sa >= 0 && sb >= 0);
	p.fd = sb;
	LT_CHECK_EQ(poll(&p, 1, 0), 1);
	LT_CHECK_EQ(p.revents, POLLOUT);
	/* a poller sleeping in poll is woken by a datagram */
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		_exit(sendto(sa, "w", 1, 0, (struct sockaddr *)&b, sizeof(b)) == 1 ? 0 : 1);
	}
	p.events = POLLIN;
	LT_CHECK_EQ(poll(&p, 1, 5000), 1);
	LT_CHECK_EQ(p.revents, POLLIN);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(recv_wait(sb, buf, sizeof(buf), 0), 1);
	/* shutdown of an unconnected socket: ENOTCONN, but readers wake */
	LT_CHECK_ERR(shutdown(sb, SHUT_RDWR), ENOTCONN);
	p.events = POLLIN;
	LT_CHECK_EQ(poll(&p, 1, 0), 1);
	LT_CHECK(p.revents & POLLHUP);
	LT_CHECK_EQ(recv_wait(sb, buf, sizeof(buf), 0), 0);
	close(sa);
	close(sb);
}

LT_CASE(large_datagrams)
{
	struct sockaddr_in a, b;
	int sa = bound_udp(&a), sb = bound_udp(&b), size = 1 << 20;
	size_t max = 65535 - 20 - 8, i;
	unsigned char *out = malloc(max + 1), *in = malloc(max + 1);

	LT_CHECK(sa >= 0 && sb >= 0 && out && in);
	LT_CHECK_OK(setsockopt(sb, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size)));
	for (i = 0; i <= max; i++)
		out[i] = (unsigned char)(i * 7 + (i >> 8));
	LT_CHECK_EQ(sendto(sa, out, max, 0, (struct sockaddr *)&b, sizeof(b)), (ssize_t)max);
	LT_CHECK_EQ(recv_wait(sb, in, max + 1, 0), (ssize_t)max);
	LT_CHECK(!memcmp(in, out, max));
	LT_CHECK_ERR(sendto(sa, out, max + 1, 0, (struct sockaddr *)&b, sizeof(b)), EMSGSIZE);
	/* 40000 bytes: bigger than nothing on lo (MTU 64K) but a real test of copying */
	LT_CHECK_EQ(sendto(sa, out, 40000, 0, (struct sockaddr *)&b, sizeof(b)), 40000);
	LT_CHECK_EQ(recv_wait(sb, in, max, 0), 40000);
	LT_CHECK(!memcmp(in, out, 40000));
	free(out);
	free(in);
	close(sa);
	close(sb);
}

LT_CASE(broadcast_needs_so_broadcast)
{
	struct sockaddr_in a, bc = sin_lo(9);
	int s = bound_udp(&a), one = 1, v = 0;
	socklen_t len = sizeof(v);

	LT_CHECK(s >= 0);
	LT_CHECK_OK(getsockopt(s, SOL_SOCKET, SO_BROADCAST, &v, &len));
	LT_CHECK_EQ(v, 0);
	/* 127.255.255.255 is lo's broadcast address */
	bc.sin_addr.s_addr = htonl(0x7fffffff);
	LT_CHECK_ERR(sendto(s, "b", 1, 0, (struct sockaddr *)&bc, sizeof(bc)), EACCES);
	LT_CHECK_OK(setsockopt(s, SOL_SOCKET, SO_BROADCAST, &one, sizeof(one)));
	LT_CHECK_EQ(sendto(s, "b", 1, 0, (struct sockaddr *)&bc, sizeof(bc)), 1);
	close(s);
}

LT_CASE(ip_options)
{
	struct sockaddr_in a, b;
	int sa = bound_udp(&a), sb = bound_udp(&b), v, one = 1;
	socklen_t len = sizeof(v);
	char buf[8], cbuf[256];
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
			     .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *cm;
	int saw_ttl = 0, saw_info = 0;

	LT_CHECK(sa >= 0 && sb >= 0);
	LT_CHECK_OK(getsockopt(sa, IPPROTO_IP, IP_TTL, &v, &len));
	LT_CHECK_EQ(v, 64);
	v = 0;
	LT_CHECK_ERR(setsockopt(sa, IPPROTO_IP, IP_TTL, &v, sizeof(v)), EINVAL);
	v = 256;
	LT_CHECK_ERR(setsockopt(sa, IPPROTO_IP, IP_TTL, &v, sizeof(v)), EINVAL);
	v = 7;
	LT_CHECK_OK(setsockopt(sa, IPPROTO_IP, IP_TTL, &v, sizeof(v)));
	LT_CHECK_OK(setsockopt(sb, IPPROTO_IP, IP_RECVTTL, &one, sizeof(one)));
	LT_CHECK_OK(setsockopt(sb, IPPROTO_IP, IP_PKTINFO, &one, sizeof(one)));
	LT_CHECK_EQ(sendto(sa, "t", 1, 0, (struct sockaddr *)&b, sizeof(b)), 1);
	LT_CHECK_EQ(recvmsg(sb, &mh, 0), 1);
	for (cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm)) {
		if (cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_TTL) {
			LT_CHECK_EQ(*(int *)CMSG_DATA(cm), 7);
			saw_ttl = 1;
		}
		if (cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_PKTINFO) {
			struct in_pktinfo *pi = (struct in_pktinfo *)CMSG_DATA(cm);

			LT_CHECK_EQ(pi->ipi_addr.s_addr, htonl(INADDR_LOOPBACK));
			LT_CHECK_EQ(pi->ipi_ifindex, 1);	/* lo */
			saw_info = 1;
		}
	}
	LT_CHECK(saw_ttl && saw_info);
	LT_CHECK_ERR(getsockopt(sa, IPPROTO_IP, 12345, &v, &len), ENOPROTOOPT);
	close(sa);
	close(sb);
}

/*
 * Corking: MSG_MORE sends, and every send while UDP_CORK is set, build
 * one datagram, sent by the first send without it (or by clearing
 * UDP_CORK); the first piece's destination is the datagram's; a corked
 * datagram past 64 KiB is refused (EMSGSIZE) and dropped; close drops
 * one not yet sent.
 */
LT_CASE(cork_and_msg_more)
{
	struct sockaddr_in a, b;
	int r = bound_udp(&a), r2 = bound_udp(&b), s = socket(AF_INET, SOCK_DGRAM, 0), on = 1, v;
	socklen_t len = sizeof(v);
	static char big[65507];
	char buf[64];

	LT_CHECK(r >= 0 && r2 >= 0 && s >= 0);
	LT_CHECK_EQ(sendto(s, "ab", 2, MSG_MORE, (struct sockaddr *)&a, sizeof(a)), 2);
	LT_CHECK_ERR(recv(r, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	/* Appended: this destination is ignored, the first one's stands. */
	LT_CHECK_EQ(sendto(s, "cd", 2, MSG_MORE, (struct sockaddr *)&b, sizeof(b)), 2);
	LT_CHECK_EQ(sendto(s, "e", 1, 0, (struct sockaddr *)&b, sizeof(b)), 1);
	LT_CHECK_EQ(recv_wait(r, buf, sizeof(buf), 0), 5);
	LT_CHECK(!memcmp(buf, "abcde", 5));
	LT_CHECK_ERR(recv(r2, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);

	LT_CHECK_OK(getsockopt(s, SOL_UDP, UDP_CORK, &v, &len));
	LT_CHECK_EQ(v, 0);
	LT_CHECK_OK(setsockopt(s, SOL_UDP, UDP_CORK, &on, sizeof(on)));
	LT_CHECK_OK(getsockopt(s, SOL_UDP, UDP_CORK, &v, &len));
	LT_CHECK_EQ(v, 1);
	LT_CHECK_EQ(sendto(s, "xy", 2, 0, (struct sockaddr *)&b, sizeof(b)), 2);
	LT_CHECK_EQ(sendto(s, "z", 1, 0, (struct sockaddr *)&b, sizeof(b)), 1);
	LT_CHECK_ERR(recv(r2, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	v = 0;
	LT_CHECK_OK(setsockopt(s, SOL_UDP, UDP_CORK, &v, sizeof(v)));
	LT_CHECK_EQ(recv_wait(r2, buf, sizeof(buf), 0), 3);
	LT_CHECK(!memcmp(buf, "xyz", 3));

	/* Too big in all: refused, and the pieces are gone. */
	LT_CHECK_EQ(sendto(s, big, 65000, MSG_MORE, (struct sockaddr *)&a, sizeof(a)), 65000);
	LT_CHECK_ERR(sendto(s, big, 1000, MSG_MORE, (struct sockaddr *)&a, sizeof(a)), EMSGSIZE);
	LT_CHECK_EQ(sendto(s, "q", 1, 0, (struct sockaddr *)&a, sizeof(a)), 1);
	LT_CHECK_EQ(recv_wait(r, buf, sizeof(buf), 0), 1);
	LT_CHECK_EQ(buf[0], 'q');

	/* Closed while corked: nothing is sent. */
	LT_CHECK_EQ(sendto(s, "lost", 4, MSG_MORE, (struct sockaddr *)&a, sizeof(a)), 4);
	close(s);
	LT_CHECK_ERR(recv_wait(r, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);

	s = socket(AF_INET, SOCK_DGRAM, 0);
	LT_CHECK_ERR(setsockopt(s, SOL_UDP, UDP_CORK, &on, 2), EINVAL);
	LT_CHECK_ERR(setsockopt(s, SOL_UDP, UDP_CORK, (void *)8, sizeof(on)), EFAULT);
	LT_CHECK_ERR(setsockopt(s, SOL_UDP, 9999, &on, sizeof(on)), ENOPROTOOPT);
	close(s);
	close(r);
	close(r2);
}

LT_CASE(bad_arguments)
{
	struct sockaddr_in b = sin_lo(9);

	LT_CHECK_ERR(socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP), EPROTONOSUPPORT);
	LT_CHECK_ERR(socket(AF_INET, SOCK_SEQPACKET, 0), ESOCKTNOSUPPORT);
	LT_CHECK_ERR(socket(AF_INET, 77, 0), EINVAL);
	LT_CHECK_ERR(socket(AF_INET, SOCK_DGRAM, -1), EINVAL);
	{
		int s = socket(AF_INET, SOCK_DGRAM, 0);

		LT_CHECK(s >= 0);
		LT_CHECK_ERR(sendto(s, (void *)8, 10, 0, (struct sockaddr *)&b, sizeof(b)), EFAULT);
		LT_CHECK_ERR(sendto(s, "x", 1, 0, (struct sockaddr *)8, sizeof(b)), EFAULT);
		LT_CHECK_ERR(bind(s, (struct sockaddr *)8, sizeof(b)), EFAULT);
		LT_CHECK_ERR(ioctl(s, SIOCINQ, (void *)8), EFAULT);
		LT_CHECK_ERR(listen(s, 1), EOPNOTSUPP);
		LT_CHECK_ERR(accept(s, NULL, NULL), EOPNOTSUPP);
		close(s);
	}
}

/*
 * Linux boots with lo down and lets init bring it up (which also gives it
 * 127.0.0.1/8); the test initramfs has no init scripts, so do it here.
 */

int main(void)
{
	lt_begin("net_udp");
	lt_lo_up();
	LT_RUN(echo);
	LT_RUN(autobind_and_names);
	LT_RUN(connect_semantics);
	LT_RUN(econnrefused);
	LT_RUN(bind_rules);
	LT_RUN(low_port_needs_capability);
	LT_RUN(peek_trunc_ioctl);
	LT_RUN(poll_readiness);
	LT_RUN(large_datagrams);
	LT_RUN(broadcast_needs_so_broadcast);
	LT_RUN(ip_options);
	LT_RUN(cork_and_msg_more);
	LT_RUN(bad_arguments);
	return lt_end();
}
