// SPDX-License-Identifier: GPL-2.0
/*
 * The socket layer: BSD sockets as files.  socket(2) asks the address
 * family (a net_proto_family registered with sock_register) to fill in
 * a struct socket (<linux/net.h>), puts it behind an inode of the
 * internal "sockfs" mount, and returns a descriptor whose file
 * operations (socket_file_ops) turn read/write/poll into the family's
 * proto_ops.  Every socket system call here does the same three things:
 * look the descriptor up (ENOTSOCK for other files), copy addresses and
 * message headers in from user space into kernel form (struct msghdr,
 * <linux/socket.h>), and call the family.  Families: AF_UNIX
 * (net/unix/af_unix.c) and AF_INET (net/ipv4/af_inet.c); the others
 * answer EAFNOSUPPORT.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/mount.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <net/sock.h>
#include <uapi/linux/sockios.h>
#include <uapi/linux/time_types.h>

#define SOCKFS_MAGIC	0x534F434B
#define MAX_RW_COUNT	(INT_MAX & PAGE_MASK)
#define SOCK_OPTMEM_MAX	20480	/* net.core.optmem_max: control data per call */
#define TIOCOUTQ	0x5411
#define FIONREAD	0x541B

static struct vfsmount *sock_mnt;
static const struct net_proto_family *net_families[AF_MAX];
static DEFINE_SPINLOCK(net_family_lock);

int sock_register(const struct net_proto_family *fam)
{
	int err = 0;

	if (fam->family < 0 || fam->family >= AF_MAX)
		return -ENOBUFS;
	spin_lock(&net_family_lock);
	if (net_families[fam->family])
		err = -EEXIST;
	else
		net_families[fam->family] = fam;
	spin_unlock(&net_family_lock);
	return err;
}

/* ---------- sockfs: one inode per socket ---------- */

static const struct inode_operations sockfs_inode_ops = { };

/* The socket is freed with its inode: the file, or sock_release without one. */
static void sockfs_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
	inode->i_private = NULL;
}

static const struct super_operations sockfs_ops = {
	.evict_inode	= sockfs_evict_inode,
};

/* /proc/PID/fd shows "socket:[inode]", made when asked, as on Linux. */
static char *sockfs_dname(struct dentry *dentry, char *buffer, int buflen)
{
	char name[32];
	int len = scnprintf(name, sizeof(name), "socket:[%lu]", d_inode(dentry)->i_ino);

	if (len + 1 > buflen)
		return ERR_PTR(-ENAMETOOLONG);
	memcpy(buffer + buflen - len - 1, name, len + 1);
	return buffer + buflen - len - 1;
}

static const struct dentry_operations sockfs_dentry_ops = {
	.d_dname	= sockfs_dname,
};

struct socket *sock_alloc(void)
{
	struct inode *inode = new_inode(sock_mnt->mnt_sb);
	struct socket *sock;

	if (!inode)
		return NULL;
	sock = kzalloc(sizeof(*sock), GFP_KERNEL);
	if (!sock) {
		iput(inode);
		return NULL;
	}
	inode->i_mode = S_IFSOCK | 0777;
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	inode->i_op = &sockfs_inode_ops;
	inode->i_private = sock;
	sock->inode = inode;
	sock->state = SS_UNCONNECTED;
	return sock;
}

/* Close the socket: the family lets go of its sock; the inode frees the rest. */
void sock_release(struct socket *sock)
{
	if (sock->ops) {
		sock->ops->release(sock);
		sock->ops = NULL;
	}
	/* Without a file nothing else holds the inode: this frees the socket. */
	if (!sock->file)
		iput(sock->inode);
}

static ssize_t sock_read_iter(struct kiocb *iocb, struct iov_iter *to);
static ssize_t sock_write_iter(struct kiocb *iocb, struct iov_iter *from);
static __poll_t sock_poll(struct file *file, poll_table *wait);
static long sock_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
static int sock_close(struct inode *inode, struct file *file);

static int sock_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct socket *sock = file->private_data;

	return sock->ops->mmap ? sock->ops->mmap(file, sock, vma) : -ENODEV;
}

