/*
 * AF_PACKET memory-mapped rings (PACKET_MMAP), what libpcap uses: on lo,
 * TPACKET_V1, V2 and V3 receive rings see the UDP datagrams sent there,
 * with their headers, sockaddr_ll and contents; a full ring drops and
 * counts (PACKET_STATISTICS, TP_STATUS_LOSING, tp_freeze_q_cnt); a TX
 * ring sends what user space marks; and the setup checks (Linux's,
 * CVE-2017-7308's among them), EBUSY while a ring exists or is mapped,
 * and mmap of the wrong length.
 *
 * musl's <netpacket/packet.h> stops before the ring structures: they
 * are written out here from the uapi layout.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/udp.h>
#include <netpacket/packet.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#ifndef PACKET_RX_RING
#define PACKET_RX_RING		5
#endif
#ifndef PACKET_STATISTICS
#define PACKET_STATISTICS	6
#endif

#define TPACKET_V1	0
#define TPACKET_V2	1
#define TPACKET_V3	2

#define TP_STATUS_KERNEL	0
#define TP_STATUS_USER		(1 << 0)
#define TP_STATUS_LOSING	(1 << 2)
#define TP_STATUS_BLK_TMO	(1 << 5)
#define TP_STATUS_AVAILABLE	0
#define TP_STATUS_SEND_REQUEST	(1 << 0)
#define TP_STATUS_WRONG_FORMAT	(1 << 2)

#define ALIGN16(x)	(((x) + 15) & ~15u)

struct tp1_hdr {
	unsigned long tp_status;
	unsigned int tp_len, tp_snaplen;
	unsigned short tp_mac, tp_net;
	unsigned int tp_sec, tp_usec;
};

struct tp2_hdr {
	uint32_t tp_status, tp_len, tp_snaplen;
	uint16_t tp_mac, tp_net;
	uint32_t tp_sec, tp_nsec;
	uint16_t tp_vlan_tci, tp_vlan_tpid;
	uint8_t tp_padding[4];
};

struct tp3_hdr {
	uint32_t tp_next_offset, tp_sec, tp_nsec, tp_snaplen, tp_len, tp_status;
	uint16_t tp_mac, tp_net;
	uint32_t tp_rxhash, tp_vlan_tci;
	uint16_t tp_vlan_tpid, tp_padding;
	uint8_t tp_padding2[8];
};

struct tp_block_desc {
	uint32_t version, offset_to_priv;
	uint32_t block_status, num_pkts, offset_to_first_pkt, blk_len;
	uint64_t seq_num __attribute__((aligned(8)));
	uint32_t ts_first_sec, ts_first_nsec, ts_last_sec, ts_last_nsec;
};

struct tp_req {
	unsigned int tp_block_size, tp_block_nr, tp_frame_size, tp_frame_nr;
};

struct tp_req3 {
	unsigned int tp_block_size, tp_block_nr, tp_frame_size, tp_frame_nr;
	unsigned int tp_retire_blk_tov, tp_sizeof_priv, tp_feature_req_word;
};

struct tp_stats3 {
	unsigned int tp_packets, tp_drops, tp_freeze_q_cnt;
};

#define TPACKET_HDRLEN	(ALIGN16(sizeof(struct tp1_hdr)) + sizeof(struct sockaddr_ll))
#define TPACKET2_HDRLEN	(ALIGN16(sizeof(struct tp2_hdr)) + sizeof(struct sockaddr_ll))
#define TPACKET3_HDRLEN	(ALIGN16(sizeof(struct tp3_hdr)) + sizeof(struct sockaddr_ll))

static int lo_index;
static unsigned short udp_port;
static int udp_fd = -1;

static int pkt_sock(int type, int proto, int version)
{
	struct sockaddr_ll ll = { .sll_family = AF_PACKET, .sll_protocol = htons(proto),
				  .sll_ifindex = lo_index };
	int s = socket(AF_PACKET, type, htons(proto));

	if (s < 0)
		return -1;
	if (setsockopt(s, SOL_PACKET, PACKET_VERSION, &version, sizeof(version)) ||
	    bind(s, (struct sockaddr *)&ll, sizeof(ll))) {
		close(s);
		return -1;
	}
	return s;
}

/* A datagram to udp_port on 127.0.0.1 carrying @msg. */
static int send_udp(const char *msg)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(udp_port) };
	int s = socket(AF_INET, SOCK_DGRAM, 0), n;

	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	n = sendto(s, msg, strlen(msg), 0, (struct sockaddr *)&to, sizeof(to));
	close(s);
	return n;
}

