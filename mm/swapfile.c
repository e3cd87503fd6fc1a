// SPDX-License-Identifier: GPL-2.0
/*
 * Swap devices: where anonymous pages go when reclaim needs their memory.
 *
 * swapon(2) takes a partition or a regular file that mkswap(8) prepared
 * (the header in its first page, mm/swap.h's struct swap_header_info),
 * and makes it a swap device: swap_info[type] with one swap_map[] count
 * per page-sized slot.  Reclaim asks get_swap_page() for a free slot,
 * writes the page there and leaves a swap entry (type, slot) in every
 * PTE that mapped it; the count says how many such entries exist, and
 * SWAP_HAS_CACHE says a page for the slot is in the swap cache
 * (swap_state.c).  When the last entry and the cache page are gone the
 * slot is free again.
 *
 * Slots are handed out in runs (SWAPFILE_CLUSTER of them one after the
 * other), so pages evicted together sit together on the disk and
 * read-around on swap-in finds their neighbours.  Devices are used in
 * priority order, higher first; swapon without SWAP_FLAG_PREFER gives
 * each new device a lower priority than the last (-2, -3, ...).
 *
 * A swap file is mapped once at swapon (the filesystem's bmap, block by
 * block) into extents of disk sectors; from then on its I/O goes to the
 * disk directly, never through the filesystem, so writing a page out
 * needs no filesystem lock and no allocation.  A file with holes is
 * refused, as on Linux.
 *
 * swapoff(2) stops new allocations on the device, then brings every page
 * still out there back into memory (try_to_unuse: each address space on
 * init_mm.mmlist, each swap PTE of the device) and fails with ENOMEM,
 * leaving the device as it was, when memory cannot hold them.
 *
 * Shared anonymous memory and tmpfs are not swapped: reclaim keeps their
 * pages (they are on the anon lists but never written out).
 */
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/blkdev.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mman.h>
#include <linux/mutex.h>
#include <linux/namei.h>
#include <linux/pagemap.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/syscalls.h>
#include <linux/vmalloc.h>
#include <linux/mmap_lock.h>
#include <uapi/linux/fcntl.h>
#include "internal.h"

/* swapon(2) flags, as <sys/swap.h> has them. */
#define SWAP_FLAG_PREFER	0x8000
#define SWAP_FLAG_PRIO_MASK	0x7fff
#define SWAP_FLAG_DISCARD	0x10000
#define SWAP_FLAG_DISCARD_ONCE	0x20000
#define SWAP_FLAG_DISCARD_PAGES	0x40000
#define SWAP_FLAGS_VALID	(SWAP_FLAG_PRIO_MASK | SWAP_FLAG_PREFER | SWAP_FLAG_DISCARD | \
				 SWAP_FLAG_DISCARD_ONCE | SWAP_FLAG_DISCARD_PAGES)

DEFINE_SPINLOCK(swap_lock);		/* swap_info[], the maps and counters */
static DEFINE_MUTEX(swapon_mutex);	/* one swapon or swapoff at a time */
struct swap_info_struct *swap_info[MAX_SWAPFILES];
static unsigned int nr_swapfiles;
static LIST_HEAD(swap_avail_head);	/* active devices, highest priority first */
static int least_priority = -1;
long nr_swap_pages;
long total_swap_pages;

struct swap_info_struct *swp_swap_info(swp_entry_t entry)
{
	unsigned int type = swp_type(entry);
	struct swap_info_struct *si;

	if (type >= nr_swapfiles)
		return NULL;
	si = swap_info[type];
	if (!si || !(si->flags & SWP_USED) || !si->swap_map ||
	    !swp_offset(entry) || swp_offset(entry) >= si->max)
		return NULL;
	return si;
}

