/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NETLINK_ROUTE messages (rtnetlink): links, addresses and routes, each
 * a fixed header (ifinfomsg, ifaddrmsg, rtmsg) followed by attributes
 * (struct rtattr: length, type, value, padded to 4).  Numbers from
 * Linux's <linux/rtnetlink.h>.
 */
#ifndef _UAPI_LINUX_RTNETLINK_H
#define _UAPI_LINUX_RTNETLINK_H

#include <linux/types.h>
#include <uapi/linux/netlink.h>

enum {
	RTM_NEWLINK = 16,
	RTM_DELLINK,
	RTM_GETLINK,
	RTM_SETLINK,
	RTM_NEWADDR = 20,
	RTM_DELADDR,
	RTM_GETADDR,
	RTM_NEWROUTE = 24,
	RTM_DELROUTE,
	RTM_GETROUTE,
	RTM_NEWNEIGH = 28,
	RTM_DELNEIGH,
	RTM_GETNEIGH,
	RTM_NEWRULE = 32,
	RTM_DELRULE,
	RTM_GETRULE,
	__RTM_MAX = 128
};

struct rtattr {
	unsigned short rta_len;
	unsigned short rta_type;
};

#define RTA_ALIGNTO		4U
#define RTA_ALIGN(len)		(((len) + RTA_ALIGNTO - 1) & ~(RTA_ALIGNTO - 1))
#define RTA_LENGTH(len)		(RTA_ALIGN(sizeof(struct rtattr)) + (len))
#define RTA_SPACE(len)		RTA_ALIGN(RTA_LENGTH(len))
#define RTA_DATA(rta)		((void *)(((char *)(rta)) + RTA_LENGTH(0)))
#define RTA_PAYLOAD(rta)	((int)((rta)->rta_len) - RTA_LENGTH(0))

struct rtmsg {
	unsigned char rtm_family;
	unsigned char rtm_dst_len;
	unsigned char rtm_src_len;
	unsigned char rtm_tos;
	unsigned char rtm_table;
	unsigned char rtm_protocol;
	unsigned char rtm_scope;
	unsigned char rtm_type;
	unsigned int rtm_flags;
};

enum rtattr_type_t {
	RTA_UNSPEC,
	RTA_DST,
	RTA_SRC,
	RTA_IIF,
	RTA_OIF,
	RTA_GATEWAY,
	RTA_PRIORITY,
	RTA_PREFSRC,
	RTA_METRICS,
	RTA_MULTIPATH,
	RTA_PROTOINFO,
	RTA_FLOW,
	RTA_CACHEINFO,
	RTA_SESSION,
	RTA_MP_ALGO,
	RTA_TABLE,
	__RTA_MAX
};

struct ifinfomsg {
	unsigned char ifi_family;
	unsigned char __ifi_pad;
	unsigned short ifi_type;	/* ARPHRD_* */
	int ifi_index;
	unsigned int ifi_flags;		/* IFF_* */
	unsigned int ifi_change;	/* which flags a SETLINK changes */
};

/* RTM_GETROUTE's rtm_flags */
#define RTM_F_NOTIFY		0x100
#define RTM_F_CLONED		0x200

#define RTMGRP_LINK		1
#define RTMGRP_IPV4_IFADDR	0x10
#define RTMGRP_IPV4_ROUTE	0x40

#endif
