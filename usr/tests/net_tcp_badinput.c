/*
 * Malformed TCP segments, sent by root through a raw IPPROTO_TCP socket
 * to a listener on 127.0.0.1: a bad checksum, a data offset below 5 or
 * past the end, a runt, option lists that lie about their lengths,
 * every flag at once, stray ACKs and RSTs, then a burst of random
 * segments with good checksums.  Each is dropped (and counted in
 * /proc/net/snmp's Tcp line as Linux counts it) or answered, the
 * listener still accepts and echoes afterwards, and nothing crashes.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lt.h"

struct tcph {
	uint16_t source, dest;
	uint32_t seq, ack_seq;
	uint8_t off;		/* data offset in the high nibble */
	uint8_t flags;
	uint16_t window, check, urg_ptr;
};

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

static uint16_t tcp_csum(const void *seg, size_t len)
{
	const uint8_t *p = seg;
	uint32_t sum = 0;
	size_t i;

	/* the pseudo-header: 127.0.0.1 both ways, protocol 6, the length */
	sum += 0x7f00 + 0x0001 + 0x7f00 + 0x0001 + 6 + (uint32_t)len;
	for (i = 0; i + 1 < len; i += 2)
		sum += (p[i] << 8) | p[i + 1];
	if (len & 1)
		sum += p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons(~sum & 0xffff);
}

/* Send @len bytes of segment (checksum filled in unless @keep_csum). */
static int send_seg(int raw, void *seg, size_t len, int keep_csum)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct tcph *th = seg;

	if (!keep_csum && len >= sizeof(*th)) {
		th->check = 0;
		th->check = tcp_csum(seg, len);
	}
	return sendto(raw, seg, len, 0, (struct sockaddr *)&to, sizeof(to)) == (ssize_t)len ? 0 : -1;
}

static void make_seg(struct tcph *th, uint16_t sport, uint16_t dport, uint8_t flags, int doff)
{
	memset(th, 0, sizeof(*th));
	th->source = htons(sport);
	th->dest = htons(dport);
	th->seq = htonl(12345);
	th->off = doff << 4;
	th->flags = flags;
	th->window = htons(8192);
}

/* The Tcp counter @name from /proc/net/snmp, or -1. */
static long tcp_counter(const char *name)
{
	static char text[8192];
	char *names, *vals, *save1, *save2, *n, *v;

	if (lt_read_file("/proc/net/snmp", text, sizeof(text)) < 0)
		return -1;
	names = strstr(text, "\nTcp: ");
	if (!names)
		return -1;
	vals = strstr(names + 1, "\nTcp: ");
	if (!vals)
		return -1;
	*strchr(names + 1, '\n') = 0;
	*strchrnul(vals + 1, '\n') = 0;
	n = strtok_r(names + 6, " ", &save1);
	v = strtok_r(vals + 6, " ", &save2);
	while (n && v) {
		if (!strcmp(n, name))
			return atol(v);
		n = strtok_r(NULL, " ", &save1);
		v = strtok_r(NULL, " ", &save2);
	}
	return -1;
}

static int listener(uint16_t *port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof(a);
	int l = socket(AF_INET, SOCK_STREAM, 0);

	if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 8) ||
	    getsockname(l, (struct sockaddr *)&a, &alen))
		return -1;
	*port = ntohs(a.sin_port);
	return l;
}

/* The listener still works: a connection, an echo, a close. */
static int still_works(int l, uint16_t port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port),
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	char buf[8];
	int c = socket(AF_INET, SOCK_STREAM, 0), s, ok;

	if (c < 0 || connect(c, (struct sockaddr *)&a, sizeof(a)))
		return 0;
	s = accept(l, NULL, NULL);
	if (s < 0)
		return 0;
	ok = write(c, "ping", 4) == 4 && read(s, buf, sizeof(buf)) == 4 &&
	     write(s, buf, 4) == 4 && read(c, buf, sizeof(buf)) == 4 && !memcmp(buf, "ping", 4);
	close(s);
	close(c);
	return ok;
}

