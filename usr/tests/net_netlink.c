/*
 * NETLINK_ROUTE sockets: port ids (bind, autobind, EADDRINUSE), the
 * link, address and route dumps (sequence numbers, NLM_F_MULTI,
 * NLMSG_DONE), adding and deleting an address with ACKs, the errors
 * (EADDRNOTAVAIL, EOPNOTSUPP, EPERM for the unprivileged), and a
 * truncated message that is ignored.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

/* The netlink ABI (musl has no linux/ headers): Linux's numbers and layouts. */
#define NETLINK_ROUTE	0
struct sockaddr_nl {
	sa_family_t nl_family;
	unsigned short nl_pad;
	unsigned int nl_pid, nl_groups;
};
struct nlmsghdr {
	unsigned int nlmsg_len;
	unsigned short nlmsg_type, nlmsg_flags;
	unsigned int nlmsg_seq, nlmsg_pid;
};
struct nlmsgerr {
	int error;
	struct nlmsghdr msg;
};
#define NLM_F_REQUEST	0x01
#define NLM_F_MULTI	0x02
#define NLM_F_ACK	0x04
#define NLM_F_DUMP	0x300
#define NLM_F_EXCL	0x200
#define NLM_F_CREATE	0x400
#define NLMSG_ERROR	0x2
#define NLMSG_DONE	0x3
#define NLMSG_ALIGN(len)	(((len) + 3U) & ~3U)
#define NLMSG_HDRLEN	((int)NLMSG_ALIGN(sizeof(struct nlmsghdr)))
#define NLMSG_LENGTH(len)	((len) + NLMSG_HDRLEN)
#define NLMSG_DATA(nlh)	((void *)((char *)(nlh) + NLMSG_HDRLEN))
#define NLMSG_OK(nlh, len)	((len) >= (int)sizeof(struct nlmsghdr) && \
	(nlh)->nlmsg_len >= sizeof(struct nlmsghdr) && (int)(nlh)->nlmsg_len <= (len))
#define NLMSG_NEXT(nlh, len)	((len) -= NLMSG_ALIGN((nlh)->nlmsg_len), \
	(struct nlmsghdr *)((char *)(nlh) + NLMSG_ALIGN((nlh)->nlmsg_len)))
struct rtattr {
	unsigned short rta_len, rta_type;
};
#define RTA_ALIGN(len)	(((len) + 3U) & ~3U)
#define RTA_LENGTH(len)	(RTA_ALIGN(sizeof(struct rtattr)) + (len))
#define RTA_DATA(rta)	((void *)((char *)(rta) + RTA_LENGTH(0)))
#define RTA_OK(rta, len)	((len) >= (int)sizeof(struct rtattr) && \
	(rta)->rta_len >= sizeof(struct rtattr) && (int)(rta)->rta_len <= (len))
#define RTA_NEXT(rta, len)	((len) -= RTA_ALIGN((rta)->rta_len), \
	(struct rtattr *)((char *)(rta) + RTA_ALIGN((rta)->rta_len)))
enum { RTM_NEWLINK = 16, RTM_GETLINK = 18, RTM_NEWADDR = 20, RTM_DELADDR = 21,
       RTM_GETADDR = 22, RTM_NEWROUTE = 24, RTM_GETROUTE = 26 };
struct ifinfomsg {
	unsigned char ifi_family, __ifi_pad;
	unsigned short ifi_type;
	int ifi_index;
	unsigned int ifi_flags, ifi_change;
};
struct ifaddrmsg {
	unsigned char ifa_family, ifa_prefixlen, ifa_flags, ifa_scope;
	unsigned int ifa_index;
};
struct rtmsg {
	unsigned char rtm_family, rtm_dst_len, rtm_src_len, rtm_tos;
	unsigned char rtm_table, rtm_protocol, rtm_scope, rtm_type;
	unsigned int rtm_flags;
};
#define IFLA_IFNAME	3
#define IFLA_MTU	4
#define IFA_LOCAL	2
#define RTA_DST		1
#define RTN_LOCAL	2
#define RT_TABLE_LOCAL	255

static int nl_open(void)
{
	struct sockaddr_nl a = { .nl_family = AF_NETLINK };
	int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof(a)))
		return -1;
	return s;
}