/* Does the IP packet at @ip (@len bytes) carry UDP to udp_port with @msg? */
static int is_our_udp(const unsigned char *ip, unsigned int len, const char *msg)
{
	const struct iphdr *iph = (const void *)ip;
	const struct udphdr *uh;
	size_t ml = strlen(msg);

	if (len < 28 || iph->version != 4 || iph->protocol != IPPROTO_UDP)
		return 0;
	uh = (const void *)(ip + iph->ihl * 4);
	if (ntohs(uh->dest) != udp_port || len < iph->ihl * 4 + 8 + ml)
		return 0;
	return !memcmp(ip + iph->ihl * 4 + 8, msg, ml) && ntohs(iph->tot_len) == len;
}

static int wait_in(int s, int ms)
{
	struct pollfd p = { .fd = s, .events = POLLIN };

	return poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

static long now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec;
}

LT_CASE(bad_setup)
{
	int s = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)), v, u;
	long pg = sysconf(_SC_PAGESIZE);
	struct tp_req r = { pg, 2, 2048, 2 * pg / 2048 };
	struct tp_req3 r3 = { pg, 2, pg, 2, 100, 0, 0 };
	socklen_t len = sizeof(v);
	void *m;

	LT_CHECK(s >= 0);
	LT_CHECK_OK(getsockopt(s, SOL_PACKET, PACKET_VERSION, &v, &len));
	LT_CHECK_EQ(v, TPACKET_V1);
	v = 3;
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_VERSION, &v, sizeof(v)), EINVAL);
	v = TPACKET_V2;
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_VERSION, &v, 2), EINVAL);
	/* PACKET_HDRLEN: the size of the header of the version asked about */
	v = TPACKET_V1;
	len = sizeof(v);
	LT_CHECK_OK(getsockopt(s, SOL_PACKET, PACKET_HDRLEN, &v, &len));
	LT_CHECK_EQ(v, sizeof(struct tp1_hdr));
	v = TPACKET_V3;
	LT_CHECK_OK(getsockopt(s, SOL_PACKET, PACKET_HDRLEN, &v, &len));
	LT_CHECK_EQ(v, sizeof(struct tp3_hdr));
	v = 7;
	LT_CHECK_ERR(getsockopt(s, SOL_PACKET, PACKET_HDRLEN, &v, &len), EINVAL);
	/* no ring: nothing to map */
	LT_CHECK(mmap(NULL, pg, PROT_READ, MAP_SHARED, s, 0) == MAP_FAILED && errno == EINVAL);
	/* V1 checks */
	r.tp_frame_size = 2008;				/* not TPACKET_ALIGNMENT-aligned */
	r.tp_frame_nr = 4;
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)), EINVAL);
	r.tp_frame_size = 32;				/* smaller than the header */
	r.tp_frame_nr = 2 * pg / 32;
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)), EINVAL);
	r.tp_frame_size = 2048;
	r.tp_frame_nr = 3;				/* not frames per block * blocks */
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)), EINVAL);
	r.tp_block_size = pg + 16;			/* not whole pages */
	r.tp_frame_nr = 4;
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)), EINVAL);
	r.tp_block_size = pg;
	r.tp_frame_nr = 2 * pg / 2048;
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r) - 1), EINVAL);
	/*
	 * Bad pointers are refused (Lantern: EFAULT; Debian's 6.1 answered
	 * EINVAL in the test VM, so the errno is not pinned).
	 */
	LT_CHECK_EQ(setsockopt(s, SOL_PACKET, PACKET_RX_RING, (void *)16, sizeof(r)), -1);
	LT_CHECK_EQ(setsockopt(s, SOL_PACKET, PACKET_RX_RING, (void *)0xffffffff81000000ul,
			       sizeof(r)), -1);
	{
		/* more than the machine has (the test VMs have 1 GiB) */
		struct tp_req huge = { 0x7ffff000, 2, 0x7ffff000, 2 };

		LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &huge, sizeof(huge)),
			     ENOMEM);
	}
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)));
	/* one ring of each kind; the frame layout is fixed while one exists */
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)), EBUSY);
	v = TPACKET_V2;
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_VERSION, &v, sizeof(v)), EBUSY);
	v = 64;
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RESERVE, &v, sizeof(v)), EBUSY);
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_TX_RING, &r, sizeof(r)));
	/* the mapping is both rings, RX first, from offset 0 */
	LT_CHECK(mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0) == MAP_FAILED &&
		 errno == EINVAL);
	LT_CHECK(mmap(NULL, 5 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0) == MAP_FAILED &&
		 errno == EINVAL);
	LT_CHECK(mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, pg) == MAP_FAILED &&
		 errno == EINVAL);
	m = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
	LT_CHECK(m != MAP_FAILED);
	/* mapped: the ring stays */
	memset(&r, 0, sizeof(r));
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)), EBUSY);
	LT_CHECK_OK(munmap(m, 4 * pg));
	r.tp_frame_nr = 1;				/* tearing down: no frames */
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)), EINVAL);
	r.tp_frame_nr = 0;
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)));
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_TX_RING, &r, sizeof(r)));
	/* no ring left: the version may change */
	v = TPACKET_V3;
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_VERSION, &v, sizeof(v)));
	len = sizeof(v);
	LT_CHECK_OK(getsockopt(s, SOL_PACKET, PACKET_VERSION, &v, &len));
	LT_CHECK_EQ(v, TPACKET_V3);
	/* V3 takes a tpacket_req3 */
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r3, sizeof(struct tp_req)),
		     EINVAL);
	/* CVE-2017-7308: the private area must fit in the block with the descriptor */
	r3.tp_sizeof_priv = 3u << 30;
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r3, sizeof(r3)), EINVAL);
	r3.tp_sizeof_priv = pg - 48;
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r3, sizeof(r3)), EINVAL);
	r3.tp_sizeof_priv = 512;
	/* the TX ring takes no block options */
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_TX_RING, &r3, sizeof(r3)), EINVAL);
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r3, sizeof(r3)));
	v = TPACKET_V1;
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_VERSION, &v, sizeof(v)), EBUSY);
	m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
	LT_CHECK(m != MAP_FAILED);
	close(s);			/* the mapping outlives the socket's descriptor */
	LT_CHECK_EQ(((struct tp_block_desc *)m)->version, TPACKET_V3);
	LT_CHECK_OK(munmap(m, 2 * pg));
	/* only packet sockets map */
	u = socket(AF_INET, SOCK_DGRAM, 0);
	LT_CHECK(mmap(NULL, pg, PROT_READ, MAP_SHARED, u, 0) == MAP_FAILED && errno == ENODEV);
	close(u);
}

