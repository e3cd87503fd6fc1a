// SPDX-License-Identifier: GPL-2.0
/*
 * AF_NETLINK sockets: how user space talks to kernel subsystems with
 * messages instead of ioctls (ip(8) configures links, addresses and
 * routes this way).  A netlink socket has a port id (its "address";
 * the kernel is port 0): chosen with bind, or the process's tgid (or a
 * negative number if that is taken) when it first sends.  A message
 * sent to port 0 is handled right away in the sender's context, and the
 * answers (one datagram per buffer of replies, a dump ended by
 * NLMSG_DONE, an NLMSG_ERROR carrying the errno or the ACK) are queued
 * on the sender's socket to be read.  Only NETLINK_ROUTE exists; its
 * messages go to rtnetlink (net/core/rtnetlink.c).  Multicast groups
 * are accepted and remembered but nothing is broadcast to them yet.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <net/netlink.h>
#include <net/rtnetlink.h>
#include <net/sock.h>

#define NLMSG_GOODSIZE	4096	/* one reply buffer: fits any reader's page-sized buffer */

struct netlink_sock {
	struct sock sk;
	struct list_head node;		/* in nl_table, once it has a port id */
	u32 portid;
	u32 dst_portid;			/* connect()ed peer, 0: the kernel */
	u32 groups;
	bool bound;
};

static LIST_HEAD(nl_table);
static DEFINE_SPINLOCK(nl_table_lock);
static s32 nl_rover = -4096;
static DEFINE_MUTEX(rtnl_mutex);

void rtnl_lock(void)
{
	mutex_lock(&rtnl_mutex);
}

void rtnl_unlock(void)
{
	mutex_unlock(&rtnl_mutex);
}

static struct netlink_sock *nlk_sk(struct sock *sk)
{
	return (struct netlink_sock *)sk;
}

/* The socket with @portid, held; table lock not held. */
static struct sock *netlink_lookup(u32 portid)
{
	struct netlink_sock *nlk;
	struct sock *sk = NULL;

	spin_lock(&nl_table_lock);
	list_for_each_entry(nlk, &nl_table, node) {
		if (nlk->portid == portid) {
			sk = &nlk->sk;
			sock_hold(sk);
			break;
		}
	}
	spin_unlock(&nl_table_lock);
	return sk;
}

static int netlink_insert(struct sock *sk, u32 portid)
{
	struct netlink_sock *nlk = nlk_sk(sk), *o;
	int err = 0;

	spin_lock(&nl_table_lock);
	if (nlk->bound) {
		err = nlk->portid == portid ? 0 : -EINVAL;
		goto out;
	}
	list_for_each_entry(o, &nl_table, node) {
		if (o->portid == portid) {
			err = -EADDRINUSE;
			goto out;
		}
	}
	nlk->portid = portid;
	nlk->bound = true;
	list_add_tail(&nlk->node, &nl_table);
out:
	spin_unlock(&nl_table_lock);
	return err;
}

/* A port id for an unbound socket: the tgid, or a negative one if that is taken. */
static int netlink_autobind(struct sock *sk)
{
	int err = netlink_insert(sk, current->tgid);

	while (err == -EADDRINUSE) {
		s32 id;

		spin_lock(&nl_table_lock);
		id = nl_rover--;
		if (nl_rover > -4096)
			nl_rover = -4096;
		spin_unlock(&nl_table_lock);
		err = netlink_insert(sk, (u32)id);
	}
	return err;
}

struct sk_buff *nlmsg_new(size_t payload)
{
	return alloc_skb(payload, GFP_KERNEL);
}

/* Queue @skb for the socket with @portid.  Consumes @skb. */
int netlink_unicast(struct sk_buff *skb, u32 portid)
{
	struct sock *sk = netlink_lookup(portid);
	int err;

	if (!sk) {
		kfree_skb(skb);
		return -ECONNREFUSED;
	}
	err = sock_queue_rcv_skb(sk, skb);
	if (err) {
		/* the reader will see ENOBUFS: it missed messages */
		WRITE_ONCE(sk->sk_err, ENOBUFS);
		sk_error_report(sk);
		kfree_skb(skb);
		err = -ENOBUFS;
	}
	sock_put(sk);
	return err;
}

