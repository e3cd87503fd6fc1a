/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Internet checksum (RFC 1071): the ones'-complement sum of 16-bit
 * words.  Partial sums (__wsum) are 32-bit and can be added in any order
 * and folded to 16 bits at the end (csum_fold, which also complements).
 * TCP and UDP sum a pseudo-header of the IP addresses, protocol and
 * length with their segment (csum_tcpudp_*).  lib/checksum.c.
 */
#ifndef _NET_CHECKSUM_H
#define _NET_CHECKSUM_H

#include <linux/types.h>

__wsum csum_partial(const void *buff, int len, __wsum sum);
__sum16 ip_fast_csum(const void *iph, unsigned int ihl);
__wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, u32 len, u8 proto, __wsum sum);

/* Fold a 32-bit partial sum to 16 bits and complement it. */
static inline __sum16 csum_fold(__wsum csum)
{
	u32 sum = csum;

	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__sum16)~sum;
}

static inline __wsum csum_add(__wsum csum, __wsum addend)
{
	u32 res = csum + addend;

	return res + (res < addend);	/* end-around carry */
}

static inline __wsum csum_sub(__wsum csum, __wsum addend)
{
	return csum_add(csum, ~addend);
}

static inline __sum16 csum_tcpudp_magic(__be32 saddr, __be32 daddr, u32 len, u8 proto,
					__wsum sum)
{
	return csum_fold(csum_tcpudp_nofold(saddr, daddr, len, proto, sum));
}

/* Checksum of a buffer with nothing added: 0 when it already holds a valid checksum. */
static inline __sum16 ip_compute_csum(const void *buff, int len)
{
	return csum_fold(csum_partial(buff, len, 0));
}

#endif
