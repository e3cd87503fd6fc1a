// SPDX-License-Identifier: GPL-2.0
/*
 * AF_UNIX: sockets between processes of one machine.
 *
 * Three types share this file.  SOCK_STREAM is a byte stream;
 * SOCK_SEQPACKET is connected like a stream but keeps message boundaries;
 * SOCK_DGRAM sends messages to a connected peer or to any named socket.
 * Every message is one sk_buff (<linux/skbuff.h>) moved from the sender
 * straight into the receiver's sk_receive_queue, charged to the sender
 * until the receiver frees it: a stream writer blocks when its peer does
 * not read, a datagram sender when the receiver's queue is long.
 *
 * Names: a path name creates a socket inode in the filesystem (bind
 * makes it, unlink removes it; connect finds the socket through it), an
 * abstract name (sun_path[0] == 0) lives only in unix_socket_list, and
 * autobind gives an unnamed socket an abstract "\0XXXXX" name.
 *
 * Connecting a stream makes the server's socket before accept does: the
 * "embryo" is linked to the client at once (data can flow) and waits in
 * the listener's receive queue inside an skb until accept grafts it onto
 * the new socket.  Passing descriptors (SCM_RIGHTS) puts files inside
 * skbs; garbage.c collects the cycles that can leave unreachable.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/init.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/net.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <net/af_unix.h>
#include <net/scm.h>
#include <net/sock.h>

#define SIOCINQ		0x541B	/* FIONREAD */
#define SIOCOUTQ	0x5411	/* TIOCOUTQ */
#define UNIX_SKB_MAX	(32 * 1024)	/* one stream skb at most */

LIST_HEAD(unix_socket_list);
DEFINE_SPINLOCK(unix_table_lock);

static const struct proto_ops unix_stream_ops;
static const struct proto_ops unix_dgram_ops;
static const struct proto_ops unix_seqpacket_ops;

/* ---------- addresses ---------- */

static void unix_release_addr(struct unix_address *addr)
{
	if (addr && refcount_dec_and_test(&addr->refcnt))
		kfree(addr);
}

/*
 * Check a user address and work out its real length.  A path name is
 * cut at its first NUL (the storage after it is ours to terminate);
 * an abstract name is every byte given.
 */
static int unix_mkname(struct sockaddr_un *sunaddr, int len)
{
	if (len <= (int)offsetof(struct sockaddr_un, sun_path) ||
	    len > (int)sizeof(*sunaddr))
		return -EINVAL;
	if (sunaddr->sun_family != AF_UNIX)
		return -EINVAL;
	if (sunaddr->sun_path[0]) {
		((char *)sunaddr)[len] = 0;	/* sockaddr_storage has the room */
		len = strlen(sunaddr->sun_path) + offsetof(struct sockaddr_un, sun_path) + 1;
	}
	return len;
}

static bool unix_addr_equal(const struct unix_address *a, const struct sockaddr_un *name,
			    int len)
{
	return a->len == len && !memcmp(&a->name, name, len);
}

/* An abstract name's owner; the caller holds unix_table_lock. */
static struct sock *__unix_find_abstract(const struct sockaddr_un *name, int len)
{
	struct unix_sock *u;

	lockdep_assert_held(&unix_table_lock);
	list_for_each_entry(u, &unix_socket_list, link)
		if (u->addr && !u->path.dentry && unix_addr_equal(u->addr, name, len))
			return &u->sk;
	return NULL;
}

/* An abstract name's owner, held; NULL if none. */
static struct sock *unix_find_abstract(const struct sockaddr_un *name, int len)
{
	struct sock *found;

	spin_lock(&unix_table_lock);
	found = __unix_find_abstract(name, len);
	if (found)
		sock_hold(found);
	spin_unlock(&unix_table_lock);
	return found;
}

/* The socket bound to @inode, held; NULL if none (a stale socket file). */
static struct sock *unix_find_by_inode(struct inode *inode)
{
	struct unix_sock *u;
	struct sock *found = NULL;

	spin_lock(&unix_table_lock);
	list_for_each_entry(u, &unix_socket_list, link) {
		if (u->path.dentry && d_inode(u->path.dentry) == inode) {
			found = &u->sk;
			sock_hold(found);
			break;
		}
	}
	spin_unlock(&unix_table_lock);
	return found;
}

static struct sock *unix_find_bsd(const struct sockaddr_un *sunaddr, int type, int *err)
{
	struct path path;
	struct inode *inode;
	struct sock *sk;

	*err = kern_path(sunaddr->sun_path, LOOKUP_FOLLOW, &path);
	if (*err)
		return NULL;
	inode = d_inode(path.dentry);
	*err = inode_permission(inode, MAY_WRITE);
	if (*err)
		goto out;
	*err = -ECONNREFUSED;
	if (!S_ISSOCK(inode->i_mode))
		goto out;
	sk = unix_find_by_inode(inode);
	if (!sk)
		goto out;
	path_put(&path);
	if (sk->sk_type != type) {
		sock_put(sk);
		*err = -EPROTOTYPE;
		return NULL;
	}
	return sk;
out:
	path_put(&path);
	return NULL;
}

/* The socket a connect or sendto names, held. */
static struct sock *unix_find_other(const struct sockaddr_un *sunaddr, int len, int type,
				    int *err)
{
	struct sock *sk;

	if (sunaddr->sun_path[0])
		return unix_find_bsd(sunaddr, type, err);
	sk = unix_find_abstract(sunaddr, len);
	if (!sk) {
		*err = -ECONNREFUSED;
		return NULL;
	}
	if (sk->sk_type != type) {
		sock_put(sk);
		*err = -EPROTOTYPE;
		return NULL;
	}
	return sk;
}

static struct unix_address *unix_alloc_addr(const struct sockaddr_un *name, int len)
{
	struct unix_address *addr = kzalloc(sizeof(*addr), GFP_KERNEL);

	if (!addr)
		return NULL;
	refcount_set(&addr->refcnt, 1);
	addr->len = len;
	memcpy(&addr->name, name, len);
	return addr;
}

/* Publish @addr as an abstract name unless another socket has it. */
static int unix_insert_abstract(struct sock *sk, struct unix_address *addr)
{
	int err = 0;

	spin_lock(&unix_table_lock);
	if (__unix_find_abstract(&addr->name, addr->len))
		err = -EADDRINUSE;
	else
		unix_sk(sk)->addr = addr;
	spin_unlock(&unix_table_lock);
	return err;
}