/*
 * The netlink socket open as @file, with a reference (mq_notify's
 * SIGEV_THREAD is told through one): ENOTSOCK for another kind of file,
 * EINVAL for another kind of socket.
 */
struct sock *netlink_getsockbyfilp(struct file *file)
{
	struct socket *sock = sock_from_file(file);
	struct sock *sk;

	if (!sock)
		return ERR_PTR(-ENOTSOCK);
	sk = sock->sk;
	if (!sk || sk->sk_family != AF_NETLINK)
		return ERR_PTR(-EINVAL);
	sock_hold(sk);
	return sk;
}

/*
 * Deliver @skb, reserved for @sk when it was made (an mq_notify cookie),
 * whatever the receive buffer holds now; consumes @skb and the caller's
 * reference to @sk.
 */
void netlink_sendskb(struct sock *sk, struct sk_buff *skb)
{
	skb_set_owner_r(skb, sk);
	skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
	sock_put(sk);
}

/* NLMSG_ERROR: @err (0: an ACK) and the request's header, to @portid. */
void netlink_ack(const struct nlmsghdr *nlh, u32 portid, int err)
{
	struct sk_buff *skb = nlmsg_new(NLMSG_SPACE(sizeof(struct nlmsgerr)));
	struct nlmsghdr *rep;
	struct nlmsgerr *e;

	if (!skb)
		return;
	rep = nlmsg_put(skb, portid, nlh->nlmsg_seq, NLMSG_ERROR, sizeof(*e), 0);
	e = nlmsg_data(rep);
	e->error = err;
	e->msg = *nlh;
	nlmsg_end(skb, rep);
	netlink_unicast(skb, portid);
}

int nlmsg_parse(const struct nlmsghdr *nlh, int hdrlen, struct rtattr **tb, int max)
{
	const char *p, *end;

	memset(tb, 0, sizeof(*tb) * (max + 1));
	if (nlh->nlmsg_len < (u32)NLMSG_LENGTH(hdrlen))
		return -EINVAL;
	p = (const char *)nlmsg_data(nlh) + NLMSG_ALIGN(hdrlen);
	end = (const char *)nlh + nlh->nlmsg_len;
	while (p + sizeof(struct rtattr) <= end) {
		struct rtattr *rta = (struct rtattr *)p;

		if (rta->rta_len < sizeof(*rta) || p + rta->rta_len > end)
			return -EINVAL;
		if (rta->rta_type <= max)
			tb[rta->rta_type] = rta;
		p += RTA_ALIGN(rta->rta_len);
	}
	return 0;
}

int nla_get_u32_checked(const struct rtattr *rta, u32 *v)
{
	if (RTA_PAYLOAD(rta) < 4)
		return -EINVAL;
	memcpy(v, RTA_DATA(rta), 4);
	return 0;
}

/* Every message in a buffer sent to the kernel, each answered on its own. */
static int netlink_rcv_skb(struct sk_buff *skb, u32 portid)
{
	while (skb->len >= NLMSG_HDRLEN) {
		struct nlmsghdr *nlh = (struct nlmsghdr *)skb->data;
		int err = 0;
		unsigned int msglen;

		/* a broken length ends the buffer: the rest is ignored, as on Linux */
		if (nlh->nlmsg_len < NLMSG_HDRLEN || nlh->nlmsg_len > skb->len)
			return 0;
		if (!(nlh->nlmsg_flags & NLM_F_REQUEST))
			goto next;	/* replies to the kernel: nothing to do */
		if (nlh->nlmsg_type >= NLMSG_MIN_TYPE) {
			rtnl_lock();
			err = rtnetlink_rcv_msg(nlh, portid);
			rtnl_unlock();
			if (err == -EINTR)	/* a dump answered it all */
				goto next;
		}
		if (err || (nlh->nlmsg_flags & NLM_F_ACK))
			netlink_ack(nlh, portid, err);
next:
		msglen = NLMSG_ALIGN(nlh->nlmsg_len);
		if (msglen > skb->len)
			msglen = skb->len;
		skb_pull(skb, msglen);
	}
	return 0;
}

