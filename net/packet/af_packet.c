// SPDX-License-Identifier: GPL-2.0
/*
 * AF_PACKET: sockets below IP, which see link-layer frames.  A DHCP
 * client needs one (it must talk before the interface has an address),
 * and so do tcpdump and arping.
 *
 * A packet socket registers a struct packet_type hook for its protocol
 * (or ETH_P_ALL for every frame, sent ones included) and, once bound,
 * for one interface.  netif_receive_skb hands each hook its own copy.
 * SOCK_RAW sockets read and write whole frames, link header included;
 * SOCK_DGRAM ones see the payload, the link header being built from the
 * sockaddr_ll on send and described in it on receive.  Opening one
 * needs CAP_NET_RAW.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/if_packet.h>
#include <linux/init.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/poll.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/uaccess.h>
#include <uapi/linux/sockios.h>
#include <asm/byteorder.h>
#include <net/sock.h>

struct packet_sock {
	struct sock sk;			/* first: sk_alloc sizes us */
	struct packet_type prot_hook;	/* our receive hook, while running */
	spinlock_t bind_lock;		/* num, ifindex, running */
	__be16 num;			/* bound protocol (ETH_P_*), network order */
	int ifindex;			/* bound interface, 0 for all */
	bool running;			/* hook registered */
	bool auxdata;			/* PACKET_AUXDATA */
	bool origdev;			/* PACKET_ORIGDEV */
	unsigned int tp_packets, tp_drops;	/* PACKET_STATISTICS since the last read */
};

static inline struct packet_sock *pkt_sk(struct sock *sk)
{
	return container_of(sk, struct packet_sock, sk);
}

/* What a received frame carries to recvmsg, in skb->cb. */
struct packet_skb_cb {
	struct sockaddr_ll sa;
	u32 tp_status;
	u32 origlen;
};

#define PACKET_SKB_CB(skb)	((struct packet_skb_cb *)((skb)->cb))

/* ---------- the receive hook ---------- */

static int packet_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	struct sock *sk = pt->af_packet_priv;
	struct packet_sock *po = pkt_sk(sk);
	struct packet_skb_cb *cb;
	unsigned int origlen;

	if (skb->pkt_type == PACKET_LOOPBACK && !(dev->flags & IFF_LOOPBACK))
		goto drop;
	/*
	 * The hook sees the frame after the link header was pulled.  A raw
	 * socket wants it back; a datagram socket reads from the network
	 * header on.
	 */
	if (sk->sk_type == SOCK_RAW && dev->header_ops) {
		int maclen = skb->data - skb_mac_header(skb);

		if (maclen > 0 && maclen <= (int)skb_headroom(skb))
			skb_push(skb, maclen);
	}
	origlen = skb->len;
	cb = PACKET_SKB_CB(skb);
	memset(cb, 0, sizeof(*cb));
	cb->sa.sll_family = AF_PACKET;
	cb->sa.sll_protocol = skb->protocol;
	cb->sa.sll_ifindex = dev->ifindex;
	cb->sa.sll_hatype = dev->type;
	cb->sa.sll_pkttype = skb->pkt_type;
	if (dev->header_ops && dev->addr_len <= sizeof(cb->sa.sll_addr)) {
		const struct ethhdr *eth = (const struct ethhdr *)skb_mac_header(skb);

		cb->sa.sll_halen = dev->addr_len;
		memcpy(cb->sa.sll_addr, eth->h_source, dev->addr_len);
	}
	cb->origlen = origlen;
	cb->tp_status = TP_STATUS_USER;
	if (skb->ip_summed == CHECKSUM_PARTIAL)
		cb->tp_status |= TP_STATUS_CSUMNOTREADY;
	else if (skb->ip_summed == CHECKSUM_UNNECESSARY)
		cb->tp_status |= TP_STATUS_CSUM_VALID;

	spin_lock(&po->bind_lock);
	po->tp_packets++;
	spin_unlock(&po->bind_lock);
	if (sock_queue_rcv_skb(sk, skb) < 0) {
		spin_lock(&po->bind_lock);
		po->tp_drops++;
		spin_unlock(&po->bind_lock);
		goto drop;
	}
	return NET_RX_SUCCESS;
drop:
	kfree_skb(skb);
	return NET_RX_DROP;
}