/* V1 and V2: frame by frame; returns the number of our datagrams seen. */
static int scan_frames(unsigned char *ring, unsigned int nframes, unsigned int fsize, int ver,
		       int dgram, const char *msg, int *bad)
{
	unsigned int i, hdr = ver == TPACKET_V1 ? sizeof(struct tp1_hdr) : sizeof(struct tp2_hdr);
	unsigned int hdrlen = ver == TPACKET_V1 ? TPACKET_HDRLEN : TPACKET2_HDRLEN;
	int seen = 0;

	for (i = 0; i < nframes; i++) {
		unsigned char *f = ring + i * fsize;
		struct sockaddr_ll *sll = (void *)(f + ALIGN16(hdr));
		unsigned long status;
		unsigned int tlen, snap, mac, net, sec;

		if (ver == TPACKET_V1) {
			struct tp1_hdr *h = (void *)f;

			status = h->tp_status, tlen = h->tp_len, snap = h->tp_snaplen;
			mac = h->tp_mac, net = h->tp_net, sec = h->tp_sec;
			if (h->tp_usec >= 1000000)
				*bad = __LINE__;
		} else {
			struct tp2_hdr *h = (void *)f;

			status = h->tp_status, tlen = h->tp_len, snap = h->tp_snaplen;
			mac = h->tp_mac, net = h->tp_net, sec = h->tp_sec;
			if (h->tp_nsec >= 1000000000 || h->tp_vlan_tci)
				*bad = __LINE__;
		}
		if (!(status & TP_STATUS_USER))
			continue;
		if (tlen != snap || net < mac || net + snap - (net - mac) > fsize)
			*bad = __LINE__;
		/* the network header is TPACKET_ALIGNMENT-aligned, after header and sockaddr_ll */
		if (net % 16 || net < hdrlen + 16)
			*bad = __LINE__;
		if (dgram && (mac != net || net != ALIGN16(hdrlen) + 16))
			*bad = __LINE__;
		if (sll->sll_family != AF_PACKET || sll->sll_ifindex != lo_index)
			*bad = __LINE__;
		if (labs((long)sec - now_sec()) > 5)
			*bad = __LINE__;
		if (is_our_udp(f + net, snap - (net - mac), msg)) {
			if (sll->sll_protocol != htons(ETH_P_IP))
				*bad = __LINE__;
			seen++;
		}
		/* give the frame back */
		__atomic_thread_fence(__ATOMIC_RELEASE);
		if (ver == TPACKET_V1)
			((struct tp1_hdr *)f)->tp_status = TP_STATUS_KERNEL;
		else
			((struct tp2_hdr *)f)->tp_status = TP_STATUS_KERNEL;
	}
	return seen;
}

