/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rtnetlink (net/core/rtnetlink.c): the NETLINK_ROUTE protocol.  Each
 * family registers, per message type, a doit for single requests and a
 * dumpit for NLM_F_DUMP ones; a dumpit fills one buffer and returns its
 * length, and is called again (with cb->args remembering where it was)
 * until it returns 0.
 */
#ifndef _NET_RTNETLINK_H
#define _NET_RTNETLINK_H

#include <net/netlink.h>

typedef int (*rtnl_doit_func)(struct nlmsghdr *nlh, u32 portid);
typedef int (*rtnl_dumpit_func)(struct sk_buff *skb, struct netlink_callback *cb);

void rtnl_register(int family, int msgtype, rtnl_doit_func doit, rtnl_dumpit_func dumpit);
/* Handle one request message from @portid; called by af_netlink with the rtnl lock. */
int rtnetlink_rcv_msg(const struct nlmsghdr *nlh, u32 portid);

void rtnl_lock(void);
void rtnl_unlock(void);

/* IPv4's parts: devinet.c (addresses), fib.c (routes). */
void devinet_rtnl_init(void);
void fib_rtnl_init(void);

#endif
