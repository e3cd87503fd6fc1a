// SPDX-License-Identifier: GPL-2.0
/*
 * UDP (RFC 768): datagrams with ports and a checksum, nothing more.
 *
 * Sockets are found through udp_table, hashed by local port.  An
 * arriving datagram goes to the best-matching socket: one bound to
 * exactly its destination address and connected to exactly its source
 * scores higher than a wildcard; broadcasts go to every match.  A
 * datagram no one wants gets an ICMP port unreachable back, which the
 * sender's UDP turns into ECONNREFUSED if that socket is connected
 * (udp_err).  Binding follows Linux's rules: two sockets may share a
 * port if both set SO_REUSEADDR, or both set SO_REUSEPORT and belong to
 * the same user, or their bound addresses differ; port 0 picks a free
 * port from net.ipv4.ip_local_port_range.
 */
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/byteorder.h>
#include <uapi/linux/in.h>
#include <uapi/linux/sockios.h>
#include <uapi/linux/udp.h>
#include <net/checksum.h>
#include <net/icmp.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/protocol.h>
#include <net/route.h>
#include <net/snmp.h>
#include <net/sock.h>
#include <net/udp.h>


struct udp_table udp_table;
unsigned long udp_mib[UDP_MIB_MAX];

static struct hlist_head *udp_hashslot(unsigned int port)
{
	return &udp_table.hash[port & (UDP_HTABLE_SIZE - 1)];
}

/* Would @sk bound to @snum clash with @sk2 already there?  (Table lock held.) */
static bool udp_bind_conflict(const struct sock *sk, const struct sock *sk2)
{
	const struct inet_sock *a = inet_sk(sk), *b = inet_sk(sk2);

	if (sk->sk_reuse && sk2->sk_reuse)
		return false;
	if (sk->sk_reuseport && sk2->sk_reuseport && sk->sk_uid == sk2->sk_uid)
		return false;
	if (sk->sk_bound_dev_if && sk2->sk_bound_dev_if &&
	    sk->sk_bound_dev_if != sk2->sk_bound_dev_if)
		return false;
	return !a->inet_rcv_saddr || !b->inet_rcv_saddr || a->inet_rcv_saddr == b->inet_rcv_saddr;
}

static bool udp_port_free(const struct sock *sk, unsigned int snum)
{
	struct sock *sk2;

	hlist_for_each_entry(sk2, udp_hashslot(snum), sk_node)
		if (sk2 != sk && inet_sk(sk2)->inet_num == snum && udp_bind_conflict(sk, sk2))
			return false;
	return true;
}

/* Bind @sk to port @snum, or to a free ephemeral port if 0.  0 or -EADDRINUSE. */
static int udp_get_port(struct sock *sk, unsigned short snum)
{
	struct inet_sock *inet = inet_sk(sk);
	int low, high;

	spin_lock_bh(&udp_table.lock);
	if (!snum) {
		unsigned int range, start, i;

		inet_get_local_port_range(&low, &high);
		range = high - low + 1;
		start = get_random_u32() % range;
		for (i = 0; i < range; i++) {
			unsigned int port = low + (start + i) % range;

			if (udp_port_free(sk, port)) {
				snum = port;
				break;
			}
		}
		if (!snum)
			goto fail;
	} else if (!udp_port_free(sk, snum)) {
		goto fail;
	}
	inet->inet_num = snum;
	if (hlist_unhashed(&sk->sk_node)) {
		sock_hold(sk);
		hlist_add_head(&sk->sk_node, udp_hashslot(snum));
	}
	spin_unlock_bh(&udp_table.lock);
	return 0;
fail:
	spin_unlock_bh(&udp_table.lock);
	return -EADDRINUSE;
}

static void udp_unhash(struct sock *sk)
{
	bool put = false;

	spin_lock_bh(&udp_table.lock);
	if (!hlist_unhashed(&sk->sk_node)) {
		hlist_del_init(&sk->sk_node);
		inet_sk(sk)->inet_num = 0;
		put = true;
	}
	spin_unlock_bh(&udp_table.lock);
	if (put)
		sock_put(sk);
}

