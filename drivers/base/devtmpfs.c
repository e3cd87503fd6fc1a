// SPDX-License-Identifier: GPL-2.0
/*
 * devtmpfs: /dev kept by the kernel.  One tmpfs instance, made at boot,
 * holds a node for every character device that exists; mounting
 * "devtmpfs" anywhere shows that same instance (mount -t devtmpfs none
 * /dev), so nodes created before the mount are there, and a device
 * registered later appears in every mount at once.
 *
 * Linux learns a node's name from the struct device a driver creates;
 * Lantern has no driver model yet, so cdev_add reports the numbers and
 * the names come from the table of Linux's fixed device numbers below
 * (Documentation/admin-guide/devices.txt).  A driver with a name of its
 * own calls devtmpfs_create_node directly.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cred.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/namei.h>
#include <linux/string.h>

static struct super_block *dev_sb;	/* the one instance */

static const struct {
	unsigned int major, minor;
	const char *name;
	umode_t mode;
} devtmpfs_names[] = {
	{ 1, 3, "null", 0666 },
	{ 1, 5, "zero", 0666 },
	{ 1, 7, "full", 0666 },
	{ 1, 8, "random", 0666 },
	{ 1, 9, "urandom", 0666 },
	{ 1, 11, "kmsg", 0644 },
	{ 4, 64, "ttyS0", 0660 },
	{ 5, 0, "tty", 0666 },
	{ 5, 1, "console", 0600 },
	{ 5, 2, "ptmx", 0666 },
};

int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	struct dentry *root, *dentry;
	struct inode *dir;
	int err;

	if (!dev_sb)
		return -ENODEV;
	root = dev_sb->s_root;
	dir = d_inode(root);
	inode_lock(dir);
	dentry = lookup_one_len(name, root, strlen(name));
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		/* A node already there (registered twice, or made by mknod) stays. */
		err = d_inode(dentry) ? -EEXIST : dir->i_op->mknod(dir, dentry, mode, dev);
		dput(dentry);
	}
	inode_unlock(dir);
	return err;
}

/* device_destroy's: the node goes if it is still the device's own. */
int devtmpfs_delete_node(const char *name, dev_t dev)
{
	struct dentry *root, *dentry;
	struct inode *dir;
	int err;

	if (!dev_sb)
		return -ENODEV;
	root = dev_sb->s_root;
	dir = d_inode(root);
	inode_lock(dir);
	dentry = lookup_one_len(name, root, strlen(name));
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		struct inode *inode = d_inode(dentry);

		if (!inode || !S_ISCHR(inode->i_mode) || inode->i_rdev != dev) {
			err = -ENOENT;
		} else {
			err = dir->i_op->unlink(dir, dentry);
			if (!err)
				d_delete(dentry);
		}
		dput(dentry);
	}
	inode_unlock(dir);
	return err;
}

/* cdev_add's report: nodes for the known names in [dev, dev + count). */
void devtmpfs_cdev_added(dev_t dev, unsigned int count)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(devtmpfs_names); i++) {
		dev_t d = MKDEV(devtmpfs_names[i].major, devtmpfs_names[i].minor);

		if (d >= dev && d < dev + count)
			devtmpfs_create_node(devtmpfs_names[i].name,
					     S_IFCHR | devtmpfs_names[i].mode, d);
	}
}

/* The instance is the kernel's: the boot reference keeps it. */
static struct dentry *devtmpfs_mount(struct file_system_type *fs_type, int flags,
				     const char *dev_name, void *data)
{
	return mount_single_sb(dev_sb);
}

static struct file_system_type dev_fs_type = {
	.name		= "devtmpfs",
	.mount		= devtmpfs_mount,
	.kill_sb	= kill_single_super,
};

/*
 * tmpfs makes the instance; giving its ->mount our type makes the
 * superblock say "devtmpfs" in /proc/mounts, as on Linux.  Runs before
 * the drivers' fs_initcalls register their devices.
 */
static struct file_system_type dev_internal_type = {
	.name		= "devtmpfs",
	.kill_sb	= kill_litter_super,
};

static int __init devtmpfs_init(void)
{
	struct file_system_type *tmpfs = get_fs_type("tmpfs");
	struct dentry *root;

	if (!tmpfs)
		return -ENODEV;
	root = tmpfs->mount(&dev_internal_type, 0, "devtmpfs", NULL);
	if (IS_ERR(root))
		return PTR_ERR(root);
	dev_sb = root->d_sb;
	d_inode(root)->i_mode = S_IFDIR | 0755;
	return register_filesystem(&dev_fs_type);
}
core_initcall(devtmpfs_init);
