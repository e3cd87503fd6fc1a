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
#include <linux/exportfs.h>
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
static const struct inode_operations shmem_symlink_inode_operations;

static struct inode *shmem_alloc_inode(struct super_block *sb)
{
	struct shmem_inode_info *info = kmem_cache_zalloc(shmem_inode_cachep, GFP_KERNEL);

	if (!info)
		return NULL;
	simple_xattrs_init(&info->xattrs);
	return &info->vfs_inode;
}

static void shmem_free_inode(struct inode *inode)
{
	struct shmem_inode_info *info = SHMEM_I(inode);

	if (S_ISLNK(inode->i_mode))
		kfree(inode->i_link);
	simple_xattrs_free(&info->xattrs);
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
		inode->i_op = &shmem_symlink_inode_operations;
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

/*
 * rename, and RENAME_WHITEOUT for overlayfs: after the move, the old name
 * is taken by a whiteout, a character device 0/0 that tells an overlay
 * "this name is deleted, do not look below".
 */
static int shmem_rename2(struct inode *old_dir, struct dentry *old_dentry,
			 struct inode *new_dir, struct dentry *new_dentry, unsigned int flags)
{
	struct dentry *whiteout;
	int err = simple_rename(old_dir, old_dentry, new_dir, new_dentry,
				flags & ~RENAME_WHITEOUT);

	if (err || !(flags & RENAME_WHITEOUT))
		return err;
	/* vfs_rename moves old_dentry to the new name next; this one stays. */
	whiteout = d_alloc(old_dentry->d_parent, &old_dentry->d_name);
	if (!whiteout)
		return -ENOMEM;
	err = shmem_mknod(old_dir, whiteout, S_IFCHR | 0, MKDEV(0, 0));
	dput(whiteout);
	return err;
}

/* O_TMPFILE: an inode with no name; the open file's dentry is its only hold. */
static int shmem_tmpfile(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	struct inode *inode = shmem_get_inode(dir->i_sb, dir, mode, 0);

	if (!inode)
		return -ENOSPC;
	clear_nlink(inode);
	d_instantiate(dentry, inode);
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
	.rename		= shmem_rename2,
	.getattr	= simple_getattr,
	.listxattr	= shmem_listxattr,
	.tmpfile	= shmem_tmpfile,
};

/*
 * Extended attributes live in the inode's simple_xattrs under their full
 * name.  Linux 6.1's tmpfs keeps security.* and trusted.*; user.* came
 * to tmpfs in Linux 6.6 and is here too (xattr_permission already limits
 * it to regular files and directories).
 */
static int shmem_xattr_get(const struct xattr_handler *handler, struct dentry *dentry,
			   struct inode *inode, const char *name, void *buffer, size_t size)
{
	(void)dentry;
	return simple_xattr_get(&SHMEM_I(inode)->xattrs, xattr_full_name(handler, name),
				buffer, size);
}

static int shmem_xattr_set(const struct xattr_handler *handler, struct dentry *dentry,
			   struct inode *inode, const char *name, const void *value,
			   size_t size, int flags)
{
	(void)dentry;
	return simple_xattr_set(&SHMEM_I(inode)->xattrs, xattr_full_name(handler, name),
				value, size, flags);
}

static const struct xattr_handler shmem_security_xattr_handler = {
	.prefix	= XATTR_SECURITY_PREFIX,
	.get	= shmem_xattr_get,
	.set	= shmem_xattr_set,
};

static const struct xattr_handler shmem_trusted_xattr_handler = {
	.prefix	= XATTR_TRUSTED_PREFIX,
	.get	= shmem_xattr_get,
	.set	= shmem_xattr_set,
};

static const struct xattr_handler shmem_user_xattr_handler = {
	.prefix	= XATTR_USER_PREFIX,
	.get	= shmem_xattr_get,
	.set	= shmem_xattr_set,
};

static const struct xattr_handler * const shmem_xattr_handlers[] = {
	&shmem_security_xattr_handler,
	&shmem_trusted_xattr_handler,
	&shmem_user_xattr_handler,
	NULL
};

ssize_t shmem_listxattr(struct dentry *dentry, char *buffer, size_t size)
{
	struct inode *inode = d_inode(dentry);

	return simple_xattr_list(inode, &SHMEM_I(inode)->xattrs, buffer, size);
}

/*
 * File handles: a tmpfs file is named by its inode number (never reused
 * within one mount: s_next_ino only grows), in three words as Linux's
 * FILEID_INO64_GEN layout with generation 0.  Finding it again walks the
 * dcache, which for tmpfs holds every name; a file with no name left
 * (deleted, still open) is ESTALE.
 */
static int shmem_encode_fh(struct inode *inode, u32 *fh, int *len, struct inode *parent)
{
	(void)parent;
	if (*len < 3) {
		*len = 3;
		return FILEID_INVALID;
	}
	fh[0] = (u32)inode->i_ino;
	fh[1] = (u32)((u64)inode->i_ino >> 32);
	fh[2] = 0;
	*len = 3;
	return FILEID_INO64_GEN;
}

static bool shmem_fh_candidate(const struct dentry *d)
{
	return !(d->d_flags & DCACHE_CURSOR) && d->d_inode;
}

/* The first name after @pos in @parent's children (from the start if @pos is NULL). */
static struct dentry *shmem_next_child(struct dentry *parent, struct dentry *pos)
{
	struct list_head *l = pos ? pos->d_child.next : parent->d_subdirs.next;

	for (; l != &parent->d_subdirs; l = l->next) {
		struct dentry *d = list_entry(l, struct dentry, d_child);

		if (shmem_fh_candidate(d))
			return d;
	}
	return NULL;
}

/*
 * Depth first from @root for a name of inode @ino, without recursion (a
 * deep tree must not run the kernel stack out); dcache lock held.
 */
static struct dentry *shmem_find_ino(struct dentry *root, unsigned long ino)
{
	struct dentry *d = root, *next;

	for (;;) {
		if (d->d_inode && d->d_inode->i_ino == ino)
			return d;
		next = shmem_next_child(d, NULL);
		while (!next && d != root) {
			next = shmem_next_child(d->d_parent, d);
			if (!next)
				d = d->d_parent;
		}
		if (!next)
			return NULL;
		d = next;
	}
}

static struct dentry *shmem_fh_to_dentry(struct super_block *sb, u32 *fh, int len, int type)
{
	unsigned long ino;
	struct dentry *d;

	if (type != FILEID_INO64_GEN || len < 3)
		return ERR_PTR(-ESTALE);
	ino = fh[0] | ((u64)fh[1] << 32);
	dcache_lock_acquire();
	d = shmem_find_ino(sb->s_root, ino);
	if (d)
		dget_dlock(d);	/* under the lock we hold */
	dcache_lock_release();
	return d ? d : ERR_PTR(-ESTALE);
}

static const struct export_operations shmem_export_ops = {
	.encode_fh	= shmem_encode_fh,
	.fh_to_dentry	= shmem_fh_to_dentry,
};

static const struct inode_operations shmem_symlink_inode_operations = {
	.get_link	= simple_get_link,
	.listxattr	= shmem_listxattr,
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
	sb->s_xattr = shmem_xattr_handlers;
	sb->s_export_op = &shmem_export_ops;
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
	/* mmap of /dev/zero comes with that file: the tmpfs one takes its place. */
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;
	vma->vm_pgoff = 0;
	vma->vm_ops = &generic_file_vm_ops;
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
