// SPDX-License-Identifier: GPL-2.0
/*
 * lib/inflate.c and lib/crc32.c.
 *
 * DEFLATE streams come from two independent sources: the host's gzip
 * command (gzip -1 and -9, with and without the file name), and a small
 * encoder in this file written from RFC 1951 (bit writer, canonical codes,
 * fixed and dynamic block headers), which makes what gzip never emits:
 * codes of 11 to 15 bits, single-code and empty distance trees, back-
 * references of exactly 32768 bytes, and deliberately broken headers.
 *
 * Corrupt input is the point of half the checks: every truncation of an
 * archive, thousands of seeded byte flips and random byte strings must
 * give an error (or, where a flip happens to be harmless, exactly the
 * right output), and never a read or write outside the buffers, which are
 * allocated at their exact sizes so AddressSanitizer sees a one-byte
 * overrun.
 */
#include <string.h>
#include <linux/decompress/inflate.h>
#include <linux/crc32.h>
#include <linux/errno.h>
#include "unit.h"
#include "inflate_host.h"

/* ---- CRC-32 ---------------------------------------------------------- */

/* The gzip CRC one bit at a time, straight from the definition. */
static u32 crc_ref(const u8 *p, size_t n)
{
	u32 c = ~0U;

	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = c >> 1 ^ (c & 1 ? 0xedb88320 : 0);
	}
	return ~c;
}

static u32 gzip_crc(const void *p, size_t n)
{
	return ~crc32_le(~0U, p, n);
}

static void test_crc32(void)
{
	static const struct { const char *s; u32 crc; } known[] = {
		{ "", 0 },
		{ "a", 0xe8b7be43 },
		{ "123456789", 0xcbf43926 },
		{ "The quick brown fox jumps over the lazy dog", 0x414fa339 },
	};
	static u8 buf[4096];

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		u32 crc = gzip_crc(known[i].s, strlen(known[i].s));

		CHECK(crc == known[i].crc, "crc32(\"%s\") = %#x, want %#x",
		      known[i].s, crc, known[i].crc);
	}

	/* From a zero CRC, one byte n reads table entry n: check all 256. */
	for (unsigned int n = 0; n < 256; n++) {
		u8 b = n;
		u32 want = n;

		for (int k = 0; k < 8; k++)
			want = want >> 1 ^ (want & 1 ? 0xedb88320 : 0);
		CHECK(crc32_le(0, &b, 1) == want, "table entry %u", n);
	}

	/* Random buffers, whole and split at a random point. */
	for (int i = 0; i < 500; i++) {
		size_t len = unit_rand_below(sizeof(buf) + 1);
		size_t cut = unit_rand_below(len + 1);
		u32 whole, split;

		for (size_t j = 0; j < len; j++)
			buf[j] = unit_rand();
		whole = gzip_crc(buf, len);
		split = ~crc32_le(crc32_le(~0U, buf, cut), buf + cut, len - cut);
		CHECK(whole == crc_ref(buf, len), "crc of %zu random bytes", len);
		CHECK(split == whole, "crc split at %zu of %zu", cut, len);
	}
}

/* ---- A DEFLATE encoder written from RFC 1951 ------------------------- */

struct bitw {
	u8 buf[1 << 17];
	size_t len;
	unsigned int nbit;	/* bits used in buf[len - 1]; 0 = start a byte */
};

/* The low @n bits of @v, least significant first; zeros past bit 31. */
static void put_bits(struct bitw *w, u32 v, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		if (w->nbit == 0)
			w->buf[w->len++] = 0;
		w->buf[w->len - 1] |= (i < 32 ? (v >> i) & 1 : 0) << w->nbit;
		w->nbit = (w->nbit + 1) & 7;
	}
}

/* Huffman codes go most significant bit first. */
static void put_code(struct bitw *w, u32 code, unsigned int len)
{
	while (len--)
		put_bits(w, code >> len, 1);
}

static void align_byte(struct bitw *w)
{
	w->nbit = 0;
}

struct code {
	unsigned int n;
	u8 len[288];
	u16 code[288];
};

/* RFC 1951 3.2.2: canonical codes from code lengths. */
static void make_canonical(struct code *c)
{
	unsigned int count[16] = { 0 }, next[16];
	unsigned int v = 0;

	for (unsigned int s = 0; s < c->n; s++)
		count[c->len[s]]++;
	count[0] = 0;
	for (int b = 1; b < 16; b++) {
		v = (v + count[b - 1]) << 1;
		next[b] = v;
	}
	for (unsigned int s = 0; s < c->n; s++)
		if (c->len[s])
			c->code[s] = next[c->len[s]]++;
}

static void put_sym(struct bitw *w, const struct code *c, unsigned int s)
{
	put_code(w, c->code[s], c->len[s]);
}

/* Length and distance bases derived from the RFC's rule, not its table. */
static unsigned int len_base[29], len_extra[29], dist_base[30], dist_extra[30];

static void init_bases(void)
{
	len_base[0] = 3;
	for (int i = 0; i < 28; i++) {
		len_extra[i] = i < 8 ? 0 : (i - 4) / 4;
		len_base[i + 1] = len_base[i] + (1U << len_extra[i]);
	}
	len_base[28] = 258;
	len_extra[28] = 0;
	dist_base[0] = 1;
	for (int i = 0; i < 30; i++) {
		dist_extra[i] = i < 4 ? 0 : (i - 2) / 2;
		if (i < 29)
			dist_base[i + 1] = dist_base[i] + (1U << dist_extra[i]);
	}
}

