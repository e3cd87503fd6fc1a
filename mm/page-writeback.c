// SPDX-License-Identifier: GPL-2.0
/*
 * Writing dirty page-cache pages back to their files' storage.
 *
 * write() and mmap stores only dirty pages in memory; a file whose
 * address space can write pages (->writepage: block devices, ext2) goes
 * on the flusher's list when its first page gets dirty, stamped with the
 * time.  The flusher thread wakes every dirty_writeback_centisecs (5 s)
 * and writes back the files dirty for longer than dirty_expire_centisecs
 * (30 s), as Linux's defaults say.  fsync/fdatasync (through the file's
 * ->fsync), sync(2), umount and a file's last iput write at once.
 *
 * One page at a time: lock it, clear its dirty bit, ->writepage writes
 * it and waits.  A store that dirties it again meanwhile sets the bit
 * again and the page goes out once more later, so nothing is lost.
 * MAP_SHARED stores: the first store to a shared page faults and dirties
 * the page (mm/memory.c).  Before a mapped page is written, every shared
 * mapping of it is made read-only and clean again (page_mkclean), so the
 * next store faults once more and dirties the page again: no store made
 * while or after the page was written is ever lost.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/pagemap.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/writeback.h>

int dirty_writeback_interval = 500;	/* centiseconds */
int dirty_expire_interval = 3000;	/* centiseconds */

static DEFINE_SPINLOCK(wb_lock);	/* the list and each mapping's wb_list */
static LIST_HEAD(wb_dirty_mappings);
static DEFINE_MUTEX(wb_mutex);		/* one writer of the list at a time */

void mapping_mark_dirty(struct address_space *mapping)
{
	unsigned long flags;

	spin_lock_irqsave(&wb_lock, flags);
	if (list_empty(&mapping->wb_list)) {
		mapping->dirtied_when = jiffies;
		list_add_tail(&mapping->wb_list, &wb_dirty_mappings);
	}
	spin_unlock_irqrestore(&wb_lock, flags);
}

void mapping_wb_list_del(struct address_space *mapping)
{
	unsigned long flags;

	spin_lock_irqsave(&wb_lock, flags);
	if (!list_empty(&mapping->wb_list))
		list_del_init(&mapping->wb_list);
	spin_unlock_irqrestore(&wb_lock, flags);
}

/*
 * Write-protect @page in every shared mapping of its file; true if some
 * PTE had the dirty bit (a store the page flag may not know about).
 * Linux's page_mkclean, walking the file's VMAs instead of an rmap.
 */
static bool page_mkclean(struct page *page)
{
	struct address_space *mapping = page->mapping;
	pgoff_t pgoff = page->index;
	struct vm_area_struct *vma;
	bool dirty = false;

	mutex_lock(&mapping->i_mmap_lock);
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		pgoff_t vfirst = vma->vm_pgoff;
		pgoff_t vlast = vfirst + ((vma->vm_end - vma->vm_start) >> PAGE_SHIFT) - 1;
		unsigned long addr;
		pte_t *pte, old;

		if (!(vma->vm_flags & VM_SHARED) || pgoff < vfirst || pgoff > vlast)
			continue;
		addr = vma->vm_start + ((pgoff - vfirst) << PAGE_SHIFT);
		pte = walk_existing(vma->vm_mm, addr);
		if (!pte)
			continue;
		old = *pte;
		if (!pte_present(old) || pte_pfn(old) != page_to_pfn(page))
			continue;
		if (pte_dirty(old))
			dirty = true;
		if (pte_dirty(old) || (pte_val(old) & _PAGE_RW)) {
			set_pte(pte, pte_wrprotect(pte_mkclean(old)));
			flush_tlb_page(vma, addr);
		}
	}
	mutex_unlock(&mapping->i_mmap_lock);
	return dirty;
}

/* @page locked: write it if dirty; unlocks it. */
int write_one_page(struct page *page)
{
	struct address_space *mapping = page->mapping;
	int err = 0;

	if (mapping && mapping->a_ops && mapping->a_ops->writepage &&
	    atomic_read(&mapping->i_mmap_writable) && page_mkclean(page))
		SetPageDirty(page);
	if (mapping && PageDirty(page) && mapping->a_ops && mapping->a_ops->writepage) {
		ClearPageDirty(page);
		SetPageWriteback(page);
		err = mapping->a_ops->writepage(page);
		ClearPageWriteback(page);
		if (err)
			set_page_dirty(page);	/* still not on disk: try again later */
	}
	unlock_page(page);
	return err;
}

