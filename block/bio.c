// SPDX-License-Identifier: GPL-2.0
/*
 * Bios: allocation with their page vector inline, adding pages, and the
 * end of a bio's life (bio_endio calls the submitter's bi_end_io).
 * submit_bio_wait is the synchronous form the buffer cache and the
 * page-cache readers use: submit, then sleep on a completion the end_io
 * callback signals.
 */
#include <linux/kernel.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/completion.h>
#include <linux/slab.h>
#include <asm/page.h>
#include "blk.h"

struct bio *bio_alloc(struct block_device *bdev, unsigned short nr_vecs, unsigned int opf,
		      gfp_t gfp)
{
	struct bio *bio;

	if (nr_vecs > BIO_MAX_VECS)
		nr_vecs = BIO_MAX_VECS;
	bio = kzalloc(sizeof(*bio) + nr_vecs * sizeof(struct bio_vec), gfp);
	if (!bio)
		return NULL;
	bio->bi_bdev = bdev;
	bio->bi_opf = opf;
	bio->bi_max_vecs = nr_vecs;
	return bio;
}

void bio_put(struct bio *bio)
{
	kfree(bio);
}

int bio_add_page(struct bio *bio, struct page *page, unsigned int len, unsigned int off)
{
	if (bio->bi_vcnt >= bio->bi_max_vecs || !len || off + len > PAGE_SIZE)
		return 0;
	bio->bi_inline_vecs[bio->bi_vcnt].bv_page = page;
	bio->bi_inline_vecs[bio->bi_vcnt].bv_len = len;
	bio->bi_inline_vecs[bio->bi_vcnt].bv_offset = off;
	bio->bi_vcnt++;
	bio->bi_size += len;
	return len;
}

int blk_status_to_errno(blk_status_t status)
{
	switch (status) {
	case BLK_STS_OK:
		return 0;
	case BLK_STS_NOTSUPP:
		return -EOPNOTSUPP;
	case BLK_STS_NOSPC:
		return -ENOSPC;
	default:
		return -EIO;
	}
}

void bio_endio(struct bio *bio)
{
	blk_account_io_done(bio);
	if (bio->bi_end_io)
		bio->bi_end_io(bio);
}

static void submit_bio_wait_endio(struct bio *bio)
{
	complete(bio->bi_private);
}

int submit_bio_wait(struct bio *bio)
{
	DECLARE_COMPLETION(done);

	bio->bi_private = &done;
	bio->bi_end_io = submit_bio_wait_endio;
	bio->bi_opf |= REQ_SYNC;
	submit_bio(bio);
	wait_for_completion(&done);
	return blk_status_to_errno(bio->bi_status);
}