static unsigned int len_sym(unsigned int len)
{
	int i = 28;

	while (len < len_base[i])
		i--;
	return i;
}

static unsigned int dist_sym(unsigned int dist)
{
	int i = 29;

	while (dist < dist_base[i])
		i--;
	return i;
}

static void put_match(struct bitw *w, const struct code *lit,
		      const struct code *dist, unsigned int len, unsigned int d)
{
	unsigned int ls = len_sym(len), ds = dist_sym(d);

	put_sym(w, lit, 257 + ls);
	put_bits(w, len - len_base[ls], len_extra[ls]);
	put_sym(w, dist, ds);
	put_bits(w, d - dist_base[ds], dist_extra[ds]);
}

static struct code fixed_lit, fixed_dist;

static void init_fixed(void)
{
	fixed_lit.n = 288;
	for (int s = 0; s < 288; s++)
		fixed_lit.len[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
	make_canonical(&fixed_lit);
	fixed_dist.n = 30;
	for (int s = 0; s < 30; s++)
		fixed_dist.len[s] = 5;
	make_canonical(&fixed_dist);
}

static void put_stored(struct bitw *w, bool final, const u8 *p, u16 len)
{
	put_bits(w, final, 1);
	put_bits(w, 0, 2);
	align_byte(w);
	put_bits(w, len, 16);
	put_bits(w, (u16)~len, 16);
	memcpy(w->buf + w->len, p, len);
	w->len += len;
}

/*
 * A dynamic block header for @lit and @dist.  The code-length code gives
 * symbols 0..12 four bits and 13..18 five (a complete code); @runs uses
 * the run symbols 16, 17 and 18 where they fit.
 */
static void put_dynamic_header(struct bitw *w, bool final,
			       const struct code *lit, const struct code *dist,
			       bool runs)
{
	static const u8 order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
	};
	struct code cl = { .n = 19 };
	u8 all[288 + 32];
	unsigned int n = lit->n + dist->n, i = 0;

	for (int s = 0; s < 19; s++)
		cl.len[s] = s < 13 ? 4 : 5;
	make_canonical(&cl);
	memcpy(all, lit->len, lit->n);
	memcpy(all + lit->n, dist->len, dist->n);

	put_bits(w, final, 1);
	put_bits(w, 2, 2);
	put_bits(w, lit->n - 257, 5);
	put_bits(w, dist->n - 1, 5);
	put_bits(w, 19 - 4, 4);
	for (int k = 0; k < 19; k++)
		put_bits(w, cl.len[order[k]], 3);

	while (i < n) {
		unsigned int run = 1;

		while (i + run < n && all[i + run] == all[i])
			run++;
		if (runs && all[i] == 0 && run >= 11) {
			run = run > 138 ? 138 : run;
			put_sym(w, &cl, 18);
			put_bits(w, run - 11, 7);
		} else if (runs && all[i] == 0 && run >= 3) {
			run = run > 10 ? 10 : run;
			put_sym(w, &cl, 17);
			put_bits(w, run - 3, 3);
		} else if (runs && i > 0 && all[i - 1] == all[i] && run >= 3) {
			run = run > 6 ? 6 : run;
			put_sym(w, &cl, 16);
			put_bits(w, run - 3, 2);
		} else {
			put_sym(w, &cl, all[i]);
			run = 1;
		}
		i += run;
	}
}

/*
 * Random code lengths forming a complete prefix code over @used of the
 * @n symbols: split random leaves of a binary tree (never deeper than 15)
 * until there are @used of them, then hand them to random symbols.
 */
static void random_code(struct code *c, unsigned int n, unsigned int used)
{
	u8 depth[288];
	unsigned int leaves = 1, tries = 0;

	used = used < n ? used : n;
	depth[0] = 0;
	while (leaves < used && tries++ < 100000) {
		unsigned int k = unit_rand_below(leaves);

		if (depth[k] == 15)
			continue;
		depth[k]++;
		depth[leaves++] = depth[k];
	}
	c->n = n;
	memset(c->len, 0, sizeof(c->len));
	for (unsigned int k = 0; k < leaves; k++) {
		unsigned int s;

		do
			s = unit_rand_below(n);
		while (c->len[s]);
		c->len[s] = depth[k] ? depth[k] : 1;
	}
	make_canonical(c);
}

/* ---- Running the decoder --------------------------------------------- */

struct result {
	int ret;
	size_t in_used, out_len;
	u8 *out;		/* gz_alloc'ed, exactly out_cap bytes */
};

/* inflate_raw on copies of exactly the given sizes, so ASan sees overruns. */
static struct result run_raw(const u8 *in, size_t in_len, size_t out_cap)
{
	struct result r = { .in_used = ~(size_t)0, .out_len = ~(size_t)0 };
	u8 *copy = gz_alloc(in_len);

	memcpy(copy, in, in_len);
	r.out = gz_alloc(out_cap);
	r.ret = inflate_raw(copy, in_len, r.out, out_cap, &r.in_used, &r.out_len);
	gz_free(copy);
	return r;
}

static struct result run_gunzip(const u8 *in, size_t in_len, size_t out_cap)
{
	struct result r = { .out_len = ~(size_t)0 };
	u8 *copy = gz_alloc(in_len);