/* A free slot of @si in the current run, or the start of a new run; 0 if full. */
static unsigned long scan_swap_map(struct swap_info_struct *si)
{
	unsigned long off, run = 0, start = 0;

	if (si->cluster_nr) {
		for (off = si->cluster_next; off <= si->highest_bit && si->cluster_nr; off++)
			if (!si->swap_map[off])
				goto found;
		si->cluster_nr = 0;
	}
	/* A fresh run: SWAPFILE_CLUSTER free slots in a row. */
	for (off = si->lowest_bit; off <= si->highest_bit; off++) {
		if (si->swap_map[off]) {
			run = 0;
			continue;
		}
		if (!run++)
			start = off;
		if (run == SWAPFILE_CLUSTER) {
			si->cluster_nr = SWAPFILE_CLUSTER;
			off = start;
			goto found;
		}
	}
	/* Fragmented: any free slot. */
	for (off = si->lowest_bit; off <= si->highest_bit; off++)
		if (!si->swap_map[off])
			goto found;
	return 0;
found:
	si->swap_map[off] = SWAP_HAS_CACHE;
	si->inuse_pages++;
	if (off == si->lowest_bit)
		si->lowest_bit++;
	if (off == si->highest_bit)
		si->highest_bit--;
	if (si->inuse_pages == si->pages) {
		si->lowest_bit = si->max;
		si->highest_bit = 0;
	}
	si->cluster_next = off + 1;
	if (si->cluster_nr)
		si->cluster_nr--;
	return off;
}

/*
 * A free slot for a page reclaim is evicting, from the first device of
 * the highest priority with room; equal priorities take turns.  The
 * slot comes with SWAP_HAS_CACHE set: the caller puts the page in the
 * swap cache.  val 0: no swap space.
 */
swp_entry_t get_swap_page(void)
{
	struct swap_info_struct *si, *next;
	swp_entry_t entry = { 0 };

	spin_lock(&swap_lock);
	if (nr_swap_pages <= 0)
		goto out;
	list_for_each_entry_safe(si, next, &swap_avail_head, avail) {
		unsigned long off;

		if (!(si->flags & SWP_WRITEOK) || si->inuse_pages >= si->pages)
			continue;
		off = scan_swap_map(si);
		if (!off)
			continue;
		entry = swp_entry(si->type, off);
		nr_swap_pages--;
		/* Round robin: behind the last device of the same priority. */
		while (!list_is_last(&si->avail, &swap_avail_head) && next->prio == si->prio) {
			list_move(&si->avail, &next->avail);
			next = list_next_entry(si, avail);
		}
		break;
	}
out:
	spin_unlock(&swap_lock);
	return entry;
}

static void swap_slot_free(struct swap_info_struct *si, unsigned long off)
{
	si->swap_map[off] = 0;
	si->inuse_pages--;
	nr_swap_pages++;
	if (off < si->lowest_bit)
		si->lowest_bit = off;
	if (off > si->highest_bit)
		si->highest_bit = off;
}

/* One more swap entry (a PTE) refers to the slot: fork, or an unmap by reclaim. */
int swap_duplicate(swp_entry_t entry)
{
	struct swap_info_struct *si = swp_swap_info(entry);
	unsigned short *map;
	int err = 0;

	if (!si)
		return -EINVAL;
	spin_lock(&swap_lock);
	map = &si->swap_map[swp_offset(entry)];
	if (*map == SWAP_MAP_BAD || !*map)
		err = -ENOENT;
	else if (SWAP_COUNT(*map) >= SWAP_MAP_MAX)
		err = -ENOMEM;
	else
		(*map)++;
	spin_unlock(&swap_lock);
	return err;
}

/* A swap entry is gone (its PTE was zapped or faulted in). */
void swap_free(swp_entry_t entry)
{
	struct swap_info_struct *si = swp_swap_info(entry);
	unsigned long off = swp_offset(entry);

	if (!si)
		return;
	spin_lock(&swap_lock);
	if (WARN_ON_ONCE(!SWAP_COUNT(si->swap_map[off]) || si->swap_map[off] == SWAP_MAP_BAD))
		goto out;
	if (!--si->swap_map[off])
		swap_slot_free(si, off);
out:
	spin_unlock(&swap_lock);
}

/* The slot's page left the swap cache. */
void put_swap_page(swp_entry_t entry)
{
	struct swap_info_struct *si = swp_swap_info(entry);
	unsigned long off = swp_offset(entry);

	if (!si)
		return;
	spin_lock(&swap_lock);
	if (!WARN_ON_ONCE(!(si->swap_map[off] & SWAP_HAS_CACHE))) {
		si->swap_map[off] &= ~SWAP_HAS_CACHE;
		if (!si->swap_map[off])
			swap_slot_free(si, off);
	}
	spin_unlock(&swap_lock);
}

