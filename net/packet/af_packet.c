// SPDX-License-Identifier: GPL-2.0
/*
 * AF_PACKET sockets: whole link-layer frames (SOCK_RAW) or the packets
 * inside them with the link header taken off and put on by the kernel
 * (SOCK_DGRAM), for root only (CAP_NET_RAW).  A packet socket bound to a
 * protocol (ETH_P_IP, or ETH_P_ALL for everything) and perhaps one
 * interface gets a copy of every matching frame that arrives, before IP
 * looks at it; that is how a DHCP client (busybox udhcpc) hears the
 * server's offer before it has an address at all.  What it sends goes
 * straight to the device.  Frames this host sends are not looped back to
 * ETH_P_ALL sockets, and socket filters (SO_ATTACH_FILTER) are not
 * supported.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/byteorder.h>
#include <uapi/linux/if_packet.h>
#include <net/sock.h>

struct packet_sock {
	struct sock sk;
	struct list_head node;		/* in packet_sockets while it has a protocol */
	__be16 num;			/* the protocol it receives, ETH_P_ALL for all */
	int ifindex;			/* bound to one interface, 0: all */
};

/* Where a received frame came from, kept in its cb for recvmsg. */
struct packet_skb_cb {
	struct sockaddr_ll sll;
};
#define PACKET_SKB_CB(skb)	((struct packet_skb_cb *)((skb)->cb))

static LIST_HEAD(packet_sockets);
static DEFINE_SPINLOCK(packet_lock);

static struct packet_sock *pkt_sk(struct sock *sk)
{
	return (struct packet_sock *)sk;
}

/*
 * Called by netif_receive_skb (softirq) for every frame, data at the
 * network header and the MAC header still in front of it.
 */
void packet_rcv(struct sk_buff *skb)
{
	struct packet_sock *po;
	struct net_device *dev = skb->dev;

	if (list_empty(&packet_sockets))
		return;
	spin_lock(&packet_lock);
	list_for_each_entry(po, &packet_sockets, node) {
		struct sock *sk = &po->sk;
		struct sk_buff *c;
		struct sockaddr_ll *sll;

		if (po->num != htons(ETH_P_ALL) && po->num != skb->protocol)
			continue;
		if (po->ifindex && po->ifindex != dev->ifindex)
			continue;
		c = skb_clone(skb, GFP_ATOMIC);
		if (!c)
			break;
		if (sk->sk_type == SOCK_RAW && skb_mac_header(c) < c->data)
			skb_push(c, c->data - skb_mac_header(c));
		sll = &PACKET_SKB_CB(c)->sll;
		memset(sll, 0, sizeof(*sll));
		sll->sll_family = AF_PACKET;
		sll->sll_protocol = skb->protocol;
		sll->sll_ifindex = dev->ifindex;
		sll->sll_hatype = dev->type;
		sll->sll_pkttype = skb->pkt_type;
		if (dev->header_ops && skb->mac_header != (u16)~0U) {
			/* the sender's address: the Ethernet source */
			sll->sll_halen = ETH_ALEN;
			memcpy(sll->sll_addr, ((struct ethhdr *)skb_mac_header(skb))->h_source,
			       ETH_ALEN);
		}
		if (sock_queue_rcv_skb(sk, c) < 0) {
			__atomic_fetch_add(&sk->sk_drops, 1, __ATOMIC_RELAXED);
			kfree_skb(c);
		}
	}
	spin_unlock(&packet_lock);
}

static void packet_hash(struct packet_sock *po)
{
	spin_lock_bh(&packet_lock);
	list_del_init(&po->node);
	if (po->num)
		list_add_tail(&po->node, &packet_sockets);
	spin_unlock_bh(&packet_lock);
}

static int packet_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_ll *sll = (struct sockaddr_ll *)uaddr;
	struct packet_sock *po = pkt_sk(sock->sk);

	if (addr_len < (int)offsetof(struct sockaddr_ll, sll_addr) || sll->sll_family != AF_PACKET)
		return -EINVAL;
	if (sll->sll_ifindex) {
		struct net_device *dev = dev_get_by_index(sll->sll_ifindex);

		if (!dev)
			return -ENODEV;
		dev_put(dev);
	}
	po->ifindex = sll->sll_ifindex;
	if (sll->sll_protocol)
		po->num = sll->sll_protocol;
	packet_hash(po);
	return 0;
}

static int packet_sendmsg(struct socket *sock, struct msghdr *msg, size_t len)
{
	struct sock *sk = sock->sk;
	struct packet_sock *po = pkt_sk(sk);
	struct sockaddr_ll *saddr = msg->msg_name;
	const unsigned char *addr = NULL;
	struct net_device *dev;
	struct sk_buff *skb;
	__be16 proto = po->num;
	int ifindex = po->ifindex, err;

	if (saddr) {
		if (msg->msg_namelen < (int)offsetof(struct sockaddr_ll, sll_addr))
			return -EINVAL;
		if (msg->msg_namelen < (int)(saddr->sll_halen + offsetof(struct sockaddr_ll, sll_addr)))
			return -EINVAL;
		ifindex = saddr->sll_ifindex;
		proto = saddr->sll_protocol;
		addr = saddr->sll_addr;
	}
	dev = dev_get_by_index(ifindex);
	if (!dev)
		return -ENXIO;
	err = -ENETDOWN;
	if (!netif_running(dev))
		goto out;
	err = -EMSGSIZE;
	if (len > dev->mtu + (sock->type == SOCK_RAW ? dev->hard_header_len : 0))
		goto out;
	err = -EINVAL;
	if (sock->type == SOCK_DGRAM && dev->header_ops && !addr)
		goto out;	/* a link header needs a destination */
	skb = sock_alloc_send_skb(sk, LL_MAX_HEADER + len, msg->msg_flags & MSG_DONTWAIT, &err);
	if (!skb)
		goto out;
	skb_reserve(skb, LL_MAX_HEADER);
	skb_reset_network_header(skb);
	err = memcpy_from_msg(skb_put(skb, len), msg, len);
	if (err)
		goto out_free;
	skb->dev = dev;
	skb->protocol = proto;
	if (sock->type == SOCK_DGRAM) {
		err = dev_hard_header(skb, dev, ntohs(proto), addr, NULL, len);
		if (err < 0)
			goto out_free;
	}
	err = dev_queue_xmit(skb);
	dev_put(dev);
	return err ? err : (int)len;
out_free:
	kfree_skb(skb);
out:
	dev_put(dev);
	return err;
}

