// SPDX-License-Identifier: GPL-2.0
/*
 * ICMP echo sockets: socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), which
 * lets a program ping without CAP_NET_RAW if one of its groups is in
 * net.ipv4.ping_group_range (the default "1 0" allows no one).  The
 * user writes the ICMP echo header and data; the kernel fills in the
 * identifier with the socket's own (its "port", chosen like a UDP
 * ephemeral port) and the checksum, so replies can be matched back to
 * the socket and no socket sees another's replies.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/byteorder.h>
#include <uapi/linux/in.h>
#include <uapi/linux/sockios.h>
#include <net/checksum.h>
#include <net/icmp.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/ping.h>
#include <net/route.h>
#include <net/snmp.h>
#include <net/sock.h>
#include <net/udp.h>

#define PING_HTABLE_SIZE	64

static struct hlist_head ping_hash[PING_HTABLE_SIZE];
static DEFINE_SPINLOCK(ping_lock);
int sysctl_ping_group_range[2] = { 1, 0 };

static struct hlist_head *ping_slot(unsigned int ident)
{
	return &ping_hash[ident & (PING_HTABLE_SIZE - 1)];
}

static bool ping_ident_free(const struct sock *sk, unsigned int ident)
{
	struct sock *sk2;

	hlist_for_each_entry(sk2, ping_slot(ident), sk_node) {
		const struct inet_sock *a = inet_sk(sk), *b = inet_sk(sk2);

		if (sk2 == sk || b->inet_num != ident)
			continue;
		if (sk->sk_reuse && sk2->sk_reuse)
			continue;
		if (!a->inet_rcv_saddr || !b->inet_rcv_saddr ||
		    a->inet_rcv_saddr == b->inet_rcv_saddr)
			return false;
	}
	return true;
}

static int ping_get_port(struct sock *sk, unsigned short ident)
{
	int ret = 0;

	spin_lock_bh(&ping_lock);
	if (!ident) {
		unsigned int start = get_random_u32(), i;

		for (i = 0; i < 0xffff; i++) {
			unsigned int cand = (start + i) % 0xffff + 1;

			if (ping_ident_free(sk, cand)) {
				ident = cand;
				break;
			}
		}
		if (!ident)
			ret = -EADDRINUSE;
	} else if (!ping_ident_free(sk, ident)) {
		ret = -EADDRINUSE;
	}
	if (!ret) {
		inet_sk(sk)->inet_num = ident;
		if (hlist_unhashed(&sk->sk_node)) {
			sock_hold(sk);
			hlist_add_head(&sk->sk_node, ping_slot(ident));
		}
	}
	spin_unlock_bh(&ping_lock);
	return ret;
}

static void ping_unhash(struct sock *sk)
{
	bool put = false;

	spin_lock_bh(&ping_lock);
	if (!hlist_unhashed(&sk->sk_node)) {
		hlist_del_init(&sk->sk_node);
		inet_sk(sk)->inet_num = 0;
		put = true;
	}
	spin_unlock_bh(&ping_lock);
	if (put)
		sock_put(sk);
}

/* The socket with echo identifier @ident that takes traffic saddr -> daddr (held). */
static struct sock *ping_lookup(unsigned int ident, __be32 saddr, __be32 daddr)
{
	struct sock *sk, *found = NULL;

	spin_lock_bh(&ping_lock);
	hlist_for_each_entry(sk, ping_slot(ident), sk_node) {
		const struct inet_sock *inet = inet_sk(sk);

		if (inet->inet_num != ident)
			continue;
		if (inet->inet_rcv_saddr && inet->inet_rcv_saddr != daddr)
			continue;
		if (inet->inet_daddr && inet->inet_daddr != saddr)
			continue;
		found = sk;
		sock_hold(sk);
		break;
	}
	spin_unlock_bh(&ping_lock);
	return found;
}

/* Is the caller in net.ipv4.ping_group_range? */
static int ping_init_sock(struct sock *sk)
{
	const struct cred *cred = current_cred();
	gid_t low = sysctl_ping_group_range[0], high = sysctl_ping_group_range[1];
	gid_t gid;
	int i;

	if (low > high)
		return -EACCES;
	gid = cred->egid;
	if (gid >= low && gid <= high)
		return 0;
	for (i = 0; cred->group_info && i < cred->group_info->ngroups; i++) {
		gid = cred->group_info->gid[i];
		if (gid >= low && gid <= high)
			return 0;
	}
	return -EACCES;
}

/* An echo reply arrived (data at the ICMP header).  True if a socket took it. */
bool ping_rcv(struct sk_buff *skb)
{
	const struct icmphdr *icmph = icmp_hdr(skb);
	const struct iphdr *iph = ip_hdr(skb);
	struct sock *sk;

	sk = ping_lookup(ntohs(icmph->un.echo.id), iph->saddr, iph->daddr);
	if (!sk)
		return false;
	if (sock_queue_rcv_skb(sk, skb) < 0) {
		__atomic_fetch_add(&sk->sk_drops, 1, __ATOMIC_RELAXED);
		kfree_skb(skb);
	}
	sock_put(sk);
	return true;
}

