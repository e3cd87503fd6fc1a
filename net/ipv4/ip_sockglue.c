// SPDX-License-Identifier: GPL-2.0
/*
 * The SOL_IP socket options (ip(7)) shared by every IPv4 socket: what
 * TTL and TOS to send with, path MTU discovery, which ancillary data
 * recvmsg delivers (IP_PKTINFO, IP_RECVTTL, IP_RECVTOS), and the
 * control messages sendmsg accepts with the same names.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/uaccess.h>
#include <uapi/linux/in.h>
#include <net/inet_sock.h>
#include <net/ip.h>
#include <net/route.h>
#include <net/sock.h>

/* Options are ints, but Linux also takes a single byte for the small ones. */
static int ip_get_int(const void __user *optval, unsigned int optlen, int *val)
{
	if (optlen >= sizeof(int))
		return get_user(*val, (const int __user *)optval) ? -EFAULT : 0;
	if (optlen >= 1) {
		unsigned char c;

		if (get_user(c, (const unsigned char __user *)optval))
			return -EFAULT;
		*val = c;
		return 0;
	}
	return -EINVAL;
}

static void set_cmsg_flag(struct inet_sock *inet, u32 flag, int val)
{
	if (val)
		inet->cmsg_flags |= flag;
	else
		inet->cmsg_flags &= ~flag;
}

int ip_setsockopt(struct sock *sk, int level, int optname,
		  const void __user *optval, unsigned int optlen)
{
	struct inet_sock *inet = inet_sk(sk);
	int val = 0, err;

	if (level != SOL_IP)
		return -ENOPROTOOPT;
	switch (optname) {
	case IP_OPTIONS:
		/* Setting no options is fine; real IP options are not supported. */
		return optlen ? -ENOPROTOOPT : 0;
	case IP_TOS: case IP_TTL: case IP_HDRINCL: case IP_PKTINFO: case IP_MTU_DISCOVER:
	case IP_RECVERR: case IP_RECVTTL: case IP_RECVTOS: case IP_FREEBIND:
	case IP_MULTICAST_TTL: case IP_MULTICAST_LOOP:
		err = ip_get_int(optval, optlen, &val);
		if (err)
			return err;
		break;
	case IP_MTU:
		return -ENOPROTOOPT;	/* read-only */
	default:
		return -ENOPROTOOPT;
	}

	err = 0;
	lock_sock(sk);
	switch (optname) {
	case IP_TOS:
		/* The two ECN bits belong to TCP on stream sockets. */
		if (sk->sk_type == SOCK_STREAM)
			val = (val & ~3) | (inet->tos & 3);
		inet->tos = val;
		sk->sk_priority = (val & 0x1e) >> 1;
		break;
	case IP_TTL:
		if (optlen < 1) {
			err = -EINVAL;
			break;
		}
		if (val != -1 && (val < 1 || val > 255)) {
			err = -EINVAL;
			break;
		}
		inet->uc_ttl = val == -1 ? 0xff : val;
		break;
	case IP_HDRINCL:
		if (sk->sk_type != SOCK_RAW) {
			err = -ENOPROTOOPT;
			break;
		}
		inet->hdrincl = !!val;
		break;
	case IP_PKTINFO:
		set_cmsg_flag(inet, IP_CMSG_PKTINFO, val);
		break;
	case IP_RECVTTL:
		set_cmsg_flag(inet, IP_CMSG_TTL, val);
		break;
	case IP_RECVTOS:
		set_cmsg_flag(inet, IP_CMSG_TOS, val);
		break;
	case IP_MTU_DISCOVER:
		if (val < IP_PMTUDISC_DONT || val > 5) {	/* up to IP_PMTUDISC_OMIT */
			err = -EINVAL;
			break;
		}
		inet->pmtudisc = val;
		break;
	case IP_RECVERR:
		inet->recverr = !!val;
		if (!val)
			skb_queue_purge(&sk->sk_error_queue);
		break;
	case IP_FREEBIND:
		inet->freebind = !!val;
		break;
	case IP_MULTICAST_TTL:
		if (sk->sk_type == SOCK_STREAM) {
			err = -EINVAL;
			break;
		}
		if (val == -1)
			val = 1;
		if (val < 0 || val > 255) {
			err = -EINVAL;
			break;
		}
		inet->mc_ttl = val;
		break;
	case IP_MULTICAST_LOOP:
		inet->mc_loop = !!val;
		break;
	}
	release_sock(sk);
	return err;
}