	memcpy(copy, in, in_len);
	r.out = gz_alloc(out_cap);
	r.ret = gunzip(copy, in_len, r.out, out_cap, &r.out_len);
	gz_free(copy);
	return r;
}

static bool is_error(int ret)
{
	return ret == -EINVAL || ret == -EBADMSG || ret == -ENOSPC;
}

/* inflate_raw(@w) must give exactly @want (and use all of @w). */
static void expect_raw(const struct bitw *w, const u8 *want, size_t len,
		       const char *what)
{
	struct result r = run_raw(w->buf, w->len, len);

	if (CHECK(r.ret == 0, "%s: returned %d", what, r.ret)) {
		CHECK(r.out_len == len, "%s: %zu bytes, want %zu", what,
		      r.out_len, len);
		CHECK(r.in_used == w->len, "%s: used %zu of %zu bytes", what,
		      r.in_used, w->len);
		CHECK(!memcmp(r.out, want, len), "%s: wrong output", what);
	}
	gz_free(r.out);
}

static void expect_raw_error(const struct bitw *w, size_t out_cap, int err,
			     const char *what)
{
	struct result r = run_raw(w->buf, w->len, out_cap);

	CHECK(r.ret == err, "%s: returned %d, want %d", what, r.ret, err);
	gz_free(r.out);
}

/* ---- Hand-made raw DEFLATE ------------------------------------------- */

static struct bitw w;
static u8 big[1 << 16];

static void test_raw_stored_fixed(void)
{
	static const u8 hello[] = { 0x01, 0x05, 0x00, 0xfa, 0xff, 'h', 'e', 'l', 'l', 'o',
				    0xde, 0xad };
	struct result r;

	/* Stored; the two bytes after the stream are not used. */
	r = run_raw(hello, sizeof(hello), 5);
	CHECK(r.ret == 0 && r.out_len == 5 && r.in_used == 10 &&
	      !memcmp(r.out, "hello", 5), "stored hello: %d", r.ret);
	gz_free(r.out);
	r = run_raw(hello, 10, 4);
	CHECK(r.ret == -ENOSPC, "stored into 4 bytes: %d", r.ret);
	gz_free(r.out);
	r = run_raw(hello, 8, 5);
	CHECK(r.ret == -EBADMSG, "stored cut short: %d", r.ret);
	gz_free(r.out);
	memcpy(big, hello, 10);
	big[3] = 0xfb;
	r = run_raw(big, 10, 5);
	CHECK(r.ret == -EBADMSG, "stored NLEN wrong: %d", r.ret);
	gz_free(r.out);

	/* The empty fixed block: 1, 01, then the 7-bit end of block. */
	r = run_raw((const u8 *)"\x03\x00", 2, 0);
	CHECK(r.ret == 0 && r.out_len == 0 && r.in_used == 2, "empty fixed: %d", r.ret);
	gz_free(r.out);

	/* BTYPE 3 is reserved. */
	r = run_raw((const u8 *)"\x07\x00\x00", 3, 16);
	CHECK(r.ret == -EBADMSG, "BTYPE 3: %d", r.ret);
	gz_free(r.out);

	/* Fixed: "ab" then <length 6, distance 2> overlapping its own output. */
	memset(&w, 0, sizeof(w));
	put_bits(&w, 1, 1);
	put_bits(&w, 1, 2);
	put_sym(&w, &fixed_lit, 'a');
	put_sym(&w, &fixed_lit, 'b');
	put_match(&w, &fixed_lit, &fixed_dist, 6, 2);
	put_sym(&w, &fixed_lit, 256);
	expect_raw(&w, (const u8 *)"abababab", 8, "fixed abababab");
	expect_raw_error(&w, 7, -ENOSPC, "fixed abababab into 7");
	for (size_t cut = 0; cut < w.len; cut++) {
		r = run_raw(w.buf, cut, 8);
		CHECK(r.ret == -EBADMSG, "fixed cut to %zu: %d", cut, r.ret);
		gz_free(r.out);
	}

	/* A distance one byte further back than the output goes. */
	memset(&w, 0, sizeof(w));
	put_bits(&w, 1, 1);
	put_bits(&w, 1, 2);
	put_sym(&w, &fixed_lit, 'a');
	put_match(&w, &fixed_lit, &fixed_dist, 3, 2);
	put_sym(&w, &fixed_lit, 256);
	expect_raw_error(&w, 100, -EBADMSG, "distance 2 after 1 byte");

	/* Length symbol 286 and distance symbol 30 exist only in the fixed code. */
	memset(&w, 0, sizeof(w));
	put_bits(&w, 1, 1);
	put_bits(&w, 1, 2);
	put_sym(&w, &fixed_lit, 'a');
	put_sym(&w, &fixed_lit, 286);
	put_sym(&w, &fixed_lit, 256);
	expect_raw_error(&w, 100, -EBADMSG, "length symbol 286");
	memset(&w, 0, sizeof(w));
	put_bits(&w, 1, 1);
	put_bits(&w, 1, 2);
	put_sym(&w, &fixed_lit, 'a');
	put_sym(&w, &fixed_lit, 257);
	put_code(&w, 30, 5);
	put_sym(&w, &fixed_lit, 256);
	expect_raw_error(&w, 100, -EBADMSG, "distance symbol 30");
}

