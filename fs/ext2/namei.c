// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 directory operations.  The VFS holds the parent's i_mutex (both
 * parents and the rename mutex for rename) and has checked permissions;
 * here the directory entries and link counts change.  Each step that
 * allocates comes first, so a failure (ENOSPC) leaves no half-made name:
 * an inode that got no entry is given back.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/string.h>
#include "ext2.h"

static struct dentry *ext2_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	struct ext2_dir_entry_2 *de;
	struct buffer_head *bh;
	struct inode *inode = NULL;
	int err;

	if (dentry->d_name.len > EXT2_NAME_LEN)
		return ERR_PTR(-ENAMETOOLONG);
	de = ext2_find_entry(dir, &dentry->d_name, &bh, &err);
	if (err)
		return ERR_PTR(err);
	if (de) {
		unsigned long ino = de->inode;

		brelse(bh);
		inode = ext2_iget(dir->i_sb, ino);
		if (IS_ERR(inode))
			return ERR_CAST(inode);
	}
	d_add(dentry, inode);
	return NULL;
}

/* A new inode with no entry yet: undo it. */
static void ext2_discard_inode(struct inode *inode)
{
	clear_nlink(inode);
	ext2_write_inode(inode);
	iput(inode);
}

static int ext2_add_nondir(struct dentry *dentry, struct inode *inode)
{
	int err = ext2_add_link(dentry, inode);

	if (err) {
		ext2_discard_inode(inode);
		return err;
	}
	d_instantiate(dentry, inode);
	return 0;
}

static int ext2_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	struct inode *inode = ext2_new_inode(dir, S_IFREG | (mode & 07777));
	int err;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	ext2_set_inode_ops(inode);
	err = ext2_write_inode(inode);
	if (err) {
		ext2_discard_inode(inode);
		return err;
	}
	return ext2_add_nondir(dentry, inode);
}

/*
 * O_TMPFILE: an inode with no name and no link.  Closing the last file
 * frees it like any unlinked file (ext2_evict_inode); linkat() may give
 * it a name.  ext2 keeps no orphan list: after a crash e2fsck finds the
 * allocated, unlinked inode and frees it.
 */
static int ext2_tmpfile(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	struct inode *inode = ext2_new_inode(dir, mode);
	int err;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	ext2_set_inode_ops(inode);
	clear_nlink(inode);
	err = ext2_write_inode(inode);
	if (err) {
		ext2_discard_inode(inode);
		return err;
	}
	d_instantiate(dentry, inode);
	return 0;
}

static int ext2_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t rdev)
{
	struct inode *inode = ext2_new_inode(dir, mode);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	inode->i_rdev = rdev;
	ext2_set_inode_ops(inode);
	ext2_write_inode(inode);
	return ext2_add_nondir(dentry, inode);
}

static int ext2_symlink(struct inode *dir, struct dentry *dentry, const char *symname)
{
	struct super_block *sb = dir->i_sb;
	size_t len = strlen(symname);
	struct inode *inode;
	int err;

	if (len + 1 > sb->s_blocksize)
		return -ENAMETOOLONG;
	inode = ext2_new_inode(dir, S_IFLNK | 0777);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	ext2_set_inode_ops(inode);
	if (len < sizeof(EXT2_I(inode)->i_data)) {
		/* Fast symlink: the target lives in i_block itself. */
		memcpy(EXT2_I(inode)->i_data, symname, len);
	} else {
		struct buffer_head *bh = ext2_bread(inode, 0, true, &err);

		if (!bh) {
			ext2_discard_inode(inode);
			return err ? err : -EIO;
		}
		memcpy(bh->b_data, symname, len);
		mark_buffer_dirty(bh);
		brelse(bh);
	}
	inode->i_size = len;
	ext2_write_inode(inode);
	return ext2_add_nondir(dentry, inode);
}

static int ext2_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(old_dentry);
	int err;

	if (inode->i_nlink >= 65000)
		return -EMLINK;
	inode->i_ctime = current_time(inode);
	inc_nlink(inode);
	ext2_write_inode(inode);
	err = ext2_add_link(dentry, inode);
	if (err) {
		drop_nlink(inode);
		ext2_write_inode(inode);
		return err;
	}
	ihold(inode);
	d_instantiate(dentry, inode);
	return 0;
}

static int ext2_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	struct inode *inode;
	int err;

	if (dir->i_nlink >= 65000)
		return -EMLINK;
	inode = ext2_new_inode(dir, S_IFDIR | (mode & 07777));
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	ext2_set_inode_ops(inode);
	set_nlink(inode, 2);
	err = ext2_make_empty(inode, dir);
	if (err)
		goto fail;
	err = ext2_add_link(dentry, inode);
	if (err)
		goto fail;
	inc_nlink(dir);
	ext2_write_inode(dir);
	d_instantiate(dentry, inode);
	return 0;
