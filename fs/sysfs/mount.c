// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs: the kernel's objects as a directory tree (/sys).  On Linux each
 * directory is a kobject (a device, a driver, a module) and each file
 * one attribute with a show and a store method.  Lantern has no kobjects
 * yet, so this is the skeleton: a tree whose directories the kernel makes
 * with sysfs_create_dir() and whose files are attributes with show/store
 * (sysfs_create_file), living in the dcache like tmpfs names do.  Users
 * cannot create or remove anything.  Every mount shows the same tree.
 *
 * The top directories are Linux's: kernel (with debug, where debugfs will
 * be mounted), class, devices, module, bus, block, dev, firmware, fs, power.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/uaccess.h>
#include <linux/namei.h>

#define SYSFS_MAGIC	0x62656572

static struct super_block *sysfs_sb;	/* made at boot, lives forever */
static DEFINE_MUTEX(sysfs_tree_lock);	/* serializes creators and removers of names */
/*
 * Held across every show and store, and by removal: once sysfs_remove()
 * has returned, no method of the removed attribute runs or will run, so
 * its owner (a module being unloaded) may free it.  An open file of a
 * removed attribute reads -ENODEV.
 */
static DEFINE_MUTEX(sysfs_active_lock);

static const struct attribute *sysfs_file_attr(struct file *file)
{
	struct dentry *d = file->f_path.dentry;

	return d_unhashed(d) ? NULL : file_inode(file)->i_private;
}

struct dentry *sysfs_root;
struct dentry *kernel_kobj, *class_kobj, *devices_kobj, *module_kobj;
struct dentry *bus_kobj, *block_kobj;

static ssize_t sysfs_attr_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	const struct attribute *attr;
	char *page = kzalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t len;

	if (!page)
		return -ENOMEM;
	mutex_lock(&sysfs_active_lock);
	attr = sysfs_file_attr(file);
	len = !attr ? -ENODEV : attr->show ? attr->show(attr, page) : -EIO;
	mutex_unlock(&sysfs_active_lock);
	if (len > 0 && *pos < len) {
		size_t n = min_t(size_t, count, len - *pos);

		len = copy_to_user(buf, page + *pos, n) ? -EFAULT : (ssize_t)n;
		if (len > 0)
			*pos += len;
	} else if (len >= 0) {
		len = 0;
	}
	kfree(page);
	return len;
}

/* One store per write, of at most a page, as Linux's sysfs does. */
static ssize_t sysfs_attr_write(struct file *file, const char __user *buf, size_t count,
				loff_t *pos)
{
	const struct attribute *attr;
	char *page;
	ssize_t ret;

	if (count >= PAGE_SIZE)
		count = PAGE_SIZE - 1;
	page = kzalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	if (copy_from_user(page, buf, count)) {
		kfree(page);
		return -EFAULT;
	}
	mutex_lock(&sysfs_active_lock);
	attr = sysfs_file_attr(file);
	ret = !attr ? -ENODEV : !attr->store ? -EIO : attr->store(attr, page, count);
	mutex_unlock(&sysfs_active_lock);
	kfree(page);
	return ret;
}

/* An attribute without store is not writable, even by root (as kernfs). */
static int sysfs_attr_open(struct inode *inode, struct file *file)
{
	const struct attribute *attr = inode->i_private;

	if ((file->f_mode & FMODE_WRITE) && (!(inode->i_mode & 0222) || !attr->store))
		return -EACCES;
	if ((file->f_mode & FMODE_READ) && (!(inode->i_mode & 0444) || !attr->show))
		return -EACCES;
	return 0;
}

static const struct file_operations sysfs_file_operations = {
	.open		= sysfs_attr_open,
	.read		= sysfs_attr_read,
	.write		= sysfs_attr_write,
	.llseek		= generic_file_llseek,
};

static const struct inode_operations sysfs_dir_inode_operations = {
	.lookup		= simple_lookup,
	.getattr	= simple_getattr,
};

static const struct inode_operations sysfs_file_inode_operations;

static int sysfs_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = SYSFS_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

static const struct super_operations sysfs_ops = {
	.statfs		= sysfs_statfs,
};

static struct inode *sysfs_new_inode(umode_t mode)
{
	struct inode *inode = new_inode(sysfs_sb);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	if (S_ISDIR(mode)) {
		inode->i_op = &sysfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inode->i_nlink = 2;
	} else {
		inode->i_op = &sysfs_file_inode_operations;	/* the VFS calls through i_op */
		inode->i_fop = &sysfs_file_operations;
		inode->i_size = PAGE_SIZE;	/* what Linux reports: the most a show may print */
	}
	return inode;
}

