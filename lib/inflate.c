// SPDX-License-Identifier: GPL-2.0
/*
 * DEFLATE decompression (RFC 1951) and the gzip wrapper around it
 * (RFC 1952), written from the RFCs for the initramfs unpacker.
 *
 * How DEFLATE is built, for a reader new to it:
 *
 *  - The stream is a sequence of blocks.  Each starts with three bits:
 *    BFINAL (this is the last block) and BTYPE: 0 stored (raw bytes with
 *    their length, for incompressible data), 1 compressed with the fixed
 *    Huffman codes the RFC lists, 2 compressed with Huffman codes whose
 *    code lengths are sent at the start of the block ("dynamic").
 *
 *  - A compressed block is a string of symbols from the literal/length
 *    alphabet: 0..255 is a literal byte, 256 ends the block, 257..285 is
 *    the length (3..258) of a back-reference.  A length is followed by a
 *    symbol from the distance alphabet (0..29, distance 1..32768), and
 *    the pair means "copy <length> bytes starting <distance> bytes back
 *    in the output" (LZ77).  The copy may overlap what it writes: distance
 *    1, length 10 repeats the last byte ten times.  Lengths and distances
 *    are coded as a base symbol plus a few raw "extra" bits.
 *
 *  - Huffman codes are canonical: a code is fully described by the code
 *    length of each symbol, so a dynamic block sends only lengths (and
 *    even those Huffman-coded, with a third, 19-symbol alphabet and
 *    run-length symbols 16..18).  Bits are packed from the least
 *    significant bit of each byte, but a Huffman code is sent starting
 *    from its most significant bit, so codes appear bit-reversed.
 *
 * Decoding is table driven: decode() looks up the next fast_bits bits of
 * input (10 for literals/lengths, 8 for distances) in a table built from
 * the code lengths, which gives the symbol and its code length at once.
 * Codes longer than the table (rare: they belong to symbols seen less
 * than once per 2^fast_bits) are decoded by
 * decode_slow() from the canonical-code counts, one length at a time.
 * This two-speed design keeps the state to a fixed 3.6 KiB with no
 * size calculation that could be got wrong, while nearly every symbol
 * costs one lookup.
 *
 * Untrusted input: every read of input goes through refill(), bounded by
 * in_end; every write checks out_end; every distance is checked against
 * the bytes produced so far.  Code lengths are checked to form a valid
 * prefix code (build_huffman()).  Nothing recurses, and the tables live
 * in a kmalloc'ed struct inflate_state, not on the stack.
 */
#include <linux/decompress/inflate.h>
#include <linux/crc32.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>

#define MAX_CODE_BITS	15	/* longest Huffman code DEFLATE allows */
#define NUM_LITLEN	288	/* 0..285 used, 286/287 only in the fixed code */
#define NUM_DIST	32	/* 0..29 used, 30/31 only in the fixed code */
#define NUM_CODELEN	19	/* the code-length alphabet of dynamic blocks */
#define END_OF_BLOCK	256
#define FIRST_LENGTH	257	/* first length symbol */
#define NUM_LENGTHS	29	/* length symbols 257..285 */
#define NUM_DISTANCES	30	/* distance symbols 0..29 */

/*
 * Table sizes.  10 bits of literal/length catch nearly every code gzip
 * emits; distance codes are fewer and shorter.  The code-length code
 * (at most 7 bits) borrows the distance tables while a dynamic block
 * header is read.
 */
#define LITLEN_FAST_BITS	10
#define DIST_FAST_BITS		8

/* A fast-table entry: code length << SYM_BITS | symbol; 0 = not in table. */
#define SYM_BITS	9
#define SYM_MASK	((1U << SYM_BITS) - 1)
BUILD_BUG_ON(NUM_LITLEN > SYM_MASK + 1);
BUILD_BUG_ON((MAX_CODE_BITS << SYM_BITS | SYM_MASK) > 0xffff);

struct huffman {
	u16 *fast;			/* 1 << fast_bits entries */
	u16 *sorted;			/* symbols by (code length, symbol) */
	unsigned int fast_bits;
	u16 count[MAX_CODE_BITS + 1];	/* number of codes of each length */
};

struct inflate_state {
	/* Input: bits holds nbits not yet consumed bits, read from below in. */
	const u8 *in, *in_end;
	u64 bits;
	unsigned int nbits;

	u8 *out_start, *out, *out_end;

	struct huffman litlen, dist;
	bool fixed_built;		/* litlen/dist hold the fixed codes */

