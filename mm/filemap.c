// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache: a file's contents as pages in its address_space,
 * found by page index in an xarray (mapping->i_pages).  Everything that
 * touches file data goes through here:
 *
 *   read()   filemap_read: copy out of the cached pages; a hole (no page,
 *            no backing store) reads as zeros without allocating
 *   write()  generic_perform_write: find or create the page, copy in,
 *            mark it uptodate and dirty
 *   mmap     filemap_fault: hand the cached page itself to the fault
 *            handler (mm/memory.c), which maps it shared or copies it
 *            for a private write (COW)
 *
 * so a write() is visible through every mapping at once and a store
 * through a shared mapping is what the next read() returns.  The seed's
 * "file-backed page not in memory -> read" is the readpage step below:
 * a page not yet in the cache is read from the backing store and the
 * fault counts as major.  tmpfs has no backing store: its pages are the
 * file, and a fault on a hole gets a fresh zeroed page (minor).
 *
 * Page states (page-flags.h): PG_locked while a page is being filled or
 * taken out of the cache, PG_uptodate once it holds the file's data,
 * PG_dirty when it holds data the backing store lacks, PG_referenced when
 * read or mapped (for reclaim's aging).  The cache holds one reference;
 * so does every PTE mapping the page and every caller between
 * find_get_page and put_page.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mmzone.h>
#include <linux/mutex.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <uapi/linux/resource.h>
#include <linux/string.h>
#include <linux/swap.h>
#include <linux/uio.h>
#include <linux/vmstat.h>
#include <linux/wait.h>
#include <trace/events/filemap.h>

/*
 * One queue for everyone waiting on a locked page: pages stay locked
 * only while being filled or removed, so waiters are rare and a shared
 * queue (woken in full) costs less than a queue per page.
 */
static DECLARE_WAIT_QUEUE_HEAD(page_wait);

void address_space_init_once(struct address_space *mapping, struct inode *host)
{
	xa_node_cache_init();		/* once; here, where sleeping is allowed */
	mapping->host = host;
	xa_init(&mapping->i_pages);
	spin_lock_init(&mapping->i_pages_lock);
	mapping->nrpages = 0;
	INIT_LIST_HEAD(&mapping->i_mmap);
	mutex_init(&mapping->i_mmap_lock);
	atomic_set(&mapping->i_mmap_writable, 0);
	INIT_LIST_HEAD(&mapping->wb_list);
}

void lock_page(struct page *page)
{
	wait_event(page_wait, !TestSetPageLocked(page));
}

void unlock_page(struct page *page)
{
	ClearPageLocked(page);
	/* Waiters queue before testing the bit: seeing none, nobody can miss it. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (waitqueue_active(&page_wait))
		wake_up_all(&page_wait);
}

/*
 * Page-cache pages of files without a backing store are dirty from birth.
 * A file with a store (->writepage) goes on the flusher's list when its
 * first page gets dirty (mm/page-writeback.c).
 */
bool set_page_dirty(struct page *page)
{
	bool newly = !TestSetPageDirty(page);
	struct address_space *mapping = page->mapping;

	if (newly && mapping && mapping->a_ops && mapping->a_ops->writepage)
		mapping_mark_dirty(mapping);
	return newly;
}

struct page *find_get_page(struct address_space *mapping, pgoff_t index)
{
	struct page *page;

	spin_lock(&mapping->i_pages_lock);
	page = xa_load(&mapping->i_pages, index);
	if (page)
		get_page(page);
	spin_unlock(&mapping->i_pages_lock);
	return page;
}

struct page *find_lock_page(struct address_space *mapping, pgoff_t index)
{
	struct page *page;

	for (;;) {
		page = find_get_page(mapping, index);
		if (!page)
			return NULL;
		lock_page(page);
		if (page->mapping == mapping)
			return page;
		/* Truncated while we slept on the lock: look again. */
		unlock_page(page);
		put_page(page);
	}
}

static void account_page_cache(struct page *page, long nr)
{
	mod_node_page_state(NODE_DATA(0), NR_FILE_PAGES, nr);
	if (PageSwapBacked(page))
		mod_node_page_state(NODE_DATA(0), NR_SHMEM, nr);
}

int add_to_page_cache(struct page *page, struct address_space *mapping,
		      pgoff_t index, gfp_t gfp)
{
	void *old;
	int err = 0;

	spin_lock(&mapping->i_pages_lock);
	if (xa_load(&mapping->i_pages, index)) {
		err = -EEXIST;
		goto out;
	}
	/* Under a spinlock: the tree's nodes come GFP_ATOMIC, whatever the page's gfp. */
	old = xa_store(&mapping->i_pages, index, page, GFP_ATOMIC);
	if (IS_ERR(old)) {
		err = PTR_ERR(old);
		goto out;
	}
	get_page(page);			/* the cache's reference */
	page->mapping = mapping;
	page->index = index;
	mapping->nrpages++;
	account_page_cache(page, 1);
	trace_mm_filemap_add_to_page_cache(page);
out:
	spin_unlock(&mapping->i_pages_lock);
	/* shmem pages are swap-backed: page_lru() puts them on the anon lists. */
	if (!err)
		lru_cache_add(page);
	return err;
}

void delete_from_page_cache(struct page *page)
{
	struct address_space *mapping = page->mapping;

	trace_mm_filemap_delete_from_page_cache(page);
	spin_lock(&mapping->i_pages_lock);
	xa_erase(&mapping->i_pages, page->index);
	page->mapping = NULL;
	mapping->nrpages--;
	account_page_cache(page, -1);
	spin_unlock(&mapping->i_pages_lock);
	ClearPageDirty(page);
	ClearPageUptodate(page);
	put_page(page);			/* the cache's reference */
}

struct page *find_or_create_page(struct address_space *mapping, pgoff_t index,
				 gfp_t gfp, bool *created)
{
	struct page *page;
	int err;

	for (;;) {
		page = find_lock_page(mapping, index);
		if (page) {
			if (created)
				*created = false;
			return page;
		}
		page = alloc_page(gfp | __GFP_ZERO);
		if (!page)
			return NULL;
		__SetPageLocked(page);
		if (!mapping->a_ops || !mapping->a_ops->readpage)
			__SetPageSwapBacked(page);	/* no store but memory (and swap) */
		err = add_to_page_cache(page, mapping, index, gfp);
		if (!err) {
			if (created)
				*created = true;
			return page;
		}
		__ClearPageLocked(page);
		__ClearPageSwapBacked(page);
		put_page(page);
		if (err != -EEXIST)
			return NULL;
	}
}

/*
 * Make a page just created by find_or_create_page hold the file's data:
 * read it from the backing store, or, with none, the zeros it has are
 * the data (a hole).  Returns 0, or 1 if it was read (a major fault).
 */
static int fill_new_page(struct file *file, struct address_space *mapping,
			 struct page *page)
{
	int err;

	if (!mapping->a_ops || !mapping->a_ops->readpage) {
		SetPageUptodate(page);
		return 0;
	}
	err = mapping->a_ops->readpage(file, page);
	if (err)
		return err;
	SetPageUptodate(page);
	return 1;
}

/* The page at @index for reading: NULL is a hole that reads as zeros. */
static struct page *filemap_get_read_page(struct file *file, pgoff_t index)
{
	struct address_space *mapping = file->f_mapping;
	struct page *page = find_get_page(mapping, index);
	bool created;
	int err;

	if (page && !PageUptodate(page) && mapping->a_ops && mapping->a_ops->readpage) {
		/* Someone else is reading it in: wait for them, then it is valid or failed. */
		lock_page(page);
		unlock_page(page);
		if (!PageUptodate(page)) {
			put_page(page);
			return ERR_PTR(-EIO);
		}
	}
	if (page || !mapping->a_ops || !mapping->a_ops->readpage)
		return page;
	page = find_or_create_page(mapping, index, GFP_HIGHUSER_MOVABLE, &created);
	if (!page)
		return ERR_PTR(-ENOMEM);
	err = created ? fill_new_page(file, mapping, page) : 0;
	unlock_page(page);
	if (err < 0) {
		put_page(page);
		return ERR_PTR(err);
	}
	return page;
}

/* Copy file bytes at iocb->ki_pos out to @to; @already_read is added to the result. */
ssize_t filemap_read(struct kiocb *iocb, struct iov_iter *to, ssize_t already_read)
{
	struct file *file = iocb->ki_filp;
	struct inode *inode = file->f_mapping->host;
	loff_t pos = iocb->ki_pos;
	ssize_t done = 0;

	while (iov_iter_count(to) && pos < i_size_read(inode)) {
		pgoff_t index = pos >> PAGE_SHIFT;
		size_t offset = pos & (PAGE_SIZE - 1), got;
		size_t n = min_t(loff_t, PAGE_SIZE - offset, i_size_read(inode) - pos);
		struct page *page = filemap_get_read_page(file, index);

		if (IS_ERR(page)) {
			if (!done)
				done = PTR_ERR(page);
			break;
		}
		n = min(n, iov_iter_count(to));
		if (page) {
			mark_page_accessed(page);
			got = copy_to_iter((char *)page_address(page) + offset, n, to);
			put_page(page);
		} else {
			got = iov_iter_zero(n, to);
		}
		done += got;
		pos += got;
		if (got < n) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	if (done > 0)
		iocb->ki_pos = pos;
	inode->i_atime = current_time(inode);
	if (done < 0)
		return already_read ? already_read : done;
	return done + already_read;
}

ssize_t generic_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	if (!iov_iter_count(to))
		return 0;
	return filemap_read(iocb, to, 0);
}

/*
 * How much of @from may be written at iocb->ki_pos (set to the end for
 * O_APPEND): not past RLIMIT_FSIZE (EFBIG and SIGXFSZ at or past it),
 * not past the filesystem's largest file (EFBIG).  Shortens @from to
 * fit and returns its count, or an error.  i_mutex held.
 */
ssize_t generic_write_checks(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = iocb->ki_filp->f_mapping->host;
	unsigned long limit = rlimit(RLIMIT_FSIZE);
	loff_t pos, max = inode->i_sb->s_maxbytes;

	if (!iov_iter_count(from))
		return 0;
	if (iocb->ki_flags & IOCB_APPEND)
		iocb->ki_pos = i_size_read(inode);
	pos = iocb->ki_pos;
	if (limit != RLIM_INFINITY) {
		if (pos >= (loff_t)limit) {
			send_sig(SIGXFSZ, current, 0);
			return -EFBIG;
		}
		iov_iter_truncate(from, limit - pos);
	}
	if (pos >= max)
		return -EFBIG;
	iov_iter_truncate(from, max - pos);
	return iov_iter_count(from);
}

/* May a file grow to @offset?  RLIMIT_FSIZE and the filesystem's limit say. */
int inode_newsize_ok(const struct inode *inode, loff_t offset)
{
	unsigned long limit = rlimit(RLIMIT_FSIZE);

	if (offset < 0)
		return -EINVAL;
	if (offset <= inode->i_size)
		return 0;
	if (limit != RLIM_INFINITY && offset > (loff_t)limit) {
		send_sig(SIGXFSZ, current, 0);
		return -EFBIG;
	}
	return offset > inode->i_sb->s_maxbytes ? -EFBIG : 0;
}

/*
 * Copy @from into the file at iocb->ki_pos, page by page, growing
 * i_size.  The caller holds inode_lock and has done the size checks
 * (generic_write_checks).  Returns the bytes written or an error.
 */
ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct address_space *mapping = file->f_mapping;
	struct inode *inode = mapping->host;
	loff_t pos = iocb->ki_pos;
	ssize_t done = 0;

	while (iov_iter_count(from)) {
		pgoff_t index = pos >> PAGE_SHIFT;
		size_t offset = pos & (PAGE_SIZE - 1), got;
		size_t n = min_t(size_t, PAGE_SIZE - offset, iov_iter_count(from));
		struct page *page;
		bool created;
		int err = 0;

		if (fault_in_iov_iter_readable(from, n) == n) {
			if (!done)
				done = -EFAULT;
			break;
		}
		page = find_or_create_page(mapping, index, GFP_HIGHUSER_MOVABLE, &created);

		if (!page) {
			if (!done)
				done = -ENOSPC;
			break;
		}
		/* A partial write into a page not yet read must read it first. */
		if (created && (offset || n < PAGE_SIZE))
			err = fill_new_page(file, mapping, page);
		else if (created)
			SetPageUptodate(page);
		if (err < 0) {
			unlock_page(page);
			put_page(page);
			if (!done)
				done = err;
			break;
		}
		got = copy_from_iter((char *)page_address(page) + offset, n, from);
		set_page_dirty(page);
		unlock_page(page);
		put_page(page);
		done += got;
		pos += got;
		if (pos > i_size_read(inode))
			i_size_write(inode, pos);
		if (got < n) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	if (done > 0)
		iocb->ki_pos = pos;
	return done;
}

/*
 * The fault handler of file mappings: the page at vmf->pgoff, from the
 * cache or made for it.  Past the end of the file is SIGBUS.
 */
unsigned int filemap_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct address_space *mapping = file->f_mapping;
	struct inode *inode = mapping->host;
	unsigned int ret = 0;
	struct page *page;
	int err;

	if (vmf->pgoff >= DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE))
		return VM_FAULT_SIGBUS;
again:
	page = find_get_page(mapping, vmf->pgoff);
	if (page && PageUptodate(page))
		goto found;
	if (page) {
		/*
		 * Another task made the page and is reading it in (it holds
		 * the lock meanwhile): mapping it now would show zeros for
		 * the file's data.  Wait for that read.
		 */
		lock_page(page);
		if (page->mapping != mapping) {		/* truncated meanwhile */
			unlock_page(page);
			put_page(page);
			goto again;
		}
	} else {
		page = find_or_create_page(mapping, vmf->pgoff, GFP_HIGHUSER_MOVABLE, NULL);
		if (!page)
			return VM_FAULT_OOM;
	}
	/* Locked: new, or its reader failed, unless the data is in by now. */
	err = PageUptodate(page) ? 0 : fill_new_page(file, mapping, page);
	unlock_page(page);
	if (err < 0) {
		put_page(page);
		return err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	}
	if (err > 0)
		ret |= VM_FAULT_MAJOR;
found:
	SetPageReferenced(page);
	vmf->page = page;
	return ret;
}

const struct vm_operations_struct generic_file_vm_ops = {
	.fault		= filemap_fault,
};

int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}

int generic_file_readonly_mmap(struct file *file, struct vm_area_struct *vma)
{
	if ((vma->vm_flags & VM_SHARED) && (vma->vm_flags & VM_MAYWRITE))
		return -EINVAL;
	return generic_file_mmap(file, vma);
}

/*
 * MADV_WILLNEED: read the pages in now so that the faults later are
 * minor.  Files without a backing store have nothing to read: their
 * holes stay holes.
 */
void force_page_cache_readahead(struct file *file, pgoff_t index, unsigned long nr)
{
	struct address_space *mapping = file->f_mapping;
	pgoff_t end = DIV_ROUND_UP(i_size_read(mapping->host), PAGE_SIZE);

	if (!mapping->a_ops || !mapping->a_ops->readpage)
		return;
	for (; nr && index < end; index++, nr--) {
		struct page *page = filemap_get_read_page(file, index);

		if (IS_ERR(page))
			break;
		put_page(page);
	}
}