static int netlink_sendmsg(struct socket *sock, struct msghdr *msg, size_t len)
{
	struct sock *sk = sock->sk;
	struct netlink_sock *nlk = nlk_sk(sk);
	struct sockaddr_nl *addr = msg->msg_name;
	struct sk_buff *skb;
	u32 dst_portid;
	int err;

	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (addr) {
		if (msg->msg_namelen < (int)sizeof(*addr) || addr->nl_family != AF_NETLINK)
			return -EINVAL;
		dst_portid = addr->nl_pid;
		if (addr->nl_groups)
			return -EPERM;	/* multicast sends are the kernel's */
	} else {
		dst_portid = nlk->dst_portid;
	}
	if (!nlk->bound) {
		err = netlink_autobind(sk);
		if (err)
			return err;
	}
	if (len > (size_t)sk->sk_sndbuf - 32)
		return -EMSGSIZE;
	skb = alloc_skb(len, GFP_KERNEL);
	if (!skb)
		return -ENOBUFS;
	err = memcpy_from_msg(skb_put(skb, len), msg, len);
	if (err)
		goto out;
	if (dst_portid) {
		/* to another socket: delivered as it is */
		err = netlink_unicast(skb, dst_portid);
		return err ? err : (int)len;
	}
	err = netlink_rcv_skb(skb, nlk->portid);
out:
	kfree_skb(skb);
	return err ? err : (int)len;
}

static int netlink_recvmsg(struct socket *sock, struct msghdr *msg, size_t len, int flags)
{
	struct sock *sk = sock->sk;
	struct sockaddr_nl *addr = msg->msg_name;
	struct sk_buff *skb;
	unsigned int copied;
	int err;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	copied = min_t(size_t, len, skb->len);
	if (copied < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	err = skb_copy_datagram_msg(skb, 0, msg, copied);
	if (!err) {
		if (addr) {
			memset(addr, 0, sizeof(*addr));
			addr->nl_family = AF_NETLINK;
			msg->msg_namelen = sizeof(*addr);
		}
		err = (flags & MSG_TRUNC) ? (int)skb->len : (int)copied;
	}
	kfree_skb(skb);
	return err;
}

static int netlink_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_nl *nladdr = (struct sockaddr_nl *)uaddr;
	struct sock *sk = sock->sk;
	struct netlink_sock *nlk = nlk_sk(sk);
	int err = 0;

	if (addr_len < (int)sizeof(*nladdr) || nladdr->nl_family != AF_NETLINK)
		return -EINVAL;
	if (nladdr->nl_pid)
		err = netlink_insert(sk, nladdr->nl_pid);
	else if (!nlk->bound)
		err = netlink_autobind(sk);
	if (!err)
		nlk->groups = nladdr->nl_groups;
	return err;
}

static int netlink_connect(struct socket *sock, struct sockaddr *uaddr, int addr_len, int flags)
{
	struct sockaddr_nl *nladdr = (struct sockaddr_nl *)uaddr;
	struct netlink_sock *nlk = nlk_sk(sock->sk);

	if (addr_len < (int)sizeof(sa_family_t))
		return -EINVAL;
	if (nladdr->nl_family == AF_UNSPEC) {
		nlk->dst_portid = 0;
		return 0;
	}
	if (addr_len < (int)sizeof(*nladdr) || nladdr->nl_family != AF_NETLINK)
		return -EINVAL;
	if (!nlk->bound) {
		int err = netlink_autobind(sock->sk);

		if (err)
			return err;
	}
	nlk->dst_portid = nladdr->nl_pid;
	return 0;
}

