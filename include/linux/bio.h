/* SPDX-License-Identifier: GPL-2.0 */
/* Making, filling and finishing bios (block/bio.c). */
#ifndef _LINUX_BIO_H
#define _LINUX_BIO_H

#include <linux/blk_types.h>
#include <linux/gfp.h>

struct bio *bio_alloc(struct block_device *bdev, unsigned short nr_vecs, unsigned int opf,
		      gfp_t gfp);
void bio_put(struct bio *bio);
/* Add @len bytes of @page at @off; the number added (0: the bio is full). */
int bio_add_page(struct bio *bio, struct page *page, unsigned int len, unsigned int off);
void bio_endio(struct bio *bio);
static inline void bio_io_error(struct bio *bio)
{
	bio->bi_status = BLK_STS_IOERR;
	bio_endio(bio);
}
int blk_status_to_errno(blk_status_t status);

void submit_bio(struct bio *bio);
/* Submit and sleep until done: 0 or a negative errno. */
int submit_bio_wait(struct bio *bio);
/* From the driver's interrupt: finish @bio later, in BLOCK_SOFTIRQ. */
void blk_complete_bio(struct bio *bio);

#endif
