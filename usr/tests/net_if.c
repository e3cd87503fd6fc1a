/*
 * Interface configuration and the network stack's files: the ioctls
 * ifconfig uses (SIOCGIFCONF, SIOCGIFFLAGS, SIOCGIFADDR, SIOCGIFNETMASK,
 * SIOCGIFMTU/SIOCSIFMTU, SIOCGIFHWADDR, SIOCGIFINDEX, SIOCGIFNAME) on
 * lo, who may set what, /sys/class/net/lo, /proc/net/{dev,route,udp,snmp},
 * the sysctls of /proc/sys/net, and fragmentation with reassembly when
 * lo's MTU is lowered.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"


static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY), n;

	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (int)strlen(s) ? 0 : -1;
}


static void set_ifname(struct ifreq *ifr, const char *name)
{
	memset(ifr, 0, sizeof(*ifr));
	strncpy(ifr->ifr_name, name, IFNAMSIZ - 1);
}

LT_CASE(lo_ioctls)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct ifreq ifr, reqs[16];
	struct ifconf ifc = { 0 };
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;
	int i, found = 0;

	LT_CHECK(s >= 0);
	set_ifname(&ifr, "lo");
	LT_CHECK_OK(ioctl(s, SIOCGIFFLAGS, &ifr));
	LT_CHECK(ifr.ifr_flags & IFF_UP);
	LT_CHECK(ifr.ifr_flags & IFF_LOOPBACK);
	LT_CHECK(ifr.ifr_flags & IFF_RUNNING);
	LT_CHECK(!(ifr.ifr_flags & IFF_BROADCAST));
	set_ifname(&ifr, "lo");
	LT_CHECK_OK(ioctl(s, SIOCGIFMTU, &ifr));
	LT_CHECK_EQ(ifr.ifr_mtu, 65536);
	set_ifname(&ifr, "lo");
	LT_CHECK_OK(ioctl(s, SIOCGIFADDR, &ifr));
	LT_CHECK_EQ(sin->sin_family, AF_INET);
	LT_CHECK_EQ(sin->sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	set_ifname(&ifr, "lo");
	LT_CHECK_OK(ioctl(s, SIOCGIFNETMASK, &ifr));
	LT_CHECK_EQ(((struct sockaddr_in *)&ifr.ifr_netmask)->sin_addr.s_addr, htonl(0xff000000));
	set_ifname(&ifr, "lo");
	LT_CHECK_OK(ioctl(s, SIOCGIFHWADDR, &ifr));
	LT_CHECK_EQ(ifr.ifr_hwaddr.sa_family, 772);	/* ARPHRD_LOOPBACK */
	LT_CHECK(!memcmp(ifr.ifr_hwaddr.sa_data, "\0\0\0\0\0\0", 6));
	set_ifname(&ifr, "lo");
	LT_CHECK_OK(ioctl(s, SIOCGIFINDEX, &ifr));
	LT_CHECK_EQ(ifr.ifr_ifindex, 1);
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = 1;
	LT_CHECK_OK(ioctl(s, SIOCGIFNAME, &ifr));
	LT_CHECK(!strcmp(ifr.ifr_name, "lo"));
	LT_CHECK_EQ(if_nametoindex("lo"), 1u);

	/* SIOCGIFCONF: the size alone, then the list */
	LT_CHECK_OK(ioctl(s, SIOCGIFCONF, &ifc));
	LT_CHECK(ifc.ifc_len >= (int)sizeof(struct ifreq));
	ifc.ifc_len = sizeof(reqs);
	ifc.ifc_req = reqs;
	LT_CHECK_OK(ioctl(s, SIOCGIFCONF, &ifc));
	LT_CHECK_EQ(ifc.ifc_len % (int)sizeof(struct ifreq), 0);
	for (i = 0; i < ifc.ifc_len / (int)sizeof(struct ifreq); i++)
		if (!strcmp(reqs[i].ifr_name, "lo") &&
		    ((struct sockaddr_in *)&reqs[i].ifr_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK))
			found = 1;
	LT_CHECK(found);

	/* errors */
	set_ifname(&ifr, "nosuch0");
	LT_CHECK_ERR(ioctl(s, SIOCGIFFLAGS, &ifr), ENODEV);
	LT_CHECK_ERR(ioctl(s, SIOCGIFADDR, &ifr), ENODEV);
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = 9999;
	LT_CHECK_ERR(ioctl(s, SIOCGIFNAME, &ifr), ENODEV);
	LT_CHECK_ERR(ioctl(s, SIOCGIFFLAGS, (void *)8), EFAULT);
	ifc.ifc_len = sizeof(reqs);
	ifc.ifc_req = (void *)8;
	LT_CHECK_ERR(ioctl(s, SIOCGIFCONF, &ifc), EFAULT);
	LT_CHECK_ERR(ioctl(s, 0x5401 /* TCGETS */, &ifr), ENOTTY);
	close(s);
}

