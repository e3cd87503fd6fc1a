/*
 * ICMP over the loopback interface: ping sockets (SOCK_DGRAM,
 * IPPROTO_ICMP) gated by net.ipv4.ping_group_range, the echo reply the
 * kernel sends, the identifier the kernel imposes, raw ICMP sockets for
 * root (they see whole packets, IP header first) and not for others, and
 * the ICMP counters of /proc/net/snmp following it all.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define RANGE "/proc/sys/net/ipv4/ping_group_range"

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY), n;

	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (int)strlen(s) ? 0 : -1;
}



static unsigned short csum(const void *p, int len)
{
	const unsigned char *b = p;
	unsigned long sum = 0;
	int i;

	for (i = 0; i + 1 < len; i += 2)
		sum += b[i] << 8 | b[i + 1];
	if (len & 1)
		sum += b[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons(~sum & 0xffff);
}

static struct sockaddr_in lo_addr(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static int wait_readable(int s)
{
	struct pollfd p = { .fd = s, .events = POLLIN };

	return poll(&p, 1, 2000);
}

LT_CASE(ping_socket_echo)
{
	char old[64], buf[256];
	struct sockaddr_in to = lo_addr(), from, me;
	socklen_t flen = sizeof(from), mlen = sizeof(me);
	struct icmphdr req = { .type = ICMP_ECHO }, *rep = (struct icmphdr *)buf;
	char msg[sizeof(req) + 8];
	long echos = lt_snmp("Icmp", "InEchos"), reps = lt_snmp("Icmp", "InEchoReps");
	int s, n;

	LT_CHECK(lt_read_file(RANGE, old, sizeof(old)) > 0);
	LT_CHECK_OK(write_file(RANGE, "0 2147483647"));
	s = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	LT_CHECK(s >= 0);
	req.un.echo.id = htons(4321);		/* the kernel uses its own */
	req.un.echo.sequence = htons(7);
	memcpy(msg, &req, sizeof(req));
	memcpy(msg + sizeof(req), "lantern!", 8);
	LT_CHECK_EQ(sendto(s, msg, sizeof(msg), 0, (struct sockaddr *)&to, sizeof(to)),
		    (ssize_t)sizeof(msg));
	LT_CHECK_OK(getsockname(s, (struct sockaddr *)&me, &mlen));
	LT_CHECK(me.sin_port != 0);		/* the identifier is the socket's "port" */
	LT_CHECK_EQ(wait_readable(s), 1);
	n = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
	LT_CHECK_EQ(n, (int)sizeof(msg));
	LT_CHECK_EQ(rep->type, ICMP_ECHOREPLY);
	LT_CHECK_EQ(rep->code, 0);
	LT_CHECK_EQ(ntohs(rep->un.echo.sequence), 7);
	LT_CHECK_EQ(rep->un.echo.id, me.sin_port);
	LT_CHECK(!memcmp(buf + sizeof(req), "lantern!", 8));
	LT_CHECK_EQ(csum(buf, n), 0);		/* a valid checksum sums to zero */
	LT_CHECK_EQ(from.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	LT_CHECK(lt_snmp("Icmp", "InEchos") > echos);
	LT_CHECK(lt_snmp("Icmp", "InEchoReps") > reps);
	/* only echo requests may be sent */
	((struct icmphdr *)msg)->type = ICMP_TIMESTAMP;
	LT_CHECK_ERR(sendto(s, msg, sizeof(msg), 0, (struct sockaddr *)&to, sizeof(to)), EINVAL);
	LT_CHECK_ERR(sendto(s, msg, 4, 0, (struct sockaddr *)&to, sizeof(to)), EINVAL);
	close(s);
	/* outside the range: refused */
	LT_CHECK_OK(write_file(RANGE, "1 0"));
	LT_CHECK_ERR(socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), EACCES);
	LT_CHECK_ERR(write_file(RANGE, "0 abc"), EINVAL);
	old[strcspn(old, "\n")] = 0;
	LT_CHECK_OK(write_file(RANGE, old));
}