/*
 * Claim the right to put a page for @entry in the swap cache (swap-in).
 * -EEXIST: someone already has one there; -ENOENT: the slot is free.
 */
int swapcache_prepare(swp_entry_t entry)
{
	struct swap_info_struct *si = swp_swap_info(entry);
	unsigned short *map;
	int err = 0;

	if (!si)
		return -ENOENT;
	spin_lock(&swap_lock);
	map = &si->swap_map[swp_offset(entry)];
	if (!SWAP_COUNT(*map) || *map == SWAP_MAP_BAD)
		err = -ENOENT;
	else if (*map & SWAP_HAS_CACHE)
		err = -EEXIST;
	else
		*map |= SWAP_HAS_CACHE;
	spin_unlock(&swap_lock);
	return err;
}

/* Swap entries referring to the slot (the swap cache's own claim not counted). */
int __swap_count(swp_entry_t entry)
{
	struct swap_info_struct *si = swp_swap_info(entry);
	unsigned short v;

	if (!si)
		return 0;
	v = si->swap_map[swp_offset(entry)];
	return v == SWAP_MAP_BAD ? 0 : SWAP_COUNT(v);
}

/* The slot's device takes new pages (not being swapped off). */
bool swap_writeok(swp_entry_t entry)
{
	struct swap_info_struct *si = swp_swap_info(entry);

	return si && (si->flags & SWP_WRITEOK);
}

/*
 * @page (locked, in the swap cache) leaves it if no swap entry needs the
 * slot any more: it is then plain anonymous memory again.
 */
bool try_to_free_swap(struct page *page)
{
	swp_entry_t entry = { .val = page->private };

	if (!PageSwapCache(page) || PageWriteback(page) || __swap_count(entry))
		return false;
	delete_from_swap_cache(page);
	return true;
}

/*
 * A PTE's swap entry is dropped (munmap, exit, MADV_DONTNEED): and if
 * that was the last one, the cached page, if any and nobody is using
 * it, goes too, so the slot is free at once.
 */
void free_swap_and_cache(swp_entry_t entry)
{
	struct swap_info_struct *si = swp_swap_info(entry);
	struct page *page;

	if (!si)
		return;
	swap_free(entry);
	if (si->swap_map[swp_offset(entry)] != SWAP_HAS_CACHE)
		return;
	page = xa_load(&si->cache, swp_offset(entry));
	if (!page)
		return;
	get_page(page);		/* leaving the cache must not free it under our lock */
	if (!TestSetPageLocked(page)) {
		if (!page_mapped(page))
			try_to_free_swap(page);
		unlock_page(page);
	}
	put_page(page);		/* locked by another: whoever holds it sees the count */
}

/* The disk sector of @page's slot (the page is in the swap cache). */
u64 swap_page_sector(struct page *page)
{
	swp_entry_t entry = { .val = page->private };
	struct swap_info_struct *si = swp_swap_info(entry);
	pgoff_t off = swp_offset(entry);
	unsigned int i;

	for (i = 0; si && i < si->nr_extents; i++) {
		struct swap_extent *se = &si->extents[i];

		if (off >= se->start_page && off < se->start_page + se->nr_pages)
			return se->start_sector + ((u64)(off - se->start_page) << (PAGE_SHIFT - 9));
	}
	return ~0ULL;
}

void si_swapinfo(unsigned long *totalswap, unsigned long *freeswap)
{
	spin_lock(&swap_lock);
	*totalswap = total_swap_pages;
	*freeswap = nr_swap_pages;
	spin_unlock(&swap_lock);
}