fail:
	ext2_truncate_blocks(inode, 0);
	ext2_discard_inode(inode);
	return err;
}

static int ext2_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);
	struct ext2_dir_entry_2 *de;
	struct buffer_head *bh;
	int err;

	de = ext2_find_entry(dir, &dentry->d_name, &bh, &err);
	if (!de)
		return err ? err : -ENOENT;
	if (de->inode != inode->i_ino) {
		brelse(bh);
		return -ENOENT;
	}
	err = ext2_delete_entry(dir, de, bh);
	brelse(bh);
	if (err)
		return err;
	inode->i_ctime = dir->i_ctime;
	drop_nlink(inode);
	return ext2_write_inode(inode);
}

static int ext2_rmdir(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);
	int err;

	if (!ext2_empty_dir(inode))
		return -ENOTEMPTY;
	err = ext2_unlink(dir, dentry);
	if (err)
		return err;
	inode->i_size = 0;
	clear_nlink(inode);
	ext2_write_inode(inode);
	drop_nlink(dir);
	return ext2_write_inode(dir);
}

static int ext2_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		       struct dentry *new_dentry, unsigned int flags)
{
	struct inode *old_inode = d_inode(old_dentry), *new_inode = d_inode(new_dentry);
	struct ext2_dir_entry_2 *old_de, *dir_de = NULL, *new_de;
	struct buffer_head *old_bh, *dir_bh = NULL, *new_bh;
	bool is_dir = S_ISDIR(old_inode->i_mode);
	int err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	old_de = ext2_find_entry(old_dir, &old_dentry->d_name, &old_bh, &err);
	if (!old_de)
		return err ? err : -ENOENT;
	if (is_dir && old_dir != new_dir) {
		dir_de = ext2_dotdot(old_inode, &dir_bh, &err);
		if (!dir_de) {
			err = err ? err : -EUCLEAN;
			goto out_old;
		}
	}
	if (new_inode) {
		if (is_dir && !ext2_empty_dir(new_inode)) {
			err = -ENOTEMPTY;
			goto out_old;
		}
		new_de = ext2_find_entry(new_dir, &new_dentry->d_name, &new_bh, &err);
		if (!new_de) {
			err = err ? err : -ENOENT;
			goto out_old;
		}
		ext2_set_link(new_dir, new_de, new_bh, old_inode);
		brelse(new_bh);
		new_inode->i_ctime = current_time(new_inode);
		if (is_dir) {
			clear_nlink(new_inode);
			new_inode->i_size = 0;
		} else {
			drop_nlink(new_inode);
		}
		ext2_write_inode(new_inode);
	} else {
		if (is_dir && new_dir->i_nlink >= 65000) {
			err = -EMLINK;
			goto out_old;
		}
		err = ext2_add_link(new_dentry, old_inode);
		if (err)
			goto out_old;
		if (is_dir) {
			inc_nlink(new_dir);
			ext2_write_inode(new_dir);
		}
	}
	old_inode->i_ctime = current_time(old_inode);
	ext2_write_inode(old_inode);
	/* The old entry may have moved if the new name went into the same block: find it again. */
	brelse(old_bh);
	old_de = ext2_find_entry(old_dir, &old_dentry->d_name, &old_bh, &err);
	if (!old_de) {
		err = err ? err : -ENOENT;
		goto out_dir;
	}
	err = ext2_delete_entry(old_dir, old_de, old_bh);
	if (err)
		goto out_old;
	if (dir_de) {
		ext2_set_link(old_inode, dir_de, dir_bh, new_dir);
		drop_nlink(old_dir);
		ext2_write_inode(old_dir);
	}
out_old:
	brelse(old_bh);
out_dir:
	brelse(dir_bh);
	return err;
}

const struct inode_operations ext2_dir_inode_operations = {
	.lookup		= ext2_lookup,
	.create		= ext2_create,
	.link		= ext2_link,
	.unlink		= ext2_unlink,
	.symlink	= ext2_symlink,
	.mkdir		= ext2_mkdir,
	.rmdir		= ext2_rmdir,
	.mknod		= ext2_mknod,
	.rename		= ext2_rename,
	.tmpfile	= ext2_tmpfile,
	.setattr	= ext2_setattr,
	.getattr	= ext2_getattr,
	.listxattr	= ext2_listxattr,
};

const struct inode_operations ext2_special_inode_operations = {
	.setattr	= ext2_setattr,
	.getattr	= ext2_getattr,
	.listxattr	= ext2_listxattr,
};
