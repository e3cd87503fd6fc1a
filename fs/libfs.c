// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers for filesystems whose directories live only in the dcache
 * (tmpfs, later proc-like ones): a name exists exactly when its dentry
 * is hashed under the parent and positive.  Creating a name pins its
 * dentry (one extra reference, dropped by unlink/rmdir or at unmount),
 * so the cache never forgets it.  readdir walks the parent's d_subdirs
 * list with a cursor dentry that keeps its place between calls, so
 * creating or removing names meanwhile does not skip or repeat others.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/namei.h>
#include <linux/err.h>
#include <linux/uaccess.h>

struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	d_add(dentry, NULL);	/* not in the cache: it does not exist */
	return NULL;
}

int simple_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(old_dentry);

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	inc_nlink(inode);
	ihold(inode);
	dget(dentry);		/* the pin */
	d_instantiate(dentry, inode);
	return 0;
}

int simple_empty(struct dentry *dentry)
{
	struct dentry *child;
	int ret = 1;

	dcache_lock_acquire();
	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (simple_positive(child)) {
			ret = 0;
			break;
		}
	}
	dcache_lock_release();
	return ret;
}

int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	drop_nlink(inode);
	dput(dentry);		/* the pin; the caller still holds its own reference */
	return 0;
}

int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(d_inode(dentry));	/* its "." */
	simple_unlink(dir, dentry);
	drop_nlink(dir);		/* its ".." */
	return 0;
}

static int simple_rename_exchange(struct inode *old_dir, struct dentry *old_dentry,
				  struct inode *new_dir, struct dentry *new_dentry)
{
	bool old_is_dir = S_ISDIR(d_inode(old_dentry)->i_mode);
	bool new_is_dir = S_ISDIR(d_inode(new_dentry)->i_mode);

	/* A directory changing parent moves its ".." link with it. */
	if (old_dir != new_dir && old_is_dir != new_is_dir) {
		if (old_is_dir) {
			drop_nlink(old_dir);
			inc_nlink(new_dir);
		} else {
			drop_nlink(new_dir);
			inc_nlink(old_dir);
		}
	}
	old_dir->i_ctime = old_dir->i_mtime = new_dir->i_ctime = new_dir->i_mtime =
		d_inode(old_dentry)->i_ctime = d_inode(new_dentry)->i_ctime =
		current_time(old_dir);
	return 0;
}

int simple_rename(struct inode *old_dir, struct dentry *old_dentry,
		  struct inode *new_dir, struct dentry *new_dentry, unsigned int flags)
{
	struct inode *inode = d_inode(old_dentry);
	bool they_are_dirs = S_ISDIR(inode->i_mode);

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if (flags & RENAME_EXCHANGE)
		return simple_rename_exchange(old_dir, old_dentry, new_dir, new_dentry);
	if (d_inode(new_dentry)) {
		if (S_ISDIR(d_inode(new_dentry)->i_mode) && !simple_empty(new_dentry))
			return -ENOTEMPTY;
		if (they_are_dirs) {
			drop_nlink(d_inode(new_dentry));
			drop_nlink(old_dir);
		}
		simple_unlink(new_dir, new_dentry);
	} else if (they_are_dirs) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	/* The pin moves with the name: old_dentry keeps the one it had. */
	old_dir->i_ctime = old_dir->i_mtime = new_dir->i_ctime = new_dir->i_mtime =
		inode->i_ctime = current_time(old_dir);
	return 0;
}

int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);

	if (attr->ia_valid & ATTR_SIZE)
		inode->i_size = attr->ia_size;
	setattr_copy(inode, attr);
	return 0;
}

int simple_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		   unsigned int flags)
{
	generic_fillattr(d_inode(path->dentry), stat);
	return 0;
}

int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	return 0;
}

const char *simple_get_link(struct dentry *dentry, struct inode *inode)
{
	return inode->i_link;
}