int ip_getsockopt(struct sock *sk, int level, int optname,
		  char __user *optval, int __user *optlen)
{
	struct inet_sock *inet = inet_sk(sk);
	int val, len;

	if (level != SOL_IP)
		return -EOPNOTSUPP;
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	switch (optname) {
	case IP_OPTIONS:
		return put_user(0, optlen) ? -EFAULT : 0;
	case IP_TOS:
		val = inet->tos;
		break;
	case IP_TTL:
		val = ip_select_ttl(inet);
		break;
	case IP_HDRINCL:
		val = inet->hdrincl;
		break;
	case IP_PKTINFO:
		val = !!(inet->cmsg_flags & IP_CMSG_PKTINFO);
		break;
	case IP_RECVTTL:
		val = !!(inet->cmsg_flags & IP_CMSG_TTL);
		break;
	case IP_RECVTOS:
		val = !!(inet->cmsg_flags & IP_CMSG_TOS);
		break;
	case IP_MTU_DISCOVER:
		val = inet->pmtudisc;
		break;
	case IP_RECVERR:
		val = inet->recverr;
		break;
	case IP_FREEBIND:
		val = inet->freebind;
		break;
	case IP_MULTICAST_TTL:
		val = inet->mc_ttl;
		break;
	case IP_MULTICAST_LOOP:
		val = inet->mc_loop;
		break;
	case IP_MTU: {
		struct rtable *rt;

		if (sk->sk_state != TCP_ESTABLISHED)
			return -ENOTCONN;
		rt = ip_route_output(inet->inet_daddr, inet->inet_saddr);
		if (IS_ERR(rt))
			return -ENOTCONN;
		val = dst_mtu(&rt->dst);
		ip_rt_put(rt);
		break;
	}
	default:
		return -ENOPROTOOPT;
	}
	/* Linux answers a short buffer with one byte for small values. */
	if (len < (int)sizeof(int) && len > 0 && val >= 0 && val <= 255) {
		unsigned char c = val;

		if (put_user(1, optlen) || put_user(c, (unsigned char __user *)optval))
			return -EFAULT;
		return 0;
	}
	len = min_t(unsigned int, sizeof(int), len);
	if (put_user(len, optlen) || copy_to_user(optval, &val, len))
		return -EFAULT;
	return 0;
}

/* The control messages of a send: IP_PKTINFO (source address), IP_TTL, IP_TOS. */
int ip_cmsg_send(struct sock *sk, struct msghdr *msg, struct ipcm_cookie *ipc)
{
	char *p = msg->msg_control;
	size_t left = msg->msg_controllen;

	ipc->addr = 0;
	ipc->oif = sk->sk_bound_dev_if;
	ipc->tos = -1;
	ipc->ttl = 0;
	while (p && left >= sizeof(struct cmsghdr)) {
		const struct cmsghdr *cmsg = (const struct cmsghdr *)p;
		size_t dlen, space;
		int val;

		if (cmsg->cmsg_len < sizeof(struct cmsghdr) || cmsg->cmsg_len > left)
			return -EINVAL;
		dlen = cmsg->cmsg_len - CMSG_ALIGN(sizeof(struct cmsghdr));
		if (cmsg->cmsg_level == SOL_IP) {
			switch (cmsg->cmsg_type) {
			case IP_PKTINFO: {
				const struct in_pktinfo *info = CMSG_DATA(cmsg);

				if (dlen < sizeof(*info))
					return -EINVAL;
				if (info->ipi_ifindex)
					ipc->oif = info->ipi_ifindex;
				ipc->addr = info->ipi_spec_dst.s_addr;
				break;
			}
			case IP_TTL:
				if (dlen != sizeof(int))
					return -EINVAL;
				val = *(const int *)CMSG_DATA(cmsg);
				if (val < 1 || val > 255)
					return -EINVAL;
				ipc->ttl = val;
				break;
			case IP_TOS:
				if (dlen == sizeof(int))
					val = *(const int *)CMSG_DATA(cmsg);
				else if (dlen == 1)
					val = *(const u8 *)CMSG_DATA(cmsg);
				else
					return -EINVAL;
				if (val < 0 || val > 255)
					return -EINVAL;
				ipc->tos = val;
				break;
			default:
				return -EINVAL;
			}
		} else if (cmsg->cmsg_level != SOL_SOCKET) {
			return -EINVAL;
		}
		space = CMSG_ALIGN(cmsg->cmsg_len);
		if (space >= left)
			break;
		p += space;
		left -= space;
	}
	return 0;
}

/* Ancillary data the receiver asked for with IP_PKTINFO/IP_RECVTTL/IP_RECVTOS. */
void ip_cmsg_recv(struct msghdr *msg, struct sk_buff *skb)
{
	const struct inet_sock *inet = inet_sk(skb->sk ? skb->sk : NULL);
	const struct iphdr *iph = ip_hdr(skb);
	u32 flags = inet ? inet->cmsg_flags : 0;

	if (flags & IP_CMSG_PKTINFO) {
		struct in_pktinfo info = {
			.ipi_ifindex = IPCB(skb)->iif,
			.ipi_spec_dst.s_addr = iph->daddr,
			.ipi_addr.s_addr = iph->daddr,
		};

		put_cmsg(msg, SOL_IP, IP_PKTINFO, sizeof(info), &info);
	}
	if (flags & IP_CMSG_TTL) {
		int ttl = iph->ttl;

		put_cmsg(msg, SOL_IP, IP_TTL, sizeof(ttl), &ttl);
	}
	if (flags & IP_CMSG_TOS) {
		u8 tos = iph->tos;

		put_cmsg(msg, SOL_IP, IP_TOS, sizeof(tos), &tos);
	}
}
