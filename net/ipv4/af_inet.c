// SPDX-License-Identifier: GPL-2.0
/*
 * AF_INET sockets: the Internet family's entry into the socket layer.
 *
 * socket(AF_INET, type, protocol) looks (type, protocol) up among the
 * registered inet_protosw entries (UDP, TCP, ICMP ping, raw), allocates
 * the transport's sock (prot->obj_size: a udp_sock, tcp_sock, ...,
 * each starting with an inet_sock), and gives the socket that entry's
 * proto_ops.  The proto_ops here (inet_bind, inet_getname, inet_sendmsg,
 * ...) are shared by all transports: they do the family's part (address
 * checks, port numbers, autobinding) and call the transport's struct
 * proto for the rest.  inet_init at boot wires the whole of IPv4
 * together: the ETH_P_IP receive handler, ICMP, UDP, ping and raw.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/init.h>
#include <linux/inetdevice.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/byteorder.h>
#include <uapi/linux/in.h>
#include <uapi/linux/sockios.h>
#include <net/arp.h>
#include <net/icmp.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/ping.h>
#include <net/protocol.h>
#include <net/raw.h>
#include <net/route.h>
#include <net/arp.h>
#include <net/sock.h>
#include <net/udp.h>
#include "fib.h"

static LIST_HEAD(inetsw);
static DEFINE_SPINLOCK(inetsw_lock);

/* Ports below this need CAP_NET_BIND_SERVICE (net.ipv4.ip_unprivileged_port_start). */
int sysctl_ip_prot_sock = 1024;

void inet_register_protosw(struct inet_protosw *p)
{
	spin_lock(&inetsw_lock);
	list_add_tail(&p->list, &inetsw);
	spin_unlock(&inetsw_lock);
}

static void inet_sock_destruct(struct sock *sk)
{
	skb_queue_purge(&sk->sk_receive_queue);
	skb_queue_purge(&sk->sk_error_queue);
}

static int inet_create(struct socket *sock, int protocol, int kern)
{
	struct inet_protosw *answer = NULL, *p;
	struct inet_sock *inet;
	struct sock *sk;
	int err = -ESOCKTNOSUPPORT;

	if (protocol < 0 || protocol >= IPPROTO_MAX)
		return -EINVAL;
	sock->state = SS_UNCONNECTED;
	spin_lock(&inetsw_lock);
	list_for_each_entry(p, &inetsw, list) {
		if (p->type != sock->type)
			continue;
		err = -EPROTONOSUPPORT;
		if (protocol == p->protocol) {
			/* an exact match; a wildcard entry needs a protocol named */
			if (protocol != IPPROTO_IP) {
				answer = p;
				break;
			}
		} else if (protocol == IPPROTO_IP) {
			/* protocol 0: the type's default (UDP for SOCK_DGRAM) */
			protocol = p->protocol;
			answer = p;
			break;
		} else if (p->protocol == IPPROTO_IP) {
			/* the wildcard (raw) takes any protocol named */
			answer = p;
			break;
		}
	}
	spin_unlock(&inetsw_lock);
	if (!answer)
		return err;
	if (sock->type == SOCK_RAW && !kern && !capable(CAP_NET_RAW))
		return -EPERM;

	sk = sk_alloc(PF_INET, answer->prot->obj_size);
	if (!sk)
		return -ENOBUFS;
	sock->ops = answer->ops;
	sock_init_data(sock, sk);
	sk->sk_prot = answer->prot;
	sk->sk_protocol = protocol;
	sk->sk_destruct = inet_sock_destruct;
	if (answer->flags & INET_PROTOSW_REUSE)
		sk->sk_reuse = 1;
	inet = inet_sk(sk);
	inet->is_icsk = !!(answer->flags & INET_PROTOSW_ICSK);
	inet->uc_ttl = 0xff;
	inet->mc_ttl = 1;
	inet->mc_loop = 1;
	inet->pmtudisc = IP_PMTUDISC_WANT;
	inet->inet_id = (u16)jiffies;
	if (sock->type == SOCK_RAW) {
		inet->inet_num = protocol;
		if (protocol == IPPROTO_RAW)
			inet->hdrincl = 1;
	}
	atomic_inc(&answer->prot->inuse);
	if (sk->sk_prot->init) {
		err = sk->sk_prot->init(sk);
		if (err)
			goto out_release;
	}
	if (inet->inet_num) {
		/* raw: receives its protocol's packets from now on */
		inet->inet_sport = htons(inet->inet_num);
		if (sk->sk_prot->hash) {
			err = sk->sk_prot->hash(sk);
			if (err)
				goto out_release;
		}
	}
	return 0;
out_release:
	atomic_dec(&answer->prot->inuse);
	sock->sk = NULL;
	sk->sk_socket = NULL;
	sk_common_release(sk);
	return err;
}