/* How well @sk matches a datagram; -1: not at all. */
static int udp_score(const struct sock *sk, __be32 saddr, __be16 sport, __be32 daddr,
		     unsigned short hnum, int dif)
{
	const struct inet_sock *inet = inet_sk(sk);
	int score = 0;

	if (inet->inet_num != hnum)
		return -1;
	if (inet->inet_rcv_saddr) {
		if (inet->inet_rcv_saddr != daddr)
			return -1;
		score += 4;
	}
	if (inet->inet_daddr) {
		if (inet->inet_daddr != saddr)
			return -1;
		score += 4;
	}
	if (inet->inet_dport) {
		if (inet->inet_dport != sport)
			return -1;
		score += 4;
	}
	if (sk->sk_bound_dev_if) {
		if (sk->sk_bound_dev_if != dif)
			return -1;
		score += 4;
	}
	return score;
}

/* The socket a datagram from saddr:sport to daddr:dport belongs to (held), or NULL. */
static struct sock *udp4_lib_lookup(__be32 saddr, __be16 sport, __be32 daddr, __be16 dport,
				    int dif)
{
	unsigned short hnum = ntohs(dport);
	struct sock *sk, *best = NULL;
	int best_score = -1;

	spin_lock_bh(&udp_table.lock);
	hlist_for_each_entry(sk, udp_hashslot(hnum), sk_node) {
		int score = udp_score(sk, saddr, sport, daddr, hnum, dif);

		if (score > best_score) {
			best = sk;
			best_score = score;
		}
	}
	if (best)
		sock_hold(best);
	spin_unlock_bh(&udp_table.lock);
	return best;
}

static int udp_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	if (sock_queue_rcv_skb(sk, skb) < 0) {
		__atomic_fetch_add(&sk->sk_drops, 1, __ATOMIC_RELAXED);
		UDP_INC_STATS(UDP_MIB_RCVBUFERRORS);
		UDP_INC_STATS(UDP_MIB_INERRORS);
		kfree_skb(skb);
		return -1;
	}
	UDP_INC_STATS(UDP_MIB_INDATAGRAMS);
	return 0;
}

/* A broadcast or multicast datagram: a copy for every socket that matches. */
static void udp_deliver_multi(struct sk_buff *skb, __be32 saddr, __be16 sport, __be32 daddr,
			      __be16 dport, int dif)
{
	unsigned short hnum = ntohs(dport);
	struct sock *sk, *socks[16];
	int n = 0, i;

	spin_lock_bh(&udp_table.lock);
	hlist_for_each_entry(sk, udp_hashslot(hnum), sk_node) {
		if (n == (int)ARRAY_SIZE(socks))
			break;
		if (udp_score(sk, saddr, sport, daddr, hnum, dif) < 0)
			continue;
		sock_hold(sk);
		socks[n++] = sk;
	}
	spin_unlock_bh(&udp_table.lock);
	if (!n) {
		UDP_INC_STATS(UDP_MIB_NOPORTS);
		kfree_skb(skb);
		return;
	}
	for (i = 0; i < n; i++) {
		struct sk_buff *c = i == n - 1 ? skb : skb_clone(skb, GFP_ATOMIC);

		if (c)
			udp_queue_rcv_skb(socks[i], c);
		sock_put(socks[i]);
	}
}

/* IP hands every UDP datagram for this host here (softirq; data at the UDP header). */
int udp_rcv(struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct udphdr *uh;
	unsigned int ulen;
	struct sock *sk;

	if (skb->len < sizeof(struct udphdr))
		goto short_packet;
	uh = udp_hdr(skb);
	ulen = ntohs(uh->len);
	if (ulen > skb->len || ulen < sizeof(struct udphdr))
		goto short_packet;
	skb_trim(skb, ulen);
	/* A zero checksum means the sender did not compute one (RFC 768). */
	if (uh->check && skb->ip_summed != CHECKSUM_UNNECESSARY &&
	    csum_tcpudp_magic(iph->saddr, iph->daddr, ulen, IPPROTO_UDP,
			      csum_partial(skb->data, ulen, 0))) {
		UDP_INC_STATS(UDP_MIB_CSUMERRORS);
		UDP_INC_STATS(UDP_MIB_INERRORS);
		goto drop;
	}
	if (skb->pkt_type == PACKET_BROADCAST || skb->pkt_type == PACKET_MULTICAST) {
		udp_deliver_multi(skb, iph->saddr, uh->source, iph->daddr, uh->dest,
				  IPCB(skb)->iif);
		return 0;
	}
	sk = udp4_lib_lookup(iph->saddr, uh->source, iph->daddr, uh->dest, IPCB(skb)->iif);
	if (sk) {
		udp_queue_rcv_skb(sk, skb);
		sock_put(sk);
		return 0;
	}
	UDP_INC_STATS(UDP_MIB_NOPORTS);
	icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0);
	goto drop;

