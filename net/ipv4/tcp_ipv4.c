// SPDX-License-Identifier: GPL-2.0
/*
 * TCP over IPv4: the receive entry point IP calls for protocol 6
 * (tcp_v4_rcv: check the header and checksum, find the connection or
 * listener, run the state machine, answer strays with RST), the active
 * open (tcp_v4_connect: route, source address, ephemeral port, ISN) and
 * the passive one (tcp_v4_syn_recv_sock: a listener's child for a SYN).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/netdevice.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <net/checksum.h>
#include <net/icmp.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/protocol.h>
#include <net/route.h>
#include <net/snmp.h>
#include <net/tcp.h>
#include <uapi/linux/in.h>

/*
 * The initial sequence number: random, as RFC 9293 3.4.1 wants it
 * unpredictable (RFC 6528 hashes the four-tuple with a clock; a random
 * draw serves the same end).
 */
static u32 tcp_v4_init_seq(void)
{
	return get_random_u32();
}

int tcp_v4_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_in *usin = (struct sockaddr_in *)uaddr;
	struct inet_sock *inet = inet_sk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	__be32 daddr = usin->sin_addr.s_addr;
	struct rtable *rt;
	int err, tries;

	if (addr_len < (int)sizeof(struct sockaddr_in))
		return -EINVAL;
	if (usin->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	if (!daddr)
		daddr = htonl(INADDR_LOOPBACK);	/* Linux: 0.0.0.0 means this host */
	rt = ip_route_output(daddr, inet->inet_rcv_saddr);
	if (IS_ERR(rt))
		return PTR_ERR(rt);
	if (rt->rt_type == RTN_MULTICAST || rt->rt_type == RTN_BROADCAST) {
		ip_rt_put(rt);
		return -ENETUNREACH;
	}
	if (!inet->inet_saddr)
		inet->inet_saddr = rt->rt_src;
	if (!inet->inet_rcv_saddr)
		inet->inet_rcv_saddr = inet->inet_saddr;
	tp->pmtu = rt->dst.dev ? rt->dst.dev->mtu : 576;
	ip_rt_put(rt);

	inet->inet_dport = usin->sin_port;
	inet->inet_daddr = daddr;
	tcp_set_state(sk, TCP_SYN_SENT);

	/* a port, and a four-tuple nobody else has */
	for (tries = 0; tries < 16; tries++) {
		if (!inet->inet_num) {
			err = inet_csk_bind_port(sk, 0);
			if (err)
				goto failure;
		}
		if (inet_ehash_unique(sk))
			break;
		if (inet_csk(sk)->icsk_port_locked) {
			err = -EADDRNOTAVAIL;
			goto failure;
		}
		inet_put_port(sk);
	}
	if (tries == 16) {
		err = -EADDRNOTAVAIL;
		goto failure;
	}
	inet->inet_sport = htons(inet->inet_num);
	inet_hash(sk);

	tp->advmss = min_t(u32, tp->pmtu - sizeof(struct iphdr) - sizeof(struct tcphdr), 65495);
	if (tp->user_mss && tp->user_mss < tp->advmss)
		tp->advmss = tp->user_mss;
	tp->mss_cache = TCP_MSS_DEFAULT;
	tp->iss = tcp_v4_init_seq();
	tp->tsoffset = get_random_u32();
	inet_csk(sk)->icsk_rto = TCP_TIMEOUT_INIT;
	err = tcp_connect(sk);
	if (err)
		goto failure;
	return 0;

failure:
	tcp_set_state(sk, TCP_CLOSE);
	inet->inet_dport = 0;
	inet->inet_daddr = 0;
	return err;
}

/*
 * A listener's child for the SYN in @skb: addresses from the packet,
 * options from the SYN, settings from the listener.  Returned locked and
 * held, hashed and on the listener's SYN queue; NULL without memory.
 */