static void rx_frames(int ver, int type)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct tp_req r = { pg, 4, 2048, 4 * pg / 2048 };
	int s = pkt_sock(type, type == SOCK_DGRAM ? ETH_P_IP : ETH_P_ALL, ver), bad = 0, seen = 0;
	unsigned char *ring;
	int i;

	LT_CHECK(s >= 0);
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)));
	ring = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
	LT_CHECK(ring != MAP_FAILED);
	LT_CHECK_EQ(send_udp("ring-v1v2-datagram"), 18);
	for (i = 0; i < 4 && !seen; i++) {
		LT_CHECK(wait_in(s, 2000));
		seen += scan_frames(ring, r.tp_frame_nr, r.tp_frame_size, ver, type == SOCK_DGRAM,
				    "ring-v1v2-datagram", &bad);
		LT_CHECK_EQ(bad, 0);
	}
	LT_CHECK(seen >= 1);
	LT_CHECK_OK(munmap(ring, 4 * pg));
	close(s);
}

LT_CASE(rx_v1_raw)
{
	rx_frames(TPACKET_V1, SOCK_RAW);
}

LT_CASE(rx_v2_dgram)
{
	rx_frames(TPACKET_V2, SOCK_DGRAM);
}

LT_CASE(rx_v3_blocks)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct tp_req3 r = { pg, 4, 2048, 4 * pg / 2048, 20, 16, 0 };
	int s = pkt_sock(SOCK_DGRAM, ETH_P_IP, TPACKET_V3), found[3] = { 0 }, i, blk = 0;
	static const char *msgs[3] = { "v3-first", "v3-second", "v3-third" };
	uint64_t seq = 0;
	unsigned char *ring;

	LT_CHECK(s >= 0);
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)));
	ring = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
	LT_CHECK(ring != MAP_FAILED);
	for (i = 0; i < 3; i++)
		LT_CHECK(send_udp(msgs[i]) > 0);
	/* a partly filled block is retired by its timer: no more traffic is needed */
	while (!(found[0] && found[1] && found[2])) {
		struct tp_block_desc *bd = (void *)(ring + blk * pg);
		unsigned int n, off;

		LT_CHECK(wait_in(s, 3000));
		LT_CHECK(__atomic_load_n(&bd->block_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER);
		LT_CHECK_EQ(bd->version, TPACKET_V3);
		LT_CHECK_EQ(bd->offset_to_priv, 48);
		LT_CHECK_EQ(bd->offset_to_first_pkt, 48 + 16);
		LT_CHECK(bd->num_pkts >= 1);
		LT_CHECK(bd->blk_len <= pg);
		/* blocks are numbered in order from 1 */
		LT_CHECK_EQ(bd->seq_num, seq + 1);
		seq = bd->seq_num;
		off = bd->offset_to_first_pkt;
		for (n = 0; n < bd->num_pkts; n++) {
			struct tp3_hdr *h = (void *)(ring + blk * pg + off);
			struct sockaddr_ll *sll = (void *)((unsigned char *)h + ALIGN16(sizeof(*h)));

			LT_CHECK(off % 8 == 0 && off < bd->blk_len);
			LT_CHECK(h->tp_status & TP_STATUS_USER);
			LT_CHECK_EQ(h->tp_mac, h->tp_net);
			LT_CHECK_EQ(h->tp_net, ALIGN16(TPACKET3_HDRLEN) + 16);
			LT_CHECK_EQ(h->tp_len, h->tp_snaplen);
			LT_CHECK(h->tp_nsec < 1000000000 && labs((long)h->tp_sec - now_sec()) <= 5);
			LT_CHECK_EQ(sll->sll_family, AF_PACKET);
			LT_CHECK_EQ(sll->sll_ifindex, lo_index);
			for (i = 0; i < 3; i++)
				if (is_our_udp((unsigned char *)h + h->tp_net, h->tp_snaplen, msgs[i]))
					found[i] = 1;
			/* the last packet of the block has no next */
			if (n + 1 == bd->num_pkts)
				LT_CHECK_EQ(h->tp_next_offset, 0);
			else
				LT_CHECK(h->tp_next_offset >= sizeof(*h));
			off += h->tp_next_offset;
		}
		__atomic_store_n(&bd->block_status, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
		blk = (blk + 1) % 4;
	}
	LT_CHECK_OK(munmap(ring, 4 * pg));
	close(s);
}

/* A full ring drops, says so in the next frame it fills, and counts; reading resets. */
LT_CASE(rx_full_ring)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct tp_req r = { pg, 1, pg / 2, 2 };
	int s = pkt_sock(SOCK_DGRAM, ETH_P_IP, TPACKET_V1), i;
	struct tp_stats3 st;	/* V1: the first two fields */
	socklen_t len = sizeof(st);
	unsigned char *ring;
	struct tp1_hdr *f0, *f1;

	LT_CHECK(s >= 0);
	LT_CHECK_OK(getsockopt(s, SOL_PACKET, PACKET_STATISTICS, &st, &len));
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)));
	ring = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
	LT_CHECK(ring != MAP_FAILED);
	f0 = (void *)ring;
	f1 = (void *)(ring + pg / 2);
	for (i = 0; i < 5; i++)
		LT_CHECK(send_udp("fill-the-ring") > 0);
	LT_CHECK(wait_in(s, 2000));
	lt_sleep_ms(100);
	LT_CHECK(f0->tp_status & TP_STATUS_USER);
	LT_CHECK(f1->tp_status & TP_STATUS_USER);
	LT_CHECK(!(f0->tp_status & TP_STATUS_LOSING));
	/* hand both back: the next packet says packets were lost */
	f0->tp_status = TP_STATUS_KERNEL;
	f1->tp_status = TP_STATUS_KERNEL;
	LT_CHECK(send_udp("after-loss") > 0);
	LT_CHECK(wait_in(s, 2000));
	lt_sleep_ms(100);
	LT_CHECK(f0->tp_status & TP_STATUS_USER);
	LT_CHECK(f0->tp_status & TP_STATUS_LOSING);
	len = sizeof(st);
	LT_CHECK_OK(getsockopt(s, SOL_PACKET, PACKET_STATISTICS, &st, &len));
	LT_CHECK_EQ(len, 2 * sizeof(unsigned int));	/* no tp_freeze_q_cnt before V3 */
	LT_CHECK(st.tp_drops >= 3);
	LT_CHECK(st.tp_packets >= st.tp_drops + 3);
	len = sizeof(st);
	LT_CHECK_OK(getsockopt(s, SOL_PACKET, PACKET_STATISTICS, &st, &len));
	LT_CHECK_EQ(st.tp_packets, 0);
	LT_CHECK_EQ(st.tp_drops, 0);
	/* the counter was read: no more loss to tell */
	f0->tp_status = TP_STATUS_KERNEL;
	f1->tp_status = TP_STATUS_KERNEL;
	for (i = 0; i < 20 && f1->tp_status == TP_STATUS_KERNEL; i++) {
		LT_CHECK(send_udp("no-loss") > 0);
		lt_sleep_ms(50);
	}
	LT_CHECK(f1->tp_status & TP_STATUS_USER);
	LT_CHECK(!(f1->tp_status & TP_STATUS_LOSING));
	LT_CHECK_OK(munmap(ring, pg));
	close(s);
}