/* Give an unbound socket an abstract name "\0" + five hex digits. */
static int unix_autobind(struct sock *sk)
{
	static u32 ordernum = 1;
	struct unix_sock *u = unix_sk(sk);
	int len = offsetof(struct sockaddr_un, sun_path) + 6, tries, err = 0;
	struct sockaddr_un name;
	struct unix_address *addr;

	mutex_lock(&u->iolock);
	if (u->addr)
		goto out;
	memset(&name, 0, sizeof(name));
	name.sun_family = AF_UNIX;
	addr = unix_alloc_addr(&name, len);
	err = -ENOMEM;
	if (!addr)
		goto out;
	for (tries = 0; tries <= 0xFFFFF; tries++) {
		char hex[8];

		snprintf(hex, sizeof(hex), "%05x", ordernum++ & 0xFFFFF);
		memcpy(addr->name.sun_path + 1, hex, 5);
		err = unix_insert_abstract(sk, addr);
		if (!err)
			goto out;
	}
	unix_release_addr(addr);
	err = -ENOSPC;
out:
	mutex_unlock(&u->iolock);
	return err;
}

/*
 * Make the socket inode of a path-name bind; EADDRINUSE if the name
 * exists.  As on Linux the name is made before the already-bound check,
 * and unmade if that fails.
 */
static int unix_bind_bsd(struct sock *sk, struct unix_address *addr)
{
	struct unix_sock *u = unix_sk(sk);
	umode_t mode = S_IFSOCK | (0777 & ~current->fs->umask);
	struct dentry *dentry;
	struct path parent;
	int err;

	dentry = kern_path_create(AT_FDCWD, addr->name.sun_path, &parent, 0);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		return err == -EEXIST ? -EADDRINUSE : err;
	}
	err = vfs_mknod(d_inode(parent.dentry), dentry, mode, 0);
	if (err)
		goto out;
	mutex_lock(&u->iolock);
	if (u->addr) {
		mutex_unlock(&u->iolock);
		vfs_unlink(d_inode(parent.dentry), dentry);
		err = -EINVAL;
		goto out;
	}
	spin_lock(&unix_table_lock);
	u->path.mnt = mntget(parent.mnt);
	u->path.dentry = dget(dentry);
	u->addr = addr;
	spin_unlock(&unix_table_lock);
	mutex_unlock(&u->iolock);
out:
	done_path_create(&parent, dentry);
	return err == -EEXIST ? -EADDRINUSE : err;
}

static int unix_bind_abstract(struct sock *sk, struct unix_address *addr)
{
	struct unix_sock *u = unix_sk(sk);
	int err = -EINVAL;

	mutex_lock(&u->iolock);
	if (!u->addr)
		err = unix_insert_abstract(sk, addr);
	mutex_unlock(&u->iolock);
	return err;
}

static int unix_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_un *sunaddr = (struct sockaddr_un *)uaddr;
	struct sock *sk = sock->sk;
	struct unix_address *addr;
	int err, len;

	if (addr_len < (int)sizeof(sa_family_t) || sunaddr->sun_family != AF_UNIX)
		return -EINVAL;
	if (addr_len == offsetof(struct sockaddr_un, sun_path))
		return unix_autobind(sk);
	len = unix_mkname(sunaddr, addr_len);
	if (len < 0)
		return len;
	addr = unix_alloc_addr(sunaddr, len);
	if (!addr)
		return -ENOMEM;
	if (sunaddr->sun_path[0])
		err = unix_bind_bsd(sk, addr);
	else
		err = unix_bind_abstract(sk, addr);
	if (err)
		unix_release_addr(addr);
	return err;
}

/* ---------- creation and release ---------- */

static void unix_sock_destructor(struct sock *sk)
{
	unix_release_addr(unix_sk(sk)->addr);
}

static struct sock *unix_create1(struct socket *sock, int type)
{
	struct sock *sk = sk_alloc(AF_UNIX, sizeof(struct unix_sock));
	struct unix_sock *u;

	if (!sk)
		return NULL;
	sock_init_data(sock, sk);
	sk->sk_type = type;
	sk->sk_destruct = unix_sock_destructor;
	sk->sk_max_ack_backlog = UNIX_MAX_DGRAM_QLEN;
	u = unix_sk(sk);
	mutex_init(&u->iolock);
	INIT_LIST_HEAD(&u->gc_link);
	spin_lock(&unix_table_lock);
	list_add_tail(&u->link, &unix_socket_list);
	spin_unlock(&unix_table_lock);
	return sk;
}

static int unix_create(struct socket *sock, int protocol, int kern)
{
	if (protocol && protocol != PF_UNIX)
		return -EPROTONOSUPPORT;
	switch (sock->type) {
	case SOCK_STREAM:
		sock->ops = &unix_stream_ops;
		break;
	case SOCK_RAW:
		/* BSD accepts SOCK_RAW for AF_UNIX and means a datagram socket. */
		sock->type = SOCK_DGRAM;
		fallthrough;
	case SOCK_DGRAM:
		sock->ops = &unix_dgram_ops;
		break;
	case SOCK_SEQPACKET:
		sock->ops = &unix_seqpacket_ops;
		break;
	default:
		return -ESOCKTNOSUPPORT;
	}
	return unix_create1(sock, sock->type) ? 0 : -ENOMEM;
}

static bool unix_connection_type(const struct sock *sk)
{
	return sk->sk_type == SOCK_STREAM || sk->sk_type == SOCK_SEQPACKET;
}

static void unix_release_sock(struct sock *sk, bool embryo);

/* The other end is gone: a connected stream or seqpacket sees a hang-up. */
static void unix_peer_hangup(struct sock *sk, struct sock *skpair, bool reset)
{
	if (unix_connection_type(sk)) {
		unix_state_lock(skpair);
		skpair->sk_shutdown = SHUTDOWN_MASK;
		if (reset)
			skpair->sk_err = ECONNRESET;
		unix_state_unlock(skpair);
	}
	sk_wake_all(skpair);
	sock_put(skpair);
}

/* A closing listener's pending connections die with it. */
static void unix_release_queue(struct sock *sk)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(&sk->sk_receive_queue))) {
		if (sk->sk_state == TCP_LISTEN)
			unix_release_sock(skb->sk, true);
		kfree_skb(skb);
	}
}