/*
 * The longest reach: a stored block of 32768 bytes, then a fixed block
 * copying 258 bytes from 32768 back; one byte less output and it is an
 * error.  Blocks of all three kinds in one stream share the history.
 */
static void test_raw_far(void)
{
	static u8 want[32768 + 258 + 300];
	struct code lit = { 0 }, dist = { 0 };
	size_t n;

	for (size_t i = 0; i < 32768; i++)
		big[i] = unit_rand();
	memset(&w, 0, sizeof(w));
	put_stored(&w, false, big, 32768);
	put_bits(&w, 1, 1);
	put_bits(&w, 1, 2);
	put_match(&w, &fixed_lit, &fixed_dist, 258, 32768);
	put_sym(&w, &fixed_lit, 256);
	memcpy(want, big, 32768);
	memcpy(want + 32768, big, 258);
	expect_raw(&w, want, 32768 + 258, "distance 32768");

	memset(&w, 0, sizeof(w));
	put_stored(&w, false, big, 32767);
	put_bits(&w, 1, 1);
	put_bits(&w, 1, 2);
	put_match(&w, &fixed_lit, &fixed_dist, 258, 32768);
	put_sym(&w, &fixed_lit, 256);
	expect_raw_error(&w, sizeof(want), -EBADMSG, "distance 32768 after 32767");

	/* stored "xyz" | fixed: 'q' + <3, 4> | dynamic: <5, 7> + 'r' */
	random_code(&lit, 286, 286);
	lit.len[256] = lit.len[256] ? lit.len[256] : 1;	/* never dropped: used == n */
	random_code(&dist, 30, 30);
	memset(&w, 0, sizeof(w));
	put_stored(&w, false, (const u8 *)"xyz", 3);
	put_bits(&w, 0, 1);
	put_bits(&w, 1, 2);
	put_sym(&w, &fixed_lit, 'q');
	put_match(&w, &fixed_lit, &fixed_dist, 3, 4);
	put_sym(&w, &fixed_lit, 256);
	put_dynamic_header(&w, true, &lit, &dist, true);
	put_match(&w, &lit, &dist, 5, 7);
	put_sym(&w, &lit, 'r');
	put_sym(&w, &lit, 256);
	n = 3 + 1 + 3 + 5 + 1;
	memcpy(want, "xyzqxyzxyzqxr", n);
	expect_raw(&w, want, n, "stored+fixed+dynamic");
}

/* Dynamic blocks made by hand: small trees, and every malformed header. */
static void test_raw_dynamic(void)
{
	struct code lit = { .n = 257 }, dist = { .n = 1 };
	struct result r;

	/* 'a' and end-of-block, one bit each; no distance codes at all. */
	lit.len['a'] = 1;
	lit.len[256] = 1;
	make_canonical(&lit);
	memset(&w, 0, sizeof(w));
	put_dynamic_header(&w, true, &lit, &dist, true);
	for (int i = 0; i < 3; i++)
		put_sym(&w, &lit, 'a');
	put_sym(&w, &lit, 256);
	expect_raw(&w, (const u8 *)"aaa", 3, "dynamic aaa");

	/* ... and a match, which has no distance code to use. */
	lit.n = 259;
	lit.len[256] = 2;
	lit.len[258] = 2;	/* length 4 */
	make_canonical(&lit);
	memset(&w, 0, sizeof(w));
	put_dynamic_header(&w, true, &lit, &dist, false);
	put_sym(&w, &lit, 'a');
	put_sym(&w, &lit, 258);
	put_bits(&w, 0, 1);
	put_sym(&w, &lit, 256);
	expect_raw_error(&w, 100, -EBADMSG, "match without distance codes");

	/* One distance code of one bit (RFC 1951 3.2.7) is allowed. */
	dist.len[0] = 1;
	make_canonical(&dist);
	memset(&w, 0, sizeof(w));
	put_dynamic_header(&w, true, &lit, &dist, false);
	put_sym(&w, &lit, 'a');
	put_match(&w, &lit, &dist, 4, 1);
	put_sym(&w, &lit, 256);
	expect_raw(&w, (const u8 *)"aaaaa", 5, "single distance code");
	/* Its unused pattern, bit 1, is no code. */
	memset(&w, 0, sizeof(w));
	put_dynamic_header(&w, true, &lit, &dist, false);
	put_sym(&w, &lit, 'a');
	put_sym(&w, &lit, 258);
	put_bits(&w, 1, 1);
	put_sym(&w, &lit, 256);
	expect_raw_error(&w, 100, -EBADMSG, "unused distance pattern");

	/* Incomplete literal/length code: 'a' 1 bit, end of block 2. */
	lit.len[258] = 0;
	make_canonical(&lit);
	memset(&w, 0, sizeof(w));
	put_dynamic_header(&w, true, &lit, &dist, false);
	put_sym(&w, &lit, 256);
	expect_raw_error(&w, 100, -EBADMSG, "incomplete literal code");

	/* Over-subscribed: three codes of one bit. */
	lit.len[256] = 1;
	lit.len[258] = 1;
	memset(&w, 0, sizeof(w));
	put_dynamic_header(&w, true, &lit, &dist, false);
	put_bits(&w, 0, 16);
	expect_raw_error(&w, 100, -EBADMSG, "over-subscribed literal code");

	/* No end-of-block code. */
	memset(lit.len, 0, sizeof(lit.len));
	lit.len['a'] = 1;
	lit.len['b'] = 1;
	make_canonical(&lit);
	memset(&w, 0, sizeof(w));
	put_dynamic_header(&w, true, &lit, &dist, false);
	put_bits(&w, 0, 16);
	expect_raw_error(&w, 100, -EBADMSG, "no end-of-block code");

	/* HLIT of 287 (RFC 1951: 257..286). */
	memset(&w, 0, sizeof(w));
	put_bits(&w, 5, 3);
	put_bits(&w, 30, 5);
	put_bits(&w, 0, 5);
	put_bits(&w, 15, 4);
	put_bits(&w, 0, 64);
	expect_raw_error(&w, 100, -EBADMSG, "HLIT 287");

	/* Code-length code: every symbol 1 bit long, over-subscribed. */
	memset(&w, 0, sizeof(w));
	put_bits(&w, 5, 3);
	put_bits(&w, 0, 14);
	for (int k = 0; k < 19; k++)
		put_bits(&w, 1, 3);
	put_bits(&w, 0, 64);
	expect_raw_error(&w, 100, -EBADMSG, "over-subscribed code-length code");

	/* Code-length code of only symbol 16 (repeat), used first. */
	memset(&w, 0, sizeof(w));
	put_bits(&w, 5, 3);
	put_bits(&w, 0, 10);
	put_bits(&w, 0, 4);		/* HCLEN 4: symbols 16, 17, 18, 0 */
	put_bits(&w, 1, 3);
	put_bits(&w, 0, 3);
	put_bits(&w, 0, 3);
	put_bits(&w, 1, 3);		/* 16 and 0, one bit each */
	put_bits(&w, 1, 1);		/* 16 with nothing before it */
	put_bits(&w, 0, 64);
	expect_raw_error(&w, 100, -EBADMSG, "repeat with nothing to repeat");

	/* A run of zeros past HLIT + HDIST. */
	memset(&w, 0, sizeof(w));
	put_bits(&w, 5, 3);
	put_bits(&w, 0, 10);
	put_bits(&w, 0, 4);
	put_bits(&w, 0, 3);
	put_bits(&w, 0, 3);
	put_bits(&w, 1, 3);
	put_bits(&w, 1, 3);		/* 0 is code 0, 18 code 1 */
	put_bits(&w, 1, 1);
	put_bits(&w, 127, 7);		/* 138 zeros */
	put_bits(&w, 1, 1);
	put_bits(&w, 127, 7);		/* 276 > 258 */
	put_bits(&w, 0, 64);
	expect_raw_error(&w, 100, -EBADMSG, "zero run past the end");

	r = run_raw(w.buf, 0, 10);
	CHECK(r.ret == -EBADMSG, "empty input: %d", r.ret);
	gz_free(r.out);
}