int inet_release(struct socket *sock)
{
	struct sock *sk = sock->sk;
	long timeout = 0;

	if (!sk)
		return 0;
	if (sock_flag(sk, SOCK_LINGER))
		timeout = (long)sk->sk_lingertime * HZ;
	sock->sk = NULL;
	atomic_dec(&sk->sk_prot->inuse);
	sk->sk_prot->close(sk, timeout);
	return 0;
}

int __inet_bind(struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_in *addr = (struct sockaddr_in *)uaddr;
	struct inet_sock *inet = inet_sk(sk);
	unsigned short snum;
	int chk_addr_ret;
	int err;

	if (addr_len < (int)sizeof(struct sockaddr_in))
		return -EINVAL;
	if (addr->sin_family != AF_INET) {
		/* Old programs bind AF_UNSPEC to INADDR_ANY; anything else is wrong. */
		if (addr->sin_family != AF_UNSPEC || addr->sin_addr.s_addr != htonl(INADDR_ANY))
			return -EAFNOSUPPORT;
	}
	chk_addr_ret = ip_route_input_type(addr->sin_addr.s_addr);
	if (addr->sin_addr.s_addr != htonl(INADDR_ANY) && !inet->freebind &&
	    chk_addr_ret != RTN_LOCAL && chk_addr_ret != RTN_MULTICAST &&
	    chk_addr_ret != RTN_BROADCAST)
		return -EADDRNOTAVAIL;
	snum = ntohs(addr->sin_port);
	if (snum && snum < sysctl_ip_prot_sock && !capable(CAP_NET_BIND_SERVICE))
		return -EACCES;

	lock_sock(sk);
	err = -EINVAL;
	if (sk->sk_state != TCP_CLOSE || inet->inet_num)
		goto out;
	inet->inet_rcv_saddr = inet->inet_saddr = addr->sin_addr.s_addr;
	if (chk_addr_ret == RTN_MULTICAST || chk_addr_ret == RTN_BROADCAST)
		inet->inet_saddr = 0;	/* send from the interface's own address */
	release_sock(sk);
	/* get_port may take the protocol's table lock, which nests outside sock locks */
	err = sk->sk_prot->get_port(sk, snum);
	lock_sock(sk);
	if (err) {
		inet->inet_saddr = inet->inet_rcv_saddr = 0;
		err = -EADDRINUSE;
		goto out;
	}
	if (inet->inet_rcv_saddr)
		sk->sk_userlocks |= SOCK_BINDADDR_LOCK;
	if (snum)
		sk->sk_userlocks |= SOCK_BINDPORT_LOCK;
	inet->inet_sport = htons(inet->inet_num);
	inet->inet_daddr = 0;
	inet->inet_dport = 0;
	err = 0;
out:
	release_sock(sk);
	return err;
}

int inet_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len)
{
	struct sock *sk = sock->sk;

	if (sk->sk_prot->bind)	/* raw sockets have no port */
		return sk->sk_prot->bind(sk, uaddr, addr_len);
	return __inet_bind(sk, uaddr, addr_len);
}

/* Give an unbound socket an ephemeral port (its first connect or send). */
int inet_autobind(struct sock *sk)
{
	struct inet_sock *inet = inet_sk(sk);

	if (inet->inet_num)
		return 0;
	if (sk->sk_prot->get_port(sk, 0))
		return -EAGAIN;
	inet->inet_sport = htons(inet->inet_num);
	return 0;
}

int inet_dgram_connect(struct socket *sock, struct sockaddr *uaddr, int addr_len, int flags)
{
	struct sock *sk = sock->sk;

	if (addr_len < (int)sizeof(uaddr->sa_family))
		return -EINVAL;
	if (uaddr->sa_family == AF_UNSPEC)
		return sk->sk_prot->disconnect(sk, flags);
	if (sk->sk_prot->pre_connect) {
		int err = sk->sk_prot->pre_connect(sk, uaddr, addr_len);

		if (err)
			return err;
	}
	if (!inet_sk(sk)->inet_num && inet_autobind(sk))
		return -EAGAIN;
	return sk->sk_prot->connect(sk, uaddr, addr_len);
}