static unsigned int seqno = 100;

/* Send a request with a @hlen-byte header @hdr (and @extra attributes appended). */
static int nl_request(int s, int type, int flags, const void *hdr, int hlen, const void *extra,
		      int elen)
{
	char buf[512];
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	struct sockaddr_nl k = { .nl_family = AF_NETLINK };

	memset(buf, 0, sizeof(buf));
	nlh->nlmsg_len = NLMSG_LENGTH(NLMSG_ALIGN(hlen) + elen);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++seqno;
	memcpy(NLMSG_DATA(nlh), hdr, hlen);
	memcpy((char *)NLMSG_DATA(nlh) + NLMSG_ALIGN(hlen), extra, elen);
	return sendto(s, buf, nlh->nlmsg_len, 0, (struct sockaddr *)&k, sizeof(k));
}

/* Wait for and read one datagram. */
static int nl_recv(int s, char *buf, int len)
{
	struct pollfd p = { .fd = s, .events = POLLIN };

	if (poll(&p, 1, 2000) != 1) {
		errno = EAGAIN;
		return -1;
	}
	return recv(s, buf, len, 0);
}

/* The error of the NLMSG_ERROR answering the last request, or 1 if something else came. */
static int nl_ack(int s)
{
	char buf[1024];
	int n = nl_recv(s, buf, sizeof(buf));
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;

	if (n < (int)NLMSG_LENGTH(sizeof(struct nlmsgerr)) || nlh->nlmsg_type != NLMSG_ERROR ||
	    nlh->nlmsg_seq != seqno)
		return 1;
	return ((struct nlmsgerr *)NLMSG_DATA(nlh))->error;
}

static struct rtattr *find_attr(struct nlmsghdr *nlh, int hlen, int type)
{
	int len = nlh->nlmsg_len - NLMSG_LENGTH(NLMSG_ALIGN(hlen));
	struct rtattr *rta = (struct rtattr *)((char *)NLMSG_DATA(nlh) + NLMSG_ALIGN(hlen));

	for (; RTA_OK(rta, len); rta = RTA_NEXT(rta, len))
		if (rta->rta_type == type)
			return rta;
	return NULL;
}

LT_CASE(port_ids)
{
	struct sockaddr_nl a;
	socklen_t len = sizeof(a);
	int s = nl_open(), t;

	LT_CHECK(s >= 0);
	LT_CHECK_OK(getsockname(s, (struct sockaddr *)&a, &len));
	LT_CHECK_EQ(len, sizeof(a));
	LT_CHECK_EQ(a.nl_family, AF_NETLINK);
	LT_CHECK_EQ(a.nl_pid, (unsigned int)getpid());	/* the first one gets the pid */
	t = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	LT_CHECK(t >= 0);
	LT_CHECK_ERR(bind(t, (struct sockaddr *)&a, sizeof(a)), EADDRINUSE);
	a.nl_pid = 0;
	LT_CHECK_OK(bind(t, (struct sockaddr *)&a, sizeof(a)));
	len = sizeof(a);
	LT_CHECK_OK(getsockname(t, (struct sockaddr *)&a, &len));
	LT_CHECK(a.nl_pid != 0 && a.nl_pid != (unsigned int)getpid());
	close(t);
	a.nl_family = AF_INET;
	t = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	LT_CHECK_ERR(bind(t, (struct sockaddr *)&a, sizeof(a)), EINVAL);
	close(t);
	LT_CHECK_ERR(socket(AF_NETLINK, SOCK_STREAM, NETLINK_ROUTE), ESOCKTNOSUPPORT);
	close(s);
}