/* /proc/swaps: the columns and widths Linux prints, sizes in KiB. */
int swaps_proc_show(struct seq_file *m, void *v)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	unsigned int type;

	(void)v;
	if (!buf)
		return -ENOMEM;
	seq_puts(m, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
	mutex_lock(&swapon_mutex);
	for (type = 0; type < nr_swapfiles; type++) {
		struct swap_info_struct *si = swap_info[type];
		unsigned long size, used;
		char *path;
		int len;

		if (!si || !(si->flags & SWP_WRITEOK))
			continue;
		path = d_path(&si->swap_file->f_path, buf, PATH_MAX);
		if (IS_ERR(path))
			path = "?";
		len = strlen(path);
		size = si->pages << (PAGE_SHIFT - 10);
		used = si->inuse_pages << (PAGE_SHIFT - 10);
		seq_printf(m, "%s%*s%s\t%lu\t%s%lu\t%s%d\n", path, len < 40 ? 40 - len : 1, " ",
			   (si->flags & SWP_BLKDEV) ? "partition" : "file\t",
			   size, size < 10000000 ? "\t" : "", used, used < 10000000 ? "\t" : "",
			   si->prio);
	}
	mutex_unlock(&swapon_mutex);
	kfree(buf);
	return 0;
}

static struct swap_info_struct *alloc_swap_info(void)
{
	struct swap_info_struct *si;
	unsigned int type;

	for (type = 0; type < nr_swapfiles; type++)
		if (!(swap_info[type]->flags & SWP_USED))
			break;
	if (type >= MAX_SWAPFILES)
		return ERR_PTR(-EPERM);
	if (type == nr_swapfiles) {
		si = kzalloc(sizeof(*si), GFP_KERNEL);
		if (!si)
			return ERR_PTR(-ENOMEM);
		swap_info[type] = si;
		nr_swapfiles++;
	}
	si = swap_info[type];
	memset(si, 0, sizeof(*si));
	si->type = type;
	si->flags = SWP_USED;
	xa_init(&si->cache);
	INIT_LIST_HEAD(&si->avail);
	return si;
}

/* A device of its own or a file nobody else swaps on; EBUSY otherwise. */
static int claim_swapfile(struct swap_info_struct *si, struct file *file)
{
	struct inode *inode = file_inode(file);
	unsigned int type;

	if (S_ISBLK(inode->i_mode)) {
		struct block_device *bdev = file->private_data;

		if (!bdev)
			return -EINVAL;
		if (bdev->bd_holder)
			return -EBUSY;	/* mounted, or already swap */
		bdev->bd_holder = si;
		si->bdev = bdev;
		si->flags |= SWP_BLKDEV;
		return 0;
	}
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	for (type = 0; type < nr_swapfiles; type++) {
		struct swap_info_struct *other = swap_info[type];

		if (other != si && (other->flags & SWP_USED) && other->swap_file &&
		    file_inode(other->swap_file) == inode)
			return -EBUSY;
	}
	if (!inode->i_sb->s_bdev || !inode->i_mapping->a_ops || !inode->i_mapping->a_ops->bmap)
		return -EINVAL;
	si->bdev = inode->i_sb->s_bdev;
	return 0;
}

static int add_swap_extent(struct swap_info_struct *si, pgoff_t page, u64 sector,
			   unsigned int *cap)
{
	struct swap_extent *se;

	if (si->nr_extents) {
		se = &si->extents[si->nr_extents - 1];
		if (se->start_page + se->nr_pages == page &&
		    se->start_sector + ((u64)se->nr_pages << (PAGE_SHIFT - 9)) == sector) {
			se->nr_pages++;
			return 0;
		}
	}
	if (si->nr_extents == *cap) {
		unsigned int ncap = *cap ? *cap * 2 : 16;
		struct swap_extent *n = kmalloc_array(ncap, sizeof(*n), GFP_KERNEL);

		if (!n)
			return -ENOMEM;
		if (si->extents) {
			memcpy(n, si->extents, si->nr_extents * sizeof(*n));
			kfree(si->extents);
		}
		si->extents = n;
		*cap = ncap;
	}
	se = &si->extents[si->nr_extents++];
	se->start_page = page;
	se->nr_pages = 1;
	se->start_sector = sector;
	return 0;
}

/*
 * A swap file's slots: each page of the file whose blocks are
 * contiguous on the disk and start page-aligned is a slot, in file
 * order; other pages are skipped.  A hole fails the swapon.  Returns the
 * number of slots (at most @maxpages) or an error.
 */
