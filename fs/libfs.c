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
			d->d_count++;
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