LT_CASE(set_needs_net_admin)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct ifreq ifr;
	pid_t pid;

	LT_CHECK(s >= 0);
	set_ifname(&ifr, "lo");
	ifr.ifr_mtu = 65535;
	LT_CHECK_OK(ioctl(s, SIOCSIFMTU, &ifr));
	set_ifname(&ifr, "lo");
	LT_CHECK_OK(ioctl(s, SIOCGIFMTU, &ifr));
	LT_CHECK_EQ(ifr.ifr_mtu, 65535);
	set_ifname(&ifr, "lo");
	ifr.ifr_mtu = -5;
	LT_CHECK_ERR(ioctl(s, SIOCSIFMTU, &ifr), EINVAL);
	set_ifname(&ifr, "lo");
	ifr.ifr_mtu = 65536;
	LT_CHECK_OK(ioctl(s, SIOCSIFMTU, &ifr));
	pid = fork();
	if (pid == 0) {
		if (setuid(1000))
			_exit(2);
		set_ifname(&ifr, "lo");
		ifr.ifr_mtu = 1500;
		if (ioctl(s, SIOCSIFMTU, &ifr) == 0 || errno != EPERM)
			_exit(3);
		set_ifname(&ifr, "lo");
		if (ioctl(s, SIOCGIFFLAGS, &ifr))
			_exit(4);
		if (ioctl(s, SIOCSIFFLAGS, &ifr) == 0 || errno != EPERM)
			_exit(5);
		set_ifname(&ifr, "lo");
		((struct sockaddr_in *)&ifr.ifr_addr)->sin_family = AF_INET;
		((struct sockaddr_in *)&ifr.ifr_addr)->sin_addr.s_addr = htonl(0x7f000001);
		_exit(ioctl(s, SIOCSIFADDR, &ifr) == -1 && errno == EPERM ? 0 : 6);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(s);
}

LT_CASE(sys_class_net)
{
	char buf[256];
	long before, after;
	struct sockaddr_in a = { .sin_family = AF_INET };
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	LT_CHECK(lt_read_file("/sys/class/net/lo/address", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "00:00:00:00:00:00\n"));
	LT_CHECK(lt_read_file("/sys/class/net/lo/mtu", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "65536\n"));
	LT_CHECK(lt_read_file("/sys/class/net/lo/operstate", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "unknown\n"));
	LT_CHECK(lt_read_file("/sys/class/net/lo/ifindex", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "1\n"));
	LT_CHECK(lt_read_file("/sys/class/net/lo/type", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "772\n"));
	LT_CHECK(lt_read_file("/sys/class/net/lo/flags", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "0x9\n"));			/* IFF_UP | IFF_LOOPBACK */
	LT_CHECK(lt_read_file("/sys/class/net/lo/statistics/rx_packets", buf, sizeof(buf)) > 0);
	before = atol(buf);
	a.sin_port = htons(9);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	LT_CHECK(s >= 0);
	LT_CHECK_EQ(sendto(s, "x", 1, 0, (struct sockaddr *)&a, sizeof(a)), 1);
	usleep(20000);
	LT_CHECK(lt_read_file("/sys/class/net/lo/statistics/rx_packets", buf, sizeof(buf)) > 0);
	after = atol(buf);
	LT_CHECK(after >= before + 2);			/* the datagram and the ICMP error */
	LT_CHECK(lt_read_file("/sys/class/net/lo/statistics/tx_bytes", buf, sizeof(buf)) > 0);
	LT_CHECK(atol(buf) > 0);
	LT_CHECK_ERR(lt_read_file("/sys/class/net/nosuch0/mtu", buf, sizeof(buf)), ENOENT);
	close(s);
}

