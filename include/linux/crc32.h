/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CRC-32 as gzip, zlib, PNG and Ethernet use it (lib/crc32.c): the
 * polynomial 0x04C11DB7 processed least significant bit first, which makes
 * the constant 0xEDB88320 ("reflected").
 *
 * Like Linux's crc32_le(), the function does no pre- or post-inversion:
 * the gzip CRC of a buffer is  crc32_le(~0U, p, len) ^ ~0U,  and
 * feeding a buffer in pieces continues from the previous raw value.
 * The classic check value: the gzip CRC of "123456789" is 0xCBF43926.
 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>

u32 crc32_le(u32 crc, const u8 *p, size_t len);

/* CRC-32C (Castagnoli), same conventions (lib/crc32c.c): ext4's metadata_csum. */
u32 crc32c(u32 crc, const void *data, size_t len);

#endif /* _LINUX_CRC32_H */