static void unix_release_sock(struct sock *sk, bool embryo)
{
	struct unix_sock *u = unix_sk(sk);
	struct sock *skpair;
	struct path path;
	bool unread;

	spin_lock(&unix_table_lock);
	list_del_init(&u->link);
	spin_unlock(&unix_table_lock);

	unix_state_lock(sk);
	sock_set_flag(sk, SOCK_DEAD);
	sk->sk_socket = NULL;
	sk->sk_shutdown = SHUTDOWN_MASK;
	skpair = u->peer;
	u->peer = NULL;
	path = u->path;
	u->path.dentry = NULL;
	u->path.mnt = NULL;
	unix_state_unlock(sk);
	sk_wake_all(sk);	/* datagram senders waiting for room in our queue */

	unread = !skb_queue_empty(&sk->sk_receive_queue);
	if (skpair)
		unix_peer_hangup(sk, skpair, unread || embryo);
	unix_release_queue(sk);
	sk->sk_state = TCP_CLOSE;
	if (path.dentry)
		path_put(&path);
	sock_put(sk);
	if (READ_ONCE(unix_tot_inflight))
		unix_gc();	/* our queue may have held the last way to a cycle */
}

static int unix_release(struct socket *sock)
{
	struct sock *sk = sock->sk;

	if (!sk)
		return 0;	/* an accept that failed before it got a connection */
	sock->sk = NULL;
	unix_release_sock(sk, false);
	return 0;
}

static void unix_init_peercred(struct sock *sk)
{
	spin_lock(&sk->sk_lock);
	sk_set_peer_cred(sk, current->tgid, current_cred());
	spin_unlock(&sk->sk_lock);
}

static void unix_copy_peercred(struct sock *sk, struct sock *peersk)
{
	const struct cred *cred;
	pid_t pid;

	spin_lock(&peersk->sk_lock);
	cred = peersk->sk_peer_cred ? get_cred(peersk->sk_peer_cred) : NULL;
	pid = peersk->sk_peer_pid;
	spin_unlock(&peersk->sk_lock);
	spin_lock(&sk->sk_lock);
	sk_set_peer_cred(sk, pid, cred);
	spin_unlock(&sk->sk_lock);
	if (cred)
		put_cred(cred);
}

static int unix_socketpair(struct socket *socka, struct socket *sockb)
{
	struct sock *ska = socka->sk, *skb = sockb->sk;

	sock_hold(ska);
	sock_hold(skb);
	unix_peer(ska) = skb;
	unix_peer(skb) = ska;
	unix_init_peercred(ska);
	unix_init_peercred(skb);
	ska->sk_state = TCP_ESTABLISHED;
	skb->sk_state = TCP_ESTABLISHED;
	socka->state = SS_CONNECTED;
	sockb->state = SS_CONNECTED;
	return 0;
}

/* ---------- waiting ---------- */

/*
 * Sleep on @sk's queue until @cond, a signal, or the timeout.  Returns
 * 0 when woken (the caller re-checks), -EAGAIN when @timeo ran out, or
 * the signal's error.  Called without locks.
 */
#define unix_wait(sk, timeo, cond) ({					\
	long __t = wait_event_interruptible_timeout(*sk_sleep(sk), (cond), *(timeo)); \
	int __e = 0;							\
	if (__t < 0)							\
		__e = sock_intr_errno(*(timeo));			\
	else if (!__t && !(cond))					\
		__e = -EAGAIN;						\
	else if (*(timeo) != MAX_SCHEDULE_TIMEOUT)			\
		*(timeo) = __t;						\
	__e; })

/* ---------- listen, connect, accept ---------- */

static int unix_listen(struct socket *sock, int backlog)
{
	struct sock *sk = sock->sk;
	struct unix_sock *u = unix_sk(sk);
	int err = -EOPNOTSUPP;

	if (!unix_connection_type(sk))
		return err;
	mutex_lock(&u->iolock);
	err = -EINVAL;
	if (!u->addr)
		goto out;	/* no listening on an unbound socket */
	if (sk->sk_state != TCP_CLOSE && sk->sk_state != TCP_LISTEN)
		goto out;
	unix_state_lock(sk);
	sk->sk_max_ack_backlog = backlog;
	sk->sk_state = TCP_LISTEN;
	sk_set_peer_cred(sk, current->tgid, current_cred());
	unix_state_unlock(sk);
	sk_wake_all(sk);	/* a bigger backlog may let connectors in */
	err = 0;
out:
	mutex_unlock(&u->iolock);
	return err;
}

static bool unix_recvq_full(const struct sock *sk)
{
	return skb_queue_len(&sk->sk_receive_queue) > READ_ONCE(sk->sk_max_ack_backlog);
}

/* The listener @other accepts our embryo @newsk unless it is full or gone. */
static int unix_stream_enqueue_embryo(struct sock *sk, struct sock *other, struct sock *newsk,
				      struct sk_buff *skb)
{
	struct unix_sock *otheru = unix_sk(other), *newu = unix_sk(newsk);

	unix_state_lock(other);
	if (sock_flag(other, SOCK_DEAD) || other->sk_state != TCP_LISTEN ||
	    (other->sk_shutdown & RCV_SHUTDOWN)) {
		unix_state_unlock(other);
		return -ECONNREFUSED;
	}
	if (unix_recvq_full(other)) {
		unix_state_unlock(other);
		return -EAGAIN;
	}
	/* The embryo: connected to us, named as the listener, its creds ours. */
	newsk->sk_state = TCP_ESTABLISHED;
	sock_hold(sk);
	newu->peer = sk;
	if (otheru->addr) {
		refcount_inc(&otheru->addr->refcnt);
		newu->addr = otheru->addr;
	}
	if (otheru->path.dentry) {
		newu->path = otheru->path;
		path_get(&newu->path);
	}
	unix_init_peercred(newsk);
	skb_set_owner_w(skb, newsk);
	skb_queue_tail(&other->sk_receive_queue, skb);
	unix_state_unlock(other);
	return 0;
}

