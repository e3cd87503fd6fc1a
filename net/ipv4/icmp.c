// SPDX-License-Identifier: GPL-2.0
/*
 * ICMP for IPv4 (RFC 792, 1122): the network's control messages.
 *
 * In: an echo request is answered with an echo reply carrying the same
 * identifier, sequence and data; an echo reply goes to the ping socket
 * whose identifier it carries; an error (destination unreachable, time
 * exceeded, parameter problem) quotes the IP header and first 8 bytes
 * of the packet that caused it, which is enough to find the transport
 * and the socket it came from: that transport's err_handler turns it
 * into an errno on the socket (ECONNREFUSED for port unreachable...).
 *
 * Out: icmp_send reports a packet we could not deliver back to its
 * sender.  RFC 1122 3.2.2 lists what must never get an error: an ICMP
 * error itself, a fragment other than the first, a broadcast or
 * multicast, a packet from an address that is not a host's.  Errors are
 * also rate limited (net.ipv4.icmp_msgs_per_sec), so a flood of bad
 * packets cannot be turned into a flood of replies.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/byteorder.h>
#include <uapi/linux/in.h>
#include <net/checksum.h>
#include <net/icmp.h>
#include <net/ip.h>
#include <net/ping.h>
#include <net/protocol.h>
#include <net/raw.h>
#include <net/route.h>
#include <net/snmp.h>

unsigned long icmp_mib[ICMP_MIB_MAX];
unsigned long icmpmsg_in[256], icmpmsg_out[256];

int sysctl_icmp_echo_ignore_all;
int sysctl_icmp_echo_ignore_broadcasts = 1;
int sysctl_icmp_msgs_per_sec = 1000;
int sysctl_icmp_msgs_burst = 50;

static const struct icmp_err {
	int errno;
	bool fatal;
} icmp_err_convert_table[NR_ICMP_UNREACH + 1] = {
	{ ENETUNREACH, true },	/* ICMP_NET_UNREACH */
	{ EHOSTUNREACH, true },	/* ICMP_HOST_UNREACH */
	{ ENOPROTOOPT, true },	/* ICMP_PROT_UNREACH */
	{ ECONNREFUSED, true },	/* ICMP_PORT_UNREACH */
	{ EMSGSIZE, false },	/* ICMP_FRAG_NEEDED */
	{ EOPNOTSUPP, false },	/* ICMP_SR_FAILED */
	{ ENETUNREACH, true },	/* ICMP_NET_UNKNOWN */
	{ EHOSTDOWN, true },	/* ICMP_HOST_UNKNOWN */
	{ ENONET, true },	/* ICMP_HOST_ISOLATED */
	{ ENETUNREACH, true },	/* ICMP_NET_ANO */
	{ EHOSTUNREACH, true },	/* ICMP_HOST_ANO */
	{ ENETUNREACH, false },	/* ICMP_NET_UNR_TOS */
	{ EHOSTUNREACH, false },	/* ICMP_HOST_UNR_TOS */
	{ EHOSTUNREACH, true },	/* ICMP_PKT_FILTERED */
	{ EHOSTUNREACH, true },	/* ICMP_PREC_VIOLATION */
	{ EHOSTUNREACH, true },	/* ICMP_PREC_CUTOFF */
};

/* The errno (positive) an ICMP error means to a socket; *fatal: it ends a connection. */
int icmp_err_convert(int type, int code, bool *fatal)
{
	switch (type) {
	case ICMP_DEST_UNREACH:
		if (code >= 0 && code <= NR_ICMP_UNREACH) {
			*fatal = icmp_err_convert_table[code].fatal;
			return icmp_err_convert_table[code].errno;
		}
		break;
	case ICMP_PARAMETERPROB:
		*fatal = true;
		return EPROTO;
	case ICMP_TIME_EXCEEDED:
		*fatal = false;
		return EHOSTUNREACH;
	}
	*fatal = false;
	return EHOSTUNREACH;
}