int dcache_dir_open(struct inode *inode, struct file *file)
{
	file->private_data = d_alloc_cursor(file->f_path.dentry);
	return file->private_data ? 0 : -ENOMEM;
}

int dcache_dir_close(struct inode *inode, struct file *file)
{
	dput(file->private_data);
	return 0;
}

/* The positive entry after @from in @parent's list, with a reference, or NULL. */
static struct dentry *next_positive(struct dentry *parent, struct list_head *from)
{
	struct dentry *found = NULL;
	struct list_head *p;

	dcache_lock_acquire();
	for (p = from->next; p != &parent->d_subdirs; p = p->next) {
		struct dentry *d = list_entry(p, struct dentry, d_child);

		if (!(d->d_flags & DCACHE_CURSOR) && simple_positive(d)) {
			dget_dlock(d);
			found = d;
			break;
		}
	}
	dcache_lock_release();
	return found;
}

static void move_cursor(struct dentry *cursor, struct dentry *after)
{
	dcache_lock_acquire();
	if (after)
		list_move(&cursor->d_child, &after->d_child);
	else
		list_move(&cursor->d_child, &cursor->d_parent->d_subdirs);
	dcache_lock_release();
}

loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	struct dentry *dir = file->f_path.dentry, *cursor = file->private_data;
	struct dentry *d = NULL;
	loff_t n;

	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		fallthrough;
	case SEEK_SET:
		if (offset >= 0)
			break;
		fallthrough;
	default:
		return -EINVAL;
	}
	if (offset == file->f_pos)
		return offset;
	inode_lock(d_inode(dir));
	move_cursor(cursor, NULL);
	for (n = offset - 2; n > 0; n--) {
		struct dentry *next = next_positive(dir, d ? &d->d_child : &cursor->d_child);

		dput(d);
		d = next;
		if (!d)
			break;
	}
	move_cursor(cursor, d);	/* d == NULL: back at the start */
	dput(d);
	file->f_pos = offset;
	inode_unlock(d_inode(dir));
	return offset;
}

static unsigned int dt_type(const struct inode *inode)
{
	return (inode->i_mode >> 12) & 15;
}

