/*
 * AF_UNIX datagram and seqpacket sockets: message boundaries, MSG_TRUNC
 * (in and out), sendto/recvfrom with path and abstract names, connect
 * and AF_UNSPEC disconnect, EPERM to a socket connected elsewhere,
 * ECONNREFUSED after the peer closes, EMSGSIZE, a full receive queue,
 * scatter/gather through recvmsg/sendmsg, sendmmsg/recvmmsg, and the
 * connected seqpacket type (listen/accept, EOF, ENOTCONN).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>
#include "lt.h"

#define D	"/t_unix_dgram"

static socklen_t unaddr(struct sockaddr_un *a, const char *path, int abstract)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	if (abstract) {
		strcpy(a->sun_path + 1, path);
		return offsetof(struct sockaddr_un, sun_path) + 1 + strlen(path);
	}
	strcpy(a->sun_path, path);
	return offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
}

LT_CASE(boundaries_and_trunc)
{
	int sv[2], v;
	char buf[16];
	struct msghdr mh = { 0 };
	struct iovec iov = { buf, 3 };

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	LT_CHECK_EQ(send(sv[0], "hello", 5, 0), 5);
	LT_CHECK_EQ(send(sv[0], "world!", 6, 0), 6);
	LT_CHECK_EQ(send(sv[0], "", 0, 0), 0);		/* an empty datagram is one too */
	LT_CHECK_EQ(recv(sv[1], buf, sizeof(buf), MSG_PEEK), 5);
	LT_CHECK_EQ(recv(sv[1], buf, sizeof(buf), 0), 5);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	LT_CHECK_EQ(recvmsg(sv[1], &mh, 0), 3);		/* the rest is dropped */
	LT_CHECK(mh.msg_flags & MSG_TRUNC);
	LT_CHECK(!memcmp(buf, "wor", 3));
	LT_CHECK_EQ(recv(sv[1], buf, sizeof(buf), 0), 0);
	LT_CHECK_EQ(send(sv[0], "abcdef", 6, 0), 6);
	LT_CHECK_EQ(recv(sv[1], buf, 2, MSG_TRUNC), 6);	/* the real length */
	LT_CHECK_ERR(recv(sv[1], buf, 2, MSG_DONTWAIT), EAGAIN);
	v = SOCK_DGRAM;
	close(sv[0]);
	/* a datagram socket's peer closing is no EOF: it just stays quiet */
	LT_CHECK_ERR(recv(sv[1], buf, 2, MSG_DONTWAIT), EAGAIN);
	LT_CHECK_ERR(send(sv[1], "x", 1, 0), ECONNREFUSED);
	LT_CHECK_ERR(send(sv[1], "x", 1, 0), ENOTCONN);	/* and the peer is forgotten */
	close(sv[1]);
	(void)v;
}