static int unix_stream_connect(struct socket *sock, struct sockaddr *uaddr, int addr_len,
			       int flags)
{
	struct sockaddr_un *sunaddr = (struct sockaddr_un *)uaddr;
	struct sock *sk = sock->sk, *newsk = NULL, *other;
	long timeo = sock_sndtimeo(sk, flags & O_NONBLOCK);
	struct sk_buff *skb = NULL;
	int err, len;

	len = unix_mkname(sunaddr, addr_len);
	if (len < 0)
		return len;
	if (sock_flag(sk, SOCK_PASSCRED) && !unix_sk(sk)->addr) {
		err = unix_autobind(sk);
		if (err)
			return err;
	}
	err = -ENOMEM;
	newsk = unix_create1(NULL, sk->sk_type);
	skb = alloc_skb(1, GFP_KERNEL);
	if (!newsk || !skb)
		goto out;
	skb_put(skb, 1);
restart:
	other = unix_find_other(sunaddr, len, sk->sk_type, &err);
	if (!other)
		goto out;
	unix_state_lock(sk);
	err = sk->sk_state == TCP_ESTABLISHED ? -EISCONN : -EINVAL;
	if (sk->sk_state != TCP_CLOSE) {
		unix_state_unlock(sk);
		sock_put(other);
		goto out;
	}
	unix_state_unlock(sk);
	err = unix_stream_enqueue_embryo(sk, other, newsk, skb);
	if (err == -EAGAIN && timeo) {
		err = unix_wait(other, &timeo, !unix_recvq_full(other) ||
				sock_flag(other, SOCK_DEAD));
		sock_put(other);
		if (err)
			goto out;
		goto restart;
	}
	if (err) {
		sock_put(other);
		goto out;
	}
	/* Linked: we point at the embryo, it waits in @other's queue. */
	unix_state_lock(sk);
	sock_hold(newsk);
	unix_peer(sk) = newsk;
	sk->sk_state = TCP_ESTABLISHED;
	sock->state = SS_CONNECTED;
	unix_state_unlock(sk);
	unix_copy_peercred(sk, other);
	sk_wake_all(other);
	sock_put(other);
	return 0;
out:
	kfree_skb(skb);
	if (newsk)
		unix_release_sock(newsk, false);
	return err;
}

static int unix_accept(struct socket *sock, struct socket *newsock, int flags)
{
	struct sock *sk = sock->sk, *tsk;
	long timeo = sock_rcvtimeo(sk, flags & O_NONBLOCK);
	struct sk_buff *skb;
	int err;

	if (!unix_connection_type(sk))
		return -EOPNOTSUPP;
	for (;;) {
		if (sk->sk_state != TCP_LISTEN)
			return -EINVAL;
		skb = skb_dequeue(&sk->sk_receive_queue);
		if (skb)
			break;
		if (!timeo)
			return -EAGAIN;
		err = unix_wait(sk, &timeo, !skb_queue_empty(&sk->sk_receive_queue) ||
				sk->sk_state != TCP_LISTEN);
		if (err)
			return err;
	}
	sk_wake_all(sk);	/* a connector waiting for backlog room */
	/* The embryo's own reference becomes the new socket's. */
	tsk = skb->sk;
	sock_graft(tsk, newsock);
	/* SO_PASSCRED is the listener's choice for its connections too. */
	if (sock_flag(sk, SOCK_PASSCRED))
		sock_set_flag(tsk, SOCK_PASSCRED);
	kfree_skb(skb);
	newsock->state = SS_CONNECTED;
	return 0;
}

static int unix_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct sockaddr_un *sunaddr = (struct sockaddr_un *)uaddr;
	struct sock *sk = sock->sk;
	struct unix_address *addr;
	int len;

	if (peer) {
		unix_state_lock(sk);
		sk = unix_peer(sk);
		if (sk)
			sock_hold(sk);
		unix_state_unlock(sock->sk);
		if (!sk)
			return -ENOTCONN;
	} else {
		sock_hold(sk);
	}
	spin_lock(&unix_table_lock);
	addr = unix_sk(sk)->addr;
	if (addr) {
		len = addr->len;
		memcpy(sunaddr, &addr->name, len);
	} else {
		sunaddr->sun_family = AF_UNIX;
		len = sizeof(sa_family_t);
	}
	spin_unlock(&unix_table_lock);
	sock_put(sk);
	return len;
}

static int unix_shutdown(struct socket *sock, int mode)
{
	struct sock *sk = sock->sk, *other;
	int peer_mode = 0;

	if (mode < SHUT_RD || mode > SHUT_RDWR)
		return -EINVAL;
	mode++;		/* SHUT_RD -> RCV_SHUTDOWN ... SHUT_RDWR -> SHUTDOWN_MASK */
	unix_state_lock(sk);
	sk->sk_shutdown |= mode;
	other = unix_peer(sk);
	if (other)
		sock_hold(other);
	unix_state_unlock(sk);
	sk_wake_all(sk);
	if (other && unix_connection_type(sk)) {
		if (mode & RCV_SHUTDOWN)
			peer_mode |= SEND_SHUTDOWN;
		if (mode & SEND_SHUTDOWN)
			peer_mode |= RCV_SHUTDOWN;
		unix_state_lock(other);
		other->sk_shutdown |= peer_mode;
		unix_state_unlock(other);
		sk_wake_all(other);
	}
	if (other)
		sock_put(other);
	return 0;
}

/* ---------- buffers and their passengers ---------- */

/* Free a buffer: drop the files it still carries, then uncharge the sender. */
static void unix_skb_destruct(struct sk_buff *skb)
{
	struct scm_fp_list *fp = UNIXCB(skb).fp;
	int i;

	if (fp) {
		UNIXCB(skb).fp = NULL;
		for (i = 0; i < fp->count; i++)
			unix_notinflight(fp->user, fp->fp[i]);
		scm_fp_free(fp);
	}
	sock_wfree(skb);
}

/*
 * The credentials, and the files if @with_fds, ride with @skb from now
 * on; ETOOMANYREFS if the sender already has its limit in flight.
 */
static int unix_scm_to_skb(struct scm_cookie *scm, struct sk_buff *skb, bool with_fds)
{
	struct scm_fp_list *fp = with_fds ? scm->fp : NULL;
	int i;

	if (fp && too_many_unix_fds(fp->user))
		return -ETOOMANYREFS;
	UNIXCB(skb).creds = scm->creds;
	UNIXCB(skb).fp = fp;
	if (fp) {
		scm->fp = NULL;
		for (i = 0; i < fp->count; i++)
			unix_inflight(fp->user, fp->fp[i]);
	}
	skb->destructor = unix_skb_destruct;
	return 0;
}

