/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic AF_INET socket operations (net/ipv4/af_inet.c) that each
 * transport's proto_ops are assembled from: inet_dgram_ops (UDP, ping,
 * raw) here, inet_stream_ops in TCP.
 */
#ifndef _NET_INET_COMMON_H
#define _NET_INET_COMMON_H

#include <linux/net.h>
#include <linux/poll.h>

struct sock;
struct sockaddr;
struct msghdr;

extern const struct proto_ops inet_dgram_ops;
extern const struct proto_ops inet_sockraw_ops;

int inet_release(struct socket *sock);
int inet_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len);
int __inet_bind(struct sock *sk, struct sockaddr *uaddr, int addr_len);
int inet_dgram_connect(struct socket *sock, struct sockaddr *uaddr, int addr_len, int flags);
int inet_getname(struct socket *sock, struct sockaddr *uaddr, int peer);
int inet_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg);
int inet_shutdown(struct socket *sock, int how);
int inet_sendmsg(struct socket *sock, struct msghdr *msg, size_t size);
int inet_recvmsg(struct socket *sock, struct msghdr *msg, size_t size, int flags);
int inet_setsockopt(struct socket *sock, int level, int optname,
		    const void __user *optval, unsigned int optlen);
int inet_getsockopt(struct socket *sock, int level, int optname,
		    char __user *optval, int __user *optlen);
/* Choose a local port now (connect/sendto of an unbound socket). */
int inet_autobind(struct sock *sk);

#endif
