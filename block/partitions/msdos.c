// SPDX-License-Identifier: GPL-2.0
/*
 * The PC (MBR, "DOS") partition table: sector 0 ends with 0x55 0xaa and
 * holds four 16-byte entries at offset 446 (type byte, first sector and
 * length as little-endian 32-bit LBAs).  An extended partition (type 5,
 * 0xf or 0x85) holds a chain of further tables, one per logical
 * partition, numbered from 5; each link is relative to the extended
 * partition's start.  The chain is followed at most a bounded number of
 * steps, so a table that loops back cannot hang the boot.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include "check.h"

#define MBR_ENTRIES		446
#define MBR_MAX_LOGICAL		(DISK_MAX_PARTS - 5)

struct mbr_entry {
	u8 boot_ind, head, sector, cyl;
	u8 sys_ind, end_head, end_sector, end_cyl;
	u32 start_sect, nr_sects;
} __packed;

static bool is_extended(u8 type)
{
	return type == 0x05 || type == 0x0f || type == 0x85;
}

static bool mbr_valid(const u8 *buf)
{
	return buf[510] == 0x55 && buf[511] == 0xaa;
}

static void parse_extended(struct parsed_partitions *state, sector_t ext_start, sector_t ext_size)
{
	sector_t this = ext_start;
	unsigned int steps;

	for (steps = 0; steps < MBR_MAX_LOGICAL && state->next < DISK_MAX_PARTS; steps++) {
		struct mbr_entry e[4];
		sector_t next = 0;
		int i;

		if (read_part_sector(state, this) || !mbr_valid(state->buf))
			return;
		memcpy(e, state->buf + MBR_ENTRIES, sizeof(e));
		for (i = 0; i < 2; i++) {
			if (!e[i].nr_sects || !e[i].sys_ind)
				continue;
			if (is_extended(e[i].sys_ind)) {
				next = ext_start + e[i].start_sect;
			} else if (state->next < DISK_MAX_PARTS) {
				state->parts[state->next].from = this + e[i].start_sect;
				state->parts[state->next].size = e[i].nr_sects;
				state->next++;
			}
		}
		if (!next || next <= this || next >= ext_start + ext_size)
			return;	/* the end, or a link that goes backwards: stop */
		this = next;
	}
}

int msdos_partition(struct parsed_partitions *state)
{
	struct mbr_entry e[4];
	int i, err;

	err = read_part_sector(state, 0);
	if (err)
		return err;
	if (!mbr_valid(state->buf))
		return 0;
	memcpy(e, state->buf + MBR_ENTRIES, sizeof(e));
	/* A FAT or ext boot sector also ends in 55 aa: every boot indicator must be 0 or 0x80. */
	for (i = 0; i < 4; i++)
		if (e[i].boot_ind && e[i].boot_ind != 0x80)
			return 0;
	memcpy(&state->mbr_sig, state->buf + 440, 4);
	state->next = 5;
	for (i = 0; i < 4; i++) {
		if (!e[i].nr_sects || !e[i].sys_ind)
			continue;
		state->parts[i + 1].from = e[i].start_sect;
		state->parts[i + 1].size = is_extended(e[i].sys_ind) ? 2 : e[i].nr_sects;
	}
	for (i = 0; i < 4; i++)
		if (e[i].nr_sects && is_extended(e[i].sys_ind))
			parse_extended(state, e[i].start_sect, e[i].nr_sects);
	return 1;
}