/* A token bucket shared by all ICMP output but echo replies. */
static bool icmp_global_allow(void)
{
	static unsigned long stamp;
	static int credit = -1;
	unsigned long now = jiffies;

	if (credit < 0) {
		credit = sysctl_icmp_msgs_burst;
		stamp = now;
	}
	if (now != stamp) {
		unsigned long add = (now - stamp) * sysctl_icmp_msgs_per_sec / HZ;

		if (add) {
			credit = min_t(unsigned long, sysctl_icmp_msgs_burst, credit + add);
			stamp = now;
		}
	}
	if (!credit)
		return false;
	credit--;
	return true;
}

static bool icmp_is_error(int type)
{
	return type == ICMP_DEST_UNREACH || type == ICMP_SOURCE_QUENCH ||
	       type == ICMP_REDIRECT || type == ICMP_TIME_EXCEEDED ||
	       type == ICMP_PARAMETERPROB;
}

/*
 * Send ICMP @type/@code about @skb_in (ip_hdr valid, data anywhere in
 * it) to its source.  Safe from the softirq: the reply goes out through
 * the device queue, never straight back into the input path.
 */
void icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info)
{
	const struct iphdr *iph = ip_hdr(skb_in);
	unsigned char *nh = skb_network_header(skb_in);
	struct icmphdr *icmph;
	struct sk_buff *skb;
	unsigned int room, qlen;
	__be32 saddr;

	if (nh < skb_in->head || nh + sizeof(*iph) > skb_in->tail)
		return;
	if (skb_in->pkt_type != PACKET_HOST)
		return;
	if (ipv4_is_multicast(iph->daddr) || iph->daddr == htonl(INADDR_BROADCAST) ||
	    ipv4_is_zeronet(iph->saddr) || ipv4_is_multicast(iph->saddr) ||
	    iph->saddr == htonl(INADDR_BROADCAST))
		return;
	if (iph->frag_off & htons(IP_OFFSET))
		return;		/* only the first fragment may be answered */
	if (iph->protocol == IPPROTO_ICMP) {
		const u8 *itype = nh + iph->ihl * 4;

		/* never an error about an error (or about something we cannot read) */
		if (itype + 1 > skb_in->tail || icmp_is_error(*itype) || *itype > NR_ICMP_TYPES)
			return;
	}
	if (!icmp_global_allow())
		return;

	/* Quote as much of the packet as fits a 576-byte datagram (RFC 1812 4.3.2.3). */
	room = 576 - sizeof(struct iphdr) - sizeof(struct icmphdr);
	qlen = min_t(unsigned int, skb_in->tail - nh, ntohs(iph->tot_len));
	qlen = min(qlen, room);
	skb = alloc_skb(MAX_HEADER + sizeof(*icmph) + qlen, GFP_ATOMIC);
	if (!skb)
		return;
	skb_reserve(skb, MAX_HEADER);
	icmph = skb_put(skb, sizeof(*icmph));
	memset(icmph, 0, sizeof(*icmph));
	icmph->type = type;
	icmph->code = code;
	icmph->un.gateway = info;
	memcpy(skb_put(skb, qlen), nh, qlen);
	icmph->checksum = ip_compute_csum(skb->data, skb->len);

	/* Reply from the address the packet was sent to, if it is ours. */
	saddr = inet_addr_is_local(iph->daddr) ? iph->daddr : 0;
	ICMP_INC_STATS(ICMP_MIB_OUTMSGS);
	__atomic_fetch_add(&icmpmsg_out[type], 1, __ATOMIC_RELAXED);
	if (ip_build_and_send_pkt(skb, NULL, saddr, iph->saddr, IPPROTO_ICMP))
		ICMP_INC_STATS(ICMP_MIB_OUTERRORS);
}