/* bind_lock held: (re)register the hook for po->num on po->ifindex. */
static void register_prot_hook(struct packet_sock *po)
{
	if (po->running || !po->num)
		return;
	po->prot_hook.type = po->num;
	po->prot_hook.ifindex = po->ifindex;
	dev_add_pack(&po->prot_hook);
	po->running = true;
}

/*
 * bind_lock held: take the hook off the lists.  A receive may still be
 * in it until the caller, without the lock, calls synchronize_net().
 */
static void unregister_prot_hook(struct packet_sock *po)
{
	if (!po->running)
		return;
	__dev_remove_pack(&po->prot_hook);
	po->running = false;
}

/* ---------- proto_ops ---------- */

static int packet_release(struct socket *sock)
{
	struct sock *sk = sock->sk;
	struct packet_sock *po;

	if (!sk)
		return 0;
	po = pkt_sk(sk);
	spin_lock_bh(&po->bind_lock);
	unregister_prot_hook(po);
	spin_unlock_bh(&po->bind_lock);
	/* No receive may still be queueing to us when the sock goes. */
	synchronize_net();
	sock_orphan(sk);
	sock->sk = NULL;
	skb_queue_purge(&sk->sk_receive_queue);
	sock_put(sk);
	return 0;
}

static int packet_do_bind(struct sock *sk, int ifindex, __be16 proto)
{
	struct packet_sock *po = pkt_sk(sk);
	struct net_device *dev = NULL;

	if (ifindex) {
		dev = dev_get_by_index(ifindex);
		if (!dev)
			return -ENODEV;
	}
	spin_lock_bh(&po->bind_lock);
	unregister_prot_hook(po);
	po->num = proto;
	po->ifindex = ifindex;
	/*
	 * A hook is re-added at the tail, and a receive walking the list
	 * may still be on the old position: without the wait, it could
	 * see the hook twice.
	 */
	spin_unlock_bh(&po->bind_lock);
	synchronize_net();
	spin_lock_bh(&po->bind_lock);
	register_prot_hook(po);
	spin_unlock_bh(&po->bind_lock);
	if (dev) {
		/* Linux reports a bound socket on a down interface with ENETDOWN. */
		if (!netif_running(dev)) {
			sk->sk_err = ENETDOWN;
			sk->sk_error_report(sk);
		}
		dev_put(dev);
	}
	return 0;
}

static int packet_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_ll *sll = (struct sockaddr_ll *)uaddr;

	if (addr_len < (int)sizeof(struct sockaddr_ll))
		return -EINVAL;
	if (sll->sll_family != AF_PACKET)
		return -EINVAL;
	return packet_do_bind(sock->sk, sll->sll_ifindex,
			      sll->sll_protocol ? sll->sll_protocol : pkt_sk(sock->sk)->num);
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
	sll->sll_ifindex = po->ifindex;
	sll->sll_protocol = po->num;
	dev = po->ifindex ? dev_get_by_index(po->ifindex) : NULL;
	if (dev) {
		sll->sll_hatype = dev->type;
		sll->sll_halen = dev->addr_len;
		memcpy(sll->sll_addr, dev->dev_addr, min_t(unsigned int, dev->addr_len, 8));
		dev_put(dev);
	}
	return offsetof(struct sockaddr_ll, sll_addr) + sll->sll_halen;
}

