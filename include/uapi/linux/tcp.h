/* SPDX-License-Identifier: GPL-2.0 */
/* The TCP header (RFC 9293); the protocol is net/ipv4/tcp*.c. */
#ifndef _UAPI_LINUX_TCP_H
#define _UAPI_LINUX_TCP_H

#include <linux/types.h>

struct tcphdr {
	__be16 source;
	__be16 dest;
	__be32 seq;
	__be32 ack_seq;
	u16 res1:4,
	    doff:4,		/* header length in 32-bit words */
	    fin:1,
	    syn:1,
	    rst:1,
	    psh:1,
	    ack:1,
	    urg:1,
	    ece:1,
	    cwr:1;
	__be16 window;
	__sum16 check;
	__be16 urg_ptr;
};

#endif