/* V3: with every block user space's, the queue freezes and counts it. */
LT_CASE(rx_v3_freeze)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct tp_req3 r = { pg, 2, 2048, 2 * pg / 2048, 10, 0, 0 };
	int s = pkt_sock(SOCK_DGRAM, ETH_P_IP, TPACKET_V3), i;
	char big[1001];
	struct tp_stats3 st;
	socklen_t len = sizeof(st);
	unsigned char *ring;

	LT_CHECK(s >= 0);
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)));
	ring = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
	LT_CHECK(ring != MAP_FAILED);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	/* about three a block: 20 are far more than two blocks hold */
	for (i = 0; i < 20; i++)
		LT_CHECK(send_udp(big) > 0);
	LT_CHECK(wait_in(s, 2000));
	lt_sleep_ms(100);
	LT_CHECK(((struct tp_block_desc *)ring)->block_status & TP_STATUS_USER);
	LT_CHECK(((struct tp_block_desc *)(ring + pg))->block_status & TP_STATUS_USER);
	LT_CHECK_OK(getsockopt(s, SOL_PACKET, PACKET_STATISTICS, &st, &len));
	LT_CHECK_EQ(len, sizeof(st));
	LT_CHECK(st.tp_drops > 0);
	LT_CHECK(st.tp_freeze_q_cnt >= 1);
	LT_CHECK(st.tp_packets >= st.tp_drops + 2);
	len = sizeof(st);
	LT_CHECK_OK(getsockopt(s, SOL_PACKET, PACKET_STATISTICS, &st, &len));
	LT_CHECK_EQ(st.tp_drops, 0);
	LT_CHECK_EQ(st.tp_freeze_q_cnt, 0);
	LT_CHECK_OK(munmap(ring, 2 * pg));
	close(s);
}