/*
 * Random streams: random complete codes (lengths up to 15, so the slow
 * path for codes longer than the fast table runs), random literals and
 * matches, over several blocks of every type.  The output must be what
 * the model says.
 */
static u8 model[1 << 19];	/* 4 blocks of 400 symbols of 258 */

static size_t put_random_block(struct bitw *w, bool final, size_t pos)
{
	struct code lit, dist;
	unsigned int type = unit_rand_below(3), nsym = unit_rand_below(400);

	if (type == 0) {
		u16 len = unit_rand_below(300);

		for (u16 i = 0; i < len; i++)
			model[pos + i] = unit_rand();
		put_stored(w, final, model + pos, len);
		return pos + len;
	}
	if (type == 1) {
		lit = fixed_lit;
		dist = fixed_dist;
		put_bits(w, final, 1);
		put_bits(w, 1, 2);
	} else {
		random_code(&lit, 257 + unit_rand_below(30), 20 + unit_rand_below(200));
		if (!lit.len[256]) {
			/* Swap end-of-block in for some used symbol. */
			for (unsigned int s = 0; s < lit.n; s++)
				if (lit.len[s]) {
					lit.len[256] = lit.len[s];
					lit.len[s] = 0;
					break;
				}
			make_canonical(&lit);
		}
		random_code(&dist, 1 + unit_rand_below(30), 1 + unit_rand_below(30));
		if (dist.n == 1 || unit_rand_below(4) == 0) {
			memset(dist.len, 0, sizeof(dist.len));
			dist.n = 30;
			for (unsigned int s = 0; s < 30; s++)
				dist.len[s] = s < 14 ? s + 1 : s == 14 || s == 15 ? 15 : 0;
			make_canonical(&dist);
		}
		put_dynamic_header(w, final, &lit, &dist, unit_rand_below(2));
	}
	for (unsigned int k = 0; k < nsym; k++) {
		unsigned int s = unit_rand_below(lit.n);
		unsigned int len = 3 + unit_rand_below(256), d, ds;

		if (s < 256 && lit.len[s]) {
			put_sym(w, &lit, s);
			model[pos++] = s;
			continue;
		}
		if (!pos || s < 256 || s - 257 >= 29 || !lit.len[s])
			continue;
		/* A length with this symbol and a distance the code has. */
		len = len_base[s - 257] + unit_rand_below(1U << len_extra[s - 257]);
		if (len > 258 || len_sym(len) != s - 257)
			continue;	/* 284 + 31 = 258 is 285's job */
		ds = unit_rand_below(dist.n < 30 ? dist.n : 30);
		if (!dist.len[ds] || dist_base[ds] > pos)
			continue;
		d = dist_base[ds] + unit_rand_below(1U << dist_extra[ds]);
		if (d > pos)
			d = pos;
		if (dist_sym(d) != ds)
			continue;
		put_match(w, &lit, &dist, len, d);
		for (unsigned int i = 0; i < len; i++, pos++)
			model[pos] = model[pos - d];
	}
	put_sym(w, &lit, 256);
	return pos;
}