short_packet:
	UDP_INC_STATS(UDP_MIB_INERRORS);
drop:
	kfree_skb(skb);
	return 0;
}

/*
 * An ICMP error quoting a datagram we sent: skb->data at the quoted UDP
 * header, ip_hdr the quoted IP header (its source is us).  As on Linux,
 * only a connected socket (or one asking with IP_RECVERR) hears of it.
 */
void udp_err(struct sk_buff *skb, u32 info)
{
	const struct iphdr *iph = ip_hdr(skb);
	const struct udphdr *uh = (const struct udphdr *)skb->data;
	const struct icmphdr *icmph = icmp_hdr(skb);
	struct sock *sk;
	bool harderr;
	int err;

	sk = udp4_lib_lookup(iph->daddr, uh->dest, iph->saddr, uh->source, 0);
	if (!sk) {
		ICMP_INC_STATS(ICMP_MIB_INERRORS);
		return;
	}
	err = icmp_err_convert(icmph->type, icmph->code, &harderr);
	if (icmph->type == ICMP_DEST_UNREACH && icmph->code == ICMP_FRAG_NEEDED) {
		if (inet_sk(sk)->pmtudisc != IP_PMTUDISC_DO)
			goto out;
		harderr = true;
	}
	if (!inet_sk(sk)->recverr && (!harderr || sk->sk_state != TCP_ESTABLISHED))
		goto out;
	WRITE_ONCE(sk->sk_err, err);
	sk_error_report(sk);
out:
	sock_put(sk);
}

/* The largest payload a datagram can carry (IPv4's 16-bit length). */
#define UDP_MAX_PAYLOAD	(0xFFFF - sizeof(struct iphdr) - sizeof(struct udphdr))

/* A datagram of @len payload bytes to fill, its header room already put. */
static struct sk_buff *udp_alloc_skb(struct sock *sk, size_t len, int noblock, int *err)
{
	struct sk_buff *skb = sock_alloc_send_skb(sk, MAX_HEADER + sizeof(struct udphdr) + len,
						  noblock, err);

	if (skb) {
		skb_reserve(skb, MAX_HEADER);
		skb_put(skb, sizeof(struct udphdr));
	}
	return skb;
}

/*
 * Fill in the header of @skb (header and payload), checksum it and hand
 * it to IP, which takes @skb and the reference to @rt.  0 or an error.
 */
static int udp_send_skb(struct sock *sk, struct sk_buff *skb, struct rtable *rt, __be32 saddr,
			__be16 dport, int tos, int ttl)
{
	struct inet_sock *inet = inet_sk(sk);
	struct udphdr *uh = (struct udphdr *)skb->data;
	__wsum csum;
	int err;

	uh->source = inet->inet_sport;
	uh->dest = dport;
	uh->len = htons(skb->len);
	uh->check = 0;
	csum = csum_partial(skb->data, skb->len, 0);
	uh->check = csum_tcpudp_magic(saddr, rt->rt_dst, skb->len, IPPROTO_UDP, csum);
	if (!uh->check)
		uh->check = 0xffff;	/* 0 would mean "no checksum" */
	err = ip_send_datagram(sk, skb, rt, saddr, rt->rt_dst, IPPROTO_UDP, tos, ttl);
	if (err == -ENOBUFS) {
		UDP_INC_STATS(UDP_MIB_SNDBUFERRORS);
		/* as on Linux, a local queue drop is not the sender's error */
		if (!inet->recverr)
			err = 0;
	}
	if (!err)
		UDP_INC_STATS(UDP_MIB_OUTDATAGRAMS);
	return err;
}

