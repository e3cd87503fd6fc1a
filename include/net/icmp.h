/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ICMP (net/icmp.c): replying to echo requests, sending errors about
 * packets we could not deliver, and handing errors we receive to the
 * transport (and socket) the quoted packet came from.
 */
#ifndef _NET_ICMP_H
#define _NET_ICMP_H

#include <linux/icmp.h>
#include <linux/types.h>

struct sk_buff;

/* Send an error about @skb_in (an input packet, ip_hdr valid) back to its source. */
void icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info);
/* The errno an ICMP destination-unreachable code means to a socket, and whether it is fatal. */
int icmp_err_convert(int type, int code, bool *fatal);
void icmp_init(void);

extern int sysctl_icmp_echo_ignore_all, sysctl_icmp_echo_ignore_broadcasts;
extern int sysctl_icmp_msgs_per_sec, sysctl_icmp_msgs_burst;

#endif
