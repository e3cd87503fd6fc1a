// SPDX-License-Identifier: GPL-2.0
/*
 * The Internet checksum (<net/checksum.h>).  The sum is over 16-bit
 * words in network order; on a little-endian CPU summing them in memory
 * order gives the byte-swapped sum, and since ones'-complement addition
 * commutes with byte swapping (RFC 1071, section 2B) the folded result
 * stored back in memory order is still right.  So the words are added
 * as they lie, 32 bits at a time into a 64-bit accumulator, and the
 * carries are folded in at the end.  x86 loads unaligned words, so the
 * buffer's address does not matter, only its offsets: a caller summing a
 * packet in pieces keeps the pieces at even lengths.
 */
#include <linux/types.h>
#include <net/checksum.h>

static u32 fold64(u64 sum)
{
	sum = (sum & 0xffffffff) + (sum >> 32);
	sum = (sum & 0xffffffff) + (sum >> 32);
	return (u32)sum;
}

__wsum csum_partial(const void *buff, int len, __wsum wsum)
{
	const unsigned char *p = buff;
	u64 sum = wsum;

	while (len >= 4) {
		u32 w;

		__builtin_memcpy(&w, p, 4);
		sum += w;
		p += 4;
		len -= 4;
	}
	if (len >= 2) {
		u16 w;

		__builtin_memcpy(&w, p, 2);
		sum += w;
		p += 2;
		len -= 2;
	}
	if (len)
		sum += *p;	/* the last odd byte is the low-addressed half of a word */
	return fold64(sum);
}

__sum16 ip_fast_csum(const void *iph, unsigned int ihl)
{
	return csum_fold(csum_partial(iph, ihl * 4, 0));
}

__wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, u32 len, u8 proto, __wsum sum)
{
	u64 s = sum;

	s += saddr;
	s += daddr;
	/* proto and length as the big-endian words they would be in memory */
	s += (u32)__builtin_bswap16((u16)proto);
	s += (u32)__builtin_bswap16((u16)len);
	return fold64(s);
}
