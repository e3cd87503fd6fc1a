// SPDX-License-Identifier: GPL-2.0
/*
 * anon_inodefs: the home of files that have no name (see
 * <linux/anon_inodes.h>).  Like Linux, all of them share a single inode,
 * since nothing about them lives in the inode: the file's private_data
 * holds the object (an eventfd counter, a timer) and f_op says what it
 * is.  Each file gets its own unhashed dentry carrying its kind's name.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/init.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#define ANON_INODE_FS_MAGIC	0x09041934

static struct vfsmount *anon_inode_mnt;
static struct inode *anon_inode_inode;

static const struct inode_operations anon_inode_iops = {
};

/* A new file of kind @name ("[eventfd]") on @inode, whose reference it takes. */
static struct file *__anon_inode_getfile(const char *name, const struct file_operations *fops,
					 void *priv, int flags, struct inode *inode)
{
	char buf[64];
	struct qstr q;
	struct path path;
	struct file *file;
	fmode_t mode = 0;

	snprintf(buf, sizeof(buf), "anon_inode:%s", name);
	q = (struct qstr)QSTR_INIT(buf, strlen(buf));
	path.dentry = d_alloc(anon_inode_mnt->mnt_root, &q);
	if (!path.dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	d_drop(path.dentry);
	d_instantiate(path.dentry, inode);
	path.mnt = mntget(anon_inode_mnt);

	if ((flags & O_ACCMODE) != O_WRONLY)
		mode |= FMODE_READ;
	if ((flags & O_ACCMODE) != O_RDONLY)
		mode |= FMODE_WRITE;
	/* The last fput drops this, as for any file whose fops a module provides. */
	if (!try_module_get(fops->owner)) {
		file = ERR_PTR(-ENOENT);
		goto out;
	}
	file = alloc_empty_file(flags & (O_ACCMODE | O_NONBLOCK), mode);
	if (IS_ERR(file)) {
		module_put(fops->owner);
		goto out;
	}
	file->f_path = path;
	path_get(&path);
	file->f_inode = inode;
	file->f_mapping = inode->i_mapping;	/* an mmap (io_uring's rings) lists its areas there */
	file->f_op = fops;
	file->private_data = priv;
out:
	path_put(&path);
	return file;
}

/* A new file of kind @name ("[eventfd]") on the shared inode. */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags)
{
	if (!anon_inode_mnt)
		return ERR_PTR(-ENODEV);
	ihold(anon_inode_inode);
	return __anon_inode_getfile(name, fops, priv, flags, anon_inode_inode);
}

static int anon_inode_install(const char *name, const struct file_operations *fops,
			      void *priv, int flags, struct inode *inode)
{
	struct file *file;
	int fd = get_unused_fd_flags(flags);

	if (fd < 0) {
		iput(inode);
		return fd;
	}
	file = __anon_inode_getfile(name, fops, priv, flags, inode);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	return fd;
}

/* As anon_inode_getfile, installed in a new descriptor (O_CLOEXEC honoured). */
int anon_inode_getfd(const char *name, const struct file_operations *fops,
		     void *priv, int flags)
{
	if (!anon_inode_mnt)
		return -ENODEV;
	ihold(anon_inode_inode);
	return anon_inode_install(name, fops, priv, flags, anon_inode_inode);
}

/*
 * A file whose fstat must tell it apart from other anonymous files: a
 * namespace handed out by NS_GET_PARENT is identified by its st_ino, as
 * on Linux's nsfs, so it gets an inode of its own.
 */
int anon_inode_getfd_ino(const char *name, const struct file_operations *fops,
			 void *priv, int flags, unsigned long ino)
{
	struct inode *inode;

	if (!anon_inode_mnt)
		return -ENODEV;
	inode = new_inode(anon_inode_mnt->mnt_sb);
	if (!inode)
		return -ENOMEM;
	inode->i_ino = ino;
	inode->i_mode = S_IFREG | 0444;
	inode->i_op = &anon_inode_iops;
	return anon_inode_install(name, fops, priv, flags, inode);
}

static const struct super_operations anon_inodefs_sops = {
};

static struct dentry *anon_inodefs_mount(struct file_system_type *fs_type, int flags,
					 const char *dev_name, void *data)
{
	return mount_pseudo(fs_type, flags, ANON_INODE_FS_MAGIC, &anon_inodefs_sops,
			    &anon_inode_iops);
}

static struct file_system_type anon_inode_fs_type = {
	.name		= "anon_inodefs",
	.mount		= anon_inodefs_mount,
	.kill_sb	= kill_litter_super,
};

static int __init anon_inode_init(void)
{
	int err = register_filesystem(&anon_inode_fs_type);

	if (err)
		return err;
	anon_inode_mnt = kern_mount("anon_inodefs");
	if (IS_ERR(anon_inode_mnt))
		panic("cannot mount anon_inodefs: %ld", PTR_ERR(anon_inode_mnt));
	anon_inode_inode = new_inode(anon_inode_mnt->mnt_sb);
	if (!anon_inode_inode)
		panic("cannot make the anonymous inode");
	/* Linux's anonymous inode: no type bits, owner-only rw. */
	anon_inode_inode->i_mode = S_IRUSR | S_IWUSR;
	anon_inode_inode->i_uid = 0;
	anon_inode_inode->i_gid = 0;
	anon_inode_inode->i_op = &anon_inode_iops;
	return 0;
}
fs_initcall(anon_inode_init);
