// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs: a filesystem that lives in memory only; the root filesystem at
 * boot (the initramfs is unpacked into it) and whatever is mounted with
 * "mount -t tmpfs".  Its directories are the dcache itself (fs/libfs.c):
 * each name is a pinned dentry; its files keep their contents in the
 * page cache (fs/ramfs/file.c); symlinks keep their target string; device nodes
 * and FIFOs are plain inodes whose i_rdev and type the VFS acts on.
 * "ramfs" is registered as the same filesystem.
 *
 * An internal mount (shm_mnt) holds the files that have no name:
 * shared anonymous memory and memfd_create's files.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mount.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>
#include <linux/vmstat.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "tmpfs.h"

static struct kmem_cache *shmem_inode_cachep;
static const struct super_operations shmem_ops;
static const struct inode_operations shmem_dir_inode_operations;

static struct inode *shmem_alloc_inode(struct super_block *sb)
{
	struct shmem_inode_info *info = kmem_cache_zalloc(shmem_inode_cachep, GFP_KERNEL);

	return info ? &info->vfs_inode : NULL;
}

static void shmem_free_inode(struct inode *inode)
{
	struct shmem_inode_info *info = SHMEM_I(inode);

	if (S_ISLNK(inode->i_mode))
		kfree(inode->i_link);
	kmem_cache_free(shmem_inode_cachep, info);
}

static int shmem_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	unsigned long max = totalram_pages() / 2, used = global_node_page_state(NR_SHMEM);

	buf->f_type = TMPFS_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	buf->f_blocks = max;
	buf->f_bfree = buf->f_bavail = used < max ? max - used : 0;
	buf->f_files = max;
	buf->f_ffree = max;
	return 0;
}

struct inode *shmem_get_inode(struct super_block *sb, const struct inode *dir,
			      umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode_init_owner(inode, dir, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &shmem_file_inode_operations;
		inode->i_fop = &shmem_file_operations;
		inode->i_mapping->a_ops = &shmem_aops;
		SHMEM_I(inode)->seals = F_SEAL_SEAL;	/* only memfds may be sealed */
		break;
	case S_IFDIR:
		inode->i_op = &shmem_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);	/* "." */
		break;
	case S_IFLNK:
		inode->i_op = &simple_symlink_inode_operations;
		break;
	default:
		inode->i_op = &shmem_file_inode_operations;
		init_special_inode(inode, inode->i_mode, dev);
		break;
	}
	return inode;
}

static int shmem_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = shmem_get_inode(dir->i_sb, dir, mode, dev);

	if (!inode)
		return -ENOSPC;
	d_instantiate(dentry, inode);
	dget(dentry);		/* the pin: tmpfs names live in the dcache */
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

static int shmem_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	return shmem_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int shmem_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = shmem_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);	/* the child's ".." */
	return err;
}

static int shmem_symlink(struct inode *dir, struct dentry *dentry, const char *symname)
{
	size_t len = strlen(symname);
	struct inode *inode;
	char *target;

	if (len + 1 > PAGE_SIZE)
		return -ENAMETOOLONG;
	target = kstrdup(symname, GFP_KERNEL);
	if (!target)
		return -ENOSPC;
	inode = shmem_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (!inode) {
		kfree(target);
		return -ENOSPC;
	}
	inode->i_link = target;
	inode->i_size = len;
	d_instantiate(dentry, inode);
	dget(dentry);
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

static const struct inode_operations shmem_dir_inode_operations = {
	.lookup		= simple_lookup,
	.create		= shmem_create,
	.link		= simple_link,
	.unlink		= simple_unlink,
	.symlink	= shmem_symlink,
	.mkdir		= shmem_mkdir,
	.rmdir		= simple_rmdir,
	.mknod		= shmem_mknod,
	.rename		= simple_rename,
	.getattr	= simple_getattr,
};

static const struct super_operations shmem_ops = {
	.alloc_inode	= shmem_alloc_inode,
	.free_inode	= shmem_free_inode,
	.statfs		= shmem_statfs,
};

static struct dentry *shmem_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	struct super_block *sb = sget_nodev(fs_type, flags);
	struct inode *root;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_magic = TMPFS_MAGIC;
	sb->s_op = &shmem_ops;
	root = shmem_get_inode(sb, NULL, S_IFDIR | 01777, 0);
	sb->s_root = d_make_root(root);
	if (!sb->s_root) {
		deactivate_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return dget(sb->s_root);
}

/* The mount holds the root dentry the mount returned; drop the sb's own. */
static void shmem_kill_sb(struct super_block *sb)
{
	kill_litter_super(sb);
}

static struct file_system_type shmem_fs_type = {
	.name		= "tmpfs",
	.mount		= shmem_mount,
	.kill_sb	= shmem_kill_sb,
};

static struct file_system_type ramfs_fs_type = {
	.name		= "ramfs",
	.mount		= shmem_mount,
	.kill_sb	= shmem_kill_sb,
};

static struct vfsmount *shm_mnt;

/*
 * An unlinked tmpfs file on the internal mount, open read-write: found
 * by no path, freed with its last reference.  /proc shows @name with
 * " (deleted)".
 */
struct file *shmem_file_setup(const char *name, loff_t size, unsigned long flags)
{
	struct qstr q = QSTR_INIT(name, strlen(name));
	struct inode *inode;
	struct path path;
	struct file *file;

	if (IS_ERR_OR_NULL(shm_mnt))
		return ERR_PTR(-ENOMEM);
	if (size < 0 || size > MAX_LFS_FILESIZE)
		return ERR_PTR(-EINVAL);
	inode = shmem_get_inode(shm_mnt->mnt_sb, NULL, S_IFREG | 0777, 0);
	if (!inode)
		return ERR_PTR(-ENOSPC);
	inode->i_size = size;
	clear_nlink(inode);
	path.dentry = d_alloc(shm_mnt->mnt_root, &q);
	if (!path.dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	d_drop(path.dentry);	/* never found by name: freed on the last dput */
	d_instantiate(path.dentry, inode);
	path.mnt = mntget(shm_mnt);
	file = dentry_open(&path, O_RDWR | O_LARGEFILE | (flags & O_CLOEXEC));
	path_put(&path);
	return file;
}

/* MAP_SHARED|MAP_ANONYMOUS: the area maps a fresh tmpfs file of its size. */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *file = shmem_file_setup("dev/zero", vma->vm_end - vma->vm_start, 0);

	if (IS_ERR(file))
		return PTR_ERR(file);
	vma->vm_file = file;
	vma->vm_pgoff = 0;
	vma->vm_ops = &generic_file_vm_ops;
	vma_link_file(vma);
	return 0;
}

unsigned int *memfd_file_seals_ptr(struct file *file)
{
	if (file->f_op != &shmem_file_operations)
		return NULL;
	return &SHMEM_I(file_inode(file))->seals;
}

int __init init_tmpfs(void)
{
	shmem_inode_cachep = kmem_cache_create("shmem_inode_cache",
					       sizeof(struct shmem_inode_info), 0, 0, NULL);
	if (!shmem_inode_cachep)
		return -ENOMEM;
	register_filesystem(&shmem_fs_type);
	return register_filesystem(&ramfs_fs_type);
}

/* After the root is mounted, so the root keeps the first device number. */
static int __init init_shm_mnt(void)
{
	shm_mnt = kern_mount("tmpfs");
	if (IS_ERR(shm_mnt))
		panic("cannot mount the internal tmpfs: %ld", PTR_ERR(shm_mnt));
	return 0;
}
fs_initcall(init_shm_mnt);