/* recvmsg takes the files out of @skb: they are no longer in flight. */
static void unix_detach_fds(struct scm_cookie *scm, struct sk_buff *skb)
{
	struct scm_fp_list *fp = UNIXCB(skb).fp;
	int i;

	UNIXCB(skb).fp = NULL;
	for (i = 0; i < fp->count; i++)
		unix_notinflight(fp->user, fp->fp[i]);
	scm->fp = fp;
}

static bool unix_may_alloc(struct sock *sk)
{
	return atomic_read(&sk->sk_wmem_alloc) < sk->sk_sndbuf ||
	       (sk->sk_shutdown & SEND_SHUTDOWN) || READ_ONCE(sk->sk_err);
}

/*
 * A buffer of @size charged to @sk, waiting while @sk has its send
 * buffer's worth in flight.  EPIPE once sending is shut down.
 */
static struct sk_buff *unix_alloc_send_skb(struct sock *sk, size_t size, long *timeo, int *err)
{
	struct sk_buff *skb;

	for (;;) {
		*err = sock_error(sk);
		if (*err)
			return NULL;
		*err = -EPIPE;
		if (sk->sk_shutdown & SEND_SHUTDOWN)
			return NULL;
		if (atomic_read(&sk->sk_wmem_alloc) < sk->sk_sndbuf)
			break;
		*err = -EAGAIN;
		if (!*timeo)
			return NULL;
		*err = unix_wait(sk, timeo, unix_may_alloc(sk));
		if (*err)
			return NULL;
	}
	skb = alloc_skb(size, GFP_KERNEL);
	if (!skb) {
		*err = -ENOBUFS;
		return NULL;
	}
	skb_put(skb, size);
	skb_set_owner_w(skb, sk);
	return skb;
}

static struct sock *unix_peer_get(struct sock *sk)
{
	struct sock *peer;

	unix_state_lock(sk);
	peer = unix_peer(sk);
	if (peer)
		sock_hold(peer);
	unix_state_unlock(sk);
	return peer;
}

/* ---------- streams ---------- */

static int unix_stream_sendmsg(struct socket *sock, struct msghdr *msg, size_t len)
{
	struct sock *sk = sock->sk, *other = NULL;
	unsigned int flags = msg->msg_flags;
	long timeo = sock_sndtimeo(sk, flags & MSG_DONTWAIT);
	size_t sent = 0, size, max_skb;
	struct scm_cookie scm;
	struct sk_buff *skb;
	int err;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	err = scm_send(sock, msg, &scm);
	if (err)
		return err;
	if (msg->msg_namelen) {
		err = sk->sk_state == TCP_ESTABLISHED ? -EISCONN : -EOPNOTSUPP;
		goto out;
	}
	err = -ENOTCONN;
	other = unix_peer_get(sk);
	if (!other || sk->sk_state != TCP_ESTABLISHED)
		goto out;
	if (sk->sk_shutdown & SEND_SHUTDOWN)
		goto pipe_err;
	while (sent < len) {
		max_skb = max_t(int, (sk->sk_sndbuf >> 1) - 64, 1);
		size = min(min(len - sent, max_skb), (size_t)UNIX_SKB_MAX);
		skb = unix_alloc_send_skb(sk, size, &timeo, &err);
		if (!skb) {
			if (err == -EPIPE)
				goto pipe_err;
			goto out;
		}
		if (memcpy_from_msg(skb->data, msg, size)) {
			kfree_skb(skb);
			err = -EFAULT;
			goto out;
		}
		err = unix_scm_to_skb(&scm, skb, !sent);
		if (err) {
			kfree_skb(skb);
			goto out;
		}
		unix_state_lock(other);
		if (sock_flag(other, SOCK_DEAD) || (other->sk_shutdown & RCV_SHUTDOWN)) {
			unix_state_unlock(other);
			kfree_skb(skb);
			goto pipe_err;
		}
		skb_queue_tail(&other->sk_receive_queue, skb);
		unix_state_unlock(other);
		sk_wake_all(other);
		sent += size;
	}
	goto out;
pipe_err:
	if (!sent && !(flags & MSG_NOSIGNAL))
		send_sig(SIGPIPE, current, 0);
	err = -EPIPE;
out:
	if (other)
		sock_put(other);
	scm_destroy(&scm);
	return sent ? (int)sent : err;
}

/* The buffer holding byte @skip of the queue and the offset in it; queue lock held. */
static struct sk_buff *unix_stream_find(struct sock *sk, size_t skip, size_t *off)
{
	struct sk_buff *skb;

	for (skb = skb_peek(&sk->sk_receive_queue); skb;
	     skb = skb_peek_next(skb, &sk->sk_receive_queue)) {
		if (skip < skb->len) {
			*off = skip;
			return skb;
		}
		skip -= skb->len;
	}
	return NULL;
}

static bool unix_stream_ready(struct sock *sk, size_t skip)
{
	size_t off;
	bool ready;

	spin_lock(&sk->sk_receive_queue.lock);
	ready = unix_stream_find(sk, skip, &off) != NULL;
	spin_unlock(&sk->sk_receive_queue.lock);
	return ready || (sk->sk_shutdown & RCV_SHUTDOWN) || READ_ONCE(sk->sk_err);
}

/* Consume @chunk bytes of @skb; returns true when the read must stop here. */
static bool unix_stream_consume(struct sock *sk, struct sk_buff *skb, size_t chunk,
				struct scm_cookie *scm)
{
	skb_pull(skb, chunk);
	if (UNIXCB(skb).fp)
		unix_detach_fds(scm, skb);
	if (skb->len)
		return true;	/* the caller's buffer is full */
	spin_lock(&sk->sk_receive_queue.lock);
	skb_unlink(skb, &sk->sk_receive_queue);
	spin_unlock(&sk->sk_receive_queue.lock);
	kfree_skb(skb);
	return scm->fp != NULL;	/* files end a read, so they arrive with their bytes */
}

