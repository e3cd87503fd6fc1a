// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel around fs/ext2, for the fuzz target: just enough of the
 * buffer cache, inodes, dentries and allocator for the driver's own code
 * to run on an image in host memory.
 *
 * The buffer cache is where most bugs would show: every buffer gets its
 * own allocation of exactly one block, so a read or write past the end
 * of a block is an AddressSanitizer report (in the kernel it would
 * silently touch the neighbouring block, or the next page), and a buffer
 * used after its last brelse is one too.  Two reads of the same block
 * share one buffer, as in the kernel; the image is updated when the last
 * reference goes.
 */
#include <linux/kernel.h>
#include <linux/blkdev.h>
#include <linux/buffer_head.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/namei.h>
#include <linux/pagemap.h>
#include <linux/path.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <asm/current.h>
#include "fuzz_libc.h"
#include "fuzz_kernel.h"

u8 *fuzz_disk;
size_t fuzz_disk_size;

struct fuzz_bh {
	struct buffer_head bh;
	int count;
	struct fuzz_bh *next;
};

static struct fuzz_bh *live_bhs;

struct buffer_head *__bread(struct block_device *bdev, sector_t block, unsigned int size)
{
	struct fuzz_bh *f;

	if (!size || block >= fuzz_disk_size / size)
		return NULL;	/* past the end of the device: an I/O error */
	for (f = live_bhs; f; f = f->next) {
		if (f->bh.b_blocknr == block && f->bh.b_size == size) {
			f->count++;
			return &f->bh;
		}
	}
	f = host_malloc(sizeof(*f), 1);
	f->bh.b_data = host_malloc(size, 0);
	memcpy(f->bh.b_data, fuzz_disk + block * size, size);
	f->bh.b_blocknr = block;
	f->bh.b_size = size;
	f->bh.b_bdev = bdev;
	f->count = 1;
	f->next = live_bhs;
	live_bhs = f;
	return &f->bh;
}

void brelse(struct buffer_head *bh)
{
	struct fuzz_bh *f, **pp;

	if (!bh)
		return;
	f = container_of(bh, struct fuzz_bh, bh);
	if (f->count <= 0)
		host_die("brelse of a buffer with no references");
	if (--f->count)
		return;
	memcpy(fuzz_disk + bh->b_blocknr * bh->b_size, bh->b_data, bh->b_size);
	for (pp = &live_bhs; *pp != f; pp = &(*pp)->next)
		;
	*pp = f->next;
	host_free(bh->b_data);
	host_free(f);
}

void mark_buffer_dirty(struct buffer_head *bh)
{
	struct fuzz_bh *f = container_of(bh, struct fuzz_bh, bh);

	if (f->count <= 0)
		host_die("mark_buffer_dirty of a released buffer");
}

int sync_dirty_buffer(struct buffer_head *bh)
{
	mark_buffer_dirty(bh);
	memcpy(fuzz_disk + bh->b_blocknr * bh->b_size, bh->b_data, bh->b_size);
	return 0;
}

unsigned int fuzz_live_buffers(void)
{
	unsigned int n = 0;
	struct fuzz_bh *f;

	for (f = live_bhs; f; f = f->next)
		n++;
	return n;
}

int sync_blockdev(struct block_device *bdev)
{
	return 0;
}

int blkdev_issue_flush(struct block_device *bdev)
{
	return 0;
}

void blkdev_put(struct block_device *bdev)
{
}

void writeback_all(void)
{
}

/* ---- memory ---- */

void *kmalloc(size_t size, gfp_t gfp)
{
	return host_malloc(size, !!(gfp & __GFP_ZERO));
}

void kfree(const void *p)
{
	host_free((void *)p);
}

void mutex_lock(struct mutex *lock)
{
}

void mutex_unlock(struct mutex *lock)
{
}

/* ---- time and credentials: fixed, so a crashing input replays the same way ---- */

u64 ktime_get_ns(void)
{
	return 1000000000ULL;
}

u64 ktime_get_real_ns(void)
{
	return 1700000000ULL * 1000000000ULL;
}

struct timespec64 current_time(struct inode *inode)
{
	return ns_to_timespec64(ktime_get_real_ns());
}

DEFINE_PER_CPU(struct task_struct *, current_task);
struct page *mem_map;

bool capable(int cap)
{
	return true;
}

/* ---- inodes: fs/inode.c's rules, without the lists ---- */