static void test_raw_random(void)
{
	for (int iter = 0; iter < 300; iter++) {
		unsigned int blocks = 1 + unit_rand_below(4);
		size_t pos = 0;

		memset(&w, 0, sizeof(w));
		for (unsigned int b = 0; b < blocks; b++)
			pos = put_random_block(&w, b == blocks - 1, pos);
		expect_raw(&w, model, pos, "random stream");
	}
}

/* ---- gzip ------------------------------------------------------------ */

static size_t header_len(const u8 *gz)
{
	size_t pos = 10;

	if (gz[3] & 0x08)
		pos += strlen((const char *)gz + pos) + 1;
	return pos;
}

/* Decode @data compressed by gzip @opts; return the first block's BTYPE. */
static int check_gzip(const u8 *data, size_t len, const char *opts,
		      const char *what)
{
	size_t gz_len, hdr;
	u8 *gz = gz_compress(data, len, opts, &gz_len);
	struct result r;
	double t;
	int btype;

	if (!CHECK(gz != NULL, "gzip %s of %s failed", opts, what))
		return -1;
	CHECK(gunzip_size_hint(gz, gz_len) == len, "%s %s: size hint %zu",
	      what, opts, gunzip_size_hint(gz, gz_len));
	CHECK(!(gz[3] & 0x08) == !!strstr(opts, "--no-name"),
	      "%s %s: FNAME flag %#x", what, opts, gz[3]);

	t = gz_now();
	r = run_gunzip(gz, gz_len, len);
	t = gz_now() - t;
	if (CHECK(r.ret == 0, "%s %s: gunzip returned %d", what, opts, r.ret))
		CHECK(r.out_len == len && !memcmp(r.out, data, len),
		      "%s %s: output differs", what, opts);
	gz_free(r.out);
	if (len >= (1 << 20))
		printf("# inflate: gunzip %s %s: %zu -> %zu bytes in %.1f ms "
		       "(sanitized build)\n", what, opts, gz_len, len, t * 1e3);

	if (len) {
		r = run_gunzip(gz, gz_len, len - 1);
		CHECK(r.ret == -ENOSPC, "%s %s: one byte short gave %d", what,
		      opts, r.ret);
		gz_free(r.out);
	}

	/* The raw stream alone ends exactly where the trailer starts. */
	hdr = header_len(gz);
	r = run_raw(gz + hdr, gz_len - hdr, len);
	CHECK(r.ret == 0 && r.in_used == gz_len - hdr - 8,
	      "%s %s: inflate_raw %d used %zu of %zu", what, opts, r.ret,
	      r.in_used, gz_len - hdr - 8);
	gz_free(r.out);

	btype = gz[hdr] >> 1 & 3;
	gz_free(gz);
	return btype;
}

static u8 *make_text(size_t len)
{
	static const char *words[] = {
		"page ", "fault ", "the ", "kernel ", "inode ", "of ", "cpio ",
		"\n", "initramfs ", "lantern ", "DEFLATE ", "a ", "block ",
	};
	u8 *p = gz_alloc(len);
	size_t i = 0;

	/*
	 * 24 KiB of random words, then copies of it from 24 to 31 KiB back
	 * (gzip reaches back at most 32506 bytes), with a few edits.
	 */
	while (i < len && i < 24576) {
		const char *wd = words[unit_rand_below(13)];

		for (; *wd && i < len; wd++)
			p[i++] = *wd;
	}
	for (; i < len; i++) {
		size_t d = 24576 + (i / 24576 % 4) * 2400;

		d = d <= i ? d : 24576;
		p[i] = unit_rand_below(200) ? p[i - d] : 'A' + unit_rand_below(26);
	}
	return p;
}

/* 3 MiB of 64 KiB pieces: text, zeros, random, counters, old pieces. */
static u8 *make_mixed(size_t len)
{
	u8 *p = gz_alloc(len), *text = make_text(1 << 16);

	for (size_t at = 0; at < len; at += 1 << 16) {
		size_t n = len - at < (1 << 16) ? len - at : 1 << 16;

		switch (unit_rand_below(5)) {
		case 0:
			memcpy(p + at, text, n);
			break;
		case 1:
			memset(p + at, 0, n);
			break;
		case 2:
			for (size_t i = 0; i < n; i++)
				p[at + i] = unit_rand();
			break;
		case 3:
			for (size_t i = 0; i < n; i++)
				p[at + i] = (i / 4) >> (8 * (i % 4));
			break;
		default:	/* an earlier piece again, far back */
			if (at >= n)
				memcpy(p + at, p + unit_rand_below(at - n + 1), n);
			else
				memset(p + at, 'z', n);
			break;
		}
	}
	gz_free(text);
	return p;
}