static int packet_sendmsg(struct socket *sock, struct msghdr *msg, size_t len)
{
	struct sock *sk = sock->sk;
	struct packet_sock *po = pkt_sk(sk);
	struct sockaddr_ll *saddr = msg->msg_name;
	const unsigned char *addr = NULL;
	struct net_device *dev;
	struct sk_buff *skb;
	int ifindex, hlen, err;
	__be16 proto;

	if (saddr) {
		if (msg->msg_namelen < (int)offsetof(struct sockaddr_ll, sll_addr))
			return -EINVAL;
		if (saddr->sll_family != AF_PACKET)
			return -EINVAL;
		ifindex = saddr->sll_ifindex;
		proto = saddr->sll_protocol;
		if (msg->msg_namelen < (int)(offsetof(struct sockaddr_ll, sll_addr) +
					     saddr->sll_halen))
			return -EINVAL;
		addr = saddr->sll_addr;
	} else {
		ifindex = po->ifindex;
		proto = po->num;
	}
	dev = dev_get_by_index(ifindex);
	if (!dev)
		return -ENXIO;
	err = -ENETDOWN;
	if (!netif_running(dev))
		goto out_put;
	err = -EINVAL;
	if (sock->type == SOCK_DGRAM && saddr && saddr->sll_halen < dev->addr_len && dev->header_ops)
		goto out_put;
	hlen = LL_MAX_HEADER;
	err = -EMSGSIZE;
	if (len > dev->mtu + (sock->type == SOCK_RAW ? dev->hard_header_len : 0))
		goto out_put;
	if (sock->type == SOCK_RAW && dev->header_ops && len < ETH_HLEN)
		goto out_put_inval;
	skb = sock_alloc_send_skb(sk, hlen + len, msg->msg_flags & MSG_DONTWAIT, &err);
	if (!skb)
		goto out_put;
	skb_reserve(skb, hlen);
	skb_reset_network_header(skb);
	err = memcpy_from_msg(skb_put(skb, len), msg, len);
	if (err)
		goto out_free;
	skb->dev = dev;
	skb->protocol = proto;
	if (sock->type == SOCK_DGRAM) {
		if (dev_hard_header(skb, dev, ntohs(proto), addr, NULL, len) < 0) {
			err = -EINVAL;
			goto out_free;
		}
	} else {
		skb_reset_mac_header(skb);
		if (dev->header_ops)
			skb_set_network_header(skb, ETH_HLEN);
	}
	err = dev_queue_xmit(skb);
	dev_put(dev);
	return err < 0 ? err : (int)len;

out_free:
	kfree_skb(skb);
	goto out_put;
out_put_inval:
	err = -EINVAL;
out_put:
	dev_put(dev);
	return err;
}

