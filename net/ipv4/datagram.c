// SPDX-License-Identifier: GPL-2.0
/*
 * connect() for the IPv4 datagram sockets (UDP, ping, raw): no packet
 * is sent; the socket just remembers its peer, takes the source address
 * the route to it gives, and from then on accepts datagrams only from
 * that peer and sends to it by default.  And the recvmsg raw and ping
 * sockets share.
 */
#include <linux/kernel.h>
#include <asm/byteorder.h>
#include <uapi/linux/in.h>
#include <net/inet_sock.h>
#include <net/ip.h>
#include <net/route.h>
#include <net/sock.h>
#include <net/udp.h>

int ip4_datagram_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	struct inet_sock *inet = inet_sk(sk);
	struct sockaddr_in *usin = (struct sockaddr_in *)uaddr;
	struct rtable *rt;
	int err = 0;

	if (addr_len < (int)sizeof(*usin))
		return -EINVAL;
	if (usin->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	rt = ip_route_output(usin->sin_addr.s_addr, inet->inet_saddr);
	if (IS_ERR(rt))
		return PTR_ERR(rt) == -EINVAL ? -EADDRNOTAVAIL : PTR_ERR(rt);
	lock_sock(sk);
	if (rt->rt_type == RTN_BROADCAST && !sock_flag(sk, SOCK_BROADCAST)) {
		err = -EACCES;
		goto out;
	}
	if (!inet->inet_saddr)
		inet->inet_saddr = rt->rt_src;
	if (!inet->inet_rcv_saddr)
		inet->inet_rcv_saddr = rt->rt_src;
	inet->inet_daddr = rt->rt_dst;
	inet->inet_dport = usin->sin_port;
	sk->sk_state = TCP_ESTABLISHED;
	sk->sk_err = 0;
out:
	release_sock(sk);
	ip_rt_put(rt);
	return err;
}

/* connect(AF_UNSPEC): forget the peer; an address or port chosen by connect goes too. */
int udp_disconnect(struct sock *sk, int flags)
{
	struct inet_sock *inet = inet_sk(sk);

	lock_sock(sk);
	sk->sk_state = TCP_CLOSE;
	inet->inet_daddr = 0;
	inet->inet_dport = 0;
	if (!(sk->sk_userlocks & SOCK_BINDADDR_LOCK)) {
		inet->inet_rcv_saddr = 0;
		inet->inet_saddr = 0;
	}
	release_sock(sk);
	if (!(sk->sk_userlocks & SOCK_BINDPORT_LOCK) && sk->sk_prot->unhash) {
		sk->sk_prot->unhash(sk);
		inet->inet_sport = 0;
	}
	return 0;
}

/*
 * recvmsg for raw and ping sockets: one whole datagram (MSG_TRUNC says
 * what did not fit), its sender, and the IP control messages asked for.
 */
int ip_datagram_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
			int *addr_len)
{
	struct sockaddr_in *sin = msg->msg_name;
	struct sk_buff *skb;
	unsigned int copied;
	int err;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (flags & MSG_ERRQUEUE)
		return -EAGAIN;
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	copied = min_t(size_t, len, skb->len);
	if (copied < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	err = skb_copy_datagram_msg(skb, 0, msg, copied);
	if (err)
		goto out;
	if (sin) {
		memset(sin, 0, sizeof(*sin));
		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = ip_hdr(skb)->saddr;
		*addr_len = sizeof(*sin);
	}
	if (inet_sk(sk)->cmsg_flags)
		ip_cmsg_recv(msg, skb);
	err = (flags & MSG_TRUNC) ? (int)skb->len : (int)copied;
out:
	kfree_skb(skb);
	return err;
}