/* ".", "..", then every positive child after the cursor.  Called with the directory locked. */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry, *cursor = file->private_data;
	struct dentry *d;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, d_inode(dentry)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct dentry *parent = dentry->d_parent;

		if (!dir_emit(ctx, "..", 2, d_inode(parent)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	while ((d = next_positive(dentry, &cursor->d_child)) != NULL) {
		bool ok = dir_emit(ctx, d->d_name.name, d->d_name.len,
				   d_inode(d)->i_ino, dt_type(d_inode(d)));

		if (ok) {
			move_cursor(cursor, d);
			ctx->pos++;
		}
		dput(d);
		if (!ok)
			break;
	}
	return 0;
}

const struct file_operations simple_dir_operations = {
	.open		= dcache_dir_open,
	.release	= dcache_dir_close,
	.llseek		= dcache_dir_lseek,
	.iterate_shared	= dcache_readdir,
	.fsync		= noop_fsync,
};

const struct inode_operations simple_symlink_inode_operations = {
	.get_link	= simple_get_link,
};

/*
 * Pinned names: the trees the kernel itself builds (sysfs, debugfs) keep
 * every name in the dcache with one extra reference, the pin, as tmpfs
 * does for user-made names.  simple_create_pinned() adds @inode under
 * @name in @parent and returns the dentry with a reference for the
 * caller (the pin is separate); on failure @inode is released.
 */
struct dentry *simple_create_pinned(struct dentry *parent, const char *name,
				    struct inode *inode)
{
	struct inode *dir = d_inode(parent);
	struct dentry *dentry;

	inode_lock(dir);
	dentry = lookup_one_len(name, parent, strlen(name));
	if (IS_ERR(dentry))
		goto fail;
	if (d_inode(dentry)) {
		dput(dentry);
		dentry = ERR_PTR(-EEXIST);
		goto fail;
	}
	d_instantiate(dentry, inode);
	if (S_ISDIR(inode->i_mode))
		inc_nlink(dir);
	dget(dentry);		/* the pin */
	inode_unlock(dir);
	return dentry;
fail:
	inode_unlock(dir);
	iput(inode);
	return dentry;
}

/* A positive child of @dir with a reference, or NULL when none is left. */
static struct dentry *first_positive_child(struct dentry *dir)
{
	struct dentry *child, *found = NULL;

	dcache_lock_acquire();
	list_for_each_entry(child, &dir->d_subdirs, d_child) {
		if (simple_positive(child) && !d_unhashed(child)) {
			found = child;
			break;
		}
	}
	dcache_lock_release();
	return found ? dget(found) : NULL;
}

/* Unlink @dentry, and everything under it if a directory, dropping the pins. */
void simple_remove_pinned(struct dentry *dentry)
{
	struct inode *dir = d_inode(dentry->d_parent), *inode = d_inode(dentry);
	struct dentry *child;

	if (S_ISDIR(inode->i_mode)) {
		while ((child = first_positive_child(dentry))) {
			simple_remove_pinned(child);
			dput(child);
		}
	}
	inode_lock(dir);
	if (S_ISDIR(inode->i_mode)) {
		drop_nlink(inode);		/* its "." */
		drop_nlink(dir);		/* its ".." */
	}
	drop_nlink(inode);
	d_delete(dentry);
	dput(dentry);				/* the pin */
	inode_unlock(dir);
}

/**
 * simple_read_from_buffer - copy a kernel buffer to user space at *ppos
 * @to: the user's buffer
 * @count: its size
 * @ppos: the file position, advanced by what was copied
 * @from: the kernel's buffer
 * @available: its size
 *
 * The read method of a driver whose contents sit in memory.  Returns the
 * bytes copied (0 at the end) or -EFAULT when nothing could be.
 */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available)
{
	loff_t pos = *ppos;
	size_t left;

	if (pos < 0)
		return -EINVAL;
	if (pos >= (loff_t)available || !count)
		return 0;
	if (count > available - pos)
		count = available - pos;
	left = copy_to_user(to, (const char *)from + pos, count);
	if (left == count)
		return -EFAULT;
	count -= left;
	*ppos = pos + count;
	return count;
}
EXPORT_SYMBOL(simple_read_from_buffer);

/* The write counterpart: into @to, @available bytes long, at *@ppos. */
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count)
{
	loff_t pos = *ppos;
	size_t res;

	if (pos < 0)
		return -EINVAL;
	if (pos >= (loff_t)available || !count)
		return 0;
	if (count > available - pos)
		count = available - pos;
	res = copy_from_user((char *)to + pos, from, count);
	if (res == count)
		return -EFAULT;
	count -= res;
	*ppos = pos + count;
	return count;
}
EXPORT_SYMBOL(simple_write_to_buffer);

/*
 * The mount of an internal filesystem (pipefs, sockfs, anon_inodefs): one
 * superblock per mount with a root directory no one can enter, holding
 * inodes that are never linked into it.  Returns the root with a reference.
 */
struct dentry *mount_pseudo(struct file_system_type *fs_type, int flags, unsigned long magic,
			    const struct super_operations *sops,
			    const struct inode_operations *iops)
{
	struct super_block *sb = sget_nodev(fs_type, flags);
	struct inode *root;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_magic = magic;
	sb->s_op = sops;
	sb->s_flags |= SB_NOUSER;
	root = new_inode(sb);
	if (root) {
		root->i_mode = S_IFDIR | 0500;
		root->i_op = iops;
	}
	sb->s_root = root ? d_make_root(root) : NULL;
	if (!sb->s_root) {
		deactivate_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return dget(sb->s_root);
}