/* A name @name in @parent for a new inode of @mode, pinned like a tmpfs name. */
static struct dentry *sysfs_add(struct dentry *parent, const char *name, umode_t mode,
				void *private)
{
	struct inode *inode;
	struct dentry *dentry;

	inode = sysfs_new_inode(mode);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_private = private;
	mutex_lock(&sysfs_tree_lock);
	dentry = simple_create_pinned(parent, name, inode);
	mutex_unlock(&sysfs_tree_lock);
	return dentry;
}

struct dentry *sysfs_create_dir(struct dentry *parent, const char *name)
{
	return sysfs_add(parent ? parent : sysfs_root, name, S_IFDIR | 0755, NULL);
}

int sysfs_create_file(struct dentry *parent, const struct attribute *attr)
{
	umode_t mode = S_IFREG | (attr->mode & 0777);
	struct dentry *d = sysfs_add(parent ? parent : sysfs_root, attr->name, mode,
				     (void *)attr);

	if (IS_ERR(d))
		return PTR_ERR(d);
	dput(d);
	return 0;
}

/**
 * sysfs_remove - take a file or a whole directory out of /sys
 * @dentry: what sysfs_create_dir() returned, or a file's dentry
 *
 * When this returns, no show or store of anything removed is running,
 * and none will start.  The caller's own reference to @dentry is dropped.
 */
void sysfs_remove(struct dentry *dentry)
{
	if (IS_ERR_OR_NULL(dentry))
		return;
	mutex_lock(&sysfs_tree_lock);
	mutex_lock(&sysfs_active_lock);
	if (!d_unhashed(dentry))
		simple_remove_pinned(dentry);
	mutex_unlock(&sysfs_active_lock);
	mutex_unlock(&sysfs_tree_lock);
	dput(dentry);
}

void sysfs_remove_file(struct dentry *parent, const struct attribute *attr)
{
	struct dentry *d;

	inode_lock(d_inode(parent));
	d = lookup_one_len(attr->name, parent, strlen(attr->name));
	inode_unlock(d_inode(parent));
	if (IS_ERR(d))
		return;
	if (d_inode(d))
		sysfs_remove(d);
	else
		dput(d);
}

static struct file_system_type sysfs_fs_type;

/* The tree is the kernel's: every mount shows it and none ends it. */
static struct dentry *sysfs_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_single_sb(sysfs_sb);
}

static struct file_system_type sysfs_fs_type = {
	.name		= "sysfs",
	.mount		= sysfs_mount,
	.kill_sb	= kill_single_super,
};

static struct dentry *__init sysfs_top(const char *name)
{
	struct dentry *d = sysfs_create_dir(NULL, name);

	return IS_ERR(d) ? NULL : d;
}

static int __init sysfs_init(void)
{
	static const char *const others[] = { "dev", "firmware", "fs", "power" };
	struct inode *root;

	sysfs_sb = sget_nodev(&sysfs_fs_type, 0);
	if (!sysfs_sb)
		return -ENOMEM;
	sysfs_sb->s_magic = SYSFS_MAGIC;
	sysfs_sb->s_op = &sysfs_ops;
	/* The boot's own reference: the superblock never goes. */
	root = sysfs_new_inode(S_IFDIR | 0555);
	sysfs_sb->s_root = d_make_root(root);
	if (!sysfs_sb->s_root)
		return -ENOMEM;
	sysfs_root = sysfs_sb->s_root;
	kernel_kobj = sysfs_top("kernel");
	class_kobj = sysfs_top("class");
	devices_kobj = sysfs_top("devices");
	module_kobj = sysfs_top("module");
	bus_kobj = sysfs_top("bus");		/* PCI (drivers/pci), virtio */
	block_kobj = sysfs_top("block");	/* disks (block/genhd.c) */
	for (unsigned int i = 0; i < ARRAY_SIZE(others); i++)
		sysfs_top(others[i]);
	if (kernel_kobj) {
		sysfs_create_dir(kernel_kobj, "debug");	/* debugfs's mount point */
		sysfs_create_dir(kernel_kobj, "tracing");	/* tracefs's */
	}
	return register_filesystem(&sysfs_fs_type);
}
core_initcall(sysfs_init);
