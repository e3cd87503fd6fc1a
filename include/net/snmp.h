/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The MIB counters of /proc/net/snmp (RFC 1213 and its successors):
 * every packet IP, ICMP and UDP receive or drop is counted here, which
 * is how a malformed packet the stack threw away can be seen.  Lantern
 * runs on one CPU, so the counters are plain words updated with
 * interrupts (softirqs) in mind: only the NET_RX softirq and process
 * context with bottom halves off touch them.
 */
#ifndef _NET_SNMP_H
#define _NET_SNMP_H

#include <linux/types.h>

enum {
	IPSTATS_MIB_INRECEIVES,
	IPSTATS_MIB_INHDRERRORS,
	IPSTATS_MIB_INADDRERRORS,
	IPSTATS_MIB_FORWDATAGRAMS,
	IPSTATS_MIB_INUNKNOWNPROTOS,
	IPSTATS_MIB_INDISCARDS,
	IPSTATS_MIB_INDELIVERS,
	IPSTATS_MIB_OUTREQUESTS,
	IPSTATS_MIB_OUTDISCARDS,
	IPSTATS_MIB_OUTNOROUTES,
	IPSTATS_MIB_REASMTIMEOUT,
	IPSTATS_MIB_REASMREQDS,
	IPSTATS_MIB_REASMOKS,
	IPSTATS_MIB_REASMFAILS,
	IPSTATS_MIB_FRAGOKS,
	IPSTATS_MIB_FRAGFAILS,
	IPSTATS_MIB_FRAGCREATES,
	IPSTATS_MIB_MAX
};

/* IpExt of /proc/net/netstat */
enum {
	IPEXT_MIB_INTRUNCATEDPKTS,
	IPEXT_MIB_CSUMERRORS,
	IPEXT_MIB_REASMOVERLAPS,
	IPEXT_MIB_MAX
};

enum {
	ICMP_MIB_INMSGS,
	ICMP_MIB_INERRORS,
	ICMP_MIB_CSUMERRORS,
	ICMP_MIB_OUTMSGS,
	ICMP_MIB_OUTERRORS,
	ICMP_MIB_MAX
};

enum {
	UDP_MIB_INDATAGRAMS,
	UDP_MIB_NOPORTS,
	UDP_MIB_INERRORS,
	UDP_MIB_OUTDATAGRAMS,
	UDP_MIB_RCVBUFERRORS,
	UDP_MIB_SNDBUFERRORS,
	UDP_MIB_CSUMERRORS,
	UDP_MIB_IGNOREDMULTI,
	UDP_MIB_MEMERRORS,
	UDP_MIB_MAX
};

/* RFC 4022's TCP group; tcp.c counts, net/ipv4/proc.c prints */
enum {
	TCP_MIB_RTOALGORITHM,
	TCP_MIB_RTOMIN,
	TCP_MIB_RTOMAX,
	TCP_MIB_MAXCONN,
	TCP_MIB_ACTIVEOPENS,
	TCP_MIB_PASSIVEOPENS,
	TCP_MIB_ATTEMPTFAILS,
	TCP_MIB_ESTABRESETS,
	TCP_MIB_CURRESTAB,
	TCP_MIB_INSEGS,
	TCP_MIB_OUTSEGS,
	TCP_MIB_RETRANSSEGS,
	TCP_MIB_INERRS,
	TCP_MIB_OUTRSTS,
	TCP_MIB_CSUMERRORS,
	TCP_MIB_MAX
};

extern unsigned long tcp_mib[TCP_MIB_MAX];
#define TCP_INC_STATS(f)	__atomic_fetch_add(&tcp_mib[f], 1, __ATOMIC_RELAXED)
#define TCP_DEC_STATS(f)	__atomic_fetch_sub(&tcp_mib[f], 1, __ATOMIC_RELAXED)

struct seq_file;
int snmp_seq_show(struct seq_file *m, void *v);
int netstat_seq_show(struct seq_file *m, void *v);

extern unsigned long ip_mib[IPSTATS_MIB_MAX];
extern unsigned long ip_ext_mib[IPEXT_MIB_MAX];
extern unsigned long icmp_mib[ICMP_MIB_MAX];
extern unsigned long icmpmsg_in[256], icmpmsg_out[256];
extern unsigned long udp_mib[UDP_MIB_MAX];

#define __IP_INC_STATS(f)	(ip_mib[f]++)
#define IP_INC_STATS(f)		__atomic_fetch_add(&ip_mib[f], 1, __ATOMIC_RELAXED)
#define IP_ADD_STATS(f, n)	__atomic_fetch_add(&ip_mib[f], (n), __ATOMIC_RELAXED)
#define ICMP_INC_STATS(f)	__atomic_fetch_add(&icmp_mib[f], 1, __ATOMIC_RELAXED)
#define UDP_INC_STATS(f)	__atomic_fetch_add(&udp_mib[f], 1, __ATOMIC_RELAXED)

#endif