static int packet_recvmsg(struct socket *sock, struct msghdr *msg, size_t len, int flags)
{
	struct sock *sk = sock->sk;
	struct sk_buff *skb;
	unsigned int copied;
	int err;

	if (flags & ~(MSG_PEEK | MSG_DONTWAIT | MSG_TRUNC | MSG_CMSG_CLOEXEC | MSG_WAITALL))
		return -EINVAL;
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	copied = min_t(size_t, len, skb->len);
	if (copied < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	err = skb_copy_datagram_msg(skb, 0, msg, copied);
	if (!err) {
		if (msg->msg_name) {
			memcpy(msg->msg_name, &PACKET_SKB_CB(skb)->sll, sizeof(struct sockaddr_ll));
			msg->msg_namelen = sizeof(struct sockaddr_ll);
		}
		err = (flags & MSG_TRUNC) ? (int)skb->len : (int)copied;
	}
	kfree_skb(skb);
	return err;
}

static int packet_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct packet_sock *po = pkt_sk(sock->sk);
	struct sockaddr_ll *sll = (struct sockaddr_ll *)uaddr;
	struct net_device *dev;

	if (peer)
		return -EOPNOTSUPP;
	memset(sll, 0, sizeof(*sll));
	sll->sll_family = AF_PACKET;
	sll->sll_protocol = po->num;
	sll->sll_ifindex = po->ifindex;
	dev = po->ifindex ? dev_get_by_index(po->ifindex) : NULL;
	if (dev) {
		sll->sll_hatype = dev->type;
		sll->sll_halen = dev->addr_len;
		memcpy(sll->sll_addr, dev->dev_addr, min_t(int, dev->addr_len, 8));
		dev_put(dev);
	}
	return offsetof(struct sockaddr_ll, sll_addr) + sll->sll_halen;
}

static int packet_setsockopt(struct socket *sock, int level, int optname,
			     const void __user *optval, unsigned int optlen)
{
	return -ENOPROTOOPT;	/* PACKET_AUXDATA, rings, fanout: not implemented */
}

static int packet_release(struct socket *sock)
{
	struct sock *sk = sock->sk;
	struct packet_sock *po;

	if (!sk)
		return 0;
	po = pkt_sk(sk);
	spin_lock_bh(&packet_lock);
	list_del_init(&po->node);
	spin_unlock_bh(&packet_lock);
	sock->sk = NULL;
	sock_orphan(sk);
	skb_queue_purge(&sk->sk_receive_queue);
	sock_put(sk);
	return 0;
}

static int packet_shutdown(struct socket *sock, int how)
{
	return -EOPNOTSUPP;
}

static int packet_connect(struct socket *sock, struct sockaddr *uaddr, int addr_len, int flags)
{
	return -EOPNOTSUPP;
}

static const struct proto_ops packet_ops = {
	.family		= PF_PACKET,
	.release	= packet_release,
	.bind		= packet_bind,
	.connect	= packet_connect,
	.socketpair	= sock_no_socketpair,
	.accept		= sock_no_accept,
	.getname	= packet_getname,
	.poll		= datagram_poll,
	.listen		= sock_no_listen,
	.shutdown	= packet_shutdown,
	.setsockopt	= packet_setsockopt,
	.sendmsg	= packet_sendmsg,
	.recvmsg	= packet_recvmsg,
};

static int packet_create(struct socket *sock, int protocol, int kern)
{
	struct packet_sock *po;
	struct sock *sk;

	if (!kern && !capable(CAP_NET_RAW))
		return -EPERM;
	if (sock->type != SOCK_DGRAM && sock->type != SOCK_RAW)
		return -ESOCKTNOSUPPORT;
	sock->state = SS_UNCONNECTED;
	sk = sk_alloc(PF_PACKET, sizeof(struct packet_sock));
	if (!sk)
		return -ENOBUFS;
	sock_init_data(sock, sk);
	sk->sk_protocol = protocol;
	sock->ops = &packet_ops;
	po = pkt_sk(sk);
	INIT_LIST_HEAD(&po->node);
	po->num = protocol;	/* already in network order, as socket(2) takes it */
	packet_hash(po);
	return 0;
}

static const struct net_proto_family packet_family_ops = {
	.family = PF_PACKET,
	.create = packet_create,
};

static int __init packet_init(void)
{
	return sock_register(&packet_family_ops);
}
fs_initcall(packet_init);