static void icmp_echo(struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct icmphdr *icmph;
	struct sk_buff *reply;

	if (sysctl_icmp_echo_ignore_all)
		return;
	if (skb->pkt_type != PACKET_HOST && sysctl_icmp_echo_ignore_broadcasts)
		return;
	reply = alloc_skb(MAX_HEADER + skb->len, GFP_ATOMIC);
	if (!reply)
		return;
	skb_reserve(reply, MAX_HEADER);
	icmph = skb_put(reply, skb->len);
	memcpy(icmph, skb->data, skb->len);
	icmph->type = ICMP_ECHOREPLY;
	icmph->code = 0;
	icmph->checksum = 0;
	icmph->checksum = ip_compute_csum(reply->data, reply->len);
	ICMP_INC_STATS(ICMP_MIB_OUTMSGS);
	__atomic_fetch_add(&icmpmsg_out[ICMP_ECHOREPLY], 1, __ATOMIC_RELAXED);
	if (ip_build_and_send_pkt(reply, NULL,
				  skb->pkt_type == PACKET_HOST ? iph->daddr : 0,
				  iph->saddr, IPPROTO_ICMP))
		ICMP_INC_STATS(ICMP_MIB_OUTERRORS);
}

/*
 * An error about a packet we sent.  skb->data is just past the ICMP
 * header, at the quoted IP header: check it, then give the quoted
 * transport header to raw sockets and the transport's err_handler.
 */
static void icmp_unreach(struct sk_buff *skb)
{
	const struct icmphdr *icmph = icmp_hdr(skb);
	const struct net_protocol *ipprot;
	const struct iphdr *inner;
	u32 info = 0;
	int protocol;

	skb_pull(skb, sizeof(struct icmphdr));
	if (skb->len < sizeof(struct iphdr))
		goto error;
	inner = (const struct iphdr *)skb->data;
	if (inner->ihl < 5 || inner->version != 4 || skb->len < inner->ihl * 4U + 8)
		goto error;
	if (icmph->type == ICMP_DEST_UNREACH && icmph->code == ICMP_FRAG_NEEDED)
		info = ntohs(icmph->un.frag.mtu);
	else if (icmph->type == ICMP_PARAMETERPROB)
		info = ntohl(icmph->un.gateway) >> 24;
	protocol = inner->protocol;
	skb_set_network_header(skb, 0);
	skb_pull(skb, inner->ihl * 4);
	raw_icmp_error(skb, protocol, info);
	ipprot = READ_ONCE(inet_protos[protocol]);
	if (ipprot && ipprot->err_handler)
		ipprot->err_handler(skb, info);
	return;
error:
	ICMP_INC_STATS(ICMP_MIB_INERRORS);
}

static int icmp_rcv(struct sk_buff *skb)
{
	struct icmphdr *icmph;

	ICMP_INC_STATS(ICMP_MIB_INMSGS);
	if (skb->len < sizeof(struct icmphdr))
		goto error;
	if (ip_compute_csum(skb->data, skb->len)) {
		ICMP_INC_STATS(ICMP_MIB_CSUMERRORS);
		goto error;
	}
	icmph = icmp_hdr(skb);
	__atomic_fetch_add(&icmpmsg_in[icmph->type], 1, __ATOMIC_RELAXED);
	switch (icmph->type) {
	case ICMP_ECHO:
		icmp_echo(skb);
		break;
	case ICMP_ECHOREPLY:
		if (ping_rcv(skb))
			return 0;	/* a ping socket took it */
		break;
	case ICMP_DEST_UNREACH:
	case ICMP_TIME_EXCEEDED:
	case ICMP_PARAMETERPROB:
		/* errors about broadcasts we did not send are noise (RFC 1122 3.2.2) */
		if (skb->pkt_type == PACKET_HOST)
			icmp_unreach(skb);
		break;
	default:
		break;
	}
	kfree_skb(skb);
	return 0;
error:
	ICMP_INC_STATS(ICMP_MIB_INERRORS);
	kfree_skb(skb);
	return 0;
}

static const struct net_protocol icmp_protocol = {
	.handler = icmp_rcv,
	.err_handler = ping_err,
};

void icmp_init(void)
{
	if (inet_add_protocol(&icmp_protocol, IPPROTO_ICMP))
		pr_err("icmp: cannot register\n");
}