/* An ICMP error quoting one of our echo requests (skb->data at the quoted ICMP header). */
void ping_err(struct sk_buff *skb, u32 info)
{
	const struct icmphdr *quoted = (const struct icmphdr *)skb->data;
	const struct icmphdr *icmph = icmp_hdr(skb);
	const struct iphdr *iph = ip_hdr(skb);
	struct sock *sk;
	bool harderr;
	int err;

	if (quoted->type != ICMP_ECHO)
		return;
	sk = ping_lookup(ntohs(quoted->un.echo.id), iph->daddr, iph->saddr);
	if (!sk)
		return;
	err = icmp_err_convert(icmph->type, icmph->code, &harderr);
	if (inet_sk(sk)->recverr || (harderr && sk->sk_state == TCP_ESTABLISHED)) {
		WRITE_ONCE(sk->sk_err, err);
		sk_error_report(sk);
	}
	sock_put(sk);
}

static int ping_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	struct inet_sock *inet = inet_sk(sk);
	struct sockaddr_in *usin = msg->msg_name;
	struct icmphdr *icmph;
	struct ipcm_cookie ipc;
	struct sk_buff *skb;
	struct rtable *rt;
	__be32 daddr, saddr;
	int err;

	if (len > 0xFFFF - sizeof(struct iphdr))
		return -EMSGSIZE;
	if (len < sizeof(struct icmphdr))
		return -EINVAL;
	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (usin) {
		if (msg->msg_namelen < (int)sizeof(*usin))
			return -EINVAL;
		if (usin->sin_family != AF_INET)
			return -EAFNOSUPPORT;
		daddr = usin->sin_addr.s_addr;
	} else {
		if (sk->sk_state != TCP_ESTABLISHED)
			return -EDESTADDRREQ;
		daddr = inet->inet_daddr;
	}
	err = ip_cmsg_send(sk, msg, &ipc);
	if (err)
		return err;
	saddr = ipc.addr ? ipc.addr : inet->inet_saddr;
	rt = ip_route_output(daddr, saddr);
	if (IS_ERR(rt))
		return PTR_ERR(rt);
	err = -EACCES;
	if (rt->rt_type == RTN_BROADCAST && !sock_flag(sk, SOCK_BROADCAST))
		goto out_rt;
	if (!saddr)
		saddr = rt->rt_src;
	skb = sock_alloc_send_skb(sk, MAX_HEADER + len, msg->msg_flags & MSG_DONTWAIT, &err);
	if (!skb)
		goto out_rt;
	skb_reserve(skb, MAX_HEADER);
	icmph = skb_put(skb, len);
	err = memcpy_from_msg(icmph, msg, len);
	if (err) {
		kfree_skb(skb);
		goto out_rt;
	}
	if (icmph->type != ICMP_ECHO || icmph->code != 0) {
		kfree_skb(skb);
		err = -EINVAL;
		goto out_rt;
	}
	icmph->un.echo.id = inet->inet_sport;
	icmph->checksum = 0;
	icmph->checksum = ip_compute_csum(skb->data, skb->len);
	ICMP_INC_STATS(ICMP_MIB_OUTMSGS);
	__atomic_fetch_add(&icmpmsg_out[ICMP_ECHO], 1, __ATOMIC_RELAXED);
	err = ip_send_datagram(sk, skb, rt, saddr, rt->rt_dst, IPPROTO_ICMP,
			       ipc.tos >= 0 ? ipc.tos : inet->tos,
			       ipc.ttl > 0 ? ipc.ttl : ip_select_ttl(inet));
	if (err == -ENOBUFS && !inet->recverr)
		err = 0;
	return err ? err : (int)len;
out_rt:
	ip_rt_put(rt);
	return err;
}

static int ping_bind(struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	/* The port of a ping socket is its identifier; binding works as for UDP. */
	return __inet_bind(sk, uaddr, addr_len);
}

static void ping_close(struct sock *sk, long timeout)
{
	sk_common_release(sk);
}

static int ping_ioctl(struct sock *sk, int cmd, unsigned long arg)
{
	return datagram_ioctl(sk, cmd, arg, 0);
}

struct proto ping_prot = {
	.name		= "PING",
	.init		= ping_init_sock,
	.close		= ping_close,
	.connect	= ip4_datagram_connect,
	.disconnect	= udp_disconnect,
	.ioctl		= ping_ioctl,
	.setsockopt	= ip_setsockopt,
	.getsockopt	= ip_getsockopt,
	.sendmsg	= ping_sendmsg,
	.recvmsg	= ip_datagram_recvmsg,
	.bind		= ping_bind,
	.get_port	= ping_get_port,
	.unhash		= ping_unhash,
	.obj_size	= sizeof(struct inet_sock),
};

void ping_init(void)
{
	unsigned int i;

	for (i = 0; i < PING_HTABLE_SIZE; i++)
		INIT_HLIST_HEAD(&ping_hash[i]);
}
