// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs: a filesystem with no rules, for kernel developers.  Any code
 * may put a file with its own file_operations into it (dynamic debug's
 * control file, and later tracing's), and nothing in it is ABI.  It
 * lives at /sys/kernel/debug once mounted there
 * ("mount -t debugfs none /sys/kernel/debug"), and only root may enter.
 *
 * Like sysfs, the tree exists from boot (files can be created before
 * anyone mounts it), every mount shows the same tree, and each name is
 * pinned in the dcache until debugfs_remove().
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/debugfs.h>
#include <linux/mutex.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/dcache.h>
#include <asm/page.h>

#define DEBUGFS_MAGIC	0x64626720

static struct super_block *debugfs_sb;
static DEFINE_MUTEX(debugfs_lock);

static const struct inode_operations debugfs_dir_inode_operations = {
	.lookup		= simple_lookup,
	.getattr	= simple_getattr,
};

static const struct inode_operations debugfs_file_inode_operations = {
	.getattr	= simple_getattr,
};

static int debugfs_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = DEBUGFS_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

static const struct super_operations debugfs_super_operations = {
	.statfs		= debugfs_statfs,
};

static struct inode *debugfs_get_inode(umode_t mode)
{
	struct inode *inode = new_inode(debugfs_sb);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	if (S_ISDIR(mode)) {
		inode->i_op = &debugfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inode->i_nlink = 2;
	} else {
		inode->i_op = &debugfs_file_inode_operations;
	}
	return inode;
}

static struct dentry *debugfs_create(const char *name, umode_t mode, struct dentry *parent,
				     void *data, const struct file_operations *fops)
{
	struct inode *inode;
	struct dentry *dentry;

	if (!debugfs_sb)
		return ERR_PTR(-ENOENT);
	inode = debugfs_get_inode(mode);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_private = data;
	if (fops)
		inode->i_fop = fops;
	mutex_lock(&debugfs_lock);
	dentry = simple_create_pinned(parent ? parent : debugfs_sb->s_root, name, inode);
	mutex_unlock(&debugfs_lock);
	if (IS_ERR(dentry))
		pr_err("debugfs: '%s' cannot be created: %ld\n", name, PTR_ERR(dentry));
	else
		dput(dentry);	/* the pin keeps it until debugfs_remove() */
	return dentry;
}

struct dentry *debugfs_create_file(const char *name, umode_t mode, struct dentry *parent,
				   void *data, const struct file_operations *fops)
{
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	return debugfs_create(name, mode, parent, data, fops);
}
EXPORT_SYMBOL_GPL(debugfs_create_file);

struct dentry *debugfs_create_dir(const char *name, struct dentry *parent)
{
	return debugfs_create(name, S_IFDIR | 0700, parent, NULL, NULL);
}
EXPORT_SYMBOL_GPL(debugfs_create_dir);

static struct vfsmount *debugfs_automount(struct path *path)
{
	debugfs_automount_t f = d_inode(path->dentry)->i_private;

	return f(path->dentry, NULL);
}

static const struct dentry_operations debugfs_automount_dops = {
	.d_automount	= debugfs_automount,
};

/*
 * A directory that another filesystem is mounted on the first time a
 * path walk enters it: tracefs at /sys/kernel/debug/tracing, so the old
 * path keeps working without anyone mounting tracefs by hand.
 */
struct dentry *debugfs_create_automount(const char *name, struct dentry *parent,
					debugfs_automount_t f, void *data)
{
	struct dentry *dentry = debugfs_create(name, S_IFDIR | 0700, parent, f, NULL);

	if (IS_ERR(dentry))
		return dentry;
	dentry->d_op = &debugfs_automount_dops;
	dentry->d_flags |= DCACHE_NEED_AUTOMOUNT;
	return dentry;
}

/*
 * Remove a file or a directory and all below it.  Unlike sysfs, an open
 * file keeps its fops: as on Linux, the caller must make sure no one can
 * still be inside them (a module removes its files before it goes).
 */
void debugfs_remove(struct dentry *dentry)
{
	if (IS_ERR_OR_NULL(dentry))
		return;
	mutex_lock(&debugfs_lock);
	if (!d_unhashed(dentry) && d_inode(dentry))
		simple_remove_pinned(dentry);
	mutex_unlock(&debugfs_lock);
}
EXPORT_SYMBOL_GPL(debugfs_remove);

static struct dentry *debugfs_mount(struct file_system_type *fs_type, int flags,
				    const char *dev_name, void *data)
{
	return mount_single_sb(debugfs_sb);
}

static struct file_system_type debugfs_fs_type = {
	.name		= "debugfs",
	.mount		= debugfs_mount,
	.kill_sb	= kill_single_super,
};

static int __init debugfs_init(void)
{
	struct inode *root;

	debugfs_sb = sget_nodev(&debugfs_fs_type, 0);
	if (!debugfs_sb)
		return -ENOMEM;
	debugfs_sb->s_magic = DEBUGFS_MAGIC;
	debugfs_sb->s_op = &debugfs_super_operations;
	root = debugfs_get_inode(S_IFDIR | 0700);
	debugfs_sb->s_root = d_make_root(root);
	if (!debugfs_sb->s_root) {
		debugfs_sb = NULL;
		return -ENOMEM;
	}
	return register_filesystem(&debugfs_fs_type);
}
core_initcall(debugfs_init);