	u16 litlen_fast[1 << LITLEN_FAST_BITS];
	u16 dist_fast[1 << DIST_FAST_BITS];
	u16 litlen_sorted[NUM_LITLEN];
	u16 dist_sorted[NUM_DIST];
	u8 lens[NUM_LITLEN + NUM_DIST];
};

/* RFC 1951 3.2.5: base values and extra bits of length and distance symbols. */
static const u16 length_base[NUM_LENGTHS] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
};
static const u8 length_extra[NUM_LENGTHS] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};
static const u16 dist_base[NUM_DISTANCES] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
	8193, 12289, 16385, 24577,
};
static const u8 dist_extra[NUM_DISTANCES] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
};

/* RFC 1951 3.2.7: the order code-length code lengths are sent in. */
static const u8 codelen_order[NUM_CODELEN] = {
	16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
};

/*
 * Top up the bit buffer to at least 57 bits, or with whatever input is
 * left.  57 covers the longest symbol with all its extras (15 + 5 + 15 +
 * 13 = 48 bits), so the block decoder refills about once per symbol.
 */
static inline void refill(struct inflate_state *s)
{
	while (s->nbits <= 56 && s->in < s->in_end) {
		s->bits |= (u64)*s->in++ << s->nbits;
		s->nbits += 8;
	}
}

static inline void drop_bits(struct inflate_state *s, unsigned int n)
{
	s->bits >>= n;
	s->nbits -= n;
}

/* The next @n (<= 16) bits as a number, or -EBADMSG if the input ends first. */
static inline int get_bits(struct inflate_state *s, unsigned int n)
{
	int v;

	if (unlikely(s->nbits < n)) {
		refill(s);
		if (s->nbits < n)
			return -EBADMSG;
	}
	v = s->bits & ((1U << n) - 1);
	drop_bits(s, n);
	return v;
}

/*
 * Check that @lens (each 0..15) describe a usable prefix code and build
 * @h's tables from them.  A code with more codes of some length than the
 * tree has room for (over-subscribed) is always corrupt.  One that leaves
 * room (incomplete) is corrupt too, except where RFC 1951 3.2.7 allows it:
 * no distance codes at all (a block of literals only), or a single code of
 * one bit.  @allow_single says whether this alphabet may do that; any
 * unused bit pattern then decodes as an error.
 */
static int build_huffman(struct huffman *h, const u8 *lens, unsigned int n,
			 bool allow_single)
{
	u16 next[MAX_CODE_BITS + 1];
	unsigned int len, sym, code, i, used;
	int left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (sym = 0; sym < n; sym++)
		h->count[lens[sym]]++;
	used = n - h->count[0];

	for (len = 1; len <= MAX_CODE_BITS; len++) {
		left = 2 * left - h->count[len];
		if (left < 0)
			return -EBADMSG;
	}
	if (left > 0 && !(allow_single && (used == 0 ||
					   (used == 1 && h->count[1] == 1))))
		return -EBADMSG;

	/* Sort symbols by code length, then value: canonical code order. */
	next[1] = 0;
	for (len = 1; len < MAX_CODE_BITS; len++)
		next[len + 1] = next[len] + h->count[len];
	for (sym = 0; sym < n; sym++)
		if (lens[sym])
			h->sorted[next[lens[sym]]++] = sym;

	/*
	 * Codes of one length are consecutive numbers, the next length
	 * starting at twice the one after the last shorter code.  Each code
	 * of up to fast_bits bits fills every table slot whose low bits are
	 * the code (reversed, as it arrives); the rest stay 0 for
	 * decode_slow().
	 */
	memset(h->fast, 0, sizeof(u16) << h->fast_bits);
	code = 0;
	i = 0;
	for (len = 1; len <= h->fast_bits; len++, code <<= 1) {
		for (sym = 0; sym < h->count[len]; sym++, code++, i++) {
			unsigned int rev = 0, b, slot;

			for (b = 0; b < len; b++)
				rev |= ((code >> b) & 1) << (len - 1 - b);
			for (slot = rev; slot < 1U << h->fast_bits; slot += 1U << len)
				h->fast[slot] = len << SYM_BITS | h->sorted[i];
		}
	}
	return 0;
}

/*
 * A code longer than the fast table, or a bit pattern no code uses.  Walk
 * the canonical code one length at a time: @code is the bits read so far,
 * @first the first code of this length, @index where its symbols start
 * in h->sorted.  Because the code is canonical, code >= first always
 * holds, and code - first < count means the code is one of this length.
 */
