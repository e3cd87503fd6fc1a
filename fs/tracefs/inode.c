// SPDX-License-Identifier: GPL-2.0
/*
 * tracefs: where ftrace's control files live (kernel/trace/).  It is
 * mounted at /sys/kernel/tracing ("mount -t tracefs nodev
 * /sys/kernel/tracing"), and, as on Linux, it also appears by itself at
 * /sys/kernel/debug/tracing the first time someone walks in there once
 * debugfs is mounted (an automount), so the seed's commands work as
 * written.
 *
 * Like debugfs it is one tree made at boot, the same in every mount, and
 * only root may enter; unlike debugfs it holds nothing but tracing.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/tracefs.h>
#include <linux/debugfs.h>
#include <linux/mount.h>
#include <linux/mutex.h>
#include <linux/err.h>
#include <asm/page.h>

#define TRACEFS_MAGIC	0x74726163

static struct super_block *tracefs_sb;
static DEFINE_MUTEX(tracefs_lock);	/* serializes the creators of names */

static const struct inode_operations tracefs_dir_inode_operations = {
	.lookup		= simple_lookup,
	.getattr	= simple_getattr,
};

static const struct inode_operations tracefs_file_inode_operations = {
	.getattr	= simple_getattr,
};

static int tracefs_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = TRACEFS_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

static const struct super_operations tracefs_super_operations = {
	.statfs		= tracefs_statfs,
};

static struct inode *tracefs_get_inode(umode_t mode)
{
	struct inode *inode = new_inode(tracefs_sb);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	if (S_ISDIR(mode)) {
		inode->i_op = &tracefs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inode->i_nlink = 2;
	} else {
		inode->i_op = &tracefs_file_inode_operations;
	}
	return inode;
}

static struct dentry *tracefs_create(const char *name, umode_t mode, struct dentry *parent,
				     void *data, const struct file_operations *fops)
{
	struct inode *inode;
	struct dentry *dentry;

	if (!tracefs_sb)
		return ERR_PTR(-ENOENT);
	inode = tracefs_get_inode(mode);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_private = data;
	if (fops)
		inode->i_fop = fops;
	mutex_lock(&tracefs_lock);
	dentry = simple_create_pinned(parent ? parent : tracefs_sb->s_root, name, inode);
	mutex_unlock(&tracefs_lock);
	if (IS_ERR(dentry))
		pr_err("tracefs: '%s' cannot be created: %ld\n", name, PTR_ERR(dentry));
	else
		dput(dentry);	/* pinned for the life of the kernel */
	return dentry;
}

struct dentry *tracefs_create_file(const char *name, umode_t mode, struct dentry *parent,
				   void *data, const struct file_operations *fops)
{
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	return tracefs_create(name, mode, parent, data, fops);
}

struct dentry *tracefs_create_dir(const char *name, struct dentry *parent)
{
	return tracefs_create(name, S_IFDIR | 0700, parent, NULL, NULL);
}

/* Take away @dentry and everything under it (a deleted kprobe event's folder). */
void tracefs_remove(struct dentry *dentry)
{
	if (IS_ERR_OR_NULL(dentry))
		return;
	mutex_lock(&tracefs_lock);
	simple_remove_pinned(dentry);
	mutex_unlock(&tracefs_lock);
}

static struct dentry *tracefs_mount(struct file_system_type *fs_type, int flags,
				    const char *dev_name, void *data)
{
	return mount_single_sb(tracefs_sb);
}

static struct file_system_type tracefs_fs_type = {
	.name		= "tracefs",
	.mount		= tracefs_mount,
	.kill_sb	= kill_single_super,
};

static struct vfsmount *trace_automount(struct dentry *mntpt, void *data)
{
	return kern_mount("tracefs");
}

static int __init tracefs_init(void)
{
	struct inode *root;
	int err;

	tracefs_sb = sget_nodev(&tracefs_fs_type, 0);
	if (!tracefs_sb)
		return -ENOMEM;
	tracefs_sb->s_magic = TRACEFS_MAGIC;
	tracefs_sb->s_op = &tracefs_super_operations;
	root = tracefs_get_inode(S_IFDIR | 0700);
	tracefs_sb->s_root = d_make_root(root);
	if (!tracefs_sb->s_root) {
		tracefs_sb = NULL;
		return -ENOMEM;
	}
	err = register_filesystem(&tracefs_fs_type);
	if (err)
		return err;
	debugfs_create_automount("tracing", NULL, trace_automount, NULL);
	return 0;
}
/* After debugfs (core), before the tracer fills the tree (fs_initcall). */
postcore_initcall(tracefs_init);