LT_CASE(malformed_headers_counted)
{
	uint8_t seg[128];
	struct tcph *th = (struct tcph *)seg;
	long inerrs, csumerrs;
	uint16_t port;
	int raw, l;

	raw = socket(AF_INET, SOCK_RAW, IPPROTO_TCP);
	LT_CHECK(raw >= 0);
	l = listener(&port);
	LT_CHECK(l >= 0);
	inerrs = tcp_counter("InErrs");
	csumerrs = tcp_counter("InCsumErrors");
	LT_CHECK(inerrs >= 0 && csumerrs >= 0);

	/* a bad checksum: InCsumErrors and InErrs */
	make_seg(th, 40000, port, 0x02, 5);
	th->check = htons(0x1234);
	LT_CHECK_OK(send_seg(raw, seg, 20, 1));
	/* a data offset of 4 words: InErrs */
	make_seg(th, 40000, port, 0x02, 4);
	LT_CHECK_OK(send_seg(raw, seg, 20, 0));
	/* an offset past the end, and a runt: dropped, not counted (as Linux) */
	make_seg(th, 40000, port, 0x02, 15);
	LT_CHECK_OK(send_seg(raw, seg, 24, 0));
	make_seg(th, 40000, port, 0x02, 5);
	LT_CHECK_OK(send_seg(raw, seg, 10, 1));
	usleep(100000);
	LT_CHECK_EQ(tcp_counter("InCsumErrors"), csumerrs + 1);
	LT_CHECK_EQ(tcp_counter("InErrs"), inerrs + 2);
	LT_CHECK(still_works(l, port));
	close(l);
	close(raw);
}

LT_CASE(lying_options_and_flags)
{
	static const uint8_t opts[][20] = {
		{ 2, 0, 0, 0 },			/* MSS with length 0 */
		{ 2, 1, 0, 0 },			/* length 1 */
		{ 2, 40, 5, 180 },		/* longer than the header */
		{ 3, 3, 200, 1 },		/* window scale 200 */
		{ 2, 4, 0, 0 },			/* MSS 0 */
		{ 2, 4, 0, 1 },			/* MSS 1 */
		{ 8, 10, 1, 2, 3, 4, 5, 6, 7, 8, 8, 9 },	/* timestamps, then a cut one */
		{ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
		{ 254, 20 },			/* unknown, exactly to the end */
		{ 5, 2, 4, 2, 0, 0 },		/* SACK with no blocks, SACK-permitted */
	};
	uint8_t seg[128];
	struct tcph *th = (struct tcph *)seg;
	uint16_t port;
	int raw, l;
	size_t i;

	raw = socket(AF_INET, SOCK_RAW, IPPROTO_TCP);
	LT_CHECK(raw >= 0);
	l = listener(&port);
	LT_CHECK(l >= 0);
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		make_seg(th, 41000 + i, port, 0x02, 10);
		memcpy(seg + 20, opts[i], 20);
		LT_CHECK_OK(send_seg(raw, seg, 40, 0));
	}
	/* every flag at once, a lone ACK, a lone RST, FIN without SYN, data without a handshake */
	for (i = 0; i < 5; i++) {
		static const uint8_t fl[] = { 0xff, 0x10, 0x04, 0x01, 0x18 };

		make_seg(th, 42000 + i, port, fl[i], 5);
		th->ack_seq = htonl(777);
		memcpy(seg + 20, "payload", 7);
		LT_CHECK_OK(send_seg(raw, seg, 27, 0));
	}
	/* and to a port nobody listens on */
	make_seg(th, 43000, 1, 0x02, 5);
	LT_CHECK_OK(send_seg(raw, seg, 20, 0));
	usleep(100000);
	LT_CHECK(still_works(l, port));
	close(l);
	close(raw);
}

LT_CASE(random_segments)
{
	uint8_t seg[256];
	struct tcph *th = (struct tcph *)seg;
	uint64_t x = 0x243f6a8885a308d3ULL;
	uint16_t port;
	int raw, l;

	raw = socket(AF_INET, SOCK_RAW, IPPROTO_TCP);
	LT_CHECK(raw >= 0);
	l = listener(&port);
	LT_CHECK(l >= 0);
	for (int i = 0; i < 400; i++) {
		size_t len;

		for (size_t j = 0; j < sizeof(seg); j++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			seg[j] = x;
		}
		len = 20 + x % (sizeof(seg) - 20);
		/* a third aimed at the listener, from a few source ports */
		if (i % 3 == 0) {
			th->dest = htons(port);
			th->source = htons(44000 + i % 4);
		}
		LT_CHECK_OK(send_seg(raw, seg, len, i % 7 == 0));
	}
	usleep(100000);
	LT_CHECK(still_works(l, port));
	close(l);
	close(raw);
}

int main(void)
{
	int mounted;

	mkdir("/proc", 0555);
	mounted = !mount("proc", "/proc", "proc", 0, NULL);
	lo_up();
	lt_begin("net_tcp_badinput");
	LT_RUN(malformed_headers_counted);
	LT_RUN(lying_options_and_flags);
	LT_RUN(random_segments);
	if (mounted)
		umount("/proc");
	return lt_end();
}