static noinline int decode_slow(struct inflate_state *s, const struct huffman *h)
{
	unsigned int len, code = 0, first = 0, index = 0;
	u64 bits = s->bits;

	for (len = 1; len <= MAX_CODE_BITS; len++) {
		code |= bits & 1;
		bits >>= 1;
		if (code - first < h->count[len]) {
			if (len > s->nbits)
				return -EBADMSG;	/* input ended mid-code */
			drop_bits(s, len);
			return h->sorted[index + code - first];
		}
		index += h->count[len];
		first = (first + h->count[len]) << 1;
		code <<= 1;
	}
	return -EBADMSG;
}

/* The next symbol coded with @h, or -EBADMSG. */
static inline int decode(struct inflate_state *s, const struct huffman *h)
{
	unsigned int entry, len;

	if (s->nbits < MAX_CODE_BITS)
		refill(s);
	/* Past the end of input the buffer reads as zeros; len is checked. */
	entry = h->fast[s->bits & ((1U << h->fast_bits) - 1)];
	if (unlikely(!entry))
		return decode_slow(s, h);
	len = entry >> SYM_BITS;
	if (unlikely(len > s->nbits))
		return -EBADMSG;
	drop_bits(s, len);
	return entry & SYM_MASK;
}

/*
 * Copy a back-reference whose length symbol is @sym: read the length's
 * extra bits, the distance symbol and its extra bits.
 */
static int copy_match(struct inflate_state *s, unsigned int sym)
{
	int extra, dsym;
	size_t len, dist;
	u8 *from;

	sym -= FIRST_LENGTH;
	if (sym >= NUM_LENGTHS)
		return -EBADMSG;		/* 286, 287: fixed code only */
	extra = get_bits(s, length_extra[sym]);
	if (extra < 0)
		return extra;
	len = length_base[sym] + extra;

	dsym = decode(s, &s->dist);
	if (dsym < 0)
		return dsym;
	if (dsym >= NUM_DISTANCES)
		return -EBADMSG;		/* 30, 31: fixed code only */
	extra = get_bits(s, dist_extra[dsym]);
	if (extra < 0)
		return extra;
	dist = dist_base[dsym] + extra;

	if (dist > (size_t)(s->out - s->out_start))
		return -EBADMSG;		/* before the start of the output */
	if (len > (size_t)(s->out_end - s->out))
		return -ENOSPC;
	/* Byte by byte, front to back: the source may overlap the copy. */
	from = s->out - dist;
	while (len--)
		*s->out++ = *from++;
	return 0;
}

/* Decode symbols with the current litlen/dist codes up to end-of-block. */
static int inflate_codes(struct inflate_state *s)
{
	int sym, ret;

	for (;;) {
		sym = decode(s, &s->litlen);
		if (sym < 0)
			return sym;
		if (sym < END_OF_BLOCK) {
			if (unlikely(s->out == s->out_end))
				return -ENOSPC;
			*s->out++ = sym;
		} else if (sym == END_OF_BLOCK) {
			return 0;
		} else {
			ret = copy_match(s, sym);
			if (ret)
				return ret;
		}
	}
}

static inline u16 get_le16(const u8 *p)
{
	return p[0] | p[1] << 8;
}

static inline u32 get_le32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

/*
 * BTYPE 0: skip to a byte boundary, then LEN, its complement NLEN, and
 * LEN raw bytes.  Whole bytes still in the bit buffer are given back to
 * the input first, so the copy can come straight from it.
 */
static int inflate_stored(struct inflate_state *s)
{
	size_t len;

	drop_bits(s, s->nbits % 8);
	s->in -= s->nbits / 8;
	s->bits = 0;
	s->nbits = 0;

	if (s->in_end - s->in < 4)
		return -EBADMSG;
	len = get_le16(s->in);
	if ((u16)~len != get_le16(s->in + 2))
		return -EBADMSG;
	s->in += 4;
	if (len > (size_t)(s->in_end - s->in))
		return -EBADMSG;
	if (len > (size_t)(s->out_end - s->out))
		return -ENOSPC;
	memcpy(s->out, s->in, len);
	s->in += len;
	s->out += len;
	return 0;
}