/* An IP/UDP datagram to udp_port carrying @msg, into @buf; its length. */
static unsigned int build_udp(unsigned char *buf, const char *msg)
{
	struct iphdr *ip = (void *)buf;
	struct udphdr *uh = (void *)(buf + 20);
	unsigned int len = 28 + strlen(msg), i;
	unsigned long sum = 0;

	memset(buf, 0, 28);
	ip->version = 4;
	ip->ihl = 5;
	ip->ttl = 64;
	ip->tot_len = htons(len);
	ip->protocol = IPPROTO_UDP;
	ip->saddr = htonl(INADDR_LOOPBACK);
	ip->daddr = htonl(INADDR_LOOPBACK);
	for (i = 0; i < 20; i += 2)
		sum += buf[i] << 8 | buf[i + 1];
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	ip->check = htons(~sum & 0xffff);
	uh->source = htons(9);
	uh->dest = htons(udp_port);
	uh->len = htons(len - 20);
	memcpy(buf + 28, msg, strlen(msg));
	return len;
}

/* Receive on @s until a datagram carrying @msg shows up. */
static int saw(int s, const char *msg)
{
	unsigned char buf[2048];
	int i, n;

	for (i = 0; i < 8; i++) {
		if (!wait_in(s, 2000))
			return 0;
		n = recv(s, buf, sizeof(buf), 0);
		if (n > 0 && is_our_udp(buf, n, msg))
			return 1;
	}
	return 0;
}

