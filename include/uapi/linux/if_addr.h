/* SPDX-License-Identifier: GPL-2.0 */
/* The header and attributes of an RTM_*ADDR message (numbers from Linux's <linux/if_addr.h>). */
#ifndef _UAPI_LINUX_IF_ADDR_H
#define _UAPI_LINUX_IF_ADDR_H

#include <linux/types.h>

struct ifaddrmsg {
	u8 ifa_family;
	u8 ifa_prefixlen;
	u8 ifa_flags;
	u8 ifa_scope;
	u32 ifa_index;
};

enum {
	IFA_UNSPEC,
	IFA_ADDRESS,
	IFA_LOCAL,
	IFA_LABEL,
	IFA_BROADCAST,
	IFA_ANYCAST,
	IFA_CACHEINFO,
	IFA_MULTICAST,
	IFA_FLAGS,
	__IFA_MAX
};

#define IFA_F_SECONDARY		0x01
#define IFA_F_PERMANENT		0x80

#endif
