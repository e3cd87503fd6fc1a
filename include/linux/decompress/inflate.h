/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DEFLATE (RFC 1951) and gzip (RFC 1952) decompression into one buffer
 * (lib/inflate.c).  The initramfs unpacker asks gunzip_size_hint() how
 * much to allocate, then calls gunzip_member() for each gzip member of the
 * image (growing the buffer if the hint was wrong); there is no streaming.
 *
 * All functions accept any bytes at all: a corrupt or hostile archive
 * gives an error, never a read outside [in, in + in_len) or a write
 * outside [out, out + out_cap).  Returns are 0 or a negative errno:
 *
 *	-EINVAL   not a gzip member we can read: magic, method, reserved flags
 *	-EBADMSG  corrupt or truncated data: bad block type or code lengths,
 *		  a code that is not in the table, a distance reaching before
 *		  the start of the output, input ending early, CRC or ISIZE
 *		  mismatch
 *	-ENOSPC   the output does not fit in out_cap (the bytes that did fit
 *		  are in out; *out_len is not set)
 *	-ENOMEM   the decoder's state (3.6 KiB) could not be allocated
 *
 * The decoder's tables come from kmalloc(GFP_KERNEL), so callers must be
 * able to sleep.
 */
#ifndef _LINUX_DECOMPRESS_INFLATE_H
#define _LINUX_DECOMPRESS_INFLATE_H

#include <linux/types.h>

/*
 * Decode one raw DEFLATE stream (a sequence of blocks ending with the one
 * whose BFINAL bit is set).  On success *in_used is the number of input
 * bytes the stream occupied, counting its last partial byte, so whatever
 * follows it (a gzip trailer) starts at in + *in_used; *out_len is the
 * number of bytes written.
 */
int inflate_raw(const u8 *in, size_t in_len, u8 *out, size_t out_cap,
		size_t *in_used, size_t *out_len);

/*
 * Decode the gzip member at the start of @in and check its CRC-32 and
 * length.  Bytes after the member's trailer are ignored (boot loaders pad
 * initrd images); a second concatenated member is not decoded.
 */
int gunzip(const u8 *in, size_t in_len, u8 *out, size_t out_cap,
	   size_t *out_len);

/*
 * gunzip(), also telling in *@in_used how many bytes the member took,
 * trailer included, so a caller can go on to whatever follows it.
 */
int gunzip_member(const u8 *in, size_t in_len, u8 *out, size_t out_cap,
		  size_t *in_used, size_t *out_len);

/*
 * The uncompressed size the gzip trailer records (ISIZE, the size modulo
 * 2^32) read from the last four bytes of @in, which must therefore end
 * exactly at the member's end; 0 if @in is too short to be a gzip member.
 * It is only a hint: it comes from the archive, unverified, until gunzip()
 * has checked it.
 */
size_t gunzip_size_hint(const u8 *in, size_t in_len);

#endif /* _LINUX_DECOMPRESS_INFLATE_H */
