// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the network receive path: the kernel's own
 * net/core, net/ethernet, net/ipv4, net/packet and the loopback device,
 * compiled for the host.  Once, at start, the stack is brought up as at
 * boot (the initcalls), with a fake Ethernet device eth0 holding
 * 10.0.2.15/24, a default route through 10.0.2.2 and a permanent
 * neighbour entry for it, and a few sockets that received packets can
 * reach: UDP bound to 10.0.2.15:7 and to *:53, a raw ICMP socket, a ping
 * socket and an AF_PACKET socket for every protocol.
 *
 * An input is a sequence of frames, each
 *	u16 length (little-endian), u8 flags, <length> bytes of Ethernet frame
 * (a short last record takes what is left).  Flags bit 0 marks the frame's
 * checksums as verified by the device (virtio-net's DATA_VALID); bit 1
 * has the harness recompute the IPv4 header checksum, bit 2 the TCP, UDP
 * or ICMP checksum of an unfragmented datagram, so that mutations get past
 * the checksums to the code behind them; bits 4-7 are seconds that pass
 * before the frame (fragment queues time out, neighbours go stale).  Each
 * frame goes the way virtio-net hands one over: eth_type_trans and
 * netif_receive_skb with bottom halves off, then whatever the softirq has
 * queued (loopback traffic) runs.  What the stack sends back reaches the
 * fake device's ndo_start_xmit, which frees it; what the sockets queued
 * is freed after each input, and then enough time passes for every timer
 * (reassembly, neighbour, ARP retries) to fire.
 *
 * A sanitizer report, a crash, a WARN_ON or a leak (LeakSanitizer runs
 * whenever an input's allocations and frees do not balance) is a bug in
 * the network code: a malformed packet must be counted and dropped.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/inetdevice.h>
#include <linux/init.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/sched.h>
#include <linux/skbuff.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <net/arp.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/tcp.h>
#include <net/udp.h>
#include <uapi/linux/tcp.h>
#include <net/neighbour.h>
#include <net/sock.h>
#include <uapi/linux/in.h>
#include <net/route.h>
#include <uapi/linux/if_ether.h>
#include <asm/byteorder.h>
#include "../../../net/ipv4/fib.h"
#include "fuzz_libc.h"
#include "fuzz_net.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

extern const initcall_t __initcall_net_dev_init4, __initcall_inet_init5,
	__initcall_packet_init5, __initcall_loopback_init6, __initcall_tcp_init6;
extern int sysctl_ping_group_range[2];

#define IP(a, b, c, d)	htonl(((a) << 24) | ((b) << 16) | ((c) << 8) | (d))
#define MAX_FRAMES	32

static const u8 eth0_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const u8 gw_mac[ETH_ALEN] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };

static struct net_device *eth0;
static unsigned long frames_sent;

/* The last TCP segment sent on eth0: the harness answers a connect's SYN. */
static struct { bool valid; __be16 sport; u32 seq; } last_tcp;

static struct task_struct fuzz_task;
static struct cred fuzz_cred;

/* The wire: what the stack sends is counted and freed. */
static netdev_tx_t fuzz_xmit(struct sk_buff *skb, struct net_device *dev)
{
	if (skb->len < ETH_HLEN)
		host_die("a frame shorter than its Ethernet header was sent");
	frames_sent++;
	if (skb->len >= ETH_HLEN + sizeof(struct iphdr) + sizeof(struct tcphdr) &&
	    skb->data[12] == 0x08 && skb->data[13] == 0x00) {
		const struct iphdr *iph = (const struct iphdr *)(skb->data + ETH_HLEN);
		const struct tcphdr *th = (const struct tcphdr *)((const u8 *)iph + iph->ihl * 4);

		if (iph->protocol == IPPROTO_TCP &&
		    ETH_HLEN + iph->ihl * 4 + sizeof(*th) <= skb->len) {
			/* FUZZ_VERBOSE=1 shows them: mkseeds-net.py's sequence numbers */
			printk("fuzz: sent TCP %u -> %u seq %u ack %u flags %#x\n",
			       ntohs(th->source), ntohs(th->dest), ntohl(th->seq),
			       ntohl(th->ack_seq), ((const u8 *)th)[13]);
			last_tcp.valid = true;
			last_tcp.sport = th->source;
			last_tcp.seq = ntohl(th->seq);
		}
	}
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += skb->len;
	consume_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops fuzz_eth_ops = {
	.ndo_start_xmit = fuzz_xmit,
};

static void fuzz_eth_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &fuzz_eth_ops;
	memcpy(dev->dev_addr, eth0_mac, ETH_ALEN);
}

static void check(int err, const char *what)
{
	if (err < 0) {
		printk("fuzz: %s: %d\n", what, err);
		host_die(what);
	}
}

static struct socket *make_socket(int family, int type, int protocol)
{
	struct socket *sock = host_malloc(sizeof(*sock), 1);

	sock->type = type;
	check(fuzz_families[family]->create(sock, protocol, 1), "creating a socket");
	return sock;
}

static void bind_in(struct socket *sock, __be32 addr, u16 port)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = addr,
	};

	check(sock->ops->bind(sock, (struct sockaddr *)&sin, sizeof(sin)), "bind");
}

