// SPDX-License-Identifier: GPL-2.0
/*
 * procfs inodes and the fixed entries.
 *
 * A proc inode is made by a lookup and lives exactly as long as the
 * dentry that points at it.  The fixed entries (struct proc_entry
 * outside /proc/<pid>: /proc/sys, /proc/meminfo, ...) never change, so
 * their unused dentries stay in the dcache, on its LRU, until the dentry
 * shrinker frees them; every other procfs dentry is freed at its last
 * dput (proc_dentry_operations.d_delete), so the next walk asks procfs
 * again and sees the current processes and proc_create entries.  A dentry held
 * (an open /proc/<pid>) outlives its process: d_revalidate then has the
 * walk drop it, so the name is gone, or names the process that has the
 * PID now.  Fixed files
 * (struct proc_entry) are seq_files: their show function prints the
 * whole text at open (fs/seq_file.c).
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/cred.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

static struct kmem_cache *proc_inode_cachep;

static int proc_d_delete(const struct dentry *dentry)
{
	const struct proc_inode *pi;

	if (!dentry->d_inode)
		return 1;
	pi = PROC_I(dentry->d_inode);
	/* Processes and proc_create entries come and go behind our back. */
	return !pi->pde || pi->pid || pi->pid_obj || pi->dyn;
}

/* A /proc/<pid> (or task/<tid>) dentry is good while its process is. */
static int proc_d_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task;

	if (!inode || !PROC_I(inode)->pid_obj)
		return 1;
	task = get_pid_task(PROC_I(inode)->pid_obj);
	if (!task)
		return 0;
	put_task_struct(task);
	return 1;
}

const struct dentry_operations proc_dentry_operations = {
	.d_revalidate	= proc_d_revalidate,
	.d_delete	= proc_d_delete,
};

static struct inode *proc_alloc_inode(struct super_block *sb)
{
	struct proc_inode *ei = kmem_cache_zalloc(proc_inode_cachep, GFP_KERNEL);

	return ei ? &ei->vfs_inode : NULL;
}

static void proc_free_inode(struct inode *inode)
{
	struct proc_inode *ei = PROC_I(inode);

	if (inode->i_link != ei->link_buf)
		kfree(inode->i_link);
	pde_put(ei->dyn);
	put_pid(ei->pid_obj);
	kmem_cache_free(proc_inode_cachep, ei);
}

static int proc_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = PROC_SUPER_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

const struct super_operations proc_sops = {
	.alloc_inode	= proc_alloc_inode,
	.free_inode	= proc_free_inode,
	.statfs		= proc_statfs,
};

/* The VFS calls through i_op unconditionally (stat, permission): never leave it NULL. */
static const struct inode_operations proc_file_inode_operations;

struct inode *proc_new_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_op = &proc_file_inode_operations;
	inode->i_mode = mode;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	return inode;
}

/* A symlink whose target is fixed now; freed with the inode. */
void proc_set_link(struct inode *inode, const char *target)
{
	inode->i_link = kstrdup(target, GFP_KERNEL);
	inode->i_size = inode->i_link ? strlen(inode->i_link) : 0;
}

unsigned int proc_dt_type(umode_t mode)
{
	return (mode >> 12) & 15;
}

/* The seq_file show of a fixed entry: the entry is in the inode. */
static int proc_entry_show(struct seq_file *m, void *v)
{
	const struct proc_entry *pde = v;

	return pde->show(m, NULL);
}

static int proc_single_open(struct inode *inode, struct file *file)
{
	const struct proc_entry *pde = PROC_I(inode)->pde;

	if (!pde->show)
		return 0;
	return single_open(file, proc_entry_show, (void *)pde);
}

static int proc_single_release(struct inode *inode, struct file *file)
{
	return file->private_data ? single_release(inode, file) : 0;
}

static ssize_t proc_single_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	return iocb->ki_filp->private_data ? seq_read_iter(iocb, to) : -EINVAL;
}

/*
 * The entry's write gets one NUL-terminated kernel copy of the bytes, as
 * Linux's /proc/sys handlers do: they parse text, and need not care
 * whether it came from write(2), writev or splice.
 */