static void test_gzip_vectors(void)
{
	static const char *opts[] = { "-9", "-1", "--no-name" };
	struct { const char *name; size_t len; u8 *data; int btype[3]; } v[] = {
		{ .name = "empty", .len = 0 },
		{ .name = "1 byte", .len = 1 },
		{ .name = "64 KiB zeros", .len = 65536 },
		{ .name = "random", .len = 100000 },
		{ .name = "text", .len = 300000 },
		{ .name = "3 MiB mixed", .len = 3 << 20 },
	};
	unsigned int seen = 0;

	v[0].data = gz_alloc(0);
	v[1].data = gz_alloc(1);
	v[1].data[0] = 'x';
	v[2].data = gz_alloc(65536);
	memset(v[2].data, 0, 65536);
	v[3].data = gz_alloc(100000);
	for (size_t i = 0; i < 100000; i++)
		v[3].data[i] = unit_rand();
	v[4].data = make_text(300000);
	v[5].data = make_mixed(3 << 20);

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		for (int o = 0; o < 3; o++) {
			v[i].btype[o] = check_gzip(v[i].data, v[i].len, opts[o],
						   v[i].name);
			if (v[i].btype[o] >= 0)
				seen |= 1U << v[i].btype[o];
		}
	/* What gzip makes of these: 1 byte fixed, random stored, text dynamic. */
	CHECK(v[1].btype[0] == 1, "1 byte: first block type %d", v[1].btype[0]);
	CHECK(v[3].btype[0] == 0, "random: first block type %d", v[3].btype[0]);
	CHECK(v[4].btype[0] == 2, "text: first block type %d", v[4].btype[0]);
	CHECK(seen == 7, "block types seen: %#x", seen);
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		gz_free(v[i].data);
}

/* A member with every optional header field, built around gzip's stream. */
static void test_gzip_header(void)
{
	static const char text[] = "header fields header fields header fields";
	size_t gz_len, len = sizeof(text) - 1, n = 0, body, hcrc_at;
	u8 *gz = gz_compress(text, len, "--no-name", &gz_len);
	u8 *m = gz_alloc(gz_len + 64);
	struct result r;
	u32 crc;

	if (!CHECK(gz != NULL, "gzip failed"))
		return;
	memcpy(m, gz, 10);
	m[3] = 0x1f;			/* FTEXT FHCRC FEXTRA FNAME FCOMMENT */
	n = 10;
	memcpy(m + n, "\x05\x00" "ab\0cd", 7);	/* XLEN 5, with a NUL inside */
	n += 7;
	memcpy(m + n, "name.txt", 9);
	n += 9;
	memcpy(m + n, "a comment", 10);
	n += 10;
	hcrc_at = n;
	crc = crc_ref(m, n);
	m[n++] = crc;
	m[n++] = crc >> 8;
	body = gz_len - 10;
	memcpy(m + n, gz + 10, body);
	n += body;

	r = run_gunzip(m, n, len);
	CHECK(r.ret == 0 && r.out_len == len && !memcmp(r.out, text, len),
	      "all header fields: %d", r.ret);
	gz_free(r.out);

	/* Zero padding after the member is ignored. */
	memset(m + n, 0, 16);
	r = run_gunzip(m, n + 16, len);
	CHECK(r.ret == 0 && r.out_len == len, "padded member: %d", r.ret);
	gz_free(r.out);

	/* gunzip_member() says where the member ends, padding not included. */
	{
		u8 *out = gz_alloc(len);
		size_t used = 0, out_len = 0;
		int ret;

		ret = gunzip_member(m, n + 16, out, len, &used, &out_len);
		CHECK(ret == 0 && used == n && out_len == len,
		      "member length: %d, used %zu of %zu", ret, used, n);
		gz_free(out);
	}

	m[hcrc_at] ^= 1;
	r = run_gunzip(m, n, len);
	CHECK(r.ret == -EBADMSG, "bad FHCRC: %d", r.ret);
	gz_free(r.out);
	m[hcrc_at] ^= 1;

	/* Header damage: magic, method, reserved flags, overlong fields. */
	static const struct { size_t at; u8 val; int err; } bad[] = {
		{ 0, 0x1e, -EINVAL }, { 1, 0x8c, -EINVAL }, { 2, 7, -EINVAL },
		{ 3, 0x3f, -EINVAL }, { 3, 0x9f, -EINVAL },
		{ 10, 0xff, -EBADMSG },		/* XLEN runs off the end */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		u8 old = m[bad[i].at];
		size_t in_len = bad[i].at == 10 ? 30 : n;

		m[bad[i].at] = bad[i].val;
		m[11] = bad[i].at == 10 ? 0xff : 0;
		r = run_gunzip(m, in_len, len);
		CHECK(r.ret == bad[i].err, "byte %zu = %#x: %d, want %d",
		      bad[i].at, bad[i].val, r.ret, bad[i].err);
		gz_free(r.out);
		m[bad[i].at] = old;
		m[11] = 0;
	}
	/* FNAME with no terminating NUL before the end of input. */
	r = run_gunzip(m, 17 + 5, len);
	CHECK(r.ret == -EBADMSG, "unterminated FNAME: %d", r.ret);
	gz_free(r.out);

	/* Trailer: CRC and ISIZE. */
	gz[gz_len - 8] ^= 0x40;
	r = run_gunzip(gz, gz_len, len);
	CHECK(r.ret == -EBADMSG, "wrong CRC: %d", r.ret);
	gz_free(r.out);
	gz[gz_len - 8] ^= 0x40;
	gz[gz_len - 4] ^= 0x01;
	r = run_gunzip(gz, gz_len, len + 10);
	CHECK(r.ret == -EBADMSG, "wrong ISIZE: %d", r.ret);
	gz_free(r.out);
	gz[gz_len - 4] ^= 0x01;
	r = run_gunzip(gz, gz_len, len);
	CHECK(r.ret == 0, "restored member: %d", r.ret);
	gz_free(r.out);

	CHECK(gunzip_size_hint(gz, 17) == 0, "size hint of 17 bytes");
	CHECK(gunzip_size_hint((const u8 *)"PK\3\4xxxxxxxxxxxxxxxxxx", 22) == 0,
	      "size hint of a zip file");
	gz_free(gz);
	gz_free(m);
}

