// SPDX-License-Identifier: GPL-2.0
/*
 * devpts: the /dev/pts directory, where each pseudo-terminal's slave has
 * a node named by its number, made when /dev/ptmx makes the pair and
 * removed when the master closes (drivers/tty/pty.c).  The node belongs
 * to whoever opened /dev/ptmx, mode 0620, so grantpt() has nothing left
 * to do.  "ptmx" in it is another way to /dev/ptmx (mode 0000, as Linux
 * mounts it by default).  Lantern keeps one instance: every mount shows
 * the same ptys (Linux's behaviour before private instances).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/tty.h>

#define DEVPTS_SUPER_MAGIC	0x1cd1
#define PTMX_DEV		MKDEV(5, 2)

static struct super_block *devpts_sb;
static struct vfsmount *devpts_vfsmnt;	/* for TIOCGPTPEER's path */

static const struct inode_operations devpts_dir_inode_operations = {
	.lookup		= simple_lookup,
	.getattr	= simple_getattr,
};

/* chmod/chown on a node (old grantpt implementations do them). */
static const struct inode_operations devpts_node_inode_operations = {
	.setattr	= simple_setattr,
	.getattr	= simple_getattr,
};

static int devpts_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = DEVPTS_SUPER_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

static const struct super_operations devpts_sops = {
	.statfs		= devpts_statfs,
};

static struct dentry *devpts_add(const char *name, umode_t mode, dev_t dev, uid_t uid, gid_t gid)
{
	struct dentry *root = devpts_sb->s_root, *dentry;
	struct inode *dir = d_inode(root), *inode;

	inode_lock(dir);
	dentry = lookup_one_len(name, root, strlen(name));
	if (IS_ERR(dentry))
		goto out;
	if (d_inode(dentry)) {
		dput(dentry);
		dentry = ERR_PTR(-EEXIST);
		goto out;
	}
	inode = new_inode(devpts_sb);
	if (!inode) {
		dput(dentry);
		dentry = ERR_PTR(-ENOMEM);
		goto out;
	}
	init_special_inode(inode, mode, dev);
	inode->i_op = &devpts_node_inode_operations;
	inode->i_uid = uid;
	inode->i_gid = gid;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	d_instantiate(dentry, inode);
	/* The reference lookup gave pins the name until devpts_pty_kill. */
out:
	inode_unlock(dir);
	return dentry;
}

int devpts_pty_new(int index, dev_t dev)
{
	struct dentry *dentry;
	char name[16];

	if (!devpts_sb)
		return -ENODEV;
	snprintf(name, sizeof(name), "%d", index);
	dentry = devpts_add(name, S_IFCHR | 0620, dev, current_fsuid(), current_fsgid());
	return PTR_ERR_OR_ZERO(dentry);
}

void devpts_pty_kill(int index)
{
	struct dentry *root = devpts_sb->s_root, *dentry;
	struct inode *dir = d_inode(root);
	char name[16];

	snprintf(name, sizeof(name), "%d", index);
	inode_lock(dir);
	dentry = lookup_one_len(name, root, strlen(name));
	if (!IS_ERR(dentry)) {
		if (d_inode(dentry)) {
			simple_unlink(dir, dentry);	/* drops the pin */
			d_delete(dentry);
		}
		dput(dentry);
	}
	inode_unlock(dir);
}

struct vfsmount *devpts_mnt(void)
{
	return devpts_vfsmnt;
}

static struct dentry *devpts_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	return mount_single_sb(devpts_sb);
}

static struct file_system_type devpts_fs_type = {
	.name		= "devpts",
	.mount		= devpts_mount,
	.kill_sb	= kill_single_super,
};

static int __init devpts_init(void)
{
	struct inode *root;
	struct dentry *ptmx;
	int err;

	devpts_sb = sget_nodev(&devpts_fs_type, 0);
	if (!devpts_sb)
		return -ENOMEM;
	devpts_sb->s_magic = DEVPTS_SUPER_MAGIC;
	devpts_sb->s_op = &devpts_sops;
	root = new_inode(devpts_sb);
	if (!root)
		return -ENOMEM;
	root->i_mode = S_IFDIR | 0755;
	root->i_op = &devpts_dir_inode_operations;
	root->i_fop = &simple_dir_operations;
	root->i_nlink = 2;
	root->i_atime = root->i_mtime = root->i_ctime = current_time(root);
	devpts_sb->s_root = d_make_root(root);
	if (!devpts_sb->s_root)
		return -ENOMEM;
	ptmx = devpts_add("ptmx", S_IFCHR, PTMX_DEV, 0, 0);
	if (IS_ERR(ptmx))
		return PTR_ERR(ptmx);
	err = register_filesystem(&devpts_fs_type);
	if (err)
		return err;
	devpts_vfsmnt = kern_mount("devpts");
	return IS_ERR(devpts_vfsmnt) ? PTR_ERR(devpts_vfsmnt) : 0;
}
fs_initcall(devpts_init);
