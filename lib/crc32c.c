// SPDX-License-Identifier: GPL-2.0
/*
 * CRC-32C (Castagnoli), the checksum of ext4's metadata_csum, iSCSI and
 * btrfs: polynomial 0x1EDC6F41, processed least significant bit first
 * (reflected constant 0x82F63B78).  Like crc32_le, no pre- or
 * post-inversion: ext4 starts from ~0 and stores the raw result.
 * The table is built on first use.
 */
#include <linux/kernel.h>
#include <linux/crc32.h>

static u32 crc32c_table[256];
static bool crc32c_ready;

static void crc32c_init(void)
{
	unsigned int i, j;

	for (i = 0; i < 256; i++) {
		u32 c = i;

		for (j = 0; j < 8; j++)
			c = (c >> 1) ^ (c & 1 ? 0x82F63B78u : 0);
		crc32c_table[i] = c;
	}
	WRITE_ONCE(crc32c_ready, true);
}

u32 crc32c(u32 crc, const void *data, size_t len)
{
	const u8 *p = data;

	if (!READ_ONCE(crc32c_ready))
		crc32c_init();	/* two CPUs at once compute the same table: harmless */
	while (len--)
		crc = (crc >> 8) ^ crc32c_table[(crc ^ *p++) & 0xff];
	return crc;
}
