/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Netlink: messages between user space and kernel subsystems over
 * AF_NETLINK sockets.  Each message is a struct nlmsghdr followed by its
 * payload, padded to 4 bytes; a buffer may hold several.  Numbers from
 * Linux's <linux/netlink.h>.
 */
#ifndef _UAPI_LINUX_NETLINK_H
#define _UAPI_LINUX_NETLINK_H

#include <linux/types.h>
#include <linux/socket.h>

#define NETLINK_ROUTE		0
#define MAX_LINKS		32

struct sockaddr_nl {
	sa_family_t nl_family;
	unsigned short nl_pad;
	u32 nl_pid;		/* port id: 0 is the kernel */
	u32 nl_groups;		/* multicast groups */
};

struct nlmsghdr {
	u32 nlmsg_len;		/* header included */
	u16 nlmsg_type;
	u16 nlmsg_flags;
	u32 nlmsg_seq;
	u32 nlmsg_pid;
};

/* nlmsg_flags */
#define NLM_F_REQUEST		0x01
#define NLM_F_MULTI		0x02
#define NLM_F_ACK		0x04
#define NLM_F_ECHO		0x08
#define NLM_F_DUMP_INTR		0x10
#define NLM_F_DUMP_FILTERED	0x20
/* for GET requests */
#define NLM_F_ROOT		0x100
#define NLM_F_MATCH		0x200
#define NLM_F_ATOMIC		0x400
#define NLM_F_DUMP		(NLM_F_ROOT | NLM_F_MATCH)
/* for NEW requests */
#define NLM_F_REPLACE		0x100
#define NLM_F_EXCL		0x200
#define NLM_F_CREATE		0x400
#define NLM_F_APPEND		0x800

#define NLMSG_ALIGNTO		4U
#define NLMSG_ALIGN(len)	(((len) + NLMSG_ALIGNTO - 1) & ~(NLMSG_ALIGNTO - 1))
#define NLMSG_HDRLEN		((int)NLMSG_ALIGN(sizeof(struct nlmsghdr)))
#define NLMSG_LENGTH(len)	((len) + NLMSG_HDRLEN)
#define NLMSG_SPACE(len)	NLMSG_ALIGN(NLMSG_LENGTH(len))
#define NLMSG_DATA(nlh)		((void *)(((char *)(nlh)) + NLMSG_HDRLEN))

#define NLMSG_NOOP		0x1
#define NLMSG_ERROR		0x2
#define NLMSG_DONE		0x3
#define NLMSG_OVERRUN		0x4
#define NLMSG_MIN_TYPE		0x10

struct nlmsgerr {
	int error;		/* negative errno, or 0 for an ACK */
	struct nlmsghdr msg;	/* the request it answers */
};

/* SOL_NETLINK options */
#define SOL_NETLINK		270
#define NETLINK_ADD_MEMBERSHIP	1
#define NETLINK_DROP_MEMBERSHIP	2
#define NETLINK_PKTINFO		3

struct nlattr {
	u16 nla_len;
	u16 nla_type;
};

#endif
