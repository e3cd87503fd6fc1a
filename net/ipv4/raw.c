// SPDX-License-Identifier: GPL-2.0
/*
 * Raw IPv4 sockets (root only: CAP_NET_RAW).  A raw socket for
 * protocol P receives a copy of every packet of protocol P that arrives
 * for this host, IP header and all, before the transport sees it; that
 * is how busybox ping (as root) reads echo replies.  On send, the kernel
 * builds the IP header, or with IP_HDRINCL (always for IPPROTO_RAW) the
 * user supplies it and the kernel only fills in, as Linux does, the
 * total length, the checksum, a zero source address and a zero ID (and
 * refuses a header length below 5 words or past the packet's end).
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/byteorder.h>
#include <uapi/linux/in.h>
#include <uapi/linux/sockios.h>
#include <net/checksum.h>
#include <net/icmp.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/raw.h>
#include <net/route.h>
#include <net/sock.h>
#include <net/udp.h>

static HLIST_HEAD(raw_sockets);
static DEFINE_SPINLOCK(raw_lock);

static int raw_hash(struct sock *sk)
{
	spin_lock_bh(&raw_lock);
	if (hlist_unhashed(&sk->sk_node)) {
		sock_hold(sk);
		hlist_add_head(&sk->sk_node, &raw_sockets);
	}
	spin_unlock_bh(&raw_lock);
	return 0;
}

static void raw_unhash(struct sock *sk)
{
	bool put = false;

	spin_lock_bh(&raw_lock);
	if (!hlist_unhashed(&sk->sk_node)) {
		hlist_del_init(&sk->sk_node);
		put = true;
	}
	spin_unlock_bh(&raw_lock);
	if (put)
		sock_put(sk);
}

static bool raw_match(const struct sock *sk, int protocol, __be32 saddr, __be32 daddr)
{
	const struct inet_sock *inet = inet_sk(sk);

	return inet->inet_num == protocol &&
	       (!inet->inet_rcv_saddr || inet->inet_rcv_saddr == daddr) &&
	       (!inet->inet_daddr || inet->inet_daddr == saddr);
}

/* ICMP_FILTER: a raw ICMP socket may refuse some ICMP types. */
static bool raw_filtered(const struct sock *sk, const struct sk_buff *skb)
{
	const struct raw_sock *rp = (const struct raw_sock *)sk;
	u8 type;

	if (inet_sk(sk)->inet_num != IPPROTO_ICMP || !rp->icmp_filter)
		return false;
	if (skb->len < 1)
		return true;
	type = skb->data[0];
	return type < 32 && (rp->icmp_filter & (1U << type));
}

/*
 * A copy of @skb (data at the transport header) for each raw socket of
 * @protocol, with the data moved back to the IP header.
 */
bool raw_local_deliver(struct sk_buff *skb, int protocol)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct sock *sk, *socks[16];
	int n = 0, i;

	if (hlist_empty(&raw_sockets))
		return false;
	spin_lock(&raw_lock);
	hlist_for_each_entry(sk, &raw_sockets, sk_node) {
		if (n == (int)ARRAY_SIZE(socks))
			break;
		if (!raw_match(sk, protocol, iph->saddr, iph->daddr) || raw_filtered(sk, skb))
			continue;
		sock_hold(sk);
		socks[n++] = sk;
	}
	spin_unlock(&raw_lock);
	for (i = 0; i < n; i++) {
		struct sk_buff *c = skb_clone(skb, GFP_ATOMIC);

		if (c) {
			skb_push(c, skb_transport_header(c) - skb_network_header(c));
			if (sock_queue_rcv_skb(socks[i], c) < 0) {
				__atomic_fetch_add(&socks[i]->sk_drops, 1, __ATOMIC_RELAXED);
				kfree_skb(c);
			}
		}
		sock_put(socks[i]);
	}
	return n > 0;
}

/* An ICMP error quoting a packet of @protocol: connected or IP_RECVERR raw sockets hear it. */
void raw_icmp_error(struct sk_buff *skb, int protocol, u32 info)
{
	const struct iphdr *iph = ip_hdr(skb);
	const struct icmphdr *icmph = icmp_hdr(skb);
	struct sock *sk;
	bool harderr;
	int err = icmp_err_convert(icmph->type, icmph->code, &harderr);

	spin_lock(&raw_lock);
	hlist_for_each_entry(sk, &raw_sockets, sk_node) {
		struct inet_sock *inet = inet_sk(sk);

		/* the quoted packet went from us (its saddr) to its daddr */
		if (!raw_match(sk, protocol, iph->daddr, iph->saddr))
			continue;
		if (!inet->recverr && sk->sk_state != TCP_ESTABLISHED)
			continue;
		if (inet->recverr || harderr) {
			WRITE_ONCE(sk->sk_err, err);
			sk_error_report(sk);
		}
	}
	spin_unlock(&raw_lock);
}

static int raw_send_hdrinc(struct sock *sk, struct msghdr *msg, size_t length,
			   struct rtable *rt, int flags)
{
	struct sk_buff *skb;
	struct iphdr *iph;
	int err;

