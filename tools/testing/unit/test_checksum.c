// SPDX-License-Identifier: GPL-2.0
/*
 * lib/checksum.c (<net/checksum.h>) against the Internet checksum done
 * the slow way RFC 1071 describes: big-endian 16-bit words added one at
 * a time, carries folded back in, the result complemented.  Buffers of
 * every small length and random longer ones, at odd and even addresses
 * (x86 loads unaligned words; only the offset in the data may matter),
 * partial sums combined over even splits, the TCP/UDP pseudo-header,
 * and the property a receiver relies on: a packet with its checksum
 * filled in sums to zero.
 */
#include <linux/types.h>
#include <net/checksum.h>
#include "unit.h"

#define MAX_LEN		1600

static unsigned char buf[MAX_LEN + 8];

/* RFC 1071, word by word, in host integers; the result in network byte order. */
static u16 naive_sum(const unsigned char *p, int len, u32 sum)
{
	int i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (u32)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (u32)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (u16)sum;
}

/* As csum_fold would store it: complemented, bytes in network order. */
static __sum16 naive_csum(const unsigned char *p, int len)
{
	u16 s = (u16)~naive_sum(p, len, 0);

	return (__sum16)(s >> 8 | (s & 0xff) << 8);
}

static void fill(unsigned char *p, int len)
{
	for (int i = 0; i < len; i++)
		p[i] = (unsigned char)unit_rand();
}

static void test_partial(void)
{
	for (int len = 0; len < 80; len++) {
		for (int off = 0; off < 4; off++) {
			fill(buf + off, len);
			CHECK(csum_fold(csum_partial(buf + off, len, 0)) == naive_csum(buf + off, len),
			      "len %d at offset %d", len, off);
		}
	}
	for (int n = 0; n < 2000; n++) {
		int len = (int)unit_rand_below(MAX_LEN + 1), off = (int)unit_rand_below(8);

		fill(buf + off, len);
		CHECK(csum_fold(csum_partial(buf + off, len, 0)) == naive_csum(buf + off, len),
		      "random len %d at offset %d", len, off);
	}
	/* all ones: the carries pile up in every word */
	for (int i = 0; i < MAX_LEN; i++)
		buf[i] = 0xff;
	CHECK(csum_fold(csum_partial(buf, MAX_LEN, 0)) == naive_csum(buf, MAX_LEN),
	      "a buffer of 0xff bytes");
}

static bool ones_equal(__sum16 x, __sum16 y)
{
	return x == y || (x == 0 && y == 0xffff) || (x == 0xffff && y == 0);
}

static void test_combine(void)
{
	for (int n = 0; n < 500; n++) {
		int len = 2 + (int)unit_rand_below(MAX_LEN - 1), split = (int)unit_rand_below(len) & ~1;
		__wsum a, b;

		fill(buf, len);
		a = csum_partial(buf, split, 0);
		b = csum_partial(buf + split, len - split, 0);
		CHECK(csum_fold(csum_add(a, b)) == naive_csum(buf, len),
		      "len %d split at %d with csum_add", len, split);
		CHECK(csum_fold(csum_partial(buf + split, len - split, a)) == naive_csum(buf, len),
		      "len %d split at %d carried through", len, split);
		/* up to ones'-complement's two zeros (0x0000 and 0xffff) */
		CHECK(ones_equal(csum_fold(csum_sub(csum_add(a, b), b)), csum_fold(a)),
		      "csum_sub undoes csum_add");
	}
}

/* An IPv4 header with its checksum filled in sums to zero (ip_fast_csum). */
static void test_ip_header(void)
{
	for (int n = 0; n < 500; n++) {
		int ihl = 5 + (int)unit_rand_below(11);
		__sum16 c;

		fill(buf, ihl * 4);
		buf[10] = buf[11] = 0;
		c = ip_fast_csum(buf, ihl);
		CHECK(c == naive_csum(buf, ihl * 4), "ihl %d", ihl);
		__builtin_memcpy(buf + 10, &c, 2);
		CHECK(ip_fast_csum(buf, ihl) == 0, "a checked ihl %d header sums to zero", ihl);
	}
}

/* UDP's checksum over pseudo-header + datagram, against the naive sum of both. */
static void test_pseudo_header(void)
{
	unsigned char pseudo[12];

	for (int n = 0; n < 500; n++) {
		int len = 8 + (int)unit_rand_below(MAX_LEN - 8);
		__be32 saddr = (u32)unit_rand(), daddr = (u32)unit_rand();
		u8 proto = unit_rand_below(2) ? 17 : 6;
		__sum16 c;
		u16 s;

		fill(buf, len);
		__builtin_memcpy(pseudo, &saddr, 4);
		__builtin_memcpy(pseudo + 4, &daddr, 4);
		pseudo[8] = 0;
		pseudo[9] = proto;
		pseudo[10] = (u8)(len >> 8);
		pseudo[11] = (u8)len;
		c = csum_tcpudp_magic(saddr, daddr, len, proto, csum_partial(buf, len, 0));
		s = (u16)~naive_sum(buf, len, naive_sum(pseudo, 12, 0));
		CHECK(c == (__sum16)(s >> 8 | (s & 0xff) << 8), "proto %u len %d", proto, len);
	}
}

int main(void)
{
	unit_begin("checksum");
	unit_seed(1071);
	test_partial();
	test_combine();
	test_ip_header();
	test_pseudo_header();
	unit_end();
	return unit_exit_status();
}