static int netlink_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct netlink_sock *nlk = nlk_sk(sock->sk);
	struct sockaddr_nl *nladdr = (struct sockaddr_nl *)uaddr;

	memset(nladdr, 0, sizeof(*nladdr));
	nladdr->nl_family = AF_NETLINK;
	if (peer) {
		nladdr->nl_pid = nlk->dst_portid;
	} else {
		nladdr->nl_pid = nlk->portid;
		nladdr->nl_groups = nlk->groups;
	}
	return sizeof(*nladdr);
}

static int netlink_setsockopt(struct socket *sock, int level, int optname,
			      const void __user *optval, unsigned int optlen)
{
	struct netlink_sock *nlk = nlk_sk(sock->sk);
	u32 val;

	if (level != SOL_NETLINK)
		return -ENOPROTOOPT;
	if (optlen < sizeof(u32))
		return -EINVAL;
	if (get_user(val, (const u32 __user *)optval))
		return -EFAULT;
	switch (optname) {
	case NETLINK_ADD_MEMBERSHIP:
	case NETLINK_DROP_MEMBERSHIP:
		if (!val || val > 32)
			return -EINVAL;
		if (optname == NETLINK_ADD_MEMBERSHIP)
			nlk->groups |= 1U << (val - 1);
		else
			nlk->groups &= ~(1U << (val - 1));
		return 0;
	case NETLINK_PKTINFO:
		return 0;
	}
	return -ENOPROTOOPT;
}

static int netlink_release(struct socket *sock)
{
	struct sock *sk = sock->sk;
	struct netlink_sock *nlk;

	if (!sk)
		return 0;
	nlk = nlk_sk(sk);
	spin_lock(&nl_table_lock);
	if (nlk->bound)
		list_del_init(&nlk->node);
	nlk->bound = false;
	spin_unlock(&nl_table_lock);
	sock->sk = NULL;
	sock_orphan(sk);
	skb_queue_purge(&sk->sk_receive_queue);
	sock_put(sk);
	return 0;
}

static int netlink_shutdown(struct socket *sock, int how)
{
	return -EOPNOTSUPP;
}

static const struct proto_ops netlink_ops = {
	.family		= PF_NETLINK,
	.release	= netlink_release,
	.bind		= netlink_bind,
	.connect	= netlink_connect,
	.socketpair	= sock_no_socketpair,
	.accept		= sock_no_accept,
	.getname	= netlink_getname,
	.poll		= datagram_poll,
	.listen		= sock_no_listen,
	.shutdown	= netlink_shutdown,
	.setsockopt	= netlink_setsockopt,
	.sendmsg	= netlink_sendmsg,
	.recvmsg	= netlink_recvmsg,
};

static int netlink_create(struct socket *sock, int protocol, int kern)
{
	struct netlink_sock *nlk;
	struct sock *sk;

	sock->state = SS_UNCONNECTED;
	if (sock->type != SOCK_RAW && sock->type != SOCK_DGRAM)
		return -ESOCKTNOSUPPORT;
	if (protocol < 0 || protocol >= MAX_LINKS)
		return -EPROTONOSUPPORT;
	if (protocol != NETLINK_ROUTE)
		return -EPROTONOSUPPORT;
	sk = sk_alloc(PF_NETLINK, sizeof(struct netlink_sock));
	if (!sk)
		return -ENOMEM;
	sock_init_data(sock, sk);
	sk->sk_protocol = protocol;
	sock->ops = &netlink_ops;
	nlk = nlk_sk(sk);
	INIT_LIST_HEAD(&nlk->node);
	return 0;
}

static const struct net_proto_family netlink_family_ops = {
	.family = PF_NETLINK,
	.create = netlink_create,
};

static int __init netlink_proto_init(void)
{
	return sock_register(&netlink_family_ops);
}
fs_initcall(netlink_proto_init);
