/*
 * A bulk TCP transfer over loopback, checked end to end: a child sends
 * a pseudo-random stream in writes of assorted sizes, the parent reads
 * it with reads of other sizes and compares every byte with the same
 * generator.  64 MiB: about 4 s on Lantern under QEMU's TCG
 * (NET_TCP_BULK_MIB changes it).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#ifndef NET_TCP_BULK_MIB
#define NET_TCP_BULK_MIB 64
#endif
#define TOTAL	((size_t)NET_TCP_BULK_MIB << 20)

/* xorshift64: the same stream on both sides */
static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void fill(uint8_t *buf, size_t len, uint64_t *s, size_t *left8, uint64_t *word)
{
	for (size_t i = 0; i < len; i++) {
		if (!*left8) {
			*word = next(s);
			*left8 = 8;
		}
		buf[i] = (uint8_t)(*word >> (8 * (8 - *left8)));
		(*left8)--;
	}
}

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

static const size_t wsizes[] = { 65536, 1, 1460, 100000, 4096, 7, 262144, 33333 };
static const size_t rsizes[] = { 4096, 65536, 13, 200000, 1500, 99999 };

static void sender(uint16_t port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port),
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	static uint8_t buf[262144];
	uint64_t st = 0x9e3779b97f4a7c15ULL, word = 0;
	size_t sent = 0, left8 = 0, k = 0;
	int c = socket(AF_INET, SOCK_STREAM, 0);

	if (c < 0 || connect(c, (struct sockaddr *)&a, sizeof(a)) < 0)
		_exit(1);
	while (sent < TOTAL) {
		size_t n = wsizes[k++ % 8], off = 0;

		if (n > TOTAL - sent)
			n = TOTAL - sent;
		fill(buf, n, &st, &left8, &word);
		while (off < n) {
			ssize_t w = write(c, buf + off, n - off);

			if (w <= 0)
				_exit(2);
			off += w;
		}
		sent += n;
	}
	close(c);
	_exit(0);
}

LT_CASE(bulk_checked)
{
	static uint8_t buf[200000], want[200000];
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof(a);
	uint64_t st = 0x9e3779b97f4a7c15ULL, word = 0;
	size_t got = 0, left8 = 0, k = 0;
	long long t0, ns;
	int l, s;
	pid_t pid;

	l = socket(AF_INET, SOCK_STREAM, 0);
	LT_CHECK(l >= 0);
	LT_CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof(a)));
	LT_CHECK_OK(listen(l, 1));
	LT_CHECK_OK(getsockname(l, (struct sockaddr *)&a, &alen));
	t0 = lt_now_ns();
	pid = fork();
	if (pid == 0)
		sender(ntohs(a.sin_port));
	s = accept(l, NULL, NULL);
	LT_CHECK(s >= 0);
	for (;;) {
		ssize_t n = read(s, buf, rsizes[k++ % 6]);

		LT_CHECK(n >= 0);
		if (n == 0)
			break;
		fill(want, n, &st, &left8, &word);
		if (memcmp(buf, want, n))
			LT_FAIL("data differs in the %zd bytes at offset %zu", n, got);
		got += n;
		LT_CHECK(got <= TOTAL);
	}
	LT_CHECK_EQ(got, TOTAL);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	ns = lt_now_ns() - t0;
	lt_note("%d MiB in %lld ms (%lld MiB/s)", NET_TCP_BULK_MIB, ns / 1000000,
		ns ? (long long)NET_TCP_BULK_MIB * 1000000000LL / ns : 0);
	close(s);
	close(l);
}

int main(void)
{
	lo_up();
	lt_begin("net_tcp_bulk");
	LT_RUN(bulk_checked);
	return lt_end();
}