static const struct file_operations socket_file_ops = {
	.llseek		= no_llseek,
	.read_iter	= sock_read_iter,
	.write_iter	= sock_write_iter,
	.poll		= sock_poll,
	.unlocked_ioctl	= sock_ioctl,
	.mmap		= sock_mmap,
	.release	= sock_close,
};

/* A file for @sock; on failure the caller still owns the socket. */
struct file *sock_alloc_file(struct socket *sock, int flags)
{
	struct qstr q = QSTR_INIT("socket", 6);
	struct path path;
	struct file *file;

	path.dentry = d_alloc(sock_mnt->mnt_root, &q);
	if (!path.dentry)
		return ERR_PTR(-ENOMEM);
	path.dentry->d_op = &sockfs_dentry_ops;
	d_drop(path.dentry);
	d_instantiate(path.dentry, ihold(sock->inode));
	path.mnt = mntget(sock_mnt);
	file = alloc_empty_file(O_RDWR | (flags & O_NONBLOCK), FMODE_READ | FMODE_WRITE);
	if (!IS_ERR(file)) {
		file->f_path = path;
		path_get(&path);
		file->f_inode = sock->inode;
		file->f_mapping = sock->inode->i_mapping;
		file->f_op = &socket_file_ops;
		file->private_data = sock;
		sock->file = file;
		iput(sock->inode);	/* the dentry holds it now */
	}
	path_put(&path);
	return file;
}

struct socket *sock_from_file(struct file *file)
{
	return file->f_op == &socket_file_ops ? file->private_data : NULL;
}

/* The socket behind @fd with a reference on its file; EBADF, ENOTSOCK. */
static struct socket *sockfd_lookup(int fd, int *err)
{
	struct file *file = fget(fd);
	struct socket *sock;

	if (!file) {
		*err = -EBADF;
		return NULL;
	}
	sock = sock_from_file(file);
	if (!sock) {
		*err = -ENOTSOCK;
		fput(file);
	}
	return sock;
}

static void sockfd_put(struct socket *sock)
{
	fput(sock->file);
}

int sock_create(int family, int type, int protocol, struct socket **res)
{
	const struct net_proto_family *pf;
	struct socket *sock;
	int err;

	if (family < 0 || family >= AF_MAX)
		return -EAFNOSUPPORT;
	if (type < 0 || type >= SOCK_MAX)
		return -EINVAL;
	pf = READ_ONCE(net_families[family]);
	if (!pf)
		return -EAFNOSUPPORT;
	sock = sock_alloc();
	if (!sock)
		return -ENFILE;
	sock->type = type;
	err = pf->create(sock, protocol, 0);
	if (err) {
		sock->ops = NULL;
		sock_release(sock);
		return err;
	}
	*res = sock;
	return 0;
}

/* A descriptor for a new socket file; the socket is released on failure. */
static int sock_map_fd(struct socket *sock, int flags)
{
	struct file *file;
	int fd = get_unused_fd_flags(flags);

	if (fd < 0) {
		sock_release(sock);
		return fd;
	}
	file = sock_alloc_file(sock, flags);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		sock_release(sock);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	return fd;
}

int sock_no_socketpair(struct socket *a, struct socket *b)
{
	return -EOPNOTSUPP;
}

int sock_no_accept(struct socket *sock, struct socket *newsock, int flags)
{
	return -EOPNOTSUPP;
}

int sock_no_listen(struct socket *sock, int backlog)
{
	return -EOPNOTSUPP;
}

int sock_no_connect(struct socket *sock, struct sockaddr *addr, int len, int flags)
{
	return -EOPNOTSUPP;
}

int sock_no_shutdown(struct socket *sock, int how)
{
	return -EOPNOTSUPP;
}

/* ---------- addresses between user and kernel ---------- */

static int move_addr_to_kernel(void __user *uaddr, int ulen, struct sockaddr_storage *kaddr)
{
	if (ulen < 0 || ulen > (int)sizeof(*kaddr))
		return -EINVAL;
	if (ulen == 0)
		return 0;
	if (copy_from_user(kaddr, uaddr, ulen))
		return -EFAULT;
	return 0;
}