static long map_swap_file(struct swap_info_struct *si, struct file *file, unsigned long maxpages)
{
	struct inode *inode = file_inode(file);
	struct address_space *mapping = inode->i_mapping;
	unsigned int bits = ilog2(inode->i_sb->s_blocksize), per_page = 1U << (PAGE_SHIFT - bits), cap = 0;
	u64 nblocks = (u64)i_size_read(inode) >> bits;
	unsigned long slots = 0;
	u64 probe;
	int err;

	for (probe = 0; probe + per_page <= nblocks && slots < maxpages; probe += per_page) {
		u64 first = mapping->a_ops->bmap(mapping, probe);
		unsigned int i;

		if (!first)
			return -EINVAL;		/* a hole */
		for (i = 1; i < per_page; i++) {
			u64 b = mapping->a_ops->bmap(mapping, probe + i);

			if (!b)
				return -EINVAL;
			if (b != first + i)
				break;
		}
		if (i < per_page || (first & (per_page - 1))) {
			if (!slots)
				return -EINVAL;	/* the header page must be usable */
			continue;
		}
		err = add_swap_extent(si, slots, first << (bits - 9), &cap);
		if (err)
			return err;
		slots++;
	}
	return slots;
}

static int read_swap_header(struct file *file, struct swap_header_info *hdr)
{
	loff_t pos = 0;
	ssize_t n = kernel_read(file, hdr, PAGE_SIZE, &pos);

	if (n < 0)
		return n;
	if (n != PAGE_SIZE)
		return -EINVAL;
	if (memcmp((char *)hdr + PAGE_SIZE - SWAP_MAGIC_LEN, SWAP_MAGIC, SWAP_MAGIC_LEN)) {
		pr_err("Unable to find swap-space signature\n");
		return -EINVAL;
	}
	if (hdr->version != SWAP_HEADER_VERSION) {
		pr_warn("Unable to handle swap header version %u\n", hdr->version);
		return -EINVAL;
	}
	if (hdr->nr_badpages > MAX_SWAP_BADPAGES)
		return -EINVAL;
	if (!hdr->last_page)
		return -EINVAL;
	return 0;
}

static void enable_swap_info(struct swap_info_struct *si)
{
	struct swap_info_struct *pos;

	spin_lock(&swap_lock);
	si->flags |= SWP_WRITEOK;
	nr_swap_pages += si->pages;
	total_swap_pages += si->pages;
	list_for_each_entry(pos, &swap_avail_head, avail)
		if (pos->prio < si->prio)
			break;
	list_add_tail(&si->avail, &pos->avail);
	spin_unlock(&swap_lock);
}

static void release_swap_info(struct swap_info_struct *si)
{
	if ((si->flags & SWP_BLKDEV) && si->bdev && si->bdev->bd_holder == si)
		si->bdev->bd_holder = NULL;
	vfree(si->swap_map);
	kfree(si->extents);
	si->swap_map = NULL;
	si->extents = NULL;
	si->nr_extents = 0;
	si->swap_file = NULL;
	si->bdev = NULL;
	si->flags = 0;
}