LT_CASE(link_dump)
{
	struct ifinfomsg ifm = { .ifi_family = AF_UNSPEC };
	static char buf[16384];
	int s = nl_open(), n, done = 0, found = 0, i;
	struct sockaddr_nl me;
	socklen_t len = sizeof(me);

	LT_CHECK(s >= 0);
	LT_CHECK_OK(getsockname(s, (struct sockaddr *)&me, &len));
	LT_CHECK(nl_request(s, RTM_GETLINK, NLM_F_DUMP, &ifm, sizeof(ifm), NULL, 0) > 0);
	for (i = 0; i < 10 && !done; i++) {
		struct nlmsghdr *nlh = (struct nlmsghdr *)buf;

		n = nl_recv(s, buf, sizeof(buf));
		LT_CHECK(n > 0);
		for (; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			struct ifinfomsg *ifi = NLMSG_DATA(nlh);
			struct rtattr *rta;

			LT_CHECK_EQ(nlh->nlmsg_seq, seqno);
			LT_CHECK_EQ(nlh->nlmsg_pid, me.nl_pid);
			if (nlh->nlmsg_type == NLMSG_DONE) {
				done = 1;
				break;
			}
			LT_CHECK_EQ(nlh->nlmsg_type, RTM_NEWLINK);
			LT_CHECK(nlh->nlmsg_flags & NLM_F_MULTI);
			rta = find_attr(nlh, sizeof(*ifi), IFLA_IFNAME);
			LT_CHECK(rta != NULL);
			if (strcmp(RTA_DATA(rta), "lo"))
				continue;
			found = 1;
			LT_CHECK_EQ(ifi->ifi_index, 1);
			LT_CHECK_EQ(ifi->ifi_type, 772);
			LT_CHECK(ifi->ifi_flags & IFF_UP);
			LT_CHECK(ifi->ifi_flags & IFF_LOOPBACK);
			rta = find_attr(nlh, sizeof(*ifi), IFLA_MTU);
			LT_CHECK(rta != NULL);
			LT_CHECK_EQ(*(unsigned int *)RTA_DATA(rta), 65536u);
		}
	}
	LT_CHECK(done && found);
	/* one link by index: a single RTM_NEWLINK, no DONE */
	ifm.ifi_index = 1;
	LT_CHECK(nl_request(s, RTM_GETLINK, 0, &ifm, sizeof(ifm), NULL, 0) > 0);
	n = nl_recv(s, buf, sizeof(buf));
	LT_CHECK(n > 0);
	LT_CHECK_EQ(((struct nlmsghdr *)buf)->nlmsg_type, RTM_NEWLINK);
	ifm.ifi_index = 9999;
	LT_CHECK(nl_request(s, RTM_GETLINK, 0, &ifm, sizeof(ifm), NULL, 0) > 0);
	LT_CHECK_EQ(nl_ack(s), -ENODEV);
	close(s);
}

/* Is @addr/@plen on lo, in an RTM_GETADDR dump? */
static int addr_listed(int s, in_addr_t addr, int plen)
{
	struct ifaddrmsg ifa = { .ifa_family = AF_INET };
	static char buf[16384];
	int n, found = 0, i;

	if (nl_request(s, RTM_GETADDR, NLM_F_DUMP, &ifa, sizeof(ifa), NULL, 0) <= 0)
		return -1;
	for (i = 0; i < 10; i++) {
		struct nlmsghdr *nlh = (struct nlmsghdr *)buf;

		n = nl_recv(s, buf, sizeof(buf));
		if (n <= 0)
			return -1;
		for (; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			struct ifaddrmsg *m = NLMSG_DATA(nlh);
			struct rtattr *rta;

			if (nlh->nlmsg_type == NLMSG_DONE)
				return found;
			if (nlh->nlmsg_type != RTM_NEWADDR || m->ifa_family != AF_INET)
				return -1;
			rta = find_attr(nlh, sizeof(*m), IFA_LOCAL);
			if (rta && *(in_addr_t *)RTA_DATA(rta) == addr && m->ifa_prefixlen == plen &&
			    m->ifa_index == 1)
				found = 1;
		}
	}
	return -1;
}