int inet_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct sock *sk = sock->sk;
	struct inet_sock *inet = inet_sk(sk);
	struct sockaddr_in *sin = (struct sockaddr_in *)uaddr;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	if (peer) {
		if (!inet->inet_dport ||
		    ((sk->sk_state == TCP_CLOSE || sk->sk_state == TCP_SYN_SENT) && peer == 1))
			return -ENOTCONN;
		sin->sin_port = inet->inet_dport;
		sin->sin_addr.s_addr = inet->inet_daddr;
	} else {
		__be32 addr = inet->inet_rcv_saddr;

		if (!addr)
			addr = inet->inet_saddr;
		sin->sin_port = inet->inet_sport;
		sin->sin_addr.s_addr = addr;
	}
	return sizeof(*sin);
}

int inet_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	struct sock *sk = sock->sk;

	switch (cmd) {
	case SIOCGIFCONF:
	case SIOCGIFFLAGS:
	case SIOCSIFFLAGS:
	case SIOCGIFMTU:
	case SIOCSIFMTU:
	case SIOCGIFHWADDR:
	case SIOCSIFHWADDR:
	case SIOCGIFINDEX:
	case SIOCGIFNAME:
	case SIOCGIFTXQLEN:
	case SIOCSIFTXQLEN:
	case SIOCGIFMETRIC:
	case SIOCSIFMETRIC:
	case SIOCGIFMAP:
	case SIOCSIFMAP:
	case SIOCSIFNAME:
		return dev_ioctl(cmd, (void __user *)arg);
	case SIOCADDRT:
	case SIOCDELRT:
		return ip_rt_ioctl(cmd, (void __user *)arg);
	case SIOCSARP:
	case SIOCGARP:
	case SIOCDARP:
		return arp_ioctl(cmd, (void __user *)arg);
	case SIOCGIFADDR:
	case SIOCSIFADDR:
	case SIOCGIFBRDADDR:
	case SIOCSIFBRDADDR:
	case SIOCGIFNETMASK:
	case SIOCSIFNETMASK:
	case SIOCGIFDSTADDR:
	case SIOCSIFDSTADDR: {
		struct ifreq ifr;
		int err;

		if (copy_from_user(&ifr, (void __user *)arg, sizeof(ifr)))
			return -EFAULT;
		err = devinet_ioctl(cmd, &ifr);
		/* the getters (the odd numbers) answer in the same ifreq */
		if (!err && (cmd & 1) &&
		    copy_to_user((void __user *)arg, &ifr, sizeof(ifr)))
			err = -EFAULT;
		return err;
	}
	default:
		if (sk->sk_prot->ioctl) {
			int err = sk->sk_prot->ioctl(sk, cmd, arg);

			return err == -ENOIOCTLCMD ? -ENOTTY : err;
		}
		return -ENOTTY;
	}
}

int inet_shutdown(struct socket *sock, int how)
{
	struct sock *sk = sock->sk;
	int err = 0;

	/* SHUT_RD (0) -> RCV_SHUTDOWN (1), SHUT_WR -> SEND_SHUTDOWN, SHUT_RDWR -> both */
	how++;
	if ((how & ~SHUTDOWN_MASK) || !how)
		return -EINVAL;
	lock_sock(sk);
	if (sock->state == SS_CONNECTING) {
		if (sk->sk_state == TCP_SYN_SENT || sk->sk_state == TCP_SYN_RECV ||
		    sk->sk_state == TCP_CLOSE)
			sock->state = SS_DISCONNECTING;
		else
			sock->state = SS_CONNECTED;
	}
	switch (sk->sk_state) {
	case TCP_CLOSE:
		err = -ENOTCONN;
		/* still mark it, so a poller of an unconnected socket wakes with EPOLLHUP */
		fallthrough;
	default:
		sk->sk_shutdown |= how;
		if (sk->sk_prot->shutdown) {
			release_sock(sk);
			sk->sk_prot->shutdown(sk, how);
			lock_sock(sk);
		}
		break;
	case TCP_LISTEN:
		if (!(how & RCV_SHUTDOWN))
			break;
		fallthrough;
	case TCP_SYN_SENT:
		release_sock(sk);
		err = sk->sk_prot->disconnect(sk, O_NONBLOCK);
		lock_sock(sk);
		sock->state = err ? SS_DISCONNECTING : SS_UNCONNECTED;
		break;
	}
	release_sock(sk);
	sk->sk_state_change(sk);
	return err;
}