struct sock *tcp_v4_syn_recv_sock(struct sock *parent, struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	const struct tcphdr *th = tcp_hdr(skb);
	struct tcp_sock *ptp = tcp_sk(parent);
	struct inet_sock *newinet;
	struct tcp_sock *tp;
	struct sock *sk;
	struct rtable *rt;

	rt = ip_route_output(iph->saddr, iph->daddr);
	if (IS_ERR(rt))
		return NULL;
	sk = kzalloc(parent->sk_prot->obj_size, GFP_ATOMIC);
	if (!sk) {
		ip_rt_put(rt);
		return NULL;
	}
	sk->sk_family = AF_INET;
	refcount_set(&sk->sk_refcnt, 1);
	sock_init_data(NULL, sk);
	sk->sk_type = parent->sk_type;
	sk->sk_protocol = parent->sk_protocol;
	sk->sk_prot = parent->sk_prot;
	sk->sk_reuse = parent->sk_reuse;
	sk->sk_reuseport = parent->sk_reuseport;
	sk->sk_flags = parent->sk_flags & ~(1UL << SOCK_DEAD | 1UL << SOCK_DONE);
	sk->sk_lingertime = parent->sk_lingertime;
	sk->sk_rcvtimeo = parent->sk_rcvtimeo;
	sk->sk_sndtimeo = parent->sk_sndtimeo;
	sk->sk_rcvlowat = parent->sk_rcvlowat;
	sk->sk_priority = parent->sk_priority;
	sk->sk_uid = parent->sk_uid;	/* not current's: this runs in a softirq */
	tcp_init_sock(sk);
	sk->sk_sndbuf = parent->sk_sndbuf;
	sk->sk_rcvbuf = parent->sk_rcvbuf;
	tp = tcp_sk(sk);
	tp->sndbuf_auto = parent->sk_sndbuf == ptp->sndbuf_auto ? sk->sk_sndbuf : 0;
	tp->rcvbuf_auto = parent->sk_rcvbuf == ptp->rcvbuf_auto ? sk->sk_rcvbuf : 0;
	tp->nonagle = ptp->nonagle;
	tp->keepalive_time = ptp->keepalive_time;
	tp->keepalive_intvl = ptp->keepalive_intvl;
	tp->keepalive_probes = ptp->keepalive_probes;
	tp->linger2 = ptp->linger2;
	tp->user_mss = ptp->user_mss;
	tp->user_timeout = ptp->user_timeout;

	newinet = inet_sk(sk);
	newinet->tos = inet_sk(parent)->tos;
	newinet->uc_ttl = inet_sk(parent)->uc_ttl;
	newinet->mc_ttl = inet_sk(parent)->mc_ttl;
	newinet->is_icsk = 1;
	newinet->inet_saddr = iph->daddr;
	newinet->inet_rcv_saddr = iph->daddr;
	newinet->inet_daddr = iph->saddr;
	newinet->inet_sport = th->dest;
	newinet->inet_dport = th->source;
	tp->pmtu = rt->dst.dev ? rt->dst.dev->mtu : 576;
	ip_rt_put(rt);

	tcp_parse_options(skb, &tp->rx_opt);
	tp->rx_opt.tstamp_ok = tp->rx_opt.saw_tstamp;
	if (tp->rx_opt.saw_tstamp) {
		tp->rx_opt.ts_recent = tp->rx_opt.rcv_tsval;
		tp->rx_opt.ts_recent_stamp = jiffies;
	}
	tp->advmss = min_t(u32, tp->pmtu - sizeof(struct iphdr) - sizeof(struct tcphdr), 65495);
	if (tp->user_mss && tp->user_mss < tp->advmss)
		tp->advmss = tp->user_mss;
	tp->mss_cache = TCP_MSS_DEFAULT;
	tcp_select_initial_window(sk, &tp->rx_opt.rcv_wscale);
	if (!tp->rx_opt.wscale_ok)
		tp->rx_opt.rcv_wscale = 0;
	tp->irs = TCP_SKB_CB(skb)->seq;
	tp->rcv_nxt = tp->irs + 1;
	tp->rcv_wup = tp->rcv_nxt;
	tp->copied_seq = tp->rcv_nxt;
	tp->iss = tcp_v4_init_seq();
	tp->tsoffset = get_random_u32();
	tp->snd_una = tp->snd_nxt = tp->write_seq = tp->iss;
	tp->snd_wnd = ntohs(th->window);
	tp->snd_wl1 = tp->irs;
	inet_csk(sk)->icsk_rto = TCP_TIMEOUT_INIT;

	sk->sk_state = TCP_SYN_RECV;
	TCP_INC_STATS(TCP_MIB_PASSIVEOPENS);
	sock_hold(sk);			/* for the caller */
	spin_lock(&sk->sk_lock);
	inet_csk_reqsk_queue_add(parent, sk);
	inet_hash(sk);
	return sk;
}

static bool tcp_checksum_ok(struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);

	if (skb->ip_summed == CHECKSUM_UNNECESSARY)
		return true;
	return !csum_tcpudp_magic(iph->saddr, iph->daddr, skb->len, IPPROTO_TCP,
				  csum_partial(skb->data, skb->len, 0));
}