static struct socket *listener;	/* TCP, 10.0.2.15:80 */
static struct socket *sockets[8];
static unsigned int nsockets;

static void setup_sockets(void)
{
	struct socket *s;

	s = make_socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	bind_in(s, IP(10, 0, 2, 15), 7);
	sockets[nsockets++] = s;
	s = make_socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	bind_in(s, 0, 53);
	sockets[nsockets++] = s;
	sockets[nsockets++] = make_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	s = make_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);	/* ping */
	bind_in(s, 0, 0x1234);	/* the echo identifier */
	sockets[nsockets++] = s;
	sockets[nsockets++] = make_socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));

	listener = make_socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	bind_in(listener, IP(10, 0, 2, 15), 80);
	check(listener->ops->listen(listener, 8), "listen");
}

/* "ip neigh add 10.0.2.2 lladdr 52:55:0a:00:02:02 nud permanent dev eth0" */
static void add_gateway(void)
{
	struct neighbour *n = neigh_create(&arp_tbl, IP(10, 0, 2, 2), eth0);

	if (IS_ERR(n))
		host_die("neigh_create");
	check(neigh_update(n, gw_mac, NUD_PERMANENT, true), "neigh_update");
	neigh_release(n);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct fib_entry route = {
		.dst = 0, .prefixlen = 0, .mask = 0, .gateway = IP(10, 0, 2, 2),
		.type = RTN_UNICAST, .scope = RT_SCOPE_UNIVERSE, .protocol = RTPROT_BOOT,
		.table = RT_TABLE_MAIN,
	};
	fuzz_task.cred = fuzz_task.real_cred = &fuzz_cred;
	current_task = &fuzz_task;
	sysctl_ping_group_range[0] = 0;
	sysctl_ping_group_range[1] = 0;

	check(__initcall_net_dev_init4(), "net_dev_init");
	check(__initcall_inet_init5(), "inet_init");
	check(__initcall_packet_init5(), "packet_init");
	check(__initcall_loopback_init6(), "loopback_init");
	check(__initcall_tcp_init6(), "tcp_init");

	eth0 = alloc_netdev(0, "eth%d", fuzz_eth_setup);
	if (!eth0)
		host_die("alloc_netdev");
	check(register_netdev(eth0), "register_netdev");
	check(dev_open(eth0), "dev_open");
	netif_carrier_on(eth0);
	check(inet_ifa_add(eth0, IP(10, 0, 2, 15), 24), "inet_ifa_add");
	route.dev = eth0;
	check(fib_table_insert(&route), "the default route");

	add_gateway();
	setup_sockets();
	return 0;
}