LT_CASE(named_sendto_recvfrom)
{
	struct sockaddr_un a, b, from;
	socklen_t alen = unaddr(&a, D "/a", 0), blen = unaddr(&b, "lantern-dgram-b", 1), flen;
	int sa = socket(AF_UNIX, SOCK_DGRAM, 0), sb = socket(AF_UNIX, SOCK_DGRAM, 0);
	int anon = socket(AF_UNIX, SOCK_DGRAM, 0);
	char buf[8];

	mkdir(D, 0755);
	unlink(D "/a");
	LT_CHECK_OK(bind(sa, (struct sockaddr *)&a, alen));
	LT_CHECK_OK(bind(sb, (struct sockaddr *)&b, blen));
	LT_CHECK_EQ(sendto(sb, "to-a", 4, 0, (struct sockaddr *)&a, alen), 4);
	flen = sizeof(from);
	LT_CHECK_EQ(recvfrom(sa, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen), 4);
	LT_CHECK_EQ(flen, blen);
	LT_CHECK(!memcmp(&from, &b, blen));
	LT_CHECK_EQ(sendto(anon, "anon", 4, 0, (struct sockaddr *)&a, alen), 4);
	flen = sizeof(from);
	LT_CHECK_EQ(recvfrom(sa, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen), 4);
	LT_CHECK_EQ(flen, 0);				/* an unnamed sender */
	LT_CHECK_ERR(send(anon, "x", 1, 0), ENOTCONN);
	LT_CHECK_ERR(sendto(anon, "x", 1, 0, (struct sockaddr *)&a, 1), EINVAL);
	unaddr(&from, D "/nobody", 0);
	LT_CHECK_ERR(sendto(anon, "x", 1, 0, (struct sockaddr *)&from, alen), ENOENT);
	unaddr(&from, "lantern-nobody", 1);
	LT_CHECK_ERR(sendto(anon, "x", 1, 0, (struct sockaddr *)&from, sizeof(sa_family_t) + 15),
		     ECONNREFUSED);
	/* connect fixes the destination; a third socket is then refused */
	LT_CHECK_OK(connect(sa, (struct sockaddr *)&b, blen));
	LT_CHECK_ERR(sendto(anon, "x", 1, 0, (struct sockaddr *)&a, alen), EPERM);
	LT_CHECK_EQ(send(sa, "hi", 2, 0), 2);
	LT_CHECK_EQ(recv(sb, buf, sizeof(buf), 0), 2);
	flen = sizeof(from);
	LT_CHECK_OK(getpeername(sa, (struct sockaddr *)&from, &flen));
	LT_CHECK_EQ(flen, blen);
	/* AF_UNSPEC dissolves the association */
	memset(&from, 0, sizeof(from));
	from.sun_family = AF_UNSPEC;
	LT_CHECK_OK(connect(sa, (struct sockaddr *)&from, sizeof(from)));
	flen = sizeof(from);
	LT_CHECK_ERR(getpeername(sa, (struct sockaddr *)&from, &flen), ENOTCONN);
	LT_CHECK_EQ(sendto(anon, "ok", 2, 0, (struct sockaddr *)&a, alen), 2);
	close(sa);
	close(sb);
	close(anon);
	unlink(D "/a");
}

LT_CASE(sizes_and_queue)
{
	static char big[300000];
	struct sockaddr_un a;
	socklen_t alen = unaddr(&a, "lantern-dgram-q", 1);
	int r = socket(AF_UNIX, SOCK_DGRAM, 0), s = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	int i, sent = 0;
	struct pollfd p = { .fd = s, .events = POLLOUT };

	int sv[2];

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	LT_CHECK_ERR(send(sv[0], big, sizeof(big), 0), EMSGSIZE);
	close(sv[0]);
	close(sv[1]);
	LT_CHECK_OK(bind(r, (struct sockaddr *)&a, alen));
	LT_CHECK_OK(connect(s, (struct sockaddr *)&a, alen));
	for (i = 0; i < 100; i++) {
		if (send(s, "m", 1, 0) != 1)
			break;
		sent++;
	}
	LT_CHECK_EQ(errno, EAGAIN);
	LT_CHECK(sent > 1 && sent < 100);		/* the receiver's queue has a limit */
	LT_CHECK_EQ(poll(&p, 1, 0), 0);			/* and poll knows */
	for (i = 0; i < sent; i++)
		LT_CHECK_EQ(recv(r, big, 1, 0), 1);
	LT_CHECK_EQ(poll(&p, 1, 0), 1);
	close(r);
	close(s);
}

LT_CASE(scatter_gather)
{
	int sv[2];
	char a[3], b[4], out[7];
	struct iovec w[2] = { { "abc", 3 }, { "defg", 4 } }, rv[2] = { { a, 3 }, { b, 4 } };
	struct msghdr mh = { .msg_iov = w, .msg_iovlen = 2 };

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	LT_CHECK_EQ(sendmsg(sv[0], &mh, 0), 7);		/* one datagram from two pieces */
	LT_CHECK_EQ(recv(sv[1], out, sizeof(out), MSG_PEEK), 7);
	mh.msg_iov = rv;
	LT_CHECK_EQ(recvmsg(sv[1], &mh, 0), 7);
	LT_CHECK(!memcmp(a, "abc", 3) && !memcmp(b, "defg", 4));
	/* writev and readv move one datagram too */
	LT_CHECK_EQ(writev(sv[0], w, 2), 7);
	LT_CHECK_EQ(send(sv[0], "next", 4, 0), 4);
	LT_CHECK_EQ(readv(sv[1], rv, 2), 7);
	LT_CHECK(!memcmp(a, "abc", 3) && !memcmp(b, "defg", 4));
	LT_CHECK_EQ(recv(sv[1], out, sizeof(out), 0), 4);
	close(sv[0]);
	close(sv[1]);
}