/* Copy as much of the address as fits and report its full length, as Linux. */
static int move_addr_to_user(const struct sockaddr_storage *kaddr, int klen,
			     void __user *uaddr, int __user *ulen)
{
	int len;

	if (get_user(len, ulen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if (len > klen)
		len = klen;
	if (len && copy_to_user(uaddr, kaddr, len))
		return -EFAULT;
	return put_user(klen, ulen) ? -EFAULT : 0;
}

/* ---------- socket, socketpair, bind, listen, accept, connect ---------- */

static int check_sock_flags(int type)
{
	return (type & ~(SOCK_TYPE_MASK | SOCK_CLOEXEC | SOCK_NONBLOCK)) ? -EINVAL : 0;
}

SYSCALL_DEFINE3(socket, int, family, int, type, int, protocol)
{
	struct socket *sock;
	int flags = type & (SOCK_CLOEXEC | SOCK_NONBLOCK);
	int err = check_sock_flags(type);

	if (err)
		return err;
	err = sock_create(family, type & SOCK_TYPE_MASK, protocol, &sock);
	if (err)
		return err;
	return sock_map_fd(sock, flags);
}

/* Both files of a socketpair; on failure both sockets are released. */
static int socketpair_files(struct socket *a, struct socket *b, int flags,
			    struct file *files[2])
{
	files[0] = sock_alloc_file(a, flags);
	if (IS_ERR(files[0])) {
		sock_release(a);
		sock_release(b);
		return PTR_ERR(files[0]);
	}
	files[1] = sock_alloc_file(b, flags);
	if (IS_ERR(files[1])) {
		fput(files[0]);		/* releases a */
		sock_release(b);
		return PTR_ERR(files[1]);
	}
	return 0;
}

SYSCALL_DEFINE4(socketpair, int, family, int, type, int, protocol, int __user *, usockvec)
{
	struct socket *a, *b;
	struct file *files[2] = { NULL, NULL };
	int flags = type & (SOCK_CLOEXEC | SOCK_NONBLOCK);
	int fd[2], err = check_sock_flags(type);

	if (err)
		return err;
	err = sock_create(family, type & SOCK_TYPE_MASK, protocol, &a);
	if (err)
		return err;
	err = sock_create(family, type & SOCK_TYPE_MASK, protocol, &b);
	if (err) {
		sock_release(a);
		return err;
	}
	err = a->ops->socketpair(a, b);
	if (err) {
		sock_release(a);
		sock_release(b);
		return err;
	}
	err = socketpair_files(a, b, flags, files);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	if (fd[0] < 0) {
		err = fd[0];
		goto out_fput;
	}
	fd[1] = get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		err = fd[1];
		goto out_put_fd0;
	}
	if (copy_to_user(usockvec, fd, sizeof(fd))) {
		err = -EFAULT;
		goto out_put_fd1;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
out_put_fd1:
	put_unused_fd(fd[1]);
out_put_fd0:
	put_unused_fd(fd[0]);
out_fput:
	fput(files[0]);
	fput(files[1]);
	return err;
}

SYSCALL_DEFINE3(bind, int, fd, struct sockaddr __user *, umyaddr, int, addrlen)
{
	struct sockaddr_storage address;
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = move_addr_to_kernel(umyaddr, addrlen, &address);
	if (!err)
		err = sock->ops->bind(sock, (struct sockaddr *)&address, addrlen);
	sockfd_put(sock);
	return err;
}

SYSCALL_DEFINE2(listen, int, fd, int, backlog)
{
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	if ((unsigned int)backlog > (unsigned int)READ_ONCE(sysctl_somaxconn))
		backlog = READ_ONCE(sysctl_somaxconn);	/* negative too */
	err = sock->ops->listen(sock, backlog);
	sockfd_put(sock);
	return err;
}

static int do_accept4(int fd, struct sockaddr __user *upeer_sockaddr,
		      int __user *upeer_addrlen, int flags)
{
	struct sockaddr_storage address;
	struct socket *sock, *newsock;
	struct file *newfile;
	int err, newfd, len;

	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = -ENFILE;
	newsock = sock_alloc();
	if (!newsock)
		goto out_put;
	newsock->type = sock->type;
	newsock->ops = sock->ops;
	newfd = get_unused_fd_flags(flags);
	if (newfd < 0) {
		err = newfd;
		newsock->ops = NULL;
		sock_release(newsock);
		goto out_put;
	}
	newfile = sock_alloc_file(newsock, flags);
	if (IS_ERR(newfile)) {
		err = PTR_ERR(newfile);
		put_unused_fd(newfd);
		newsock->ops = NULL;
		sock_release(newsock);
		goto out_put;
	}
	err = sock->ops->accept(sock, newsock, sock->file->f_flags);
	if (err < 0)
		goto out_fd;
	if (upeer_sockaddr) {
		len = newsock->ops->getname(newsock, (struct sockaddr *)&address, 2);
		if (len < 0) {
			err = -ECONNABORTED;
			goto out_fd;
		}
		err = move_addr_to_user(&address, len, upeer_sockaddr, upeer_addrlen);
		if (err < 0)
			goto out_fd;
	}
	fd_install(newfd, newfile);
	sockfd_put(sock);
	return newfd;
out_fd:
	/* ops->release of a socket accept left without a sock must cope */
	put_unused_fd(newfd);
	fput(newfile);
out_put:
	sockfd_put(sock);
	return err;
}

SYSCALL_DEFINE4(accept4, int, fd, struct sockaddr __user *, upeer_sockaddr,
		int __user *, upeer_addrlen, int, flags)
{
	return do_accept4(fd, upeer_sockaddr, upeer_addrlen, flags);
}

SYSCALL_DEFINE3(accept, int, fd, struct sockaddr __user *, upeer_sockaddr,
		int __user *, upeer_addrlen)
{
	return do_accept4(fd, upeer_sockaddr, upeer_addrlen, 0);
}

SYSCALL_DEFINE3(connect, int, fd, struct sockaddr __user *, uservaddr, int, addrlen)
{
	struct sockaddr_storage address;
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = move_addr_to_kernel(uservaddr, addrlen, &address);
	if (!err)
		err = sock->ops->connect(sock, (struct sockaddr *)&address, addrlen,
					 sock->file->f_flags);
	sockfd_put(sock);
	return err;
}

static int do_getname(int fd, struct sockaddr __user *usockaddr, int __user *usockaddr_len,
		      int peer)
{
	struct sockaddr_storage address;
	struct socket *sock;
	int err, len;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	memset(&address, 0, sizeof(address));
	len = sock->ops->getname(sock, (struct sockaddr *)&address, peer);
	err = len < 0 ? len : move_addr_to_user(&address, len, usockaddr, usockaddr_len);
	sockfd_put(sock);
	return err;
}

SYSCALL_DEFINE3(getsockname, int, fd, struct sockaddr __user *, usockaddr,
		int __user *, usockaddr_len)
{
	return do_getname(fd, usockaddr, usockaddr_len, 0);
}

SYSCALL_DEFINE3(getpeername, int, fd, struct sockaddr __user *, usockaddr,
		int __user *, usockaddr_len)
{
	return do_getname(fd, usockaddr, usockaddr_len, 1);
}

SYSCALL_DEFINE2(shutdown, int, fd, int, how)
{
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = sock->ops->shutdown(sock, how);
	sockfd_put(sock);
	return err;
}

SYSCALL_DEFINE5(setsockopt, int, fd, int, level, int, optname, char __user *, optval,
		int, optlen)
{
	struct socket *sock;
	int err;

	if (optlen < 0)
		return -EINVAL;
	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	if (level == SOL_SOCKET)
		err = sock_setsockopt(sock, level, optname, optval, optlen);
	else if (sock->ops->setsockopt)
		err = sock->ops->setsockopt(sock, level, optname, optval, optlen);
	else
		err = -EOPNOTSUPP;
	sockfd_put(sock);
	return err;
}

SYSCALL_DEFINE5(getsockopt, int, fd, int, level, int, optname, char __user *, optval,
		int __user *, optlen)
{
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	if (level == SOL_SOCKET)
		err = sock_getsockopt(sock, level, optname, optval, optlen);
	else if (sock->ops->getsockopt)
		err = sock->ops->getsockopt(sock, level, optname, optval, optlen);
	else
		err = -EOPNOTSUPP;
	sockfd_put(sock);
	return err;
}

/* ---------- messages: sendmsg, recvmsg and the calls built on them ---------- */

#define UIO_FASTIOV	8

/*
 * The user's iovec array into kernel memory (@fast if it fits), checked
 * as import_iovec does: EMSGSIZE past UIO_MAXIOV, EINVAL for a negative
 * length, EFAULT for a range outside user space.  Sets up @it.
 */
static int import_msg_iovec(const struct iovec __user *uvec, size_t nr, struct iovec *fast,
			    struct iovec **iov, struct msg_iter *it)
{
	size_t total = 0, i;
	struct iovec *v = fast;

	*iov = NULL;
	if (nr > UIO_MAXIOV)
		return -EMSGSIZE;
	if (nr > UIO_FASTIOV) {
		v = kmalloc_array(nr, sizeof(*v), GFP_KERNEL);
		if (!v)
			return -ENOMEM;
		*iov = v;
	}
	if (nr && copy_from_user(v, uvec, nr * sizeof(*v)))
		return -EFAULT;
	for (i = 0; i < nr; i++) {
		if ((ssize_t)v[i].iov_len < 0)
			return -EINVAL;
		if (!access_ok(v[i].iov_base, v[i].iov_len))
			return -EFAULT;
		if (v[i].iov_len > MAX_RW_COUNT - total)
			v[i].iov_len = MAX_RW_COUNT - total;
		total += v[i].iov_len;
	}
	it->kernel = false;
	it->iov = v;
	it->nr_segs = nr;
	it->iov_offset = 0;
	it->count = total;
	return 0;
}

static void msg_iter_single(struct msg_iter *it, struct iovec *one, void __user *buf,
			    size_t len)
{
	one->iov_base = buf;
	one->iov_len = min_t(size_t, len, MAX_RW_COUNT);
	it->kernel = false;
	it->iov = one;
	it->nr_segs = 1;
	it->iov_offset = 0;
	it->count = one->iov_len;
}

/* A copied-in user_msghdr: the kernel msghdr plus where the answers go. */
struct msg_state {
	struct msghdr msg;
	struct user_msghdr um;
	struct sockaddr_storage addr;
	struct iovec fast[UIO_FASTIOV];
	struct iovec *iov;		/* kmalloc'ed vector, or NULL */
	void *ctl;			/* kmalloc'ed control copy (send) */
};

static int copy_msghdr_from_user(struct msg_state *ms, struct user_msghdr __user *umsg,
				 bool send)
{
	struct msghdr *msg = &ms->msg;
	int err;

	memset(msg, 0, sizeof(*msg));
	ms->iov = NULL;
	ms->ctl = NULL;
	if (copy_from_user(&ms->um, umsg, sizeof(ms->um)))
		return -EFAULT;
	if (ms->um.msg_name) {
		if (send) {
			err = move_addr_to_kernel(ms->um.msg_name, ms->um.msg_namelen, &ms->addr);
			if (err)
				return err;
			msg->msg_namelen = ms->um.msg_namelen;
		} else if (ms->um.msg_namelen < 0) {
			return -EINVAL;
		}
		msg->msg_name = &ms->addr;
	}
	err = import_msg_iovec(ms->um.msg_iov, ms->um.msg_iovlen, ms->fast, &ms->iov,
			       &msg->msg_iter);
	if (err)
		return err;
	if (!send) {
		msg->msg_control = (void __force *)ms->um.msg_control;
		msg->msg_controllen = ms->um.msg_controllen;
		return 0;
	}
	if (ms->um.msg_controllen > INT_MAX)
		return -ENOBUFS;
	if (ms->um.msg_controllen) {
		if (ms->um.msg_controllen < sizeof(struct cmsghdr))
			return -EINVAL;
		if (ms->um.msg_controllen > SOCK_OPTMEM_MAX)
			return -ENOBUFS;
		ms->ctl = kmalloc(ms->um.msg_controllen, GFP_KERNEL);
		if (!ms->ctl)
			return -ENOBUFS;
		if (copy_from_user(ms->ctl, ms->um.msg_control, ms->um.msg_controllen))
			return -EFAULT;
		msg->msg_control = ms->ctl;
		msg->msg_controllen = ms->um.msg_controllen;
	}
	return 0;
}

static void msg_state_free(struct msg_state *ms)
{
	kfree(ms->iov);
	kfree(ms->ctl);
}

static int sock_sendmsg(struct socket *sock, struct msghdr *msg, unsigned int flags)
{
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	msg->msg_flags = flags;
	return sock->ops->sendmsg(sock, msg, msg_data_left(msg));
}

static int sock_recvmsg(struct socket *sock, struct msghdr *msg, unsigned int flags)
{
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	msg->msg_flags = 0;
	msg->msg_cmsg_flags = flags & MSG_CMSG_CLOEXEC;
	return sock->ops->recvmsg(sock, msg, msg_data_left(msg), flags);
}

static long ___sys_sendmsg(struct socket *sock, struct user_msghdr __user *umsg,
			   unsigned int flags)
{
	struct msg_state *ms = kmalloc(sizeof(*ms), GFP_KERNEL);
	long err;

	if (!ms)
		return -ENOMEM;
	err = copy_msghdr_from_user(ms, umsg, true);
	if (!err)
		err = sock_sendmsg(sock, &ms->msg, flags);
	msg_state_free(ms);
	kfree(ms);
	return err;
}

/* Tell the caller what recvmsg found: the sender's address, flags, control used. */
static int recvmsg_answer(struct msg_state *ms, struct user_msghdr __user *umsg)
{
	struct msghdr *msg = &ms->msg;
	int err;

	if (ms->um.msg_name) {
		err = move_addr_to_user(&ms->addr, msg->msg_namelen, ms->um.msg_name,
					&umsg->msg_namelen);
		if (err)
			return err;
	}
	if (put_user(msg->msg_flags, &umsg->msg_flags))
		return -EFAULT;
	if (put_user((size_t)((char *)msg->msg_control - (char *)ms->um.msg_control),
		     &umsg->msg_controllen))
		return -EFAULT;
	return 0;
}

static long ___sys_recvmsg(struct socket *sock, struct user_msghdr __user *umsg,
			   unsigned int flags)
{
	struct msg_state *ms = kmalloc(sizeof(*ms), GFP_KERNEL);
	long err, len;

	if (!ms)
		return -ENOMEM;
	err = copy_msghdr_from_user(ms, umsg, false);
	if (err)
		goto out;
	len = sock_recvmsg(sock, &ms->msg, flags);
	err = len;
	if (len < 0)
		goto out;
	err = recvmsg_answer(ms, umsg);
	if (!err)
		err = len;
out:
	msg_state_free(ms);
	kfree(ms);
	return err;
}

/*
 * io_uring's socket requests (io_uring/net.c): the same calls on a socket
 * the request already holds, @flags with MSG_DONTWAIT for the first,
 * non-blocking try.
 */
long __sys_sendmsg_sock(struct socket *sock, struct user_msghdr __user *umsg, unsigned int flags)
{
	return ___sys_sendmsg(sock, umsg, flags);
}

long __sys_recvmsg_sock(struct socket *sock, struct user_msghdr __user *umsg, unsigned int flags)
{
	return ___sys_recvmsg(sock, umsg, flags);
}

long __sys_sendrecv_sock(struct socket *sock, void __user *buf, size_t len, unsigned int flags,
			 bool send)
{
	struct msghdr msg;
	struct iovec one;

	memset(&msg, 0, sizeof(msg));
	if (!access_ok(buf, min_t(size_t, len, MAX_RW_COUNT)))
		return -EFAULT;
	msg_iter_single(&msg.msg_iter, &one, buf, len);
	return send ? sock_sendmsg(sock, &msg, flags) : sock_recvmsg(sock, &msg, flags);
}

SYSCALL_DEFINE3(sendmsg, int, fd, struct user_msghdr __user *, msg, unsigned int, flags)
{
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = ___sys_sendmsg(sock, msg, flags);
	sockfd_put(sock);
	return err;
}

SYSCALL_DEFINE3(recvmsg, int, fd, struct user_msghdr __user *, msg, unsigned int, flags)
{
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	err = ___sys_recvmsg(sock, msg, flags);
	sockfd_put(sock);
	return err;
}

SYSCALL_DEFINE6(sendto, int, fd, void __user *, buff, size_t, len, unsigned int, flags,
		struct sockaddr __user *, addr, int, addr_len)
{
	struct sockaddr_storage address;
	struct msghdr msg;
	struct iovec one;
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	memset(&msg, 0, sizeof(msg));
	err = -EFAULT;
	if (!access_ok(buff, min_t(size_t, len, MAX_RW_COUNT)))
		goto out;
	msg_iter_single(&msg.msg_iter, &one, buff, len);
	if (addr) {
		err = move_addr_to_kernel(addr, addr_len, &address);
		if (err)
			goto out;
		msg.msg_name = &address;
		msg.msg_namelen = addr_len;
	}
	err = sock_sendmsg(sock, &msg, flags);
out:
	sockfd_put(sock);
	return err;
}

SYSCALL_DEFINE6(recvfrom, int, fd, void __user *, ubuf, size_t, size, unsigned int, flags,
		struct sockaddr __user *, addr, int __user *, addr_len)
{
	struct sockaddr_storage address;
	struct msghdr msg;
	struct iovec one;
	struct socket *sock;
	int err, len;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	memset(&msg, 0, sizeof(msg));
	err = -EFAULT;
	if (!access_ok(ubuf, min_t(size_t, size, MAX_RW_COUNT)))
		goto out;
	msg_iter_single(&msg.msg_iter, &one, ubuf, size);
	msg.msg_name = addr ? &address : NULL;
	len = sock_recvmsg(sock, &msg, flags);
	err = len;
	if (len >= 0 && addr) {
		err = move_addr_to_user(&address, msg.msg_namelen, addr, addr_len);
		if (!err)
			err = len;
	}
out:
	sockfd_put(sock);
	return err;
}

/*
 * sendmmsg: one sendmsg per entry until one fails; the count sent if
 * any were, else the error.  Each entry's msg_len gets its byte count.
 */
SYSCALL_DEFINE4(sendmmsg, int, fd, struct mmsghdr __user *, mmsg, unsigned int, vlen,
		unsigned int, flags)
{
	struct socket *sock;
	unsigned int i;
	long err = 0;
	int lookup_err;

	sock = sockfd_lookup(fd, &lookup_err);
	if (!sock)
		return lookup_err;
	if (vlen > UIO_MAXIOV)
		vlen = UIO_MAXIOV;
	for (i = 0; i < vlen; i++) {
		err = ___sys_sendmsg(sock, &mmsg[i].msg_hdr, flags);
		if (err < 0)
			break;
		if (put_user((unsigned int)err, &mmsg[i].msg_len)) {
			err = -EFAULT;
			break;
		}
		if (signal_pending(current)) {
			i++;
			break;
		}
	}
	sockfd_put(sock);
	return i ? (long)i : err;
}

static int get_timeout_jiffies(struct __kernel_timespec __user *t, unsigned long *end)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, t, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return -EINVAL;
	if (ts.tv_sec > LONG_MAX / HZ / 4)
		ts.tv_sec = LONG_MAX / HZ / 4;	/* forever, without overflowing jiffies */
	*end = jiffies + ts.tv_sec * HZ + (ts.tv_nsec * HZ + 999999999) / 1000000000;
	return 0;
}

/*
 * recvmmsg: up to @vlen messages; MSG_WAITFORONE makes all after the
 * first non-blocking; the timeout is checked after each message, as on
 * Linux (it does not cut a blocked receive short).
 */
SYSCALL_DEFINE5(recvmmsg, int, fd, struct mmsghdr __user *, mmsg, unsigned int, vlen,
		unsigned int, flags, struct __kernel_timespec __user *, timeout)
{
	struct socket *sock;
	unsigned long end = 0;
	unsigned int i;
	long err = 0;
	int lookup_err;

	if (timeout) {
		err = get_timeout_jiffies(timeout, &end);
		if (err)
			return err;
	}
	sock = sockfd_lookup(fd, &lookup_err);
	if (!sock)
		return lookup_err;
	if (vlen > UIO_MAXIOV)
		vlen = UIO_MAXIOV;
	for (i = 0; i < vlen; i++) {
		err = ___sys_recvmsg(sock, &mmsg[i].msg_hdr, flags & ~MSG_WAITFORONE);
		if (err < 0)
			break;
		if (put_user((unsigned int)err, &mmsg[i].msg_len)) {
			err = -EFAULT;
			break;
		}
		if (flags & MSG_WAITFORONE)
			flags |= MSG_DONTWAIT;
		if (timeout && time_after_eq(jiffies, end)) {
			i++;
			break;
		}
	}
	sockfd_put(sock);
	return i ? (long)i : err;
}

/* ---------- the file side: read, write, poll, ioctl, close ---------- */

static ssize_t sock_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct socket *sock = iocb->ki_filp->private_data;
	struct msghdr msg;
	struct iovec one;

	if (!iov_iter_count(to))
		return 0;
	memset(&msg, 0, sizeof(msg));
	one.iov_base = to->buf;
	one.iov_len = iov_iter_count(to);
	msg.msg_iter = (struct msg_iter){ .kernel = to->kernel, .iov = &one, .nr_segs = 1,
					  .count = one.iov_len };
	return sock_recvmsg(sock, &msg, (iocb->ki_flags & IOCB_NOWAIT) ? MSG_DONTWAIT : 0);
}