LT_CASE(tx_ring)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct tp_req r = { pg, 2, 2048, 2 * pg / 2048 };
	struct sockaddr_ll to = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP),
				  .sll_ifindex = lo_index, .sll_halen = 6 };
	int s = pkt_sock(SOCK_DGRAM, ETH_P_IP, TPACKET_V2);
	int rx = pkt_sock(SOCK_DGRAM, ETH_P_IP, TPACKET_V1), i;
	unsigned int off = ALIGN16(sizeof(struct tp2_hdr)), l0, l1;
	unsigned char *ring;
	struct tp2_hdr *f[4];
	struct pollfd p;

	LT_CHECK(s >= 0 && rx >= 0);
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_TX_RING, &r, sizeof(r)));
	ring = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
	LT_CHECK(ring != MAP_FAILED);
	for (i = 0; i < 4; i++) {
		f[i] = (void *)(ring + i * 2048);
		LT_CHECK_EQ(f[i]->tp_status, TP_STATUS_AVAILABLE);
	}
	p.fd = s;
	p.events = POLLOUT;
	LT_CHECK_EQ(poll(&p, 1, 0), 1);
	/* nothing marked: nothing sent */
	LT_CHECK_EQ(sendto(s, NULL, 0, 0, (struct sockaddr *)&to, sizeof(to)), 0);
	l0 = build_udp((unsigned char *)f[0] + off, "tx-ring-one");
	l1 = build_udp((unsigned char *)f[1] + off, "tx-ring-two");
	f[0]->tp_len = l0;
	f[1]->tp_len = l1;
	__atomic_store_n(&f[0]->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
	__atomic_store_n(&f[1]->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
	LT_CHECK_EQ(sendto(s, NULL, 0, 0, (struct sockaddr *)&to, sizeof(to)), l0 + l1);
	LT_CHECK_EQ(f[0]->tp_status, TP_STATUS_AVAILABLE);
	LT_CHECK_EQ(f[1]->tp_status, TP_STATUS_AVAILABLE);
	LT_CHECK(saw(rx, "tx-ring-one"));
	LT_CHECK(saw(rx, "tx-ring-two"));
	/* longer than a frame holds: the frame is refused, nothing more goes */
	f[2]->tp_len = 2048;
	__atomic_store_n(&f[2]->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
	LT_CHECK_ERR(sendto(s, NULL, 0, 0, (struct sockaddr *)&to, sizeof(to)), EMSGSIZE);
	LT_CHECK_EQ(f[2]->tp_status, TP_STATUS_WRONG_FORMAT);
	/* (Linux reads this length as a negative int and returns it as the errno) */
	f[2]->tp_len = 0xfffffff0u;
	__atomic_store_n(&f[2]->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
	LT_CHECK_EQ(sendto(s, NULL, 0, 0, (struct sockaddr *)&to, sizeof(to)), -1);
	LT_CHECK_EQ(f[2]->tp_status, TP_STATUS_WRONG_FORMAT);
	/* fixed, it goes, also without waiting */
	f[2]->tp_len = build_udp((unsigned char *)f[2] + off, "tx-ring-three");
	__atomic_store_n(&f[2]->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
	LT_CHECK_EQ(sendto(s, NULL, 0, MSG_DONTWAIT, (struct sockaddr *)&to, sizeof(to)),
		    f[2]->tp_len);
	LT_CHECK(saw(rx, "tx-ring-three"));
	for (i = 0; i < 100 && __atomic_load_n(&f[2]->tp_status, __ATOMIC_ACQUIRE); i++)
		lt_sleep_ms(10);
	LT_CHECK_EQ(f[2]->tp_status, TP_STATUS_AVAILABLE);
	/* a bad address is refused before any frame is looked at */
	to.sll_ifindex = 9999;
	LT_CHECK_ERR(sendto(s, NULL, 0, 0, (struct sockaddr *)&to, sizeof(to)), ENXIO);
	LT_CHECK_OK(munmap(ring, 2 * pg));
	close(s);
	close(rx);
}

/* PACKET_LOSS: a malformed frame is skipped (given back) instead of stopping the send. */
LT_CASE(tx_loss)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct tp_req r = { pg, 1, 2048, pg / 2048 };
	struct sockaddr_ll to = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP),
				  .sll_ifindex = lo_index, .sll_halen = 6 };
	int s = pkt_sock(SOCK_DGRAM, ETH_P_IP, TPACKET_V2);
	int rx = pkt_sock(SOCK_DGRAM, ETH_P_IP, TPACKET_V1), one = 1, v;
	unsigned int off = ALIGN16(sizeof(struct tp2_hdr)), l1;
	socklen_t len = sizeof(v);
	struct tp2_hdr *f0, *f1;
	unsigned char *ring;

	LT_CHECK(s >= 0 && rx >= 0);
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_LOSS, &one, 2), EINVAL);
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_LOSS, &one, sizeof(one)));
	LT_CHECK_OK(getsockopt(s, SOL_PACKET, PACKET_LOSS, &v, &len));
	LT_CHECK_EQ(v, 1);
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_TX_RING, &r, sizeof(r)));
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_LOSS, &one, sizeof(one)), EBUSY);
	ring = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
	LT_CHECK(ring != MAP_FAILED);
	f0 = (void *)ring;
	f1 = (void *)(ring + 2048);
	f0->tp_len = 4000;
	l1 = f1->tp_len = build_udp((unsigned char *)f1 + off, "tx-after-skip");
	__atomic_store_n(&f0->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
	__atomic_store_n(&f1->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
	LT_CHECK_EQ(sendto(s, NULL, 0, 0, (struct sockaddr *)&to, sizeof(to)), l1);
	LT_CHECK_EQ(f0->tp_status, TP_STATUS_AVAILABLE);
	LT_CHECK_EQ(f1->tp_status, TP_STATUS_AVAILABLE);
	LT_CHECK(saw(rx, "tx-after-skip"));
	LT_CHECK_OK(munmap(ring, pg));
	close(s);
	close(rx);
}

/* TPACKET_V3 TX frames: tpacket3_hdr, data after it, tp_next_offset must be 0. */
LT_CASE(tx_v3)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct tp_req3 r = { pg, 1, 2048, pg / 2048, 0, 0, 0 };
	struct sockaddr_ll to = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP),
				  .sll_ifindex = lo_index, .sll_halen = 6 };
	int s = pkt_sock(SOCK_DGRAM, ETH_P_IP, TPACKET_V3);
	int rx = pkt_sock(SOCK_DGRAM, ETH_P_IP, TPACKET_V1);
	unsigned int off = ALIGN16(sizeof(struct tp3_hdr)), l0;
	struct tp3_hdr *f0;
	unsigned char *ring;

	LT_CHECK(s >= 0 && rx >= 0);
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_TX_RING, &r, sizeof(r)));
	ring = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
	LT_CHECK(ring != MAP_FAILED);
	f0 = (void *)ring;
	l0 = f0->tp_len = build_udp((unsigned char *)f0 + off, "tx-v3-frame");
	f0->tp_next_offset = 64;
	__atomic_store_n(&f0->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
	LT_CHECK_ERR(sendto(s, NULL, 0, 0, (struct sockaddr *)&to, sizeof(to)), EINVAL);
	LT_CHECK_EQ(f0->tp_status, TP_STATUS_WRONG_FORMAT);
	f0->tp_next_offset = 0;
	__atomic_store_n(&f0->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
	LT_CHECK_EQ(sendto(s, NULL, 0, 0, (struct sockaddr *)&to, sizeof(to)), l0);
	LT_CHECK_EQ(f0->tp_status, TP_STATUS_AVAILABLE);
	LT_CHECK(saw(rx, "tx-v3-frame"));
	LT_CHECK_OK(munmap(ring, pg));
	close(s);
	close(rx);
}

/*
 * A V3 ring torn down, the version changed, then closed: its block
 * timer must be gone with it (setsockopt09's sequence, CVE-2021-22600's
 * neighbourhood); the machine is still here after the timer's period.
 */
LT_CASE(v3_teardown)
{
	long pg = sysconf(_SC_PAGESIZE);
	int i, v2 = TPACKET_V2;

	for (i = 0; i < 3; i++) {
		struct tp_req3 r = { 4 * pg, 16, 2048, 16 * 4 * pg / 2048, 20, 0, 1 };
		int s = pkt_sock(SOCK_RAW, ETH_P_ALL, TPACKET_V3);

		LT_CHECK(s >= 0);
		LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)));
		r.tp_block_nr = r.tp_frame_nr = 0;
		LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)));
		LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_VERSION, &v2, sizeof(v2)));
		LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)));
		close(s);
		LT_CHECK(send_udp("after-teardown") > 0);
		lt_sleep_ms(60);
	}
}

