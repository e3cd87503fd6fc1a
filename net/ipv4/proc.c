// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/net/snmp and /proc/net/netstat: the MIB counters of IP, ICMP,
 * TCP and UDP, as pairs of lines (names, then values) in Linux's order,
 * which is what netstat -s and nstat parse.  TCP's counters (tcp_mib)
 * live here for tcp.c to increment.
 */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/sprintf.h>
#include <uapi/linux/icmp.h>
#include <net/ip.h>
#include <net/snmp.h>

unsigned long tcp_mib[TCP_MIB_MAX];

static void snmp_row(struct seq_file *m, const char *proto, const char *const *names,
		     const unsigned long *vals, int n, const char *lead_names, const char *lead_vals)
{
	int i;

	seq_printf(m, "%s:%s", proto, lead_names);
	for (i = 0; i < n; i++)
		seq_printf(m, " %s", names[i]);
	seq_printf(m, "\n%s:%s", proto, lead_vals);
	for (i = 0; i < n; i++)
		seq_printf(m, " %lu", READ_ONCE(vals[i]));
	seq_puts(m, "\n");
}

static const char *const ip_names[IPSTATS_MIB_MAX] = {
	"InReceives", "InHdrErrors", "InAddrErrors", "ForwDatagrams", "InUnknownProtos",
	"InDiscards", "InDelivers", "OutRequests", "OutDiscards", "OutNoRoutes",
	"ReasmTimeout", "ReasmReqds", "ReasmOKs", "ReasmFails", "FragOKs", "FragFails",
	"FragCreates",
};

static const char *const icmp_names[ICMP_MIB_MAX] = {
	"InMsgs", "InErrors", "InCsumErrors", "OutMsgs", "OutErrors",
};

/* Per-type ICMP counters in Linux's column order: InDestUnreachs ... */
static const struct {
	int type;
	const char *name;
} icmp_types[] = {
	{ 3, "DestUnreachs" }, { 4, "SrcQuenchs" }, { 5, "Redirects" }, { 8, "Echos" },
	{ 0, "EchoReps" }, { 11, "TimeExcds" }, { 12, "ParmProbs" }, { 13, "Timestamps" },
	{ 14, "TimestampReps" }, { 17, "AddrMasks" }, { 18, "AddrMaskReps" },
};

static const char *const tcp_names[TCP_MIB_MAX] = {
	"RtoAlgorithm", "RtoMin", "RtoMax", "MaxConn", "ActiveOpens", "PassiveOpens",
	"AttemptFails", "EstabResets", "CurrEstab", "InSegs", "OutSegs", "RetransSegs",
	"InErrs", "OutRsts", "InCsumErrors",
};

static const char *const udp_names[UDP_MIB_MAX] = {
	"InDatagrams", "NoPorts", "InErrors", "OutDatagrams", "RcvbufErrors", "SndbufErrors",
	"InCsumErrors", "IgnoredMulti", "MemErrors",
};

int snmp_seq_show(struct seq_file *m, void *v)
{
	static const unsigned long zeros[UDP_MIB_MAX];
	char fwd[32];
	int i;

	/* Ip: Forwarding is 1 (forwarding) or 2 (host), then DefaultTTL, then the counters. */
	scnprintf(fwd, sizeof(fwd), " %d %d", READ_ONCE(sysctl_ip_forward) ? 1 : 2,
		  READ_ONCE(sysctl_ip_default_ttl));
	snmp_row(m, "Ip", ip_names, ip_mib, IPSTATS_MIB_MAX, " Forwarding DefaultTTL", fwd);

	/* Icmp: the totals, then In<Type> for each type, then Out<Type>. */
	seq_puts(m, "Icmp:");
	for (i = 0; i < 3; i++)
		seq_printf(m, " %s", icmp_names[i]);
	for (i = 0; i < (int)ARRAY_SIZE(icmp_types); i++)
		seq_printf(m, " In%s", icmp_types[i].name);
	seq_printf(m, " %s %s", icmp_names[3], icmp_names[4]);
	for (i = 0; i < (int)ARRAY_SIZE(icmp_types); i++)
		seq_printf(m, " Out%s", icmp_types[i].name);
	seq_puts(m, "\nIcmp:");
	for (i = 0; i < 3; i++)
		seq_printf(m, " %lu", READ_ONCE(icmp_mib[i]));
	for (i = 0; i < (int)ARRAY_SIZE(icmp_types); i++)
		seq_printf(m, " %lu", READ_ONCE(icmpmsg_in[icmp_types[i].type]));
	seq_printf(m, " %lu %lu", READ_ONCE(icmp_mib[3]), READ_ONCE(icmp_mib[4]));
	for (i = 0; i < (int)ARRAY_SIZE(icmp_types); i++)
		seq_printf(m, " %lu", READ_ONCE(icmpmsg_out[icmp_types[i].type]));
	seq_puts(m, "\n");

	/* IcmpMsg: only the types seen, InType<n>/OutType<n>. */
	{
		bool any = false;

		for (i = 0; i < 256; i++)
			if (icmpmsg_in[i] || icmpmsg_out[i])
				any = true;
		if (any) {
			seq_puts(m, "IcmpMsg:");
			for (i = 0; i < 256; i++) {
				if (icmpmsg_in[i])
					seq_printf(m, " InType%d", i);
				if (icmpmsg_out[i])
					seq_printf(m, " OutType%d", i);
			}
			seq_puts(m, "\nIcmpMsg:");
			for (i = 0; i < 256; i++) {
				if (icmpmsg_in[i])
					seq_printf(m, " %lu", icmpmsg_in[i]);
				if (icmpmsg_out[i])
					seq_printf(m, " %lu", icmpmsg_out[i]);
			}
			seq_puts(m, "\n");
		}
	}

	/* Tcp: MaxConn is signed (-1: no limit) in Linux's output. */
	seq_puts(m, "Tcp:");
	for (i = 0; i < TCP_MIB_MAX; i++)
		seq_printf(m, " %s", tcp_names[i]);
	seq_puts(m, "\nTcp:");
	for (i = 0; i < TCP_MIB_MAX; i++) {
		if (i == TCP_MIB_MAXCONN)
			seq_printf(m, " %ld", (long)READ_ONCE(tcp_mib[i]));
		else
			seq_printf(m, " %lu", READ_ONCE(tcp_mib[i]));
	}
	seq_puts(m, "\n");

	snmp_row(m, "Udp", udp_names, udp_mib, UDP_MIB_MAX, "", "");
	snmp_row(m, "UdpLite", udp_names, zeros, UDP_MIB_MAX, "", "");
	return 0;
}

int netstat_seq_show(struct seq_file *m, void *v)
{
	static const char *const names[IPEXT_MIB_MAX] = {
		"InTruncatedPkts", "InCsumErrors", "ReasmOverlaps",
	};

	snmp_row(m, "IpExt", names, ip_ext_mib, IPEXT_MIB_MAX, "", "");
	return 0;
}