static ssize_t sock_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct socket *sock = iocb->ki_filp->private_data;
	struct msghdr msg;
	struct iovec one;

	memset(&msg, 0, sizeof(msg));
	one.iov_base = from->buf;
	one.iov_len = iov_iter_count(from);
	msg.msg_iter = (struct msg_iter){ .kernel = from->kernel, .iov = &one, .nr_segs = 1,
					  .count = one.iov_len };
	return sock_sendmsg(sock, &msg, (iocb->ki_flags & IOCB_NOWAIT) ? MSG_DONTWAIT : 0);
}

/* readv/writev of a socket: the whole vector is one message, as recvmsg/sendmsg. */
ssize_t sock_rw_iovec(struct file *file, struct iovec *iov, unsigned long nr, bool write)
{
	struct socket *sock = file->private_data;
	struct msghdr msg;
	size_t total = 0;
	unsigned long i;

	for (i = 0; i < nr; i++)
		total += iov[i].iov_len;	/* the caller checked and capped them */
	if (!total && !write)
		return 0;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iter = (struct msg_iter){ .iov = iov, .nr_segs = nr, .count = total };
	return write ? sock_sendmsg(sock, &msg, 0) : sock_recvmsg(sock, &msg, 0);
}

static __poll_t sock_poll(struct file *file, poll_table *wait)
{
	struct socket *sock = file->private_data;

	return sock->ops->poll ? sock->ops->poll(file, sock, wait) : 0;
}