	if (length > dst_mtu(&rt->dst))
		return -EMSGSIZE;
	if (length < sizeof(struct iphdr))
		return -EINVAL;
	skb = sock_alloc_send_skb(sk, LL_MAX_HEADER + length, flags & MSG_DONTWAIT, &err);
	if (!skb)
		return err;
	skb_reserve(skb, LL_MAX_HEADER);
	skb_reset_network_header(skb);
	iph = skb_put(skb, length);
	err = memcpy_from_msg(iph, msg, length);
	if (err)
		goto error;
	err = -EINVAL;
	if (iph->ihl < 5 || iph->ihl > (length >> 2))
		goto error;
	if (!iph->saddr)
		iph->saddr = rt->rt_src;
	iph->tot_len = htons(length);
	if (!iph->id)
		iph->id = ip_select_ident();
	ip_send_check(iph);
	skb_set_transport_header(skb, iph->ihl * 4);
	dst_hold(&rt->dst);
	skb_dst_set(skb, &rt->dst);
	return ip_output(skb);
error:
	kfree_skb(skb);
	return err;
}

static int raw_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	struct inet_sock *inet = inet_sk(sk);
	struct sockaddr_in *usin = msg->msg_name;
	struct ipcm_cookie ipc;
	struct sk_buff *skb;
	struct rtable *rt;
	__be32 daddr, saddr;
	int err;

	if (len > 0xFFFF)
		return -EMSGSIZE;
	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (usin) {
		if (msg->msg_namelen < (int)sizeof(*usin))
			return -EINVAL;
		if (usin->sin_family != AF_INET) {
			if (usin->sin_family != AF_UNSPEC)
				return -EAFNOSUPPORT;
		}
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
		goto out;
	if (inet->hdrincl) {
		err = raw_send_hdrinc(sk, msg, len, rt, msg->msg_flags);
		goto out;
	}
	if (!saddr)
		saddr = rt->rt_src;
	skb = sock_alloc_send_skb(sk, MAX_HEADER + len, msg->msg_flags & MSG_DONTWAIT, &err);
	if (!skb)
		goto out;
	skb_reserve(skb, MAX_HEADER);
	err = memcpy_from_msg(skb_put(skb, len), msg, len);
	if (err) {
		kfree_skb(skb);
		goto out;
	}
	dst_hold(&rt->dst);
	err = ip_send_datagram(sk, skb, rt, saddr, rt->rt_dst, inet->inet_num,
			       ipc.tos >= 0 ? ipc.tos : inet->tos,
			       ipc.ttl > 0 ? ipc.ttl : ip_select_ttl(inet));
out:
	ip_rt_put(rt);
	if (err == -ENOBUFS && !inet->recverr)
		err = 0;
	return err ? err : (int)len;
}


static int raw_bind(struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_in *addr = (struct sockaddr_in *)uaddr;
	struct inet_sock *inet = inet_sk(sk);
	int type;

	if (sk->sk_state != TCP_CLOSE || addr_len < (int)sizeof(*addr))
		return -EINVAL;
	if (addr->sin_family != AF_INET && addr->sin_family != AF_UNSPEC)
		return -EAFNOSUPPORT;
	type = ip_route_input_type(addr->sin_addr.s_addr);
	if (addr->sin_addr.s_addr && type != RTN_LOCAL && type != RTN_MULTICAST &&
	    type != RTN_BROADCAST && !inet->freebind)
		return -EADDRNOTAVAIL;
	lock_sock(sk);
	inet->inet_rcv_saddr = inet->inet_saddr = addr->sin_addr.s_addr;
	if (type == RTN_MULTICAST || type == RTN_BROADCAST)
		inet->inet_saddr = 0;
	release_sock(sk);
	return 0;
}

static int raw_disconnect(struct sock *sk, int flags)
{
	struct inet_sock *inet = inet_sk(sk);

	lock_sock(sk);
	sk->sk_state = TCP_CLOSE;
	inet->inet_daddr = 0;
	inet->inet_dport = 0;
	release_sock(sk);
	return 0;
}

static void raw_close(struct sock *sk, long timeout)
{
	sk_common_release(sk);
}

static int raw_setsockopt(struct sock *sk, int level, int optname,
			  const void __user *optval, unsigned int optlen)
{
	if (level != SOL_RAW)
		return ip_setsockopt(sk, level, optname, optval, optlen);
	if (optname != ICMP_FILTER || inet_sk(sk)->inet_num != IPPROTO_ICMP)
		return -EOPNOTSUPP;
	if (optlen > sizeof(struct icmp_filter))
		optlen = sizeof(struct icmp_filter);
	if (copy_from_user(&((struct raw_sock *)sk)->icmp_filter, optval, optlen))
		return -EFAULT;
	return 0;
}

static int raw_getsockopt(struct sock *sk, int level, int optname,
			  char __user *optval, int __user *optlen)
{
	int len;

	if (level != SOL_RAW)
		return ip_getsockopt(sk, level, optname, optval, optlen);
	if (optname != ICMP_FILTER || inet_sk(sk)->inet_num != IPPROTO_ICMP)
		return -EOPNOTSUPP;
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if (len > (int)sizeof(struct icmp_filter))
		len = sizeof(struct icmp_filter);
	if (put_user(len, optlen) ||
	    copy_to_user(optval, &((struct raw_sock *)sk)->icmp_filter, len))
		return -EFAULT;
	return 0;
}

static int raw_ioctl(struct sock *sk, int cmd, unsigned long arg)
{
	return datagram_ioctl(sk, cmd, arg, 0);
}

struct proto raw_prot = {
	.name		= "RAW",
	.close		= raw_close,
	.connect	= ip4_datagram_connect,
	.disconnect	= raw_disconnect,
	.ioctl		= raw_ioctl,
	.setsockopt	= raw_setsockopt,
	.getsockopt	= raw_getsockopt,
	.sendmsg	= raw_sendmsg,
	.recvmsg	= ip_datagram_recvmsg,
	.bind		= raw_bind,
	.hash		= raw_hash,
	.unhash		= raw_unhash,
	.obj_size	= sizeof(struct raw_sock),
};

void raw_init(void)
{
}