static int unix_stream_recvmsg(struct socket *sock, struct msghdr *msg, size_t size, int flags)
{
	struct sock *sk = sock->sk;
	struct unix_sock *u = unix_sk(sk);
	long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
	size_t target = (flags & MSG_WAITALL) ? size : min_t(size_t, sk->sk_rcvlowat, size);
	bool passcred = sock_flag(sk, SOCK_PASSCRED), have_creds = false;
	size_t copied = 0, skip = 0, off, chunk;
	struct scm_cookie scm;
	struct sk_buff *skb;
	int err = 0;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (sk->sk_state != TCP_ESTABLISHED)
		return -EINVAL;
	memset(&scm, 0, sizeof(scm));
	target = max_t(size_t, target, 1);
	mutex_lock(&u->iolock);
	do {
		spin_lock(&sk->sk_receive_queue.lock);
		skb = unix_stream_find(sk, skip, &off);
		spin_unlock(&sk->sk_receive_queue.lock);
		if (!skb) {
			if (copied >= target)
				break;
			err = sock_error(sk);
			if (err || (sk->sk_shutdown & RCV_SHUTDOWN))
				break;
			err = -EAGAIN;
			if (!timeo)
				break;
			mutex_unlock(&u->iolock);
			err = unix_wait(sk, &timeo, unix_stream_ready(sk, skip));
			mutex_lock(&u->iolock);
			if (err)
				break;
			continue;
		}
		/* Bytes from different senders are not merged when credentials go up. */
		if (have_creds && memcmp(&UNIXCB(skb).creds, &scm.creds, sizeof(scm.creds)))
			break;
		if (passcred && !have_creds) {
			scm.creds = UNIXCB(skb).creds;
			have_creds = true;
		}
		chunk = min_t(size_t, skb->len - off, size - copied);
		if (memcpy_to_msg(msg, skb->data + off, chunk)) {
			err = -EFAULT;
			break;
		}
		copied += chunk;
		if (!(flags & MSG_PEEK)) {
			if (unix_stream_consume(sk, skb, chunk, &scm))
				break;
		} else {
			skip += chunk;
			if (UNIXCB(skb).fp && !scm.fp)
				scm.fp = scm_fp_dup(UNIXCB(skb).fp);
			if (scm.fp)
				break;
		}
	} while (copied < size);
	mutex_unlock(&u->iolock);
	if (copied || scm.fp)
		scm_recv(sock, msg, &scm, flags, have_creds);
	else
		scm_destroy(&scm);
	return copied ? (int)copied : err;
}

/* ---------- datagrams and sequenced packets ---------- */

static bool unix_may_send(struct sock *sk, struct sock *osk)
{
	return !unix_peer(osk) || unix_peer(osk) == sk;
}

/* The peer went away: a datagram socket forgets it and says ECONNREFUSED. */
static int unix_dgram_peer_dead(struct sock *sk, struct sock *other)
{
	int err = 0;

	if (sk->sk_type == SOCK_SEQPACKET)
		return -EPIPE;
	unix_state_lock(sk);
	if (unix_peer(sk) == other) {
		unix_peer(sk) = NULL;
		sk->sk_state = TCP_CLOSE;
		err = -ECONNREFUSED;
	}
	unix_state_unlock(sk);
	if (err)
		sock_put(other);	/* the peer reference */
	return err;
}

/*
 * Put @skb on @other's queue.  Returns 0, -EAGAIN when the queue is full
 * (the caller may wait and retry), or the error for the sender.
 */
static int unix_dgram_deliver(struct sock *sk, struct sock *other, struct sk_buff *skb)
{
	unix_state_lock(other);
	if (!unix_may_send(sk, other)) {
		unix_state_unlock(other);
		return -EPERM;
	}
	if (sock_flag(other, SOCK_DEAD)) {
		unix_state_unlock(other);
		return -ECONNRESET;	/* turned into the right error by the caller */
	}
	if (other->sk_shutdown & RCV_SHUTDOWN) {
		unix_state_unlock(other);
		return -EPIPE;
	}
	if (unix_peer(other) != sk && unix_recvq_full(other)) {
		unix_state_unlock(other);
		return -EAGAIN;
	}
	skb_queue_tail(&other->sk_receive_queue, skb);
	unix_state_unlock(other);
	sk_wake_all(other);
	return 0;
}

static bool unix_dgram_room(struct sock *other)
{
	return !unix_recvq_full(other) || sock_flag(other, SOCK_DEAD) ||
	       (other->sk_shutdown & RCV_SHUTDOWN);
}

static int unix_dgram_sendmsg(struct socket *sock, struct msghdr *msg, size_t len)
{
	struct sock *sk = sock->sk, *other = NULL;
	struct sockaddr_un *sunaddr = msg->msg_name;
	long timeo = sock_sndtimeo(sk, msg->msg_flags & MSG_DONTWAIT);
	struct scm_cookie scm;
	struct sk_buff *skb = NULL;
	int err, namelen = 0;

	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	err = scm_send(sock, msg, &scm);
	if (err)
		return err;
	if (msg->msg_namelen) {
		namelen = unix_mkname(sunaddr, msg->msg_namelen);
		err = namelen;
		if (namelen < 0)
			goto out;
	} else {
		err = -ENOTCONN;
		other = unix_peer_get(sk);
		if (!other)
			goto out;
	}
	if (sock_flag(sk, SOCK_PASSCRED) && !unix_sk(sk)->addr) {
		err = unix_autobind(sk);
		if (err)
			goto out;
	}
	err = -EMSGSIZE;
	if (len > (size_t)sk->sk_sndbuf - 32)
		goto out;
	skb = unix_alloc_send_skb(sk, len, &timeo, &err);
	if (!skb)
		goto out;
	if (memcpy_from_msg(skb->data, msg, len)) {
		err = -EFAULT;
		goto out;
	}
	err = unix_scm_to_skb(&scm, skb, true);
	if (err)
		goto out;
	for (;;) {
		if (!other) {
			other = unix_find_other(sunaddr, namelen, sk->sk_type, &err);
			if (!other)
				goto out;
		}
		err = unix_dgram_deliver(sk, other, skb);
		if (!err) {
			skb = NULL;
			break;
		}
		if (err == -ECONNRESET) {
			err = unix_dgram_peer_dead(sk, other);
			if (!err)
				err = -ECONNREFUSED;
			goto out;
		}
		if (err != -EAGAIN || !timeo)
			goto out;
		err = unix_wait(other, &timeo, unix_dgram_room(other));
		if (err)
			goto out;
	}
	err = len;
out:
	kfree_skb(skb);
	if (other)
		sock_put(other);
	scm_destroy(&scm);
	return err;
}