LT_CASE(raw_icmp_root_only)
{
	struct sockaddr_in to = lo_addr();
	unsigned char pkt[sizeof(struct icmphdr) + 4], buf[512];
	struct icmphdr *ic = (struct icmphdr *)pkt;
	int s, i, got = 0;
	pid_t pid;

	LT_CHECK_ERR(socket(AF_INET, SOCK_RAW, 0), EPROTONOSUPPORT);
	s = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	LT_CHECK(s >= 0);
	memset(pkt, 0, sizeof(pkt));
	ic->type = ICMP_ECHO;
	ic->un.echo.id = htons(0x4c54);
	ic->un.echo.sequence = htons(1);
	memcpy(pkt + sizeof(*ic), "rawp", 4);
	ic->checksum = csum(pkt, sizeof(pkt));
	LT_CHECK_EQ(sendto(s, pkt, sizeof(pkt), 0, (struct sockaddr *)&to, sizeof(to)),
		    (ssize_t)sizeof(pkt));
	/* the raw socket sees every ICMP packet: our request, then the reply */
	for (i = 0; i < 4 && !got; i++) {
		struct iphdr *ip = (struct iphdr *)buf;
		struct icmphdr *r;
		int n;

		if (wait_readable(s) != 1)
			break;
		n = recv(s, buf, sizeof(buf), 0);
		LT_CHECK(n >= (int)(sizeof(*ip) + sizeof(*r)));
		LT_CHECK_EQ(ip->version, 4);
		LT_CHECK_EQ(ip->protocol, IPPROTO_ICMP);
		LT_CHECK_EQ(n, ntohs(ip->tot_len));
		r = (struct icmphdr *)(buf + ip->ihl * 4);
		if (r->type == ICMP_ECHOREPLY && r->un.echo.id == htons(0x4c54)) {
			LT_CHECK(!memcmp(buf + ip->ihl * 4 + sizeof(*r), "rawp", 4));
			got = 1;
		}
	}
	LT_CHECK(got);
	close(s);
	pid = fork();
	if (pid == 0) {
		if (setuid(1000))
			_exit(2);
		_exit(socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) < 0 && errno == EPERM ? 0 : 3);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(protocol_unreachable)
{
	/* a packet of a protocol no one handles: "protocol unreachable" goes back */
	struct sockaddr_in to = lo_addr();
	long out = lt_snmp("Icmp", "OutDestUnreachs"), unk = lt_snmp("Ip", "InUnknownProtos");
	unsigned char pkt[24];
	struct iphdr *ip = (struct iphdr *)pkt;
	int s = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);

	LT_CHECK(s >= 0);
	memset(pkt, 0, sizeof(pkt));
	ip->version = 4;
	ip->ihl = 5;
	ip->ttl = 64;
	ip->protocol = 202;
	ip->daddr = htonl(INADDR_LOOPBACK);
	LT_CHECK_EQ(sendto(s, pkt, sizeof(pkt), 0, (struct sockaddr *)&to, sizeof(to)), 24);
	usleep(20000);
	LT_CHECK_EQ(lt_snmp("Ip", "InUnknownProtos"), unk + 1);
	LT_CHECK_EQ(lt_snmp("Icmp", "OutDestUnreachs"), out + 1);
	close(s);
}

/*
 * Linux boots with lo down and lets init bring it up (which also gives it
 * 127.0.0.1/8); the test initramfs has no init scripts, so do it here.
 */

int main(void)
{
	lt_begin("net_icmp");
	lt_lo_up();
	/* the test initramfs mounts nothing: bring /proc and /sys (EBUSY if already there) */
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
	mkdir("/sys", 0555);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	LT_RUN(ping_socket_echo);
	LT_RUN(raw_icmp_root_only);
	LT_RUN(protocol_unreachable);
	return lt_end();
}