static int packet_recvmsg(struct socket *sock, struct msghdr *msg, size_t len, int flags)
{
	struct sock *sk = sock->sk;
	struct packet_sock *po = pkt_sk(sk);
	struct packet_skb_cb *cb;
	struct sk_buff *skb;
	unsigned int copied;
	int err;

	if (flags & ~(MSG_PEEK | MSG_DONTWAIT | MSG_TRUNC | MSG_WAITALL | MSG_CMSG_CLOEXEC |
		      MSG_ERRQUEUE | MSG_NOSIGNAL))
		return -EINVAL;
	if (flags & MSG_ERRQUEUE)
		return -EAGAIN;
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	cb = PACKET_SKB_CB(skb);
	copied = min_t(size_t, len, skb->len);
	if (copied < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	err = skb_copy_datagram_msg(skb, 0, msg, copied);
	if (err)
		goto out;
	if (msg->msg_name) {
		unsigned int alen = offsetof(struct sockaddr_ll, sll_addr) +
				    max_t(unsigned int, cb->sa.sll_halen, 8);

		memcpy(msg->msg_name, &cb->sa, sizeof(cb->sa));
		msg->msg_namelen = alen;
	}
	if (po->auxdata) {
		struct tpacket_auxdata aux = {
			.tp_status = cb->tp_status,
			.tp_len = cb->origlen,
			.tp_snaplen = skb->len,
			.tp_mac = 0,
			.tp_net = (sock->type == SOCK_RAW && skb->dev && skb->dev->header_ops) ?
				  ETH_HLEN : 0,
		};

		put_cmsg(msg, SOL_PACKET, PACKET_AUXDATA, sizeof(aux), &aux);
	}
	err = (flags & MSG_TRUNC) ? (int)skb->len : (int)copied;
out:
	kfree_skb(skb);
	return err;
}

static int packet_setsockopt(struct socket *sock, int level, int optname,
			     const void __user *optval, unsigned int optlen)
{
	struct packet_sock *po = pkt_sk(sock->sk);
	int val;

	if (level == SOL_SOCKET)
		return sock_setsockopt(sock, level, optname, optval, optlen);
	if (level != SOL_PACKET)
		return -ENOPROTOOPT;
	switch (optname) {
	case PACKET_ADD_MEMBERSHIP:
	case PACKET_DROP_MEMBERSHIP: {
		struct packet_mreq mreq;
		struct net_device *dev;

		if (optlen < sizeof(mreq))
			return -EINVAL;
		if (copy_from_user(&mreq, optval, sizeof(mreq)))
			return -EFAULT;
		dev = dev_get_by_index(mreq.mr_ifindex);
		if (!dev)
			return -ENODEV;
		dev_put(dev);
		/*
		 * Our devices deliver every frame addressed to us, broadcast
		 * and multicast included; promiscuity has nothing to add.
		 */
		if (mreq.mr_type > PACKET_MR_UNICAST)
			return -EINVAL;
		return 0;
	}
	case PACKET_AUXDATA:
	case PACKET_ORIGDEV:
		if (optlen < sizeof(int))
			return -EINVAL;
		if (copy_from_user(&val, optval, sizeof(val)))
			return -EFAULT;
		if (optname == PACKET_AUXDATA)
			po->auxdata = !!val;
		else
			po->origdev = !!val;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

static int packet_getsockopt(struct socket *sock, int level, int optname,
			     char __user *optval, int __user *optlen)
{
	struct packet_sock *po = pkt_sk(sock->sk);
	struct tpacket_stats st;
	int len, val;
	void *data = &val;

	if (level == SOL_SOCKET)
		return sock_getsockopt(sock, level, optname, optval, optlen);
	if (level != SOL_PACKET)
		return -ENOPROTOOPT;
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	switch (optname) {
	case PACKET_STATISTICS:
		spin_lock_bh(&po->bind_lock);
		/* Linux counts the drops in tp_packets too, and resets both on read. */
		st.tp_packets = po->tp_packets;
		st.tp_drops = po->tp_drops;
		po->tp_packets = po->tp_drops = 0;
		spin_unlock_bh(&po->bind_lock);
		data = &st;
		len = min_t(int, len, sizeof(st));
		break;
	case PACKET_AUXDATA:
		val = po->auxdata;
		len = min_t(int, len, sizeof(val));
		break;
	case PACKET_ORIGDEV:
		val = po->origdev;
		len = min_t(int, len, sizeof(val));
		break;
	default:
		return -ENOPROTOOPT;
	}
	if (put_user(len, optlen) || copy_to_user(optval, data, len))
		return -EFAULT;
	return 0;
}

static int packet_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	int err = datagram_ioctl(sock->sk, cmd, arg, 0);

	/* Interface configuration works on any socket (ifconfig uses one). */
	return err == -ENOIOCTLCMD ? dev_ioctl(cmd, (void __user *)arg) : err;
}

static const struct proto_ops packet_ops = {
	.family		= PF_PACKET,
	.release	= packet_release,
	.bind		= packet_bind,
	.connect	= sock_no_connect,
	.socketpair	= sock_no_socketpair,
	.accept		= sock_no_accept,
	.getname	= packet_getname,
	.poll		= datagram_poll,
	.ioctl		= packet_ioctl,
	.listen		= sock_no_listen,
	.shutdown	= sock_no_shutdown,
	.setsockopt	= packet_setsockopt,
	.getsockopt	= packet_getsockopt,
	.sendmsg	= packet_sendmsg,
	.recvmsg	= packet_recvmsg,
};

static int packet_create(struct socket *sock, int protocol, int kern)
{
	struct packet_sock *po;
	struct sock *sk;

	if (!kern && !capable(CAP_NET_RAW))
		return -EPERM;
	if (sock->type != SOCK_RAW && sock->type != SOCK_DGRAM)
		return -ESOCKTNOSUPPORT;
	if (protocol < 0 || protocol > 0xffff)
		return -EINVAL;
	sk = sk_alloc(PF_PACKET, sizeof(*po));
	if (!sk)
		return -ENOBUFS;
	sock->ops = &packet_ops;
	sock_init_data(sock, sk);
	sk->sk_protocol = protocol;
	po = pkt_sk(sk);
	spin_lock_init(&po->bind_lock);
	po->prot_hook.func = packet_rcv;
	po->prot_hook.af_packet_priv = sk;
	po->num = (__be16)protocol;
	if (protocol) {
		spin_lock_bh(&po->bind_lock);
		register_prot_hook(po);
		spin_unlock_bh(&po->bind_lock);
	}
	return 0;
}

static const struct net_proto_family packet_family_ops = {
	.family	= PF_PACKET,
	.create	= packet_create,
};

static int __init packet_init(void)
{
	return sock_register(&packet_family_ops);
}
fs_initcall(packet_init);