/* BTYPE 1: the code lengths of RFC 1951 3.2.6, built once per call. */
static int inflate_fixed(struct inflate_state *s)
{
	unsigned int i;
	int ret;

	if (!s->fixed_built) {
		for (i = 0; i < NUM_LITLEN; i++)
			s->lens[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
		ret = build_huffman(&s->litlen, s->lens, NUM_LITLEN, false);
		if (ret)
			return ret;
		for (i = 0; i < NUM_DIST; i++)
			s->lens[i] = 5;
		ret = build_huffman(&s->dist, s->lens, NUM_DIST, false);
		if (ret)
			return ret;
		s->fixed_built = true;
	}
	return inflate_codes(s);
}

/*
 * Read @n literal/length and distance code lengths, one run at a time,
 * coded with the code-length code in s->dist.  Symbols 0..15 are a
 * length; 16 repeats the previous length 3..6 times, 17 and 18 write
 * 3..10 and 11..138 zeros.  Runs may cross from one alphabet into the
 * other, but not past @n.
 */
static int read_code_lengths(struct inflate_state *s, unsigned int n)
{
	unsigned int i = 0, fill;
	int sym, rep;

	while (i < n) {
		sym = decode(s, &s->dist);
		if (sym < 0)
			return sym;
		if (sym < 16) {
			s->lens[i++] = sym;
			continue;
		}
		if (sym == 16) {
			if (i == 0)
				return -EBADMSG;	/* nothing to repeat */
			fill = s->lens[i - 1];
			rep = get_bits(s, 2);
			rep = rep < 0 ? rep : 3 + rep;
		} else {
			fill = 0;
			rep = sym == 17 ? get_bits(s, 3) : get_bits(s, 7);
			rep = rep < 0 ? rep : rep + (sym == 17 ? 3 : 11);
		}
		if (rep < 0)
			return rep;
		if ((unsigned int)rep > n - i)
			return -EBADMSG;
		memset(s->lens + i, fill, rep);
		i += rep;
	}
	return 0;
}

/* BTYPE 2: the block header of RFC 1951 3.2.7, then the data. */
static int inflate_dynamic(struct inflate_state *s)
{
	u8 codelen_lens[NUM_CODELEN] = { 0 };
	int hlit, hdist, hclen, len, ret;
	unsigned int i;

	/* The code-length code borrows s->dist (see DIST_FAST_BITS). */
	BUILD_BUG_ON(NUM_CODELEN > NUM_DIST);

	s->fixed_built = false;
	hlit = get_bits(s, 5);
	hdist = get_bits(s, 5);
	hclen = get_bits(s, 4);
	if (hlit < 0 || hdist < 0 || hclen < 0)
		return -EBADMSG;
	hlit += 257;
	hdist += 1;
	hclen += 4;
	if (hlit > 286)
		return -EBADMSG;

	for (i = 0; i < (unsigned int)hclen; i++) {
		len = get_bits(s, 3);
		if (len < 0)
			return len;
		codelen_lens[codelen_order[i]] = len;
	}
	ret = build_huffman(&s->dist, codelen_lens, NUM_CODELEN, false);
	if (ret)
		return ret;

	ret = read_code_lengths(s, hlit + hdist);
	if (ret)
		return ret;
	if (!s->lens[END_OF_BLOCK])
		return -EBADMSG;	/* the block could never end */

	ret = build_huffman(&s->litlen, s->lens, hlit, true);
	if (ret)
		return ret;
	ret = build_huffman(&s->dist, s->lens + hlit, hdist, true);
	if (ret)
		return ret;
	return inflate_codes(s);
}

static int inflate_blocks(struct inflate_state *s)
{
	int final, type, ret;

	do {
		final = get_bits(s, 1);
		type = get_bits(s, 2);
		if (final < 0 || type < 0)
			return -EBADMSG;
		switch (type) {
		case 0:
			ret = inflate_stored(s);
			break;
		case 1:
			ret = inflate_fixed(s);
			break;
		case 2:
			ret = inflate_dynamic(s);
			break;
		default:
			ret = -EBADMSG;		/* BTYPE 3 is reserved */
			break;
		}
		if (ret)
			return ret;
	} while (!final);
	return 0;
}

int inflate_raw(const u8 *in, size_t in_len, u8 *out, size_t out_cap,
		size_t *in_used, size_t *out_len)
{
	struct inflate_state *s;
	int ret;

	s = kmalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->in = in;
	s->in_end = in + in_len;
	s->bits = 0;
	s->nbits = 0;
	s->out_start = out;
	s->out = out;
	s->out_end = out + out_cap;
	s->litlen.fast = s->litlen_fast;
	s->litlen.sorted = s->litlen_sorted;
	s->litlen.fast_bits = LITLEN_FAST_BITS;
	s->dist.fast = s->dist_fast;
	s->dist.sorted = s->dist_sorted;
	s->dist.fast_bits = DIST_FAST_BITS;
	s->fixed_built = false;

	ret = inflate_blocks(s);
	if (!ret) {
		/* Whole bytes left in the bit buffer were never used. */
		*in_used = s->in - in - s->nbits / 8;
		*out_len = s->out - out;
	}
	kfree(s);
	return ret;
}

/* RFC 1952 2.3.1: the FLG bits. */
#define GZIP_FTEXT	0x01	/* a hint only */
#define GZIP_FHCRC	0x02
#define GZIP_FEXTRA	0x04
#define GZIP_FNAME	0x08
#define GZIP_FCOMMENT	0x10
#define GZIP_FRESERVED	0xe0
#define GZIP_CM_DEFLATE	8
#define GZIP_HEADER_LEN	10	/* ID1 ID2 CM FLG MTIME(4) XFL OS */
#define GZIP_TRAILER_LEN 8	/* CRC32 ISIZE */

/* Skip a zero-terminated field from *@pos; -EBADMSG if it runs off the end. */
static int skip_string(const u8 *in, size_t in_len, size_t *pos)
{
	const u8 *nul = memchr(in + *pos, 0, in_len - *pos);

	if (!nul)
		return -EBADMSG;
	*pos = nul - in + 1;
	return 0;
}

/* The length of the gzip member header at @in, or a negative errno. */
static int gzip_header_len(const u8 *in, size_t in_len, size_t *hdr_len)
{
	size_t pos = GZIP_HEADER_LEN;
	u8 flags;
	int ret;

	if (in_len < 3 || in[0] != 0x1f || in[1] != 0x8b ||
	    in[2] != GZIP_CM_DEFLATE)
		return -EINVAL;
	if (in_len < GZIP_HEADER_LEN)
		return -EBADMSG;
	flags = in[3];
	if (flags & GZIP_FRESERVED)
		return -EINVAL;

	if (flags & GZIP_FEXTRA) {
		if (in_len - pos < 2 || in_len - pos - 2 < get_le16(in + pos))
			return -EBADMSG;
		pos += 2 + get_le16(in + pos);
	}
	if (flags & GZIP_FNAME) {
		ret = skip_string(in, in_len, &pos);
		if (ret)
			return ret;
	}
	if (flags & GZIP_FCOMMENT) {
		ret = skip_string(in, in_len, &pos);
		if (ret)
			return ret;
	}
	if (flags & GZIP_FHCRC) {
		/* The low 16 bits of the CRC-32 of the header before it. */
		if (in_len - pos < 2)
			return -EBADMSG;
		if (get_le16(in + pos) != (u16)~crc32_le(~0U, in, pos))
			return -EBADMSG;
		pos += 2;
	}
	*hdr_len = pos;
	return 0;
}

int gunzip_member(const u8 *in, size_t in_len, u8 *out, size_t out_cap,
		  size_t *in_used, size_t *out_len)
{
	size_t hdr_len, used, len;
	const u8 *trailer;
	int ret;

	ret = gzip_header_len(in, in_len, &hdr_len);
	if (ret)
		return ret;
	ret = inflate_raw(in + hdr_len, in_len - hdr_len, out, out_cap,
			  &used, &len);
	if (ret)
		return ret;

	trailer = in + hdr_len + used;
	if (in_len - hdr_len - used < GZIP_TRAILER_LEN)
		return -EBADMSG;
	if (get_le32(trailer) != ~crc32_le(~0U, out, len))
		return -EBADMSG;
	if (get_le32(trailer + 4) != (u32)len)
		return -EBADMSG;
	*in_used = hdr_len + used + GZIP_TRAILER_LEN;
	*out_len = len;
	return 0;
}

int gunzip(const u8 *in, size_t in_len, u8 *out, size_t out_cap,
	   size_t *out_len)
{
	size_t used;

	return gunzip_member(in, in_len, out, out_cap, &used, out_len);
}

size_t gunzip_size_hint(const u8 *in, size_t in_len)
{
	if (in_len < GZIP_HEADER_LEN + GZIP_TRAILER_LEN ||
	    in[0] != 0x1f || in[1] != 0x8b)
		return 0;
	return get_le32(in + in_len - 4);
}
