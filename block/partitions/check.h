/* SPDX-License-Identifier: GPL-2.0 */
/* What the partition-table parsers share (block/partitions/). */
#ifndef _BLOCK_PARTITIONS_CHECK_H
#define _BLOCK_PARTITIONS_CHECK_H

#include <linux/blkdev.h>

struct parsed_partitions {
	struct gendisk *disk;
	u8 *buf;			/* one sector, filled by read_part_sector */
	struct {
		sector_t from, size;
		u8 uuid[16];
		bool has_uuid;
	} parts[DISK_MAX_PARTS];
	u32 mbr_sig;
	unsigned int next;		/* highest partition number + 1 */
};

/* Read disk sector @n into state->buf: 0 or a negative errno. */
int read_part_sector(struct parsed_partitions *state, sector_t n);
/* 1: this table was found and parsed; 0: not this kind; < 0: error. */
int msdos_partition(struct parsed_partitions *state);
int efi_partition(struct parsed_partitions *state);

#endif