/* Flags bits 1 and 2: make a mutated IPv4 frame's checksums right again. */
static void fix_checksums(u8 *frame, size_t len, u8 flags)
{
	struct iphdr *iph = (struct iphdr *)(frame + ETH_HLEN);
	unsigned int ihl, tot, plen;
	u8 *payload;

	if (len < ETH_HLEN + sizeof(*iph) || frame[12] != 0x08 || frame[13] != 0x00)
		return;
	ihl = iph->ihl * 4;
	if (ihl < sizeof(*iph) || ETH_HLEN + ihl > len)
		return;
	if (flags & 2) {
		iph->check = 0;
		iph->check = ip_fast_csum(iph, iph->ihl);
	}
	tot = ntohs(iph->tot_len);
	if (!(flags & 4) || tot < ihl || ETH_HLEN + tot > len || (ntohs(iph->frag_off) & 0x3fff))
		return;
	payload = (u8 *)iph + ihl;
	plen = tot - ihl;
	if (iph->protocol == IPPROTO_UDP && plen >= sizeof(struct udphdr)) {
		struct udphdr *uh = (struct udphdr *)payload;

		uh->check = 0;
		uh->check = csum_tcpudp_magic(iph->saddr, iph->daddr, plen, IPPROTO_UDP,
					      csum_partial(payload, plen, 0));
		if (!uh->check)
			uh->check = (__force __sum16)0xffff;
	} else if (iph->protocol == IPPROTO_TCP && plen >= sizeof(struct tcphdr)) {
		struct tcphdr *th = (struct tcphdr *)payload;

		th->check = 0;
		th->check = csum_tcpudp_magic(iph->saddr, iph->daddr, plen, IPPROTO_TCP,
					      csum_partial(payload, plen, 0));
	} else if (iph->protocol == IPPROTO_ICMP && plen >= 4) {
		payload[2] = payload[3] = 0;
		*(__sum16 *)(payload + 2) = ip_compute_csum(payload, plen);
	}
}

static void receive(const u8 *frame, size_t len, u8 flags);

static void receive(const u8 *frame, size_t len, u8 flags)
{
	struct sk_buff *skb;

	if (flags >> 4)
		fuzz_advance((flags >> 4) * HZ);
	/* A runt is the driver's to drop (virtio-net's receive_buf does), before the stack. */
	if (len < ETH_HLEN) {
		eth0->stats.rx_length_errors++;
		eth0->stats.rx_errors++;
		return;
	}
	skb = alloc_skb(len, GFP_ATOMIC);
	if (!skb)
		host_die("alloc_skb");
	memcpy(skb_put(skb, len), frame, len);
	fix_checksums(skb->data, len, flags);
	skb->ip_summed = (flags & 1) ? CHECKSUM_UNNECESSARY : CHECKSUM_NONE;
	eth0->stats.rx_packets++;
	eth0->stats.rx_bytes += len;
	/* As virtio-net's poll does it, in the NET_RX softirq. */
	local_bh_disable();
	skb->protocol = eth_type_trans(skb, eth0);
	netif_receive_skb(skb);
	local_bh_enable();
}


/*
 * TCP.  A listener on 10.0.2.15:80 lives for the whole run; each input
 * also starts with a connection 10.0.2.15:40000 -> 10.0.2.2:8080 brought
 * to ESTABLISHED (the harness answers its SYN) with 100 bytes of its own
 * in flight, so segments reach every state's code.  After the input, the connection and whatever the
 * listener accepted are closed with SO_LINGER 0 (an RST, no TIME_WAIT),
 * so the next input starts alike.  The random numbers (initial sequence
 * numbers) restart with every input: the seeds know them.
 */
#define TCP_CLIENT_PORT	40000
#define TCP_PEER_PORT	8080
#define TCP_PEER_ISN	0x10000000u

static void set_int_opt(struct socket *sock, int level, int name, int val)
{
	check(sock_setsockopt(sock, level, name, (void __user *)&val, sizeof(val)), "setsockopt");
}

static void set_abort_on_close(struct socket *sock)
{
	struct linger l = { .l_onoff = 1, .l_linger = 0 };

	check(sock_setsockopt(sock, SOL_SOCKET, SO_LINGER, (void __user *)&l, sizeof(l)),
	      "SO_LINGER");
}

static void release_socket(struct socket *sock)
{
	sock->ops->release(sock);
	host_free(sock);
}

/* A segment from 10.0.2.2:@sport, as the peer would send it. */
static void peer_segment(u16 sport, __be16 dport, u32 seq, u32 ack, bool syn)
{
	u8 frame[ETH_HLEN + sizeof(struct iphdr) + sizeof(struct tcphdr) + 4] = { 0 };
	struct iphdr *iph = (struct iphdr *)(frame + ETH_HLEN);
	struct tcphdr *th = (struct tcphdr *)(iph + 1);
	u8 *mss = (u8 *)(th + 1);

	memcpy(frame, eth0_mac, ETH_ALEN);
	memcpy(frame + ETH_ALEN, gw_mac, ETH_ALEN);
	frame[12] = 0x08;
	iph->version = 4;
	iph->ihl = 5;
	iph->tot_len = htons(sizeof(frame) - ETH_HLEN);
	iph->ttl = 64;
	iph->protocol = IPPROTO_TCP;
	iph->saddr = IP(10, 0, 2, 2);
	iph->daddr = IP(10, 0, 2, 15);
	th->source = htons(sport);
	th->dest = dport;
	th->seq = htonl(seq);
	th->ack_seq = htonl(ack);
	th->doff = (sizeof(*th) + 4) / 4;
	th->syn = syn;
	th->ack = 1;
	th->window = htons(65535);
	mss[0] = 2;		/* MSS 1460 */
	mss[1] = 4;
	mss[2] = 1460 >> 8;
	mss[3] = 1460 & 0xff;
	receive(frame, sizeof(frame), 6);
}