unsigned int fuzz_live_inodes;

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = sb->s_op->alloc_inode(sb);

	if (!inode)
		return NULL;
	atomic_set(&inode->i_count, 1);
	inode->i_mapping = &inode->i_data;
	inode->i_data.host = inode;
	inode->i_sb = sb;
	inode->i_nlink = 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	fuzz_live_inodes++;
	return inode;
}

void iput(struct inode *inode)
{
	struct super_block *sb;

	if (!inode)
		return;
	if (atomic_read(&inode->i_count) <= 0)
		host_die("iput of an inode with no references");
	if (!atomic_dec_and_test(&inode->i_count))
		return;
	sb = inode->i_sb;
	if (sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	fuzz_live_inodes--;
	sb->s_op->free_inode(inode);
}

struct inode *ihold(struct inode *inode)
{
	atomic_inc(&inode->i_count);
	return inode;
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	if (inode->i_nlink)
		inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	inode->i_nlink = nlink;
}

void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	inode->i_rdev = rdev;
}

void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = 0;
	inode->i_gid = 0;
	inode->i_mode = mode;
}

int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	return 0;
}

void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	if (attr->ia_valid & ATTR_MODE)
		inode->i_mode = attr->ia_mode;
}

int inode_newsize_ok(const struct inode *inode, loff_t offset)
{
	return offset > inode->i_sb->s_maxbytes ? -EFBIG : 0;
}

void truncate_setsize(struct inode *inode, loff_t newsize)
{
	inode->i_size = newsize;
}

void truncate_pagecache(struct inode *inode, loff_t newsize)
{
}

unsigned long invalidate_mapping_pages(struct address_space *mapping, pgoff_t start, pgoff_t end)
{
	return 0;
}

void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->size = inode->i_size;
	stat->blocks = inode->i_blocks;
}

/* ---- dentries ---- */

struct dentry *fuzz_d_alloc(struct super_block *sb, struct dentry *parent, const char *name,
			    unsigned int len)
{
	struct dentry *d = host_malloc(sizeof(*d), 1);
	char *n = host_malloc(len + 1, 0);

	memcpy(n, name, len);
	n[len] = '\0';
	d->d_name.name = n;
	d->d_name.len = len;
	d->d_count = 1;
	d->d_sb = sb;
	d->d_parent = parent ? dget(parent) : d;
	return d;
}

struct dentry *d_make_root(struct inode *root_inode)
{
	struct dentry *d;

	if (!root_inode)
		return NULL;
	d = fuzz_d_alloc(root_inode->i_sb, NULL, "/", 1);
	d->d_inode = root_inode;
	return d;
}

struct dentry *dget(struct dentry *dentry)
{
	dentry->d_count++;
	return dentry;
}

void dput(struct dentry *dentry)
{
	struct dentry *parent;

	if (!dentry)
		return;
	if (dentry->d_count <= 0)
		host_die("dput of a dentry with no references");
	if (--dentry->d_count)
		return;
	parent = dentry->d_parent;
	iput(dentry->d_inode);
	host_free((void *)dentry->d_name.name);
	host_free(dentry);
	if (parent != dentry)
		dput(parent);
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	return fuzz_d_alloc(parent->d_sb, parent, (const char *)name->name, name->len);
}

void d_drop(struct dentry *dentry)
{
	(void)dentry;		/* nothing is hashed here */
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	dentry->d_inode = inode;
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
}

/* ---- what ext2 refers to but the fuzz target never reaches ---- */

#define NOT_REACHED(what) host_die("unexpected call: " what)

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	NOT_REACHED("kern_path");
}

void path_put(const struct path *path)
{
	NOT_REACHED("path_put");
}

struct block_device *blkdev_get_by_dev(dev_t dev)
{
	NOT_REACHED("blkdev_get_by_dev");
}

struct super_block *sget_nodev(struct file_system_type *type, int flags)
{
	NOT_REACHED("sget_nodev");
}

void deactivate_super(struct super_block *sb)
{
	NOT_REACHED("deactivate_super");
}

int register_filesystem(struct file_system_type *fs)
{
	NOT_REACHED("register_filesystem");
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	NOT_REACHED("generic_file_llseek");
}

int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	return 0;
}

int filemap_write_and_wait_range(struct address_space *mapping, loff_t start, loff_t end)
{
	return 0;
}

ssize_t generic_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	NOT_REACHED("generic_file_read_iter");
}

ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *from)
{
	NOT_REACHED("generic_perform_write");
}

ssize_t generic_write_checks(struct kiocb *iocb, struct iov_iter *from)
{
	NOT_REACHED("generic_write_checks");
}

int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	NOT_REACHED("generic_file_mmap");
}