SYSCALL_DEFINE2(swapon, const char __user *, specialfile, int, swap_flags)
{
	struct swap_header_info *hdr = NULL;
	struct swap_info_struct *si;
	struct filename *name;
	struct file *file;
	unsigned long maxpages, i;
	long err;

	if (swap_flags & ~SWAP_FLAGS_VALID)
		return -EINVAL;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	name = getname(specialfile);
	if (IS_ERR(name))
		return PTR_ERR(name);
	file = do_filp_open_flags(AT_FDCWD, name, O_RDWR | O_LARGEFILE, 0, 0);
	putname(name);
	if (IS_ERR(file))
		return PTR_ERR(file);

	mutex_lock(&swapon_mutex);
	si = alloc_swap_info();
	if (IS_ERR(si)) {
		err = PTR_ERR(si);
		goto out_unlock;
	}
	err = claim_swapfile(si, file);
	if (err)
		goto bad_swap;
	si->swap_file = file;
	hdr = kmalloc(PAGE_SIZE, GFP_KERNEL);
	err = -ENOMEM;
	if (!hdr)
		goto bad_swap;
	err = read_swap_header(file, hdr);
	if (err)
		goto bad_swap;

	/* The header may promise more than the device holds: use what is there. */
	maxpages = (unsigned long)hdr->last_page + 1;
	if (si->flags & SWP_BLKDEV) {
		unsigned long dev_pages = bdev_nr_sectors(si->bdev) >> (PAGE_SHIFT - 9);

		if (maxpages > dev_pages)
			maxpages = dev_pages;
		err = -ENOMEM;
		si->extents = kmalloc(sizeof(*si->extents), GFP_KERNEL);
		if (!si->extents)
			goto bad_swap;
		si->extents[0] = (struct swap_extent){ .start_page = 0, .nr_pages = maxpages };
		si->nr_extents = 1;
	} else {
		long slots = map_swap_file(si, file, maxpages);

		if (slots < 0) {
			err = slots;
			if (err == -EINVAL)
				pr_warn("swapon: swapfile has holes\n");
			goto bad_swap;
		}
		maxpages = slots;
	}
	if (maxpages > (1UL << SWP_OFFSET_BITS))
		maxpages = 1UL << SWP_OFFSET_BITS;
	err = -EINVAL;
	if (maxpages < 2)
		goto bad_swap;		/* an empty swap area */

	err = -ENOMEM;
	si->swap_map = vzalloc(maxpages * sizeof(*si->swap_map));
	if (!si->swap_map)
		goto bad_swap;
	si->max = maxpages;
	si->swap_map[0] = SWAP_MAP_BAD;		/* the header */
	si->pages = maxpages - 1;
	err = -EINVAL;
	for (i = 0; i < hdr->nr_badpages; i++) {
		u32 bad = hdr->badpages[i];

		if (!bad || bad > hdr->last_page)
			goto bad_swap;
		if (bad < maxpages && si->swap_map[bad] != SWAP_MAP_BAD) {
			si->swap_map[bad] = SWAP_MAP_BAD;
			si->pages--;
		}
	}
	if (!si->pages)
		goto bad_swap;
	si->lowest_bit = 1;
	si->highest_bit = maxpages - 1;
	si->cluster_next = 1;
	if (swap_flags & SWAP_FLAG_DISCARD)
		si->flags |= SWP_DISCARDABLE;	/* accepted; Lantern's disks take no discards */
	if (swap_flags & SWAP_FLAG_PREFER)
		si->prio = swap_flags & SWAP_FLAG_PRIO_MASK;
	else
		si->prio = --least_priority;
	enable_swap_info(si);
	{
		char *path = d_path(&file->f_path, (char *)hdr, PAGE_SIZE);

		pr_info("Adding %luk swap on %s.  Priority:%d extents:%u across:%lluk\n",
			si->pages << (PAGE_SHIFT - 10), IS_ERR(path) ? "?" : path, si->prio,
			si->nr_extents, (unsigned long long)maxpages << (PAGE_SHIFT - 10));
	}
	kfree(hdr);
	mutex_unlock(&swapon_mutex);
	return 0;

bad_swap:
	kfree(hdr);
	release_swap_info(si);
out_unlock:
	mutex_unlock(&swapon_mutex);
	filp_close(file, NULL);
	return err;
}

/*
 * Bring the pages of @type's slots that @mm's PTEs refer to back into
 * memory, each through the fault path as a read fault would.
 */
static int unuse_mm(struct mm_struct *mm, unsigned int type)
{
	struct vm_area_struct *vma;
	int err = 0;

	mmap_write_lock(mm);
	for (vma = mm->mmap; vma && !err; vma = vma->vm_next) {
		unsigned long addr;

		for (addr = vma->vm_start; addr < vma->vm_end; ) {
			pte_t *pte = walk_existing(mm, addr);
			pte_t entry;

			if (!pte) {
				addr = skip_pgtable_hole(mm, addr);
				continue;
			}
			entry = *pte;
			if (is_swap_pte(entry) && swp_type(pte_to_swp_entry(entry)) == type) {
				unsigned int ret = do_swap_page(vma, addr, pte, entry, 0);

				if (ret & VM_FAULT_OOM) {
					err = -ENOMEM;
					break;
				}
				if (ret & VM_FAULT_ERROR) {
					err = -EIO;
					break;
				}
				continue;	/* look at the PTE again */
			}
			addr += PAGE_SIZE;
			if (!(addr & (PMD_SIZE - 1)))
				cond_resched();
		}
	}
	mmap_write_unlock(mm);
	return err;
}