/* ---- Corruption ------------------------------------------------------ */

static void test_truncation(void)
{
	u8 *text = make_text(3000);
	size_t gz_len;
	u8 *gz = gz_compress(text, 3000, "-9", &gz_len);

	if (!CHECK(gz != NULL, "gzip failed"))
		return;
	for (size_t cut = 0; cut < gz_len; cut++) {
		struct result r = run_gunzip(gz, cut, 3000);

		CHECK(r.ret == -EBADMSG || (cut < 3 && r.ret == -EINVAL),
		      "cut to %zu of %zu: %d", cut, gz_len, r.ret);
		gz_free(r.out);
	}
	gz_free(gz);
	gz_free(text);
}

/* Single byte flips: an error, or (a harmless byte) the right output. */
static void test_flips(void)
{
	size_t len = 40000, gz_len, errors = 0;
	u8 *data = make_text(len);
	u8 *gz = gz_compress(data, len, "-6", &gz_len);

	if (!CHECK(gz != NULL, "gzip failed"))
		return;
	for (int i = 0; i < 5000; i++) {
		size_t at = unit_rand_below(gz_len);
		u8 old = gz[at];
		size_t cap = unit_rand_below(8) ? len : unit_rand_below(len + 100);
		struct result r;

		gz[at] ^= 1 + unit_rand_below(255);
		r = run_gunzip(gz, gz_len, cap);
		if (r.ret)
			CHECK(is_error(r.ret), "flip at %zu: %d", at, r.ret);
		else
			CHECK(r.out_len == len && !memcmp(r.out, data, len),
			      "flip at %zu decoded to the wrong bytes", at);
		errors += r.ret != 0;
		gz_free(r.out);
		gz[at] = old;
	}
	printf("# inflate: 5000 flips in a %zu-byte member: %zu errors\n",
	       gz_len, errors);
	gz_free(gz);
	gz_free(data);
}

/* Random bytes and damaged streams straight into inflate_raw. */
static void test_garbage(void)
{
	static u8 buf[600];

	for (int i = 0; i < 20000; i++) {
		size_t len = unit_rand_below(sizeof(buf) + 1);
		size_t cap = unit_rand_below(4096);
		struct result r;

		for (size_t j = 0; j < len; j++)
			buf[j] = unit_rand();
		/* Favour compressed block types: uniform bytes are 1/4 stored. */
		if (len && unit_rand_below(2))
			buf[0] = (buf[0] & ~6) | (unit_rand_below(2) ? 2 : 4);
		r = run_raw(buf, len, cap);
		if (r.ret)
			CHECK(is_error(r.ret), "garbage: %d", r.ret);
		else
			CHECK(r.in_used <= len && r.out_len <= cap,
			      "garbage: used %zu of %zu, out %zu of %zu",
			      r.in_used, len, r.out_len, cap);
		gz_free(r.out);
	}

	/* Random streams from the encoder above, with 1..4 bytes damaged. */
	for (int i = 0; i < 3000; i++) {
		size_t pos = 0;
		struct result r;

		memset(&w, 0, sizeof(w));
		pos = put_random_block(&w, true, pos);
		for (int k = 1 + unit_rand_below(4); k > 0; k--)
			w.buf[unit_rand_below(w.len)] ^= 1 + unit_rand_below(255);
		r = run_raw(w.buf, w.len, pos + unit_rand_below(64));
		if (r.ret)
			CHECK(is_error(r.ret), "damaged stream: %d", r.ret);
		else
			CHECK(r.in_used <= w.len, "damaged stream used %zu of %zu",
			      r.in_used, w.len);
		gz_free(r.out);
	}
}

int main(void)
{
	init_bases();
	init_fixed();

	unit_begin("inflate-crc32");
	test_crc32();
	unit_end();

	unit_begin("inflate-raw");
	test_raw_stored_fixed();
	test_raw_far();
	test_raw_dynamic();
	test_raw_random();
	unit_end();

	unit_begin("inflate-garbage");
	test_garbage();
	unit_end();

	if (!gz_have_gzip()) {
		printf("# skipped: no gzip (inflate-gzip, inflate-gzip-header, "
		       "inflate-corrupt)\n");
		return unit_exit_status();
	}

	unit_begin("inflate-gzip");
	test_gzip_vectors();
	unit_end();

	unit_begin("inflate-gzip-header");
	test_gzip_header();
	unit_end();

	unit_begin("inflate-corrupt");
	test_truncation();
	test_flips();
	unit_end();

	return unit_exit_status();
}