/* Drop the corked datagram (close, or an error while adding to it).  cork_lock held. */
static void udp_flush_pending_frames(struct sock *sk)
{
	struct udp_sock *up = udp_sk(sk);

	if (!up->pending)
		return;
	skb_queue_purge(&up->cork_queue);
	ip_rt_put(up->cork_rt);
	up->cork_rt = NULL;
	up->cork_len = 0;
	up->pending = 0;
}

/* Send the corked datagram, its pieces joined.  cork_lock held. */
static int udp_push_pending_frames(struct sock *sk, int noblock)
{
	struct udp_sock *up = udp_sk(sk);
	struct sk_buff *skb, *piece;
	struct rtable *rt;
	int err;

	skb = udp_alloc_skb(sk, up->cork_len, noblock, &err);
	if (!skb) {
		udp_flush_pending_frames(sk);
		return err;
	}
	skb_queue_walk(&up->cork_queue, piece)
		memcpy(skb_put(skb, piece->len), piece->data, piece->len);
	skb_queue_purge(&up->cork_queue);
	rt = up->cork_rt;
	up->cork_rt = NULL;
	up->cork_len = 0;
	up->pending = 0;
	return udp_send_skb(sk, skb, rt, up->cork_saddr, up->cork_dport, up->cork_tos,
			    up->cork_ttl);
}

/* Add @len bytes of @msg to the corked datagram.  cork_lock held. */
static int udp_append_data(struct sock *sk, struct msghdr *msg, size_t len)
{
	struct udp_sock *up = udp_sk(sk);
	struct sk_buff *piece;
	int err;

	if (len > UDP_MAX_PAYLOAD - up->cork_len)
		return -EMSGSIZE;
	if (!len)
		return 0;
	/* Charged to the socket when joined (udp_push_pending_frames), not before. */
	piece = alloc_skb(len, GFP_KERNEL);
	if (!piece)
		return -ENOBUFS;
	err = memcpy_from_msg(skb_put(piece, len), msg, len);
	if (err) {
		kfree_skb(piece);
		return err;
	}
	skb_queue_tail(&up->cork_queue, piece);
	up->cork_len += len;
	return 0;
}

/*
 * A send while a corked datagram is being built adds to it (its first
 * piece's destination stands, as on Linux); one that is itself corked
 * (MSG_MORE, UDP_CORK) starts one; any other goes out as a datagram
 * of its own.
 */