LT_CASE(mmsg)
{
	int sv[2], i;
	char bufs[3][8];
	struct iovec iov[3];
	struct mmsghdr mm[3];
	struct timespec ts = { 0, 0 };

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	memset(mm, 0, sizeof(mm));
	for (i = 0; i < 3; i++) {
		iov[i].iov_base = "msg";
		iov[i].iov_len = 1 + i;
		mm[i].msg_hdr.msg_iov = &iov[i];
		mm[i].msg_hdr.msg_iovlen = 1;
	}
	LT_CHECK_EQ(sendmmsg(sv[0], mm, 3, 0), 3);
	LT_CHECK_EQ(mm[2].msg_len, 3);
	for (i = 0; i < 3; i++) {
		iov[i].iov_base = bufs[i];
		iov[i].iov_len = sizeof(bufs[i]);
		mm[i].msg_len = 0;
	}
	LT_CHECK_EQ(recvmmsg(sv[1], mm, 3, MSG_WAITFORONE, NULL), 3);
	LT_CHECK_EQ(mm[0].msg_len, 1);
	LT_CHECK_EQ(mm[1].msg_len, 2);
	LT_CHECK_EQ(mm[2].msg_len, 3);
	LT_CHECK_ERR(recvmmsg(sv[1], mm, 3, MSG_DONTWAIT, &ts), EAGAIN);
	LT_CHECK_EQ(send(sv[0], "z", 1, 0), 1);
	LT_CHECK_EQ(recvmmsg(sv[1], mm, 3, MSG_WAITFORONE, NULL), 1);
	close(sv[0]);
	close(sv[1]);
}

LT_CASE(raw_is_dgram)
{
	int fd = socket(AF_UNIX, SOCK_RAW, 0), v;
	socklen_t len = sizeof(v);

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len));
	LT_CHECK_EQ(v, SOCK_DGRAM);
	LT_CHECK_ERR(listen(fd, 1), EOPNOTSUPP);
	LT_CHECK_ERR(accept(fd, NULL, NULL), EOPNOTSUPP);
	close(fd);
}

LT_CASE(seqpacket)
{
	struct sockaddr_un a;
	socklen_t alen = unaddr(&a, "lantern-seqpacket", 1);
	int s = socket(AF_UNIX, SOCK_SEQPACKET, 0), c = socket(AF_UNIX, SOCK_SEQPACKET, 0), n;
	char buf[16];
	struct pollfd p;

	LT_CHECK_ERR(send(c, "x", 1, MSG_NOSIGNAL), ENOTCONN);
	LT_CHECK_ERR(recv(c, buf, 1, 0), ENOTCONN);
	LT_CHECK_OK(bind(s, (struct sockaddr *)&a, alen));
	LT_CHECK_OK(listen(s, 4));
	LT_CHECK_OK(connect(c, (struct sockaddr *)&a, alen));
	n = accept(s, NULL, NULL);
	LT_CHECK(n >= 0);
	LT_CHECK_EQ(send(c, "one", 3, 0), 3);
	LT_CHECK_EQ(send(c, "three", 5, 0), 5);
	LT_CHECK_EQ(recv(n, buf, sizeof(buf), 0), 3);		/* boundaries kept */
	LT_CHECK_EQ(recv(n, buf, 2, 0), 2);			/* the rest is dropped */
	LT_CHECK_EQ(send(n, "back", 4, 0), 4);
	LT_CHECK_EQ(recv(c, buf, sizeof(buf), 0), 4);
	close(c);
	p.fd = n;
	p.events = POLLIN;
	LT_CHECK_EQ(poll(&p, 1, 0), 1);
	LT_CHECK(p.revents & POLLHUP);
	LT_CHECK_EQ(recv(n, buf, sizeof(buf), 0), 0);		/* EOF */
	LT_CHECK_ERR(send(n, "x", 1, MSG_NOSIGNAL), EPIPE);
	close(n);
	close(s);
}

int main(void)
{
	lt_begin("unix_dgram");
	LT_RUN(boundaries_and_trunc);
	LT_RUN(named_sendto_recvfrom);
	LT_RUN(sizes_and_queue);
	LT_RUN(scatter_gather);
	LT_RUN(mmsg);
	LT_RUN(raw_is_dgram);
	LT_RUN(seqpacket);
	return lt_end();
}