/* A forked child shares the ring: it sees the packets, and the ring stays while it maps it. */
LT_CASE(fork_shares_ring)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct tp_req r = { pg, 1, 2048, pg / 2048 }, none = { 0, 0, 0, 0 };
	int s = pkt_sock(SOCK_DGRAM, ETH_P_IP, TPACKET_V2), p[2];
	unsigned char *ring;
	pid_t pid;

	LT_CHECK(s >= 0);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)));
	ring = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
	LT_CHECK(ring != MAP_FAILED);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct tp2_hdr *f0 = (void *)ring;
		char c;

		if (read(p[0], &c, 1) != 1 || !wait_in(s, 3000))
			_exit(2);
		if (!(__atomic_load_n(&f0->tp_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER))
			_exit(3);
		_exit(is_our_udp((unsigned char *)f0 + f0->tp_net, f0->tp_snaplen,
				 "seen-by-child") ? 0 : 4);
	}
	LT_CHECK_OK(munmap(ring, pg));
	/* the child's copy of the mapping still holds the ring */
	LT_CHECK_ERR(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &none, sizeof(none)), EBUSY);
	LT_CHECK(send_udp("seen-by-child") > 0);
	LT_CHECK_EQ(write(p[1], "g", 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &none, sizeof(none)));
	close(p[0]);
	close(p[1]);
	close(s);
}

/* PACKET_RESERVE: that much more room before the packet in each frame. */
LT_CASE(rx_reserve)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct tp_req r = { pg, 1, 2048, pg / 2048 };
	int s = pkt_sock(SOCK_DGRAM, ETH_P_IP, TPACKET_V2), res = 64, v, i, found = 0;
	socklen_t len = sizeof(v);
	unsigned char *ring;

	LT_CHECK(s >= 0);
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RESERVE, &res, sizeof(res)));
	LT_CHECK_OK(getsockopt(s, SOL_PACKET, PACKET_RESERVE, &v, &len));
	LT_CHECK_EQ(v, 64);
	LT_CHECK_OK(setsockopt(s, SOL_PACKET, PACKET_RX_RING, &r, sizeof(r)));
	ring = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
	LT_CHECK(ring != MAP_FAILED);
	LT_CHECK(send_udp("reserved-room") > 0);
	LT_CHECK(wait_in(s, 2000));
	for (i = 0; i < 2 && !found; i++) {
		struct tp2_hdr *h = (void *)(ring + i * 2048);

		if (!(h->tp_status & TP_STATUS_USER))
			continue;
		LT_CHECK_EQ(h->tp_net, ALIGN16(TPACKET2_HDRLEN) + 16 + 64);
		found = is_our_udp((unsigned char *)h + h->tp_net, h->tp_snaplen, "reserved-room");
	}
	LT_CHECK(found);
	LT_CHECK_OK(munmap(ring, pg));
	close(s);
}

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t alen = sizeof(a);

	lt_begin("net_packet_mmap");
	lt_lo_up();
	lo_index = if_nametoindex("lo");
	/* the datagrams go to a port someone holds: no ICMP errors on the wire */
	udp_fd = socket(AF_INET, SOCK_DGRAM, 0);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (udp_fd < 0 || bind(udp_fd, (struct sockaddr *)&a, sizeof(a)) ||
	    getsockname(udp_fd, (struct sockaddr *)&a, &alen))
		return 1;
	udp_port = ntohs(a.sin_port);
	LT_RUN(bad_setup);
	LT_RUN(rx_v1_raw);
	LT_RUN(rx_v2_dgram);
	LT_RUN(rx_reserve);
	LT_RUN(rx_v3_blocks);
	LT_RUN(rx_full_ring);
	LT_RUN(rx_v3_freeze);
	LT_RUN(tx_ring);
	LT_RUN(tx_loss);
	LT_RUN(tx_v3);
	LT_RUN(v3_teardown);
	LT_RUN(fork_shares_ring);
	return lt_end();
}