static int udp_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	struct inet_sock *inet = inet_sk(sk);
	struct udp_sock *up = udp_sk(sk);
	struct sockaddr_in *usin = msg->msg_name;
	int noblock = msg->msg_flags & MSG_DONTWAIT;
	bool corkreq = READ_ONCE(up->corkflag) || (msg->msg_flags & MSG_MORE);
	struct ipcm_cookie ipc;
	struct sk_buff *skb;
	struct rtable *rt;
	__be32 daddr, saddr;
	__be16 dport;
	int err, tos, ttl;

	if (len > UDP_MAX_PAYLOAD)
		return -EMSGSIZE;
	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	mutex_lock(&up->cork_lock);
	if (up->pending) {
		err = udp_append_data(sk, msg, len);
		if (err)
			udp_flush_pending_frames(sk);
		else if (!corkreq)
			err = udp_push_pending_frames(sk, noblock);
		goto out_unlock;
	}
	if (usin) {
		err = -EINVAL;
		if (msg->msg_namelen < (int)sizeof(*usin))
			goto out_unlock;
		err = -EAFNOSUPPORT;
		if (usin->sin_family != AF_INET && usin->sin_family != AF_UNSPEC)
			goto out_unlock;
		daddr = usin->sin_addr.s_addr;
		dport = usin->sin_port;
		err = -EINVAL;
		if (!dport)
			goto out_unlock;
	} else {
		err = -EDESTADDRREQ;
		if (sk->sk_state != TCP_ESTABLISHED)
			goto out_unlock;
		daddr = inet->inet_daddr;
		dport = inet->inet_dport;
	}
	err = ip_cmsg_send(sk, msg, &ipc);
	if (err)
		goto out_unlock;
	saddr = ipc.addr ? ipc.addr : inet->inet_saddr;
	rt = ip_route_output(daddr, saddr);
	if (IS_ERR(rt)) {
		err = PTR_ERR(rt);
		if (err == -ENETUNREACH)
			IP_INC_STATS(IPSTATS_MIB_OUTNOROUTES);
		goto out_unlock;
	}
	err = -EACCES;
	if (rt->rt_type == RTN_BROADCAST && !sock_flag(sk, SOCK_BROADCAST))
		goto out_rt;
	err = -EMSGSIZE;
	if ((inet->pmtudisc == IP_PMTUDISC_DO || inet->pmtudisc == IP_PMTUDISC_PROBE) &&
	    len + sizeof(struct iphdr) + sizeof(struct udphdr) > dst_mtu(&rt->dst))
		goto out_rt;
	if (!saddr)
		saddr = rt->rt_src;
	tos = ipc.tos >= 0 ? ipc.tos : inet->tos;
	ttl = ipc.ttl > 0 ? ipc.ttl : ip_select_ttl(inet);
	if (corkreq) {
		up->pending = AF_INET;
		up->cork_rt = rt;
		up->cork_saddr = saddr;
		up->cork_dport = dport;
		up->cork_tos = tos;
		up->cork_ttl = ttl;
		err = udp_append_data(sk, msg, len);
		if (err)
			udp_flush_pending_frames(sk);
		goto out_unlock;
	}
	skb = udp_alloc_skb(sk, len, noblock, &err);
	if (!skb)
		goto out_rt;
	err = memcpy_from_msg(skb_put(skb, len), msg, len);
	if (err) {
		kfree_skb(skb);
		goto out_rt;
	}
	err = udp_send_skb(sk, skb, rt, saddr, dport, tos, ttl);
	goto out_unlock;
out_rt:
	ip_rt_put(rt);
out_unlock:
	mutex_unlock(&up->cork_lock);
	return err ? err : (int)len;
}

static int udp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
		       int *addr_len)
{
	struct sockaddr_in *sin = msg->msg_name;
	struct sk_buff *skb;
	unsigned int ulen, copied;
	int err;

	if (flags & MSG_ERRQUEUE)
		return -EAGAIN;	/* no error queue: IP_RECVERR reports go to sk_err */
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	ulen = skb->len - sizeof(struct udphdr);
	copied = min_t(size_t, len, ulen);
	if (copied < ulen)
		msg->msg_flags |= MSG_TRUNC;
	err = skb_copy_datagram_msg(skb, sizeof(struct udphdr), msg, copied);
	if (err)
		goto out;
	if (sin) {
		memset(sin, 0, sizeof(*sin));
		sin->sin_family = AF_INET;
		sin->sin_port = udp_hdr(skb)->source;
		sin->sin_addr.s_addr = ip_hdr(skb)->saddr;
		*addr_len = sizeof(*sin);
	}
	if (inet_sk(sk)->cmsg_flags)
		ip_cmsg_recv(msg, skb);
	sk->sk_stamp = skb->tstamp;
	err = (flags & MSG_TRUNC) ? (int)ulen : (int)copied;
out:
	kfree_skb(skb);
	return err;
}

/* SIOCINQ: the size of the next datagram's payload; SIOCOUTQ: bytes not yet sent. */
static int udp_ioctl(struct sock *sk, int cmd, unsigned long arg)
{
	return datagram_ioctl(sk, cmd, arg, sizeof(struct udphdr));
}

__poll_t udp_poll(struct file *file, struct socket *sock, struct poll_table_struct *wait)
{
	return datagram_poll(file, sock, wait);
}

static int udp_init_sock(struct sock *sk)
{
	struct udp_sock *up = udp_sk(sk);

	mutex_init(&up->cork_lock);
	skb_queue_head_init(&up->cork_queue);
	return 0;
}

static void udp_close(struct sock *sk, long timeout)
{
	struct udp_sock *up = udp_sk(sk);

	/* A corked datagram never sent is dropped, as on Linux. */
	mutex_lock(&up->cork_lock);
	udp_flush_pending_frames(sk);
	mutex_unlock(&up->cork_lock);
	sk_common_release(sk);
}

