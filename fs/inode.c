// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes: allocation through the filesystem's super_operations,
 * reference counting, link counts, and the attribute rules every
 * filesystem shares: who may read/write/execute (generic_permission),
 * who may change owner, mode and times (setattr_prepare), and what
 * setattr then copies in.
 *
 * An inode lives while someone holds i_count: dentries (one each),
 * open files through their dentry, the path walk.  The last iput of an
 * inode frees it; if it had no links left, its contents go first
 * (evict_inode).  No inode is kept unused (Linux's i_count 0 inode
 * LRU has no counterpart here): an inode with a name is held by its
 * dentry, so the dentry shrinker, freeing a cached name, frees the inode
 * with it.  /proc/sys/fs/inode-nr shows 0 unused for that reason.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/fsnotify.h>
#include <linux/blkdev.h>
#include <linux/pagemap.h>
#include <linux/pipe_fs_i.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct kmem_cache *inode_cachep;
static DEFINE_SPINLOCK(inode_sb_list_lock);
static atomic_long_t nr_inodes;		/* allocated by new_inode, not yet freed */

/* /proc/sys/fs/inode-nr and inode-state: in use, unused (always 0: see above). */
void get_nr_inodes(long *nr, long *nr_unused)
{
	*nr = atomic_long_read(&nr_inodes);
	*nr_unused = 0;
}

void __init inode_cache_init(void)
{
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode), 0, 0, NULL);
	if (!inode_cachep)
		panic("cannot create the inode cache");
}

struct timespec64 current_time(struct inode *inode)
{
	return ns_to_timespec64(ktime_get_real_ns());
}

/* A fresh inode of @sb: one reference, one link, owned by root until init_owner. */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	if (sb->s_op->alloc_inode)
		inode = sb->s_op->alloc_inode(sb);
	else
		inode = kmem_cache_zalloc(inode_cachep, GFP_KERNEL);
	if (!inode)
		return NULL;
	atomic_long_inc(&nr_inodes);
	atomic_set(&inode->i_count, 1);
	mutex_init(&inode->i_mutex);
	lockdep_set_class(&inode->i_mutex, &sb->s_type->i_mutex_key);
	INIT_LIST_HEAD(&inode->i_fsnotify_marks);
	address_space_init_once(&inode->i_data, inode);
	inode->i_mapping = &inode->i_data;
	inode->i_sb = sb;
	inode->i_nlink = 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	spin_lock(&inode_sb_list_lock);
	inode->i_ino = ++sb->s_next_ino;
	list_add(&inode->i_sb_list, &sb->s_inodes);
	spin_unlock(&inode_sb_list_lock);
	return inode;
}

/*
 * Owner of a new file: the creator's fsuid; the group is the directory's
 * if it is set-group-ID (and a new directory inherits that bit), else
 * the creator's fsgid.
 */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = current_fsuid();
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	} else {
		inode->i_gid = current_fsgid();
	}
	inode->i_mode = mode;
}

struct inode *ihold(struct inode *inode)
{
	atomic_inc(&inode->i_count);
	return inode;
}

void iput(struct inode *inode)
{
	struct super_block *sb;

	if (!inode || !atomic_dec_and_test(&inode->i_count))
		return;
	sb = inode->i_sb;
	/* A file that stays on disk keeps what was written to it (mm/page-writeback.c). */
	if (inode->i_nlink && inode->i_data.a_ops && inode->i_data.a_ops->writepage)
		filemap_write_and_wait(&inode->i_data);
	if (sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	truncate_inode_pages_final(&inode->i_data);
	spin_lock(&inode_sb_list_lock);
	list_del(&inode->i_sb_list);
	spin_unlock(&inode_sb_list_lock);
	if (sb->s_op->free_inode)
		sb->s_op->free_inode(inode);
	else
		kmem_cache_free(inode_cachep, inode);
	atomic_long_dec(&nr_inodes);
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	WARN_ON(inode->i_nlink == 0);
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

/* Device nodes and FIFOs: the VFS, not the filesystem, knows how to open them. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_fop = &def_blk_fops;	/* block/fops.c: ENXIO if no such disk */
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;	/* the pipe itself comes with the first open */
	}
}

/*
 * The mode bits that apply to the caller: owner's, group's or other's.
 * CAP_DAC_OVERRIDE reads and writes anything and executes what has at
 * least one x bit (or searches any directory); CAP_DAC_READ_SEARCH
 * reads files and searches directories.
 */