static int unix_seqpacket_sendmsg(struct socket *sock, struct msghdr *msg, size_t len)
{
	struct sock *sk = sock->sk;
	int err = sock_error(sk);

	if (err)
		return err;
	if (sk->sk_state != TCP_ESTABLISHED)
		return -ENOTCONN;
	msg->msg_namelen = 0;
	return unix_dgram_sendmsg(sock, msg, len);
}

static void unix_copy_addr(struct msghdr *msg, struct sock *sender)
{
	struct unix_address *addr;

	msg->msg_namelen = 0;
	spin_lock(&unix_table_lock);
	addr = unix_sk(sender)->addr;
	if (addr) {
		msg->msg_namelen = addr->len;
		memcpy(msg->msg_name, &addr->name, addr->len);
	}
	spin_unlock(&unix_table_lock);
}

static bool unix_dgram_ready(struct sock *sk)
{
	return !skb_queue_empty(&sk->sk_receive_queue) ||
	       (sk->sk_shutdown & RCV_SHUTDOWN) || READ_ONCE(sk->sk_err);
}

/* The next message (removed unless MSG_PEEK), waiting for one; iolock held. */
static struct sk_buff *unix_dgram_next(struct sock *sk, int flags, long *timeo, int *err)
{
	struct unix_sock *u = unix_sk(sk);
	struct sk_buff *skb;

	for (;;) {
		spin_lock(&sk->sk_receive_queue.lock);
		skb = skb_peek(&sk->sk_receive_queue);
		if (skb && !(flags & MSG_PEEK))
			skb_unlink(skb, &sk->sk_receive_queue);
		spin_unlock(&sk->sk_receive_queue.lock);
		if (skb)
			return skb;
		*err = sock_error(sk);
		if (*err)
			return NULL;
		*err = 0;
		if (sk->sk_shutdown & RCV_SHUTDOWN)
			return NULL;	/* end of file */
		*err = -EAGAIN;
		if (!*timeo)
			return NULL;
		mutex_unlock(&u->iolock);
		*err = unix_wait(sk, timeo, unix_dgram_ready(sk));
		mutex_lock(&u->iolock);
		if (*err)
			return NULL;
	}
}