LT_CASE(proc_net_files)
{
	static char buf[16384];
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);
	char want[64];
	int s = socket(AF_INET, SOCK_DGRAM, 0), n;
	long out;

	LT_CHECK(lt_read_file("/proc/net/dev", buf, sizeof(buf)) > 0);
	LT_CHECK(!strncmp(buf, "Inter-|   Receive", 17));
	LT_CHECK(strstr(buf, "    lo: ") != NULL);
	/* Linux prints nothing at all while its main table does not exist */
	n = lt_read_file("/proc/net/route", buf, sizeof(buf));
	LT_CHECK(n >= 0);
	if (n > 0)
		LT_CHECK(!strncmp(buf, "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask", 55));
	/* a bound socket shows in /proc/net/udp, address and port in hex */
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	LT_CHECK(s >= 0);
	LT_CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof(a)));
	LT_CHECK_OK(getsockname(s, (struct sockaddr *)&a, &len));
	snprintf(want, sizeof(want), ": 0100007F:%04X 00000000:0000 07 ", ntohs(a.sin_port));
	LT_CHECK(lt_read_file("/proc/net/udp", buf, sizeof(buf)) > 0);
	LT_CHECK(!strncmp(buf, "   sl  local_address rem_address   st tx_queue rx_queue", 55));
	LT_CHECK(strstr(buf, want) != NULL);
	/* /proc/net/snmp follows traffic */
	out = lt_snmp("Udp", "OutDatagrams");
	LT_CHECK(out >= 0);
	LT_CHECK(lt_snmp("Ip", "DefaultTTL") == 64);
	LT_CHECK_EQ(sendto(s, "x", 1, 0, (struct sockaddr *)&a, sizeof(a)), 1);
	LT_CHECK_EQ(lt_snmp("Udp", "OutDatagrams"), out + 1);
	close(s);
	LT_CHECK(lt_read_file("/proc/net/udp", buf, sizeof(buf)) > 0);
	LT_CHECK(strstr(buf, want) == NULL);
}

LT_CASE(sysctls)
{
	char buf[64], old[64];
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);
	int s;

	LT_CHECK(lt_read_file("/proc/sys/net/core/somaxconn", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "4096\n"));
	LT_CHECK(lt_read_file("/proc/sys/net/core/rmem_default", buf, sizeof(buf)) > 0);
	LT_CHECK(atoi(buf) > 0);
	LT_CHECK(lt_read_file("/proc/sys/net/ipv4/ip_forward", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "0\n") || !strcmp(buf, "1\n"));
	LT_CHECK(lt_read_file("/proc/sys/net/ipv4/ip_default_ttl", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "64\n"));
	LT_CHECK(lt_read_file("/proc/sys/net/ipv4/ip_local_port_range", old, sizeof(old)) > 0);
	LT_CHECK(strchr(old, '\t') != NULL);
	LT_CHECK_OK(write_file("/proc/sys/net/ipv4/ip_local_port_range", "40000 40003"));
	LT_CHECK(lt_read_file("/proc/sys/net/ipv4/ip_local_port_range", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "40000\t40003\n"));
	s = socket(AF_INET, SOCK_DGRAM, 0);
	LT_CHECK(s >= 0);
	LT_CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof(a)));
	LT_CHECK_OK(getsockname(s, (struct sockaddr *)&a, &len));
	LT_CHECK(ntohs(a.sin_port) >= 40000 && ntohs(a.sin_port) <= 40003);
	close(s);
	LT_CHECK_ERR(write_file("/proc/sys/net/ipv4/ip_local_port_range", "50000 40000"), EINVAL);
	LT_CHECK_ERR(write_file("/proc/sys/net/ipv4/ip_local_port_range", "0 70000"), EINVAL);
	LT_CHECK_ERR(write_file("/proc/sys/net/ipv4/ip_default_ttl", "0"), EINVAL);
	LT_CHECK_OK(write_file("/proc/sys/net/ipv4/ip_local_port_range", old));
}

