/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct bio: one block I/O in flight — an operation (read, write,
 * flush), a start sector on a block device, and the memory as a list of
 * (page, offset, length) pieces.  The submitter sets bi_end_io, which
 * runs once the whole bio is done, with bi_status saying how it went.
 */
#ifndef _LINUX_BLK_TYPES_H
#define _LINUX_BLK_TYPES_H

#include <linux/types.h>

struct bio;
struct block_device;
struct page;

typedef u64 sector_t;
typedef u8 blk_status_t;

#define BLK_STS_OK		0
#define BLK_STS_NOTSUPP		1
#define BLK_STS_IOERR		10
#define BLK_STS_NOSPC		3

#define SECTOR_SHIFT		9
#define SECTOR_SIZE		(1 << SECTOR_SHIFT)

typedef void (bio_end_io_t)(struct bio *bio);

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

/* bi_opf: the operation in the low byte, flags above it. */
#define REQ_OP_MASK		0xff
#define REQ_OP_READ		0
#define REQ_OP_WRITE		1
#define REQ_OP_FLUSH		2
#define REQ_SYNC		(1u << 8)
#define REQ_PREFLUSH		(1u << 9)	/* flush the volatile cache before this */
#define REQ_FUA			(1u << 10)	/* this write reaches stable storage */
#define REQ_META		(1u << 11)

#define BIO_MAX_VECS		32

struct bio {
	struct bio *bi_next;		/* on a queue's list */
	struct block_device *bi_bdev;
	unsigned int bi_opf;
	blk_status_t bi_status;
	sector_t bi_sector;
	unsigned int bi_size;		/* bytes */
	unsigned short bi_vcnt, bi_max_vecs;
	bio_end_io_t *bi_end_io;
	void *bi_private;
	u64 bi_start_ns;		/* for /proc/diskstats' time columns */
	struct bio_vec bi_inline_vecs[];
};

static inline unsigned int bio_op(const struct bio *bio)
{
	return bio->bi_opf & REQ_OP_MASK;
}

static inline bool op_is_write(unsigned int op)
{
	return (op & REQ_OP_MASK) == REQ_OP_WRITE;
}

#endif