/* Every slot of @type back in memory, or an error with the rest still out. */
static int try_to_unuse(unsigned int type)
{
	struct swap_info_struct *si = swap_info[type];
	int rounds = 0;

	while (si->inuse_pages) {
		struct mm_struct *prev = NULL, *mm;
		struct list_head *p;
		unsigned long off;
		int err = 0;

		if (fatal_signal_pending(current))
			return -EINTR;
		if (rounds++ > 16)
			return -EBUSY;
		if (rounds > 1)
			schedule_timeout_uninterruptible(HZ / 50);	/* let exiting owners finish */
		spin_lock(&mmlist_lock);
		for (p = init_mm.mmlist.next; p != &init_mm.mmlist && !err; p = p->next) {
			mm = list_entry(p, struct mm_struct, mmlist);
			if (!atomic_inc_not_zero(&mm->mm_users))
				continue;	/* on its way out: exit frees its slots */
			spin_unlock(&mmlist_lock);
			if (prev)
				mmput(prev);
			prev = mm;
			if (atomic_long_read(&mm->rss_stat[MM_SWAPENTS]))
				err = unuse_mm(mm, type);
			spin_lock(&mmlist_lock);
		}
		spin_unlock(&mmlist_lock);
		if (prev)
			mmput(prev);
		if (err)
			return err;
		/* Pages only the swap cache still holds: they go with it. */
		for (off = 1; off < si->max; off++) {
			struct page *page;

			if (si->swap_map[off] != SWAP_HAS_CACHE)
				continue;
			page = xa_load(&si->cache, off);
			if (!page)
				continue;
			get_page(page);
			lock_page(page);
			if (PageSwapCache(page) && page->private == swp_entry(type, off).val) {
				ClearPageDirty(page);
				try_to_free_swap(page);
			}
			unlock_page(page);
			put_page(page);
		}
		cond_resched();
	}
	return 0;
}

SYSCALL_DEFINE1(swapoff, const char __user *, specialfile)
{
	struct swap_info_struct *si = NULL;
	struct filename *name;
	struct file *victim;
	unsigned int type;
	long err;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	name = getname(specialfile);
	if (IS_ERR(name))
		return PTR_ERR(name);
	victim = do_filp_open_flags(AT_FDCWD, name, O_RDWR | O_LARGEFILE, 0, 0);
	putname(name);
	if (IS_ERR(victim))
		return PTR_ERR(victim);

	mutex_lock(&swapon_mutex);
	for (type = 0; type < nr_swapfiles; type++) {
		struct swap_info_struct *s = swap_info[type];

		if (!(s->flags & SWP_WRITEOK))
			continue;
		if (S_ISBLK(file_inode(victim)->i_mode) ? s->bdev == victim->private_data &&
							 (s->flags & SWP_BLKDEV)
						       : file_inode(s->swap_file) == file_inode(victim)) {
			si = s;
			break;
		}
	}
	err = -EINVAL;
	if (!si)
		goto out;
	/* Everything out there must fit in RAM and the other devices. */
	err = -ENOMEM;
	if (__vm_enough_memory(current->mm, si->inuse_pages))
		goto out;

	spin_lock(&swap_lock);
	list_del_init(&si->avail);
	si->flags &= ~SWP_WRITEOK;
	nr_swap_pages -= si->pages;
	total_swap_pages -= si->pages;
	spin_unlock(&swap_lock);

	err = try_to_unuse(type);
	if (err) {
		/* As it was: the pages that did come back stay in memory. */
		enable_swap_info(si);
		goto out;
	}
	if (si->prio < 0) {
		/* The automatic priorities below it move up, as swapon handed them out. */
		for (type = 0; type < nr_swapfiles; type++)
			if (swap_info[type] != si && (swap_info[type]->flags & SWP_WRITEOK) &&
			    swap_info[type]->prio < si->prio)
				swap_info[type]->prio++;
		least_priority++;
	}
	filp_close(si->swap_file, NULL);
	release_swap_info(si);
	err = 0;
out:
	mutex_unlock(&swapon_mutex);
	filp_close(victim, NULL);
	return err;
}