/*
 * TCP_IN_FLIGHT bytes sent and not yet acknowledged: ACKs, ICMP errors
 * and the retransmission timer have something to act on.
 */
#define TCP_IN_FLIGHT	100

static void tcp_send_in_flight(struct socket *sock)
{
	static u8 data[TCP_IN_FLIGHT];
	struct iovec iov = { .iov_base = data, .iov_len = sizeof(data) };
	struct msghdr msg = {
		.msg_iter = { .kernel = true, .iov = &iov, .nr_segs = 1, .count = sizeof(data) },
		.msg_flags = MSG_DONTWAIT | MSG_NOSIGNAL,
	};

	if (sock->ops->sendmsg(sock, &msg, sizeof(data)) != sizeof(data))
		host_die("the connection did not take its first data");
}

static struct socket *tcp_connect_established(void)
{
	struct socket *sock = make_socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	struct sockaddr_in peer = {
		.sin_family = AF_INET, .sin_port = htons(TCP_PEER_PORT),
		.sin_addr.s_addr = IP(10, 0, 2, 2),
	};
	int err;

	set_abort_on_close(sock);
	set_int_opt(sock, SOL_SOCKET, SO_REUSEADDR, 1);
	bind_in(sock, IP(10, 0, 2, 15), TCP_CLIENT_PORT);
	last_tcp.valid = false;
	err = sock->ops->connect(sock, (struct sockaddr *)&peer, sizeof(peer), O_NONBLOCK);
	if (err != -EINPROGRESS || !last_tcp.valid)
		host_die("connect did not send its SYN");
	peer_segment(TCP_PEER_PORT, last_tcp.sport, TCP_PEER_ISN, last_tcp.seq + 1, true);
	if (sock->sk->sk_state != TCP_ESTABLISHED)
		host_die("the handshake did not establish the connection");
	tcp_send_in_flight(sock);
	return sock;
}

/* Close what the listener accepted: the children of this input's handshakes. */
static void tcp_reap_children(void)
{
	for (;;) {
		struct socket *child = host_malloc(sizeof(*child), 1);

		child->type = SOCK_STREAM;
		if (listener->ops->accept(listener, child, O_NONBLOCK) < 0) {
			host_free(child);
			return;
		}
		child->ops = listener->ops;
		set_abort_on_close(child);
		release_socket(child);
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct socket *client;

	unsigned int frames = 0, i;

	fuzz_random_reset();
	client = tcp_connect_established();
	while (size >= 3 && frames < MAX_FRAMES) {
		size_t len = data[0] | (data[1] << 8);
		u8 flags = data[2];

		data += 3;
		size -= 3;
		if (len > size)
			len = size;
		receive(data, len, flags);
		data += len;
		size -= len;
		frames++;
	}
	do_softirq();
	/* What the sockets were given, as if read and thrown away. */
	for (i = 0; i < nsockets; i++) {
		struct sock *sk = sockets[i]->sk;

		skb_queue_purge(&sk->sk_receive_queue);
		skb_queue_purge(&sk->sk_error_queue);
		if (atomic_read(&sk->sk_rmem_alloc))
			host_die("a socket's receive memory is still charged with its queue empty");
	}
	tcp_reap_children();
	release_socket(client);
	/* Long enough for reassembly (30 s) and every neighbour timer to run out. */
	fuzz_advance(120 * HZ);
	/*
	 * What the input taught the neighbour table goes (with any packet
	 * still queued on an unresolved entry), so an input's allocations
	 * and frees balance and LeakSanitizer is only woken by a real leak;
	 * the gateway's entry is put back.
	 */
	neigh_ifdown(&arp_tbl, NULL);
	add_gateway();
	return 0;
}