/* IP's handler for protocol 6; owns @skb. */
int tcp_v4_rcv(struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct tcp_skb_cb *tcb;
	const struct tcphdr *th;
	unsigned int hlen;
	struct sock *sk;

	if (skb->pkt_type != PACKET_HOST && skb->pkt_type != PACKET_LOOPBACK)
		goto discard;
	/* Linux's accounting: too short is dropped, a bad offset or checksum is an error */
	if (skb->len < sizeof(struct tcphdr))
		goto discard;
	skb_reset_transport_header(skb);
	th = tcp_hdr(skb);
	hlen = th->doff * 4;
	if (hlen < sizeof(struct tcphdr))
		goto bad_packet;
	if (hlen > skb->len)
		goto discard;
	if (!tcp_checksum_ok(skb)) {
		TCP_INC_STATS(TCP_MIB_CSUMERRORS);
		goto bad_packet;
	}
	TCP_INC_STATS(TCP_MIB_INSEGS);
	/* no TCP to or from a broadcast or multicast address (RFC 1122 4.2.3.10) */
	if (ipv4_is_multicast(iph->daddr) || ipv4_is_lbcast(iph->daddr) ||
	    ipv4_is_multicast(iph->saddr) || ipv4_is_lbcast(iph->saddr))
		goto discard;

	memset(skb->cb, 0, sizeof(skb->cb));
	tcb = TCP_SKB_CB(skb);
	tcb->seq = ntohl(th->seq);
	tcb->end_seq = tcb->seq + th->syn + th->fin + skb->len - hlen;
	tcb->ack_seq = ntohl(th->ack_seq);
	tcb->tcp_flags = ((u8 *)th)[13];
	tcb->window = ntohs(th->window);
	skb_pull(skb, hlen);

lookup:
	sk = __inet_lookup(&tcp_hashinfo, iph->saddr, th->source, iph->daddr, th->dest);
	if (!sk)
		goto no_tcp_socket;

	bh_lock_sock(sk);
	if (sk->sk_state == TCP_TIME_WAIT && th->syn && !th->rst && !th->ack &&
	    after(tcb->seq, tcp_sk(sk)->rcv_nxt)) {
		/* a new incarnation of a connection in TIME_WAIT (RFC 1122 4.2.2.13) */
		tcp_done(sk);
		bh_unlock_sock(sk);
		sock_put(sk);
		goto lookup;
	}
	tcp_sk(sk)->lrcvtime = jiffies;
	if (tcp_rcv_state_process(sk, skb)) {
		tcp_v4_send_reset(sk, skb);
		bh_unlock_sock(sk);
		sock_put(sk);
		goto discard;
	}
	bh_unlock_sock(sk);
	sock_put(sk);
	return 0;

no_tcp_socket:
	tcp_v4_send_reset(NULL, skb);
	goto discard;
bad_packet:
	TCP_INC_STATS(TCP_MIB_INERRS);
discard:
	kfree_skb(skb);
	return 0;
}

/*
 * An ICMP error about one of our segments (RFC 1122 4.2.3.9): fatal to a
 * connection still in its handshake (connect fails with its errno);
 * otherwise only remembered (sk_err_soft), reported if the connection
 * later times out.  "Fragmentation needed" lowers the MSS to the MTU
 * the router named (path MTU discovery, RFC 1191).
 */
static void tcp_v4_err(struct sk_buff *skb, u32 info)
{
	const struct iphdr *iph = ip_hdr(skb);
	const struct tcphdr *th = (const struct tcphdr *)skb->data;
	const struct icmphdr *icmph = icmp_hdr(skb);
	struct sock *sk;
	bool fatal;
	int err;

	sk = __inet_lookup(&tcp_hashinfo, iph->daddr, th->dest, iph->saddr, th->source);
	if (!sk)
		return;
	bh_lock_sock(sk);
	if (sk->sk_state == TCP_LISTEN || sk->sk_state == TCP_CLOSE)
		goto out;
	/* it must quote a segment we have in flight, or anyone could abort us */
	if (!between(ntohl(th->seq), tcp_sk(sk)->snd_una, tcp_sk(sk)->snd_nxt))
		goto out;
	if (icmph->type == ICMP_DEST_UNREACH && icmph->code == ICMP_FRAG_NEEDED) {
		if (info >= 68 && info < tcp_sk(sk)->pmtu) {
			tcp_sk(sk)->pmtu = info;
			tcp_sync_mss(sk, info);
		}
		goto out;
	}
	err = icmp_err_convert(icmph->type, icmph->code, &fatal);
	if (!err)
		goto out;
	if (sk->sk_state == TCP_SYN_SENT && fatal) {
		sk->sk_err = err;
		tcp_write_queue_purge(sk);
		tcp_done(sk);
		sk->sk_error_report(sk);
	} else {
		sk->sk_err_soft = err;
	}
out:
	bh_unlock_sock(sk);
	sock_put(sk);
}

static const struct net_protocol tcp_protocol = {
	.handler	= tcp_v4_rcv,
	.err_handler	= tcp_v4_err,
};

static struct inet_protosw tcp_protosw = {
	.type		= SOCK_STREAM,
	.protocol	= IPPROTO_TCP,
	.prot		= &tcp_prot,
	.ops		= &inet_stream_ops,
	.flags		= INET_PROTOSW_PERMANENT | INET_PROTOSW_ICSK,
};

int __init tcp_v4_init(void)
{
	inet_hashinfo_init(&tcp_hashinfo);
	tcp_mib[TCP_MIB_RTOALGORITHM] = 1;	/* RFC 6298's (Van Jacobson's) */
	tcp_mib[TCP_MIB_RTOMIN] = jiffies_to_msecs(TCP_RTO_MIN);
	tcp_mib[TCP_MIB_RTOMAX] = jiffies_to_msecs(TCP_RTO_MAX);
	tcp_mib[TCP_MIB_MAXCONN] = (unsigned long)-1;	/* no limit */
	inet_register_protosw(&tcp_protosw);
	return inet_add_protocol(&tcp_protocol, IPPROTO_TCP);
}