/* lo with a 1500-byte MTU: a 4000-byte datagram leaves in fragments and arrives whole. */
LT_CASE(fragments_over_small_mtu)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0), r = socket(AF_INET, SOCK_DGRAM, 0);
	int v = IP_PMTUDISC_DONT, i;
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);
	struct pollfd p;
	struct ifreq ifr;
	static unsigned char out[4000], in[4100];
	long creates = lt_snmp("Ip", "FragCreates"), oks = lt_snmp("Ip", "ReasmOKs");

	LT_CHECK(s >= 0 && r >= 0);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	LT_CHECK_OK(bind(r, (struct sockaddr *)&a, sizeof(a)));
	LT_CHECK_OK(getsockname(r, (struct sockaddr *)&a, &len));
	for (i = 0; i < (int)sizeof(out); i++)
		out[i] = i * 13 + 5;
	set_ifname(&ifr, "lo");
	ifr.ifr_mtu = 1500;
	LT_CHECK_OK(ioctl(s, SIOCSIFMTU, &ifr));
	LT_CHECK_OK(setsockopt(s, IPPROTO_IP, IP_MTU_DISCOVER, &v, sizeof(v)));
	LT_CHECK_EQ(sendto(s, out, sizeof(out), 0, (struct sockaddr *)&a, sizeof(a)),
		    (ssize_t)sizeof(out));
	p.fd = r;
	p.events = POLLIN;
	LT_CHECK_EQ(poll(&p, 1, 2000), 1);
	LT_CHECK_EQ(recv(r, in, sizeof(in), 0), (ssize_t)sizeof(out));
	LT_CHECK(!memcmp(in, out, sizeof(out)));
	LT_CHECK(lt_snmp("Ip", "FragCreates") >= creates + 3);
	LT_CHECK(lt_snmp("Ip", "ReasmOKs") >= oks + 1);
	/* with "do" discovery the datagram may not be fragmented */
	v = IP_PMTUDISC_DO;
	LT_CHECK_OK(setsockopt(s, IPPROTO_IP, IP_MTU_DISCOVER, &v, sizeof(v)));
	LT_CHECK_ERR(sendto(s, out, sizeof(out), 0, (struct sockaddr *)&a, sizeof(a)), EMSGSIZE);
	LT_CHECK_EQ(sendto(s, out, 1000, 0, (struct sockaddr *)&a, sizeof(a)), 1000);
	LT_CHECK_EQ(poll(&p, 1, 2000), 1);
	LT_CHECK_EQ(recv(r, in, sizeof(in), 0), 1000);
	set_ifname(&ifr, "lo");
	ifr.ifr_mtu = 65536;
	LT_CHECK_OK(ioctl(s, SIOCSIFMTU, &ifr));
	close(s);
	close(r);
}

/*
 * Linux boots with lo down and lets init bring it up (which also gives it
 * 127.0.0.1/8); the test initramfs has no init scripts, so do it here.
 */

int main(void)
{
	lt_begin("net_if");
	lt_lo_up();
	/* the test initramfs mounts nothing: bring /proc and /sys (EBUSY if already there) */
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
	mkdir("/sys", 0555);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	LT_RUN(lo_ioctls);
	LT_RUN(set_needs_net_admin);
	LT_RUN(sys_class_net);
	LT_RUN(proc_net_files);
	LT_RUN(sysctls);
	LT_RUN(fragments_over_small_mtu);
	return lt_end();
}