int inet_sendmsg(struct socket *sock, struct msghdr *msg, size_t size)
{
	struct sock *sk = sock->sk;

	/* a datagram socket gets its port on first send; TCP's come from connect */
	if (sk->sk_type != SOCK_STREAM && !inet_sk(sk)->inet_num && inet_autobind(sk))
		return -EAGAIN;
	return sk->sk_prot->sendmsg(sk, msg, size);
}

int inet_recvmsg(struct socket *sock, struct msghdr *msg, size_t size, int flags)
{
	struct sock *sk = sock->sk;
	int addr_len = 0;
	int err;

	err = sk->sk_prot->recvmsg(sk, msg, size, flags, &addr_len);
	if (err >= 0)
		msg->msg_namelen = addr_len;
	return err;
}

int inet_setsockopt(struct socket *sock, int level, int optname,
		    const void __user *optval, unsigned int optlen)
{
	struct sock *sk = sock->sk;

	if (sk->sk_prot->setsockopt)
		return sk->sk_prot->setsockopt(sk, level, optname, optval, optlen);
	return ip_setsockopt(sk, level, optname, optval, optlen);
}

int inet_getsockopt(struct socket *sock, int level, int optname,
		    char __user *optval, int __user *optlen)
{
	struct sock *sk = sock->sk;

	if (sk->sk_prot->getsockopt)
		return sk->sk_prot->getsockopt(sk, level, optname, optval, optlen);
	return ip_getsockopt(sk, level, optname, optval, optlen);
}

const struct proto_ops inet_dgram_ops = {
	.family		= PF_INET,
	.release	= inet_release,
	.bind		= inet_bind,
	.connect	= inet_dgram_connect,
	.socketpair	= sock_no_socketpair,
	.accept		= sock_no_accept,
	.getname	= inet_getname,
	.poll		= udp_poll,
	.ioctl		= inet_ioctl,
	.listen		= sock_no_listen,
	.shutdown	= inet_shutdown,
	.setsockopt	= inet_setsockopt,
	.getsockopt	= inet_getsockopt,
	.sendmsg	= inet_sendmsg,
	.recvmsg	= inet_recvmsg,
};

/* Raw sockets: as datagram sockets, but readiness is the plain datagram kind. */
const struct proto_ops inet_sockraw_ops = {
	.family		= PF_INET,
	.release	= inet_release,
	.bind		= inet_bind,
	.connect	= inet_dgram_connect,
	.socketpair	= sock_no_socketpair,
	.accept		= sock_no_accept,
	.getname	= inet_getname,
	.poll		= datagram_poll,
	.ioctl		= inet_ioctl,
	.listen		= sock_no_listen,
	.shutdown	= inet_shutdown,
	.setsockopt	= inet_setsockopt,
	.getsockopt	= inet_getsockopt,
	.sendmsg	= inet_sendmsg,
	.recvmsg	= inet_recvmsg,
};

static const struct net_proto_family inet_family_ops = {
	.family = PF_INET,
	.create = inet_create,
};

static struct inet_protosw inetsw_array[] = {
	{
		.type = SOCK_DGRAM,
		.protocol = IPPROTO_UDP,
		.prot = &udp_prot,
		.ops = &inet_dgram_ops,
		.flags = INET_PROTOSW_PERMANENT,
	},
	{
		.type = SOCK_DGRAM,
		.protocol = IPPROTO_ICMP,
		.prot = &ping_prot,
		.ops = &inet_sockraw_ops,
		.flags = INET_PROTOSW_REUSE,
	},
	{
		.type = SOCK_RAW,
		.protocol = IPPROTO_IP,	/* wild card */
		.prot = &raw_prot,
		.ops = &inet_sockraw_ops,
		.flags = INET_PROTOSW_REUSE,
	},
};

static struct packet_type ip_packet_type = {
	.func = ip_rcv,
};

static int __init inet_init(void)
{
	unsigned int i;
	int err;

	ip_packet_type.type = htons(ETH_P_IP);
	icmp_init();
	udp_init();
	ping_init();
	raw_init();
	for (i = 0; i < ARRAY_SIZE(inetsw_array); i++)
		inet_register_protosw(&inetsw_array[i]);
	ip_init();
	arp_init();
	dev_add_pack(&ip_packet_type);
	err = sock_register(&inet_family_ops);
	if (err)
		pr_err("inet: cannot register AF_INET: %d\n", err);
	return err;
}
fs_initcall(inet_init);