/* UDP_CORK: clearing it sends what was corked. */
static int udp_setsockopt(struct sock *sk, int level, int optname,
			  const void __user *optval, unsigned int optlen)
{
	struct udp_sock *up = udp_sk(sk);
	int val;

	if (level != SOL_UDP)
		return ip_setsockopt(sk, level, optname, optval, optlen);
	if (optname != UDP_CORK)
		return -ENOPROTOOPT;	/* UDP_CORK is the only SOL_UDP option here */
	if (optlen < sizeof(int))
		return -EINVAL;
	if (copy_from_user(&val, optval, sizeof(val)))
		return -EFAULT;
	mutex_lock(&up->cork_lock);
	WRITE_ONCE(up->corkflag, !!val);
	if (!val && up->pending)
		udp_push_pending_frames(sk, 1);
	mutex_unlock(&up->cork_lock);
	return 0;
}

static int udp_getsockopt(struct sock *sk, int level, int optname,
			  char __user *optval, int __user *optlen)
{
	int val, len;

	if (level != SOL_UDP)
		return ip_getsockopt(sk, level, optname, optval, optlen);
	if (optname != UDP_CORK)
		return -ENOPROTOOPT;
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	len = min_t(int, len, sizeof(int));
	val = READ_ONCE(udp_sk(sk)->corkflag);
	if (put_user(len, optlen) || copy_to_user(optval, &val, len))
		return -EFAULT;
	return 0;
}

struct proto udp_prot = {
	.name		= "UDP",
	.init		= udp_init_sock,
	.close		= udp_close,
	.connect	= ip4_datagram_connect,
	.disconnect	= udp_disconnect,
	.ioctl		= udp_ioctl,
	.setsockopt	= udp_setsockopt,
	.getsockopt	= udp_getsockopt,
	.sendmsg	= udp_sendmsg,
	.recvmsg	= udp_recvmsg,
	.get_port	= udp_get_port,
	.unhash		= udp_unhash,
	.obj_size	= sizeof(struct udp_sock),
};

/* /proc/net/udp: one line per bound socket, addresses as Linux prints them. */
int udp_seq_show(struct seq_file *m, void *v)
{
	unsigned int bucket;
	int i = 0;

	seq_printf(m, "%-127s\n", "   sl  local_address rem_address   st tx_queue rx_queue tr "
		   "tm->when retrnsmt   uid  timeout inode ref pointer drops");
	spin_lock_bh(&udp_table.lock);
	for (bucket = 0; bucket < UDP_HTABLE_SIZE; bucket++) {
		struct sock *sk;

		hlist_for_each_entry(sk, &udp_table.hash[bucket], sk_node) {
			const struct inet_sock *inet = inet_sk(sk);
			unsigned long ino = sk->sk_socket ? sk->sk_socket->inode->i_ino : 0;
			char line[160];

			scnprintf(line, sizeof(line),
				  "%5d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d "
				  "%lu %d %016lx %u", i++, inet->inet_rcv_saddr,
				  ntohs(inet->inet_sport), inet->inet_daddr, ntohs(inet->inet_dport),
				  sk->sk_state, atomic_read(&sk->sk_wmem_alloc),
				  atomic_read(&sk->sk_rmem_alloc), 0, 0UL, 0, sk->sk_uid, 0, ino,
				  refcount_read(&sk->sk_refcnt), 0UL, sk->sk_drops);
			seq_printf(m, "%-127s\n", line);
		}
	}
	spin_unlock_bh(&udp_table.lock);
	return 0;
}

static const struct net_protocol udp_protocol = {
	.handler = udp_rcv,
	.err_handler = udp_err,
};

void udp_init(void)
{
	unsigned int i;

	for (i = 0; i < UDP_HTABLE_SIZE; i++)
		INIT_HLIST_HEAD(&udp_table.hash[i]);
	spin_lock_init(&udp_table.lock);
	if (inet_add_protocol(&udp_protocol, IPPROTO_UDP))
		pr_err("udp: cannot register\n");
}
