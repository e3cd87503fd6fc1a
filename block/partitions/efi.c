// SPDX-License-Identifier: GPL-2.0
/*
 * The GUID partition table (UEFI 2.x, chapter 5): a protective MBR in
 * sector 0, the header in sector 1 ("EFI PART", its own CRC32, where the
 * entry array is, how many entries of what size, the array's CRC32), and
 * the entries: type GUID (all zero: unused), unique GUID (PARTUUID=),
 * first and last LBA.  Both CRCs must match; the backup header at the end
 * of the disk is used only when the primary is bad.
 */
#include <linux/kernel.h>
#include <linux/crc32.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "check.h"

struct gpt_header {
	char signature[8];
	u32 revision, header_size, header_crc32, reserved;
	u64 my_lba, alternate_lba, first_usable_lba, last_usable_lba;
	u8 disk_guid[16];
	u64 partition_entry_lba;
	u32 num_partition_entries, sizeof_partition_entry, partition_entry_array_crc32;
} __packed;

struct gpt_entry {
	u8 type_guid[16];
	u8 unique_guid[16];
	u64 starting_lba, ending_lba, attributes;
	u16 name[36];
} __packed;

static u32 gpt_crc(const void *p, size_t len)
{
	return crc32_le(~0u, p, len) ^ ~0u;
}

static int gpt_read_header(struct parsed_partitions *state, sector_t lba, struct gpt_header *h)
{
	u32 crc;

	if (read_part_sector(state, lba))
		return 0;
	memcpy(h, state->buf, sizeof(*h));
	if (memcmp(h->signature, "EFI PART", 8))
		return 0;
	if (h->header_size < sizeof(*h) || h->header_size > SECTOR_SIZE)
		return 0;
	crc = h->header_crc32;
	((struct gpt_header *)state->buf)->header_crc32 = 0;
	if (gpt_crc(state->buf, h->header_size) != crc) {
		pr_warn("GPT: header at LBA %llu fails its CRC\n", lba);
		return 0;
	}
	if (h->my_lba != lba || h->sizeof_partition_entry < sizeof(struct gpt_entry) ||
	    h->sizeof_partition_entry > SECTOR_SIZE ||
	    (SECTOR_SIZE % h->sizeof_partition_entry) || h->num_partition_entries > 1024 ||
	    h->last_usable_lba >= get_capacity(state->disk))
		return 0;
	return 1;
}

int efi_partition(struct parsed_partitions *state)
{
	struct gpt_header h;
	unsigned int i, n, size;
	u8 *entries;
	int ret = 0;

	if (read_part_sector(state, 0) || state->buf[510] != 0x55 || state->buf[511] != 0xaa ||
	    state->buf[446 + 4] != 0xee)
		return 0;	/* no protective MBR entry */
	if (!gpt_read_header(state, 1, &h) &&
	    !gpt_read_header(state, get_capacity(state->disk) - 1, &h))
		return 0;
	size = h.num_partition_entries * h.sizeof_partition_entry;
	entries = kzalloc(ALIGN(size, SECTOR_SIZE) + SECTOR_SIZE, GFP_KERNEL);
	if (!entries)
		return -ENOMEM;
	for (i = 0; i * SECTOR_SIZE < size; i++) {
		if (read_part_sector(state, h.partition_entry_lba + i))
			goto out;
		memcpy(entries + i * SECTOR_SIZE, state->buf, SECTOR_SIZE);
	}
	if (gpt_crc(entries, size) != h.partition_entry_array_crc32) {
		pr_warn("GPT: partition entries fail their CRC; table ignored\n");
		goto out;
	}
	state->next = 1;
	for (i = 0, n = 1; i < h.num_partition_entries && n < DISK_MAX_PARTS; i++, n++) {
		const struct gpt_entry *e = (const void *)(entries + i * h.sizeof_partition_entry);
		static const u8 zero[16];

		if (!memcmp(e->type_guid, zero, 16))
			continue;
		if (e->ending_lba < e->starting_lba || e->starting_lba < h.first_usable_lba ||
		    e->ending_lba > h.last_usable_lba) {
			pr_warn("GPT: entry %u lies outside the usable area; ignored\n", i + 1);
			continue;
		}
		state->parts[n].from = e->starting_lba;
		state->parts[n].size = e->ending_lba - e->starting_lba + 1;
		memcpy(state->parts[n].uuid, e->unique_guid, 16);
		state->parts[n].has_uuid = true;
		state->next = n + 1;
	}
	ret = 1;
out:
	kfree(entries);
	return ret;
}