int generic_permission(struct inode *inode, int mask)
{
	unsigned int mode = inode->i_mode;
	int want = mask & (MAY_READ | MAY_WRITE | MAY_EXEC);

	if (current_fsuid() == inode->i_uid)
		mode >>= 6;
	else if (in_group_p(inode->i_gid))
		mode >>= 3;
	if ((want & ~mode & 7) == 0)
		return 0;

	if (capable(CAP_DAC_OVERRIDE)) {
		if (!(want & MAY_EXEC) || S_ISDIR(inode->i_mode) || (inode->i_mode & 0111))
			return 0;
	}
	if (!(want & MAY_WRITE) && capable(CAP_DAC_READ_SEARCH)) {
		if (S_ISDIR(inode->i_mode) || want == MAY_READ)
			return 0;
	}
	return -EACCES;
}

int inode_permission(struct inode *inode, int mask)
{
	if (inode->i_op && inode->i_op->permission)
		return inode->i_op->permission(inode, mask);
	return generic_permission(inode, mask);
}

bool inode_owner_or_capable(const struct inode *inode)
{
	return current_fsuid() == inode->i_uid || capable(CAP_FOWNER);
}

/*
 * May the caller make this change?  chown needs CAP_CHOWN (an owner may
 * only "change" the group to one of its own); chmod and explicit times
 * need ownership or CAP_FOWNER; "now" times also allow anyone with
 * write permission (checked by the caller: utimensat).
 */
int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	unsigned int valid = attr->ia_valid;

	if ((valid & ATTR_UID) && attr->ia_uid != inode->i_uid && !capable(CAP_CHOWN))
		return -EPERM;
	if ((valid & ATTR_GID) && attr->ia_gid != inode->i_gid && !capable(CAP_CHOWN) &&
	    (current_fsuid() != inode->i_uid || !in_group_p(attr->ia_gid)))
		return -EPERM;
	if (valid & ATTR_MODE) {
		if (!inode_owner_or_capable(inode))
			return -EPERM;
		/* Not in the group: setting set-group-ID is quietly refused. */
		if (!in_group_p((valid & ATTR_GID) ? attr->ia_gid : inode->i_gid) &&
		    !capable(CAP_FSETID))
			attr->ia_mode &= ~S_ISGID;
	}
	if ((valid & (ATTR_ATIME_SET | ATTR_MTIME_SET)) && !inode_owner_or_capable(inode))
		return -EPERM;
	return 0;
}

void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	if (valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & 07777);
}

/*
 * Apply @attr to a file: called with the inode locked.  A chown by
 * anyone clears set-user-ID, and set-group-ID when group-executable, as
 * Linux does, so a file cannot keep privileges under a new owner.
 */
int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	int err;

	err = setattr_prepare(dentry, attr);
	if (err)
		return err;
	attr->ia_ctime = current_time(inode);
	attr->ia_valid |= ATTR_CTIME;
	if ((attr->ia_valid & (ATTR_UID | ATTR_GID)) && !S_ISDIR(inode->i_mode) &&
	    !(attr->ia_valid & ATTR_MODE)) {
		umode_t mode = inode->i_mode;

		if (mode & S_ISUID)
			mode &= ~S_ISUID;
		if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
			mode &= ~S_ISGID;
		if (mode != inode->i_mode) {
			attr->ia_mode = mode;
			attr->ia_valid |= ATTR_MODE;
		}
	}
	if (inode->i_op->setattr)
		err = inode->i_op->setattr(dentry, attr);
	else
		err = simple_setattr(dentry, attr);
	if (!err)
		fsnotify_change(dentry, attr->ia_valid);
	return err;
}

void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->dev = inode->i_sb->s_dev;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = inode->i_size;
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = PAGE_SIZE;
	stat->blocks = inode->i_blocks;
}

/*
 * Call @f for each inode of @sb that has pages in its cache, holding a
 * reference across the call (the list lock is dropped meanwhile; the
 * inode held keeps our place in the list).
 */
void inode_sb_for_each_cached(struct super_block *sb, void (*f)(struct inode *inode))
{
	struct inode *inode, *toput = NULL;

	spin_lock(&inode_sb_list_lock);
	list_for_each_entry(inode, &sb->s_inodes, i_sb_list) {
		if (!READ_ONCE(inode->i_mapping->nrpages) || !atomic_inc_not_zero(&inode->i_count))
			continue;
		spin_unlock(&inode_sb_list_lock);
		f(inode);
		iput(toput);
		toput = inode;
		spin_lock(&inode_sb_list_lock);
	}
	spin_unlock(&inode_sb_list_lock);
	iput(toput);
}

void invalidate_inode_cache(struct inode *inode)
{
	invalidate_mapping_pages(inode->i_mapping, 0, ~0UL);
}