/*
 * The interface ioctls work on a socket of any family (musl's
 * if_nametoindex asks an AF_UNIX socket): what the family does not
 * answer itself goes to the device layer, as Linux's sock_do_ioctl does.
 */
static bool sock_is_dev_ioctl(unsigned int cmd)
{
	switch (cmd) {
	case SIOCGIFCONF: case SIOCGIFFLAGS: case SIOCSIFFLAGS: case SIOCGIFMTU:
	case SIOCSIFMTU: case SIOCGIFHWADDR: case SIOCSIFHWADDR: case SIOCGIFINDEX:
	case SIOCGIFNAME: case SIOCGIFTXQLEN: case SIOCSIFTXQLEN: case SIOCGIFMETRIC:
	case SIOCSIFMETRIC: case SIOCGIFMAP: case SIOCSIFMAP: case SIOCSIFNAME:
		return true;
	}
	return false;
}

static long sock_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct socket *sock = file->private_data;
	long err = -ENOTTY;

	if (sock->ops->ioctl)
		err = sock->ops->ioctl(sock, cmd, arg);
	if ((err == -ENOTTY || err == -ENOIOCTLCMD) && sock_is_dev_ioctl(cmd))
		err = dev_ioctl(cmd, (void __user *)arg);
	return err == -ENOIOCTLCMD ? -ENOTTY : err;
}

static int sock_close(struct inode *inode, struct file *file)
{
	sock_release(file->private_data);
	return 0;
}

/* ---------- sockfs ---------- */

static struct dentry *sockfs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	return mount_pseudo(fs_type, flags, SOCKFS_MAGIC, &sockfs_ops, &sockfs_inode_ops);
}

static struct file_system_type sock_fs_type = {
	.name		= "sockfs",
	.mount		= sockfs_mount,
	.kill_sb	= kill_litter_super,
};

static int __init sock_init(void)
{
	int err = register_filesystem(&sock_fs_type);

	if (err)
		return err;
	sock_mnt = kern_mount("sockfs");
	if (IS_ERR(sock_mnt))
		panic("cannot mount sockfs: %ld", PTR_ERR(sock_mnt));
	return 0;
}
fs_initcall(sock_init);