int filemap_fdatawrite_range(struct address_space *mapping, loff_t start, loff_t end)
{
	unsigned long index, last;
	struct page *page;
	int err = 0, ret;

	if (!mapping->a_ops || !mapping->a_ops->writepage || start > end)
		return 0;
	index = start >> PAGE_SHIFT;
	last = end >> PAGE_SHIFT;
	for (;;) {
		spin_lock(&mapping->i_pages_lock);
		page = xa_find(&mapping->i_pages, &index, last);
		/* Skip clean pages without taking them. */
		while (page && !PageDirty(page)) {
			if (index == last) {
				page = NULL;
				break;
			}
			index++;
			page = xa_find(&mapping->i_pages, &index, last);
		}
		if (page)
			get_page(page);
		spin_unlock(&mapping->i_pages_lock);
		if (!page)
			break;
		lock_page(page);
		if (page->mapping == mapping) {
			ret = write_one_page(page);
			if (ret && !err)
				err = ret;
		} else {
			unlock_page(page);	/* truncated meanwhile */
		}
		put_page(page);
		if (index == last)
			break;
		index++;
	}
	return err;
}

/* ->writepage waits for its bio, so writing is also waiting. */
int filemap_write_and_wait_range(struct address_space *mapping, loff_t start, loff_t end)
{
	return filemap_fdatawrite_range(mapping, start, end);
}

int filemap_write_and_wait(struct address_space *mapping)
{
	int err = filemap_write_and_wait_range(mapping, 0, MAX_LFS_FILESIZE);
	bool clean = true;
	unsigned long index = 0;
	struct page *page;

	/* Off the list once nothing dirty is left. */
	spin_lock(&mapping->i_pages_lock);
	xa_for_each(&mapping->i_pages, index, page) {
		if (PageDirty(page)) {
			clean = false;
			break;
		}
	}
	spin_unlock(&mapping->i_pages_lock);
	if (clean)
		mapping_wb_list_del(mapping);
	return err;
}

/*
 * Write back the mappings dirty since before @older_than (jiffies; 0:
 * all).  Each is taken off the list and its host pinned while it is
 * written; a store meanwhile puts it back.
 */
static void writeback_mappings(unsigned long older_than, bool all)
{
	struct address_space *mapping;
	unsigned long flags;
	LIST_HEAD(todo);

	mutex_lock(&wb_mutex);
	spin_lock_irqsave(&wb_lock, flags);
	while (!list_empty(&wb_dirty_mappings)) {
		mapping = list_first_entry(&wb_dirty_mappings, struct address_space, wb_list);
		if (!all && time_after(mapping->dirtied_when, older_than))
			break;	/* the list is in dirtying order: the rest are newer */
		list_move_tail(&mapping->wb_list, &todo);
	}
	while (!list_empty(&todo)) {
		struct inode *host;

		mapping = list_first_entry(&todo, struct address_space, wb_list);
		list_del_init(&mapping->wb_list);
		host = mapping->host;
		if (!host || !atomic_inc_not_zero(&host->i_count))
			continue;	/* being evicted: iput writes it */
		spin_unlock_irqrestore(&wb_lock, flags);
		filemap_fdatawrite_range(mapping, 0, MAX_LFS_FILESIZE);
		iput(host);
		spin_lock_irqsave(&wb_lock, flags);
	}
	spin_unlock_irqrestore(&wb_lock, flags);
	mutex_unlock(&wb_mutex);
}

/* Filesystems first (their metadata dirties the block device's pages), then the pages. */
void writeback_all(void)
{
	writeback_mappings(0, true);
	sync_filesystems();
	writeback_mappings(0, true);
}

static int wb_flusher_thread(void *unused)
{
	for (;;) {
		unsigned long expire = msecs_to_jiffies(READ_ONCE(dirty_expire_interval) * 10);
		int interval = READ_ONCE(dirty_writeback_interval);

		/* 0 turns periodic writeback off, as on Linux: sync and fsync still write. */
		schedule_timeout_interruptible(msecs_to_jiffies((interval ? interval : 500) * 10));
		if (!interval)
			continue;
		if (kthread_should_stop())
			break;
		writeback_mappings(jiffies - expire, false);
	}
	return 0;
}

static int __init page_writeback_init(void)
{
	struct task_struct *t = kthread_run(wb_flusher_thread, NULL, "flush-writeback");

	return IS_ERR(t) ? PTR_ERR(t) : 0;
}
late_initcall(page_writeback_init);