static ssize_t proc_single_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	const struct proc_entry *pde = PROC_I(file_inode(iocb->ki_filp))->pde;
	size_t count = iov_iter_count(from);
	ssize_t ret;
	char *kbuf;

	if (!pde->write)
		return -EIO;
	if (count >= KMALLOC_MAX_SIZE)
		return -ENOMEM;
	kbuf = kmalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_iter(kbuf, count, from) != count)
		goto out_free;
	kbuf[count] = '\0';
	ret = pde->write(iocb->ki_filp, kbuf, count, &iocb->ki_pos);
out_free:
	kfree(kbuf);
	return ret;
}

static const struct file_operations proc_single_file_operations = {
	.open		= proc_single_open,
	.read_iter	= proc_single_read_iter,
	.write_iter	= proc_single_write_iter,
	.llseek		= seq_lseek,
	.release	= proc_single_release,
};

static struct dentry *proc_subdir_lookup(struct inode *dir, struct dentry *dentry,
					 unsigned int flags)
{
	const struct proc_entry *pde = PROC_I(dir)->pde;

	return proc_entry_lookup(dir, dentry, pde->subdir, pde->nr_subdir);
}

static int proc_subdir_readdir(struct file *file, struct dir_context *ctx)
{
	const struct proc_entry *pde = PROC_I(file_inode(file))->pde;

	proc_entries_readdir(ctx, pde->subdir, pde->nr_subdir);
	return 0;
}

static const struct inode_operations proc_subdir_inode_operations = {
	.lookup		= proc_subdir_lookup,
};

static const struct file_operations proc_subdir_operations = {
	.iterate_shared	= proc_subdir_readdir,
	.llseek		= proc_dir_llseek,
};

struct inode *proc_entry_inode(struct super_block *sb, const struct proc_entry *pde)
{
	struct inode *inode = proc_new_inode(sb, pde->mode);

	if (!inode)
		return NULL;
	PROC_I(inode)->pde = pde;
	if (S_ISDIR(pde->mode)) {
		inode->i_op = &proc_subdir_inode_operations;
		inode->i_fop = &proc_subdir_operations;
	} else {
		inode->i_fop = &proc_single_file_operations;
	}
	return inode;
}

/* Look @dentry up among @ents; a miss makes it negative.  NULL or ERR_PTR. */
struct dentry *proc_entry_lookup(struct inode *dir, struct dentry *dentry,
				 const struct proc_entry *ents, unsigned int n)
{
	struct inode *inode = NULL;

	for (unsigned int i = 0; i < n; i++) {
		if (strlen(ents[i].name) == dentry->d_name.len &&
		    !memcmp(ents[i].name, dentry->d_name.name, dentry->d_name.len)) {
			inode = proc_entry_inode(dir->i_sb, &ents[i]);
			if (!inode)
				return ERR_PTR(-ENOMEM);
			break;
		}
	}
	d_add(dentry, inode);
	return NULL;
}

/*
 * ".", ".." and @ents, at positions 0 .. n+1; false when the reader's
 * buffer filled.  Inode numbers of entries not looked up are not known:
 * 1 stands in, as readdir needs only something non-zero.
 */
bool proc_entries_readdir(struct dir_context *ctx, const struct proc_entry *ents,
			  unsigned int n)
{
	while (ctx->pos < 2) {
		if (!dir_emit(ctx, "..", ctx->pos + 1, 1, DT_DIR))
			return false;
		ctx->pos++;
	}
	while (ctx->pos < 2 + (loff_t)n) {
		const struct proc_entry *e = &ents[ctx->pos - 2];

		if (!dir_emit(ctx, e->name, strlen(e->name), 1, proc_dt_type(e->mode)))
			return false;
		ctx->pos++;
	}
	return true;
}

/* Directories remember a position number only; any may be sought to. */
loff_t proc_dir_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	if (offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

int __init proc_init_inodecache(void)
{
	proc_inode_cachep = kmem_cache_create("proc_inode_cache", sizeof(struct proc_inode),
					      0, 0, NULL);
	return proc_inode_cachep ? 0 : -ENOMEM;
}
