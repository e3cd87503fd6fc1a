/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The socket ABI shared by every address family: address families,
 * message flags, struct sockaddr, the user's msghdr/mmsghdr/cmsghdr, and
 * the kernel's own struct msghdr that the protocols see (net/socket.c
 * builds it from the user's: the address in kernel memory, the data as a
 * msg_iter over the user's iovecs).
 */
#ifndef _LINUX_SOCKET_H
#define _LINUX_SOCKET_H

#include <linux/types.h>
#include <linux/uio.h>
#include <uapi/asm-generic/socket.h>

typedef unsigned short sa_family_t;

struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

/* Big enough for any family's address (sockaddr_storage). */
#define _K_SS_MAXSIZE	128
struct sockaddr_storage {
	sa_family_t ss_family;
	char __data[_K_SS_MAXSIZE - sizeof(unsigned short)];
} __attribute__((aligned(8)));

struct linger {
	int l_onoff;
	int l_linger;
};

/* SCM_CREDENTIALS and SO_PEERCRED */
struct ucred {
	u32 pid;
	u32 uid;
	u32 gid;
};

#define AF_UNSPEC	0
#define AF_UNIX		1
#define AF_LOCAL	AF_UNIX
#define AF_INET		2
#define AF_INET6	10
#define AF_NETLINK	16
#define AF_PACKET	17
#define AF_MAX		46
#define PF_UNSPEC	AF_UNSPEC
#define PF_UNIX		AF_UNIX
#define PF_INET		AF_INET
#define PF_INET6	AF_INET6
#define PF_NETLINK	AF_NETLINK
#define PF_PACKET	AF_PACKET
#define PF_MAX		AF_MAX

#define SOMAXCONN	4096

#define MSG_OOB		0x1
#define MSG_PEEK	0x2
#define MSG_DONTROUTE	0x4
#define MSG_CTRUNC	0x8
#define MSG_TRUNC	0x20
#define MSG_DONTWAIT	0x40
#define MSG_EOR		0x80
#define MSG_WAITALL	0x100
#define MSG_CONFIRM	0x800
#define MSG_ERRQUEUE	0x2000
#define MSG_NOSIGNAL	0x4000
#define MSG_MORE	0x8000
#define MSG_WAITFORONE	0x10000
#define MSG_BATCH	0x40000
#define MSG_FASTOPEN	0x20000000
#define MSG_CMSG_CLOEXEC 0x40000000

#define SOL_IP		0
#define SOL_TCP		6
#define SOL_UDP		17
#define SOL_RAW		255

/* What user space passes to sendmsg/recvmsg. */
struct user_msghdr {
	void __user *msg_name;
	int msg_namelen;
	struct iovec __user *msg_iov;
	size_t msg_iovlen;
	void __user *msg_control;
	size_t msg_controllen;
	unsigned int msg_flags;
};

struct mmsghdr {
	struct user_msghdr msg_hdr;
	unsigned int msg_len;
};

struct cmsghdr {
	size_t cmsg_len;	/* header and data */
	int cmsg_level;
	int cmsg_type;
};

#define CMSG_ALIGN(len)	(((len) + sizeof(long) - 1) & ~(sizeof(long) - 1))
#define CMSG_DATA(c)	((void *)((char *)(c) + CMSG_ALIGN(sizeof(struct cmsghdr))))
#define CMSG_SPACE(len)	(CMSG_ALIGN(sizeof(struct cmsghdr)) + CMSG_ALIGN(len))
#define CMSG_LEN(len)	(CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))

/*
 * Where the data of one message is: the user's iovecs (or one kernel
 * buffer for read/write of kernel memory), consumed front to back.
 */
struct msg_iter {
	bool kernel;
	const struct iovec *iov;	/* kernel copy of the vector */
	unsigned long nr_segs;
	size_t iov_offset;		/* into iov[0] */
	size_t count;			/* bytes left in all */
};

/*
 * The kernel's view of one message.  msg_name points at kernel memory
 * (a sockaddr_storage); msg_control is the user's buffer, filled by
 * put_cmsg on receive and parsed into a kernel copy on send.
 */
struct msghdr {
	void *msg_name;
	int msg_namelen;
	struct msg_iter msg_iter;
	void *msg_control;		/* send: kernel copy; receive: user buffer */
	size_t msg_controllen;
	unsigned int msg_flags;		/* receive: MSG_TRUNC/MSG_CTRUNC out */
	unsigned int msg_cmsg_flags;	/* MSG_CMSG_CLOEXEC from the caller */
};

static inline size_t msg_data_left(const struct msghdr *msg)
{
	return msg->msg_iter.count;
}

/* net/core/datagram.c: copy through msg_iter; each returns 0 or -EFAULT. */
int memcpy_from_msg(void *data, struct msghdr *msg, size_t len);
int memcpy_to_msg(struct msghdr *msg, const void *data, size_t len);

/* net/core/scm.c */
int put_cmsg(struct msghdr *msg, int level, int type, int len, const void *data);

#endif