LT_CASE(addresses)
{
	struct {
		struct rtattr rta;
		in_addr_t addr;
	} local = { { RTA_LENGTH(4), IFA_LOCAL }, 0 };
	/* scope host, as lo's first address: Linux refuses a second one of another scope */
	struct ifaddrmsg ifa = { .ifa_family = AF_INET, .ifa_prefixlen = 8, .ifa_scope = 254,
				 .ifa_index = 1 };
	int s = nl_open();
	pid_t pid;

	LT_CHECK(s >= 0);
	LT_CHECK_EQ(addr_listed(s, htonl(INADDR_LOOPBACK), 8), 1);
	local.addr = inet_addr("127.0.0.77");
	LT_CHECK_EQ(addr_listed(s, local.addr, 8), 0);
	LT_CHECK(nl_request(s, RTM_NEWADDR, NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, &ifa, sizeof(ifa),
			    &local, sizeof(local)) > 0);
	LT_CHECK_EQ(nl_ack(s), 0);
	LT_CHECK_EQ(addr_listed(s, local.addr, 8), 1);
	LT_CHECK(nl_request(s, RTM_NEWADDR, NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, &ifa, sizeof(ifa),
			    &local, sizeof(local)) > 0);
	LT_CHECK_EQ(nl_ack(s), -EEXIST);
	pid = fork();
	if (pid == 0) {
		int t;

		if (setuid(1000))
			_exit(2);
		t = nl_open();
		if (t < 0)
			_exit(3);
		if (nl_request(t, RTM_DELADDR, NLM_F_ACK, &ifa, sizeof(ifa), &local,
			       sizeof(local)) <= 0)
			_exit(4);
		_exit(nl_ack(t) == -EPERM ? 0 : 5);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK(nl_request(s, RTM_DELADDR, NLM_F_ACK, &ifa, sizeof(ifa), &local, sizeof(local)) > 0);
	LT_CHECK_EQ(nl_ack(s), 0);
	LT_CHECK_EQ(addr_listed(s, local.addr, 8), 0);
	LT_CHECK(nl_request(s, RTM_DELADDR, NLM_F_ACK, &ifa, sizeof(ifa), &local, sizeof(local)) > 0);
	LT_CHECK_EQ(nl_ack(s), -EADDRNOTAVAIL);
	close(s);
}

LT_CASE(route_dump_and_errors)
{
	struct rtmsg rtm = { .rtm_family = AF_INET };
	static char buf[16384];
	int s = nl_open(), n, i, done = 0, local127 = 0;
	char junk[64];

	LT_CHECK(s >= 0);
	LT_CHECK(nl_request(s, RTM_GETROUTE, NLM_F_DUMP, &rtm, sizeof(rtm), NULL, 0) > 0);
	for (i = 0; i < 10 && !done; i++) {
		struct nlmsghdr *nlh = (struct nlmsghdr *)buf;

		n = nl_recv(s, buf, sizeof(buf));
		LT_CHECK(n > 0);
		for (; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			struct rtmsg *r = NLMSG_DATA(nlh);
			struct rtattr *dst;

			if (nlh->nlmsg_type == NLMSG_DONE) {
				done = 1;
				break;
			}
			LT_CHECK_EQ(nlh->nlmsg_type, RTM_NEWROUTE);
			dst = find_attr(nlh, sizeof(*r), RTA_DST);
			/* "local 127.0.0.0/8 dev lo table local" */
			if (r->rtm_type == RTN_LOCAL && r->rtm_dst_len == 8 && dst &&
			    *(in_addr_t *)RTA_DATA(dst) == htonl(0x7f000000) &&
			    r->rtm_table == RT_TABLE_LOCAL)
				local127 = 1;
		}
	}
	LT_CHECK(done && local127);
	/* a message type nobody handles */
	LT_CHECK(nl_request(s, 99, NLM_F_ACK, &rtm, sizeof(rtm), NULL, 0) > 0);
	LT_CHECK_EQ(nl_ack(s), -EOPNOTSUPP);
	/* a header claiming more than was sent: ignored, no answer */
	memset(junk, 0, sizeof(junk));
	((struct nlmsghdr *)junk)->nlmsg_len = 200;
	((struct nlmsghdr *)junk)->nlmsg_type = RTM_GETLINK;
	((struct nlmsghdr *)junk)->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	LT_CHECK_EQ(send(s, junk, sizeof(junk), 0), (ssize_t)sizeof(junk));
	LT_CHECK_ERR(recv(s, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	LT_CHECK_ERR(send(s, (void *)8, 32, 0), EFAULT);
	close(s);
}

/*
 * Linux boots with lo down and lets init bring it up (which also gives it
 * 127.0.0.1/8); the test initramfs has no init scripts, so do it here.
 */

int main(void)
{
	lt_begin("net_netlink");
	lt_lo_up();
	LT_RUN(port_ids);
	LT_RUN(link_dump);
	LT_RUN(addresses);
	LT_RUN(route_dump_and_errors);
	return lt_end();
}
