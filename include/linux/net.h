/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct socket: the BSD socket as the file layer sees it (net/socket.c).
 * A socket file's private_data is its struct socket; the socket's ->ops
 * (struct proto_ops) are its address family's answers to bind, connect,
 * sendmsg...; its ->sk is the protocol's state (struct sock, <net/sock.h>).
 * A family registers a net_proto_family whose ->create fills both in.
 */
#ifndef _LINUX_NET_H
#define _LINUX_NET_H

#include <linux/fs.h>
#include <linux/socket.h>
#include <linux/wait.h>

struct poll_table_struct;
struct vm_area_struct;
struct sock;

enum sock_type {
	SOCK_STREAM	= 1,
	SOCK_DGRAM	= 2,
	SOCK_RAW	= 3,
	SOCK_RDM	= 4,
	SOCK_SEQPACKET	= 5,
	SOCK_DCCP	= 6,
	SOCK_PACKET	= 10,
};
#define SOCK_MAX	(SOCK_PACKET + 1)
#define SOCK_TYPE_MASK	0xf
/* Flags or'ed into socket()'s type: the O_ flags' values. */
#define SOCK_CLOEXEC	O_CLOEXEC
#define SOCK_NONBLOCK	O_NONBLOCK

typedef enum {
	SS_FREE = 0,
	SS_UNCONNECTED,
	SS_CONNECTING,
	SS_CONNECTED,
	SS_DISCONNECTING,
} socket_state;

/* shutdown(2)'s how */
#define SHUT_RD		0
#define SHUT_WR		1
#define SHUT_RDWR	2

struct socket {
	socket_state state;
	short type;
	struct file *file;		/* the file it lives behind (one) */
	struct inode *inode;		/* its sockfs inode: socket:[i_ino] */
	struct sock *sk;
	const struct proto_ops *ops;
};

struct proto_ops {
	int family;
	int (*release)(struct socket *sock);
	int (*bind)(struct socket *sock, struct sockaddr *addr, int addrlen);
	int (*connect)(struct socket *sock, struct sockaddr *addr, int addrlen, int flags);
	int (*socketpair)(struct socket *a, struct socket *b);
	int (*accept)(struct socket *sock, struct socket *newsock, int flags);
	int (*getname)(struct socket *sock, struct sockaddr *addr, int peer);
	__poll_t (*poll)(struct file *file, struct socket *sock, struct poll_table_struct *wait);
	int (*ioctl)(struct socket *sock, unsigned int cmd, unsigned long arg);
	int (*listen)(struct socket *sock, int backlog);
	int (*shutdown)(struct socket *sock, int how);
	int (*setsockopt)(struct socket *sock, int level, int optname,
			  const void __user *optval, unsigned int optlen);
	int (*getsockopt)(struct socket *sock, int level, int optname,
			  char __user *optval, int __user *optlen);
	int (*sendmsg)(struct socket *sock, struct msghdr *m, size_t total_len);
	int (*recvmsg)(struct socket *sock, struct msghdr *m, size_t total_len, int flags);
	/* AF_PACKET's rings; NULL: the socket cannot be mapped (ENODEV). */
	int (*mmap)(struct file *file, struct socket *sock, struct vm_area_struct *vma);
};

struct net_proto_family {
	int family;
	int (*create)(struct socket *sock, int protocol, int kern);
};

int sock_register(const struct net_proto_family *fam);
struct socket *sock_alloc(void);
void sock_release(struct socket *sock);
struct socket *sock_from_file(struct file *file);
ssize_t sock_rw_iovec(struct file *file, struct iovec *iov, unsigned long nr, bool write);
int sock_create(int family, int type, int protocol, struct socket **res);
struct file *sock_alloc_file(struct socket *sock, int flags);
int sock_no_socketpair(struct socket *a, struct socket *b);
int sock_no_accept(struct socket *sock, struct socket *newsock, int flags);
int sock_no_listen(struct socket *sock, int backlog);
int sock_no_connect(struct socket *sock, struct sockaddr *addr, int len, int flags);
int sock_no_shutdown(struct socket *sock, int how);

/* io_uring's socket requests (net/socket.c) */
struct user_msghdr;
long __sys_sendmsg_sock(struct socket *sock, struct user_msghdr __user *umsg, unsigned int flags);
long __sys_recvmsg_sock(struct socket *sock, struct user_msghdr __user *umsg, unsigned int flags);
long __sys_sendrecv_sock(struct socket *sock, void __user *buf, size_t len, unsigned int flags,
			 bool send);

#endif
