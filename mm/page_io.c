// SPDX-License-Identifier: GPL-2.0
/*
 * Swap I/O: one page to or from its slot, as a bio straight to the disk.
 *
 * The slot's sector comes from the device's extents (swapfile.c), so a
 * swap file is written without its filesystem.  A write is synchronous:
 * reclaim waits for it, then frees the page.  A read may be started and
 * left to finish on its own (swap read-around): the page stays locked
 * until the data is in, and whoever wants it waits on the lock and then
 * finds PG_uptodate set, or not (a read error: the fault gets SIGBUS).
 */
#include <linux/kernel.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/printk.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/vmstat.h>

static struct bio *swap_bio(struct page *page, unsigned int opf, gfp_t gfp)
{
	swp_entry_t entry = { .val = page->private };
	struct swap_info_struct *si = swp_swap_info(entry);
	u64 sector = swap_page_sector(page);
	struct bio *bio;

	if (!si || sector == ~0ULL)
		return NULL;
	bio = bio_alloc(si->bdev, 1, opf, gfp);
	if (!bio)
		return NULL;
	bio->bi_sector = sector;
	if (bio_add_page(bio, page, PAGE_SIZE, 0) != PAGE_SIZE) {
		bio_put(bio);
		return NULL;
	}
	return bio;
}

/* Write the locked swap-cache page @page to its slot; it stays locked. */
int swap_writepage(struct page *page)
{
	/* Reclaim writes: with no memory for a bio it keeps the page, never waits for more. */
	struct bio *bio = swap_bio(page, REQ_OP_WRITE | REQ_SYNC,
				   GFP_NOIO | __GFP_NORETRY | __GFP_NOWARN);
	int err;

	if (!bio)
		return -ENOMEM;
	err = submit_bio_wait(bio);
	bio_put(bio);
	if (err) {
		pr_alert("Write-error on swap-device (%u:%lu)\n",
				     swp_type((swp_entry_t){ .val = page->private }),
				     swp_offset((swp_entry_t){ .val = page->private }));
		return err;
	}
	count_vm_event(PSWPOUT);
	return 0;
}

static void swap_read_end_io(struct bio *bio)
{
	struct page *page = bio->bi_private;

	if (!bio->bi_status)
		SetPageUptodate(page);
	else
		pr_alert("Read-error on swap-device\n");
	unlock_page(page);
	bio_put(bio);
}

/*
 * Read the locked, new swap-cache page @page from its slot.  It is
 * unlocked when the data is in (at once if @synchronous).  The caller
 * holds a reference of its own.
 */
int swap_readpage(struct page *page, bool synchronous)
{
	struct bio *bio = swap_bio(page, REQ_OP_READ, GFP_NOIO);
	int err;

	if (!bio) {
		/*
		 * No memory for the bio: the page leaves the swap cache
		 * unread, so that whoever faults on the slot tries again
		 * instead of finding a page that will never be filled.
		 */
		delete_from_swap_cache(page);
		unlock_page(page);
		return -ENOMEM;
	}
	count_vm_event(PSWPIN);
	if (!synchronous) {
		bio->bi_end_io = swap_read_end_io;
		bio->bi_private = page;
		submit_bio(bio);
		return 0;
	}
	err = submit_bio_wait(bio);
	bio_put(bio);
	if (!err)
		SetPageUptodate(page);
	unlock_page(page);
	return err;
}