static int unix_dgram_recvmsg(struct socket *sock, struct msghdr *msg, size_t size, int flags)
{
	struct sock *sk = sock->sk;
	struct unix_sock *u = unix_sk(sk);
	long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
	struct scm_cookie scm;
	struct sk_buff *skb;
	int err;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	memset(&scm, 0, sizeof(scm));
	mutex_lock(&u->iolock);
	skb = unix_dgram_next(sk, flags, &timeo, &err);
	if (!skb) {
		mutex_unlock(&u->iolock);
		return err;
	}
	if (!(flags & MSG_PEEK))
		sk_wake_all(sk);	/* senders waiting for room in our queue */
	if (msg->msg_name)
		unix_copy_addr(msg, skb->sk);
	if (size > skb->len)
		size = skb->len;
	else if (size < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	err = memcpy_to_msg(msg, skb->data, size);
	if (!err) {
		scm.creds = UNIXCB(skb).creds;
		if (UNIXCB(skb).fp) {
			if (flags & MSG_PEEK)
				scm.fp = scm_fp_dup(UNIXCB(skb).fp);
			else
				unix_detach_fds(&scm, skb);
		}
		err = (flags & MSG_TRUNC) ? (int)skb->len : (int)size;
	}
	if (!(flags & MSG_PEEK))
		kfree_skb(skb);
	mutex_unlock(&u->iolock);
	if (err >= 0)
		scm_recv(sock, msg, &scm, flags, sock_flag(sk, SOCK_PASSCRED));
	else
		scm_destroy(&scm);
	return err;
}

static int unix_seqpacket_recvmsg(struct socket *sock, struct msghdr *msg, size_t size,
				  int flags)
{
	if (sock->sk->sk_state != TCP_ESTABLISHED)
		return -ENOTCONN;
	return unix_dgram_recvmsg(sock, msg, size, flags);
}

static int unix_dgram_connect(struct socket *sock, struct sockaddr *addr, int alen, int flags)
{
	struct sockaddr_un *sunaddr = (struct sockaddr_un *)addr;
	struct sock *sk = sock->sk, *other = NULL, *old;
	int err, len;

	if (alen < (int)sizeof(sa_family_t))
		return -EINVAL;
	if (addr->sa_family != AF_UNSPEC) {
		len = unix_mkname(sunaddr, alen);
		if (len < 0)
			return len;
		if (sock_flag(sk, SOCK_PASSCRED) && !unix_sk(sk)->addr) {
			err = unix_autobind(sk);
			if (err)
				return err;
		}
		other = unix_find_other(sunaddr, len, sk->sk_type, &err);
		if (!other)
			return err;
		unix_state_lock(other);
		err = unix_may_send(sk, other) ? 0 : -EPERM;
		unix_state_unlock(other);
		if (err) {
			sock_put(other);
			return err;
		}
	}
	/* Our reference on @other moves into the peer pointer. */
	unix_state_lock(sk);
	old = unix_peer(sk);
	unix_peer(sk) = other;
	sk->sk_state = other ? TCP_ESTABLISHED : TCP_CLOSE;
	unix_state_unlock(sk);
	if (old) {
		sk_wake_all(old);
		sock_put(old);
	}
	return 0;
}

/* ---------- poll and ioctl ---------- */

static bool unix_writable(const struct sock *sk)
{
	return sk->sk_state != TCP_LISTEN &&
	       atomic_read(&sk->sk_wmem_alloc) * 4 <= sk->sk_sndbuf;
}

static __poll_t unix_poll_common(struct sock *sk)
{
	__poll_t mask = 0;

	if (READ_ONCE(sk->sk_err))
		mask |= POLLERR;
	if (sk->sk_shutdown == SHUTDOWN_MASK)
		mask |= POLLHUP;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= POLLRDHUP | POLLIN | POLLRDNORM;
	if (!skb_queue_empty(&sk->sk_receive_queue))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

static __poll_t unix_poll(struct file *file, struct socket *sock, poll_table *wait)
{
	struct sock *sk = sock->sk;
	__poll_t mask;

	poll_wait(file, sk_sleep(sk), wait);
	mask = unix_poll_common(sk);
	if (sk->sk_state == TCP_CLOSE)
		mask |= POLLHUP;	/* a connection socket not (or no longer) connected */
	if (unix_writable(sk))
		mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
	return mask;
}

static __poll_t unix_dgram_poll(struct file *file, struct socket *sock, poll_table *wait)
{
	struct sock *sk = sock->sk, *other;
	__poll_t mask;
	bool writable;

	poll_wait(file, sk_sleep(sk), wait);
	mask = unix_poll_common(sk);
	if (sk->sk_type == SOCK_SEQPACKET && sk->sk_state == TCP_CLOSE)
		mask |= POLLHUP;
	writable = unix_writable(sk);
	other = unix_peer_get(sk);
	if (other) {
		/* A full peer queue blocks us: its readers' wake-ups are ours too. */
		if (unix_peer(other) != sk) {
			poll_wait(file, sk_sleep(other), wait);
			if (unix_recvq_full(other))
				writable = false;
		}
		sock_put(other);
	}
	if (writable)
		mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
	return mask;
}

/* SIOCINQ: a stream's unread bytes, a datagram socket's next message size. */
static int unix_inq_len(struct sock *sk)
{
	struct sk_buff *skb;
	int amount = 0;

	if (sk->sk_state == TCP_LISTEN)
		return -EINVAL;
	spin_lock(&sk->sk_receive_queue.lock);
	if (unix_connection_type(sk)) {
		for (skb = skb_peek(&sk->sk_receive_queue); skb;
		     skb = skb_peek_next(skb, &sk->sk_receive_queue))
			amount += skb->len;
	} else {
		skb = skb_peek(&sk->sk_receive_queue);
		if (skb)
			amount = skb->len;
	}
	spin_unlock(&sk->sk_receive_queue.lock);
	return amount;
}

static int unix_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	struct sock *sk = sock->sk;
	int amount;

	switch (cmd) {
	case SIOCOUTQ:
		amount = atomic_read(&sk->sk_wmem_alloc);
		return put_user(amount, (int __user *)arg);
	case SIOCINQ:
		amount = unix_inq_len(sk);
		if (amount < 0)
			return amount;
		return put_user(amount, (int __user *)arg);
	default:
		return -ENOTTY;
	}
}

/* ---------- the three types ---------- */

static const struct proto_ops unix_stream_ops = {
	.family		= AF_UNIX,
	.release	= unix_release,
	.bind		= unix_bind,
	.connect	= unix_stream_connect,
	.socketpair	= unix_socketpair,
	.accept		= unix_accept,
	.getname	= unix_getname,
	.poll		= unix_poll,
	.ioctl		= unix_ioctl,
	.listen		= unix_listen,
	.shutdown	= unix_shutdown,
	.sendmsg	= unix_stream_sendmsg,
	.recvmsg	= unix_stream_recvmsg,
};

static const struct proto_ops unix_dgram_ops = {
	.family		= AF_UNIX,
	.release	= unix_release,
	.bind		= unix_bind,
	.connect	= unix_dgram_connect,
	.socketpair	= unix_socketpair,
	.accept		= sock_no_accept,
	.getname	= unix_getname,
	.poll		= unix_dgram_poll,
	.ioctl		= unix_ioctl,
	.listen		= sock_no_listen,
	.shutdown	= unix_shutdown,
	.sendmsg	= unix_dgram_sendmsg,
	.recvmsg	= unix_dgram_recvmsg,
};

static const struct proto_ops unix_seqpacket_ops = {
	.family		= AF_UNIX,
	.release	= unix_release,
	.bind		= unix_bind,
	.connect	= unix_stream_connect,
	.socketpair	= unix_socketpair,
	.accept		= unix_accept,
	.getname	= unix_getname,
	.poll		= unix_dgram_poll,
	.ioctl		= unix_ioctl,
	.listen		= unix_listen,
	.shutdown	= unix_shutdown,
	.sendmsg	= unix_seqpacket_sendmsg,
	.recvmsg	= unix_seqpacket_recvmsg,
};

static const struct net_proto_family unix_family_ops = {
	.family		= PF_UNIX,
	.create		= unix_create,
};

static int __init af_unix_init(void)
{
	return sock_register(&unix_family_ops);
}
fs_initcall(af_unix_init);

/* ---------- /proc/net/unix ---------- */

#define SO_ACCEPTCON	(1 << 16)	/* the Flags column of a listener */

/* The path column: a path name as it is, an abstract one with '@' for each NUL. */
static void unix_show_name(struct seq_file *m, const struct unix_address *addr)
{
	int i, len = addr->len - offsetof(struct sockaddr_un, sun_path);
	const char *p = addr->name.sun_path;

	seq_putc(m, ' ');
	if (p[0]) {
		seq_puts(m, p);		/* unix_mkname left it NUL-terminated */
		return;
	}
	for (i = 0; i < len; i++)
		seq_putc(m, p[i] ? p[i] : '@');
}

/*
 * One line per socket, in Linux's columns.  The first column is the
 * kernel address of the sock, which Linux shows as zeros to users
 * (kptr_restrict); Lantern always does.
 */
int unix_seq_show(struct seq_file *m, void *v)
{
	struct unix_sock *u;

	seq_puts(m, "Num       RefCount Protocol Flags    Type St Inode Path\n");
	spin_lock(&unix_table_lock);
	list_for_each_entry(u, &unix_socket_list, link) {
		struct sock *sk = &u->sk;
		struct socket *sock = sk->sk_socket;
		int state = sk->sk_state == TCP_LISTEN ? SS_UNCONNECTED :
			    sock ? (int)sock->state : SS_CONNECTED;

		seq_printf(m, "%016x: %08X %08X %08X %04X %02X %5lu", 0,
			   refcount_read(&sk->sk_refcnt), 0,
			   sk->sk_state == TCP_LISTEN ? SO_ACCEPTCON : 0,
			   sk->sk_type, state, sock ? sock->inode->i_ino : 0UL);
		if (u->addr)
			unix_show_name(m, u->addr);
		seq_putc(m, '\n');
	}
	spin_unlock(&unix_table_lock);
	return 0;
}
